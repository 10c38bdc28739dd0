#!/usr/bin/env bash
# One scrape and store by the `prometheus` collector, timed against real exporters: Debian's
# prometheus-node-exporter (all default collectors) and Prometheus's own /metrics, each on a
# free loopback port. For each, `ecotop collect --once` into a fresh store (hyperfine, store
# removed before each run), then the collector's OK (stored) and BAD (skipped) counts.
#   Benchmarks/scrape.sh [runs]      needs hyperfine, prometheus, prometheus-node-exporter
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
swift build -c release --product ecotop >/dev/null 2>&1
bin=$PWD/.build/release/ecotop
work=$(mktemp -d)
pids=()
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait; rm -rf "$work"' EXIT
port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
node_port=$(port) prometheus_port=$(port)
prometheus-node-exporter --web.listen-address="127.0.0.1:$node_port" 2>/dev/null & pids+=($!)
printf 'global:\n  scrape_interval: 1h\n' >"$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
    --web.listen-address="127.0.0.1:$prometheus_port" 2>/dev/null & pids+=($!)
for port in "$node_port" "$prometheus_port"; do
    for _ in $(seq 300); do curl -sf -o /dev/null "http://127.0.0.1:$port/metrics" && break; sleep 0.1; done
done
for target in "node:$node_port" "prometheus:$prometheus_port"; do
    name=${target%%:*} port=${target##*:}
    printf 'collectors:\n  - {name: %s, type: prometheus, url: "http://127.0.0.1:%s/metrics", timeout: 30s}\nstore: {path: %s}\n' \
        "$name" "$port" "$work/store-$name" >"$work/$name.yaml"
    hyperfine -N -w 2 -r "$runs" --prepare "rm -rf $work/store-$name" -n "collect --once, $name" \
        "$bin collect --config $work/$name.yaml --once"
    rm -rf "$work/store-$name"
    "$bin" collect --config "$work/$name.yaml" --once | head -2
done
