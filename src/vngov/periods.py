"""Period phrases: which stretch of time a figure covers.

``lexicon/periods.toml`` lists the phrases ("10 tháng đầu năm 2019", "quý II",
"đến cuối tháng 7", "giai đoạn 2021–2025") with a *shape*; this module finds
them and turns each into an ISO 8601 period ("2019-01/2019-10", "2022-07",
"2021/2025", "2021-01-01/2021-10-28") given a reference year and month for
the phrases that omit the year ("6 tháng đầu năm" in a July report).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

from vngov.lexicon import alternation, load
from vngov.text import lower_keeping_offsets

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass(frozen=True)
class Reference:
    """The date a report is written from: gives a year to "6 tháng đầu năm"."""

    year: int | None = None
    month: int | None = None


@dataclass(frozen=True)
class PeriodMention:
    """A period phrase of the text, resolved where possible."""

    start: int
    end: int
    text: str
    shape: str
    iso: str | None          # None for now/reset phrases or when no year is known
    task: bool = False       # "triển khai nhiệm vụ 6 tháng cuối năm": a period ahead, not of results
    compare: bool = False    # "so với năm 2022": a baseline, not a period
    years: int | None = None  # for n_years ("trong 5 năm")
    local: bool = False       # "riêng quý II": dates its own sentence only

    @property
    def is_now(self) -> bool:
        return self.shape in ("now", "now_state")

    @property
    def is_state(self) -> bool:
        """ "hiện có", "hiện nay": a level at the moment of writing, not a running total."""
        return self.shape == "now_state"

    @property
    def is_reset(self) -> bool:
        return self.shape == "reset"


@dataclass(frozen=True)
class _Rules:
    combined: re.Pattern[str]          # every phrase as one alternation, in lexicon order (lower-case text)
    shapes: tuple[str, ...]            # shape of alternative i (group "p{i}")
    groups: tuple[tuple[tuple[str, str], ...], ...]   # (name, renamed group) of alternative i
    index: dict[str, int]              # "p{i}" -> i
    keys: dict[str, tuple[str, ...]]   # substrings gating the context patterns
    task: re.Pattern[str]
    name_before: re.Pattern[str]
    compare: re.Pattern[str]
    local: re.Pattern[str]
    any_year: re.Pattern[str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    lex = load("periods")
    alts, shapes, groups = [], [], []
    words = alternation(list(lex["number_words"]))
    for i, p in enumerate(lex["phrase"]):
        groups.append(tuple((n, f"p{i}_{n}") for n in re.findall(r"\(\?P<(\w+)>", p["pattern"])))
        # one regex pass instead of one per phrase: groups are renamed p{i}_name
        pat = p["pattern"].replace(r"(?P<n>\d{1,2})", rf"(?P<n>\d{{1,2}}|{words})")
        pat = re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<p{i}_{m.group(1)}>", pat)
        alts.append(f"(?P<p{i}>{pat})")
        shapes.append(p["shape"])
    # every phrase starts with a digit or one of these words: other positions are skipped fast
    starts = alternation(lex["starts"]["words"] + [w.split()[0] for w in lex["number_words"]])
    source = rf"(?<!\w)(?=\d|\(|(?:{starts})(?!\w))(?:" + "|".join(alts) + ")"
    return _Rules(re.compile(source, re.M), tuple(shapes), tuple(groups),
                  {f"p{i}": i for i in range(len(shapes))},
                  {k: tuple(v) for k, v in lex["task"]["keys"].items()}, re.compile(lex["task"]["before"], re.I),
                  re.compile(lex["task"]["name_before"]), re.compile(lex["task"]["compare"], re.I),
                  re.compile(lex["task"]["local"], re.I),
                  re.compile(r"(?:năm|/)\s?((?:19|20)\d{2})(?!\d)"))


# A cut-off date ("tính đến ngày 31-3-2021") always closes a running total of results, never a task ahead,
# whatever comes before it ("thu ngân sách theo dự toán tính đến ngày …").
_CUT_OFF = frozenset({"to_date", "to_month_end", "year_to_date"})


def find_periods(text: str, ref: Reference) -> list[PeriodMention]:
    """Every period phrase of ``text`` (no overlaps, longest first), in order."""
    rules = _rules()
    out: list[PeriodMention] = []
    named: dict[tuple[str, str | None], str] = {}     # (shape, count) -> the year it was last written with
    for m in rules.combined.finditer(lower_keeping_offsets(text)):   # case-sensitive on lower case: fast
        if m.end() == m.start():
            continue
        i = rules.index[m.lastgroup]       # the alternative that matched closes last
        shape = rules.shapes[i]
        g = {name: m.group(group) for name, group in rules.groups[i]}
        if g.get("n") and not g["n"].isdigit():
            g["n"] = str(_number_words()[" ".join(g["n"].split())])
        start, end = m.start(), m.end()
        before = text[max(0, start - 40):start]
        lowb = lower_keeping_offsets(before)
        compare = _flag(rules.compare, before, lowb, rules.keys["compare"])
        named_thing = _flag(rules.name_before, before, lowb, rules.keys["name_before"])
        _same_phrase_year(g, shape, named, remember=not compare)
        out.append(PeriodMention(
            start, end, text[start:end], shape, resolve(shape, g, ref),
            task=shape not in _CUT_OFF and (_flag(rules.task, before, lowb, rules.keys["task"])
                                            or _settlement_year(text, start)),
            # a year that names a programme or a standard dates nothing, like a comparison's; so does a
            # cut-off date in brackets after a period ("năm 2019 (tính đến ngày 21/11/2019)")
            compare=compare or named_thing or _bracketed_cut_off(text, start, shape, out),
            years=int(g["n"]) if shape in ("n_years", "next_years") and g.get("n") else None,
            local=shape == "crop_year" or _flag(rules.local, before, lowb, rules.keys["local"])))
    return out


_BRACKET_OPEN = re.compile(r"\s*\(\s*")


def _bracketed_cut_off(text: str, start: int, shape: str, before: list[PeriodMention]) -> bool:
    """A cut-off date in brackets right after another period qualifies that period; it is not another."""
    return shape in _CUT_OFF and bool(before) and _BRACKET_OPEN.fullmatch(text, before[-1].end, start) is not None


# Shapes whose year may be left out when the phrase is written again: "9 tháng năm 2024 … thu ngân
# sách 9 tháng đạt …" is the same nine months, whatever year the report is dated.
_REPEATABLE = frozenset({"months_first", "months_last", "quarter"})


def _same_phrase_year(g: dict, shape: str, named: dict[tuple[str, str | None], str], remember: bool) -> None:
    """Fill in (or remember) the year of a repeated period phrase, keyed by its shape and count.
    A phrase of comparison ("so với 6 tháng đầu năm 2021") is not remembered."""
    if shape not in _REPEATABLE:
        return
    key = (shape, (g.get("n") or g.get("q") or "").lower())
    year = g.get("y") or g.get("y_")
    if year:
        if remember:
            named[key] = year
    elif key in named:
        g["y"] = named[key]


@lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    return {k: int(v) for k, v in load("periods")["number_words"].items()}


_SETTLEMENT_WINDOW = 90     # "quyết toán thu ngân sách Nhà nước, chi ngân sách địa phương năm 2016"


def _settlement_year(text: str, start: int) -> bool:
    """A year closing a long settlement-of-accounts object is the settled year's, not the report's."""
    wide = text[max(0, start - _SETTLEMENT_WINDOW):start]
    rules = _rules()
    return _flag(rules.task, wide, wide.lower(), rules.keys["settlement"])


def _flag(rx: re.Pattern[str], before: str, low: str, keys: tuple[str, ...]) -> bool:
    """``rx`` (end-anchored, so slow to search) only where one of its key substrings occurs."""
    return any(k in low for k in keys) and rx.search(before) is not None


def first_year(text: str) -> int | None:
    """The first year a period phrase of ``text`` names: a fallback reference year."""
    m = _rules().any_year.search(text)
    return int(m.group(1)) if m else None


def resolve(shape: str, g: dict, ref: Reference) -> str | None:
    """The ISO period of a phrase of ``shape`` with groups ``g``."""
    y = _year(g, ref)
    if shape in ("now", "now_state", "reset", "n_years", "next_years", "half_term", "term_start", "term_end"):
        return None
    if shape in ("span", "term", "crop_year"):
        return f"{g['y']}/{g['y2']}"
    if shape == "term_review":
        return f"{g['y']}/{g['y2']}" if ref.year and int(g["y2"]) <= ref.year else None
    if shape == "to_year":
        return f"{ref.year}/{g['y']}" if ref.year and int(g["y"]) > ref.year else str(g["y"])
    if shape == "since_year":
        return f"{g['y']}/{ref.year}" if ref.year and int(g["y"]) < ref.year else str(g["y"])
    if shape == "this_year":
        return str(ref.year) if ref.year else None
    if shape == "year_to_date":
        if y is None or not ref.month:
            return str(y) if y else None
        return f"{y}-01/{y}-{ref.month:02d}"
    if shape == "last_year":
        if ref.year is None:
            return None
        return str(ref.year if ref.month and ref.month >= 11 else ref.year - 1)
    if shape == "month" or shape == "to_month":
        m = int(g["m"])
        y = _month_year(g, ref, m)
        return f"{y}-{m:02d}" if y and 1 <= m <= 12 else None
    if y is None:
        return None
    if shape == "year_end":
        return str(y)
    if shape == "year":
        if not (g.get("y")) and ref.month and ref.month <= 2 and ref.year == y:
            y -= 1   # "cả năm" in a January report: the year just ended
        return str(y)
    if shape == "year_start":
        return f"{y}-01"
    if shape == "months_first":
        n = int(g["n"] or 6)
        return f"{y}-01/{y}-{n:02d}" if 1 <= n <= 12 else None
    if shape == "months_last":
        n = int(g["n"] or 6)
        return f"{y}-{13 - n:02d}/{y}-12" if 1 <= n <= 12 else None
    if shape == "quarter":
        q = _ROMAN.get(g["q"].upper()) or int(g["q"])
        return f"{y}-{3 * q - 2:02d}/{y}-{3 * q:02d}"
    if shape == "to_month_end":
        m = int(g["m"])
        y = _month_year(g, ref, m)
        return f"{y}-01/{y}-{m:02d}" if y and 1 <= m <= 12 else None
    if shape == "to_date":
        d, m = int(g["d"]), int(g["m"])
        y = _month_year(g, ref, m)
        if not y or not (1 <= m <= 12) or not (1 <= d <= calendar.monthrange(y, m)[1]):
            return None
        return f"{y}-01/{y}-{m:02d}"   # periods go to the month: a running total from January
    return None


def _year(g: dict, ref: Reference) -> int | None:
    for k in ("y", "y_"):
        if g.get(k):
            return int(g[k])
    return ref.year


def _month_year(g: dict, ref: Reference, month: int) -> int | None:
    """The year of a month named without one: the report's, except a late month in an early-year report."""
    for k in ("y", "y_"):
        if g.get(k):
            return int(g[k])
    if ref.year is None:
        return None
    if ref.month and ref.month <= 3 and month > ref.month + 1:
        return ref.year - 1      # "tháng 12" in a January report: last December
    return ref.year


def bounds(iso: str | None) -> tuple[str | None, str | None]:
    """First and last day (YYYY-MM-DD) of an ISO period."""
    if not iso:
        return None, None
    a, _, b = iso.partition("/")
    b = b or a
    return _first_day(a), _last_day(b)


def _first_day(p: str) -> str | None:
    parts = p.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-01"
    return p


def _last_day(p: str) -> str | None:
    parts = p.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31"
    if len(parts) == 2:
        y, m = int(parts[0]), int(parts[1])
        return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"
    return p


_TERM_SHAPES = frozenset({"term", "term_review"})
_YEARS = re.compile(r"(?:19|20)\d{2}")


def term_years(m: PeriodMention) -> tuple[int, int] | None:
    """First and last year of a term phrase ("nhiệm kỳ 2015 – 2020"), whether or not it has ended."""
    years = [int(y) for y in _YEARS.findall(m.text)] if m.shape in _TERM_SHAPES else []
    return (years[0], years[1]) if len(years) == 2 and years[1] > years[0] else None


def term_iso(m: PeriodMention) -> str | None:
    """A term phrase as the span of its years: the period of the targets set for it."""
    years = term_years(m)
    return f"{years[0]}/{years[1]}" if years else None


def is_multi_year(iso: str | None) -> bool:
    """True for spans of whole years ("2021/2025")."""
    return bool(iso) and re.fullmatch(r"\d{4}/\d{4}", iso) is not None


def end_year(iso: str) -> str:
    """The last year of a span: an annual level in a five-year review is the final year's."""
    return iso.rpartition("/")[2][:4]
