#!/usr/bin/env python3
"""Turns `ecotop query --format jsonl` raw points (stdin) into an OpenMetrics exposition with
timestamps in seconds (stdout), for `promtool tsdb create-blocks-from openmetrics`.

Names follow Ecotop's Prometheus name rule (EcotopCore's PrometheusName): every character
outside [a-zA-Z0-9_] becomes `_`, and a leading digit gets a `_` before it."""
import json
import re
import sys


def prometheus_name(name):
    name = re.sub(r"[^a-zA-Z0-9_]", "_", name)
    return "_" + name if not name or name[0].isdigit() else name


def main():
    series = {}
    for line in sys.stdin:
        point = json.loads(line)
        labels = ",".join(
            f'{prometheus_name(k)}="{v}"' for k, v in sorted(point.get("labels", {}).items()))
        series.setdefault(prometheus_name(point["name"]), {}).setdefault(labels, []).append(
            (point["ts"], point["value"]))
    out = sys.stdout
    for name in sorted(series):
        out.write(f"# TYPE {name} gauge\n")
        for labels, points in sorted(series[name].items()):
            selector = f"{name}{{{labels}}}" if labels else name
            for ts, value in sorted(points):
                out.write(f"{selector} {value} {ts}\n")
    out.write("# EOF\n")


main()
