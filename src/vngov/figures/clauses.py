"""Clause bounds inside a sentence: where a figure's words begin and end, and its evidence."""
from __future__ import annotations

import re

from vngov.figures.cues import load_cues
from typing import TYPE_CHECKING

from vngov.text import CAPITAL

if TYPE_CHECKING:
    from vngov.figures.candidates import Cand


_CAPITAL_LETTER = re.compile(rf"{CAPITAL}|[“\"]")

# A list item's marker: "- ", "• ", "2. ", "(2) ", "a) ".
LIST_MARK = r"(?:[-+•*–]|\(?\d{1,2}[.)]|[a-zđ]\))\s"
LIST_ITEM = re.compile(LIST_MARK)


def clause_start(text: str, i: int) -> int:
    """Start of the clause holding position ``i``: after , ; : ( or a list dash, brackets skipped."""
    depth = 0
    k = i - 1
    while k >= 0:
        ch = text[k]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return k + 1
            depth -= 1
        elif depth == 0:
            if ch in ";:…":
                return k + 1
            if ch in ",." and k + 1 < len(text) and text[k + 1] == " ":
                return k + 1
            if ch in "-–" and 0 < k and text[k - 1] == " " and text[k + 1:k + 2] == " " \
                    and _list_dash(text, k):
                return k + 1
        k -= 1
    return 0


_CAPITALISED_WORD_BEFORE = re.compile(rf"(?:^|\s){CAPITAL}\w*\s$")


def _in_sector_name(text: str, k: int) -> bool:
    """The dash at ``k`` joins two sector words into one name ("công nghiệp – xây dựng")."""
    lo = max(0, k - 25)
    return any(m.start() < k < m.end() for m in load_cues().sector_join.finditer(text, lo, k + 25))


def _list_dash(text: str, k: int) -> bool:
    """A " - " at ``k`` that opens a list item: before a capital, or before a number after ; : .
    Between two capitalised words it joins a name ("Nông – Lâm – Thủy sản", "Công nghiệp – Xây dựng")."""
    if _in_sector_name(text, k):
        return False
    if _CAPITAL_LETTER.match(text, k + 2):
        return not _CAPITALISED_WORD_BEFORE.search(text, max(0, k - 30), k)
    return text[k + 2:k + 3].isdigit() and text[:k].rstrip()[-1:] in (";", ":", ".")


def clause_end(text: str, j: int) -> int:
    depth = 0
    k = j
    n = len(text)
    while k < n:
        ch = text[k]
        if ch == "(":
            if depth == 0 and k > j:
                return k
            depth += 1
        elif ch == ")":
            if depth == 0:
                return k
            depth -= 1
        elif depth == 0:
            if ch in ";:…":
                return k
            if ch in ",." and (k + 1 >= n or text[k + 1] == " "):
                return k
            if ch in "-–" and text[k - 1:k] == " " and text[k + 1:k + 2] == " " and _list_dash(text, k):
                return k
        k += 1
    return n


# "5 lớp … cho 305 quần chúng", "43 dự án … với tổng mức 14.434 tỷ đồng": one clause, two figures.
_LINKED_NEXT = re.compile(r"[^\d,;]*?(?<![\w])(?:cho|với|đối với)(?![\w])[^\d,;]*\d", re.I)


_EVIDENCE_LEAD = re.compile(r"(?:\s|và\s|,)+", re.I)


def evidence_bounds(text: str, c: Cand) -> tuple[int, int]:
    """The clause of the figure: from its subject (or the end of the figure before it in the
    clause) to the end of its clause, cut before another figure that shares the clause."""
    a = c.ev_start if c.ev_start is not None else c.clause_start
    own_end = max(c.end, c.baseline_end or 0, c.tail_end or 0)
    b = max(c.clause_end, c.baseline_end or 0)
    rest = text[own_end:b]
    if any(ch.isdigit() for ch in rest) and not _LINKED_NEXT.match(rest):
        b = own_end
    m = _EVIDENCE_LEAD.match(text, a)
    if m:
        a = m.end()
    while b > a and text[b - 1] in " \t.…":
        b -= 1
    return a, b
