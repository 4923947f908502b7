"""Kind and baseline: a value, a ratio of a baseline, a change against one, or a fraction."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vngov import metrics as metric_rules
from vngov.figures.cues import Cues, load_cues

if TYPE_CHECKING:
    from vngov.figures.candidates import Cand


_BANG = re.compile(r"(?<![\w])bằng(?:\s+(?:khoảng|gần|hơn))?\s*$", re.I)


_FROM = re.compile(r"(?<![\w])từ\s*$", re.I)


_PERIOD_OR_PLAN = re.compile(r"(?:năm|cùng kỳ|giai đoạn|kế hoạch|KH|dự toán)(?![\w])", re.I)


def baseline_of(text: str, c: Cand, cues: Cues) -> None:
    """The baseline written after the unit: "so với cùng kỳ", "kế hoạch tỉnh giao"."""
    if c.num.is_fraction:
        return
    rest_start = c.end
    m = cues.base_lead.match(text, rest_start)
    if m and (m.group().strip().casefold() != "trên" or c.unit.cls == "percent"):
        b0 = m.end()
    elif c.unit.cls in ("percent", "times") or c.change_cue:
        if _FROM.search(c.pre) or cues.range_change.search(c.pre):
            return      # "tăng từ 6,67% năm 2016 lên 6,72%": the start's own year, not a baseline
        m = cues.base_direct.match(text, rest_start)
        if not m:
            return
        b0 = m.end()
        if c.unit.cls not in ("percent", "times") and not _PERIOD_OR_PLAN.match(text, b0):
            return      # "gấp 1,16 lần bình quân cả nước": any plan or period word after a multiple
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


def kind_of(c: Cand, anchor: Cand | None, cues: Cues) -> None:
    if c.num.is_fraction:
        c.kind = "fraction"
        return
    if cues.level_after.search(c.pre):
        c.kind = "value"     # "giảm 4,15%, còn 9,8%": the level reached
        return
    if c.num.is_range and cues.range_change.search(c.pre):
        c.kind = "change"    # "giá trị sản xuất tăng từ 8,5% - 9%"
        return
    growth = metric_rules.is_growth(c.metric, cues.growth) or metric_rules.is_growth(c.pre[-20:], cues.growth)
    if c.unit.cls == "times" and c.baseline and not c.change_cue and _BANG.search(c.pre):
        c.kind = "ratio"     # "bằng 1,2 lần cùng kỳ"
        return
    if c.change_cue or (c.unit.cls == "times" and c.baseline):
        c.kind = "value" if growth and not c.baseline else "change"
        return
    if c.unit.cls == "percent":
        if c.baseline and growth and baseline_class(c.baseline) == "period":
            c.kind = "change"    # "tăng trưởng bình quân 17,1% so với năm 2020": growth against a year
            return
        if c.baseline:
            c.kind = "ratio"
            return
        if anchor is not None and not c.own_metric:
            # "118/153 thôn …, đạt 77,1%": the fraction's own rate; "được 12,38 tỷ đồng, đạt 53,83%":
            # a share of the amount's plan; after a percentage, the same kind as it
            if anchor.kind == "fraction" or c.rate_of_count:
                c.kind = "value"
            elif anchor.unit.cls != "percent":
                c.kind = "ratio"
            else:
                c.kind = anchor.kind
            return
        if anchor is not None and c.own_metric and not c.ratio_cue and anchor.kind == "change" \
                and anchor.unit.cls == "percent" and not cues.share_verb.search(c.pre[-12:]):
            c.kind = "change"   # "công nghiệp tăng 12,6%, dịch vụ 8,2%": a list of changes
            return
        if c.metric and not growth and not cues.rate_word.match(c.metric) and not cues.moves.search(c.pre[-25:]) \
                and _names_an_amount(c.metric):
            c.kind = "ratio"    # "chi ngân sách gần 89%", "giá trị sản xuất khu vực dịch vụ đạt 76%": of the plan
            return
    c.kind = "value"


def _names_an_amount(metric: str) -> bool:
    """The metric names an indicator that is an amount (money, tonnes, hectares), so a bare percentage of it is
    a share of a baseline left unsaid, not its level."""
    mid = metric_rules.canonical(metric, "percent")
    ind = metric_rules.indicator(mid) if mid else None
    return ind is not None and "percent" not in ind.unit_class and bool(_AMOUNTS.intersection(ind.unit_class))


_AMOUNTS = frozenset({"money", "mass", "area", "volume"})


def baseline_class(b: str | None) -> str | None:
    if not b:
        return None
    key = b.casefold()
    return "plan" if any(w in key.split() or w in key for w in load_cues().plan_words) else "period"
