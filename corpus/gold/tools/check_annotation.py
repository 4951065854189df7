"""Checks one or more hand-annotated gold files (corpus/gold/annotated/NNN.json).

Each file is one document in the gold format of corpus/GUIDELINES.md, pretty-printed.
Claims may carry a "text" key: it must equal text[span[0]:span[1]].

    python corpus/gold/tools/check_annotation.py corpus/gold/annotated/*.json
"""
import json
import re
import sys

BOUNDS = {"=", "~", ">", ">=", "<", "<="}
DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
DATE_RE = re.compile(rf"{DATE}(/{DATE})?")
TEXT_SLOTS = ("unit", "who", "what", "source")
KEYS = ["span", "value", "low", "high", "bound", "unit", "who", "what", "date", "change", "source"]


def check(path: str) -> list[str]:
    problems = []
    doc = json.load(open(path, encoding="utf-8"))
    text = doc["text"]
    for key in ("id", "text", "meta", "claims"):
        if key not in doc:
            problems.append(f"missing {key}")
    meta = doc.get("meta", {})
    for key in ("license", "source"):
        if not meta.get(key):
            problems.append(f"meta: missing {key} (every document keeps its license and credit)")
    prev = -1
    for i, c in enumerate(doc.get("claims", [])):
        where = f"claim {i}"
        for k in KEYS:
            if k not in c:
                problems.append(f"{where}: missing {k}")
        s, e = c["span"]
        if not (0 <= s < e <= len(text)):
            problems.append(f"{where}: span {c['span']} outside text")
            continue
        if "text" in c and text[s:e] != c["text"]:
            problems.append(f"{where}: text {c['text']!r} != slice {text[s:e]!r}")
        if s < prev:
            problems.append(f"{where}: claims not in text order")
        prev = s
        if c["bound"] not in BOUNDS:
            problems.append(f"{where}: bad bound {c['bound']}")
        if c["value"] is None and (c["low"] is None or c["high"] is None):
            problems.append(f"{where}: value null but no low/high range")
        if c["value"] is not None and (c["low"] is not None or c["high"] is not None):
            problems.append(f"{where}: both value and range")
        if c["low"] is not None and c["high"] is not None and c["low"] > c["high"]:
            problems.append(f"{where}: low > high")
        for k in ("value", "low", "high"):
            if c[k] is not None and (isinstance(c[k], bool) or not isinstance(c[k], (int, float))):
                problems.append(f"{where}: {k} must be a number or null, got {c[k]!r}")
        for k in TEXT_SLOTS:
            if c[k] is not None and (not isinstance(c[k], str) or not c[k].strip()):
                problems.append(f"{where}: {k} must be a non-empty string or null, got {c[k]!r}")
        if c["date"] is not None and not (isinstance(c["date"], str) and DATE_RE.fullmatch(c["date"])):
            problems.append(f"{where}: date {c['date']!r} is not ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD or A/B)")
        ch = c["change"]
        if ch is not None and (ch.get("role") not in {"new", "old", "delta"} or ch.get("direction") not in {"up", "down", None}):
            problems.append(f"{where}: bad change {ch}")
    return problems


if __name__ == "__main__":
    bad = 0
    for p in sys.argv[1:]:
        for msg in check(p):
            bad += 1
            print(f"{p}: {msg}")
    print("ok" if not bad else f"{bad} problems")
    sys.exit(1 if bad else 0)
