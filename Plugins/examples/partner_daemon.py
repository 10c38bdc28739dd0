#!/usr/bin/env python3
"""Ecotop `daemon` plugin (docs/plugins.md), Telegraf execd style.

Runs for as long as Ecotop does. Each newline on stdin asks for one collection: it answers
with one JSON line per metric on stdout and flushes. EOF on stdin means Ecotop is stopping:
it exits. A real daemon would keep a connection to the partner portal open between
collections; this one counts the collections it answered.
"""
import json
import os
import sys
import time


SURVEY = [("bundle-works", "bundle-builder", 8.1), ("trailshare", "gear-rental", 6.9)]


def main() -> int:
    partners = int(os.environ.get("PARTNERS", "45"))
    answered = 0
    for _ in sys.stdin:  # one line per collection; the loop ends at EOF
        answered += 1
        now = time.time()
        records = [
            {"ts": now, "name": "participation.active_partners", "labels": {"source": "portal"}, "value": partners},
            {"ts": now, "name": "participation.onboarding_velocity", "labels": {"source": "portal"}, "value": 2.5},
        ]
        # The portal's survey, per partner and the component it runs (docs/store-format.md,
        # "Labels with a meaning"): the detail view divides the metric by either with `b`.
        for partner, component, score in SURVEY:
            labels = {"source": "portal", "partner": partner, "component": component}
            records.append({"ts": now, "name": "qualitative.partner_satisfaction", "labels": labels, "value": score})
        for record in records:
            sys.stdout.write(json.dumps(record) + "\n")
        # Influx lines work too; this one carries how many collections were answered.
        sys.stdout.write(f"partner_daemon collections={answered}i\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
