"""From one article's :class:`Extraction` to the rows of the tidy tables.

The store (:mod:`vngov.store`) keeps one Parquet file per table.  This module
is the single place that says which columns each table has and how a model
object becomes a row, so that the store, the cache and the tests agree.  Every
row keeps ``doc_id`` and, where the item has one, its evidence text and
offsets: a researcher can go from any cell of any report back to the sentence
it came from (``body[start:end]`` of the article, ``raw[raw_start:raw_end]``
of the file).

Pure functions, no I/O.  Rows are plain dicts (cheap to pickle between
processes and into the cache); :data:`SCHEMAS` gives the Arrow type of every
column so that an empty table still has its columns and a column that is
``None`` in every row of a small corpus still has the right type.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

import pyarrow as pa

from vngov.models import Article, Extraction, Span

Row = dict[str, Any]

_S, _F, _I, _B = pa.string(), pa.float64(), pa.int64(), pa.bool_()

_EVIDENCE = [("evidence", _S), ("start", _I), ("end", _I), ("raw_start", _I), ("raw_end", _I)]
_PLACE = [("province", _S), ("code", _S), ("latitude", _F), ("longitude", _F)]

#: Column names and Arrow types of every table, in output order.
SCHEMAS: dict[str, list[tuple[str, pa.DataType]]] = {
    "articles": [("doc_id", _S), ("path", _S), ("source", _S), ("published", _S), ("title", _S),
                 ("byline", _S), ("url", _S), ("content_hash", _S), ("n_meetings", _I), ("n_people", _I),
                 ("n_figures", _I), ("n_quotes", _I), ("n_directives", _I)],
    "meetings": [("doc_id", _S), ("date", _S), ("end_date", _S), ("part_of_day", _S), ("kind", _S),
                 ("subkind", _S), ("host", _S), ("counterpart", _S), ("locality", _S), ("chair", _S),
                 *_EVIDENCE, *_PLACE],
    "people": [("name", _S), ("rank", _S), ("role", _S), ("title", _S), ("body", _S), ("role_locality", _S),
               ("doc_id", _S), ("date", _S), ("source", _S), *_EVIDENCE],
    "figures": [("value_text", _S), ("value", _F), ("unit", _S), ("base_value", _F), ("base_unit", _S),
                ("approx", _S), ("kind", _S), ("metric", _S), ("metric_id", _S), ("period", _S),
                ("period_start", _S), ("period_end", _S), ("status", _S), ("baseline", _S),
                ("baseline_class", _S), ("denominator", _F), ("upper", _F), *_EVIDENCE, ("doc_id", _S), ("locality", _S),
                ("year", _I), ("date", _S)],
    "quotes": [("doc_id", _S), ("speaker", _S), ("role", _S), ("text", _S), ("date", _S), ("locality", _S),
               *_EVIDENCE],
    "directives": [("doc_id", _S), ("speaker", _S), ("role", _S), ("verb", _S), ("clause", _S), ("date", _S),
                   ("locality", _S), *_EVIDENCE],
    "errors": [("path", _S), ("message", _S)],
}

#: The tables built from articles (``officials`` is derived from ``people`` after the build).
ARTICLE_TABLES = ("articles", "meetings", "people", "figures", "quotes", "directives", "errors")


def columns(table: str) -> list[str]:
    """The column names of ``table`` in order (the contract notebooks and SQL rely on)."""
    return [name for name, _ in SCHEMAS[table]]


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of ``table``: fixed types, so every build writes the same file layout."""
    return pa.schema(SCHEMAS[table])


def empty_rows() -> dict[str, list[Row]]:
    """One empty row list per table, the shape :func:`article_rows` and the cache share."""
    return {t: [] for t in ARTICLE_TABLES}


def frames(rows: dict[str, list[Row]]) -> dict[str, "pandas.DataFrame"]:
    """Rows as DataFrames typed exactly as :func:`vngov.store.load` returns them (tests and
    small in-memory analyses use this without writing a store)."""
    import pandas as pd

    mapper = {pa.int64(): pd.Int64Dtype()}.get
    return {t: pa.Table.from_pylist(rows.get(t, []), schema=arrow_schema(t)).to_pandas(types_mapper=mapper)
            for t in ARTICLE_TABLES}


def merge_rows(parts: list[dict[str, list[Row]]]) -> dict[str, list[Row]]:
    """The rows of several articles as one set of table rows."""
    out = empty_rows()
    for part in parts:
        for table, items in part.items():
            out[table].extend(items)
    return out


# --- one article ------------------------------------------------------------------


def article_rows(article: Article, x: Extraction,
                 place: Callable[[str | None], dict[str, Any]] | None = None) -> dict[str, list[Row]]:
    """Every table row one article contributes.

    ``place`` maps a canonical locality to its gazetteer columns (province,
    code, latitude, longitude); the store passes :func:`gazetteer` so the map
    stays out of this pure module's imports.
    """
    place = place or (lambda _loc: {})
    date = _article_date(x)
    locality = next((m.locality for m in x.meetings if m.locality), None)
    out = empty_rows()
    out["articles"].append({
        "doc_id": x.doc_id, "path": article.path, "source": x.source, "published": x.published,
        "title": x.title, "byline": x.byline, "url": article.url, "content_hash": article.content_hash,
        "n_meetings": len(x.meetings), "n_people": len(x.people), "n_figures": len(x.figures),
        "n_quotes": len(x.quotes), "n_directives": len(x.directives),
    })
    for m in x.meetings:
        out["meetings"].append({
            "doc_id": x.doc_id, "date": m.date, "end_date": m.end_date, "part_of_day": m.part_of_day,
            "kind": m.kind, "subkind": m.subkind, "host": m.host, "counterpart": m.counterpart,
            "locality": m.locality, "chair": "; ".join(m.chair) or None,
            **evidence(m.evidence), **_place_columns(place, m.locality),
        })
    for p in x.people:
        ev = p.evidence[0] if p.evidence else None
        for role in p.roles or (None,):
            out["people"].append({
                "name": p.name, "rank": p.rank,
                "role": role.text if role else None, "title": role.title if role else None,
                "body": role.body if role else None, "role_locality": role.locality if role else None,
                "doc_id": x.doc_id, "date": date, "source": x.source, **evidence(ev),
            })
    for f in x.figures:
        out["figures"].append({
            "value_text": f.value_text or None, "value": f.value, "unit": f.unit, "base_value": f.base_value,
            "base_unit": f.base_unit, "approx": f.approx, "kind": f.kind, "metric": f.metric,
            "metric_id": f.metric_id, "period": f.period, "period_start": f.period_start,
            "period_end": f.period_end, "status": f.status, "baseline": f.baseline,
            "baseline_class": f.baseline_class, "denominator": f.denominator, "upper": f.upper,
            **evidence(f.evidence),
            "doc_id": x.doc_id, "locality": f.locality, "year": figure_year(f.period_start, f.period_end, date),
            "date": date,
        })
    for q in x.quotes:
        out["quotes"].append({"doc_id": x.doc_id, "speaker": q.speaker, "role": q.role, "text": q.text,
                              "date": date, "locality": locality, **evidence(q.evidence)})
    for d in x.directives:
        out["directives"].append({"doc_id": x.doc_id, "speaker": d.speaker, "role": d.role, "verb": d.verb,
                                  "clause": d.clause, "date": date, "locality": locality,
                                  **evidence(d.evidence)})
    for message in x.errors:
        out["errors"].append({"path": article.path, "message": message})
    return out


def error_rows(path: str, message: str) -> dict[str, list[Row]]:
    """The rows of a file that could not be read: one ``errors`` row, nothing else."""
    out = empty_rows()
    out["errors"].append({"path": path, "message": message})
    return out


def evidence(span: Span | None) -> Row:
    """The evidence columns of a span (all None when an item has no span).

    ``evidence`` is the text as the article wrote it (NFC), so Ctrl-F finds it in the
    source; ``raw_start``/``raw_end`` locate it in the file's text, ``start``/``end``
    in the cleaned body vngov extracted from."""
    if span is None:
        return {"evidence": None, "start": None, "end": None, "raw_start": None, "raw_end": None}
    return {"evidence": span.quote, "start": span.start, "end": span.end,
            "raw_start": span.raw_start, "raw_end": span.raw_end}


def _article_date(x: Extraction) -> str | None:
    """The date the article speaks of: its first dated meeting, else its publication date."""
    return next((m.date for m in x.meetings if m.date), None) or x.published


def figure_year(period_start: str | None, period_end: str | None, date: str | None) -> int | None:
    """The year a figure belongs to: the end of its period (a 2021–2025 target is a 2025
    figure), else its start, else the article's date.  The period report selects on it."""
    for d in (period_end, period_start, date):
        if d and d[:4].isdigit():
            return int(d[:4])
    return None


def _place_columns(place: Callable[[str | None], dict[str, Any]], locality: str | None) -> Row:
    found = place(locality) if locality else {}
    return {k: found.get(k) for k, _ in _PLACE}


# --- gazetteer --------------------------------------------------------------------


@lru_cache(maxsize=4096)
def gazetteer(locality: str | None) -> dict[str, Any]:
    """Province, code, latitude and longitude of a canonical locality.

    Uses ``vngov.localities.lookup`` when that module offers it (another
    helper owns it); whatever it returns — a mapping or an object with those
    attributes — is read field by field, so the store never depends on its
    exact type.  Unknown places (or no lookup at all) give an empty dict.
    """
    if not locality:
        return {}
    try:
        from vngov import localities
        lookup = getattr(localities, "lookup", None)
        found = lookup(locality) if lookup else None
    except Exception:  # noqa: BLE001 - a gazetteer bug must not lose the table
        return {}
    if not found:
        return {}
    get = found.get if isinstance(found, dict) else (lambda k: getattr(found, k, None))
    out: dict[str, Any] = {}
    for key, kind in _PLACE:
        value = get(key)
        if value is None:
            continue
        try:
            out[key] = float(value) if kind == _F else str(value)
        except (TypeError, ValueError):
            continue
    return out
