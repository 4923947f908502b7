"""Canonical indicators: the taxonomy of ``lexicon/indicators.toml`` and the id a metric phrase names.

:func:`canonical` maps a phrase (and the figure's unit class) to an indicator id
("industrial_output"); :func:`rate_indicator` does it for a percentage level read with
its rate verb; :func:`indicator` gives an id's Vietnamese name, parent and press unit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vngov.lexicon import alternation, load
from vngov.text import fold


@dataclass(frozen=True)
class Indicator:
    """One indicator of ``lexicon/indicators.toml``."""

    id: str
    name: str                          # Vietnamese display name: "Thu ngân sách nhà nước"
    parent: str | None                 # the indicator this one is a part of
    unit_class: tuple[str, ...]        # "money", "percent", "count:xã", …
    canonical_unit: str                # the press unit for display: "tỷ đồng"
    synonyms: tuple[str, ...]
    annual_level: bool = False
    level: tuple[str, ...] = ("province", "district", "commune")
    source: str = "press"
    depth: int = 0                     # 0 for a top indicator, 1 for its sub-indicators, …


@dataclass(frozen=True)
class _Taxonomy:
    by_id: dict[str, Indicator]
    order: dict[str, int]
    synonyms: tuple[tuple[str, str], ...]            # (normalised synonym, id)
    first_words: dict[str, tuple[tuple[str, str], ...]]  # first word -> its synonyms
    unit_classes: dict[str, frozenset[str]]         # indicator class -> figure unit classes
    implicit: frozenset[str]                         # figure classes every indicator admits
    denominators: tuple[str, ...]                    # normalised openers naming a share's whole
    list_words: re.Pattern[str]                      # a phrase listing kinds names their parent
    parents: frozenset[str]                          # ids with sub-indicators
    sector_prefix: re.Pattern[str]                   # "lĩnh vực", "ngành" before a sector's name


_SEP = re.compile(r"[\s,;:()\-–—/.+]+")


def _norm(s: str) -> str:
    """A phrase as a match key: folded, punctuation and dashes as single spaces, padded."""
    return " " + " ".join(w for w in _SEP.split(fold(s)) if w) + " "


@lru_cache(maxsize=1)
def _taxonomy() -> _Taxonomy:
    lex = load("indicators")
    raw = {m["id"]: m for m in lex["indicator"]}

    def depth(i: str) -> int:
        d, p = 0, raw[i].get("parent")
        while p:
            d, p = d + 1, raw[p].get("parent")
        return d

    by_id = {}
    for i, m in raw.items():
        by_id[i] = Indicator(
            id=i, name=m["name"], parent=m.get("parent"), unit_class=tuple(m["unit_class"]),
            canonical_unit=m["canonical_unit"], synonyms=tuple(m["synonyms"]),
            annual_level=bool(m.get("annual_level", False)),
            level=tuple(m.get("level", ("province", "district", "commune"))), source=m["source"], depth=depth(i))
    syn = tuple((_norm(s), i) for i, m in by_id.items() for s in m.synonyms)
    first: dict[str, list[tuple[str, str]]] = {}
    for s, i in syn:
        first.setdefault(s.split()[0], []).append((s, i))
    return _Taxonomy(by_id, {i: n for n, i in enumerate(by_id)}, syn, {k: tuple(v) for k, v in first.items()},
                     {k: frozenset(v) for k, v in lex["unit_classes"].items()}, frozenset(lex["admit"]["implicit"]),
                     tuple(_norm(c) for c in lex["admit"].get("denominator_cues", ())),
                     re.compile(rf",|\s(?:{alternation(lex['admit']['list_words'])})\s"),
                     frozenset(i.parent for i in by_id.values() if i.parent),
                     re.compile(rf"^\s*(?:{alternation(lex['admit']['sector_prefixes'])})\s+", re.I))


def indicators() -> tuple[Indicator, ...]:
    """Every indicator, in lexicon order."""
    return tuple(_taxonomy().by_id.values())


def indicator(metric_id: str | None) -> Indicator | None:
    """The indicator with this id, else None."""
    return _taxonomy().by_id.get(metric_id) if metric_id else None


def _admits(ind: Indicator, unit_class: str | None, noun: str | None, t: _Taxonomy) -> int:
    """2 if the indicator lists the figure's unit class, 1 if it admits it implicitly, else 0."""
    if unit_class is None:
        return 2
    if unit_class == "count":
        n = fold(noun) if noun else None
        for c in ind.unit_class:
            if c == "count" or (n is not None and c.startswith("count:") and fold(c[6:]) == n):
                return 2
        return 0
    if any(unit_class in t.unit_classes.get(c, ()) for c in ind.unit_class):
        return 2
    return 1 if unit_class in t.implicit else 0


def _is_under(mid: str, ancestor: str, t: _Taxonomy) -> bool:
    p = t.by_id[mid].parent
    while p:
        if p == ancestor:
            return True
        p = t.by_id[p].parent
    return False


@lru_cache(maxsize=8192)
def rate_indicator(phrase: str | None, before: str, unit_class: str | None) -> str | None:
    """The indicator of a percentage that is a level (a figure of kind ``value``).

    The verb right before the number (``before``) that names a rate ("chiếm", "tăng") is read with
    the phrase, so "nông nghiệp" + "chiếm" is the agricultural share and "GRDP" + "tăng" the growth;
    an amount's indicator that admits a percentage only as its change or share is never given to a
    percentage level: "thu ngân sách 12%" with no rate verb has no id rather than a money id.
    """
    cue = _rate_cue().search(before or "")
    found = canonical(f"{phrase} {cue.group(1)}" if phrase and cue else phrase, unit_class,
                      explicit_only=unit_class == "percent")
    other = _named_beside_growth(phrase) if found in _weak_growth_ids() else None
    if other is None or other == found or _is_under(found, other, _taxonomy()):
        return found          # "tốc độ tăng trưởng GRDP": GRDP's own growth
    growth = f"{other}_growth"
    return growth if growth in _taxonomy().by_id else other


def _named_beside_growth(phrase: str | None) -> str | None:
    """What a growth phrase names besides its generic growth words ("… ngành tiểu thủ công nghiệp")."""
    rest = _weak_growth().sub(" ", phrase or "")
    return canonical(rest) if rest.strip() else None


@lru_cache(maxsize=1)
def _weak_growth() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?:{alternation(load('indicators')['admit']['weak_growth_words'])})(?![\w])", re.I)


@lru_cache(maxsize=1)
def _weak_growth_ids() -> frozenset[str]:
    """The ids a weak growth word alone may name (GRDP growth)."""
    return frozenset(i for w in load("indicators")["admit"]["weak_growth_words"] if (i := canonical(w, "percent")))


def fraction_part(metric_id: str | None) -> str | None:
    """The indicator of the part a fraction x/y of ``metric_id`` counts ("15/17 chỉ tiêu": the targets met)."""
    return load("indicators")["admit"]["fraction_of"].get(metric_id or "", metric_id)


def share_level(metric_id: str | None, phrase: str | None, before: str) -> str | None:
    """The share indicator a percentage level of ``metric_id`` is when no word of growth is in its
    ``phrase`` or right ``before`` the number."""
    share = load("indicators")["admit"]["share_of"].get(metric_id or "")
    if share is None:
        return None
    near, anywhere = _growth_cue()
    if anywhere.search(phrase or "") or near.search(before or ""):
        return None
    return share


@lru_cache(maxsize=1)
def _growth_cue() -> tuple[re.Pattern[str], re.Pattern[str]]:
    adm = load("indicators")["admit"]
    words, moves = alternation(adm["growth_cues"]), alternation(adm["level_move_words"])
    return (re.compile(rf"(?<![\w])(?:{words})(?![\w])(?!\s+(?:{moves})(?![\w]))(?:\s+\S+){{0,3}}\s*$", re.I),
            re.compile(rf"(?<![\w])(?:{words})(?![\w])(?!\s+(?:{moves})(?![\w]))", re.I))


@lru_cache(maxsize=1)
def _rate_cue() -> re.Pattern[str]:
    words = load("indicators")["admit"]["rate_cues"]
    return re.compile(rf"(?<![\w])({alternation(words)})(?:\s+\S+){{0,2}}\s*$", re.I)


@lru_cache(maxsize=16384)
def canonical(phrase: str | None, unit_class: str | None = None, noun: str | None = None,
              explicit_only: bool = False) -> str | None:
    """The indicator id the metric phrase names, else None.

    ``unit_class`` (vngov.units ``UnitMatch.cls``: money, percent, count, …) and,
    for counts, the counted ``noun`` restrict the choice to indicators that may
    carry that unit: 12 "cơ sở sản xuất công nghiệp" is no industrial output, a
    percentage of "hộ nghèo" is the poverty rate and a count of them the number
    of poor households.  The noun is read with the phrase ("kết nạp" + "đảng
    viên").  Among the indicators left, the longest synonym wins (see the head
    of ``lexicon/indicators.toml``).  Without a unit class every indicator is
    admitted.
    """
    if not phrase:
        return None
    t = _taxonomy()
    if unit_class == "count" and noun and noun.lstrip().startswith("%"):
        unit_class, noun = "percent", None        # "7,5 %/năm" read as a counted noun
    key = _norm(phrase)
    if noun:
        n = _norm(noun)
        if n not in key:
            key = key + n[1:]
    if key.startswith(t.denominators):
        return None                               # "chiếm 19% dân số": the share's whole, not the metric
    found = []                                    # (score, id, span)
    for w in set(key.split()):
        for syn, mid in t.first_words.get(w, ()):
            at = key.find(syn)
            if at < 0:
                continue
            ind = t.by_id[mid]
            adm = _admits(ind, unit_class, noun, t)
            if adm == 2 or (adm and not explicit_only):
                found.append(((len(syn), adm, ind.depth, -t.order[mid]), mid, (at, at + len(syn))))
    if not found:
        return None
    score, best, span = max(found)
    # a sub-indicator named by other words of the phrase refines its ancestor:
    # "diện tích xuống giống vụ lúa" is the rice area, not just the sown area
    # ... unless the phrase is a list ("tổng đàn gia súc, gia cầm" is the whole herd)
    refined = {mid for sc, mid, sp in found
               if sc[1] >= score[1] and _is_under(mid, best, t) and not (span[0] <= sp[0] and sp[1] <= span[1])}
    if len(refined) == 1 and not t.list_words.search(phrase):
        return refined.pop()
    return best


def named_head(phrase: str) -> str | None:
    """The opening of ``phrase`` through the indicator name it holds: "thu nhập bình quân đầu người nâng
    lên rõ rệt" -> "thu nhập bình quân đầu người" (the predicate after the name dropped)."""
    t = _taxonomy()
    key = _norm(phrase)
    spans = [(len(syn), at + len(syn)) for w in set(key.split()) for syn, _ in t.first_words.get(w, ())
             for at in (key.find(syn),) if at >= 0]
    if not spans:
        return None
    end = max(spans)[1]
    words = phrase.split()
    for k in range(1, len(words) + 1):
        if len(_norm(" ".join(words[:k]))) >= end:
            return " ".join(words[:k])
    return None


def in_context(metric_id: str | None, phrase: str | None, before: str, unit_class: str | None = None,
               noun: str | None = None) -> str | None:
    """A sub-indicator the sentence before the figure names for a parent id: "gieo sạ 72.545 ha, …,
    sản lượng 380.757 tấn" makes "sản lượng" rice output ([admit.context] in the lexicon).  Only a bare
    phrase ("sản lượng", "năng suất") or a sector's name is read with its context."""
    t = _taxonomy()
    if metric_id is None or not phrase or metric_id not in t.parents:
        return metric_id
    word = _context_word(before)
    if word is None:
        return metric_id
    bare = t.sector_prefix.sub("", phrase)
    if len(bare.split()) > 2 and metric_id not in load("indicators")["admit"]["share_of"]:
        return metric_id     # "sản lượng lương thực", "diện tích gieo trồng" name their own scope
    for joined in (f"{bare} {word}", f"{word} {bare}"):
        found = canonical(joined, unit_class, noun)
        if found and _is_under(found, metric_id, t):
            return found
    return metric_id


def _context_word(before: str) -> str | None:
    """The context word nearest before the figure, as the lexicon reads it."""
    words, pattern = _context()
    item = before[before.rfind(";") + 1:][-300:]      # the list item the figure is in, not the one before
    hits = list(pattern.finditer(item))
    return words[" ".join(hits[-1].group().casefold().split())] if hits else None


@lru_cache(maxsize=1)
def _context() -> tuple[dict[str, str], re.Pattern[str]]:
    ctx = load("indicators")["admit"]["context"]
    words = {" ".join(k.casefold().split()): v for k, v in ctx.items()}
    return words, re.compile(rf"(?<![\w])(?:{alternation(list(ctx))})(?![\w])", re.I)


def is_annual_level(metric_id: str | None) -> bool:
    """True for indicators measured as a level per year (per-capita income, poverty rate)."""
    ind = indicator(metric_id)
    return bool(ind and ind.annual_level)


def label(key: str) -> str:
    """A reader's name for an indicator: "Thu ngân sách nhà nước (budget_revenue)" for a
    canonical id (its Vietnamese name), the key itself for a phrase."""
    ind = indicator(key)
    return f"{ind.name} ({key})" if ind else key
