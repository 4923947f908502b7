"""Describing one candidate: its metric, kind, baseline, status and period, in that order."""
from __future__ import annotations

import re

from vngov import metrics as metric_rules
from vngov.figures.candidates import Cand
from vngov.figures.clauses import clause_start
from vngov.figures.cues import Cues
from vngov.figures.kind import baseline_of, kind_of
from vngov.figures.metric import (after_subject, blank_periods, continues, join_words,
                                  merge_previous, rate_before_comma, rate_head, same_noun, tail_after)
from vngov.figures.scope import period_of
from vngov.figures.sentence import Sentence
from vngov.figures.status import status_of
from vngov.periods import Reference, bounds, find_periods
from vngov.text import CAPITAL


_PARENS = re.compile(r"\([^()]*\)")




def describe(sent: Sentence, c: Cand, done: list[Cand]) -> None:
    """Work out ``c`` from its clause: cues, baseline, metric words, then kind, status and period.

    ``done`` are the sentence's candidates before it: a ratio or change with no words of its own
    belongs to the amount before it (its anchor), with the same metric, period and status.
    """
    prev = done[-1] if done else None
    if prev is not None and prev.plan_of is not None and prev.unit.cls != c.unit.cls:
        prev = prev.plan_of       # "… tấn/KH 52.663 tấn, đạt 96,38% KH": the result's ratio to its plan
    same_clause = prev is not None and prev.end > c.clause_start and prev.end <= c.start
    bounds_ = _read_cues(sent, c, prev, same_clause)
    if bounds_ is None:
        c.drop = True   # "đã 3 lần tổ chức": how often, not a figure
        return
    anchor = _metric(sent, c, done, prev, same_clause, *bounds_)
    _share_head(sent, c)
    _inherit(c, anchor, sent.cues)
    kind_of(c, anchor, sent.cues)
    if not c.metric and c.kind == "ratio" and c.baseline:
        c.metric = _planned_thing(c.baseline, sent)    # "hoàn thành 100% kế hoạch giải ngân vốn đầu tư công"
    status_of(sent, c, anchor, done)
    period_of(sent, c, anchor)
    _plan_after_slash(sent, c, prev)
    state = sent.state
    if c.status != "target" and c.period and state.ref_date and bounds(c.period)[0] > state.ref_date:
        c.status = "target"      # a period that has not begun when the report was written


def _plan_after_slash(sent: Sentence, c: Cand, prev: Cand | None) -> None:
    """"Tổng giá trị sản xuất đạt 6.185 tỷ đồng/KH 12.500 tỷ đồng": the amount after "/KH" is the plan of
    the one before it, a target for the whole year of that amount's period."""
    if prev is None or prev.unit.cls != c.unit.cls or not sent.cues.plan_slash.fullmatch(sent.text, prev.end, c.start):
        return
    c.metric, c.own_metric, c.status, c.plan_of = prev.metric, False, "target", prev
    if prev.period:
        c.period = prev.period[:4]


def _share_head(sent: Sentence, c: Cand) -> None:
    """A sector's bare name before a percentage, in a sentence that opened a list of shares, is that head's
    share: "Cơ cấu giá trị sản xuất Nông – Lâm – Thủy sản 44%; Công nghiệp – Xây dựng: 31,7%"."""
    if c.unit.cls != "percent" or c.change_cue or not c.metric or not sent.cues.bare_sector.fullmatch(c.metric):
        return      # "công nghiệp - xây dựng tăng 2,52%" is the sector's growth, not its share
    heads = list(sent.cues.share_head.finditer(sent.text, 0, c.start))
    if heads:       # the head's noun names the share: "cơ cấu" (kinh tế …), "tỷ trọng"
        noun = " ".join(heads[-1].group().lower().split()[:2])
        sector = " ".join(w if w.isupper() else w.lower() for w in c.metric.split())
        c.metric = f"{noun} {sector}"


def _read_cues(sent: Sentence, c: Cand, prev: Cand | None, same_clause: bool) -> tuple[int, int] | None:
    """The change/ratio cues right before the number and the baseline; returns where the metric's
    words lie (start, end), or None for a count of times that is no figure."""
    text, cues = sent.text, sent.cues
    pre_start = c.clause_start
    if same_clause:
        after_prev = prev.baseline_end or prev.tail_end or prev.end
        pre_start = max(pre_start, after_prev if after_prev <= c.start else prev.end)
    num_start = c.start - (len(c.approx) + 1 if c.approx else 0)
    linked = cues.via_for.search(text[pre_start:num_start]) or cues.via_with.match(text, pre_start)
    c.ev_start = pre_start if same_clause and not linked else c.clause_start
    # cues sit right before the number (approximators included: "thấp hơn 0,8%"); short end-anchored searches
    pre_core = text[pre_start:c.start].rstrip()[-60:]
    cue = cues.change.search(pre_core)
    c.change_cue = bool(cue) and not cues.level_after.search(pre_core)
    if c.change_cue:      # the metric's words end where the change verb begins ("thấp hơn", "tăng gần gấp")
        core_start = pre_start + len(text[pre_start:c.start].rstrip()) - len(pre_core)
        num_start = max(pre_start, min(num_start, core_start + cue.start()))
    c.ratio_cue = bool(cues.ratio_verb.search(pre_core))
    c.pre = pre_core
    baseline_of(text, c, cues)
    if c.baseline is None and c.change_cue:
        lead = cues.baseline_first.match(text, pre_start)
        if lead:                      # "so với cùng kỳ giảm 3 vụ": the baseline is written first
            c.baseline = lead.group(lead.lastindex).strip()     # "SCK tăng 9,2%": "so (với) cùng kỳ"
            pre_start = max(pre_start, lead.end(lead.lastindex))
            c.ev_start = c.clause_start
        else:                         # "thu nhập … đến năm 2030 so với năm 2025 tăng 31,6%": between metric and verb
            mid = cues.baseline_before_verb.search(text, pre_start, num_start)
            if mid:
                c.baseline = mid.group(1).strip()
                num_start = mid.start()
    if c.unit.cls == "times" and not (c.change_cue or c.ratio_cue or c.baseline):
        return None
    return pre_start, num_start


def _metric(sent: Sentence, c: Cand, done: list[Cand], prev: Cand | None, same_clause: bool,
            pre_start: int, num_start: int) -> Cand | None:
    """Set ``c.metric`` from the clause before the number (period phrases and brackets blanked) and
    the words after it; returns the anchor ``c`` may inherit from."""
    text = sent.text
    words = _PARENS.sub(" ", blank_periods(text, pre_start, num_start, sent.mentions))
    verb_first = sent.cues.verb_first.match(words)
    if verb_first and not c.change_cue and not c.baseline and not sent.cues.other_verb.search(words, verb_first.end()):
        c.change_cue = True        # "giảm tỷ lệ hộ nghèo 1,5%": the verb before the metric
        words = words[verb_first.end():]
    via_cho = sent.cues.via_for.search(words.strip()) is not None
    via_voi = sent.cues.via_with.match(words) is not None
    metric = metric_rules.clean(words)
    tail = tail_after(sent, c)
    if c.unit.is_count:
        if metric and len(metric.split()) <= 2 and not same_clause:
            merged = merge_previous(sent, c)      # "tổng đàn gia súc, gia cầm 89.500 con"
            if merged:
                metric = merged + ", " + metric
        elif not metric and not same_clause and c.clause_start > 0 and text[c.clause_start - 1] == ":":
            metric = merge_previous(sent, c, colon_too=True) or metric   # "Số trường đạt chuẩn: 04 trường"
    elif not metric and c.clause_start == pre_start and not same_clause and c.clause_start > 0:
        metric = merge_previous(sent, c, colon_too=True) or (None if tail else _same_amount_before(done, c))
    elif metric_rules.is_generic(metric) and not same_clause and c.clause_start > 0 and prev is None:
        # "Tốc độ tăng trưởng giữ mức ổn định, với bình quân hàng năm đạt 8,79%": the subject before the comma
        metric = merge_previous(sent, c, colon_too=True) or metric
    elif metric and not same_clause and c.unit.cls == "percent" and not rate_head(metric) \
            and (rate := rate_before_comma(sent, c)):
        metric = rate + ", " + metric
    elif metric and not same_clause and (sent.cues.bare_sector.fullmatch(metric_rules.without_place(metric)) or (
            len(metric_rules.without_place(metric).split()) <= 3 and not _names_indicator(metric))):
        # a bare sector joins the subject before its comma: "Giá trị sản xuất công nghiệp, tiểu thủ công nghiệp"
        merged = merge_previous(sent, c)
        if merged:
            metric = merged + ", " + metric
    anchor = prev if prev is not None and (same_clause or continues(text, prev, c)) else None
    if c.unit.is_count:
        if via_cho and same_clause and prev.metric and \
                not sent.cues.represented.search(text, max(0, c.start - 40), c.start):
            c.metric = prev.metric
        elif not metric and same_clause and _range_end(sent, prev, c):
            c.metric = prev.metric      # "số hộ nghèo giảm từ 494 hộ xuống còn 247 hộ": the same count, later
        elif not metric and c.change_cue and anchor is not None:
            c.metric = None      # "tăng 13 tiêu chí so với 2015": the change of the count before
        elif not metric and c.change_cue and same_noun(done, c) is not None:
            anchor = same_noun(done, c)      # "12 vụ …; so với cùng kỳ giảm 3 vụ"
            c.metric = None
        else:
            c.metric = _count_metric(sent, c, metric, tail)
    elif not metric and tail and not c.baseline:
        tail = tail_after(sent, c, as_count=True) or tail   # "100% xã đạt chuẩn …"
        c.metric = metric_rules.clean(tail) or (None if metric_rules.names_nothing(tail) else tail)
    elif via_voi and same_clause and prev.metric:
        # "43 dự án … với tổng mức 14.434 tỷ đồng": the total of the things just counted
        c.metric = join_words(metric, prev.unit.noun if prev.unit.is_count else None) or prev.metric
    else:
        c.metric = join_words(metric, tail) if metric else None
    if metric_rules.starts_with_place(words):
        c.metric = _place_item(done, c) or _topic(sent, c) or c.metric
    if not c.metric and (anchor is None or not anchor.metric):
        c.metric = _before_bracket(sent, c)
    return anchor


def _before_bracket(sent: Sentence, c: Cand) -> str | None:
    """A figure alone in brackets measures the words before them: "Thu ngân sách trên địa bàn (tăng 57%)",
    "kinh tế duy trì và tăng trưởng khá (7,2%)"."""
    text = sent.text
    k = c.clause_start - 1
    if k < 0 or text[k] != "(":
        return None
    ps = clause_start(text, k)
    if ps >= k:
        return None
    words = blank_periods(text, ps, k, sent.mentions)
    metric = metric_rules.clean(words)
    if not metric or metric_rules.starts_with_place(words) or _NAME_ONLY.fullmatch(words.strip()):
        return None       # "sau Hà Nội (khoảng 63 tỷ USD)": a place compared, not what is measured
    c.ev_start = ps
    return metric


_NAME_ONLY = re.compile(rf"(?:\w+\s+)?{CAPITAL}[\w.’']*(?:\s+{CAPITAL}[\w.’']*)*")


def _topic(sent: Sentence, c: Cand) -> str | None:
    """The topic a list of places opens with ("Về tốc độ tăng trưởng kinh tế, huyện A đạt 11,2%")."""
    m = sent.cues.topic.search(sent.text, 0, c.clause_start)
    return metric_rules.clean(m.group("topic")) or None if m else None


def _range_end(sent: Sentence, prev: Cand, c: Cand) -> bool:
    """``c`` ends a movement "từ ``prev`` … xuống còn/lên ``c``" of the same counted thing."""
    return (prev.unit.is_count and prev.unit.noun == c.unit.noun and bool(prev.metric)
            and sent.cues.range_change.search(sent.text, 0, prev.start - (len(prev.approx) + 1 if prev.approx else 0))
            is not None)


def _place_item(done: list[Cand], c: Cand) -> str | None:
    """The metric of a list of places ("tốc độ tăng trưởng kinh tế huyện A đạt 12,89%; huyện B đạt 10,87%;
    huyện C đạt tăng trưởng 10,29%"): an item whose words are its place, or a part of the list's metric, measures
    what the sentence's last figure of the same unit measured."""
    mine = set((c.metric or "").casefold().split())
    for d in reversed(done):
        if d.unit.cls == c.unit.cls and d.unit.noun == c.unit.noun and d.metric and d.own_metric:
            return d.metric if mine <= set(d.metric.casefold().split()) else None
    return None


_NOT_AMOUNTS = frozenset({"percent", "points", "times", "count"})


def _same_amount_before(done: list[Cand], c: Cand) -> str | None:
    """An amount told with only its period ("…; 6 tháng đầu năm 2022 ước đạt 27.343 tỷ đồng") is of the
    last amount of its sentence in the same unit class: the list goes on with the same subject."""
    if c.unit.cls in _NOT_AMOUNTS or c.change_cue or c.baseline:
        return None       # "100% khu dân cư …": a rate's words come after it; a change is its anchor's
    for d in reversed(done):
        if d.kind == "value" and d.unit.cls == c.unit.cls and d.own_metric and d.metric:
            return d.metric
    return None


def _names_indicator(metric: str) -> bool:
    """A subject of three words or more that names an indicator ("tổng sản phẩm trên địa bàn") stands alone:
    the clause before its comma ("cơ cấu kinh tế chuyển dịch nhanh") is another statement, not its first half."""
    return len(metric.split()) >= 3 and metric_rules.canonical(metric) is not None


def _count_metric(sent: Sentence, c: Cand, metric: str, tail: str | None) -> str | None:
    """A count's metric: the counted noun and what follows it, after the verb of a flow."""
    noun = c.unit.noun or ""
    if len(metric.split()) > 10 or any(ch.isdigit() for ch in metric):
        metric = ""      # a long opening is the sentence's subject, not the counted thing
    metric = after_subject(metric)
    if sent.cues.represented.search(sent.text, max(0, c.start - 40), c.start):
        metric = ""      # "250 đảng viên đại diện cho 1.929 đảng viên trong Đảng bộ": the body represented
    if tail and len(tail.split()) >= 2 and metric and not sent.cues.count_opener.match(metric) \
            and not sent.cues.flow.search(metric):   # "kiểm tra 5 tổ chức đảng": the flow is the metric
        metric = ""      # "hoàn thiện 5 tiêu chí đô thị loại IV": the counted thing names the metric
    named = noun.casefold() in metric.casefold() or sent.cues.quantity_head.match(metric)
    return join_words(metric, None if named else noun, tail)


def _planned_thing(baseline: str, sent: Sentence) -> str | None:
    """What a plan named as a ratio's baseline plans: "kế hoạch giải ngân vốn đầu tư công năm 2023" ->
    "giải ngân vốn đầu tư công"; a bare plan ("kế hoạch", "dự toán tỉnh giao") names nothing."""
    words = baseline.split()
    low = [w.casefold() for w in words]
    plan = next((len(p.split()) for p in sent.cues.plan_words if low[:len(p.split())] == p.split()), 0)
    rest = " ".join(words[plan:]) if plan else ""
    rest = blank_periods(rest, 0, len(rest), find_periods(rest, Reference(None, None))).strip()
    rest = " ".join(w for w in rest.split() if not any(ch.isdigit() for ch in w))
    named = metric_rules.clean(rest) if len(rest.split()) >= 2 else ""
    return named if named and metric_rules.canonical(named) else None


def _counted(metric: str, cues: Cues) -> str:
    """The counted thing without its count opener: a rate of "tổng số hộ nghèo" is "tỷ lệ hộ nghèo"."""
    m = cues.count_opener.match(metric)
    rest = metric[m.end():].strip() if m else metric
    return rest or metric


def _inherit(c: Cand, anchor: Cand | None, cues: Cues) -> None:
    """A ratio or change with no words of its own belongs to the amount before it."""
    if anchor is not None and (not c.metric or metric_rules.is_generic(c.metric)):
        rate = c.metric if c.metric and c.unit.cls == "percent" and anchor.unit.is_count else None
        # "834 hộ nghèo/53.577 hộ, tỷ lệ 1,56%": the rate of what was counted, "tỷ lệ hộ nghèo"
        c.rate_of_count = bool(rate and anchor.metric and rate not in anchor.metric)
        c.metric = join_words(rate, _counted(anchor.metric, cues)) if c.rate_of_count else anchor.metric
        c.own_metric = False
        c.inherited_from = anchor
    elif not c.metric:
        c.own_metric = False
