"""Gold from the tools annotators already use, and pipeline output as pre-annotations to correct.

Label Studio (labeling config: ``models/evaluation/label_studio_config.xml``):
- QUANTITY, WHO, WHAT, DATE and SOURCE are ``labels`` regions on the text. A relation links a QUANTITY region to
  the WHO/WHAT/DATE/SOURCE regions that belong to it.
- Per QUANTITY region, ``textarea`` fields hold value, low, high, unit and date (the ISO value). They also hold
  who, what and source when no span of the text says them ("the value of minerals produced"). ``choices`` fields
  hold bound, change_direction and change_role.
- A relation's span wins over the textarea for who, what and source.

Prodigy (``spans`` + ``relations`` JSONL, ``answer == "accept"`` only):
- Each QUANTITY span carries its fields as extra keys: value, low, high, unit, bound, date, and change as
  {direction, role}.
- Relations labelled WHO, WHAT or SOURCE, with the quantity span as head, give those slots from the child span's text.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Optional

SLOT_LABELS = {"WHO": "who", "WHAT": "what", "SOURCE": "source", "DATE": "date_text"}
TEXT_FIELDS = ("value", "low", "high", "unit", "date", "who", "what", "source")
CHOICE_FIELDS = ("bound", "change_direction", "change_role")


class AnnotationFormatError(ValueError):
    """Problems found in an import, each naming the task (or line) and the reason."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _number(text: Any) -> Optional[float]:
    if text in (None, ""):
        return None
    return float(str(text).replace(",", ""))


def _region(rid: str, start: int, end: int, text: str, label: str) -> dict:
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}}


def _per_region(rid: str, start: int, end: int, name: str, kind: str, value: Any) -> dict:
    key = "text" if kind == "textarea" else "choices"
    return {"id": rid, "from_name": name, "to_name": "text", "type": kind,
            "value": {"start": start, "end": end, key: [value]}}


def claims_to_label_studio(documents: Iterable[dict], claims_by_doc: dict[str, list[dict]], *,
                           model_version: str = "newsclaims") -> list[dict]:
    """Label Studio tasks whose ``predictions`` hold the claims, so an annotator corrects rather than starts from zero.

    ``documents`` are dicts with ``id``, ``text`` and optional ``meta``/``published``; claims are claim dicts
    (pipeline output or gold claims).
    """
    tasks = []
    for doc in documents:
        text, result = doc["text"], []
        for qi, claim in enumerate(claims_by_doc.get(str(doc["id"]), [])):
            s, e = claim["span"]
            qid = f"q{qi}"
            result.append(_region(qid, s, e, text, "QUANTITY"))
            for name in TEXT_FIELDS:
                value = claim.get(name)
                if value is not None and (name not in ("who", "what", "source") or not claim.get(f"{name}_span")):
                    result.append(_per_region(qid, s, e, name, "textarea", _field_text(value)))
            change = claim.get("change") or {}
            for name, value in (("bound", claim.get("bound")), ("change_direction", change.get("direction")),
                                ("change_role", change.get("role"))):
                if value is not None:
                    result.append(_per_region(qid, s, e, name, "choices", value))
            for label, slot in SLOT_LABELS.items():
                span_key = "date_span" if slot == "date_text" else f"{slot}_span"
                span = claim.get(span_key)
                if span:
                    sid = f"{qid}-{label.lower()}"
                    result.append(_region(sid, span[0], span[1], text, label))
                    result.append({"type": "relation", "from_id": qid, "to_id": sid, "direction": "right"})
        meta = dict(doc.get("meta") or {})
        if doc.get("published") and "published" not in meta:
            meta["published"] = doc["published"]
        tasks.append({"data": {"id": str(doc["id"]), "text": text, **{k: v for k, v in meta.items() if k != "split"}},
                      "predictions": [{"model_version": model_version, "result": result}]})
    return tasks


def _field_text(value: Any) -> str:
    return repr(value) if isinstance(value, float) else str(value)


def label_studio_to_gold(tasks: list[dict], *, use_predictions: bool = False) -> list[dict]:
    """Gold documents from a Label Studio JSON export; every problem is collected and raised together."""
    problems: list[str] = []
    docs = []
    for n, task in enumerate(tasks):
        data = task.get("data") or {}
        tid = str(data.get("id", task.get("id", n)))
        text = data.get("text")
        if not isinstance(text, str):
            problems.append(f"task {tid}: no text in data")
            continue
        sources = task.get("predictions") if use_predictions else task.get("annotations")
        if not sources:
            problems.append(f"task {tid}: no {'predictions' if use_predictions else 'annotations'}")
            continue
        result = sources[-1].get("result") or []
        claims = _claims_of_result(tid, text, result, problems)
        meta = {k: v for k, v in data.items() if k not in ("id", "text")}
        docs.append({"id": tid, "text": text, "meta": meta, "claims": claims})
    if problems:
        raise AnnotationFormatError(problems)
    return docs


def _claims_of_result(tid: str, text: str, result: list[dict], problems: list[str]) -> list[dict]:
    regions: dict[str, dict] = {}
    fields: dict[str, dict] = {}
    relations = []
    for item in result:
        kind = item.get("type")
        if kind == "relation":
            relations.append(item)
        elif kind == "labels":
            v = item["value"]
            if text[v["start"]:v["end"]] != v.get("text", text[v["start"]:v["end"]]):
                problems.append(f"task {tid}: region {item['id']} text {v.get('text')!r} is not the text at "
                                f"[{v['start']}, {v['end']})")
            regions[item["id"]] = {"start": v["start"], "end": v["end"], "label": v["labels"][0]}
        elif kind in ("textarea", "choices"):
            key = "text" if kind == "textarea" else "choices"
            values = item["value"].get(key) or []
            fields.setdefault(item["id"], {})[item["from_name"]] = values[0] if values else None
    slots: dict[str, dict] = {}
    for rel in relations:
        if rel["from_id"] not in regions or rel["to_id"] not in regions:
            problems.append(f"task {tid}: relation {rel['from_id']} -> {rel['to_id']} names a missing region")
            continue
        target = regions[rel["to_id"]]
        slot = SLOT_LABELS.get(target["label"])
        if slot:
            slots.setdefault(rel["from_id"], {})[slot] = text[target["start"]:target["end"]]
    claims = []
    for rid, region in sorted(regions.items(), key=lambda kv: kv[1]["start"]):
        if region["label"] != "QUANTITY":
            continue
        f, related = fields.get(rid, {}), slots.get(rid, {})
        try:
            claim = {
                "span": [region["start"], region["end"]], "text": text[region["start"]:region["end"]],
                "value": _number(f.get("value")), "low": _number(f.get("low")), "high": _number(f.get("high")),
                "bound": f.get("bound") or "=", "unit": f.get("unit") or None,
                "who": related.get("who", f.get("who")), "what": related.get("what", f.get("what")),
                "date": f.get("date") or None,
                "change": ({"direction": f.get("change_direction"), "role": f["change_role"]}
                           if f.get("change_role") else None),
                "source": related.get("source", f.get("source")),
            }
        except ValueError as exc:
            problems.append(f"task {tid}: quantity {rid}: {exc}")
            continue
        claims.append(claim)
    return claims


def prodigy_to_gold(records: Iterable[dict]) -> list[dict]:
    """Gold documents from Prodigy span + relation records (accepted ones only)."""
    problems: list[str] = []
    docs = []
    for n, rec in enumerate(records):
        if rec.get("answer", "accept") != "accept":
            continue
        meta = dict(rec.get("meta") or {})
        did = str(meta.pop("id", rec.get("id", n)))
        text = rec.get("text")
        if not isinstance(text, str):
            problems.append(f"record {n} ({did}): no text")
            continue
        spans = [s for s in rec.get("spans") or [] if s.get("label") == "QUANTITY"]
        slots: dict[tuple, dict] = {}
        for rel in rec.get("relations") or []:
            slot = SLOT_LABELS.get(rel.get("label"))
            head, child = rel.get("head_span") or {}, rel.get("child_span") or {}
            if slot and slot != "date_text" and "start" in head and "start" in child:
                slots.setdefault((head["start"], head["end"]), {})[slot] = text[child["start"]:child["end"]]
        claims = []
        for s in sorted(spans, key=lambda s: s["start"]):
            related = slots.get((s["start"], s["end"]), {})
            try:
                claims.append({
                    "span": [s["start"], s["end"]], "text": text[s["start"]:s["end"]],
                    "value": _number(s.get("value")), "low": _number(s.get("low")), "high": _number(s.get("high")),
                    "bound": s.get("bound") or "=", "unit": s.get("unit"), "who": related.get("who", s.get("who")),
                    "what": related.get("what", s.get("what")), "date": s.get("date"), "change": s.get("change"),
                    "source": related.get("source", s.get("source")),
                })
            except ValueError as exc:
                problems.append(f"record {n} ({did}): span {s['start']}-{s['end']}: {exc}")
        docs.append({"id": did, "text": text, "meta": meta, "claims": claims})
    if problems:
        raise AnnotationFormatError(problems)
    return docs


def read_json_or_jsonl(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        content = fh.read()
    if content.lstrip().startswith("["):
        return json.loads(content)
    return [json.loads(line) for line in content.splitlines() if line.strip()]
