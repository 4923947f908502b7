"""The immutable values that flow from the corpus to the tables.

Every extracted thing carries a :class:`Span` so that a researcher can go from
any number in a report back to the sentence it came from: the span's offsets
index the article's clean ``body``; ``raw_start``/``raw_end`` index the text
the file gave us before cleaning (see :mod:`vngov.text` for how the two are
kept in step).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, TypeVar

_T = TypeVar("_T")


def evolve(obj: _T, **changes: Any) -> _T:
    """A copy of a frozen dataclass with some fields changed, like ``dataclasses.replace`` but without
    running ``__init__`` again: the extractors copy period mentions and figures thousands of times an
    article, and ``replace`` costs ten times as much.  Only for dataclasses without ``__post_init__``."""
    unknown = changes.keys() - obj.__dict__.keys()
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)[0]!r}")
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    new.__dict__.update(changes)
    return new


@dataclass(frozen=True)
class Span:
    """A stretch of an article: its text and where it sits, in body and raw text."""

    doc_id: str
    start: int
    end: int
    text: str
    raw_start: int
    raw_end: int
    raw_text: str = ""   # the original file's text at raw_start:raw_end (old tone marks and all)

    @property
    def quote(self) -> str:
        """The evidence as the article wrote it (NFC): what a reader finds with Ctrl-F in the source."""
        return unicodedata.normalize("NFC", self.raw_text or self.text)


@dataclass(frozen=True)
class Article:
    """One article as read from the corpus, cleaned but not yet interpreted.

    ``raw`` is the decoded source text the offsets point into (the .txt file's
    text, the main text trafilatura found in an .html page, or a .jsonl
    record's ``text``).  ``body`` is NFC, one tone-mark convention, with page
    chrome and repeated captions removed.  ``offsets`` maps body positions to
    raw positions (see :class:`vngov.text.OffsetMap`).
    """

    doc_id: str
    path: str
    raw: str
    body: str
    offsets: "object"  # vngov.text.OffsetMap; typed loosely to keep this module import-free
    source: str | None = None
    published: str | None = None
    title: str | None = None
    byline: str | None = None
    url: str | None = None
    content_hash: str = ""

    def span(self, start: int, end: int) -> Span:
        """The :class:`Span` of ``body[start:end]``, with its raw offsets."""
        raw_start = self.offsets.to_raw(start)
        raw_end = self.offsets.to_raw(end - 1) + 1 if end > start else raw_start
        while raw_end < len(self.raw) and unicodedata.combining(self.raw[raw_end]):
            raw_end += 1  # a decomposed last letter keeps its marks
        return Span(self.doc_id, start, end, self.body[start:end], raw_start, raw_end, self.raw[raw_start:raw_end])


@dataclass(frozen=True)
class DocContext:
    """What the figure extractor needs to know about the article as a whole.

    Filled by :mod:`vngov.extract` from the article header and the meetings,
    so that a period phrase without a year ("6 tháng đầu năm") can be dated.
    """

    doc_id: str
    published: str | None = None      # YYYY, YYYY-MM or YYYY-MM-DD
    meeting_date: str | None = None   # YYYY-MM-DD of the first meeting
    year: int | None = None           # best guess of the article's reference year
    locality: str | None = None       # canonical locality of the first meeting
    meeting_kind: str | None = None   # kind of the first meeting ("đại hội" opens a term and reviews the last)


@dataclass(frozen=True)
class Figure:
    """A number that quantifies a result, a target or the state of a locality."""

    value: float
    unit: str                      # as written, without the number: "tỷ đồng", "%", "xã"
    kind: str                      # value | ratio | change | fraction
    status: str                    # actual | estimate | target
    evidence: Span                 # the clause the figure comes from
    value_text: str = ""           # the number as written: "8.850,26"
    base_value: float | None = None  # value in base units (VND, kg, ha, m, %, count, times, USD)
    base_unit: str | None = None
    approx: str | None = None      # hơn, trên, gần, khoảng … as written, else None
    metric: str | None = None      # shortest phrase naming what is measured
    metric_id: str | None = None   # canonical indicator id from the metrics lexicon
    period: str | None = None      # ISO 8601 as in SCHEMA.md: "2023", "2019-01/2019-10"
    period_start: str | None = None  # YYYY-MM-DD
    period_end: str | None = None    # YYYY-MM-DD
    baseline: str | None = None    # as written: "kế hoạch", "cùng kỳ năm 2018"
    baseline_class: str | None = None  # plan | period
    denominator: float | None = None
    locality: str | None = None    # canonical "<level> <Name>"
    upper: float | None = None     # a range's upper bound ("22- 25 tỷ đồng": value 22, upper 25)


@dataclass(frozen=True)
class Role:
    """One office a person holds, as the article writes it, and what it resolves to."""

    text: str                      # as written without the name: "Chủ tịch UBND TX Kỳ Anh"
    title: str | None = None       # "Chủ tịch", "Bí thư", "Giám đốc"
    body: str | None = None        # "UBND", "Tỉnh ủy", "Sở Xây dựng"
    locality: str | None = None    # the unit the office belongs to, canonical, when known


@dataclass(frozen=True)
class Person:
    """A named person of the story with every office the article gives them."""

    name: str
    roles: tuple[Role, ...] = ()
    rank: str | None = None        # Đại tá, Thiếu tướng … (not a role)
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Meeting:
    """A meeting or working session the article reports on."""

    evidence: Span
    date: str | None = None        # YYYY-MM-DD
    end_date: str | None = None    # for "Trong 2 ngày 21 và 22-7"
    part_of_day: str | None = None  # sáng | trưa | chiều | tối
    kind: str | None = None        # làm việc, hội nghị, kỳ họp, đại hội, …
    subkind: str | None = None     # thường kỳ, sơ kết, tổng kết, …
    host: str | None = None        # "BTV Thành ủy Hà Tĩnh"
    counterpart: str | None = None  # "BTV Thị ủy Kỳ Anh"
    locality: str | None = None    # canonical "<level> <Name>"
    chair: tuple[str, ...] = ()


@dataclass(frozen=True)
class Quote:
    """What a named speaker said, in the article's words."""

    speaker: str
    text: str
    evidence: Span
    role: str | None = None


@dataclass(frozen=True)
class Directive:
    """An instruction given at a meeting: who, the verb (yêu cầu, đề nghị …) and the clause."""

    speaker: str | None
    verb: str
    clause: str
    evidence: Span
    role: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    doc_id: str
    source: str | None = None
    published: str | None = None
    title: str | None = None
    byline: str | None = None
    meetings: tuple[Meeting, ...] = ()
    people: tuple[Person, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    directives: tuple[Directive, ...] = ()
    errors: tuple[str, ...] = field(default=())
