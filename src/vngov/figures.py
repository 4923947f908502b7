"""Figures and targets: the numbers a report gives about a locality.

A figure is a number with a unit from ``lexicon/units.toml`` (a bare number,
a date, an ordinal or a document number never is).  For each one the clause
around it tells the rest, by rules kept as data in ``lexicon/figures.toml``:

* kind — ``change`` after tăng/giảm/vượt/gấp, ``ratio`` for a percentage of a
  baseline (``đạt 107% kế hoạch``, ``bằng 92% so với cùng kỳ``), ``fraction``
  for ``x/y``, else ``value``;
* baseline — the words after ``so với`` or a plan word right after the number;
* status — ``estimate`` after ``ước``, ``target`` after dự kiến/phấn đấu or in
  a list of targets, else ``actual``;
* metric — the words before the number cut by :mod:`vngov.metrics`; a ratio or
  change with no words of its own belongs to the amount before it (same
  metric, period and status);
* period — the last period phrase (:mod:`vngov.periods`) before the figure in
  its sentence, else the one running from earlier sentences.  Counts of a
  standing stock (communes, cattle, criteria) take a period only from their
  own sentence, and none after "đến nay", "hiện nay".  Phrases in a
  comparison ("so với năm 2022"), of a task ahead ("triển khai nhiệm vụ 6
  tháng cuối năm"), of one item ("riêng quý II") or not yet begun ("đến năm
  2030") do not run on; a figure whose period has not begun when the report
  was written is a target.

Only numbers with a unit are figures; a range ("15 - 18 tiêu chí", "7-7,5%",
"từ 5 đến 7 xã") is one figure, its lower bound the value and its upper bound
``upper`` (a span of years is a term, never a range); numbers inside short
quoted titles are skipped.  Evidence is the
figure's clause, cut before another figure that shares it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from vngov import metrics as metric_rules
from vngov.lexicon import alternation, load
from vngov.models import Article, DocContext, Figure
from vngov.numbers import NumberToken, find_numbers
from vngov.periods import PeriodMention, Reference, bounds, end_year, find_periods, first_year, is_multi_year
from vngov.text import CAPITAL, sentences
from vngov.units import UnitMatch, is_point_in_time, is_stock_noun, match_unit

_PARENS = re.compile(r"\([^()]*\)")
_QUOTES = re.compile(r"“[^”]{0,150}”|\"[^\"]{0,150}\"")
_DIGIT = re.compile(r"\d")
_LIST_ITEM = re.compile(r"[-+•*–]\s|\d{1,2}[.)]\s|[a-zđ]\)\s")
_DIGITS = re.compile(r"\d+")
_BASELINE_FIRST = re.compile(r"\s*(?:so\s+với|so)\s+((?:cùng\s+kỳ|năm|kế\s+hoạch|dự\s+toán|tháng|quý)[^,;]*?)"
                             r"(?=\s+(?:tăng|giảm|vượt|cao\s+hơn|thấp\s+hơn)(?![\w]))", re.I)
_VERB_FIRST = re.compile(r"\s*(?:(?:phấn\s+đấu|dự\s+kiến|tiếp\s+tục|sẽ|cần)\s+)*(?:tăng|giảm)(?!\s+(?:trưởng|cường))\s+(?=\S)",
                         re.I)
_OTHER_VERB = re.compile(r"(?<![\w])(?:đạt|là|bằng|ước|có|được|còn|lên|xuống|tăng|giảm)(?![\w])", re.I)
_BANG = re.compile(r"(?<![\w])bằng(?:\s+(?:khoảng|gần|hơn))?\s*$", re.I)
_VIA_CHO = re.compile(r"(?<![\w])(?:cho|đối với)\s*$", re.I)
_VIA_VOI = re.compile(r"\s*với(?![\w])", re.I)
_PERIOD_OR_PLAN = re.compile(r"(?:năm|cùng kỳ|giai đoạn|kế hoạch|KH|dự toán)(?![\w])", re.I)
# Baselines met before a figure are not target cues: "đạt 123% so với mục tiêu", "đạt 87% kế hoạch năm".
_COMPARISON = re.compile(r"(?:so\s+với|so\s+mới|so)\s+[^,;.]*", re.I)
_PCT_OF_PLAN = re.compile(r"\d[\d.,]*\s*%\s*(?:kế\s+hoạch|KH|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu)[^,;.]*", re.I)
# "2 xã gồm Hoàn Trạch và Hải Trạch đã đạt chuẩn …": the names are skipped, the predicate kept.
_NAMES = re.compile(rf"\s+(?:gồm|là)\s+(?:{CAPITAL}\w*(?:\s+{CAPITAL}\w*)*(?:\s*,\s*|\s+và\s+)?)+(?:(?:đã|đều|cũng)\s+)?")
_CAPITAL = re.compile(rf"{CAPITAL}|[0-9“\"]")
_CAPITAL_LETTER = re.compile(rf"{CAPITAL}|[“\"]")


@dataclass(frozen=True)
class _Cues:
    estimate: re.Pattern[str]
    target: re.Pattern[str]
    not_target: re.Pattern[str]
    target_header: re.Pattern[str]
    breakdown: re.Pattern[str]
    change: re.Pattern[str]
    level_after: re.Pattern[str]
    ratio_verb: re.Pattern[str]
    growth: tuple[str, ...]
    base_lead: re.Pattern[str]
    base_direct: re.Pattern[str]
    base_stop: re.Pattern[str]
    plan_words: tuple[str, ...]
    not_after: re.Pattern[str]
    name_after: re.Pattern[str]
    logistics: re.Pattern[str]
    flow: re.Pattern[str]
    tail_stop: re.Pattern[str]
    count_tail_stop: re.Pattern[str]
    stock: re.Pattern[str]
    approx: re.Pattern[str]
    not_after_words: frozenset[str]
    represented: re.Pattern[str]
    target_keys: tuple[str, ...]       # a cue can only match if one of these substrings is there
    header_keys: tuple[str, ...]
    plan_subject: re.Pattern[str]      # a clause opened by the plan itself: its amount is a target
    estimate_opener: re.Pattern[str]   # a sentence opened by an estimate cue
    logistics_keys: tuple[str, ...]
    breakdown_keys: tuple[str, ...]



@lru_cache(maxsize=1)
def _cues() -> _Cues:
    lex = load("figures")
    st, kd, bl, sc = lex["status"], lex["kind"], lex["baseline"], lex["scope"]
    mods = alternation(kd["change_modifiers"])
    approx = alternation(lex["approximators"])
    return _Cues(
        estimate=re.compile(rf"(?<![\w])(?:{alternation(st['estimate'])})(?![\w])", re.I),
        target=re.compile(rf"(?<![\w])(?:{alternation(st['target'])}|{'|'.join(st['target_patterns'])})(?![\w])", re.I),
        not_target=re.compile(rf"(?<![\w])(?:{alternation(st['not_target'])})(?![\w])", re.I),
        target_header=re.compile(st["target_header"], re.I),
        breakdown=re.compile(rf"(?<![\w])(?:{alternation(st['breakdown'])})(?![\w])", re.I),
        change=re.compile(rf"(?<![\w])(?:{alternation(kd['change'])})(?:\s+(?:{mods}|{approx}))*\s*$", re.I),
        level_after=re.compile(rf"(?<![\w])(?:{alternation(kd['level_after_change'])})(?:\s+(?:{approx}))*\s*$", re.I),
        ratio_verb=re.compile(rf"(?<![\w])(?:{alternation(kd['ratio'])})(?:\s+(?:{approx}))*\s*$", re.I),
        growth=tuple(w.casefold() for w in kd["growth_metric"]),
        base_lead=re.compile(rf"\s*(?:{alternation(bl['lead'])})\s+(?=\S)", re.I),
        base_direct=re.compile(rf"\s*(?=(?:{alternation(bl['plan'] + bl['period'])})(?![\w]))", re.I),
        base_stop=re.compile(r"\s(?:và|tăng|giảm|đạt|bằng|vượt|gấp|trong\s+đó|xếp|đứng|nhưng)(?![\w])|[,;.()…:]|\s-\s", re.I),
        plan_words=tuple(w.casefold() for w in bl["plan_words"]),
        not_after=re.compile(rf"(?<![\w])(?<!tổng\s)(?:{alternation(sc['not_after'])})\s*$", re.I),
        name_after=re.compile(rf"\s*(?:{alternation(sc['name_after'])})(?![\w])", re.I),
        logistics=re.compile(rf"(?<![\w])(?:{alternation(sc['logistics'])})(?![\w])", re.I),
        flow=re.compile(rf"(?<![\w])(?:{alternation(sc['flow'])})(?![\w])", re.I),
        tail_stop=re.compile(r"\s(?:so|so\s+với|(?<!mặt\s)bằng|đạt|tăng|giảm|vượt|gấp|với|cho|trong\s+đó|gồm|là|của|trở\s+lên|"
                             r"chiếm|có|được\s+công\s+nhận|xếp|đứng|nâng|nhưng|trong\s+khi)(?![\w])"
                             r"|[,;.()…:“\"”]|\s-\s", re.I),
        count_tail_stop=re.compile(r"\s(?:so|so\s+với|bằng|tăng|giảm|gấp|với|cho|trong\s+đó|gồm|là|trở\s+lên|"
                                   r"chiếm|nâng\s+tổng|nâng\s+số|nhưng|trong\s+khi|tới|lên|tại)(?![\w])|(?<!từ\s)(?<!-\s)(?<!-)(?<![\d.,])\d(?![\d.,]*\s+sao)|[,;.()…:/“\"”]|\s-\s", re.I),
        stock=re.compile(rf"(?<![\w])(?:{alternation(sc['stock'])})(?![\w])", re.I),
        approx=re.compile(rf"(?<![\w])({approx})\s*$", re.I),
        represented=re.compile(sc["represented"], re.I),
        not_after_words=frozenset(" ".join(w.casefold().split()) for w in sc["not_after"]),
        target_keys=_keys(st["target_keys"]),
        header_keys=_keys(st["target_header_keys"]),
        plan_subject=re.compile(rf"^\W*(?:{alternation(st['plan_subject'])})(?![\w])"
                                rf"(?!.*(?<![\w])(?:{alternation(st['result_verbs'])})(?![\w]))", re.I | re.S),
        estimate_opener=re.compile(rf"^\W*(?:{alternation(st['estimate_openers'])})(?![\w])", re.I),
        logistics_keys=_keys(sc["logistics"]),
        breakdown_keys=_keys(st["breakdown"]),
    )


def _keys(words) -> tuple[str, ...]:
    """Lower-case substrings that must be present for any of ``words`` to match: a cheap gate."""
    return tuple(sorted({w.casefold() for w in words}))


@dataclass
class _Cand:
    """A figure being worked out (mutable while its sentence is read)."""

    num: NumberToken
    unit: UnitMatch
    start: int                 # sentence-relative start of the number (approximator excluded)
    end: int                   # after the unit
    clause_start: int
    clause_end: int
    approx: str | None = None
    kind: str = "value"
    baseline: str | None = None
    baseline_end: int | None = None
    metric: str | None = None
    own_metric: bool = True
    status: str = "actual"
    period: str | None = None
    tail_end: int | None = None
    inherited_from: "_Cand | None" = None
    change_cue: bool = False
    ratio_cue: bool = False
    extras: dict = field(default_factory=dict)


@dataclass
class _State:
    """What carries from sentence to sentence: the running period, the last span, target lists."""

    running: str | None = None
    last_span: str | None = None
    target_para: bool = False
    head_status: str | None = None
    target_period: str | None = None   # the period a list of targets names in its header
    now: bool = False          # "đến nay" / "hiện nay" seen since the last dated period
    ref_date: str | None = None  # last day the report can speak of as done (YYYY-MM-DD)


def extract_figures(article: Article, ctx: DocContext) -> tuple[Figure, ...]:
    """Every figure of the article, once each, in reading order."""
    body = article.body
    ref = _reference(ctx, body)
    mentions = find_periods(body, ref)
    state = _State(ref_date=_ref_date(ctx))
    digits = [m.start() for m in _DIGITS.finditer(body)]
    out: list[Figure] = []
    prev_end = 0
    mi = 0
    for s, e in sentences(body):
        if "\n" in body[prev_end:s] and not _LIST_ITEM.match(body, s):
            state.target_para = False      # a new paragraph ends a list of targets; its items do not
        prev_end = e
        while mi < len(mentions) and mentions[mi].start < s:
            mi += 1
        own = []
        j = mi
        while j < len(mentions) and mentions[j].start < e:
            own.append(mentions[j])
            j += 1
        if own and ("“" in body[s:e] or '"' in body[s:e]):
            quoted = [(m.start() + s, m.end() + s) for m in _QUOTES.finditer(body[s:e])]
            own = [m for m in own if not any(a <= m.start < b for a, b in quoted)]   # inside a title
        k = bisect.bisect_left(digits, s)
        out.extend(_sentence(article, s, e, own, state, k < len(digits) and digits[k] < e))
    return _dedupe(out, body)


# --- reference date ----------------------------------------------------------------


def _reference(ctx: DocContext, body: str) -> Reference:
    """The year and month the report speaks from (meeting, header, or the lead's first year)."""
    for d in (ctx.meeting_date, ctx.published):
        if d and len(d) >= 7:
            return Reference(int(d[:4]), int(d[5:7]))
    if ctx.year:
        return Reference(ctx.year, None)
    return Reference(first_year(body[:1500]), None)


def _ref_date(ctx: DocContext) -> str | None:
    """The report's date as the last day it may cover: "2024-01" counts as 2024-01-31."""
    d = ctx.meeting_date or ctx.published
    if not d:
        return None
    if len(d) == 4:
        return d + "-12-31"
    if len(d) == 7:
        return d + "-31"
    return d


# --- one sentence --------------------------------------------------------------------


def _sentence(article: Article, s: int, e: int, mentions: list[PeriodMention], state: _State,
              has_digit: bool = True) -> list[Figure]:
    text = article.body[s:e]
    cues = _cues()
    if not has_digit:                # most sentences: no number, only periods to carry on
        _advance(mentions, state)
        header = _header(text, cues)
        if header:
            state.target_para = True
            dated = [m for m in mentions if m.iso and m.start - s < header.end() + 2]
            state.target_period = dated[-1].iso if dated else state.target_period
        return []
    rel = [_shift(m, -s) for m in mentions]
    rel = [_n_years(m, state) for m in rel]
    cands = _candidates(text, rel)
    header = _header(text, cues)
    if header is not None:
        dated = [m for m in rel if m.iso and m.start < header.end() + 2]
        state.target_period = dated[-1].iso if dated else state.target_period
    if not cands:
        _advance(rel, state)
        state.target_para = state.target_para or header is not None
        return []
    target_at = _target_from(text, cues)
    figs: list[Figure] = []
    for i, c in enumerate(cands):
        _describe(text, c, cands[:i], rel, state, cues, target_at)
    for c in cands:
        if not c.extras.get("drop"):
            figs.append(_figure(article, s, text, c))
    if cands:
        state.head_status = cands[0].status
    _advance(rel, state)
    if header or _sets_targets(text, target_at, rel, state):
        state.target_para = True
    return figs


_DONE_BEFORE = re.compile(r"(?<![\w])(?:đã|đang|vẫn)(?![\w])[^,;]*$", re.I)


def _sets_targets(text: str, target_at: int | None, mentions: list[PeriodMention], state: _State) -> bool:
    """A sentence that opens with a period and sets its targets ("Năm 2018, huyện phấn đấu …") makes the
    rest of its paragraph a list of targets, unless the striving is told as done ("đã nỗ lực phấn
    đấu") or the period is past when the report is written."""
    if target_at is None or _DONE_BEFORE.search(text, 0, target_at):
        return False
    opening = [m for m in mentions if m.iso and m.start <= 2 and not (m.compare or m.task)]
    if not opening or opening[0].shape == "to_year":
        return False     # only a sentence that opens with the period it plans: "Năm 2018, huyện phấn đấu …"
    return not (state.ref_date and bounds(opening[0].iso)[1] < state.ref_date)


def _header(text: str, cues: _Cues) -> re.Match[str] | None:
    """A target-list header ("Một số chỉ tiêu chủ yếu năm 2024: …"), searched only where a key occurs."""
    low = text.casefold()
    return cues.target_header.search(text) if any(k in low for k in cues.header_keys) else None


def _shift(m: PeriodMention, d: int) -> PeriodMention:
    return replace(m, start=m.start + d, end=m.end + d)


_TERM_YEARS = 5


def _n_years(m: PeriodMention, state: _State) -> PeriodMention:
    """"trong 5 năm", "nhiệm kỳ qua" are the last span the article named (the term under review);
    with none named, the n years (a term's five) up to the report's year: "5 năm qua" in 2020 is 2015/2020."""
    if m.shape != "n_years":
        return m
    if state.last_span:
        return replace(m, iso=state.last_span)
    if state.ref_date:
        y = int(state.ref_date[:4])
        return replace(m, iso=f"{y - (m.years or _TERM_YEARS)}/{y}")
    return m


def _advance(mentions: list[PeriodMention], state: _State) -> None:
    """The sentence's last period of results runs on into the next sentences.

    A period that has not begun when the report was written ("đến năm 2030") is a
    target's: it dates its own sentence but does not run on into the results after it.
    """
    for m in mentions:
        if m.task or m.compare or m.local:
            continue
        if m.shape == "n_years":
            m = _n_years(m, state)
        if m.iso and state.ref_date and bounds(m.iso)[0] > state.ref_date:
            continue
        if m.is_now:
            state.now = True
            continue
        state.now = False
        if m.is_reset:
            state.running = None
            continue
        if m.shape in ("span", "term") and m.iso:
            state.last_span = m.iso
        if m.iso:
            state.running = m.iso


# How many words after a count a logistics cue may sit and still make the count the
# event's own ("150 cử tri của 9 xã, thị trấn tham dự").
_LOGISTICS_REACH = 5


def _candidates(text: str, mentions: list[PeriodMention]) -> list[_Cand]:
    """Numbers with a unit that are figures (not dates, ordinals, names, logistics)."""
    cues = _cues()
    quoted = [(m.start(), m.end()) for m in _QUOTES.finditer(text)] if ("“" in text or '"' in text) else []
    logistics: list[tuple[int, int]] | None = None     # found on the first count only
    out: list[_Cand] = []
    toks = list(find_numbers(text))
    skip_to = -1
    for i, tok in enumerate(toks):
        if i <= skip_to:
            continue
        if tok.is_range and _is_year_span(tok):
            continue      # "nhiệm kỳ 2021 - 2026 tổ chức …": a term, not a range of a count
        unit = match_unit(text, tok.end)
        if unit is None:
            continue
        joined = _compound(text, tok, unit, toks[i + 1] if i + 1 < len(toks) else None)
        if joined is not None:
            tok, unit = joined
            skip_to = i + 1
        if _after_word(text, tok.start, cues.not_after_words):
            continue
        if any(a <= tok.start < b for a, b in quoted):
            continue
        if unit.cls == "percent" and cues.name_after.match(text, unit.end):
            continue
        if any(m.start <= tok.start < m.end for m in mentions):
            continue
        cs, ce = _clause_start(text, tok.start), _clause_end(text, unit.end)
        if unit.is_count and logistics is None:
            low = text.casefold()
            logistics = [(m.start(), m.end()) for m in cues.logistics.finditer(text)] \
                if any(k in low for k in cues.logistics_keys) else []
        if unit.is_count and logistics and not cues.represented.search(text[max(0, tok.start - 30):tok.start]):
            seg = text.rfind(";", 0, tok.start) + 1
            after = unit.end + len(_words_after(text, unit.end, _LOGISTICS_REACH)) + 2
            if any(seg <= a and b <= after for a, b in logistics):
                continue   # the event's own attendance, awards, questions
        c = _Cand(tok, unit, tok.start, unit.end, cs, ce)
        a = cues.approx.search(text, max(0, tok.start - 15), tok.start)
        if a and a.end() == tok.start or (a and not text[a.end():tok.start].strip()):
            c.approx = a.group(1)
        out.append(c)
    return out


_COMPOUND_GAP = re.compile(r"[ \t]*")
_FRACTION_GAP = re.compile(r"[ \t]*/[ \t]*")


def _compound(text: str, tok: NumberToken, unit: UnitMatch, nxt: NumberToken | None
              ) -> tuple[NumberToken, UnitMatch] | None:
    """Two numbers that write one figure, as (number, unit) of the whole, else None.

    * an amount in two scales: "27 tỷ 312 triệu đồng" is 27,312 tỷ đồng;
    * a count over its total: "834 hộ nghèo/53.577 hộ" is the fraction 834/53.577.
    """
    if nxt is None or nxt.is_range or nxt.is_fraction or tok.is_fraction or tok.is_range:
        return None
    if unit.cls == "money" and _COMPOUND_GAP.fullmatch(text, unit.end, nxt.start):
        second = match_unit(text, nxt.end)
        if second is None or second.cls != "money" or not second.factor < unit.factor:
            return None
        words = second.text.split()
        currency = " ".join(words[1:]) if len(words) > 1 else ""
        value = tok.value + nxt.value * second.factor / unit.factor
        if not currency or unit.text.split()[-1].casefold() in ("đồng", "usd"):
            return None          # "27 tỷ đồng 312 …" is two figures; a compound ends with the currency
        whole = tok._replace(end=nxt.end, text=text[tok.start:nxt.end], value=value)
        return whole, unit._replace(end=second.end, text=f"{unit.text} {currency}")
    if unit.is_count and _FRACTION_GAP.fullmatch(text, unit.end, nxt.start):
        second = match_unit(text, nxt.end)
        if second is None or not second.is_count or (second.noun or "").split()[:1] != (unit.noun or "").split()[:1]:
            return None
        return tok._replace(denominator=nxt.value), unit._replace(end=second.end)
    return None


def _is_year_span(tok: NumberToken) -> bool:
    return all(float(x).is_integer() and 1900 <= x <= 2100 for x in (tok.value, tok.high))


def _after_word(text: str, i: int, words: frozenset[str]) -> bool:
    """True if the number at ``i`` follows one of ``words`` ("lần thứ 13", "Kết luận số 09")."""
    before = text[max(0, i - 24):i].casefold().split()
    if not before or not text[i - 1:i].isspace():
        return False
    if len(before) >= 2 and before[-2] == "tổng" and before[-1] == "số":
        return False
    return any(" ".join(before[-k:]) in words for k in (1, 2, 3) if len(before) >= k)


def _words_after(text: str, j: int, n: int) -> str:
    return " ".join(text[j:j + 60].split()[:n])


def _clause_start(text: str, i: int) -> int:
    """Start of the clause holding position ``i``: after , ; : ( or a list dash, brackets skipped."""
    depth = 0
    k = i - 1
    while k >= 0:
        ch = text[k]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return k + 1
            depth -= 1
        elif depth == 0:
            if ch in ";:…":
                return k + 1
            if ch in ",." and k + 1 < len(text) and text[k + 1] == " ":
                return k + 1
            if ch in "-–" and 0 < k and text[k - 1] == " " and text[k + 1:k + 2] == " " \
                    and _list_dash(text, k):
                return k + 1
        k -= 1
    return 0


def _list_dash(text: str, k: int) -> bool:
    """A " - " at ``k`` that opens a list item: before a capital, or before a number after ; : ."""
    if _CAPITAL_LETTER.match(text, k + 2):
        return True
    return text[k + 2:k + 3].isdigit() and text[:k].rstrip()[-1:] in (";", ":", ".")


def _clause_end(text: str, j: int) -> int:
    depth = 0
    k = j
    n = len(text)
    while k < n:
        ch = text[k]
        if ch == "(":
            if depth == 0 and k > j:
                return k
            depth += 1
        elif ch == ")":
            if depth == 0:
                return k
            depth -= 1
        elif depth == 0:
            if ch in ";:…":
                return k
            if ch in ",." and (k + 1 >= n or text[k + 1] == " "):
                return k
            if ch in "-–" and text[k - 1:k] == " " and text[k + 1:k + 2] == " " and _list_dash(text, k):
                return k
        k += 1
    return n


# --- describing a candidate --------------------------------------------------------------


def _describe(text: str, c: _Cand, done: list[_Cand], mentions: list[PeriodMention], state: _State,
              cues: _Cues, header) -> None:
    prev = done[-1] if done else None
    same_clause = prev is not None and prev.end > c.clause_start and prev.end <= c.start
    pre_start = c.clause_start
    if same_clause:
        after_prev = prev.baseline_end or prev.tail_end or prev.end
        pre_start = max(pre_start, after_prev if after_prev <= c.start else prev.end)
    num_start = c.start - (len(c.approx) + 1 if c.approx else 0)
    linked = _VIA_CHO.search(text[pre_start:num_start]) or _VIA_VOI.match(text, pre_start)
    c.extras["ev_start"] = pre_start if same_clause and not linked else c.clause_start
    pre_raw = text[pre_start:max(pre_start, num_start)]
    # cues sit right before the number (approximators included: "thấp hơn 0,8%"); short end-anchored searches
    pre_core = text[pre_start:c.start].rstrip()[-60:]
    # kind cues
    cue = cues.change.search(pre_core)
    c.change_cue = bool(cue) and not cues.level_after.search(pre_core)
    if c.change_cue:      # the metric's words end where the change verb begins ("thấp hơn", "tăng gần gấp")
        core_start = pre_start + len(text[pre_start:c.start].rstrip()) - len(pre_core)
        num_start = max(pre_start, min(num_start, core_start + cue.start()))
    c.ratio_cue = bool(cues.ratio_verb.search(pre_core))
    c.extras["pre"] = pre_core
    _baseline(text, c, cues)
    if c.baseline is None and c.change_cue:
        lead = _BASELINE_FIRST.match(text, pre_start)
        if lead:                      # "so với cùng kỳ giảm 3 vụ": the baseline is written first
            c.baseline = lead.group(1).strip()
            pre_start = max(pre_start, lead.end(1))
            c.extras["ev_start"] = c.clause_start
    if c.unit.cls == "times" and not (c.change_cue or c.ratio_cue or c.baseline):
        c.extras["drop"] = True   # "đã 3 lần tổ chức": how often, not a figure
        return
    # metric words: the clause before the number minus period phrases and brackets
    words = _blank(text, pre_start, num_start, mentions)
    words = _PARENS.sub(" ", words)
    verb_first = _VERB_FIRST.match(words)
    if verb_first and not c.change_cue and not c.baseline and not _OTHER_VERB.search(words, verb_first.end()):
        c.change_cue = True        # "giảm tỷ lệ hộ nghèo 1,5%": the verb before the metric
        words = words[verb_first.end():]
    via_cho = _VIA_CHO.search(words.strip()) is not None
    via_voi = _VIA_VOI.match(words) is not None
    metric = metric_rules.clean(words)
    tail = _tail(text, c, mentions, cues)
    if c.unit.is_count:
        pass
    elif not metric and c.clause_start == pre_start and not same_clause and c.clause_start > 0:
        metric = _merge_previous(text, c, mentions, colon_too=True)
    elif metric and len(metric_rules.without_place(metric).split()) <= 3 and not same_clause:
        merged = _merge_previous(text, c, mentions)
        if merged:
            metric = merged + ", " + metric
    anchor = prev if prev is not None and (same_clause or _continues(text, prev, c)) else None
    if c.unit.is_count:
        if via_cho and same_clause and prev.metric:
            c.metric = prev.metric
        elif not metric and c.change_cue and anchor is not None:
            c.metric = None      # "tăng 13 tiêu chí so với 2015": the change of the count before
        elif not metric and c.change_cue and _same_noun(done, c) is not None:
            anchor = _same_noun(done, c)      # "12 vụ …; so với cùng kỳ giảm 3 vụ"
            c.metric = None
        else:
            noun = c.unit.noun or ""
            if len(metric.split()) > 10 or any(ch.isdigit() for ch in metric):
                metric = ""      # a long opening is the sentence's subject, not the counted thing
            metric = _after_subject(metric)
            if tail and len(tail.split()) >= 2 and metric and not _COUNT_OPENER.match(metric) \
                    and not cues.flow.search(metric):   # "kiểm tra 5 tổ chức đảng": the flow is the metric
                metric = ""      # "hoàn thiện 5 tiêu chí đô thị loại IV": the counted thing names the metric
            c.metric = _join(metric, None if noun.casefold() in metric.casefold() else noun, tail)
    elif not metric and tail and not c.baseline:
        tail = _tail(text, c, mentions, cues, as_count=True) or tail   # "100% xã đạt chuẩn …"
        c.metric = metric_rules.clean(tail) or tail
    elif via_voi and same_clause and prev.metric:
        # "43 dự án … với tổng mức 14.434 tỷ đồng": the total of the things just counted
        c.metric = _join(metric, prev.unit.noun if prev.unit.is_count else None) or prev.metric
    else:
        c.metric = _join(metric, tail) if metric else None
    # inheritance: a ratio or change with no words of its own belongs to the amount before it
    if anchor is not None and (not c.metric or metric_rules.is_generic(c.metric)):
        rate = c.metric if c.metric and c.unit.cls == "percent" and anchor.unit.is_count else None
        # "834 hộ nghèo/53.577 hộ, tỷ lệ 1,56%": the rate of what was counted, "tỷ lệ hộ nghèo"
        c.metric = _join(rate, anchor.metric) if rate and anchor.metric and rate not in anchor.metric \
            else anchor.metric
        c.own_metric = False
        c.inherited_from = anchor
    elif not c.metric:
        c.own_metric = False
    _kind(c, anchor, cues)
    _status(text, c, anchor, done, state, cues, header)
    _period(text, c, anchor, mentions, state, cues)
    if c.status != "target" and c.period and state.ref_date and bounds(c.period)[0] > state.ref_date:
        c.status = "target"      # a period that has not begun when the report was written


def _same_noun(done: list[_Cand], c: _Cand) -> _Cand | None:
    """The last count of the sentence with the same noun, for a change written apart from it."""
    for d in reversed(done):
        if d.unit.is_count and d.unit.noun == c.unit.noun and d.own_metric:
            return d
    return None


def _continues(text: str, prev: _Cand, c: _Cand) -> bool:
    """True when ``c`` follows ``prev`` in the same sentence with only a comma/và/paren between clauses."""
    gap = text[prev.end:c.clause_start]
    return len(gap) < 120 and ";" not in gap


# Words before a count that are part of what is counted ("số tiêu chí", "tổng số xã"), not an actor's verb.
_COUNT_OPENER = re.compile(r"(?:tổng\s+số|số|tỷ\s+lệ|bình\s+quân)(?![\w])", re.I)
_SUBJECT_END = re.compile(r"^.*(?<![\w])(?:đã|đang|sẽ|phấn\s+đấu|dự\s+kiến)\s+", re.I)


def _after_subject(words: str) -> str:
    """For counts, what the subject did: "Hội đã phối hợp mở" -> "phối hợp mở"."""
    return _SUBJECT_END.sub("", words, count=1) if words else words


def _join(*parts: str | None) -> str | None:
    s = " ".join(p for p in parts if p)
    return s or None


def _blank(text: str, a: int, b: int, mentions: list[PeriodMention]) -> str:
    """text[a:b] with period phrases blanked out (they are not part of a metric)."""
    chars = list(text[a:b])
    for m in mentions:
        lo, hi = max(m.start, a), min(m.end, b)
        for k in range(lo, hi):
            chars[k - a] = " "
    return "".join(chars)


def _tail(text: str, c: _Cand, mentions: list[PeriodMention], cues: _Cues, as_count: bool = False) -> str | None:
    """The words right after the unit that name what was counted ("xã đạt chuẩn NTM")."""
    start = c.baseline_end if c.baseline_end else c.end
    if c.baseline:
        return None
    names = _NAMES.match(text, start) if c.unit.is_count else None
    if names:
        start = names.end()
        c.clause_end = max(c.clause_end, _clause_end(text, start))
    rest = text[start:c.clause_end]
    stop = cues.count_tail_stop if c.unit.is_count or as_count else cues.tail_stop
    m = stop.search(rest)
    if m:
        rest = rest[:m.start()]
    if c.unit.is_count and rest.strip() and text[start + len(rest):start + len(rest) + 2] == ", ":
        rest = _comma_continuation(text, start, rest, stop)
    words = rest.split()
    if not words or (len(words) > 12 and not c.unit.is_count):
        c.tail_end = start
        return None
    if len(words) > 8:
        rest = rest[:rest.find(words[7]) + len(words[7])]
    c.tail_end = start + len(rest)
    return " ".join(_blank(text, start, start + len(rest), mentions).split()) or None


def _comma_continuation(text: str, start: int, rest: str, stop: re.Pattern[str]) -> str:
    """A counted noun phrase listed with commas ("cơ sở xã, phường đạt vững mạnh"; "con trâu, bò"):
    the next short segment without a number belongs to it."""
    nxt = start + len(rest) + 2
    end = _clause_end(text, nxt)
    seg = " " + text[nxt:end]
    m = stop.search(seg)
    if m:
        if m.group()[:1].isdigit():
            return rest          # the words before another figure are its subject
        seg = seg[:m.start()]
    seg = seg[1:]
    if not seg.strip() or len(seg.split()) > 6:
        return rest
    return text[start:nxt + len(seg)]


def _merge_previous(text: str, c: _Cand, mentions: list[PeriodMention], colon_too: bool = False) -> str | None:
    """A subject split by a comma ("khu vực nông lâm, thủy sản tăng …") or a colon
    ("Thu ngân sách: 193,65 tỷ đồng"): the short segment before."""
    k = c.clause_start - 1
    parts: list[str] = []
    while len(parts) < 3 and k >= 1 and (text[k] == "," or (colon_too and not parts and text[k] == ":")):
        ps = _clause_start(text, k)
        seg = _blank(text, ps, k, mentions)
        if any(ch.isdigit() for ch in seg):
            break
        seg = metric_rules.clean(seg)
        if not seg or len(seg.split()) > 5:
            break
        parts.insert(0, seg)
        c.extras["ev_start"] = ps
        if len(seg.split()) > 2 or text[k] == ":":
            break       # only very short segments chain: "nông, lâm, ngư nghiệp"
        k = ps - 1
    return ", ".join(parts) or None


def _baseline(text: str, c: _Cand, cues: _Cues) -> None:
    """The baseline written after the unit: "so với cùng kỳ", "kế hoạch tỉnh giao"."""
    if c.num.is_fraction:
        return
    rest_start = c.end
    m = cues.base_lead.match(text, rest_start)
    if m and (m.group().strip().casefold() != "trên" or c.unit.cls == "percent"):
        b0 = m.end()
    elif c.unit.cls in ("percent", "times") or c.change_cue:
        m = cues.base_direct.match(text, rest_start)
        if not m:
            return
        b0 = m.end()
        if c.unit.cls != "percent" and not _PERIOD_OR_PLAN.match(text, b0):
            return
    else:
        return
    stop = cues.base_stop.search(text, b0)
    b1 = stop.start() if stop else len(text)
    if stop and text[stop.start()] == "(" :
        b1 = stop.start()
    phrase = text[b0:b1].strip()
    if not phrase or len(phrase.split()) > 12:
        return
    c.baseline = phrase
    c.baseline_end = b0 + len(text[b0:b1].rstrip())


def _kind(c: _Cand, anchor: _Cand | None, cues: _Cues) -> None:
    if c.num.is_fraction:
        c.kind = "fraction"
        return
    if cues.level_after.search(c.extras.get("pre", "")):
        c.kind = "value"     # "giảm 4,15%, còn 9,8%": the level reached
        return
    growth = metric_rules.is_growth(c.metric, cues.growth)
    if c.unit.cls == "times" and c.baseline and not c.change_cue and _BANG.search(c.extras.get("pre", "")):
        c.kind = "ratio"     # "bằng 1,2 lần cùng kỳ"
        return
    if c.change_cue or (c.unit.cls == "times" and c.baseline):
        c.kind = "value" if growth and not c.baseline else "change"
        return
    if c.unit.cls == "percent":
        if c.baseline:
            c.kind = "ratio"
            return
        if anchor is not None and not c.own_metric:
            # "118/153 thôn …, đạt 77,1%": the fraction's own rate; "được 12,38 tỷ đồng, đạt 53,83%":
            # a share of the amount's plan; after a percentage, the same kind as it
            if anchor.kind == "fraction":
                c.kind = "value"
            elif anchor.unit.cls != "percent":
                c.kind = "ratio"
            else:
                c.kind = anchor.kind
            return
        if anchor is not None and c.own_metric and not c.ratio_cue and anchor.kind == "change" \
                and anchor.unit.cls == "percent":
            c.kind = "change"   # "công nghiệp tăng 12,6%, dịch vụ 8,2%": a list of changes
            return
    c.kind = "value"


def _status(text: str, c: _Cand, anchor: _Cand | None, done: list[_Cand], state: _State,
            cues: _Cues, header) -> None:
    before = text[:c.start]
    own = text[c.clause_start:c.start]
    if state.target_para or (header is not None and header <= c.start):
        c.status = "target"
        return
    if cues.estimate.search(own) or cues.estimate_opener.match(text):
        c.status = "estimate"
        return
    if cues.plan_subject.match(own):
        c.status = "target"      # "(Kế hoạch 9%)", "kế hoạch HĐND tỉnh giao 192,5 tỷ đồng"
        return
    if anchor is not None and not c.own_metric:
        c.status = anchor.status
        return
    cue = None
    low = before.casefold()
    for m in (cues.breakdown.finditer(before) if any(k in low for k in cues.breakdown_keys) else ()):
        cue = m
    if cue is not None:
        # a breakdown ("trong đó …") of a target is a target; of an estimate it is what its own
        # clause says (SCHEMA: an estimate only where the text marks it)
        wholes = [d for d in done if d.start < cue.start()]
        if wholes and wholes[-1].status == "target":
            c.status = "target"
            return
        if not before[:cue.start()].strip() and state.head_status == "target":
            c.status = "target"
            return
    c.status = "actual"


def _target_from(text: str, cues: _Cues) -> int | None:
    """Where the sentence's figures become targets: after a target cue or a target-list header."""
    low = text.casefold()
    if not any(k in low for k in cues.target_keys):
        return None
    def spaces(m: re.Match[str]) -> str:
        return " " * len(m.group())
    cleaned = cues.not_target.sub(spaces, text)
    cleaned = _COMPARISON.sub(spaces, cleaned)
    cleaned = _PCT_OF_PLAN.sub(spaces, cleaned)
    ends = [m.end() for m in (cues.target.search(cleaned), cues.target_header.search(text)) if m]
    return min(ends) if ends else None


_UNTIL = ("to_date", "to_month", "to_month_end")


def _period(text: str, c: _Cand, anchor: _Cand | None, mentions: list[PeriodMention], state: _State,
            cues: _Cues) -> None:
    explicit: PeriodMention | None = None
    now, now_state, reset = False, False, False
    carried_now = state.now and not any(not (m.task or m.compare or m.is_now or m.is_reset) and m.end <= c.start
                                        for m in mentions)
    for m in mentions:
        if m.end > c.start or m.task or m.compare:
            continue
        if (m.shape in _UNTIL or m.local) and ";" in text[m.end:c.start]:
            continue   # "đến 28/10" dates one item, not the rest of the list
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
            if c.end <= m.start < c.clause_end and not (m.task or m.compare or m.is_now or m.is_reset):
                explicit = m
                break
    if reset or "/ngày" in (c.unit.base or ""):
        c.period = None     # vague ("thời gian qua") or a capacity per day
        return
    if c.unit.is_count or c.num.is_fraction:
        c.period = _count_period(text, c, explicit, now, carried_now, state, cues)
        return
    if now and ((c.unit.cls == "percent" and c.kind == "value") or (now_state and c.kind == "value")):
        c.period = None     # "Đến nay, tỷ lệ hộ nghèo còn 0,3%", "diện tích chè hiện có 1.245 ha": levels now
        return
    running = state.target_period if state.target_para and state.target_period else state.running
    period = explicit.iso if explicit is not None else running
    if period and is_multi_year(period) and (explicit is None or explicit.shape == "to_year"):
        if metric_rules.is_annual_level(metric_rules.canonical(c.metric, c.unit.cls, c.unit.noun)):
            period = end_year(period)
    c.period = period


def _count_period(text: str, c: _Cand, explicit: PeriodMention | None, now: bool, carried_now: bool,
                  state: _State, cues: _Cues) -> str | None:
    """Counts: flows take the running period; standing stocks only one their own sentence gives.

    After "đến nay" in the same sentence no count has a period; after one in an
    earlier sentence (and no dated period since), stocks and fractions have none.
    """
    if now:
        return None
    seg_start = text.rfind(";", 0, c.start) + 1
    # a flow verb before the noun ("kết nạp 42 đảng viên") or right after it ("1.250 doanh nghiệp thành lập mới")
    flow = cues.flow.search(text[seg_start:c.start]) or cues.flow.search(text[c.end:(c.tail_end or c.end)])
    stock = is_stock_noun(c.unit.noun)
    if c.num.is_fraction and stock:
        flow = None       # "19/19 tiêu chí": a standing achievement whatever the verb
    if carried_now and (c.num.is_fraction or stock):
        return None
    in_clause = explicit is not None and explicit.start >= c.clause_start
    if is_point_in_time(c.unit.noun) or cues.stock.search(text[c.clause_start:c.start]):
        return explicit.iso if in_clause else None
    if explicit is not None:
        return explicit.iso
    if stock and not flow:
        return None
    if state.target_para and state.target_period:
        return state.target_period
    return state.running


# --- output ---------------------------------------------------------------------------------


def _figure(article: Article, s: int, text: str, c: _Cand) -> Figure:
    base_value = c.num.value * c.unit.factor
    a, b = _evidence_bounds(text, c)
    period_start, period_end = bounds(c.period)
    metric = c.metric.strip() if c.metric else None
    return Figure(
        value=c.num.value,
        unit=" ".join(c.unit.text.split()),
        kind=c.kind,
        status=c.status,
        evidence=article.span(s + a, s + b),
        value_text=c.num.text,
        base_value=base_value,
        base_unit=c.unit.base,
        approx=c.approx,
        metric=metric,
        metric_id=metric_rules.canonical(metric, c.unit.cls, c.unit.noun),
        period=c.period,
        period_start=period_start,
        period_end=period_end,
        baseline=c.baseline if c.kind in ("ratio", "change") else None,
        baseline_class=_baseline_class(c.baseline) if c.kind in ("ratio", "change") else None,
        denominator=c.num.denominator,
        upper=c.num.high if c.num.is_range else None,
    )


# "5 lớp … cho 305 quần chúng", "43 dự án … với tổng mức 14.434 tỷ đồng": one clause, two figures.
_LINKED_NEXT = re.compile(r"[^\d,;]*?(?<![\w])(?:cho|với|đối với)(?![\w])[^\d,;]*\d", re.I)
_EVIDENCE_LEAD = re.compile(r"(?:\s|và\s|,)+", re.I)


def _evidence_bounds(text: str, c: _Cand) -> tuple[int, int]:
    """The clause of the figure: from its subject (or the end of the figure before it in the
    clause) to the end of its clause, cut before another figure that shares the clause."""
    a = c.extras.get("ev_start", c.clause_start)
    own_end = max(c.end, c.baseline_end or 0, c.tail_end or 0)
    b = max(c.clause_end, c.baseline_end or 0)
    rest = text[own_end:b]
    if any(ch.isdigit() for ch in rest) and not _LINKED_NEXT.match(rest):
        b = own_end
    m = _EVIDENCE_LEAD.match(text, a)
    if m:
        a = m.end()
    while b > a and text[b - 1] in " \t.…":
        b -= 1
    return a, b


def _baseline_class(b: str | None) -> str | None:
    if not b:
        return None
    key = b.casefold()
    return "plan" if any(w in key.split() or w in key for w in _cues().plan_words) else "period"


def _dedupe(figs: list[Figure], body: str) -> tuple[Figure, ...]:
    """One figure per (value, unit, kind): a title or caption repeating the body counts once."""
    seen: dict[tuple, int] = {}
    out: list[Figure] = []
    for f in figs:
        key = (round(f.base_value or f.value, 9), f.base_unit, f.kind, f.denominator)
        if key in seen:
            other = out[seen[key]]
            if (other.metric == f.metric or _is_heading(body, other.evidence.start)
                    or _is_heading(body, f.evidence.start)):
                if _is_heading(body, other.evidence.start) and not _is_heading(body, f.evidence.start):
                    out[seen[key]] = f
                continue
        seen.setdefault(key, len(out))
        out.append(f)
    return tuple(out)


def _is_heading(body: str, pos: int) -> bool:
    """A title or caption line: short, with no sentence-final punctuation."""
    ls = body.rfind("\n", 0, pos) + 1
    le = body.find("\n", pos)
    le = len(body) if le < 0 else le
    line = body[ls:le].strip()
    return len(line) < 250 and not line.endswith((".", ";", "…", "!", "?", ":"))
