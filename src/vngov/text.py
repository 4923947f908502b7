"""Text normalisation that never loses track of where a character came from.

Extractors see one spelling of Vietnamese (Unicode NFC, one tone-mark
convention: ``ủy`` not ``uỷ``, ``hòa`` not ``hoà``) so that a lexicon entry
matches however the page typed it.  But evidence must point into the file as
it was, so every transformation here returns, alongside the new text, the raw
position of each new character; :class:`OffsetMap` stores that compactly.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from vngov.lexicon import load

def _letters(upper: bool) -> str:
    """Every Vietnamese letter of one case, as a regex class body.

    Built from the characters' own case, because the code-point range "À-Ỹ" that
    pages and regexes often use holds lower-case letters too ("đ", "ư", "ơ", "à")."""
    ranges = list(range(0x41, 0x7B)) + list(range(0xC0, 0x250)) + list(range(0x1EA0, 0x1EFA))
    chars = [chr(c) for c in ranges if chr(c).isalpha() and (chr(c).isupper() if upper else chr(c).islower())]
    return "".join(re.escape(c) for c in chars)


UPPER = _letters(True)       # class bodies: use as f"[{UPPER}]"
LOWER = _letters(False)
CAPITAL = f"[{UPPER}]"       # one capital letter

# base character followed by combining marks: one unit for NFC
_CLUSTER = re.compile(r".[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]*", re.S)


@dataclass(frozen=True)
class OffsetMap:
    """Piecewise-linear map from positions in a derived text to the raw text.

    ``breaks`` holds (derived_pos, raw_pos) pairs where the offset changes;
    between two breaks the map is a shift.  Built from a per-character list by
    :meth:`from_positions`, it stays small: an article has a few dozen breaks.
    """

    breaks: tuple[tuple[int, int], ...]
    length: int

    @classmethod
    def from_positions(cls, positions: list[int]) -> "OffsetMap":
        breaks: list[tuple[int, int]] = []
        for i, raw in enumerate(positions):
            if not breaks or raw - i != breaks[-1][1] - breaks[-1][0]:
                breaks.append((i, raw))
        return cls(tuple(breaks), len(positions))

    def to_raw(self, pos: int) -> int:
        """Raw position of the derived character at ``pos`` (clamped to the text)."""
        if not self.breaks:
            return pos
        pos = max(0, min(pos, max(self.length - 1, 0)))
        i = bisect.bisect_right(self.breaks, (pos, float("inf"))) - 1
        start, raw = self.breaks[max(i, 0)]
        return raw + (pos - start)

    def positions(self) -> list[int]:
        """The per-character raw positions (the inverse of :meth:`from_positions`)."""
        return [self.to_raw(i) for i in range(self.length)]


def _with_capitals(table: dict[str, str], upper: bool = False) -> dict[str, str]:
    """A lower-case rewrite table with its capitalised pairs ("oà" -> "òa", "Oà" -> "Òa"; and "OÀ" if ``upper``)."""
    pairs = dict(table)
    if upper:
        pairs.update({k.upper(): v.upper() for k, v in table.items()})
    pairs.update({k[0].upper() + k[1:]: v[0].upper() + v[1:] for k, v in table.items() if k.islower()})
    return pairs


@lru_cache(maxsize=1)
def _tone_table() -> tuple[re.Pattern[str], dict[str, str]]:
    pairs = _with_capitals(load("orthography")["tone_marks"], upper=True)
    # Only at the end of a syllable ("hoà" but not "hoàng"), and "uy" after q
    # is part of the consonant ("quý" stays).
    pattern = re.compile(r"(?<![qQ])(" + "|".join(map(re.escape, pairs)) + r")(?![^\W\d_])")
    return pattern, pairs


@lru_cache(maxsize=1)
def _before_final_table() -> tuple[re.Pattern[str], dict[str, str]]:
    """"Đòan" -> "Đoàn": a tone put on the first vowel of a pair that a final consonant follows."""
    pairs = _with_capitals(load("orthography")["tone_marks_before_final"])
    pattern = re.compile(r"(" + "|".join(map(re.escape, pairs)) + r")(?=(?:n|ng|nh|t|c|ch|m|p)(?![^\W\d_]))")
    return pattern, pairs


@lru_cache(maxsize=1)
def _char_table() -> dict[int, str]:
    table = load("orthography")["characters"]
    return {ord(k): v for k, v in table.items()}


def normalize(raw: str) -> tuple[str, list[int]]:
    """NFC, one tone-mark convention, odd spaces made plain.

    Returns the new text and, for each of its characters, the position in
    ``raw`` it came from.  The tone and character rewrites keep lengths, so
    only NFC composition (and deleted zero-width characters) move offsets.
    """
    if unicodedata.is_normalized("NFC", raw):
        text, pos = raw, list(range(len(raw)))
    else:
        out: list[str] = []
        pos = []
        for m in _CLUSTER.finditer(raw):
            composed = unicodedata.normalize("NFC", m.group())
            out.append(composed)
            pos.extend([m.start()] * len(composed))
        text = "".join(out)
    chars = _char_table()
    mapped = text.translate(chars)
    if len(mapped) != len(text):  # deletions (zero-width characters): rebuild positions
        keep = [i for i, ch in enumerate(text) if chars.get(ord(ch), ch) != ""]
        pos = [pos[i] for i in keep]
        mapped = "".join(chars.get(ord(text[i]), text[i]) for i in keep)
    pattern, pairs = _tone_table()
    mapped = pattern.sub(lambda m: pairs[m.group()], mapped)
    before_final, moved = _before_final_table()
    return before_final.sub(lambda m: moved[m.group()], mapped), pos


def normalize_text(s: str) -> str:
    """:func:`normalize` without the offsets, for lexicon entries and queries."""
    return normalize(s)[0]


# A sentence ends at . ! ? … followed by space and a capital, or at a line end.
# "8.850,26" and "TP. Hà Tĩnh" do not end sentences: the first has no space,
# the second is a known abbreviation (orthography lexicon).
# A page that lost the space after a full stop ("người dân.Trung bình hằng năm") still ends a sentence
# there when a word of three lower-case letters or more comes before it.
_SENT_END = re.compile(rf"(?<=[.!?…])[\"”’)]*\s+(?=[\"“(]*[{UPPER}0-9])|(?<=[{LOWER}]{{3}}[.!?])(?=[{UPPER}][{LOWER}])|\n+")


@lru_cache(maxsize=1)
def _no_break_before() -> re.Pattern[str]:
    abbrevs = load("orthography")["abbreviations_with_dot"]
    return re.compile(r"(?:^|\W)(?:" + "|".join(map(re.escape, abbrevs)) + r")\.$")


@lru_cache(maxsize=8)
def sentences(body: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of ``body``, white space trimmed.

    Cached: every extractor splits the same body, one after the other."""
    out: list[tuple[int, int]] = []
    start = 0
    no_break = _no_break_before()
    for m in _SENT_END.finditer(body):
        if m.group().strip(" \t") == "" or "\n" not in m.group():
            if no_break.search(body[start:m.start()]):
                continue
        _push(body, start, m.start(), out)
        start = m.end()
    _push(body, start, len(body), out)
    return tuple(out)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed past white space at both ends (empty when all blank): offsets
    stay offsets into ``text``, which ``str.strip`` would lose."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _push(body: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    start, end = trim(body, start, end)
    if end > start:
        out.append((start, end))


def lower_keeping_offsets(text: str) -> str:
    """``text`` lower-cased character by character, so every offset still points at the same letter.

    Lexicon patterns are written in lower case and matched case-sensitively on this (much faster
    than re.I); the rare letter whose lower case is longer ("İ") is kept as it is.
    """
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def fold(s: str) -> str:
    """Case-folded, white space collapsed: a key for comparing phrases."""
    return " ".join(normalize_text(s).casefold().split())
