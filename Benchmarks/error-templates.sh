#!/usr/bin/env bash
# Time of ErrorMessageTemplate.normalize over 100,000 error messages, what the errors
# screen's refresh does for every new message of up to two days of events. The normalizer's
# one file is compiled alone with -O beside Benchmarks/ErrorTemplates/main.swift; give a git
# revision to measure the normalizer as it was there (before/after comparisons).
#   Benchmarks/error-templates.sh [revision] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
source=Sources/EcotopEngine/Errors/ErrorMessageTemplate.swift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${1:-}" ]; then git show "$1:$source" > "$work/ErrorMessageTemplate.swift"; else cp "$source" "$work/"; fi
swiftc -O -module-name ErrorTemplates "$work/ErrorMessageTemplate.swift" Benchmarks/ErrorTemplates/main.swift -o "$work/error-templates"
"$work/error-templates" "${2:-5}"
