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

The steps live in modules named for them: :mod:`.cues` (the lexicon compiled),
:mod:`.candidates` (numbers that are figures), :mod:`.clauses` (clause bounds and evidence),
:mod:`.metric` (what is measured), :mod:`.kind` (kind and baseline), :mod:`.status`, :mod:`.scope`
(the period each figure covers), :mod:`.describe` (one candidate, step by step) and
:mod:`.output` (the Figure).
"""
from __future__ import annotations

import bisect
import copy
import re

from vngov.figures.clauses import LIST_ITEM
from vngov.figures.candidates import find_candidates
from vngov.figures.cues import load_cues
from vngov.figures.describe import describe
from vngov.figures.output import dedupe, to_figure
from vngov.figures.scope import (State, advance, ahead, congress_terms, n_years, new_paragraph, ref_date, reference,
                                 shift, term_under_way)
from vngov.figures.sentence import Sentence
from vngov.figures.candidates import QUOTES
from vngov.figures.status import sets_targets, target_from, target_header_at, targets_set
from vngov.models import Article, DocContext, Figure
from vngov.periods import PeriodMention, find_periods, term_iso
from vngov.text import normalize_text, sentences

__all__ = ["extract_figures"]




_DIGITS = re.compile(r"\d+")


def extract_figures(article: Article, ctx: DocContext) -> tuple[Figure, ...]:
    """Every figure of the article, once each, in reading order."""
    body = article.body
    ref = reference(ctx, body)
    mentions = find_periods(body, ref)
    opening, review = congress_terms(ctx, mentions, ref, (article.title or "") + "\n" + body[:1500])
    state = State(ref_date=ref_date(ctx), review=review, opening=opening, term=term_under_way(mentions, ref))
    digits = [m.start() for m in _DIGITS.finditer(body)]
    out: list[Figure] = []
    prev_end = 0
    mi = 0
    for s, e in sentences(body):
        if "\n" in body[prev_end:s] and not LIST_ITEM.match(body, s):
            # a new paragraph ends a list of targets (its items do not), unless it is a plain one between two
            state.target_para = (state.target_para or state.head_status == "target") \
                and _between_targets(body, s, mentions, state.ref_date)
            new_paragraph(state)
        prev_end = e
        while mi < len(mentions) and mentions[mi].start < s:
            mi += 1
        own = []
        j = mi
        while j < len(mentions) and mentions[j].start < e:
            own.append(mentions[j])
            j += 1
        if own and ("“" in body[s:e] or '"' in body[s:e]):
            quoted = [(m.start() + s, m.end() + s) for m in QUOTES.finditer(body[s:e])]
            own = [m for m in own if not any(a <= m.start < b for a, b in quoted)]   # inside a title
        k = bisect.bisect_left(digits, s)
        has_digit = k < len(digits) and digits[k] < e
        if _is_caption(article, e):      # a caption's periods stay in the caption
            if has_digit:
                out.extend(_sentence(article, s, e, own, copy.copy(state), True))
            continue
        out.extend(_sentence(article, s, e, own, state, has_digit))
    return dedupe(out, body)


def _between_targets(body: str, start: int, mentions: list[PeriodMention], ref_date: str | None) -> bool:
    """The paragraph at ``start`` goes on with the targets of the one before: it names no period and no
    result ("ước", "đã", "so với", figures.toml ``result_words``), and the paragraph after it sets targets
    again ("… đến năm 2030 đạt …"). A congress's resolution often runs over three such paragraphs."""
    cues = load_cues()
    end = _line_end(body, start)
    if any(start <= m.start < end for m in mentions) or cues.result_words.search(body, start, end):
        return False
    nxt = len(body) - len(body[end:].lstrip())
    nxt_end = _line_end(body, nxt)
    if nxt >= nxt_end:
        return False
    if target_from(body[nxt:nxt_end], cues) is not None:
        return True
    return bool(ref_date) and any(nxt <= m.start < nxt_end and m.iso and not (m.compare or m.task)
                                  and ahead(m, ref_date) for m in mentions)


def _line_end(body: str, start: int) -> int:
    end = body.find("\n", start)
    return len(body) if end < 0 else end


def _is_caption(article: Article, end: int) -> bool:
    """The sentence ending at ``end`` ends a photo caption line ("… - Ảnh 1."); the credit the reader cut
    from the line's end ("… (Ảnh: Nguyên Chương)") is read back from the raw text."""
    body = article.body
    line_end = body.find("\n", end)
    line_end = len(body) if line_end < 0 else line_end
    if body[end:line_end].strip():
        return False
    tail = body[max(0, end - 60):end]
    if end > 0:
        raw_end = article.offsets.to_raw(end - 1) + 1
        cut = article.raw.find("\n", raw_end)
        tail += normalize_text(article.raw[raw_end:cut if cut >= 0 else len(article.raw)][:80])
    return bool(load_cues().caption.search(tail))


def _list_period(state: State, mentions: list[PeriodMention], header_end: int) -> None:
    """The period a header of a list of targets names (kept until another header names one); a term
    not yet begun or under way names it too ("nhiệm kỳ 2025-2030, Đảng bộ đề ra 12 chỉ tiêu: …")."""
    dated = [(m.iso or term_iso(m), m) for m in mentions if m.start < header_end + 2]
    dated = [(iso, m) for iso, m in dated if iso]
    if dated:
        state.target_period, state.target_horizon = dated[-1][0], dated[-1][1].shape == "to_year"


def _sentence(article: Article, s: int, e: int, mentions: list[PeriodMention], state: State,
              has_digit: bool = True) -> list[Figure]:
    """The figures of ``article.body[s:e]``; carries its periods and target lists on in ``state``."""
    text = article.body[s:e]
    cues = load_cues()
    if not has_digit:                # most sentences: no number, only periods to carry on
        state.head_status = None     # "… đạt nhiều kết quả. Trong đó, …": a breakdown of this sentence's whole
        advance(mentions, state)
        header = target_header_at(text, cues)
        if header:
            state.target_para = True
            _list_period(state, [shift(m, -s) for m in mentions], header.end())
        return []
    rel = [shift(m, -s) for m in mentions]
    rel = [n_years(m, state) for m in rel]
    cands = find_candidates(text, rel)
    header = target_header_at(text, cues)
    if header is not None:
        _list_period(state, rel, header.end())
    if not cands:
        state.head_status = None
        advance(rel, state, text, len(text))
        state.target_para = state.target_para or header is not None
        return []
    target_at = target_from(text, cues)
    sent = Sentence(text, rel, state, cues, target_at, cands[0].start)
    figs: list[Figure] = []
    for i, c in enumerate(cands):
        describe(sent, c, cands[:i])
    for c in cands:
        if not c.drop:
            figs.append(to_figure(article, s, text, c))
    if cands:
        state.head_status = cands[0].status
    advance(rel, state, text, cands[0].start)
    listed = targets_set(text, cues) if header is None else None
    if listed is not None:
        _list_period(state, rel, len(text))   # "… đưa ra 12 chỉ tiêu … trong nhiệm kỳ 2015-2020.": its term
    if header or sets_targets(text, target_at, rel, state, cues) or listed is not None:
        state.target_para = True      # the list of targets set goes on to the paragraph's end
    return figs
