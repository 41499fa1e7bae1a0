#!/usr/bin/env python3
"""Appends one result record to results.jsonl: record.py FILE KIND key=value...
A value that parses as JSON (number, true/false/null, object, quoted string) is kept as JSON, else as a string."""
import json
import sys

path, kind, *pairs = sys.argv[1:]
obj = {"kind": kind}
for pair in pairs:
    key, _, value = pair.partition("=")
    try:
        obj[key] = json.loads(value)
    except ValueError:
        obj[key] = value
with open(path, "a", encoding="utf-8") as out:
    out.write(json.dumps(obj) + "\n")
