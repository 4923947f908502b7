"""Themes of directives: what leaders told the localities to work on, as whole terms.

A directive's clause ("UBND thị xã tập trung giải phóng mặt bằng các dự án trong Khu
kinh tế Vũng Áng") is segmented into words with ``underthesea.word_tokenize`` —
Vietnamese writes syllables, not words, with spaces — keeping the policy terms of
``lexicon/themes.toml`` whole ("giải phóng mặt bằng", "nông thôn mới").  The words of
instruction and address (yêu cầu, các cấp ủy …) are dropped; what is left is counted per
locality and period.
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from vngov.lexicon import load
from vngov.paths import atomic_write


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[str, ...], frozenset[str]]:
    lex = load("themes")
    return tuple(lex["fixed_terms"]), frozenset(w.casefold() for w in lex["stop_terms"])


def terms(clause: str) -> list[str]:
    """The theme words of one clause, in order: words of two or more syllables (a single
    syllable is rarely a theme on its own), lower-case except acronyms, stop terms dropped."""
    from underthesea import word_tokenize

    fixed, stop = _lexicon()
    out = []
    for word in word_tokenize(clause, fixed_words=list(fixed)):
        w = " ".join(word.split())
        if " " not in w or w.casefold() in stop or not re.search(r"[^\W\d_]", w):
            continue
        if w[:1].isupper() and not w.split()[-1].isupper():
            continue  # a proper name (Khu kinh tế Vũng Áng's "Vũng Áng", a person): where, not what
        out.append(w if any(s.isupper() and len(s) > 1 for s in w.split()) else w.casefold())
    return out


def _cache_file(folder: Path) -> Path:
    """The segmentation cache of a store: named by the themes lexicon and underthesea's version,
    so a new term list or segmenter never reads old words."""
    from importlib.metadata import version

    from vngov.paths import lexicon_dir

    key = hashlib.sha256((lexicon_dir() / "themes.toml").read_bytes() + version("underthesea").encode())
    return Path(folder) / f"themes-{key.hexdigest()[:12]}.json"


def clause_terms(clauses: list[str], cache: Path | None = None) -> dict[str, list[str]]:
    """:func:`terms` of each clause, read from and added to the JSON cache in folder ``cache``
    (the store's): loading underthesea costs about a second, every report would pay it."""
    file = _cache_file(cache) if cache else None
    known: dict[str, list[str]] = {}
    if file and file.is_file():
        try:
            known = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
    missing = [c for c in dict.fromkeys(clauses) if c not in known]
    for clause in missing:
        known[clause] = terms(clause)
    if file and missing:
        try:
            atomic_write(file, json.dumps(known, ensure_ascii=False, sort_keys=True))
        except OSError:
            pass  # a read-only store: segment again next time
    return {c: known[c] for c in clauses}


def directive_themes(directives: pd.DataFrame, top: int = 6, cache: Path | str | None = None) -> pd.DataFrame:
    """Per locality and year, the ``top`` theme words of its directives and how many
    directives name each ("giải phóng mặt bằng (3)").  ``cache``: the store folder, where
    segmentations are kept between reports (see :func:`clause_terms`)."""
    cols = ["locality", "year", "directives", "themes"]
    segmented = clause_terms([str(c) for c in directives["clause"].dropna()], Path(cache) if cache else None)
    frame = directives.assign(year=directives["date"].astype("string").str[:4],
                              locality=directives["locality"].fillna("(không rõ)"))
    rows = []
    for (loc, year), group in frame.groupby(["locality", "year"], sort=True, dropna=False):
        counts: dict[str, int] = {}
        for clause in group["clause"].dropna():
            for t in set(segmented[str(clause)]):
                counts[t] = counts.get(t, 0) + 1
        best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        rows.append([loc, "" if pd.isna(year) else str(year), len(group),
                     "; ".join(f"{t} ({n})" if n > 1 else t for t, n in best)])
    return pd.DataFrame(rows, columns=cols)
