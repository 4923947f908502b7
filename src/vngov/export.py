"""The JSON Lines export of ../shared/eval/SCHEMA.md: one object per article.

The schema's fields come straight from the :class:`Extraction`; the extra
detail vngov keeps (evidence offsets, base units, canonical ids) goes into the
tables instead (:mod:`vngov.store`), so the export stays exactly the shared format.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from vngov.atomic import atomic_open
from vngov.models import Extraction, Figure, Meeting, Person


def meeting_record(m: Meeting) -> dict:
    return {"date": m.date, "part_of_day": m.part_of_day, "locality": m.locality,
            "kind": m.kind, "chair": list(m.chair)}


def person_record(p: Person) -> dict:
    return {"name": p.name, "roles": [r.text for r in p.roles]}


def figure_record(f: Figure) -> dict:
    out = {"value": _number(f.value), "unit": f.unit, "kind": f.kind, "metric": f.metric,
           "period": f.period, "status": f.status, "baseline": f.baseline,
           "denominator": _number(f.denominator) if f.denominator is not None else None,
           "evidence": f.evidence.quote}
    if f.upper is not None:
        out["upper"] = _number(f.upper)      # a range: SCHEMA's optional upper bound
    return out


def _number(x: float) -> int | float:
    """50245.0 is written 50245: the schema's numbers are as the article wrote them."""
    return int(x) if float(x).is_integer() else x


def record(x: Extraction) -> dict:
    """The SCHEMA.md object for one article."""
    return {"doc_id": x.doc_id, "published": x.published,
            "meetings": [meeting_record(m) for m in x.meetings],
            "people": [person_record(p) for p in x.people],
            "figures": [figure_record(f) for f in x.figures]}


def write_jsonl(extractions: Iterable[Extraction], path: str | Path) -> int:
    """Write the export atomically (:func:`vngov.atomic.atomic_open`): a reader never sees half
    a file.  Returns the article count."""
    n = 0
    with atomic_open(path) as fh:
        for x in extractions:
            fh.write(json.dumps(record(x), ensure_ascii=False) + "\n")
            n += 1
    return n
