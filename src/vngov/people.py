"""People of the story and the offices the article gives them.

Provincial news names an official in a handful of fixed shapes:

* office before the name: "Bí thư Tỉnh ủy Lê Đình Sơn", "Phó Bí thư Tỉnh ủy,
  Chủ tịch UBND tỉnh Võ Văn Hưng";
* office after it: "đồng chí Nguyễn Văn A, Phó Bí thư Tỉnh ủy, Chủ tịch UBND
  tỉnh", "Đại tá Nguyễn Hồng Phong - Ủy viên BTV Tỉnh ủy, Giám đốc Công an tỉnh";
* lists sharing an office: "các Phó Chủ tịch UBND tỉnh: A, B, C".

Names come from :mod:`vngov.names`, office phrases from :mod:`vngov.offices`;
this module only decides which office belongs to which name.  An office
directly followed by a name belongs to that name, never to the one before.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from vngov import localities, names, offices
from vngov.lexicon import alternation, load
from vngov.models import Article, Person, Role
from vngov.text import CAPITAL, LOWER, UPPER, fold, sentences

_LIST_GAP = re.compile(r"\s*(?:,|;|\bvà\b)\s*$")
# A signature line: names only, joined by "-", "–", ",", "/" or "và", maybe a source after a slash
# ("Thu Hằng, Nguyễn Oanh/HTTV", "Trần Nông - Huỳnh Ấn"), or one name then a short title with no
# full stop ("Phạm Anh Hào - Phó Chánh Văn phòng Huyện ủy Hương Sơn"): the writers, not the story's people.
_NAME_WORDS = rf"{CAPITAL}[{UPPER}{LOWER}]*(?:\s+{CAPITAL}[{UPPER}{LOWER}]*){{0,4}}"
_SIGNATURE = re.compile(rf"^\s*{_NAME_WORDS}(?:\s*(?:[-–—,/&]|\svà\s)\s*{_NAME_WORDS})*\s*(?:/\s*[{UPPER}0-9.]+)?\s*$")
_SIGNED_TITLE = re.compile(rf"^\s*{_NAME_WORDS}\s+[-–—]\s+[^.!?:;\n]{{3,90}}$")


@dataclass
class _Mention:
    name: str
    start: int
    end: int
    sent: tuple[int, int]
    rank: str | None = None
    roles: list[tuple[re.Match, int, int]] = field(default_factory=list)
    shared: list[tuple[re.Match, int, int]] = field(default_factory=list)
    own_before: bool = False    # an office written right before the name
    chain_end: int = 0          # end of the name and the offices after it
    item_start: int = 0         # start of the name with its address words ("đồng chí")
    head_over_own: bool = False  # its shared office heads a list of names with offices of their own


@lru_cache(maxsize=1)
def _credit() -> re.Pattern[str]:
    cues = load("names").get("credit_cues", [])
    return re.compile(rf"(?:^|[\n(\[|.!?–-])\s*(?i:{alternation(cues)})\s*:\s*$")


def extract_people(article: Article) -> tuple[Person, ...]:
    """Every named person of ``article``, once each, with every office it gives them."""
    text = article.body
    mentions = _mentions(article)
    if not mentions:
        return ()
    for i, m in enumerate(mentions):
        prev_end = mentions[i - 1].chain_end if i and mentions[i - 1].sent == m.sent else m.sent[0]
        nxt = mentions[i + 1].start if i + 1 < len(mentions) and mentions[i + 1].sent == m.sent else m.sent[1]
        got = offices.around(text, m.start, m.end, prev_end, nxt, m.sent[1])
        m.rank, m.roles, m.shared = got.rank, got.roles, got.shared
        m.own_before, m.item_start, m.chain_end = got.own_before, got.item_start, got.chain_end
        m.head_over_own = got.head_over_own
    _lists(text, mentions)
    return _people(article, mentions, _Units(text, mentions))


# --- finding mentions ---------------------------------------------------------------


def _mentions(article: Article) -> list[_Mention]:
    text = article.body
    sents = sentences(text)
    starts = [s for s, _ in sents]
    byline = fold(article.byline) if article.byline else None
    credit = _credit()
    out: list[_Mention] = []
    for name, s, e in names.find_names(text):
        if byline and fold(name) == byline:
            continue
        if credit.search(text, max(0, s - 40), s):
            continue
        if _on_signature_line(text, s, e):
            continue
        out.append(_Mention(name, s, e, _sent_of(sents, starts, s, text), chain_end=e, item_start=s))
    return _with_short_forms(text, out, sents, starts)


def _sent_of(sents, starts: list[int], s: int, text: str) -> tuple[int, int]:
    k = max(0, bisect.bisect_right(starts, s) - 1)
    return sents[k] if sents else (0, len(text))


def _with_short_forms(text: str, found: list[_Mention], sents, starts: list[int]) -> list[_Mention]:
    """"Ông Chiến", "bà Hà" after "Nguyễn Nhân Chiến": the same person, so a mention of the full name.

    Only a given name that one full name of the article ends with is resolved (two "…Hà" stay apart),
    and only after a form of address, so a place or a word is never taken for the person.
    """
    by_given: dict[str, set[str]] = {}
    for m in found:
        by_given.setdefault(m.name.split()[-1], set()).add(m.name)
    unique = {g: next(iter(ns)) for g, ns in by_given.items() if len(ns) == 1}
    if not unique:
        return found
    taken = [(m.start, m.end) for m in found]
    extra: list[_Mention] = []
    for sm in _short_form_pattern().finditer(text):
        full = unique.get(sm.group("given"))
        s, e = sm.start("given"), sm.end("given")
        if full is None or any(a <= s < b for a, b in taken) or sm.start() < found[0].start:
            continue
        extra.append(_Mention(full, s, e, _sent_of(sents, starts, s, text), chain_end=e, item_start=sm.start()))
    return sorted(found + extra, key=lambda m: m.start)


@lru_cache(maxsize=1)
def _short_form_pattern() -> re.Pattern[str]:
    alts = alternation(load("names").get("short_form_address", []))
    return re.compile(rf"(?<!\w)(?i:{alts})\s+(?P<given>{CAPITAL}[{LOWER}]+)(?![\w])(?!\s+{CAPITAL})")


def _on_signature_line(text: str, s: int, e: int) -> bool:
    """True when the name stands on a line of its own that signs the article (see _SIGNATURE)."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    line = text[ls:le]
    if len(line) > 120:
        return False
    if _SIGNATURE.match(line):
        return True
    return s == ls and text.count("\n", le) <= 2 and _SIGNED_TITLE.match(line) is not None


def _lists(text: str, mentions: list[_Mention]) -> None:
    """Spread a list head's shared office to the names that follow it in the same list."""
    shared: list | None = None
    over_own = False              # the head's items name their own offices: they keep the head's too
    prev: _Mention | None = None
    list_sep: str | None = None   # a list keeps one separator: "A, B; Đại tá C, …" ends at ";"
    for m in mentions:
        gap = text[prev.chain_end:m.item_start] if prev is not None else ""
        sep = ";" if ";" in gap else ","
        if m.shared:
            shared, list_sep, over_own = m.shared, None, m.head_over_own
        elif shared is not None and prev is not None and prev.sent == m.sent and (over_own or not m.own_before) \
                and _LIST_GAP.match(text, prev.chain_end, m.item_start) \
                and not gap.strip(" ,;").replace("và", "").strip() and sep == (list_sep or sep):
            m.shared, list_sep = shared, list_sep or sep
        else:
            shared = None
        prev = m


# --- localities -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _unit_pattern() -> re.Pattern[str]:
    """A level word or a party committee followed by a capitalised name: "huyện Kỳ Anh", "Thị ủy Kỳ Anh"."""
    lex = load("offices")
    words = list(lex["levels"]) + [k for k, v in lex["bodies"]["party_committees"].items() if v]
    return re.compile(rf"(?<!\w)(?P<w>{alternation(words)})(?!\w)(?:\s+|(?<=\.))(?P<p>{offices.PLACE})")


def _article_units(text: str, mentions: list[_Mention]) -> dict[str, str]:
    """The unit of each level the article is most about: {"tỉnh": "tỉnh Hà Tĩnh", …}.

    The most often named unit of each level (first named on a tie), its
    spelling made canonical by :mod:`vngov.localities`; the province also
    from a district named, when the article names none.  A place run that
    reaches into a person's name ("UBND tỉnh Trần Văn A") stops at the name.
    """
    lex = offices.lexicon()
    name_starts = [m.start for m in mentions]
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], int] = {}
    for u in _unit_pattern().finditer(text):
        word = fold(u.group("w"))
        level = lex.levels.get(word) or lex.party_level.get(word)
        if not level:
            continue
        end = u.end()
        k = bisect.bisect_left(name_starts, u.start("p"))
        if k < len(name_starts) and name_starts[k] < end:
            end = name_starts[k]
        place = " ".join(text[u.start("p"):end].split())
        if not place:
            continue
        counts[(level, place)] += 1
        first.setdefault((level, place), u.start())
    best: dict[str, str] = {}
    for (level, place), _ in sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]])):
        if level not in best:
            best[level] = localities.canonical(f"{level} {place}") or f"{level} {place}"
    if "tỉnh" not in best:
        for canon in list(best.values()):
            prov = localities.province_of(canon)
            if prov and prov != canon:
                best.setdefault(_level(prov) or "tỉnh", prov)
                break
    if "tỉnh" not in best:  # a province named bare ("Tại Cà Mau, …"): ask the gazetteer (slower)
        provinces = Counter(c for c, _, _ in localities.find(text) if c.startswith("tỉnh "))
        if provinces:
            best["tỉnh"] = provinces.most_common(1)[0][0]
    return best


@lru_cache(maxsize=1)
def _levels() -> tuple[str, ...]:
    return tuple(sorted(set(offices.lexicon().levels.values()), key=len, reverse=True))


def _level(canon: str) -> str | None:
    return next((lv for lv in _levels() if canon.startswith(lv + " ")), None)


class _Units:
    """The article's units by level, computed only if a place-less office needs them."""

    def __init__(self, text: str, mentions: list[_Mention]) -> None:
        self.text = text
        self.mentions = mentions
        self._units: dict[str, str] | None = None

    def get(self, level: str) -> str | None:
        if self._units is None:
            self._units = _article_units(self.text, self.mentions)
        return self._units.get(level)


def _locality(om: re.Match, units: _Units) -> str | None:
    """The unit an office belongs to: the place it names, else the article's unit of its level."""
    level, place = offices.level_of(om)
    if not level:
        return None
    if place:
        return localities.canonical(f"{level} {place}") or f"{level} {place}"
    return units.get(level)


# --- assembling people ------------------------------------------------------------------


def _people(article: Article, mentions: list[_Mention], units: _Units) -> tuple[Person, ...]:
    order: list[str] = []
    by_key: dict[str, dict] = {}
    for m in mentions:
        key = fold(m.name)
        if key not in by_key:
            order.append(key)
            by_key[key] = {"name": m.name, "roles": [], "rank": None, "ev": []}
        p = by_key[key]
        p["rank"] = p["rank"] or m.rank
        p["ev"].append(article.span(min([m.start] + [s for _, s, _ in m.roles]), max(m.end, m.chain_end)))
        for om, _, _ in m.shared + m.roles:
            p["roles"].append(offices.role_from_match(om, _locality(om, units)))
    return tuple(Person(name=by_key[k]["name"], roles=_merge(by_key[k]["roles"]), rank=by_key[k]["rank"],
                        evidence=tuple(by_key[k]["ev"])) for k in order)


def _merge(roles: list[Role]) -> tuple[Role, ...]:
    """One role per office: repeats dropped, "Bí thư Thành ủy" folded into "Bí thư Thành ủy Hà Tĩnh".

    A shorter form that the longer one only extends ("Chủ tịch UBND huyện" /
    "Chủ tịch UBND huyện Đô Lương") is the same office of the same person;
    forms that differ inside ("Phó Chủ tịch UBND tỉnh" / "Phó Chủ tịch
    Thường trực UBND tỉnh") are different offices and both kept.
    """
    out: list[Role] = []
    keys: list[str] = []
    for r in roles:
        k = offices.normalize_office(r.text)
        if any(o == k or o.startswith(k + " ") for o in keys):
            continue
        shorter = [i for i, o in enumerate(keys) if k.startswith(o + " ")]
        if shorter:
            i = shorter[0]
            out[i], keys[i] = r, k
            for j in reversed(shorter[1:]):
                del out[j], keys[j]
            continue
        out.append(r)
        keys.append(k)
    return tuple(out)
