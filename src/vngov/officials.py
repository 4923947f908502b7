"""The officials registry: who held which office, where, and when we saw it.

One article says "Chủ tịch UBND TX Kỳ Anh Nguyễn Hoài Sơn", another a year
later "Chủ tịch Ủy ban nhân dân thị xã Kỳ Anh Nguyễn Hoài Sơn".  For a
researcher both are one fact — a person in an office of a unit — seen over a
span of dates.  :func:`registry` folds the per-article people table into one
row per (name, office, locality) with the first and last date it is attested
and the articles that attest it.  Pure pandas, no I/O.
"""
from __future__ import annotations

import pandas as pd

from vngov.offices import lexicon, normalize_office
from vngov.text import fold

INPUT_COLUMNS = ("name", "role", "title", "body", "role_locality", "doc_id", "date", "source")
OUTPUT_COLUMNS = ("name", "office", "locality", "title", "body", "role", "first_seen", "last_seen",
                  "n_articles", "doc_ids", "sources")


def registry(people: pd.DataFrame) -> pd.DataFrame:
    """One row per (person, normalized office, locality): first/last seen, articles.

    ``people`` has one row per (person, role, article) with the columns of
    :data:`INPUT_COLUMNS`; ``date`` is the meeting date or the publication
    date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; None when unknown) and
    sorts as text.  Rows without a role are skipped: the registry is about
    offices.  ``office`` is the role case-folded with abbreviations expanded
    (:func:`vngov.offices.normalize_office`); ``role`` keeps the most frequent
    spelling the articles used; the name keeps its first spelling.
    """
    missing = [c for c in ("name", "role", "doc_id") if c not in people.columns]
    if missing:
        raise ValueError(f"people table lacks column(s): {', '.join(missing)}")
    df = people.copy()
    for col in INPUT_COLUMNS:
        if col not in df.columns:
            df[col] = None
    df = df[df["role"].notna() & (df["role"].astype(str).str.strip() != "") & df["name"].notna()]
    if df.empty:
        return pd.DataFrame(columns=list(OUTPUT_COLUMNS))
    df = df.assign(
        _name=df["name"].map(lambda s: fold(str(s))),
        office=df["role"].map(lambda s: normalize_office(str(s))),
        locality=df["role_locality"].where(df["role_locality"].notna(), None),
        date=df["date"].where(df["date"].notna(), None),
    )
    df["office"] = [_strip_place(o, loc) for o, loc in zip(df["office"], df["locality"])]
    df["locality"] = _fill_locality(df)
    df["_loc"] = df["locality"].fillna("")
    rows = [_row(key, g) for key, g in df.groupby(["_name", "office", "_loc"], sort=True, dropna=False)]
    out = pd.DataFrame(rows, columns=list(OUTPUT_COLUMNS))
    return out.sort_values(["name", "first_seen", "office"], na_position="last", kind="stable").reset_index(drop=True)


def _strip_place(office: str, locality) -> str:
    """"chủ tịch ủy ban nhân dân thị xã kỳ anh" in thị xã Kỳ Anh -> "… thị xã": the place is the locality."""
    if not isinstance(locality, str) or not locality:
        return office
    loc = normalize_office(locality)
    levels = sorted({normalize_office(v) for v in lexicon().levels.values()}, key=len, reverse=True)
    place = next((loc[len(lv) + 1:] for lv in levels if loc.startswith(lv + " ")), loc)
    if place and office.endswith(" " + place):
        stripped = office[: -len(place) - 1]
        if len(stripped.split()) >= 2:
            return stripped
    return office


def _fill_locality(df: pd.DataFrame) -> pd.Series:
    """A row without locality takes the one locality its (person, office) has elsewhere."""
    known = df[df["locality"].notna()].groupby(["_name", "office"])["locality"].agg(lambda s: sorted(set(s)))
    only = {k: v[0] for k, v in known.items() if len(v) == 1}
    return pd.Series([loc if isinstance(loc, str) else only.get((n, o))
                      for n, o, loc in zip(df["_name"], df["office"], df["locality"])], index=df.index, dtype=object)


def _row(key: tuple, g: pd.DataFrame) -> dict:
    _, office, loc = key
    dates = sorted(str(d) for d in g["date"] if d is not None and str(d) not in ("", "nan", "None", "NaT"))
    docs = sorted({str(d) for d in g["doc_id"]})
    sources = sorted({str(s) for s in g["source"] if s is not None and str(s) not in ("", "nan", "None")})
    return {
        "name": g["name"].iloc[0],
        "office": office,
        "locality": loc or None,
        "title": _mode(g["title"]),
        "body": _mode(g["body"]),
        "role": _mode(g["role"]),
        "first_seen": dates[0] if dates else None,
        "last_seen": dates[-1] if dates else None,
        "n_articles": len(docs),
        "doc_ids": ",".join(docs),
        "sources": ",".join(sources) or None,
    }


def _mode(s: pd.Series):
    """The most frequent non-null value, ties broken by first appearance."""
    vals = [v for v in s if v is not None and not (isinstance(v, float) and pd.isna(v))]
    if not vals:
        return None
    counts: dict = {}
    for v in vals:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: (counts[v], -vals.index(v)))
