"""Gold from the tools annotators already use, and pipeline output as pre-annotations to correct.

A newsroom that labels in Label Studio or Prodigy should not have to retype its work into the gold format of
``corpus/GUIDELINES.md``, and should not start from zero either: the pipeline's claims go out as Label Studio
*predictions*, an annotator corrects them, and the export comes back as gold. Everything here is plain data in,
plain data out; the only I/O is in the CLI glue at the end (`convert_main`).

Label Studio (labeling config: ``models/evaluation/label_studio_config.xml``)
---------------------------------------------------------------------------
- ``labels`` regions (control ``label``, object ``text``) labelled QUANTITY, WHO, WHAT, DATE or SOURCE. A
  QUANTITY region is one claim and its offsets are the claim's ``span``.
- A ``relation`` joins a QUANTITY region to a WHO/WHAT/SOURCE/DATE region of the same claim (either direction;
  a relation label is not needed: the slot is the label of the region that is not the QUANTITY). The related
  region's text is the slot: ``who``/``what``/``source`` come from the text itself, so they are exact.
- Per-region fields of the QUANTITY region (``perRegion`` controls, results keyed by the region id):
  textareas ``value``, ``low``, ``high`` (numbers, scale applied: "5000000000"), ``unit``, ``date`` (the ISO value,
  "2024-10" or "2020/2023"; a DATE span only shows where the text says it), and ``who``, ``what``, ``source`` for
  a slot that no span of the text says ("minerals produced" joins words from two places); choices ``bound``
  (=, ~, >, >=, <, <=; unset means =), ``change_direction`` (up, down) and ``change_role`` (new, old, delta; set
  means the figure is part of a change).
- A slot given both by a span and by its textarea with different text is an error, not a silent pick: a
  corrected pre-annotation must say one thing.
- The document id is ``data.id`` (else the task id); every other ``data`` key but ``text`` goes to ``meta``
  (``published``, ``source``, ``url``, ``license``, ``title`` ...). Of a task's annotations, cancelled ones are
  skipped; more than one left needs exactly one marked ground truth. Tasks with no annotation are skipped (not
  labelled yet), which the CLI reports.

Prodigy (``prodigy db-out`` of a ``rel.manual``-style dataset: ``spans`` + ``relations``)
-----------------------------------------------------------------------------------------
- Only ``"answer": "accept"`` records count; one record is one whole document (no sentence splitting, since the
  gold offsets index the document), its id is ``meta.id`` (else ``id``, else ``_input_hash``), and the rest of
  ``meta`` (minus ``claims``) is the gold ``meta``.
- Span labels are the same five; relations join a QUANTITY span to a slot span, found through ``head_span`` /
  ``child_span`` offsets when present, else through the ``head``/``child`` token indices (a span covers tokens
  ``token_start``..``token_end``, inclusive).
- Prodigy's UI has no per-span form, so the quantity attributes travel as data. Convention: the QUANTITY span's
  extra keys ``value``, ``low``, ``high``, ``unit``, ``bound``, ``date``, ``change`` ({"direction", "role"}) or
  ``change_direction``/``change_role``, and ``who``/``what``/``source`` for slots no span says; or, because a
  recipe's span edits can drop extra keys while the task's meta survives, the same keys in an entry of
  ``meta["claims"]`` whose ``"span": [start, end]`` equals the QUANTITY span. Both may be used; they must agree.

Both importers collect every problem (naming the task or record and the reason) and raise them together in one
`AnnotationFormatError`, so an annotator fixes a whole export in one pass.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Optional, Sequence
from newsclaims.resources import model_path

LABEL_CONFIG_PATH = model_path("evaluation", "label_studio_config.xml")

QUANTITY = "QUANTITY"
SLOT_OF_LABEL: Mapping[str, str] = MappingProxyType({"WHO": "who", "WHAT": "what", "DATE": "date", "SOURCE": "source"})
LABELS = (QUANTITY, *SLOT_OF_LABEL)
TEXT_SLOTS = ("who", "what", "source")  # slots whose value is text of the document
NUMBER_FIELDS = ("value", "low", "high")
TEXTAREA_FIELDS = (*NUMBER_FIELDS, "unit", "date", *TEXT_SLOTS)
CHOICE_FIELDS = ("bound", "change_direction", "change_role")
BOUNDS = ("=", "~", ">", ">=", "<", "<=")
DIRECTIONS = ("up", "down")
ROLES = ("new", "old", "delta")
GOLD_SLOTS = ("span", "value", "low", "high", "bound", "unit", "who", "what", "date", "change", "source")
ATTRIBUTE_KEYS = (*TEXTAREA_FIELDS, "bound", "change", "change_direction", "change_role")

# Label Studio control and object names, as in the labeling config.
LS_LABELS = "label"
LS_TEXT = "text"

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # "45,000" but not "1,5"
_INTEGER = re.compile(r"[+-]?\d+")
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?")


class AnnotationFormatError(ValueError):
    """Problems found in an import or export, each naming the task (or record) and the reason."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__(f"{len(problems)} problem(s):\n" + "\n".join(problems))
        self.problems = list(problems)


# ----------------------------------------------------------------------------------- shared: fields -> claim

def parse_number(raw: Any) -> tuple[Optional[float], Optional[str]]:
    """(number, None) or (None, reason) for a typed field: int stays int so "45000" round-trips as 45000.

    Thousands separators are accepted only as grouping ("45,000"), never as a decimal comma ("1,5"), since
    reading "1,5" as 15 would be a silent error in the gold.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, None
    if isinstance(raw, bool):
        return None, f"expected a number, got {raw!r}"
    if isinstance(raw, (int, float)):
        return raw, None
    if not isinstance(raw, str):
        return None, f"expected a number, got {raw!r}"
    text = raw.strip().replace("\u2212", "-")
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    if not _NUMBER.fullmatch(text):
        return None, f"{raw!r} is not a number (write digits with the scale applied: 5000000000, 33.3)"
    return (int(text) if _INTEGER.fullmatch(text) else float(text)), None


def number_text(value: Any) -> str:
    """A number as an annotator reads it and `parse_number` reads it back unchanged (86300000000.0 -> "86300000000")."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def _optional_text(raw: Any) -> Optional[str]:
    """A typed unit/date: surrounding blanks dropped, empty means not given."""
    if raw is None:
        return None
    text = str(raw).strip()
    return text or None


def _slot_value(slot: str, typed: Any, from_spans: Sequence[str]) -> tuple[Optional[str], Optional[str]]:
    """The slot's text from its related spans or its typed field; (None, reason) when they disagree."""
    distinct = list(dict.fromkeys(from_spans))
    if len(distinct) > 1:
        return None, f"{slot} has {len(distinct)} different {slot.upper()} spans {distinct!r}; keep one"
    typed = typed if typed not in ("", None) else None
    if distinct and typed is not None and typed != distinct[0]:
        return None, (f"{slot} is {distinct[0]!r} by its {slot.upper()} span but {typed!r} in the {slot} field; "
                      f"clear one of them")
    return (distinct[0] if distinct else typed), None


def _change(fields: Mapping[str, Any]) -> tuple[Optional[dict], Optional[str]]:
    """{"direction", "role"} from a ``change`` object or the two choices; a direction without a role is an error."""
    given = fields.get("change")
    if given is not None and not isinstance(given, Mapping):
        return None, f"change must be an object {{direction, role}}, got {given!r}"
    given = given or {}
    direction = _optional_text(given.get("direction", fields.get("change_direction")))
    role = _optional_text(given.get("role", fields.get("change_role")))
    if direction is None and role is None:
        return None, None
    if direction is not None and direction not in DIRECTIONS:
        return None, f"change direction {direction!r} is not one of {', '.join(DIRECTIONS)}"
    if role is None:
        return None, f"change direction {direction!r} without a change role (new, old or delta)"
    if role not in ROLES:
        return None, f"change role {role!r} is not one of {', '.join(ROLES)}"
    return {"direction": direction, "role": role}, None


def build_claim(text: str, span: Sequence[int], fields: Mapping[str, Any],
                related: Mapping[str, Sequence[str]]) -> tuple[Optional[dict], list[str]]:
    """One gold claim from a quantity's typed ``fields`` and the texts of its ``related`` slot spans.

    Both importers end here, so Label Studio and Prodigy data obey the same rules. Returns the claim, or None and
    the reasons (without the task name, which the caller adds).
    """
    problems: list[str] = []
    numbers = {}
    for name in NUMBER_FIELDS:
        numbers[name], problem = parse_number(fields.get(name))
        if problem:
            problems.append(f"{name}: {problem}")
    if not problems and all(v is None for v in numbers.values()):
        problems.append("no value, low or high")
    bound = _optional_text(fields.get("bound")) or "="
    if bound not in BOUNDS:
        problems.append(f"bound {bound!r} is not one of {' '.join(BOUNDS)}")
    date = _optional_text(fields.get("date"))
    if date is not None and not _ISO_DATE.fullmatch(date):
        problems.append(f"date {date!r} is not ISO 8601 (2024, 2024-10, 2024-10-30 or an interval a/b)")
    if related.get("date") and date is None:
        problems.append(f"DATE span {related['date'][0]!r} but no ISO value in the date field")
    change, problem = _change(fields)
    if problem:
        problems.append(problem)
    slots = {}
    for slot in TEXT_SLOTS:
        slots[slot], problem = _slot_value(slot, fields.get(slot), related.get(slot, ()))
        if problem:
            problems.append(problem)
    if problems:
        return None, problems
    start, end = span
    return {"span": [start, end], "text": text[start:end], **numbers, "bound": bound,
            "unit": _optional_text(fields.get("unit")), "who": slots["who"], "what": slots["what"], "date": date,
            "change": change, "source": slots["source"]}, []


def _span_problem(text: str, start: Any, end: Any, shown: Any) -> Optional[str]:
    """Why offsets do not fit the text, or why the tool's copy of the span text is not the text there."""
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        return f"offsets must be integers, got [{start!r}, {end!r}]"
    if not 0 <= start < end <= len(text):
        return f"[{start}, {end}) is outside the text (length {len(text)})"
    if shown is not None and shown != text[start:end]:
        return f"text {shown!r} is not the text at [{start}, {end}) {text[start:end]!r}"
    return None


# --------------------------------------------------------------------------------------- Label Studio import

def label_studio_to_gold(tasks: Sequence[Mapping[str, Any]], *, use_predictions: bool = False) -> list[dict]:
    """Gold documents from a Label Studio JSON export (a list of tasks), in task order.

    ``use_predictions`` reads each task's prediction instead of its annotation (to check pre-annotations, or to
    take a model's output as draft gold). Raises `AnnotationFormatError` with every problem of every task.
    """
    problems: list[str] = []
    docs: list[dict] = []
    seen: dict[str, str] = {}
    for n, task in enumerate(tasks):
        name = _task_name(task, n)
        doc, task_problems = _label_studio_document(task, name, use_predictions)
        problems.extend(f"task {name}: {p}" for p in task_problems)
        if doc is None:
            continue
        if doc["id"] in seen:
            problems.append(f"task {name}: document id {doc['id']!r} already used by task {seen[doc['id']]}")
        seen[doc["id"]] = name
        docs.append(doc)
    if problems:
        raise AnnotationFormatError(problems)
    return docs


def _task_name(task: Any, n: int) -> str:
    """How problems name a task: its document id, else Label Studio's task id, else its position."""
    if isinstance(task, Mapping):
        data = task.get("data") if isinstance(task.get("data"), Mapping) else {}
        for key in (data.get("id"), task.get("id")):
            if key is not None:
                return str(key)
    return f"#{n + 1}"


def _label_studio_document(task: Any, name: str, use_predictions: bool) -> tuple[Optional[dict], list[str]]:
    """One gold document, or None (not annotated yet, or broken) and the task's problems."""
    if not isinstance(task, Mapping) or not isinstance(task.get("data"), Mapping):
        return None, ["not a Label Studio task (no 'data' object)"]
    data = task["data"]
    text = data.get(LS_TEXT)
    if not isinstance(text, str):
        return None, [f"no text in data.{LS_TEXT}"]
    result, problems = _chosen_result(task, use_predictions)
    if result is None:
        return None, problems
    claims, problems = _label_studio_claims(text, result)
    if problems:
        return None, problems
    meta = {k: v for k, v in data.items() if k not in ("id", LS_TEXT)}
    if isinstance(meta.get("meta"), Mapping):  # tasks imported with a nested meta object
        meta = {**meta.pop("meta"), **meta}
    doc_id = data.get("id", task.get("id"))
    return {"id": str(doc_id if doc_id is not None else name), "text": text, "meta": meta, "claims": claims}, []


def _chosen_result(task: Mapping[str, Any], use_predictions: bool) -> tuple[Optional[list], list[str]]:
    """The result list to convert: the one live annotation, or the ground-truth one among several."""
    key = "predictions" if use_predictions else "annotations"
    items = [a for a in task.get(key) or [] if isinstance(a, Mapping) and not a.get("was_cancelled")]
    if not items:
        return None, []
    if len(items) > 1:
        truth = [a for a in items if a.get("ground_truth")]
        if len(truth) != 1:
            return None, [f"{len(items)} {key} and {'none' if not truth else len(truth)} marked ground truth; "
                          f"mark exactly one as ground truth"]
        items = truth
    result = items[0].get("result")
    if not isinstance(result, list):
        return None, [f"{key[:-1]} without a result list"]
    return result, []


def _label_studio_claims(text: str, result: Sequence[Any]) -> tuple[list[dict], list[str]]:
    """Claims of one result list; regions, relations and per-region fields are matched by region id."""
    regions, broken, fields, relations, problems = _split_result(text, result)
    related, relation_problems = _related_texts(text, regions, broken, relations)
    problems.extend(relation_problems)
    for rid, per_region in fields.items():
        if rid in broken:
            continue  # the region's own problem is reported; its fields would only repeat it
        if rid not in regions:
            problems.append(f"fields {sorted(per_region)} belong to region {rid!r}, which is not in the result")
        elif regions[rid]["label"] != QUANTITY:
            problems.append(f"fields {sorted(per_region)} are on a {regions[rid]['label']} region {rid!r}; "
                            f"they belong on its QUANTITY")
    claims = []
    quantities = [(rid, r) for rid, r in regions.items() if r["label"] == QUANTITY]
    for rid, region in sorted(quantities, key=lambda item: (item[1]["start"], item[1]["end"])):
        claim, claim_problems = build_claim(text, (region["start"], region["end"]), fields.get(rid, {}),
                                            related.get(rid, {}))
        where = f"QUANTITY {rid!r} {text[region['start']:region['end']]!r}"
        problems.extend(f"{where}: {p}" for p in claim_problems)
        if claim is not None:
            claims.append(claim)
    return claims, problems


def _split_result(text: str, result: Sequence[Any]) -> tuple[dict, set, dict, list, list[str]]:
    """(regions by id, ids of broken regions, per-region fields by id, relations, problems) of one result list.

    A broken region is reported once; the relations and fields that name it are then left alone rather than
    reported again as pointing at a missing region.
    """
    regions: dict[str, dict] = {}
    broken: set[str] = set()
    fields: dict[str, dict] = {}
    relations: list[Mapping[str, Any]] = []
    problems: list[str] = []
    for item in result:
        if not isinstance(item, Mapping):
            problems.append(f"result item {item!r} is not an object")
            continue
        kind, rid, value = item.get("type"), item.get("id"), item.get("value")
        if kind == "relation":
            relations.append(item)
        elif kind == "labels" and isinstance(value, Mapping):
            region, problem = _region(text, value)
            if problem:
                problems.append(f"region {rid!r}: {problem}")
                broken.add(rid)
            elif rid in regions:
                problems.append(f"region id {rid!r} used twice")
            else:
                regions[rid] = region
        elif kind in ("textarea", "choices") and isinstance(value, Mapping):
            name, problem = item.get("from_name"), None
            entries = value.get("text" if kind == "textarea" else "choices") or []
            allowed = TEXTAREA_FIELDS if kind == "textarea" else CHOICE_FIELDS
            if rid is None:
                problem = f"{kind} {name!r} is not per region"
            elif name not in allowed:
                problem = f"unknown {kind} {name!r} (expected one of {', '.join(allowed)})"
            elif not isinstance(entries, list) or len(entries) > 1:
                problem = f"{name} has {len(entries)} values {entries!r}; keep one"
            if problem:
                problems.append(f"region {rid!r}: {problem}")
            else:
                fields.setdefault(rid, {})[name] = entries[0] if entries else None
        else:
            problems.append(f"result item {rid!r} of type {kind!r} is not part of the labeling config")
    return regions, broken, fields, relations, problems


def _region(text: str, value: Mapping[str, Any]) -> tuple[Optional[dict], Optional[str]]:
    """A labels region as {start, end, label}, or why it cannot be one (bad offsets, text, label)."""
    labels = value.get("labels") or []
    if len(labels) != 1 or labels[0] not in LABELS:
        return None, f"labels {labels!r}: expected one of {', '.join(LABELS)}"
    problem = _span_problem(text, value.get("start"), value.get("end"), value.get("text"))
    if problem:
        return None, problem
    return {"start": value["start"], "end": value["end"], "label": labels[0]}, None


def _related_texts(text: str, regions: Mapping[str, dict], broken: set[str],
                   relations: Sequence[Mapping[str, Any]]) -> tuple[dict[str, dict[str, list[str]]], list[str]]:
    """For each QUANTITY id, the slot texts of the regions related to it; plus relation problems.

    A slot region that no relation reaches is an error: its annotator meant it for some claim, and dropping it
    silently would lose a who or a source from the gold.
    """
    related: dict[str, dict[str, list[str]]] = {}
    reached: set[str] = set()
    problems: list[str] = []
    for rel in relations:
        ends = (rel.get("from_id"), rel.get("to_id"))
        if broken.intersection(ends):
            reached.update(ends)  # related to a region whose problem is already reported
            continue
        missing = [e for e in ends if e not in regions]
        if missing:
            problems.append(f"relation {ends[0]!r} -> {ends[1]!r} names a missing region {missing[0]!r}")
            continue
        labels = [regions[e]["label"] for e in ends]
        if labels.count(QUANTITY) != 1:
            problems.append(f"relation {ends[0]!r} -> {ends[1]!r} joins {labels[0]} and {labels[1]}; a relation "
                            f"joins one QUANTITY to one WHO, WHAT, DATE or SOURCE")
            continue
        qid, sid = ends if labels[0] == QUANTITY else ends[::-1]
        slot_region = regions[sid]
        related.setdefault(qid, {}).setdefault(SLOT_OF_LABEL[slot_region["label"]], []).append(
            text[slot_region["start"]:slot_region["end"]])
        reached.add(sid)
    for rid, region in regions.items():
        if region["label"] != QUANTITY and rid not in reached:
            problems.append(f"{region['label']} region {rid!r} {text[region['start']:region['end']]!r} is not "
                            f"related to any QUANTITY")
    return related, problems


# ------------------------------------------------------------------------------------------- Prodigy import

def prodigy_to_gold(records: Iterable[Mapping[str, Any]]) -> list[dict]:
    """Gold documents from Prodigy span + relation records (``answer == "accept"`` only), in record order.

    The attribute convention is in the module docstring. Raises `AnnotationFormatError` with every problem.
    """
    problems: list[str] = []
    docs: list[dict] = []
    seen: dict[str, int] = {}
    for n, record in enumerate(records):
        if not isinstance(record, Mapping) or record.get("answer") != "accept":
            continue
        meta = record.get("meta") if isinstance(record.get("meta"), Mapping) else {}
        doc_id = _prodigy_id(record, meta)
        where = f"record {n + 1}" + (f" ({doc_id})" if doc_id is not None else "")
        doc, record_problems = _prodigy_document(record, doc_id)
        problems.extend(f"{where}: {p}" for p in record_problems)
        if doc is None:
            continue
        if doc["id"] in seen:
            problems.append(f"{where}: document id {doc['id']!r} already accepted in record {seen[doc['id']]}; "
                            f"one record per whole document")
        seen[doc["id"]] = n + 1
        docs.append(doc)
    if problems:
        raise AnnotationFormatError(problems)
    return docs


def _prodigy_id(record: Mapping[str, Any], meta: Mapping[str, Any]) -> Optional[str]:
    """The document id: ``meta.id`` (what our task streams carry), else ``id``, else Prodigy's input hash."""
    for key in (meta.get("id"), record.get("id"), record.get("_input_hash")):
        if key is not None:
            return str(key)
    return None


def _prodigy_document(record: Mapping[str, Any], doc_id: Optional[str]) -> tuple[Optional[dict], list[str]]:
    """One gold document, or None and the record's problems."""
    text = record.get("text")
    meta = dict(record["meta"]) if isinstance(record.get("meta"), Mapping) else {}
    if not isinstance(text, str):
        return None, ["no text"]
    if doc_id is None:
        return None, ["no document id (meta.id, id or _input_hash)"]
    spans, broken, problems = _prodigy_spans(text, record.get("spans") or [])
    related, relation_problems = _prodigy_related(text, record, spans, broken)
    problems.extend(relation_problems)
    from_meta, meta_problems = _meta_attributes(meta.pop("claims", None), spans, broken)
    problems.extend(meta_problems)
    meta.pop("id", None)
    claims = []
    for key, span in sorted(spans.items()):
        if span["label"] != QUANTITY:
            continue
        fields, field_problems = _merged_attributes(span, from_meta.get(key, {}))
        claim, claim_problems = build_claim(text, key, fields, related.get(key, {}))
        where = f"QUANTITY {text[key[0]:key[1]]!r} [{key[0]}, {key[1]})"
        problems.extend(f"{where}: {p}" for p in field_problems + claim_problems)
        if claim is not None:
            claims.append(claim)
    if problems:
        return None, problems
    return {"id": doc_id, "text": text, "meta": meta, "claims": claims}, []


def _prodigy_spans(text: str, spans: Sequence[Any]) -> tuple[dict[tuple[int, int], dict], list[dict], list[str]]:
    """(good spans by (start, end), broken spans, problems); two labels on one span is an error.

    Broken spans are kept aside so that relations and meta entries naming them are not reported a second time.
    """
    out: dict[tuple[int, int], dict] = {}
    broken: list[dict] = []
    problems: list[str] = []
    for span in spans:
        if not isinstance(span, Mapping):
            problems.append(f"span {span!r} is not an object")
            continue
        label = span.get("label")
        problem = _span_problem(text, span.get("start"), span.get("end"), span.get("text"))
        if problem is None and label not in LABELS:
            problem = f"label {label!r}: expected one of {', '.join(LABELS)}"
        if problem:
            problems.append(f"span {span.get('label')} [{span.get('start')}, {span.get('end')}): {problem}")
            broken.append(dict(span))
            continue
        key = (span["start"], span["end"])
        if key in out and out[key]["label"] != label:
            problems.append(f"span [{key[0]}, {key[1]}) is labelled both {out[key]['label']} and {label}")
            continue
        out[key] = dict(span)
    return out, broken, problems


def _span_of_token(spans: Mapping[tuple[int, int], dict], token: Any) -> Optional[tuple[int, int]]:
    """The span covering token index ``token`` (Prodigy's head/child point at a span's last token)."""
    for key, span in spans.items():
        first, last = span.get("token_start"), span.get("token_end")
        if isinstance(token, int) and isinstance(first, int) and isinstance(last, int) and first <= token <= last:
            return key
    return None


def _relation_end(spans: Mapping[tuple[int, int], dict], rel: Mapping[str, Any], end: str) -> Optional[tuple[int, int]]:
    """The span a relation end names: by ``head_span``/``child_span`` offsets if given, else by token index."""
    given = rel.get(f"{end}_span")
    if isinstance(given, Mapping) and "start" in given and "end" in given:
        key = (given["start"], given["end"])
        return key if key in spans else None
    return _span_of_token(spans, rel.get(end))


def _names_broken(rel: Mapping[str, Any], broken: Sequence[dict]) -> bool:
    """Whether a relation end is a span whose own problem is already reported."""
    for end in ("head", "child"):
        given = rel.get(f"{end}_span")
        for span in broken:
            offsets = (span.get("start"), span.get("end"))
            if isinstance(given, Mapping) and (given.get("start"), given.get("end")) == offsets:
                return True
            first, last, token = span.get("token_start"), span.get("token_end"), rel.get(end)
            if not isinstance(given, Mapping) and all(isinstance(x, int) for x in (first, last, token)) \
                    and first <= token <= last:
                return True
    return False


def _prodigy_related(text: str, record: Mapping[str, Any], spans: Mapping[tuple[int, int], dict],
                     broken: Sequence[dict]) -> tuple[dict[tuple[int, int], dict[str, list[str]]], list[str]]:
    """For each QUANTITY span, the texts of its related slot spans; plus relation problems."""
    related: dict[tuple[int, int], dict[str, list[str]]] = {}
    reached: set[tuple[int, int]] = set()
    problems: list[str] = []
    for rel in record.get("relations") or []:
        if not isinstance(rel, Mapping):
            problems.append(f"relation {rel!r} is not an object")
            continue
        ends = (_relation_end(spans, rel, "head"), _relation_end(spans, rel, "child"))
        if _names_broken(rel, broken):
            reached.update(e for e in ends if e is not None)
            continue
        if None in ends:
            problems.append(f"relation {rel.get('label')!r} head {rel.get('head')!r} -> child {rel.get('child')!r} "
                            f"does not end on a span of the record")
            continue
        labels = [spans[e]["label"] for e in ends]
        if labels.count(QUANTITY) != 1:
            problems.append(f"relation {rel.get('label')!r} joins {labels[0]} {text[ends[0][0]:ends[0][1]]!r} and "
                            f"{labels[1]} {text[ends[1][0]:ends[1][1]]!r}; it must join one QUANTITY to one slot")
            continue
        qkey, skey = ends if labels[0] == QUANTITY else ends[::-1]
        related.setdefault(qkey, {}).setdefault(SLOT_OF_LABEL[spans[skey]["label"]], []).append(text[skey[0]:skey[1]])
        reached.add(skey)
    for key, span in spans.items():
        if span["label"] != QUANTITY and key not in reached:
            problems.append(f"{span['label']} span {text[key[0]:key[1]]!r} [{key[0]}, {key[1]}) is not related to "
                            f"any QUANTITY")
    return related, problems


def _meta_attributes(entries: Any, spans: Mapping[tuple[int, int], dict],
                     broken: Sequence[dict]) -> tuple[dict[tuple[int, int], dict], list[str]]:
    """``meta["claims"]`` entries by span; an entry for no QUANTITY span is an error (its claim would be lost)."""
    if entries is None:
        return {}, []
    if not isinstance(entries, list):
        return {}, [f"meta.claims must be a list, got {type(entries).__name__}"]
    out: dict[tuple[int, int], dict] = {}
    problems = []
    for entry in entries:
        span = entry.get("span") if isinstance(entry, Mapping) else None
        if not (isinstance(span, list) and len(span) == 2):
            problems.append(f"meta.claims entry {entry!r} has no span [start, end]")
            continue
        key = (span[0], span[1])
        if any((b.get("start"), b.get("end")) == key for b in broken):
            continue
        if key not in spans or spans[key]["label"] != QUANTITY:
            problems.append(f"meta.claims entry for [{key[0]}, {key[1]}) matches no QUANTITY span")
            continue
        out[key] = {k: v for k, v in entry.items() if k in ATTRIBUTE_KEYS}
    return out, problems


def _merged_attributes(span: Mapping[str, Any], from_meta: Mapping[str, Any]) -> tuple[dict, list[str]]:
    """The span's extra keys and its meta.claims entry, which must not contradict each other."""
    own = {k: v for k, v in span.items() if k in ATTRIBUTE_KEYS}
    clashes = [k for k in own.keys() & from_meta.keys() if own[k] != from_meta[k]]
    problems = [f"{k} is {own[k]!r} on the span but {from_meta[k]!r} in meta.claims" for k in sorted(clashes)]
    return {**from_meta, **own}, problems


# ------------------------------------------------------------------------------- Label Studio pre-annotations

def claims_to_label_studio(documents: Iterable[Mapping[str, Any]],
                           claims_by_doc: Mapping[str, Sequence[Mapping[str, Any]]], *,
                           model_version: str = "newsclaims") -> list[dict]:
    """Label Studio tasks whose ``predictions`` hold the claims, so an annotator corrects rather than starts from zero.

    ``documents``: dicts with ``id`` and ``text``; ``meta`` (a dict or the run table's JSON string) and top-level
    fields such as ``published``/``title``/``url``/``source`` become task data. ``claims_by_doc``: claim dicts
    (``Claim.to_dict()`` or gold claims) by document id. A slot with a ``*_span`` whose text is the slot becomes
    a region with a relation; a slot without one goes in its textarea. Every document becomes a task, with or
    without claims (the annotator must still look for the claims the pipeline missed).

    Raises `AnnotationFormatError` when a claim does not fit its document text or names no known document: a
    wrong offset in a pre-annotation would teach annotators to trust the wrong span.
    """
    tasks: list[dict] = []
    problems: list[str] = []
    seen: set[str] = set()
    for doc in documents:
        data = task_data(doc)
        doc_id = data["id"]
        if doc_id in seen:
            problems.append(f"document {doc_id}: given twice (one task per document)")
        seen.add(doc_id)
        result, doc_problems = prediction_result(data[LS_TEXT], claims_by_doc.get(doc_id, ()))
        problems.extend(f"document {doc_id}: {p}" for p in doc_problems)
        tasks.append({"data": data, "predictions": [{"model_version": model_version, "result": result}]})
    for doc_id in sorted(claims_by_doc.keys() - seen):
        if claims_by_doc[doc_id]:
            problems.append(f"document {doc_id}: {len(claims_by_doc[doc_id])} claims but no such document")
    if problems:
        raise AnnotationFormatError(problems)
    return tasks


def task_data(doc: Mapping[str, Any]) -> dict:
    """A task's ``data``: id and text first, then the document's metadata as flat fields (what
    `label_studio_to_gold` turns back into ``meta``); Label Studio shows flat fields as Data Manager columns."""
    meta = doc.get("meta")
    if isinstance(meta, str):
        try:
            meta = json.loads(meta)
        except json.JSONDecodeError:
            meta = {"meta": meta}
    extra = {k: v for k, v in doc.items() if k not in ("id", "text", "meta", "claims", "n_chars", "n_claims",
                                                          "status", "error")}
    flat = {**(meta if isinstance(meta, Mapping) else {}), **{k: v for k, v in extra.items() if v is not None}}
    flat = {k: v for k, v in flat.items() if k not in ("id", LS_TEXT)}
    return {"id": str(doc["id"]), LS_TEXT: doc["text"], **flat}


def _labels_item(rid: str, start: int, end: int, text: str, label: str) -> dict:
    return {"id": rid, "from_name": LS_LABELS, "to_name": LS_TEXT, "type": "labels",
            "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}}


def _field_item(rid: str, start: int, end: int, name: str, value: str) -> dict:
    kind, key = ("choices", "choices") if name in CHOICE_FIELDS else ("textarea", "text")
    return {"id": rid, "from_name": name, "to_name": LS_TEXT, "type": kind,
            "value": {"start": start, "end": end, key: [value]}}


def _relation_item(from_id: str, to_id: str) -> dict:
    return {"type": "relation", "from_id": from_id, "to_id": to_id, "direction": "right", "labels": []}


def _offsets(text: str, span: Any) -> Optional[tuple[int, int]]:
    """The span as a (start, end) tuple when it is a valid non-empty span of the text, else None."""
    if not isinstance(span, (list, tuple)) or len(span) != 2 or _span_problem(text, span[0], span[1], None):
        return None
    return span[0], span[1]


def _slot_span(text: str, claim: Mapping[str, Any], slot: str) -> Optional[tuple[int, int]]:
    """Where the slot is shown as a region: its ``*_span`` when valid and, for a text slot, exactly the slot's text.

    A date span is only evidence (the ISO value is in the date field), so it needs a date but not equal text.
    """
    if claim.get(slot) is None:
        return None
    where = _offsets(text, claim.get(f"{slot}_span"))
    if where is None or (slot in TEXT_SLOTS and text[where[0]:where[1]] != claim[slot]):
        return None
    return where


def prediction_result(text: str, claims: Sequence[Mapping[str, Any]]) -> tuple[list[dict], list[str]]:
    """The ``result`` list of one task's prediction, and the claims that do not fit the text.

    Slot regions are shared: one WHO region "U.S." with a relation from every quantity it belongs to, so the
    annotator corrects it once.
    """
    result: list[dict] = []
    problems: list[str] = []
    slot_regions: dict[tuple[str, int, int], str] = {}
    for i, claim in enumerate(claims):
        span = claim.get("span")
        span = span if isinstance(span, (list, tuple)) and len(span) == 2 else (None, None)
        problem = _span_problem(text, span[0], span[1], claim.get("text"))
        numbers = {n: parse_number(claim.get(n)) for n in NUMBER_FIELDS}
        problem = problem or next((f"{n}: {p}" for n, (_, p) in numbers.items() if p), None)
        if problem:
            problems.append(f"claim {i} {claim.get('text')!r}: {problem}")
            continue
        qid, (start, end) = f"q{i}", span
        result.append(_labels_item(qid, start, end, text, QUANTITY))
        fields = _prefilled_fields(claim)
        for label, slot in SLOT_OF_LABEL.items():
            where = _slot_span(text, claim, slot)
            if where is None:
                if slot in TEXT_SLOTS and claim.get(slot) is not None:
                    fields.append((slot, claim[slot]))
                continue
            key = (label, *where)
            if key not in slot_regions:
                slot_regions[key] = f"{label.lower()}{len(slot_regions)}"
                result.append(_labels_item(slot_regions[key], where[0], where[1], text, label))
            result.append(_relation_item(qid, slot_regions[key]))
        result.extend(_field_item(qid, start, end, name, value) for name, value in fields)
    return result, problems


def _prefilled_fields(claim: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(field, text) pairs for a quantity's textareas and choices; who/what/source are added by the caller."""
    fields = [(n, number_text(claim[n])) for n in NUMBER_FIELDS if claim.get(n) is not None]
    fields += [(n, str(claim[n])) for n in ("unit", "date") if claim.get(n) not in (None, "")]
    fields.append(("bound", claim.get("bound") or "="))
    change = claim.get("change") or {}
    if change.get("direction"):
        fields.append(("change_direction", change["direction"]))
    if change.get("role"):
        fields.append(("change_role", change["role"]))
    return fields


def locate_slot_spans(text: str, claim: Mapping[str, Any]) -> dict:
    """A copy of a gold claim with ``who_span``/``what_span``/``source_span`` found in the text.

    Gold claims carry slot texts, not offsets; to pre-annotate them as spans (a review round, or the round-trip
    test), each slot is placed at its occurrence nearest the quantity. A slot the text does not contain
    verbatim keeps no span and goes to its textarea. Spans already given are kept.
    """
    out = dict(claim)
    start, end = claim["span"]
    for slot in TEXT_SLOTS:
        value = claim.get(slot)
        if out.get(f"{slot}_span") is not None or not isinstance(value, str) or not value:
            continue
        hits = [m.start() for m in re.finditer(re.escape(value), text)]
        if hits:
            best = min(hits, key=lambda s: (max(start - (s + len(value)), s - end, 0), s))
            out[f"{slot}_span"] = [best, best + len(value)]
    return out


# -------------------------------------------------------------------------------------------------- CLI glue

def add_convert_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``newsclaims convert`` (for the lead's cli.py; `convert_main` reads exactly these)."""
    parser.add_argument("input", help="Label Studio JSON export (list of tasks) or Prodigy JSONL (prodigy db-out)")
    parser.add_argument("--from", dest="source_format", choices=["label-studio", "prodigy"], required=True)
    parser.add_argument("-o", "--output", required=True, help="gold JSONL to write (corpus/GUIDELINES.md format)")
    parser.add_argument("--use-predictions", action="store_true",
                        help="Label Studio: read each task's prediction instead of its annotation")


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``newsclaims export-label-studio`` (for the lead's cli.py)."""
    parser.add_argument("source", help="a run directory of `newsclaims extract`, a claims JSONL (with --documents), "
                                       "or a gold JSONL (documents with claims) to review")
    parser.add_argument("-o", "--output", required=True, help="Label Studio tasks JSON to import")
    parser.add_argument("--documents", nargs="+", default=None,
                        help="the inputs the run read (anything `newsclaims extract` reads); default: the run's "
                             "documents table if it kept the text, else the inputs in its manifest")
    parser.add_argument("--field", action="append", help="input field mapping for --documents, e.g. --field text=body")
    parser.add_argument("--model-version", default=None, help="shown in Label Studio (default: newsclaims-VERSION)")


def convert_main(args: argparse.Namespace) -> int:
    """``newsclaims convert`` and ``newsclaims export-label-studio``; returns the exit code (1 = problems).

    Dispatches on ``args.command`` (or, without it, on which options are present), so cli.py can wire both
    sub-commands to this one function.
    """
    command = getattr(args, "command", None) or ("convert" if hasattr(args, "source_format") else "export-label-studio")
    try:
        if command == "convert":
            return _convert(args)
        return _export(args)
    except AnnotationFormatError as exc:
        print(f"newsclaims {command}: {exc}", file=sys.stderr)
        return 1


def read_json_or_jsonl(path: str | Path) -> list[dict]:
    """A JSON list (Label Studio export) or JSON Lines (Prodigy db-out, pipeline output) from one file."""
    content = Path(path).read_text(encoding="utf-8")
    if content.lstrip().startswith("["):
        try:
            return json.loads(content)
        except json.JSONDecodeError as exc:
            raise AnnotationFormatError([f"{path}:{exc.lineno}: invalid JSON: {exc.msg}"]) from exc
    records = []
    for lineno, line in enumerate(content.splitlines(), start=1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise AnnotationFormatError([f"{path}:{lineno}: invalid JSON: {exc.msg}"]) from exc
    return records


def _convert(args: argparse.Namespace) -> int:
    records = read_json_or_jsonl(args.input)
    if args.source_format == "label-studio":
        docs = label_studio_to_gold(records, use_predictions=getattr(args, "use_predictions", False))
        skipped = len(records) - len(docs)
        kind = "predictions" if getattr(args, "use_predictions", False) else "annotations"
        note = f"; {skipped} task(s) without {kind} skipped" if skipped else ""
    else:
        docs = prodigy_to_gold(records)
        rejected = sum(1 for r in records if isinstance(r, Mapping) and r.get("answer") != "accept")
        note = f"; {rejected} record(s) not accepted skipped" if rejected else ""
    _write_text(Path(args.output), "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs))
    n_claims = sum(len(d["claims"]) for d in docs)
    print(f"{len(docs)} documents, {n_claims} claims -> {args.output}{note}", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace) -> int:
    field_map = dict(kv.split("=", 1) for kv in args.field) if getattr(args, "field", None) else None
    documents, claims, version = load_export_source(Path(args.source), documents=getattr(args, "documents", None),
                                                    field_map=field_map)
    tasks = claims_to_label_studio(documents, claims, model_version=getattr(args, "model_version", None) or version)
    _write_text(Path(args.output), json.dumps(tasks, ensure_ascii=False, indent=1))
    n_claims = sum(len(v) for v in claims.values())
    print(f"{len(tasks)} tasks, {n_claims} pre-annotated claims -> {args.output} "
          f"(labeling config: {LABEL_CONFIG_PATH.relative_to(LABEL_CONFIG_PATH.parents[2])})", file=sys.stderr)
    return 0


def _write_text(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")


def load_export_source(source: Path, *, documents: Optional[Sequence[str]] = None,
                       field_map: Optional[Mapping[str, str]] = None) -> tuple[list[dict], dict[str, list[dict]], str]:
    """(documents, claims by document id, model version) for the exporter from a run directory, a claims file
    (plus ``documents``) or a gold file.

    A run's documents table drops the text unless the run kept it, so the text is read again from the run's
    inputs; its length is checked against the table, because offsets into a different text would be wrong.
    """
    import newsclaims

    version = f"newsclaims-{newsclaims.__version__}"
    if source.is_dir():
        claims_file = source / "claims.jsonl"
        if not claims_file.exists():
            raise FileNotFoundError(f"{claims_file}: no such file (run `newsclaims extract` with --format jsonl)")
        manifest = _read_manifest(source)
        if manifest.get("config_hash"):
            version += f"+{manifest['config_hash']}"
        claims = _claims_by_doc(read_json_or_jsonl(claims_file))
        table = read_json_or_jsonl(source / "documents.jsonl") if (source / "documents.jsonl").exists() else []
        if documents is None and table and all(isinstance(row.get("text"), str) for row in table):
            return [row for row in table if row.get("status", "ok") == "ok"], claims, version
        paths = documents or [entry["path"] for entry in manifest.get("inputs", [])]
        if not paths:
            raise AnnotationFormatError([f"{source}: the run kept no text and names no inputs; give --documents"])
        missing = [p for p in paths if not Path(p).exists()]
        if missing and documents is None:
            raise AnnotationFormatError([f"{source}: the run's inputs {missing} are not found from here (paths are "
                                         f"relative to where the run was started); give --documents"])
        field_map = field_map if field_map is not None else (manifest.get("options") or {}).get("field_map") or None
        return _read_documents(paths, field_map, table), claims, version
    records = read_json_or_jsonl(source)
    if records and all(isinstance(r, Mapping) and "claims" in r and "text" in r for r in records):
        docs = [{k: v for k, v in r.items() if k != "claims"} for r in records]
        claims = {str(r["id"]): [locate_slot_spans(r["text"], c) for c in r["claims"]] for r in records}
        return docs, claims, f"gold:{source.name}"
    if documents is None:
        raise AnnotationFormatError([f"{source}: a claims file needs --documents (the inputs the claims were "
                                     f"extracted from)"])
    return _read_documents(documents, field_map, []), _claims_by_doc(records), version


def _read_manifest(run_dir: Path) -> dict:
    path = run_dir / "manifest.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _claims_by_doc(rows: Sequence[Mapping[str, Any]]) -> dict[str, list[dict]]:
    """Claims grouped by document: flat rows of a run's claims.jsonl, claim dicts with ``doc_id``, or documents."""
    from newsclaims.io.writers import unflatten_claim

    out: dict[str, list[dict]] = {}
    for row in rows:
        if "claims" in row:
            out.setdefault(str(row["id"]), []).extend(dict(c) for c in row["claims"])
        else:
            claim = unflatten_claim(row) if "span_start" in row else dict(row)
            out.setdefault(str(claim["doc_id"]), []).append(claim)
    return out


def _read_documents(paths: Sequence[str], field_map: Optional[Mapping[str, str]],
                    table: Sequence[Mapping[str, Any]]) -> list[dict]:
    """Documents re-read with the pipeline's own readers (same text, same offsets), checked against the run table."""
    from newsclaims.io.documents import Document
    from newsclaims.io.readers import iter_documents

    lengths = {str(row["id"]): row.get("n_chars") for row in table}
    wanted = {str(row["id"]) for row in table if row.get("status", "ok") == "ok"}
    docs, problems = [], []
    for item in iter_documents(paths, field_map=field_map):
        if not isinstance(item, Document) or (wanted and item.id not in wanted):
            continue
        if lengths.get(item.id) not in (None, len(item.text)):
            problems.append(f"document {item.id}: the input text has {len(item.text)} characters, the run saw "
                            f"{lengths[item.id]}; give the inputs the run read (--documents)")
        docs.append(item.to_dict())
    if problems:
        raise AnnotationFormatError(problems)
    return docs
