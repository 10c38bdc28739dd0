#!/usr/bin/env python3
"""Writes the benchmark input: POINTS samples over SERIES series in ecotop's ingest shape.

Usage: generate_input.py OUT.jsonl [--points 2000000] [--series 300] [--end UNIX_SECONDS]

Series are `bench.metric{host="hNNN",region="rK"}`; one point per series every 10 s, ending at
--end (default: now, rounded down to 10 s), written time by time like a collector would.
Values are deterministic (a simple LCG), with one to six decimals.
"""
import argparse
import time

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--points", type=int, default=2_000_000)
parser.add_argument("--series", type=int, default=300)
parser.add_argument("--end", type=int, default=int(time.time()) // 10 * 10)
args = parser.parse_args()

steps = -(-args.points // args.series)
start = args.end - (steps - 1) * 10
state = 12345
written = 0
with open(args.out, "w") as out:
    for step in range(steps):
        ts = start + step * 10
        lines = []
        for series in range(args.series):
            if written == args.points:
                break
            state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
            value = round((state >> 11) / (1 << 53) * 1000, 1 + state % 6)
            lines.append(
                f'{{"ts":{ts},"name":"bench.metric","labels":{{"host":"h{series:03d}","region":"r{series % 4}"}},"value":{value}}}\n'
            )
            written += 1
        out.write("".join(lines))
