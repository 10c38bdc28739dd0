#!/usr/bin/env bash
# Times `GET /metrics` of a real `ecotop collect --listen` over HTTP (Benchmarks/README.md,
# "Serving /metrics"): an exec plugin writes SERIES series (default 10,000) every 10 s; hyperfine
# times curl fetching /metrics against curl fetching /-/healthy (the same HTTP round trip without
# the exposition), first alone, then with 50 clients that opened a connection, sent half a
# request and stalled. Needs hyperfine and curl; run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
series="${1:-10000}"
swift build -c release --product ecotop >/dev/null
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; [ -n "${stallers:-}" ] && kill "$stallers" 2>/dev/null; rm -rf "$work"' EXIT

cat >"$work/plugin.sh" <<PLUGIN
#!/bin/sh
awk -v now="\$(date +%s)" 'BEGIN { for (i = 0; i < $series; i++)
    printf "{\"ts\":%d,\"name\":\"bench.metric\",\"labels\":{\"host\":\"h%d\",\"region\":\"r%d\"},\"value\":%.1f}\n", now, i, i % 7, i * 1.5 }'
PLUGIN
chmod +x "$work/plugin.sh"
printf 'collectors:\n  - {name: bench, type: exec, interval: 10s, argv: [%s]}\nstore: {path: %s}\n' "$work/plugin.sh" "$work/store" >"$work/config.yaml"

.build/release/ecotop collect --config "$work/config.yaml" --listen 127.0.0.1:0 2>"$work/stderr" &
pid=$!
until grep -q "serving /metrics" "$work/stderr"; do sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$work/stderr" | head -1)
until [ "$(curl -s "$url/metrics" | grep -c '^bench_metric{')" -ge "$series" ]; do sleep 0.2; done
echo "serving $(curl -s "$url/metrics" | wc -c) bytes for $series series at $url/metrics"

hyperfine -N --warmup 5 --runs 100 "curl -s -o /dev/null $url/metrics" "curl -s -o /dev/null $url/-/healthy"

python3 - "$url" <<'PYTHON' &
import socket, sys, time, urllib.parse
address = urllib.parse.urlparse(sys.argv[1])
held = []
for _ in range(50):
    connection = socket.create_connection((address.hostname, address.port))
    connection.sendall(b"GET /metrics HTTP/1.1\r\nHost: x\r\n")  # and never the end of the request
    held.append(connection)
time.sleep(3600)
PYTHON
stallers=$!
sleep 1
echo "with 50 stalled clients holding connections:"
hyperfine -N --warmup 5 --runs 100 "curl -s -o /dev/null $url/metrics"
