#!/usr/bin/env python3
"""The simplest baseline for `ecotop ingest`, as issue 9 states it: a loop that only parses
each line with `orjson.loads`, serializes it again with `orjson.dumps` and writes it to one
file. No series lookup, no validation beyond what orjson checks, no fsync.

Usage: orjson_roundtrip.py INPUT.jsonl OUTPUT.jsonl
"""
import sys

import orjson

source, target = sys.argv[1], sys.argv[2]
with open(source, "rb") as lines, open(target, "wb") as out:
    for line in lines:
        out.write(orjson.dumps(orjson.loads(line), option=orjson.OPT_APPEND_NEWLINE))
