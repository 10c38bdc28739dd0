#!/bin/sh
# Reproduces the store benchmarks of Benchmarks/README.md. Needs python3 with orjson,
# hyperfine (apt-get install -y hyperfine) and perf. Uses /tmp/ecotop-bench; run from the
# repository root.
set -eu
work=/tmp/ecotop-bench
bin=.build/release/ecotop
swift build -c release --product ecotop
mkdir -p "$work"
[ -f "$work/input.jsonl" ] || python3 Benchmarks/generate_input.py "$work/input.jsonl"

echo "== ingest: 2,000,000 samples over 300 series"
hyperfine -w 1 -r 5 --prepare "rm -rf $work/store $work/orjson-out $work/roundtrip.jsonl" \
    -n "ecotop ingest" "$bin ingest --store $work/store $work/input.jsonl" \
    -n "orjson loads + dumps + write" "python3 Benchmarks/orjson_roundtrip.py $work/input.jsonl $work/roundtrip.jsonl" \
    -n "orjson parse + write lines" "python3 Benchmarks/orjson_ingest.py $work/input.jsonl $work/orjson-out"
echo "== ingest, CPU time (task-clock), interleaved rounds: steadier than wall time on a busy machine"
for round in 1 2 3; do
    rm -rf "$work/store" && perf stat -e task-clock -r 1 "$bin" ingest --store "$work/store" "$work/input.jsonl" 2>&1 | grep task-clock
    perf stat -e task-clock -r 1 python3 Benchmarks/orjson_roundtrip.py "$work/input.jsonl" "$work/roundtrip.jsonl" 2>&1 | grep task-clock
done

echo "== raw count scan over the whole range"
rm -rf "$work/store" && $bin ingest --store "$work/store" "$work/input.jsonl"
hyperfine -N -w 2 -r 10 \
    -n "ecotop query --raw --agg count" "$bin query --store $work/store --series bench.metric --raw --agg count --from 0 --format csv" \
    -n "orjson loop" "python3 Benchmarks/orjson_count.py $work/store"

echo "== first dashboard frame: 30 days of demo history vs an (almost) empty store"
rm -rf "$work/demo30" "$work/empty"
$bin demo backfill --store "$work/demo30" --days 30
# One series that is not a dashboard metric, so the dashboard reads the store, not the simulator.
echo "{\"ts\":$(date +%s),\"name\":\"unrelated\",\"value\":1}" | $bin ingest --store "$work/empty" -
for range in 1h 24h 30d; do
    hyperfine -N -w 3 -r 20 \
        -n "empty store, $range" "$bin bench first-frame --store $work/empty --range $range" \
        -n "30 days, $range" "$bin bench first-frame --store $work/demo30 --range $range"
done

echo "== peak memory (KB)"
for range in 1h 24h 30d; do
    for store in empty demo30; do
        /usr/bin/time -f "first frame $store $range: %M" $bin bench first-frame --store "$work/$store" --range $range > /dev/null
    done
done
rm -rf "$work/store"
/usr/bin/time -f "ingest: %M" $bin ingest --store "$work/store" "$work/input.jsonl"
/usr/bin/time -f "count: %M" $bin query --store "$work/store" --series bench.metric --raw --agg count --from 0 --format csv > /dev/null
