"""Recognising Vietnamese personal names in running text, without a tagger.

A Vietnamese name is two to four capitalised syllables, the first a family
name (Nguyễn, Trần, Lê …).  Provincial news writes a name right after an
office ("Bí thư Tỉnh ủy Lê Đình Sơn") or a form of address ("đồng chí", "ông"),
so a run of capitalised syllables can hold a place and a name together
("Tỉnh ủy Hà Tĩnh Lê Đình Sơn", "TX Kỳ Anh Nguyễn Hoài Sơn").  We split such a
run at the family name that leaves a place before it, and reject runs that
are places (from the administrative units list shipped with
``vietnamadminunits``), streets and schools ("đường Lê Lợi").

Everything language-specific (family names, non-name words, cue words) lives
in ``lexicon/names.toml``; this module only holds the procedure.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from vngov.lexicon import alternation, load
from vngov.text import LOWER, UPPER, normalize_text

# A capitalised syllable: "Nguyễn", "Đình" (all-caps "NGUYỄN" is not a name here); the
# apostrophe names of the Central Highlands ("H'Yim", "K'Điểu"); and the one-letter family
# names of the surnames list ("A Thuyên", "Y Nhung"), which no other word pattern allows.
_ONE_LETTER = sorted(s for s in load("names")["surnames"] if len(s) == 1)
SYLLABLE = (rf"(?:[{UPPER}][{LOWER}]+|[{UPPER}]['’][{UPPER}][{LOWER}]+"
            + "".join(f"|{re.escape(s)}" for s in _ONE_LETTER) + ")")
_SYL = re.compile(SYLLABLE)
_LOWER_NEXT = re.compile(rf"[ \u00a0]+[{LOWER}]")
# two or more capitalised syllables in a row: a single one is never a full name
_RUN = re.compile(rf"(?<![{UPPER}{LOWER}\d])(?:{SYLLABLE})(?:[ \u00a0]+{SYLLABLE})+(?![{UPPER}{LOWER}\d])")


@dataclass(frozen=True)
class _Lex:
    surnames: frozenset[str]
    not_name: frozenset[str]
    place_cue: re.Pattern[str]
    named_after_cue: re.Pattern[str]
    person_cue: re.Pattern[str]
    run_place_words: frozenset[str]
    famous: frozenset[str]
    never: tuple[str, ...]
    years: frozenset[str]
    address: frozenset[str]
    glued: tuple[str, ...]      # "P." right before a run: the run is a place ("P.Cao Lãnh")
    follower: re.Pattern[str]   # a word that follows a whole name ("… Nghị đã chủ trì")
    body_word: frozenset[str] = frozenset()   # given names that are also a body's first word ("Đoàn Đại biểu")


def _cue_pattern(words: list[str]) -> re.Pattern[str]:
    """Matches when the text before a run ends with one of ``words``."""
    return re.compile(r"(?:^|[^\w])(?:" + alternation([normalize_text(w).casefold() for w in words]) + r")[\s:,]*$")


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    lex = load("names")
    norm = lambda xs: frozenset(normalize_text(x) for x in xs)  # noqa: E731
    place_cues = lex.get("place_cues", [])
    named_after = lex.get("named_after_cues", [])
    # one-syllable cues, capitalised, that may sit inside a run ("Báo Hà Tĩnh", "Huyện Kỳ Anh")
    run_words = frozenset(normalize_text(w).capitalize() for w in place_cues + named_after
                          if " " not in w and "." not in w)
    run_words -= norm(lex["surnames"])  # "Hồ" is a lake and a family name
    return _Lex(norm(lex["surnames"]), norm(lex.get("not_name_words", [])),
                _cue_pattern(place_cues), _cue_pattern(named_after), _cue_pattern(lex.get("person_cues", [])),
                run_words,
                norm(lex.get("people_named_like_places", [])),
                tuple(normalize_text(x) for x in lex.get("never_names", [])),
                frozenset(normalize_text(f"{a} {b}") for a in lex.get("year_stems", [])
                          for b in lex.get("year_branches", [])),
                frozenset(normalize_text(w).capitalize() for w in lex.get("person_cues", []) if " " not in w),
                tuple(lex.get("glued_place_abbreviations", [])),
                re.compile(rf"[ \u00a0]+(?:{alternation(lex.get('name_followers', []))})(?![\w])"),
                body_word=norm(lex.get("body_words", [])))


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """Short names of provinces and districts, and of wards/communes.

    Read from the administrative-units data that ships with the
    ``vietnamadminunits`` package (no network).  Empty if it is missing.
    """
    try:
        import importlib.util

        spec = importlib.util.find_spec("vietnamadminunits")
        path = Path(spec.origin).parent / "data" / "parser_legacy.json"  # type: ignore[union-attr]
        data = json.loads(path.read_text(encoding="utf-8"))
    except Exception:  # noqa: BLE001 - no place list: names still work, less strictly
        return frozenset(), frozenset()
    big: set[str] = set()
    small: set[str] = set()
    for prov in data.get("DICT_PROVINCE", {}).values():
        big.add(normalize_text(prov["provinceShort"]))
    for dists in data.get("DICT_PROVINCE_DISTRICT", {}).values():
        for d in dists.values():
            if isinstance(d.get("districtShort"), str):    # "Cao Lãnh (Thành phố)": a city and a district
                big.add(normalize_text(re.sub(r"\s*\(.*\)\s*$", "", d["districtShort"])))
    for dists in data.get("DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED", {}).values():
        for wards in dists.values():
            for w in wards.values():
                if isinstance(w.get("wardShort"), str):
                    small.add(normalize_text(w["wardShort"]))
    return frozenset(big), frozenset(small)


def is_place(s: str) -> bool:
    """True if ``s`` is the short name of a Vietnamese province, district or commune."""
    big, small = _places()
    s = normalize_text(" ".join(s.split()))
    return s in big or s in small


def is_big_place(s: str) -> bool:
    """True if ``s`` is the short name of a province or a district (commune names are too often words)."""
    return normalize_text(" ".join(s.split())) in _places()[0]


def is_name(s: str) -> bool:
    """True if ``s`` looks like a person's full name: 2–4 capitalised syllables, a family name first.

    A bare place name ("Hà Tĩnh") is not a name; a name that is also a place
    is recognised only in context by :func:`find_names`.
    """
    parts = normalize_text(s).split()
    return _valid(parts, need_surname=True) and not is_place(" ".join(parts))


def _valid(parts: list[str], need_surname: bool, last_ok: bool = False) -> bool:
    lex = _lex()
    if not 2 <= len(parts) <= 4:
        return False
    if not all(_SYL.fullmatch(p) for p in parts):
        return False
    if any(p in lex.not_name for p in (parts[:-1] if last_ok else parts)):
        return False
    return parts[0] in lex.surnames or not need_surname


@lru_cache(maxsize=4096)
def _norm_word(w: str) -> str:
    return normalize_text(w)


def find_names(text: str) -> list[tuple[str, int, int]]:
    """Every person's name in ``text`` as (name, start, end), in order.

    A run of capitalised syllables yields at most one name: the part that
    starts at a family name, after any place the run begins with.  (Cached:
    the people, quotes and meetings extractors all ask about the same body;
    a fresh list is returned each time.)
    """
    return list(_find_names(text))


@lru_cache(maxsize=16)
def _find_names(text: str) -> tuple[tuple[str, int, int], ...]:
    out: list[tuple[str, int, int]] = []
    for m in _RUN.finditer(text):
        found = _name_in_run(text, m.start(), m.group())
        if found:
            out.append(found)
    return tuple(out)


def _tokens(run: str, start: int) -> list[tuple[str, int, int]]:
    return [(t.group(), start + t.start(), start + t.end()) for t in re.finditer(r"\S+", run)]


def _name_in_run(text: str, start: int, run: str) -> tuple[str, int, int] | None:
    lex = _lex()
    if any(text.startswith(ab, start - len(ab)) and not text[max(0, start - len(ab) - 1):start - len(ab)].isalpha()
           for ab in lex.glued):
        return None      # "Đảng bộ P.Cao Lãnh", "TP.Cao Lãnh": a place written with its level glued on
    toks = _tokens(run, start)
    before = text[max(0, start - 30):start].casefold()
    person_ctx = bool(lex.person_cue.search(before))
    place_m = lex.place_cue.search(before)
    named_m = lex.named_after_cue.search(before)
    if not person_ctx and named_m and (place_m is None or named_m.start() < place_m.start()):
        return None  # "đường Lê Lợi", "Trường THPT Phan Đình Phùng" (but "thành phố" is a level)
    place_ctx = bool(place_m) and not person_ctx
    sentence_start = before.rstrip(" \t\"“(").endswith((".", "!", "?", ":", "\n")) or not before.strip()
    # a place word inside the run starts a place: "Báo Hà Tĩnh", "Huyện Kỳ Anh"
    if toks[0][0] in lex.address and len(toks) > 3 and is_big_place(" ".join(t for t, _, _ in toks[:2])):
        toks = toks[2:]  # "Bí thư Thành ủy Bà Rịa Trần Văn Tuấn": "Bà Rịa" is a place, not "bà" and a name
        place_ctx, person_ctx = True, False
    elif toks[0][0] in lex.address and len(toks) > 2:
        toks = toks[1:]  # "Ông Nguyễn Văn A" opening a sentence
        person_ctx, place_ctx = True, False
    elif toks[0][0] in lex.address and len(toks) == 2 and sentence_start:
        return None      # "Ông Chiến được …": a short form, resolved by people to the full name
    if toks[0][0] in lex.run_place_words:
        opens_place = any(is_place(" ".join(t for t, _, _ in toks[:k])) for k in (2, 3) if len(toks) > k)
        if lex.named_after_cue.search(toks[0][0].casefold() + " ") and not opens_place:
            return None   # "Bến Lức …" is a named thing, "Bến Tre Nguyễn Văn Đức" a province and a name
        toks = toks[1:]
        place_ctx, person_ctx, sentence_start = True, False, False
    while toks and (toks[-1][0] in lex.not_name or toks[-1][0] in lex.body_word) and _LOWER_NEXT.match(text, toks[-1][2]) \
            and not lex.follower.match(text, toks[-1][2]):
        toks = toks[:-1]   # "Bộ trưởng", "Chủ tịch": a word of an office; "Hoàng Văn Bộ - …" keeps its given name
    if len(toks) < 2:
        return None
    parts = [_norm_word(t) for t, _, _ in toks]
    last_ok = parts[-1] in lex.not_name     # kept above: a given name that is also a word ("Hoàng Văn Bộ")
    if person_ctx and _valid(parts, need_surname=False, last_ok=last_ok):
        return _pick(text, toks, 0, len(toks))
    found = _best_split(parts, place_ctx, sentence_start, last_ok)
    if found is None:
        return None
    i, j = found
    cand = " ".join(parts[i:j])
    if (lex.never and text.startswith(lex.never, toks[i][1])) or cand in lex.years:
        return None
    if cand in lex.famous:
        # "tư tưởng Hồ Chí Minh", "Chủ tịch Hồ Chí Minh", "TP Hồ Chí Minh": an idea, a historic figure,
        # a place; a living namesake is written with an address word ("ông", "đồng chí")
        return _pick(text, toks, i, j) if person_ctx and i == 0 else None
    if not person_ctx and _place_like(cand):
        return None
    return _pick(text, toks, i, j)


def _best_split(parts: list[str], place_ctx: bool, sentence_start: bool = False,
                last_ok: bool = False) -> tuple[int, int] | None:
    """Where the name sits in a run of capitalised syllables.

    A run may open with a place ("Hà Tĩnh Lê Đình Sơn", after "Tỉnh ủy"): a
    family name preceded by a known place wins; after a place word ("huyện",
    "TP") an unknown place of two or more syllables may precede the name;
    otherwise the name starts the run.
    """
    lex = _lex()
    big, small = _places()
    starts = [i for i in range(len(parts) - 1) if parts[i] in lex.surnames]
    order: list[int] = []
    # a province or district before the name first ("Đông Giang Đỗ Tài"), then a commune in place context
    order += [i for i in starts if i > 0 and " ".join(parts[:i]) in big]
    order += [i for i in starts if i > 0 and place_ctx and " ".join(parts[:i]) in small and i not in order]
    if place_ctx:  # an unknown place of two or more words before the name
        order += [i for i in starts if i >= 2 and i not in order]
    # otherwise the name opens the run, follows one capitalised sentence opener ("Theo Lê Văn A"),
    # or follows a name of two or more words ("Tập đoàn Điện lực Việt Nam Nguyễn Văn A")
    order += [i for i in starts if i not in order and (i != 1 or sentence_start)]
    if place_ctx:  # last, a one-word place: "xã Vinh Lê Văn A"
        order += [i for i in starts if i == 1 and i not in order]
    if place_ctx and 0 in order and _place_like(" ".join(parts)):
        order.remove(0)
    for i in order:
        for j in range(min(len(parts), i + 4), i + 1, -1):
            if _valid(parts[i:j], need_surname=True, last_ok=last_ok and j == len(parts)):
                return i, j
    return None


def _place_like(cand: str) -> bool:
    """A province or district name, or a two-syllable commune name."""
    return is_big_place(cand) or (cand in _places()[1] and len(cand.split()) == 2)


def _pick(text: str, toks: list[tuple[str, int, int]], i: int, j: int) -> tuple[str, int, int]:
    s, e = toks[i][1], toks[j - 1][2]
    return " ".join(text[s:e].split()), s, e
