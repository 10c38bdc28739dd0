#!/usr/bin/env bash
# Regenerates the frames in this folder from the demo ecosystem at a fixed seed and moment
# (2025-11-27 21:45 UTC, during a rate-limit incident), so they change only when the dashboard does.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product ecotop >/dev/null
ecotop() { .build/debug/ecotop screenshot --time 1764279900 --seed 42 --utc "$@"; }
ecotop > Screenshots/dashboard-160x48.txt
ecotop --format svg > Screenshots/dashboard-160x48.svg
ecotop --width 80 --height 24 > Screenshots/dashboard-80x24.txt
ecotop --keys '?' > Screenshots/help-160x48.txt
ecotop --keys $'2j\n' --range 24h --width 120 --height 32 > Screenshots/detail-active-users-24h.txt
ecotop --keys $'2j\n' --range 24h --width 120 --height 32 --theme nord --format svg > Screenshots/detail-active-users-24h-nord.svg
ecotop --ascii --width 100 --height 30 > Screenshots/dashboard-ascii-100x30.txt
ecotop --keys e --width 160 --height 40 > Screenshots/errors-160x40.txt
ecotop --keys c --width 120 --height 34 > Screenshots/collectors-demo-120x34.txt
ecotop --keys m > Screenshots/map-160x48.txt
ecotop --keys m --format svg > Screenshots/map-160x48.svg
ecotop --keys $'e\n\n' --width 160 --height 40 > Screenshots/errors-group-160x40.txt
ecotop --keys $'e\n\n\n' --width 160 --height 40 > Screenshots/errors-events-160x40.txt
ecotop --keys $'2\nb' --width 120 --height 40 > Screenshots/detail-by-component-120x40.txt
ecotop --keys g > Screenshots/governance-160x48.txt
