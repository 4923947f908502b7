"""Bytes of a corpus file to text, including the old Vietnamese encodings.

Provincial archives still hold articles typed before Unicode: in the TCVN3
(".VnTime") or VNI ("VNI-Times") fonts, or saved as VISCII or Windows-1258.
Read as UTF-8 they are either refused or, worse, taken in as garbage
("B¶o Th¾ng" for "Bảo Thắng") that no extractor can match.  This module
recognises them and converts them with the tables in
``lexicon/legacy_encodings.toml`` (made from a reference implementation by
``scripts/legacy_encodings.py``) — but only where the result is certainly
Vietnamese; otherwise it says which file looks like which and stops.

Offsets into the "original text" of a converted file are offsets into the
converted text, not into the file's bytes.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from typing import Callable

from vngov.lexicon import load

#: Share of a reading's non-ASCII characters that must be Vietnamese letters, and of its words that
#: must be Vietnamese syllables, for it to be taken; the runner-up must be clearly worse.
CERTAIN = 0.9
#: Below this share, UTF-8 text with many Latin-1 symbols is taken for legacy font text.
SUSPECT = 0.6
#: Too few non-ASCII characters say nothing either way (an English note, a table of numbers).
MIN_EVIDENCE = 12
#: Typographic characters any text may hold; they neither help nor hurt.
_NEUTRAL = set("“”‘’–—…•\u00a0\u2009\u202f°×€₫«»·")


class LegacyEncodingError(ValueError):
    """Bytes that are neither Unicode nor, with certainty, one of the old Vietnamese encodings."""


@lru_cache(maxsize=1)
def _vietnamese_letters() -> frozenset[str]:
    """Every precomposed Vietnamese letter (both cases), built from its parts so no list is typed."""
    tones = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
    vowels = ("a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u", "u\u031b", "y")
    out = {"đ", "Đ"}
    for v in vowels:
        for t in tones:
            ch = unicodedata.normalize("NFC", v + t)
            out.update((ch, ch.upper()))
    return frozenset(c for c in out if len(c) == 1)


def vietnamese_share(text: str) -> tuple[float, int]:
    """(share of non-ASCII characters that are Vietnamese letters, how many were counted)."""
    letters = _vietnamese_letters()
    counted = good = 0
    for ch in text:
        if ch < "\x80" or ch in _NEUTRAL or ch.isspace():
            continue
        counted += 1
        good += ch in letters
    return (good / counted if counted else 1.0), counted


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict]:
    data = load("legacy_encodings")
    byte_tables = {name: {int(k, 16): v for k, v in data[name].items()} for name in ("viscii", "tcvn3")}
    vni = data["vni"]
    pattern = re.compile("|".join(re.escape(k) for k in sorted(vni, key=len, reverse=True)))
    return {**byte_tables, "vni": vni, "vni_pattern": pattern}


def _from_bytes(table: dict[int, str], data: bytes) -> str:
    """Bytes through a byte table; a byte the table leaves alone is read as Windows-1252."""
    plain = data.decode("cp1252", errors="replace")
    return "".join(table.get(b, plain[i]) for i, b in enumerate(data))


def _font_bytes(text: str) -> bytes:
    """The bytes a legacy font document had before it was (mis)read as Windows-1252 or Latin-1."""
    out = bytearray()
    for ch in text:
        if ord(ch) < 256:
            out.append(ord(ch))
        else:
            try:
                out += ch.encode("cp1252")
            except UnicodeEncodeError:
                out += b"?"
    return bytes(out)


def _vni(text: str) -> str:
    t = _tables()
    return t["vni_pattern"].sub(lambda m: t["vni"][m.group()], text)


def _candidates_for_bytes() -> dict[str, Callable[[bytes], str]]:
    """Ways to read bytes that are not UTF-8."""
    return {
        "Windows-1258": lambda d: d.decode("cp1258", errors="replace"),
        "VISCII": lambda d: _from_bytes(_tables()["viscii"], d),
        "TCVN3": lambda d: _from_bytes(_tables()["tcvn3"], d),
        "VNI": lambda d: _vni(d.decode("cp1252", errors="replace")),
    }


def _candidates_for_text() -> dict[str, Callable[[str], str]]:
    """Ways to repair legacy font text that was saved as UTF-8 (each character one font byte)."""
    return {
        "TCVN3": lambda s: _from_bytes(_tables()["tcvn3"], _font_bytes(s)),
        "VNI": _vni,
    }


_TONES = re.compile("[\u0300\u0301\u0303\u0309\u0323]")
_NUCLEI = ("iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyê uyu uơi "
           "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê "
           "a ă â e ê i o ô ơ u ư y").split()
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?(?:"
                       + "|".join(_NUCLEI) + r")(?:ch|ng|nh|[cmnpt])?")
_WORD = re.compile(r"[^\W\d_]+")


def syllable_share(text: str) -> float:
    """Share of the words with a non-ASCII letter that are well-formed Vietnamese syllables (an
    onset, a vowel nucleus, a coda and at most one tone mark).  Letter counts alone cannot tell
    the 8-bit encodings apart (each maps most high bytes to some Vietnamese letter); misread
    text is full of impossible syllables ("hôòi", "nghiò")."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    if not words:
        return 0.0
    good = 0
    for w in words:
        decomposed = unicodedata.normalize("NFD", w.lower())
        if len(_TONES.findall(decomposed)) > 1:
            continue
        good += bool(_SYLLABLE.fullmatch(unicodedata.normalize("NFC", _TONES.sub("", decomposed))))
    return good / len(words)


def _best(options: dict[str, str]) -> tuple[str | None, str | None, float]:
    """The one reading that is certainly Vietnamese, if exactly one is: (name, text, share)."""
    scored = sorted(((min(vietnamese_share(t)[0], syllable_share(t)), name, t)
                     for name, t in ((n, unicodedata.normalize("NFC", t)) for n, t in options.items())),
                    reverse=True)
    share, name, text = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0.0
    if share >= CERTAIN and share - runner_up >= 0.05:
        return name, unicodedata.normalize("NFC", text), share
    return None, None, share


def decode_bytes(data: bytes) -> str:
    """The text of a file's bytes.  Raises :class:`LegacyEncodingError` saying what it found."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as e:
                raise LegacyEncodingError(f"starts with a {codec.upper()} byte-order mark but is not "
                                          f"{codec.upper()} (byte {e.start})") from e
    if b"\x00" in data[:4096]:
        raise LegacyEncodingError("binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        options = {name: fn(data) for name, fn in _candidates_for_bytes().items()}
        name, converted, _ = _best(options)
        if converted is not None:
            return converted
        raise LegacyEncodingError(f"not UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r}), and not certainly "
                                  "TCVN3, VNI, VISCII or Windows-1258 either: convert it to UTF-8 first") from e
    share, counted = vietnamese_share(text)
    if counted < MIN_EVIDENCE or share >= SUSPECT:
        return text
    latin = sum(1 for ch in text if "\x80" <= ch <= "\xff" and ch not in _NEUTRAL)
    if latin < counted / 2:
        return text  # another script (Chinese, Russian…): not a legacy Vietnamese font
    options = {name: fn(text) for name, fn in _candidates_for_text().items()}
    name, converted, _ = _best(options)
    if converted is not None:
        return converted
    raise LegacyEncodingError("looks like Vietnamese typed in an old font (TCVN3 or VNI) and saved as UTF-8, "
                              "but could not be converted with certainty: convert it to Unicode first")
