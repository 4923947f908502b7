"""Themes of directives: what leaders told the localities to work on, as whole terms.

A directive's clause ("UBND thị xã tập trung giải phóng mặt bằng các dự án trong Khu
kinh tế Vũng Áng") is segmented into words with ``underthesea.word_tokenize`` —
Vietnamese writes syllables, not words, with spaces — keeping the policy terms of
``lexicon/themes.toml`` whole ("giải phóng mặt bằng", "nông thôn mới").  The words of
instruction and address (yêu cầu, các cấp ủy …) are dropped; what is left is counted per
locality and period.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from vngov.lexicon import load


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


def directive_themes(directives: pd.DataFrame, top: int = 6) -> pd.DataFrame:
    """Per locality and year, the ``top`` theme words of its directives and how many
    directives name each ("giải phóng mặt bằng (3)")."""
    cols = ["locality", "year", "directives", "themes"]
    frame = directives.assign(year=directives["date"].astype("string").str[:4],
                              locality=directives["locality"].fillna("(không rõ)"))
    rows = []
    for (loc, year), group in frame.groupby(["locality", "year"], sort=True, dropna=False):
        counts: dict[str, int] = {}
        for clause in group["clause"].dropna():
            for t in set(terms(str(clause))):
                counts[t] = counts.get(t, 0) + 1
        best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        rows.append([loc, "" if pd.isna(year) else str(year), len(group),
                     "; ".join(f"{t} ({n})" if n > 1 else t for t, n in best)])
    return pd.DataFrame(rows, columns=cols)
