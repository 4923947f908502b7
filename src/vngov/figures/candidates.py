"""Candidates: the numbers of a sentence that are figures, with their unit and clause.

A number is a candidate when a unit follows it (``lexicon/units.toml``) and it is not a date, an
ordinal, a document number, a name or the logistics of the event.  Two numbers that write one
figure ("27 tỷ 312 triệu đồng", "834 hộ nghèo/53.577 hộ") become one candidate.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from vngov.figures.clauses import clause_end, clause_start
from vngov.figures.cues import load_cues
from vngov.numbers import NumberToken, find_numbers
from vngov.periods import PeriodMention
from vngov.units import UnitMatch, match_unit


QUOTES = re.compile(r"“[^”]{0,150}”|\"[^\"]{0,150}\"")


@dataclass
class Cand:
    """A figure being worked out (mutable while its sentence is read)."""

    num: NumberToken
    unit: UnitMatch
    start: int                 # sentence-relative start of the number (approximator excluded)
    end: int                   # after the unit
    clause_start: int
    clause_end: int
    approx: str | None = None
    kind: str = "value"
    baseline: str | None = None
    baseline_end: int | None = None
    metric: str | None = None
    own_metric: bool = True
    status: str = "actual"
    period: str | None = None
    tail_end: int | None = None
    inherited_from: "Cand | None" = None
    rate_of_count: bool = False     # "834 hộ nghèo …, tỷ lệ 1,56%": the count's own rate, a value
    change_cue: bool = False
    ratio_cue: bool = False
    drop: bool = False                 # not a figure after all ("đã 3 lần tổ chức")
    ev_start: int | None = None        # where its evidence starts, when not at its clause
    pre: str = ""                      # the words right before the number (cues are read there)
    plan_of: "Cand | None" = None      # "6.185 tỷ đồng/KH 12.500 tỷ đồng": the result this plan is of


# How many words after a count a logistics cue may sit and still make the count the
# event's own ("150 cử tri của 9 xã, thị trấn tham dự").
_LOGISTICS_REACH = 5


def find_candidates(text: str, mentions: list[PeriodMention]) -> list[Cand]:
    """Numbers with a unit that are figures (not dates, ordinals, names, logistics)."""
    cues = load_cues()
    quoted = [(m.start(), m.end()) for m in QUOTES.finditer(text)] if ("“" in text or '"' in text) else []
    logistics: list[tuple[int, int]] | None = None     # found on the first count only
    out: list[Cand] = []
    toks = list(find_numbers(text))
    skip_to = -1
    for i, tok in enumerate(toks):
        if i <= skip_to:
            continue
        if tok.is_range and _is_year_span(tok):
            continue      # "nhiệm kỳ 2021 - 2026 tổ chức …": a term, not a range of a count
        unit = match_unit(text, tok.end)
        if unit is None:
            continue
        joined = _compound(text, tok, unit, toks[i + 1] if i + 1 < len(toks) else None)
        if joined is not None:
            tok, unit = joined
            skip_to = i + 1
        if _after_word(text, tok.start, cues.not_after_words):
            continue
        if any(a <= tok.start < b for a, b in quoted):
            continue
        if unit.cls == "percent" and cues.name_after.match(text, unit.end):
            continue
        if any(m.start <= tok.start < m.end for m in mentions):
            continue
        cs, ce = clause_start(text, tok.start), clause_end(text, unit.end)
        if unit.is_count and logistics is None:
            low = text.casefold()
            logistics = [(m.start(), m.end()) for m in cues.logistics.finditer(text)] \
                if any(k in low for k in cues.logistics_keys) else []
        if unit.is_count and logistics and not cues.represented.search(text[max(0, tok.start - 30):tok.start]):
            seg = text.rfind(";", 0, tok.start) + 1
            after = unit.end + len(words_after(text, unit.end, _LOGISTICS_REACH)) + 2
            if any(seg <= a and b <= after for a, b in logistics):
                continue   # the event's own attendance, awards, questions
        if unit.is_count and cues.representing.match(text, unit.end):
            continue   # "250 đảng viên đại diện cho 1.929 đảng viên": the delegates at the event
        if unit.is_count and cues.merged.search(text, max(0, tok.start - 40), tok.start):
            continue   # "sáp nhập 3 xã …": the units a new one was made of
        c = Cand(tok, unit, tok.start, unit.end, cs, ce)
        a = cues.approx.search(text, max(0, tok.start - 15), tok.start)
        if a and a.end() == tok.start or (a and not text[a.end():tok.start].strip()):
            c.approx = a.group(1)
        out.append(c)
    return out


_COMPOUND_GAP = re.compile(r"[ \t]*")


_FRACTION_GAP = re.compile(r"[ \t]*/[ \t]*")


_RANGE_GAP = re.compile(r"[ \t]*[-–][ \t]*")


def _compound(text: str, tok: NumberToken, unit: UnitMatch, nxt: NumberToken | None
              ) -> tuple[NumberToken, UnitMatch] | None:
    """Two numbers that write one figure, as (number, unit) of the whole, else None.

    * an amount in two scales: "27 tỷ 312 triệu đồng" is 27,312 tỷ đồng;
    * a range with its unit written twice: "75% - 76%" is 75 to 76 %;
    * a count over its total: "834 hộ nghèo/53.577 hộ" is the fraction 834/53.577; an amount over another
      in the same measure ("224 tỷ đồng/150 tỷ đồng") too.
    """
    if nxt is None or nxt.is_range or nxt.is_fraction or tok.is_fraction or tok.is_range:
        return None
    if unit.cls == "money" and _COMPOUND_GAP.fullmatch(text, unit.end, nxt.start):
        second = match_unit(text, nxt.end)
        if second is None or second.cls != "money" or not second.factor < unit.factor:
            return None
        words = second.text.split()
        currency = " ".join(words[1:]) if len(words) > 1 else ""
        value = tok.value + nxt.value * second.factor / unit.factor
        if not currency or unit.text.split()[-1].casefold() in ("đồng", "usd"):
            return None          # "27 tỷ đồng 312 …" is two figures; a compound ends with the currency
        whole = tok._replace(end=nxt.end, text=text[tok.start:nxt.end], value=value)
        return whole, unit._replace(end=second.end, text=f"{unit.text} {currency}")
    if _RANGE_GAP.fullmatch(text, unit.end, nxt.start) and nxt.value > tok.value and not unit.is_count:
        second = match_unit(text, nxt.end)   # "75% - 76%", "8,5%-9%": a range with its unit written twice
        if second is None or (second.base, second.factor) != (unit.base, unit.factor):
            return None
        whole = tok._replace(end=nxt.end, text=text[tok.start:nxt.end], high=nxt.value)
        return whole, unit._replace(end=second.end, text=second.text)
    if unit.is_count and _FRACTION_GAP.fullmatch(text, unit.end, nxt.start):
        second = match_unit(text, nxt.end)
        if second is None or not second.is_count or (second.noun or "").split()[:1] != (unit.noun or "").split()[:1]:
            return None
        return tok._replace(denominator=nxt.value), unit._replace(end=second.end)
    if not unit.is_count and unit.cls != "percent" and _FRACTION_GAP.fullmatch(text, unit.end, nxt.start):
        second = match_unit(text, nxt.end)   # "224 tỷ đồng/150 tỷ đồng", "1.565,8ha/1.565,8 ha": an amount over
        if second is None or second.base != unit.base or not second.factor:   # its plan, in the same measure
            return None
        return tok._replace(denominator=nxt.value * second.factor / unit.factor), unit._replace(end=second.end)
    return None


def _is_year_span(tok: NumberToken) -> bool:
    return all(float(x).is_integer() and 1900 <= x <= 2100 for x in (tok.value, tok.high))


def _after_word(text: str, i: int, words: frozenset[str]) -> bool:
    """True if the number at ``i`` follows one of ``words`` ("lần thứ 13", "Kết luận số 09")."""
    before = text[max(0, i - 24):i].casefold().split()
    if not before or not text[i - 1:i].isspace():
        return False
    if len(before) >= 2 and before[-2] == "tổng" and before[-1] == "số":
        return False
    return any(" ".join(before[-k:]) in words for k in (1, 2, 3) if len(before) >= k)


def words_after(text: str, j: int, n: int) -> str:
    return " ".join(text[j:j + 60].split()[:n])
