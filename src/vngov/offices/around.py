"""Offices around a name: the chain before it, the chain after it, a list head it shares.

:mod:`vngov.people` asks :func:`around` once per name and gets every office the article writes
next to it; this module knows how offices chain ("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh"), what
may sit between a name and its offices (forms of address, ranks, "giữ chức"), and when an office
belongs to the next name instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from vngov.offices.grammar import (bare_title_at, bare_title_ending_at, fillers_at, fullmatch_at, lexicon,
                                   loose_fullmatch_at, loose_match_after, match_at, starts)

_SEP_AFTER_NAME = re.compile(r"\s*(?:,|[-–—]|\()\s*")
_SEP_BETWEEN = re.compile(r"\s*(?:,|\s[-–]|(?i:kiêm|đồng thời là))\s*")
_LINK_BACK = re.compile(r"\s*(?:,|\s[-–]|(?<!\w)(?i:kiêm|đồng thời là))\s*$")
_ITEM_END = re.compile(r"\s*;")
_PLURAL = re.compile(r"(?<!\w)(?i:các|những)(?:\s+(?i:đồng chí|ông|bà|vị))?\s*$")


Chain = list[tuple[re.Match, int, int]]   # (office match, start, end), in reading order


@dataclass(frozen=True)
class OfficesAround:
    """What the text says around one name.

    ``roles`` are the name's own offices (before it, then after it); ``shared`` an office a plural or
    list head gives to every name of its list ("các Phó Chủ tịch UBND tỉnh: A, B"); ``item_start``
    and ``chain_end`` bound the name with its address words and offices.
    """

    roles: Chain
    shared: Chain
    rank: str | None
    own_before: bool
    item_start: int
    chain_end: int
    head_over_own: bool = False   # the shared office heads a list whose items name their own offices too


@dataclass
class _Around:
    """The record the chain readers fill in while they look around one name."""

    start: int
    end: int
    sent_end: int
    rank: str | None = None
    roles: Chain = field(default_factory=list)
    shared: Chain = field(default_factory=list)
    own_before: bool = False
    item_start: int = 0
    chain_end: int = 0
    head_over_own: bool = False
    over_comma: bool = False    # the offices before were read back over a comma ("office, đồng chí NAME")


def around(text: str, start: int, end: int, lo: int, hi: int, sent_end: int) -> OfficesAround:
    """The offices written around the name at ``text[start:end]``, looking back to ``lo`` and ahead to
    ``hi`` (the neighbouring names); ``sent_end`` is where the name's sentence ends."""
    m = _Around(start, end, sent_end, item_start=start, chain_end=end)
    _before(text, m, lo)
    before = len(m.roles)
    _after(text, m, hi)
    if m.over_comma and before and len(m.roles) > before:
        # "báo cáo với nguyên Chủ tịch nước, đồng chí Nguyễn Việt Oanh, Bí thư Huyện ủy cho biết": a name with
        # offices of its own after it; the office before the comma is someone else's
        del m.roles[:before]
        m.own_before, m.item_start = False, start
    return OfficesAround(m.roles, m.shared, m.rank, m.own_before, m.item_start, m.chain_end, m.head_over_own)




def _strip_address(text: str, lo: int, e: int, m: _Around) -> int:
    """Move ``e`` back over "đồng chí", "ông", ranks and degrees just before a name."""
    lex = lexicon()
    while True:
        e = _rstrip(text, lo, e)
        r = lex.rank.search(text, lo, e)
        if r:
            m.rank = m.rank or " ".join(r.group().split())
            e = r.start()
            continue
        a = lex.address.search(text, lo, e)
        if a and a.start() < e:
            e = a.start()
            continue
        return e


def _rstrip(text: str, lo: int, e: int) -> int:
    while e > lo and text[e - 1].isspace():
        e -= 1
    return e


def _office_ending_at(text: str, lo: int, e: int) -> re.Match | None:
    """The longest office phrase that ends exactly at ``e`` and starts at or after ``lo``."""
    cands = starts(text, lo, e)
    for s in cands:
        m = fullmatch_at(text, s, e)
        if m:
            return m
    for s in cands:  # an organisation the lexicon does not list: "Giám đốc Trung tâm Khuyến nông …"
        m = loose_fullmatch_at(text, s, e)
        if m:
            return m
    return None


def _chain_back(text: str, lo: int, e: int) -> list[tuple[re.Match, int, int]]:
    """Offices ending at ``e``, going back over ", " separators: last office first."""
    found: list[tuple[re.Match, int, int]] = []
    while e > lo:
        e = _rstrip(text, lo, e)
        om = _office_ending_at(text, lo, e)
        if om is None and found:      # "Phó Bí thư, Chủ tịch UBND huyện Nguyễn Văn A"
            om = bare_title_ending_at(text, lo, e)
        if om is None:
            break
        found.append((om, om.start(), om.end()))
        link = _LINK_BACK.search(text, lo, om.start())
        if link:
            e = link.start()
            continue
        break
    return found


def _before(text: str, m: _Around, lo: int) -> None:
    e = _strip_address(text, lo, m.start, m)
    if e < _rstrip(text, lo, m.start) and e > lo and text[e - 1] == ",":
        e -= 1  # "Trưởng Công an huyện, Thượng tá Lê Văn A": office, rank, name
        m.over_comma = True
    elif e > lo + 1 and text[e - 1] in "-–" and text[e - 2].isspace():
        e -= 1  # "Bí thư Huyện ủy - Nguyễn Hữu Nghĩa": an office, a dash, the name
    m.item_start = e
    chain = _chain_back(text, lo, e)
    m.roles.extend(reversed(chain))
    if chain:
        m.own_before = True
        m.item_start = chain[-1][1]
        # "các đồng chí Phó Chủ tịch UBND tỉnh A, B": a plural head shares its office
        if _PLURAL.search(text, lo, m.item_start):
            m.shared = list(reversed(chain))
    # a list head: "các Phó Chủ tịch UBND tỉnh: A, B" — the office before the colon is shared, also over
    # items that name their own ("Ủy viên Trung ương Đảng: Tổng thư ký Quốc hội A; Chủ nhiệm Ủy ban Tư pháp B")
    p = _rstrip(text, lo, m.item_start)
    if p > lo and text[p - 1] == ":":
        head = _chain_back(text, lo, p - 1)
        if head:
            m.shared, m.head_over_own = list(reversed(head)), bool(chain)


def _after(text: str, m: _Around, hi: int) -> None:
    sep = _SEP_AFTER_NAME.match(text, m.end, hi)
    if sep:
        pos = sep.end()
    else:  # "bổ nhiệm ông Nguyễn Văn A giữ chức Phó Giám đốc Sở Y tế"
        pos = fillers_at(text, m.end)
        if pos == m.end:
            return
    while pos < hi:
        pos = fillers_at(text, pos)
        om = match_at(text, pos, hi)
        if om is None or _loose_is_longer(text, om, hi):
            om = loose_match_after(text, pos, hi) or om
        if om is None:
            om = _bare_before_office(text, pos, hi)
        if om is None:
            return
        rest = text[om.end():hi]
        if hi < m.sent_end and _only_address(rest):
            return  # "…, Chủ tịch UBND tỉnh Võ Trọng Hải": the office is the next person's
        m.roles.append((om, om.start(), om.end()))
        m.chain_end = om.end()
        nxt = _SEP_BETWEEN.match(text, om.end(), hi)
        if nxt:
            pos = nxt.end()
            continue
        f = fillers_at(text, om.end())
        if f > om.end():
            pos = f
            continue
        return


def _bare_before_office(text: str, pos: int, hi: int) -> re.Match | None:
    """"Phó Bí thư, Chủ tịch UBND huyện": a bare title is an office when another office follows it."""
    bare = bare_title_at(text, pos, hi)
    if bare is None:
        return None
    if _ITEM_END.match(text, bare.end()):
        return bare      # "các đồng chí: Lê Văn Hòa, Phó Bí thư; Trần Văn Lâm, …": the item ends there
    nxt = _SEP_BETWEEN.match(text, bare.end(), hi)
    if nxt and match_at(text, fillers_at(text, nxt.end()), hi):
        return bare
    return None


def _loose_is_longer(text: str, om: re.Match, hi: int) -> bool:
    """A listed office that stops inside an organisation's name ("Giám đốc Sở … Điện lực"): try the loose form."""
    nxt = text[om.end():hi].lstrip(" ")
    return bool(nxt) and nxt[0].isupper() and not nxt.startswith(("Đ/c",))


def _only_address(s: str) -> bool:
    """True if ``s`` holds nothing but white space and forms of address/ranks."""
    lex = lexicon()
    s = s.strip()
    while s:
        r = lex.rank.search(s) or lex.address.search(s)
        if not r or r.start() == r.end():
            return False
        s = s[:r.start()].strip()
    return True
