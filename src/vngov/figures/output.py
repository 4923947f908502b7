"""From a described candidate to the :class:`~vngov.models.Figure` the export and the store keep."""
from __future__ import annotations

from vngov import metrics as metric_rules
from vngov.figures.candidates import Cand
from vngov.figures.clauses import evidence_bounds
from vngov.figures.kind import baseline_class
from vngov.models import Article, Figure
from vngov.periods import bounds


def to_figure(article: Article, s: int, text: str, c: Cand) -> Figure:
    base_value = c.num.value * c.unit.factor
    a, b = evidence_bounds(text, c)
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
        metric_id=_indicator(metric, c, text),
        period=c.period,
        period_start=period_start,
        period_end=period_end,
        baseline=c.baseline if c.kind in ("ratio", "change") else None,
        baseline_class=baseline_class(c.baseline) if c.kind in ("ratio", "change") else None,
        denominator=c.num.denominator,
        upper=c.num.high if c.num.is_range else None,
    )


def _indicator(metric: str | None, c: Cand, text: str) -> str | None:
    """The canonical indicator; a percentage level is read with the rate verb before it."""
    if c.unit.cls == "percent" and c.kind == "value":
        mid = metric_rules.rate_indicator(metric, c.pre, c.unit.cls)
        return metric_rules.share_level(mid, metric, c.pre) or mid     # "dịch vụ 41%": the sector's share
    mid = metric_rules.in_context(metric_rules.canonical(metric, c.unit.cls, c.unit.noun), metric,
                                  text[:c.start], c.unit.cls, c.unit.noun)
    if c.kind == "fraction":
        return metric_rules.fraction_part(mid)
    if c.unit.cls == "percent" and c.kind == "change":
        # "GRDP ước tăng 8,1% so với cùng kỳ": a percentage rise of an amount that has a growth indicator is it
        growth = metric_rules.rate_indicator(metric, c.pre, c.unit.cls)
        if growth and metric_rules.indicator(growth).parent == mid and growth.endswith("_growth"):
            return growth
        own = metric_rules.indicator(f"{mid}_growth") if mid else None
        if own is not None and own.parent == mid:
            return own.id       # "tổng sản phẩm trong tỉnh tăng 6,7%": GRDP growth, however GRDP is named
    return mid


def dedupe(figs: list[Figure], body: str) -> tuple[Figure, ...]:
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
