"""Date phrases of the provincial press, and the year they leave unsaid.

A news lead dates its event as "Sáng 31/10", "Chiều ngày 22/6", "Chiều nay
(23/4)", "Ngày 17-9", "Trong 2 ngày 21 và 22-7": day and month, rarely the
year, because the reader knows it.  A table needs the year, so
:func:`resolve_year` recovers it from what the article does say: the
publication date, the periods it reports ("6 tháng đầu năm 2022"), the
documents it cites with their dates.  Words are data (``lexicon/meetings.toml``).
"""
from __future__ import annotations

import calendar
import datetime

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from vngov.lexicon import alternation, load
from vngov.text import CAPITAL, lower_keeping_offsets


@dataclass(frozen=True)
class DatePhrase:
    """A date as written: day and month, maybe the year, the last day of a span, the part of day."""

    start: int
    end: int
    day: int
    month: int
    year: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    part_of_day: str | None = None
    today: bool = False          # "Chiều nay (23/4)": the article's own day
    text: str = ""
    yesterday: bool = False      # "Sáng qua (22/4)": the day before the article's



# two digits before one, and never a digit after: "tháng 12" is December, not January and a stray 2
_D = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)"
_M = r"(?:1[0-2]|0?[1-9])(?!\d)"
_Y = r"(?:19|20)\d\d"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    lex = load("meetings")
    pod = alternation(lex["part_of_day"])
    cue = alternation(lex["dates"]["cue_words"])
    rel = alternation(lex["dates"]["today_words"] + lex["dates"]["yesterday_words"])
    bare = alternation(lex["dates"]["bare_today_words"])
    wd = rf"(?:(?:{alternation(lex['dates']['weekdays'])})\s*[,(]?\s*)"
    sep = r"\s*[/.\-]\s*"
    dm = rf"(?P<d>{_D}){sep}(?P<m>{_M})(?:{sep}(?P<y>{_Y}))?(?![\d/])"
    words = rf"(?P<d2>{_D})\s+tháng\s+(?P<m2>{_M})(?:\s*(?:năm|,)\s*(?P<y2>{_Y}))?"
    span = (rf"(?P<d1>{_D})(?:\s*,\s*{_D})*\s*(?:,|và|-|–|đến|tới)\s*(?:ngày\s*)?(?P<d>{_D}){sep}(?P<m>{_M})"
            rf"(?:{sep}(?P<y>{_Y}))?(?![\d/])")
    flags = 0   # patterns run on lower-cased text (see find_dates): faster than re.I
    return (
        # Chiều nay (23/4), Sáng hôm nay (ngày 5-3), Chiều qua (22/4), Hôm qua 24.6
        # (without a part of day only in brackets: "Đến nay, 10/12 xã" is a count)
        re.compile(rf"(?<!\w)(?:(?P<pod>{pod})\s+(?P<rel>{rel})\s*[(,]?|(?P<rel0>{rel})\s*\(|(?P<rel1>{bare})\s*,?)"
                   rf"\s*(?:ngày\s+)?{dm}\s*\)?", flags),
        # Trong 2 ngày 21 và 22-7, Trong các ngày 11, 12/7, Trong 02 ngày (19 - 20/12), Từ ngày 11 đến 12/7
        re.compile(rf"(?<!\w)(?:trong\s+(?:\d+|hai|ba|bốn|năm|các)\s+ngày\s*,?\s*(?:từ\s+)?(?:ngày\s+)?|từ\s+ngày\s+|(?:{cue})\s*)\(?\s*{span}\s*\)?",
                   flags),
        # Sáng 31/10, Chiều ngày 22/6, Ngày 17-9, ngày 10.10, 15/03/2016, Sáng thứ Hai (5/3)
        re.compile(rf"(?<!\w)(?:(?P<pod>{pod})\s+{wd}?(?:(?:{cue})\s+)?|{wd}?(?:{cue})\s+|(?P<wd>{wd}))?{dm}\)?", flags),
        # ngày 20 tháng 8 năm 2020
        re.compile(rf"(?<!\w)(?:(?P<pod>{pod})\s+)?(?:{cue})\s+{words}", flags),
    )


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _pod_map() -> dict[str, str]:
    return {k.lower(): v for k, v in load("meetings")["part_of_day"].items()}


def find_dates(text: str) -> list[DatePhrase]:
    """Every day-and-month date phrase of ``text``, in order.

    A bare "d/m" counts only after a part-of-day word or "ngày"/"hôm", or with
    its year, so that "54/59 tiêu chuẩn" is not a date.
    """
    found: list[DatePhrase] = []
    taken: list[tuple[int, int]] = []
    if not _DIGIT.search(text):
        return found
    low = lower_keeping_offsets(text)
    for i, pat in enumerate(_patterns()):
        for m in pat.finditer(low):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            g = m.groupdict()
            if i == 2 and not (g.get("pod") or g.get("y") or g.get("wd") or _has_cue(m.group())):
                continue
            if i == 2 and m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "/.-"):
                continue
            d = int(g.get("d") or g.get("d2"))
            mo = int(g.get("m") or g.get("m2"))
            y = g.get("y") or g.get("y2")
            pod = _pod_map().get((g.get("pod") or "").lower())
            start_day = int(g["d1"]) if g.get("d1") else d
            end_day = d if g.get("d1") else None
            if end_day is not None and end_day <= start_day:
                continue
            rel = " ".join((g.get("rel") or g.get("rel0") or g.get("rel1") or "").lower().split())
            yesterday = rel in _yesterday_words()
            found.append(DatePhrase(m.start(), m.end(), start_day, mo, int(y) if y else None,
                                    end_day, mo if end_day else None, pod, i == 0 and not yesterday,
                                    text[m.start():m.end()],
                                    yesterday))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda p: p.start)
    return found


@lru_cache(maxsize=1)
def _yesterday_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load("meetings")["dates"]["yesterday_words"])


@lru_cache(maxsize=1)
def _document_before() -> re.Pattern[str]:
    words = load("meetings")["dates"]["document_words"]
    return re.compile(r"(?:^|\W)(?:" + alternation(words) + r")(?!\w)", re.I)


def dates_a_document(text: str, phrase: DatePhrase) -> bool:
    """True when a document's name comes just before the date: "Kết luận số 09/KL-TU ngày 12/4/2021".

    A date with a part of day ("sáng 5/3") or "nay" dates an event, never a
    document; and a clause break between the document's name and the date
    ("Thực hiện Kế hoạch của Tỉnh ủy, ngày 5/3, …") leaves the date to the event.
    """
    if phrase.part_of_day or phrase.today or phrase.yesterday:
        return False
    window = int(load("meetings")["dates"].get("document_window", 30))
    before = text[max(0, phrase.start - window):phrase.start]
    last = None
    for last in _document_before().finditer(before):
        pass
    return last is not None and not re.search(r"[,;.:]\s", before[last.end():])


def part_of_day_word(text: str) -> str | None:
    """The first part-of-day word of ``text`` ("Cũng trong chiều nay" -> "chiều"), canonical."""
    for w in re.findall(r"[^\W\d_]+", text.lower()):
        if w in _pod_map():
            return _pod_map()[w]
    return None


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load("meetings")["dates"]["cue_words"])


def _has_cue(s: str) -> bool:
    words = s.split()
    return bool(words) and words[0].lower() in _cue_words()


# --- the year the article leaves unsaid -----------------------------------------------


_YEAR_RANGE = re.compile(rf"\b{_Y}\s*[-–—]+\s*{_Y}\b")
_FULL_DATE = re.compile(rf"(?<![\d/])(?:{_D}\s*[/.\-]\s*)?{_M}\s*[/.\-]\s*({_Y})\b")
_NAM_YEAR = re.compile(rf"\bnăm\s+({_Y})\b", re.I)
_MONTH_YEAR = re.compile(rf"\btháng\s+{_M}\s+năm\s+({_Y})\b", re.I)


@lru_cache(maxsize=1)
def _exclude_before() -> re.Pattern[str]:
    words = load("meetings")["dates"]["year_exclude_before"]
    return re.compile(r"(?:^|\W)(?:" + alternation(words) + r")[\s\d,.;:%]*(?:năm\s*)?$", re.I)


def text_years(text: str) -> Counter[int]:
    """The years ``text`` reports on, with counts: periods, dated documents, "năm 2022".

    Years of terms and spans ("nhiệm kỳ 2020 - 2025", "giai đoạn 2016-2020"),
    horizons ("đến năm 2030") and baselines ("so với năm 2018") are left out:
    they are not the year the article's events happen in.
    """
    ranges = [(m.start(), m.end()) for m in _YEAR_RANGE.finditer(text)]
    years: Counter[int] = Counter()
    seen: set[int] = set()
    excl = _exclude_before()
    for pat in (_FULL_DATE, _MONTH_YEAR, _NAM_YEAR):
        for m in pat.finditer(text):
            s = m.start(1)
            if s in seen or any(a <= s < b for a, b in ranges):
                continue
            seen.add(s)
            before = text[max(0, m.start() - 40):m.start()]
            if excl.search(before + (text[m.start():s] if pat is _NAM_YEAR else "")):
                continue
            years[int(m.group(1))] += 1
    return years


@lru_cache(maxsize=1)
def term_opening_kinds() -> frozenset[str]:
    """Meeting kinds that open the term they elect ("đại hội"): ``meetings.toml`` [dates]."""
    return frozenset(load("meetings")["dates"]["term_opening_kinds"])


@lru_cache(maxsize=1)
def _implied_rules() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    d = load("meetings")["dates"]
    baseline = re.compile(rf"(?<!\w)(?:{alternation(d['baseline_year_before'])})\s+({_Y})\b", re.I)
    festival = re.compile(rf"(?<!\w)(?:{alternation(d['festival_year_before'])})(?:\s+{CAPITAL}\w*){{0,3}}\s+({_Y})\b",
                          re.I)
    term = re.compile(rf"(?<!\w)(?:{alternation(d['term_opening_kinds'])})(?!\w)[^.\n]{{0,200}}?"
                      rf"nhiệm\s+kỳ\s+({_Y})\s*[-–—]+\s*{_Y}\b", re.I)
    return baseline, festival, term


def _festival_years(text: str) -> Counter[int]:
    """"đón Xuân Bính Thân 2016": the new year a greeting names counts as a year of the article."""
    return Counter(int(m.group(1)) for m in _implied_rules()[1].finditer(text))


def _implied_years(text: str) -> Counter[int]:
    """Years an article implies without stating its own: a baseline's next year, a lunar new year,
    the first year of the term a congress opens (see ``meetings.toml`` [dates])."""
    baseline, _, term = _implied_rules()
    years: Counter[int] = Counter()
    for m in baseline.finditer(text):
        years[int(m.group(1)) + 1] += 1
    if years:
        return years
    for m in term.finditer(text):
        years[int(m.group(1))] += 1
    return years


def article_year(text: str) -> int | None:
    """The year an undated article reports on: the one it names most (latest on a tie), else one it
    implies (a baseline's next year, the first year of the term a congress opens).  Birth years,
    terms, horizons and baselines are not counted (``year_exclude_before``)."""
    years = _report_years(text)
    return max(years, key=lambda y: (years[y], y)) if years else None


@lru_cache(maxsize=16)
def _report_years_cached(text: str) -> tuple[tuple[int, int], ...]:
    years = text_years(text) + _festival_years(text) or _implied_years(text)
    return tuple(years.items())


def _report_years(text: str) -> Counter[int]:
    """The years ``text`` reports on (stated, else implied), read once per body: every meeting asks."""
    return Counter(dict(_report_years_cached(text)))


# A page's date can be its first version or only its month: a day up to this many days after it is still
# of its year ("Chiều 7-8" on a page dated 2025-07-01), while a December meeting in a January article is
# of the year before.
_AHEAD_DAYS = 62


def _date(y: int, m: int, d: int) -> datetime.date | None:
    """A calendar date, the day clamped to the month's length (a "31/2" typo does not raise); None for a
    month that does not exist ("13/2024" is no date)."""
    if not 1 <= m <= 12 or not 1 <= y <= 9999:
        return None
    return datetime.date(y, m, max(1, min(d, calendar.monthrange(y, m)[1])))


# A meeting a report tells of happened within this many days before it; a dated event older than that is
# the history the report recalls (a founding day, an earlier congress).
_HISTORY_DAYS = 400


def long_before(iso_date: str | None, published: str | None) -> bool:
    """True when ``iso_date`` lies more than about a year before the publication date (either may be partial)."""
    if not iso_date or not published or not re.match(r"\d{4}-\d{2}", published) or not re.match(r"\d{4}-\d{2}-\d{2}$", iso_date):
        return False
    y, m, *d = (int(x) for x in published.split("-")[:3])
    pub = _date(y, m, d[0] if d else 28)
    try:
        when = datetime.date.fromisoformat(iso_date)
    except ValueError:
        return False
    return pub is not None and (pub - when).days > _HISTORY_DAYS


def resolve_year(day: int, month: int, published: str | None, text: str) -> int | None:
    """The year of a day-and-month date in an article, or None if nothing tells it.

    The publication date decides when known: the event happened on or before
    it, so a date well after the publication day (a December meeting in a January
    article) belongs to the year before; one a few weeks after it is of its year.  Without one, the years the article
    reports on decide, read with the calendar of party and council work: from
    January to March a meeting reviews the last year and plans this one (the
    latest year is the meeting's); in November and December it reviews this
    year and plans the next ("nhiệm vụ năm 2022, … năm 2023": the year before
    the latest); in between, the year the article reports most.
    """
    if published and re.match(r"\d{4}", published):
        y = int(published[:4])
        parts = published.split("-")
        if len(parts) >= 2:
            pub_m = int(parts[1])
            pub_d = int(parts[2]) if len(parts) >= 3 else 31
            when, pub = _date(y, month, day), _date(y, pub_m, pub_d)
            if when is None or pub is None:
                return y - 1 if (month, day) > (pub_m, pub_d) else y
            if (when - pub).days > _AHEAD_DAYS:
                return y - 1
        return y
    years = _report_years(text)
    if not years:
        return None
    latest = max(years)
    if month >= 11:
        return latest - 1 if latest - 1 in years else latest
    if month <= 3:      # early in the year a meeting reviews the last year and plans this one
        return latest
    return max(years, key=lambda y: (years[y], y))   # mid-year: the year the article reports most


_URL_DATE = re.compile(r"/(20\d\d)[/-]?(0[1-9]|1[0-2])(?:[/-]?(0[1-9]|[12]\d|3[01]))?(?=/)")


def url_date(url: str | None) -> str | None:
    """The publication month (or day) many news sites put in their paths: ".../201507/...", ".../2021/04/23/..."."""
    m = _URL_DATE.search(url or "")
    if not m:
        return None
    return "-".join(g for g in m.groups() if g)


def iso(year: int | None, month: int, day: int) -> str | None:
    """YYYY-MM-DD, or None without a year or for an impossible day (31/4)."""
    if year is None:
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None
