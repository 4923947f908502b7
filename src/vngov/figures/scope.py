"""Period scope: the period each figure covers, carried from sentence to sentence.

A period stated in the title, the lead or at the head of a paragraph or list holds for the figures
after it until another is stated (:func:`advance`); a figure takes the last period of its own
sentence before it, else the running one (:func:`period_of`).  Counts of a standing stock take a
period only from their own sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vngov.dates import article_year, term_opening_kinds
from vngov.figures.cues import Cues, load_cues
from vngov.lexicon import load
from vngov.models import DocContext, evolve
from vngov.periods import PeriodMention, Reference, bounds, end_year, first_year, is_multi_year, term_iso, term_years
from vngov.units import is_stock_noun

if TYPE_CHECKING:
    from vngov.figures.candidates import Cand
    from vngov.figures.sentence import Sentence


@dataclass
class State:
    """What carries from sentence to sentence: the running period, the last span, target lists."""

    running: str | None = None
    last_span: str | None = None
    target_para: bool = False
    head_status: str | None = None
    target_period: str | None = None   # the period a list of targets names in its header
    target_horizon: bool = False       # ... written as a horizon ("đến năm 2030")
    now: bool = False          # "đến nay" / "hiện nay" seen since the last dated period
    ref_date: str | None = None  # last day the report can speak of as done (YYYY-MM-DD)
    review: str | None = None    # the term a congress reviews: results' period where none is stated
    opening: str | None = None   # the term a congress opens: targets' period where none is stated
    term: tuple[int, int] | None = None   # the term under way when the report was written (half-term reviews)
    revert_to: str | None = None  # the wider period a narrower one stated mid-paragraph sits in
    para_head: str | None = None  # the first dated period of the current paragraph
    para_dated: int = 0           # dated periods seen in the current paragraph


def reference(ctx: DocContext, body: str) -> Reference:
    """The year and month the report speaks from (meeting, header, or the lead's first year)."""
    for d in (ctx.meeting_date, ctx.published):
        if d and len(d) >= 7:
            return Reference(int(d[:4]), int(d[5:7]))
    if ctx.year:
        return Reference(ctx.year, None)
    return Reference(article_year(body[:3000]) or first_year(body[:1500]), None)


def congress_terms(ctx: DocContext, mentions: list[PeriodMention], ref: Reference,
                   opening_text: str = "") -> tuple[str | None, str | None]:
    """The term a congress opens in the report's year and the term it reviews, the one before: "Đại hội …
    nhiệm kỳ 2015–2020" in 2015 sets its targets for 2015–2020 and speaks of 2010–2015 wherever a result
    states no period of its own (SCHEMA).  (None, None) for any other meeting."""
    if not ref.year or (ctx.meeting_kind or "") not in term_opening_kinds():
        return None, None
    for m in mentions:
        years = term_years(m)
        if years and years[0] == ref.year:
            y, y2 = years
            return f"{y}/{y2}", f"{2 * y - y2}/{y}"
    return _party_congress_terms(ref.year, opening_text)


def congress_cycle() -> int:
    """Years between local party congresses, which are also the five-year plans' (2016–2020, 2021–2025)."""
    return int(load("periods")["congress"]["cycle"])


def _party_congress_terms(year: int, opening_text: str) -> tuple[str | None, str | None]:
    """A local party congress that names no term: it meets in a congress year and opens the term from it."""
    rules = load("periods")["congress"]
    cycle = congress_cycle()
    low = opening_text.casefold()
    if year % cycle or not any(w in low for w in rules["party_words"]):
        return None, None
    return f"{year}/{year + cycle}", f"{year - cycle}/{year}"


def term_under_way(mentions: list[PeriodMention], ref: Reference) -> tuple[int, int] | None:
    """The term the report's year falls in ("nhiệm kỳ 2020–2025" in 2022), from the article's term phrases."""
    if not ref.year:
        return None
    for m in mentions:
        years = term_years(m)
        if years and years[0] <= ref.year < years[1]:
            return years
    return None


def ref_date(ctx: DocContext) -> str | None:
    """The report's date as the last day it may cover: "2024-01" counts as 2024-01-31."""
    d = ctx.meeting_date or ctx.published
    if not d:
        return None
    if len(d) == 4:
        return d + "-12-31"
    if len(d) == 7:
        return d + "-31"
    return d


def shift(m: PeriodMention, d: int) -> PeriodMention:
    return evolve(m, start=m.start + d, end=m.end + d)


_TERM_YEARS = 5
_LONGEST_REVIEW = 10    # years: "10 năm qua" is still a review, "45 năm" an anniversary


def n_years(m: PeriodMention, state: State) -> PeriodMention:
    """"trong 5 năm", "nhiệm kỳ qua" are the last span the article named (the term under review);
    with none named, the n years (a term's five) up to the report's year: "5 năm qua" in 2020 is 2015/2020."""
    if m.shape == "next_years":
        return _next_years(m, state)
    if m.shape in ("term_start", "term_end"):
        return _term_edge(m, state)
    if m.shape == "half_term":
        if state.term is None:
            return m
        y, y2 = state.term
        end = y + (y2 - y) // 2          # "giữa nhiệm kỳ 2020–2025": 2020/2022
        if state.ref_date:               # a review written in the second half of a year counts that year
            ry, rm = int(state.ref_date[:4]), int(state.ref_date[5:7] or 0)
            end = max(y + 1, min(ry if rm >= 7 else ry - 1, y2 - 1))
        return evolve(m, iso=f"{y}/{end}")
    if m.shape != "n_years":
        return m
    if state.last_span and (not state.ref_date or end_year(state.last_span) <= state.ref_date[:4]):
        return evolve(m, iso=state.last_span)
    if state.review and not m.years:
        return evolve(m, iso=state.review)     # "nhiệm kỳ qua" at a congress opening a term: the one before
    n = m.years or _TERM_YEARS
    if state.ref_date and n <= _LONGEST_REVIEW:
        y = int(state.ref_date[:4])
        return evolve(m, iso=f"{y - n}/{y}")
    return m      # "sau 45 năm tái thành lập": an anniversary, not a span of results


def _term_edge(m: PeriodMention, state: State) -> PeriodMention:
    """"đầu nhiệm kỳ" / "cuối nhiệm kỳ": the first or last year of the term a congress reviews, else of the
    span last named, else of the term under way."""
    span = state.review or (state.last_span if state.last_span and is_multi_year(state.last_span) else None)
    if span is None and state.term:
        span = f"{state.term[0]}/{state.term[1]}"
    if span is None:
        return m
    return evolve(m, iso=span[:4] if m.shape == "term_start" else end_year(span))


def _next_years(m: PeriodMention, state: State) -> PeriodMention:
    """"trong 5 năm tới": the term a congress opens, else the n years (a term's five) from the report's year;
    in the last year of a five-year plan (2020, 2025), the next plan's years."""
    if state.opening and not m.years:
        return evolve(m, iso=state.opening, task=True)
    if state.opening and m.years == _TERM_YEARS:
        return evolve(m, iso=state.opening, task=True)
    if state.ref_date:
        y = int(state.ref_date[:4])
        n = m.years or _TERM_YEARS
        if n == _TERM_YEARS and y % congress_cycle() == 0:
            return evolve(m, iso=f"{y + 1}/{y + n}", task=True)   # in 2020, the next five-year plan: 2021–2025
        return evolve(m, iso=f"{y}/{y + n}", task=True)
    return m


def advance(mentions: list[PeriodMention], state: State, text: str = "", head_end: int = -1) -> None:
    """The sentence's last period of results runs on into the next sentences.

    A period that has not begun when the report was written ("đến năm 2030") is a
    target's: it dates its own sentence but does not run on into the results after it.
    A narrower period inside a list item (after ``head_end``, the sentence's first figure) dates that
    item only (:func:`item_only`); one stated after the head of its paragraph runs on only to the
    paragraph's end (:func:`new_paragraph`).
    """
    if state.running is None:
        state.running = after_baseline(mentions, state.ref_date)
    dated = False       # a period of this sentence before "đến nay": so far in it
    for m in mentions:
        if m.task or m.compare or m.local:
            continue
        if m.shape == "n_years":
            m = n_years(m, state)
        if m.is_now and not m.is_state and dated:
            continue
        if dated and m.text.casefold().startswith(load_cues().average_words):
            continue      # "năm 2020, tăng trưởng đạt 10,06%, bình quân 5 năm đạt 11,6%. Trong đó …": the year runs on
        if text and item_only(m, text, len(text), head_end, state.running):
            continue
        if text and m.shape in _UNTIL and ";" in text[m.end:] and not _heads_sentence(text, m):
            continue      # "Thu ngân sách thực hiện đến 30/11 đạt …; tỷ lệ hộ nghèo …": one item's cut-off
        if m.iso and state.ref_date and ahead(m, state.ref_date):
            continue
        if m.is_now:
            state.now = True
            continue
        state.now = False
        if m.is_reset:
            state.running = None
            continue
        if _level_in_review(m, state.running):
            continue
        if m.shape == "year" and state.para_dated > 0 and state.para_head and "/" in state.para_head \
                and _narrower(state.para_head, m.iso):
            continue      # "Trong 6 tháng đầu năm 2024, …. Toàn huyện có 8 sản phẩm OCOP trong năm 2024.": the
            # wider year dates its own sentence; the paragraph's half-year runs on
        if m.shape in ("span", "term", "term_review", "n_years") and m.iso:
            state.last_span = m.iso
        if m.iso:
            wider = state.para_head or state.last_span or state.review
            state.revert_to = wider if state.para_dated > 0 and _narrower(m.iso, wider) else None
            state.para_head = state.para_head or m.iso
            state.para_dated += 1
            state.running = m.iso
            dated = True


def new_paragraph(state: State) -> None:
    """A period named in the middle of a paragraph inside the one its head stated ("Nhiệm kỳ 2010–2015, …
    tổng giá trị sản xuất năm 2014 đạt …"; "6 tháng đầu năm, …; thu ngân sách tính đến ngày 31/5 …") dates
    that paragraph; the next paragraph is back in the wider period."""
    if state.revert_to:
        state.running = state.revert_to
    state.revert_to, state.para_head, state.para_dated = None, None, 0
    state.head_status = None     # a breakdown opening a paragraph is not of the last paragraph's whole


def _narrower(iso: str | None, wider: str | None) -> bool:
    """``iso`` lies inside ``wider`` and is not the whole of it ("2014" in "2010/2015", "2025-10" in
    "2025-01/2025-10")."""
    if not iso or not wider or iso == wider:
        return False
    a, b = bounds(iso)
    lo, hi = bounds(wider)
    return bool(a and b and lo and hi) and lo <= a and b <= hi and (a, b) != (lo, hi)


def item_only(m: PeriodMention, text: str, upto: int, head_end: int, enclosing: str | None) -> bool:
    """A period named inside one item of a list, narrower than the one the list is in, dates that item only:
    "trong năm năm qua, …; thu nhập năm 2015 đạt 42,8 triệu đồng; tổng giá trị sản xuất đạt 55.031 tỷ
    đồng" gives the production value the five years, not 2015."""
    return m.start > head_end and ";" in text[m.end:upto] and _narrower(m.iso, enclosing)


def after_baseline(mentions: list[PeriodMention], ref_date: str | None) -> str | None:
    """"tăng 4,9% so với năm 2022" in a report of 2024 with no period of its own is of 2023: the year after a
    recent baseline year (one or two years before the report's) is the year of results."""
    if not ref_date:
        return None
    for m in mentions:
        if m.compare and m.shape == "year" and m.iso and 1 <= int(ref_date[:4]) - int(m.iso) <= 2:
            return str(int(m.iso) + 1)
    return None


def ahead(m: PeriodMention, ref_date: str) -> bool:
    """A dated period not begun when the report was written, or a target's horizon after its year."""
    return bounds(m.iso)[0] > ref_date or _horizon_ahead(m, ref_date)


def _horizon_ahead(m: PeriodMention, ref_date: str) -> bool:
    """"đến năm 2030" written in 2025 is a target's horizon: the results after it are not of 2025–2030."""
    return m.shape == "to_year" and int(end_year(m.iso or "0")) > int(ref_date[:4])


_LEVEL_DATES = frozenset({"to_year", "year_end"})


_BINDING_YEARS = frozenset({"year", "year_end"})


def _year_right_after(text: str, c: Cand, mentions: list[PeriodMention]) -> PeriodMention | None:
    """A year written right after the figure ("17,91% năm 2015", "7,84% (năm 2011)", "2 tỷ đồng vào năm 2030")
    dates that figure alone;
    so does a dated part of a year ("6,72% năm 2017 và 6,63% trong 6 tháng đầu năm 2018")."""
    for m in mentions:
        if not m.iso or m.compare or m.task or c.end > m.start:
            continue
        gap = text[c.end:m.start].strip()
        if (m.shape in _BINDING_YEARS and (gap in ("", "(") or gap in load_cues().year_links)) or \
                (m.shape in _BINDING_PARTS and gap in ("", "(", "trong") and _YEAR.search(m.text)):
            return m
    return None


_BINDING_PARTS = frozenset({"months_first", "months_last", "quarter"})
_YEAR = re.compile(r"(?:19|20)\d{2}")


def _level_in_review(m: PeriodMention, running: str | None) -> bool:
    """"đến năm 2020", "cuối năm 2020" inside a review of 2015–2020 date one level at the end of the span
    ("tổng giá trị sản xuất tính đến năm 2020 đạt …"); the figures after it still cover the span."""
    if m.shape not in _LEVEL_DATES or not m.iso or not running or not is_multi_year(running):
        return False
    return int(running[:4]) <= int(end_year(m.iso)) <= int(end_year(running))


_UNTIL = ("to_date", "to_month", "to_month_end")
def _heads_sentence(text: str, m: PeriodMention) -> bool:
    """"Đến cuối năm 2024, thu nhập … đạt 43,7 triệu đồng; tỷ lệ hộ nghèo còn 21,5%": a period opening the
    sentence dates every item of its list, even a level inside a longer review."""
    opener = text[:m.start].strip(" ,:-–").casefold()
    return not opener or opener in load_cues().sentence_openers
# Amounts and rates a congress reports with no period are of the term it reviews; counts and areas are
# standing stocks ("Đảng bộ có 1.026 đảng viên", "diện tích tự nhiên 25 km²") and keep none.
_REVIEWED = frozenset({"percent", "money"})


def period_of(sent: Sentence, c: Cand, anchor: Cand | None) -> None:
    """The period ``c`` covers: its sentence's last period before it, else the one running on."""
    text, mentions, state, cues = sent.text, sent.mentions, sent.state, sent.cues
    own = _year_right_after(text, c, mentions)
    if own is not None:
        c.period = own.iso          # "giảm từ 41,8% năm 2010 xuống còn 17,9% năm 2015": each level its year
        return
    explicit: PeriodMention | None = None
    now, now_state, reset = False, False, False
    carried_now = state.now and not any(not (m.task or m.compare or m.is_now or m.is_reset) and m.end <= c.start
                                        for m in mentions)
    ahead = c.status == "target"      # a target's period is the task's: "nhiệm vụ năm 2020 với các chỉ tiêu: …"
    for m in mentions:
        if m.end > c.start or (m.task and not ahead) or m.compare:
            continue
        if ahead and m.iso is None and m.shape == "term_review":
            m = evolve(m, iso=term_iso(m))     # "nhiệm kỳ 2025-2030, Đảng bộ đề ra: … bình quân 10%": the term's
        if (m.shape in _UNTIL or m.local or _level_in_review(m, state.running)) and ";" in text[m.end:c.start] \
                and not (ahead and m.shape == "to_year") and not _heads_sentence(text, m):
            continue   # "đến 28/10" dates one item, not the rest of the list; a horizon dates a list of targets,
            # and "đến hết tháng 7, …; …" at the head of the list dates all of it
        if item_only(m, text, c.start, sent.head_end, explicit.iso if explicit is not None else state.running):
            continue
        if m.is_now and not m.is_state and explicit is not None and explicit.iso:
            continue      # "Trong 6 tháng đầu năm, …, đến nay …": so far in the period just named
        if m.is_now:
            now = True
            now_state = m.is_state and m.start >= c.clause_start
        elif m.is_reset:
            reset, explicit, now, now_state = True, None, False, False
        else:
            explicit, now, now_state, reset = m, False, False, False
    if anchor is not None and not c.own_metric:
        if explicit is None or explicit.end <= anchor.start:
            c.period = anchor.period
            return
    if explicit is None and not now and not reset:
        for m in mentions:   # a period phrase later in the figure's own clause
            if c.end <= m.start < c.clause_end and not ((m.task and not ahead) or m.compare or m.is_now or m.is_reset):
                explicit = m
                break
    if reset or "/ngày" in (c.unit.base or ""):
        c.period = None     # vague ("thời gian qua") or a capacity per day
        return
    if c.unit.is_count or c.num.is_fraction:
        c.period = _count_period(text, c, explicit, now, carried_now, state, cues)
        if c.period is None and c.status == "target" and not now:
            c.period = targets_term(state)
        return
    if now and ((c.unit.cls == "percent" and c.kind == "value") or (now_state and c.kind == "value")):
        c.period = None     # "Đến nay, tỷ lệ hộ nghèo còn 0,3%", "diện tích chè hiện có 1.245 ha": levels now
        return
    in_list = state.target_para and state.target_period
    if ahead and in_list and explicit is not None and explicit.shape == "n_years" and is_multi_year(state.target_period):
        explicit = None    # "bình quân 5 năm đạt từ 10%/năm" in a term's list of targets: that term's five years
    running = state.target_period if in_list else state.running
    period = explicit.iso if explicit is not None else running
    if period is None and not now and c.status != "target" and c.unit.cls in _REVIEWED:
        period = state.review      # "Tổng giá trị sản xuất bình quân đạt 8,21%/năm" at a 2015 congress: 2010/2015
    if period is None and c.status == "target":
        period = targets_term(state)
    if period is None and not now and c.status != "target":
        period = after_baseline(mentions, state.ref_date)
    horizon = explicit.shape == "to_year" if explicit is not None else bool(in_list and state.target_horizon)
    if period and is_multi_year(period):
        yearly = c.unit.cls == "percent" and \
            cues.yearly_rate.search(text, max(0, c.clause_start), min(len(text), c.end + 12))
        if horizon and not yearly:
            period = end_year(period)     # "đến năm 2030 đạt 140 triệu đồng": the horizon year's level
    elif period and c.status == "target" and _yearly_amount(text, c, cues):
        period = _years_ahead(period, state.ref_date)
    elif period and explicit is None and c.unit.cls == "percent":
        period = _yearly_rate_span(period, text, c, state, cues)
    c.period = _cumulative(period, mentions, c)


def targets_term(state: State) -> str | None:
    """The period of targets that name none: the term a congress opens ("Đại hội đề ra 24 chỉ tiêu" at the
    congress of 2025–2030), else a term that begins in the report's year (its resolution's targets, told
    at a conference that studies it)."""
    if state.opening:
        return state.opening
    if state.term and state.ref_date and int(state.ref_date[:4]) == state.term[0]:
        return f"{state.term[0]}/{state.term[1]}"
    return None


_MONTH = re.compile(r"(\d{4})-\d{2}")
_CUMULATIVE = re.compile(r"lũy\s+kế", re.I)


def _cumulative(period: str | None, mentions: list[PeriodMention], c: Cand) -> str | None:
    """A running total ("tháng 11 …; lũy kế ước đạt 321.887 tỉ đồng") runs from January to the month."""
    m = _MONTH.fullmatch(period or "")
    if m and any(c.clause_start <= x.start < c.start and _CUMULATIVE.match(x.text) for x in mentions):
        return f"{m.group(1)}-01/{period}"
    return period


def _yearly_rate_span(period: str, text: str, c: Cand, state: State, cues: Cues) -> str:
    """A yearly average rate ("tốc độ tăng trưởng bình quân hàng năm đạt 13%") in a review covers the term
    reviewed, not the single year a sentence before it named."""
    span = state.review or state.last_span
    if not span or not re.fullmatch(r"\d{4}", period) or not cues.yearly_rate.search(
            text, max(0, c.clause_start), min(len(text), c.end + 12)):
        return period
    return span if int(span[:4]) <= int(period) <= int(end_year(span)) else period


def _yearly_amount(text: str, c: Cand, cues: Cues) -> bool:
    """An amount reached each year ("diện tích gieo trồng hàng năm", "117.000 tấn/năm"), not a level."""
    if c.unit.cls == "percent":
        return False
    if c.unit.cls != "money" and "/năm" in c.unit.text.replace(" ", ""):
        return True
    return cues.yearly_amount.search(text, max(0, c.clause_start), c.start) is not None


def _years_ahead(period: str, ref_date: str | None) -> str:
    """A target year ahead of the report, for a yearly amount: the years from the report's to it."""
    if not ref_date or not re.fullmatch(r"\d{4}", period) or int(period) <= int(ref_date[:4]):
        return period
    return f"{ref_date[:4]}/{period}"


def _count_period(text: str, c: Cand, explicit: PeriodMention | None, now: bool, carried_now: bool,
                  state: State, cues: Cues) -> str | None:
    """Counts take the period stated before them like any figure (SCHEMA), with two exceptions.

    After "đến nay" in the same sentence no count has a period; after one in an
    earlier sentence (and no dated period since), stocks and fractions have none.
    A level "now" ("hiện có", figures.toml ``stock``) takes only a period of its own clause.
    """
    if now:
        return None
    stock = is_stock_noun(c.unit.noun)
    if carried_now and (c.num.is_fraction or stock):
        return None
    in_clause = explicit is not None and explicit.start >= c.clause_start
    if cues.stock.search(text[c.clause_start:c.start]):
        return explicit.iso if in_clause else None
    if explicit is not None:
        return explicit.iso
    if state.target_para and state.target_period:
        return state.target_period
    return state.running
