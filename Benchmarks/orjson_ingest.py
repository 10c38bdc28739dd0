#!/usr/bin/env python3
"""The baseline for `ecotop ingest`: parse the input with orjson and write the store's raw
lines, with series ids looked up in a dict, one file per hour, fsync per file at the end.

Usage: orjson_ingest.py INPUT.jsonl OUT_DIR
It does less than ecotop ingest (no rollup tiers, no catalog file, no validation beyond what
orjson checks, one fsync per file instead of one per batch), so the comparison favours Python.
"""
import os
import sys

import orjson

source, out_dir = sys.argv[1], sys.argv[2]
os.makedirs(out_dir, exist_ok=True)
series_ids = {}
files = {}
with open(source, "rb") as lines:
    for line in lines:
        record = orjson.loads(line)
        key = (record["name"], tuple(sorted(record.get("labels", {}).items())))
        series = series_ids.setdefault(key, len(series_ids))
        ms = int(record["ts"] * 1000) if record["ts"] < 100_000_000_000 else int(record["ts"])
        hour = ms // 3_600_000 * 3600
        out = files.get(hour)
        if out is None:
            out = files[hour] = open(os.path.join(out_dir, f"{hour}.jsonl"), "ab")
        out.write(orjson.dumps({"s": series, "t": ms, "v": record["value"]}) + b"\n")
for out in files.values():
    out.flush()
    os.fsync(out.fileno())
    out.close()
print(len(series_ids), "series")
