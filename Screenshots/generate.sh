#!/usr/bin/env bash
# Regenerates the frames in this folder from the demo ecosystem at a fixed seed and moment
# (2025-11-27 21:45 UTC, during a rate-limit incident), so they change only when the dashboard does:
# every screen as text and SVG at 160x48 (<view>-160x48.txt/.svg, the README's gallery), a few
# drill-downs, sizes and themes, and the README's 80x24 frame. Run from anywhere:
#   Screenshots/generate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product ecotop >/dev/null
ecotop() { .build/debug/ecotop screenshot --time 1764279900 --seed 42 --utc "$@"; }
for view in dashboard detail errors map review alerts collectors governance help; do
    ecotop --view "$view" > "Screenshots/$view-160x48.txt"
    ecotop --view "$view" --format svg > "Screenshots/$view-160x48.svg"
done
ecotop --keys ':' > Screenshots/palette-160x48.txt
ecotop --keys ':' --format svg > Screenshots/palette-160x48.svg
ecotop --width 80 --height 24 > Screenshots/dashboard-80x24.txt
ecotop --keys $'2j\n' --range 24h --width 120 --height 32 > Screenshots/detail-active-users-24h.txt
ecotop --keys $'2j\n' --range 24h --width 120 --height 32 --theme nord --format svg > Screenshots/detail-active-users-24h-nord.svg
ecotop --ascii --width 100 --height 30 > Screenshots/dashboard-ascii-100x30.txt
ecotop --view errors --keys $'\n\n' --width 160 --height 40 > Screenshots/errors-group-160x40.txt
ecotop --view errors --keys $'\n\n\n' --width 160 --height 40 > Screenshots/errors-events-160x40.txt
ecotop --keys $'2\nb' --width 120 --height 40 > Screenshots/detail-by-component-120x40.txt
# The README's 80x24 frame: the lines between the fences after "in an 80×24 terminal".
awk -v frame=Screenshots/dashboard-80x24.txt '
    /in an 80×24 terminal/ { marked = 1 }
    marked == 1 && /^```$/ { print; while ((getline line < frame) > 0) print line; marked = 2; skipping = 1; next }
    skipping && /^```$/ { skipping = 0 }
    !skipping { print }
' README.md > README.md.new
mv README.md.new README.md
