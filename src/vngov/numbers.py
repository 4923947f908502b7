"""Numbers as Vietnamese pages write them.

Vietnamese puts ``.`` between thousands and ``,`` before decimals
(``50.245`` is 50245, ``190,881`` is 190.881, ``8.850,26`` is 8850.26), but
pages copied from elsewhere sometimes use the English convention.  The rules
here decide by the shape of the groups, so the same parser serves both and a
decimal written the Vietnamese way always parses back to itself.

:func:`find_numbers` is the tokenizer the figure extractor builds on: it
yields plain numbers, ``x/y`` fractions and ``a–b`` / ``từ a đến b`` ranges,
and refuses numbers glued to a word (``m3``, ``Covid-19``'s dash is fine but
``F0`` is not a number) and numbers split by a stray space (``0 68%``).
"""
from __future__ import annotations

import re
from typing import Iterator, NamedTuple

_NUM = r"\d+(?:[.,]\d+)*"
_WHOLE = re.compile(_NUM)
# A number not glued to a word or to another number; an optional "/y" makes a
# fraction, an optional "- b" / "đến b" a range.
_TOKEN = re.compile(
    rf"(?<![\w.,])(?<!\d/)(?<!\d-)(?P<num>{_NUM})"
    rf"(?:\s?/\s?(?P<den>{_NUM})(?![.,]?\d)(?!\s?/\s?\d))?"
    rf"(?P<range>\s?[-–—]\s?(?P<hi>{_NUM})|\s+(?:đến|tới)\s+(?P<hi2>{_NUM}))?"
    r"(?![.,]?\d)"
)


class NumberToken(NamedTuple):
    """One number of a text: where it is, what it says and how it was written.

    A named tuple rather than a dataclass: the tokenizer makes thousands of them.
    """

    start: int
    end: int
    text: str
    value: float
    denominator: float | None = None   # for "54/59"
    high: float | None = None          # for ranges "5–7", "từ 5 đến 7"

    @property
    def is_fraction(self) -> bool:
        return self.denominator is not None

    @property
    def is_range(self) -> bool:
        return self.high is not None


def parse_number(text: str) -> float | None:
    """The value of one written number, or None if it is not one.

    ``.`` followed by groups of exactly three digits separates thousands;
    a single ``,`` is the decimal comma.  Where both appear, the last one is
    the decimal separator (``8.850,26`` and ``1,234.5``).
    """
    s = text.strip().replace(" ", "")
    if not s or not _WHOLE.fullmatch(s):
        return None
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        thou = "." if dec == "," else ","
        head, _, tail = s.rpartition(dec)
        if not _grouped(head, thou):
            return None
        return float(head.replace(thou, "") + "." + tail)
    if dots:
        return _one_separator(s, ".", grouping_default=True)
    if commas:
        return _one_separator(s, ",", grouping_default=False)
    return float(s)


def _grouped(s: str, sep: str) -> bool:
    """True if ``s`` is digits grouped by ``sep`` in threes (or has no ``sep``)."""
    parts = s.split(sep)
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:]) if len(parts) > 1 else True


def _one_separator(s: str, sep: str, grouping_default: bool) -> float | None:
    """Only one kind of separator: thousands if the groups say so, else a decimal point."""
    parts = s.split(sep)
    if len(parts) > 2:  # 1.234.567 or 1,234,567: only grouping makes sense
        return float("".join(parts)) if _grouped(s, sep) else None
    head, tail = parts
    if grouping_default and len(tail) == 3 and len(head) <= 3:
        return float(head + tail)        # Vietnamese thousands: 50.245
    return float(head + "." + tail)      # decimal: 190,881 or 2.5


def format_vn(value: float, decimals: int | None = None) -> str:
    """``value`` written the Vietnamese way (``8.850,26``): the inverse of :func:`parse_number`."""
    text = f"{value:.{decimals}f}" if decimals is not None else repr(float(value))
    if "e" in text or "E" in text:
        text = f"{value:f}"
    whole, _, frac = text.partition(".")
    if decimals is None and frac == "0":
        frac = ""
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


def find_numbers(text: str) -> Iterator[NumberToken]:
    """Every number, fraction and range of ``text`` in order.

    A number right after a digit and one space (``0 68%``: a decimal comma
    lost in copying) is not guessed at: both halves are skipped.
    """
    for m in _TOKEN.finditer(text):
        start = m.start()
        if start >= 2 and text[start - 1] == " " and text[start - 2].isdigit():
            continue
        nxt = m.end()
        if m.group("den") is None and m.group("range") is None and nxt + 1 < len(text) \
                and text[nxt] == " " and text[nxt + 1].isdigit() and _bare_digits_follow(text, nxt + 1):
            continue
        value = parse_number(m.group("num"))
        if value is None:
            continue
        den = parse_number(m.group("den")) if m.group("den") else None
        hi_text = m.group("hi") or m.group("hi2")
        high = parse_number(hi_text) if hi_text else None
        yield NumberToken(start, m.end(), m.group(), value, den, high)


def _bare_digits_follow(text: str, i: int) -> bool:
    """True if a short bare digit group follows (``0 68``), not a new figure with a word between."""
    j = i
    while j < len(text) and text[j].isdigit():
        j += 1
    return j - i <= 3 and (j >= len(text) or not text[j].isalpha() or text[j] in "%")
