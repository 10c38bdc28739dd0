#!/usr/bin/env bash
# The dashboard's first frame read from a real Prometheus against the same 30 days in the local
# store (Benchmarks/README.md, "Reading from Prometheus"). Needs hyperfine, prometheus and
# promtool. Uses /tmp/ecotop-bench; run from the repository root.
set -euo pipefail
work=/tmp/ecotop-bench
bin=${ECOTOP:-.build/release/ecotop}
# BEFORE=path/to/old/ecotop also times that binary's Prometheus first frame on the same data.
before=${BEFORE:-}
port=${PORT:-19390}

# Both copies of the data are made afresh on every run, so that their newest samples are a
# minute or two old, as live data is: Prometheus looks back only five minutes for a series'
# newest sample, and data older than that costs one more request per metric.
rm -rf "$work/demo30" "$work/prometheus"
mkdir -p "$work/prometheus"
$bin demo backfill --store "$work/demo30" --days 30 > /dev/null
$bin query --store "$work/demo30" --series '{}' --from -31d --to now --format jsonl \
    | python3 Benchmarks/store_to_openmetrics.py > "$work/prometheus/demo30.om"
promtool tsdb create-blocks-from openmetrics "$work/prometheus/demo30.om" "$work/prometheus/data" > /dev/null
printf 'global:\n  scrape_interval: 1h\n' > "$work/prometheus/prometheus.yml"
prometheus --config.file="$work/prometheus/prometheus.yml" --storage.tsdb.path="$work/prometheus/data" \
    --storage.tsdb.retention.time=100y --web.listen-address=127.0.0.1:$port > "$work/prometheus/log" 2>&1 &
server=$!
trap 'kill $server; wait $server 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/-/ready" > /dev/null; do sleep 0.1; done

# The CPU time of one first frame, mean of 5 runs: the client's (user + system, all threads)
# and the server's (Prometheus's utime + stime from /proc, before and after), in ms.
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
cpu_per_frame() {
    local client=0 server_ticks
    server_ticks=$(ticks)
    for _ in 1 2 3 4 5; do
        client=$(( client + $( { /usr/bin/time -f '%U %S' "$@" > /dev/null; } 2>&1 | awk '{print int(($1 + $2) * 1000)}') ))
    done
    echo "client $(( client / 5 )) ms, server $(( ($(ticks) - server_ticks) * 10 / 5 )) ms"
}

url="http://127.0.0.1:$port"
for range in 1h 24h 30d; do
    echo "== range $range"
    $bin bench first-frame --source prometheus --url "$url" --range $range --second-refresh
    hyperfine -N -w 3 -r 10 \
        -n "store, $range" "$bin bench first-frame --store $work/demo30 --range $range" \
        -n "prometheus, $range" "$bin bench first-frame --source prometheus --url $url --range $range" \
        ${before:+-n "prometheus before, $range" "$before bench first-frame --source prometheus --url $url --range $range"}
    echo "CPU per first frame: $(cpu_per_frame $bin bench first-frame --source prometheus --url "$url" --range $range)"
    [ -z "$before" ] || echo "CPU per first frame, before: $(cpu_per_frame $before bench first-frame --source prometheus --url "$url" --range $range)"
done
