"""Units written after a number, and the base units they convert to.

The knowledge is in ``lexicon/units.toml``; this module only compiles it into
one regular expression (once) and reads a match.  A unit is found right after
its number: an optional scale word (``tỷ``, ``nghìn tỷ``), the unit proper or a
counted noun, and optional ``/…`` denominators (``triệu đồng/người/năm``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple
from functools import lru_cache

from vngov.lexicon import load
from vngov.text import lower_keeping_offsets


class UnitMatch(NamedTuple):
    """A unit as written after a number, with what it means (a named tuple: made for every number)."""

    start: int
    end: int
    text: str            # as written, scale word included: "tỷ đồng", "tấn/ ngày"
    base: str            # base unit: "VND", "kg", "ha", "%", "times" or the counted noun
    factor: float        # base units per written unit (scale included)
    cls: str             # money, percent, mass, area, …, or "count"
    noun: str | None = None  # the counted noun, for counts

    @property
    def is_count(self) -> bool:
        return self.cls == "count"


@dataclass(frozen=True)
class _Table:
    pattern: re.Pattern[str]       # on lower-cased text
    forms: dict[str, tuple[str, float, str]]   # folded form -> (base, factor, cls)
    scales: dict[str, float]
    money_base: str
    counts: frozenset[str]
    stock: frozenset[str]
    first: frozenset[str]     # first word (casefolded) of every form and scale: a fast gate


def _form_regex(form: str) -> str:
    """A lexicon form as a pattern: spaces and slashes may be written loosely."""
    parts = []
    for ch in form:
        if ch == " ":
            parts.append(r"\s+")
        elif ch == "/":
            parts.append(r"\s?/\s?")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def _alternation(forms) -> str:
    return "|".join(_form_regex(f) for f in sorted(set(forms), key=len, reverse=True))


@lru_cache(maxsize=4096)
def _key(s: str) -> str:
    return re.sub(r"\s*/\s*", "/", " ".join(s.split())).casefold()


_NEXT_WORD = re.compile(r"\s?(%|[^\W\d_]+\d?|[^\W_]+)")


@lru_cache(maxsize=1)
def _table() -> _Table:
    lex = load("units")
    forms: dict[str, tuple[str, float, str]] = {}
    for spec in lex["units"].values():
        for f in spec["forms"]:
            forms[_key(f)] = (spec["base"], float(spec["factor"]), spec["cls"])
    counts = [n for n in lex["counts"]["nouns"]]
    scales = {_key(k): float(v) for k, v in lex["scales"].items()}
    money = lex["money_scales"]
    def source(fold) -> str:
        per = _alternation(map(fold, lex["per"]["forms"]))
        unit_alt = _alternation(map(fold, list(lex_forms(lex)) + counts))
        scale_alt = _alternation(map(fold, lex["scales"].keys()))
        money_alt = _alternation(map(fold, money["forms"]))
        end = r"(?:(?<=%)|(?![\w]))"
        return (rf"\s?(?:(?P<scale>{scale_alt})\s+)?(?P<unit>{unit_alt}){end}"
                rf"(?P<per>(?:\s?/\s?(?:{per}){end})*)"
                rf"|\s?(?P<money>{money_alt})(?![\w])")

    return _Table(re.compile(source(str.lower)), forms, scales, money["base"], frozenset(_key(c) for c in counts),
                  frozenset(_key(s) for s in lex["counts"]["stock"]),
                  frozenset(_first_word(f) for f in list(lex_forms(lex)) + counts + list(lex["scales"])
                            + money["forms"]))


def _first_word(form: str) -> str:
    return re.split(r"[\s/.]", form.casefold(), maxsplit=1)[0]


def lex_forms(lex: dict) -> list[str]:
    return [f for spec in lex["units"].values() for f in spec["forms"]]


_WINDOW = 64   # longer than any unit with its scale and denominators


def match_unit(text: str, pos: int) -> UnitMatch | None:
    """The unit written at ``text[pos:]`` (after a number), or None."""
    t = _table()
    gate = _NEXT_WORD.match(text, pos)
    if not gate or (gate.group(1) != "%" and gate.group(1).casefold() not in t.first):
        return None   # most numbers (dates, years, ordinals) stop here, before the big alternation
    u = _match_window(text[pos:pos + _WINDOW])    # the same few units recur: cached on the words after
    if u is None:
        return None
    return u._replace(start=u.start + pos, end=u.end + pos)


def _match_window(text: str) -> UnitMatch | None:
    t = _table()
    pos = 0
    m = t.pattern.match(lower_keeping_offsets(text), pos)   # case-sensitive on lower case: fast
    if not m:
        return None
    if m.group("money"):
        written = text[m.start("money"):m.end("money")]
        return UnitMatch(m.start("money"), m.end(), written, t.money_base,
                         t.scales[_key(written)], "money")
    unit = text[m.start("unit"):m.end("unit")]
    scale = t.scales[_key(m.group("scale"))] if m.group("scale") else 1.0
    start = m.start("scale") if m.group("scale") else m.start("unit")
    per = text[m.start("per"):m.end("per")] if m.group("per") else ""
    written = text[start:m.end()]
    k = _key(unit)
    if k in t.forms:
        base, factor, cls = t.forms[k]
        if per:
            base = base + "/" + "/".join(p.strip() for p in per.split("/") if p.strip())
        return UnitMatch(start, m.end(), written, base, factor * scale, cls)
    base = unit + ("/" + "/".join(p.strip() for p in per.split("/") if p.strip()) if per else "")
    return UnitMatch(start, m.end(), written, base, scale, "count", noun=unit)


def is_stock_noun(noun: str | None) -> bool:
    """True for counted nouns that name a standing stock (communes, cattle, criteria)."""
    return bool(noun) and _key(noun) in _table().stock



def normalize_unit(unit: str) -> str:
    """A unit as a comparison key: folded, single spaces, no spaces around slashes."""
    return _key(unit)
