"""Report parameters, validated and forgiving: what a reader types into ``papermill -p``.

papermill passes ``-p start 2022`` as an int and ``-p locality "TX Kỳ Anh"`` as the
reader wrote it.  A report that silently selects nothing is worse than one that
fails: every function here either returns the canonical value the tables use or
raises :class:`ParameterError` saying what would have worked (papermill then exits
non-zero and names the cell).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, Iterable

from vngov.text import fold


class ParameterError(ValueError):
    """A report parameter that names nothing in the store; the message lists what does."""


@dataclass(frozen=True)
class Period:
    """A period a report covers: ``label`` as the reader wrote it canonically ("2022-H1"),
    ``start``/``end`` as inclusive ISO prefixes ("2022-01" … "2022-06")."""

    label: str
    start: str
    end: str

    @property
    def is_part_year(self) -> bool:
        """A half, a quarter or a month: its figures are progress, not a year's result."""
        return len(self.start) > 4 and self.start[:4] == self.end[:4] and (self.start[5:7], self.end[5:7]) != ("01", "12")

    def describe(self) -> str:
        """The period in Vietnamese, for a page title ("6 tháng đầu năm 2022")."""
        year = self.start[:4]
        m = re.fullmatch(r"(\d{4})-(H[12]|Q[1-4])", self.label)
        if m and m.group(2) == "H1":
            return f"6 tháng đầu năm {year}"
        if m and m.group(2) == "H2":
            return f"6 tháng cuối năm {year}"
        if m:
            return f"quý {'I II III IV'.split()[int(m.group(2)[1]) - 1]}/{year}"
        if self.start != self.end:
            return f"{self.start}–{self.end}"
        return f"năm {year}" if len(self.start) == 4 else self.start


_HALF = {"1": ("01", "06"), "2": ("07", "12")}
_QUARTER = {"1": ("01", "03"), "2": ("04", "06"), "3": ("07", "09"), "4": ("10", "12")}


def period(value: Any) -> Period:
    """``2023``, ``"2023"``, ``"2023-06"``, ``"2022-H1"``, ``"2024-Q1"`` or a span
    ``"2021/2023"`` (also ``2021-2023``, ``2021–2023``, ``2021..2023``) as a :class:`Period`."""
    text = str(value).strip().upper().replace("–", "-").replace("..", "/")
    if re.fullmatch(r"\d{4}(-\d{2})?", text):
        return Period(text, text, text)
    m = re.fullmatch(r"(\d{4})-?([HQ])([1-4])", text)
    if m and (m.group(2) == "Q" or m.group(3) in _HALF):
        first, last = (_HALF if m.group(2) == "H" else _QUARTER)[m.group(3)]
        return Period(f"{m.group(1)}-{m.group(2)}{m.group(3)}", f"{m.group(1)}-{first}", f"{m.group(1)}-{last}")
    m = re.fullmatch(r"(\d{4}(?:-\d{2})?)\s*[/-]\s*(\d{4}(?:-\d{2})?)", text)
    if m and m.group(1) <= m.group(2) and not re.fullmatch(r"\d{4}-\d{2}", text):
        return Period(f"{m.group(1)}/{m.group(2)}", m.group(1), m.group(2))
    raise ParameterError(f"period {value!r}: give a year (2023), a month (2023-06), a half (2022-H1), "
                         f"a quarter (2024-Q1) or a span (2021/2023)")


def date(value: Any) -> str | None:
    """A window bound as an ISO prefix: ``2022``, ``"2022"``, ``"2022-06"``, ``"2022-06-30"``,
    ``None`` (open).  ``2022.0`` (a float from a YAML file) is a year too."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        raise ParameterError(f"date {value!r}: give YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def locality(value: Any, known: Iterable[str]) -> str:
    """The canonical name of ``value`` among ``known`` (the store's localities).

    Read the way article text is read (:func:`vngov.localities.canonical`: "TX Kỳ Anh" →
    "thị xã Kỳ Anh"); a bare name ("Đức Thọ") is accepted when exactly one known
    locality bears it.  Anything else raises with the closest known names.
    """
    from vngov.localities import canonical

    known = sorted(set(known))
    text = " ".join(str(value).split())
    by_fold = {fold(k): k for k in known}
    if fold(text) in by_fold:
        return by_fold[fold(text)]
    found = canonical(text)
    if found and fold(found) in by_fold:
        return by_fold[fold(found)]
    bare = [k for k in known if fold(k).endswith(" " + fold(text))]
    if len(bare) == 1:
        return bare[0]
    if len(bare) > 1:
        raise ParameterError(f"locality {value!r} is ambiguous: {', '.join(bare)}")
    close = difflib.get_close_matches(fold(found or text), list(by_fold), n=3, cutoff=0.4)
    hint = ", ".join(by_fold[c] for c in close) or ", ".join(known[:5])
    raise ParameterError(f"locality {value!r} is not in the store; closest: {hint}")
