#!/usr/bin/env python3
"""The baseline for `ecotop query --raw --agg count`: count the points per series in a store's
raw segments with orjson, the fastest JSON parser in Python's reach.

Usage: orjson_count.py STORE_DIR
It parses every line of STORE_DIR/raw/*.jsonl with orjson.loads and counts points per series
id, as `ecotop query --series bench.metric --raw --agg count --from 0 --to now` does.
"""
import glob
import os
import sys
from collections import Counter

import orjson

counts = Counter()
for path in sorted(glob.glob(os.path.join(sys.argv[1], "raw", "*.jsonl"))):
    with open(path, "rb") as segment:
        for line in segment:
            point = orjson.loads(line)
            counts[point["s"]] += 1
print(len(counts), sum(counts.values()))
