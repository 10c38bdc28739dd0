#!/usr/bin/env bash
# Idle CPU of the dashboard against htop, each in its own 160x48 tmux terminal beside the
# others: CPU ticks (utime + stime, 1/100 s) each process uses over 60 s, read from
# /proc/PID/stat after a 5 s start-up. Two dashboards: the README's first run (no store: the
# demo simulator serves history) and the demo store (`ecotop demo backfill --days 7`).
#   Benchmarks/idle-cpu.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v htop >/dev/null || { echo "idle-cpu.sh: htop is the yardstick and is not installed (apt-get install htop)" >&2; exit 1; }
swift build -c release --product ecotop >/dev/null 2>&1
bin=.build/release/ecotop
work=$(mktemp -d)
trap 'tmux -L ecotop-idle kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/empty"
"$bin" demo backfill --days 7 --store "$work/store" >/dev/null 2>&1
tmux=(tmux -L ecotop-idle)
"${tmux[@]}" new-session -d -s first -x 160 -y 48 "XDG_DATA_HOME=$work/empty XDG_CONFIG_HOME=$work/empty exec $bin --refresh 1"
"${tmux[@]}" new-session -d -s store -x 160 -y 48 "XDG_CONFIG_HOME=$work/empty exec $bin --refresh 1 --store $work/store"
"${tmux[@]}" new-session -d -s htop -x 160 -y 48 "exec htop -d 10"
sleep 5
pid() { "${tmux[@]}" display-message -p -t "$1" '#{pane_pid}'; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
first=$(pid first) store=$(pid store) htop=$(pid htop)
a=$(ticks "$first") b=$(ticks "$store") c=$(ticks "$htop")
sleep "$seconds"
echo "CPU ticks over ${seconds} s: first run (simulator) $(( $(ticks "$first") - a )), demo store $(( $(ticks "$store") - b )), htop -d 10 $(( $(ticks "$htop") - c ))"
