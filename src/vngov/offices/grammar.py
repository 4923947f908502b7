"""Office phrases: "Phó Chủ tịch Thường trực UBND tỉnh", "Bí thư Huyện ủy Kỳ Anh".

An office is a title (Chủ tịch, Bí thư, Giám đốc …), perhaps a prefix (Phó)
and a qualifier (Thường trực), then the body it belongs to (UBND, Tỉnh ủy,
Sở Xây dựng), then perhaps the level and name of the unit (tỉnh, TX Kỳ Anh).
This module turns ``lexicon/offices.toml`` into one compiled pattern and
answers three questions: does an office phrase start/end here
(:func:`match_at`), what are its parts (:func:`parse`), and which unit does it
belong to (:func:`level_of`, :func:`role_locality`).  It knows nothing about
people; :mod:`vngov.people` ties offices to names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vngov.lexicon import alternation, load
from vngov.models import Role
from vngov.text import LOWER, UPPER, fold

_B = r"(?:(?<=\.)|(?![\w&]))"  # a lexicon word ends here (not "Bộ" in "Bộ đội", not "TX" in "TXK")
PLACE = rf"[{UPPER}][{LOWER}]+(?:[ \u00a0]+[{UPPER}][{LOWER}]+){{0,3}}"


def _alt(words, flags: str = "i") -> str:
    """Longest-first alternation of lexicon words; spaces match any white space."""
    body = alternation(words)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


@dataclass(frozen=True)
class _Lexicon:
    office: re.Pattern[str]        # one office phrase, anchored by .match/.fullmatch
    start: re.Pattern[str]         # where an office may start (for backward search)
    fillers: re.Pattern[str]       # "nhiệm kỳ 2020-2025", "giữ chức" between offices
    rank: re.Pattern[str]          # "Đại tá " right before a name
    address: re.Pattern[str]       # "đồng chí ", "ông " right before a name
    standalone: frozenset[str]
    party_level: dict[str, str]    # folded party committee -> level
    organ_level: dict[str, str]
    head_level: dict[str, str]
    levels: dict[str, str]         # folded level word -> canonical level
    whole: dict[str, str]          # folded whole office -> its expansion
    abbreviations: dict[str, str]
    loose: re.Pattern[str]         # title + an unlisted organisation, for bounded matches only
    loose_stop: re.Pattern[str]    # where an unlisted organisation's name ends after a person's name
    level_tail: re.Pattern[str]    # "… huyện Cẩm Xuyên" at the end of a body
    body_level: re.Pattern[str]    # any body word that implies a level
    body_levels: dict[str, str]    # folded body word -> level


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    lex = load("offices")
    bodies = lex["bodies"]
    prefix = _alt(lex["prefixes"])
    title = _alt(lex["titles"])
    qual = _alt(lex["qualifiers"])
    party = "(?:" + _alt(bodies["party_committees"]) + "|" + _alt(bodies.get("party_abbreviations", {"Tỉnh ủy": ""}), flags="") + ")"
    organ = _alt(bodies["organs"])
    head = _alt(bodies["department_heads"])
    dept = _alt(bodies["departments"])
    named = _alt(bodies.get("named_organs", []))
    proper = rf"(?:[{UPPER}\d][{LOWER}\d]*(?:[ \u00a0]+[{UPPER}\d][{LOWER}\d]*){{0,4}})"
    level = _alt(lex["levels"])
    whole = _alt(lex["whole_offices"], flags="")
    unit = (rf"(?:(?P<party>{party}){_B}(?:\s+(?P<pplace>{PLACE}))?|{named}{_B}\s+{proper}(?![\w])"
            rf"|{organ}{_B}|{head}\s+{dept}{_B}|{dept}{_B})")
    # named groups can appear once only: the first body may carry a place, later ones not
    # a later organ is written with a capital ("… Thị ủy Phú Mỹ báo cáo …": "báo" is no newspaper); a party
    # committee may not be ("Ủy viên BTV tỉnh ủy")
    later_unit = (rf"(?:{party}{_B}(?:\s+{PLACE})?|(?=[{UPPER}])(?:{named}{_B}\s+{proper}(?![\w])|{organ}{_B}"
                  rf"|{head}\s+{dept}{_B}|{dept}{_B}))")
    office = (rf"(?:(?P<whole>{whole}){_B}"
              rf"|(?P<prefix>(?:{prefix}\s+)*)(?P<title>{title}){_B}(?:\s+(?P<qual>{qual}){_B})?"
              # "CT.UBND huyện": an abbreviated title may be joined to its body by a dot
              rf"(?P<body>(?:\s+|(?<=[{UPPER}])\.\s*){unit}(?:\s+{later_unit})*)?"
              rf"(?:\s+(?P<level>{level}){_B})?"
              # a place after the level ("UBND huyện Kỳ Anh") or the body ("Sở Y tế Hà Tĩnh")
              rf"(?:(?(level)(?:\s+|(?<=\.))(?P<place>{PLACE})|(?(body)\s+(?P<bplace>{PLACE})|(?!)))(?![\w]))?)")
    loose_lex = lex.get("loose", {})
    tok = rf"[{UPPER}{LOWER}\d&.]+(?:[-–/][{UPPER}{LOWER}\d&.]+)*"
    none = "".join(f"(?P<{g}>(?!))?" for g in ("whole", "party", "pplace", "level", "place", "bplace"))
    loose = (rf"{none}(?P<prefix>(?:{prefix}\s+)*)(?P<title>{title}){_B}(?:\s+(?P<qual>{qual}){_B})?"
             rf"(?P<body>(?:\s+{later_unit})*\s+{_alt(loose_lex.get('heads', ['Sở']))}{_B}"
             rf"(?:\s+(?:{tok}|[-–&]))+)")
    ranks = lex["ranks"]
    implied = {k: v for table in ("department_heads", "organs", "party_committees", "party_abbreviations")
               for k, v in bodies[table].items() if v}
    return _Lexicon(
        office=re.compile(office),
        start=re.compile(rf"(?<![\w])(?:{whole}|(?:{prefix}\s+)*{title}){_B}"),
        fillers=re.compile(r"(?i:" + "|".join(f"(?:{p})" for p in lex["between"]["fillers"]) + r")"),
        rank=re.compile(rf"(?:^|(?<=\s)){_alt(ranks['ranks'])}\s*$"),
        address=re.compile(rf"(?:^|(?<=\s)){_alt(ranks['address'] + ranks['honorifics'])}\s*$"),
        standalone=frozenset(fold(t) for t in lex["standalone_titles"]),
        party_level={fold(k): v for k, v in {**bodies["party_committees"], **bodies.get("party_abbreviations", {})}.items()},
        organ_level={fold(k): v for k, v in bodies["organs"].items()},
        head_level={fold(k): v for k, v in bodies["department_heads"].items()},
        levels={fold(k): v for k, v in lex["levels"].items()},
        whole={fold(k): v for k, v in lex["whole_offices"].items()},
        abbreviations={fold(k): v for k, v in lex["abbreviations"].items()},
        loose=re.compile(loose),
        loose_stop=re.compile(rf"\s*[,;:()\n]|\s+[-–—]\s|\s+(?i:{alternation(loose_lex.get('stop_words', ['và']))})(?!\w)"),
        level_tail=re.compile(rf"(?<!\w)(?P<level>{level})(?!\w)(?:\s+(?P<place>{PLACE}))?$"),
        body_level=re.compile(rf"(?<!\w)(?:{alternation([fold(w) for w in implied])})(?!\w)"),
        body_levels={fold(k): v for k, v in implied.items()},
    )


def match_at(text: str, pos: int, endpos: int | None = None) -> re.Match[str] | None:
    """The longest valid office phrase starting at ``pos`` (and ending by ``endpos``)."""
    lex = lexicon()
    m = lex.office.match(text, pos, len(text) if endpos is None else endpos)
    if m is None or not _complete(m):
        return None
    return m


def fullmatch_at(text: str, pos: int, endpos: int) -> re.Match[str] | None:
    """An office phrase that spans exactly ``text[pos:endpos]``."""
    m = lexicon().office.fullmatch(text, pos, endpos)
    return m if m is not None and _complete(m) else None


def _complete(m: re.Match[str]) -> bool:
    """A title alone ("Chủ tịch") is an office only for national posts ("Tổng Bí thư")."""
    if m.group("whole"):
        return True
    if m.group("body") or m.group("level"):
        return True
    return fold(m.group("title")) in lexicon().standalone  # "Phó Thủ tướng" too


def bare_title_at(text: str, pos: int, endpos: int | None = None) -> re.Match[str] | None:
    """A title with no body at ``pos`` ("Phó Bí thư"): an office only inside a chain whose next
    office names the body ("Phó Bí thư, Chủ tịch UBND huyện"), which the caller checks."""
    m = lexicon().office.match(text, pos, len(text) if endpos is None else endpos)
    if m is None or m.group("whole") or m.group("body") or m.group("level"):
        return None
    return m


def bare_title_ending_at(text: str, lo: int, e: int) -> re.Match[str] | None:
    """A title with no body spanning exactly up to ``e``, searched back to ``lo``."""
    for s in starts(text, lo, e):
        m = lexicon().office.fullmatch(text, s, e)
        if m is not None and not (m.group("whole") or m.group("body") or m.group("level")):
            return m
    return None


def loose_fullmatch_at(text: str, pos: int, endpos: int) -> re.Match[str] | None:
    """An office of an unlisted organisation spanning exactly ``text[pos:endpos]``.

    Only for stretches whose end is known (up to a name, a comma): the
    organisation's name is taken as written, however long.
    """
    m = lexicon().loose.fullmatch(text, pos, endpos)
    return m if m is not None and len(m.group("body").split()) <= 12 else None


def loose_match_after(text: str, pos: int, hi: int) -> re.Match[str] | None:
    """An office of an unlisted organisation at ``pos``, ending at the next comma or verb."""
    lex = lexicon()
    if not lex.start.match(text, pos, hi):
        return None
    stop = lex.loose_stop.search(text, pos, hi)
    end = stop.start() if stop else hi
    while end > pos and text[end - 1] in " .":
        end -= 1
    return loose_fullmatch_at(text, pos, end)


def starts(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Positions in ``text[lo:hi]`` where an office phrase may begin."""
    return [m.start() for m in lexicon().start.finditer(text, lo, len(text) if hi is None else hi)]


def fillers_at(text: str, pos: int) -> int:
    """Skip phrases that may sit between offices; returns the new position."""
    lex = lexicon()
    while True:
        m = re.compile(r"\s*").match(text, pos)
        p = m.end()
        f = lex.fillers.match(text, p)
        if not f:
            return pos
        pos = f.end()
        sep = re.compile(r"\s*,?\s*").match(text, pos)
        pos = sep.end()


def parse(text: str) -> Role | None:
    """The :class:`Role` an office phrase names, or None if ``text`` is not one."""
    text = " ".join(text.split())
    m = fullmatch_at(text, 0, len(text))
    return role_from_match(m) if m else None


def role_from_match(m: re.Match[str], locality: str | None = None) -> Role:
    """A :class:`Role` from a match of the office pattern."""
    text = " ".join(m.group().split())
    if m.group("whole"):
        return Role(text=text, title=text, body=None, locality=locality)
    title = " ".join((m.group("prefix") + m.group("title")).split())
    body = m.group("body")
    if body and m.group("pplace"):  # "Tỉnh ủy Hà Tĩnh": the place is the unit, not the body
        body = body[: m.start("pplace") - m.start("body")]
    body = " ".join(body.split()) if body else None
    return Role(text=text, title=title, body=body, locality=locality)


def level_of(m: re.Match[str]) -> tuple[str | None, str | None]:
    """(level, place) of the unit an office belongs to, as far as the phrase says.

    "Chủ tịch UBND TX Kỳ Anh" -> ("thị xã", "Kỳ Anh"); "Bí thư Tỉnh ủy" ->
    ("tỉnh", None); "Giám đốc Sở Xây dựng" -> ("tỉnh", None); "Tổng Bí thư" ->
    (None, None): a national office belongs to no locality.
    """
    lex = lexicon()
    if m.group("whole"):
        exp = fold(lex.whole.get(fold(m.group("whole")), ""))
        for word, lvl in lex.party_level.items():
            if word in exp and lvl:
                return lvl, None
        return None, None
    if m.group("level"):
        place = m.group("place")
        return lex.levels.get(fold(m.group("level"))), " ".join(place.split()) if place else None
    if m.group("bplace") and not m.group("pplace"):
        body = fold(m.group("body") or "")
        found = lex.body_level.findall(body)
        return (lex.body_levels.get(found[-1]) if found else None), " ".join(m.group("bplace").split())
    if m.group("party"):
        lvl = lex.party_level.get(fold(m.group("party")))
        place = m.group("pplace")
        return (lvl or None), (" ".join(place.split()) if place else None)
    body = fold(m.group("body") or "")
    if not body:
        return None, None
    tail = lex.level_tail.search(" ".join((m.group("body") or "").split())) if m.re is lex.loose else None
    if tail:  # an unlisted organisation of a unit: "Trung tâm Khuyến nông huyện Cẩm Xuyên"
        return lex.levels.get(fold(tail.group("level"))), tail.group("place")
    # the last body word that implies a level ("BTV Tỉnh ủy" -> tỉnh, "Sở …" -> tỉnh)
    found = lex.body_level.findall(body)
    return (lex.body_levels.get(found[-1]) if found else None), None


def canonical_level(word: str) -> str | None:
    """"TX" -> "thị xã", "TP." -> "thành phố"; None if ``word`` is not a level."""
    return lexicon().levels.get(fold(word))


def normalize_office(s: str) -> str:
    """A key that compares offices however written: case-folded, abbreviations expanded."""
    lex = lexicon()
    words = re.sub(r"[\"“”'‘’().,;:!?–—-]", " ", fold(s)).split()
    return " ".join(lex.abbreviations.get(w, w) for w in words)
