#!/bin/sh
# Reproduces the store benchmarks of Benchmarks/README.md. Needs python3 with orjson and
# hyperfine (apt-get install -y hyperfine). Uses /tmp/ecotop-bench; run from the repository root.
set -eu
work=/tmp/ecotop-bench
bin=.build/release/ecotop
swift build -c release --product ecotop
mkdir -p "$work"
[ -f "$work/input.jsonl" ] || python3 Benchmarks/generate_input.py "$work/input.jsonl"

echo "== ingest: 2,000,000 samples over 300 series"
hyperfine -w 1 -r 5 --prepare "rm -rf $work/store $work/orjson-out" \
    -n "ecotop ingest" "$bin ingest --store $work/store $work/input.jsonl" \
    -n "orjson parse + write lines" "python3 Benchmarks/orjson_ingest.py $work/input.jsonl $work/orjson-out"

echo "== raw count scan over the whole range"
rm -rf "$work/store" && $bin ingest --store "$work/store" "$work/input.jsonl"
hyperfine -N -w 2 -r 10 \
    -n "ecotop query --raw --agg count" "$bin query --store $work/store --series bench.metric --raw --agg count --from 0 --format csv" \
    -n "orjson loop" "python3 Benchmarks/orjson_count.py $work/store"

echo "== 30 days of demo history vs an empty store: every metric, 240 points"
rm -rf "$work/demo30" "$work/empty"
$bin demo backfill --store "$work/demo30" --days 30
$bin ingest --store "$work/empty" /dev/null
hyperfine -N -w 3 -r 30 \
    -n "empty store" "$bin query --store $work/empty --series {} --from=-30d --step 3h --agg avg --format csv" \
    -n "30 days" "$bin query --store $work/demo30 --series {} --from=-30d --step 3h --agg avg --format csv"

echo "== peak memory (KB)"
for store in empty demo30; do
    /usr/bin/time -f "$store: %M" $bin query --store "$work/$store" --series {} --from=-30d --step 3h --agg avg --format csv > /dev/null
done
rm -rf "$work/store"
/usr/bin/time -f "ingest: %M" $bin ingest --store "$work/store" "$work/input.jsonl"
/usr/bin/time -f "count: %M" $bin query --store "$work/store" --series bench.metric --raw --agg count --from 0 --format csv > /dev/null
