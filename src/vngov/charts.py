"""The report charts: matplotlib figures that cannot mislead a reader of the provincial press.

Rules every chart here follows, because a chart is read faster than its table:

* **Numbers the Vietnamese way**: axis ticks and bar labels as ``59.740`` and
  ``1.234,5`` (:func:`vngov.analysis.fmt_number`), never ``60000`` or ``6e4``.
* **One indicator, one unit per axes**: tỷ đồng and % never share a scale.
* **Part-year bars are drawn apart**: hatched and lighter, their label carries the
  months (``2022 (1–6)``), so a half-year is never read as a fall from a year.
* **Text is text**: ``$`` in a name or unit is escaped, not read as math.

Every function returns a closed figure for ``display()``; the notebook shows the same
numbers as a text table under it (nbval compares text, not images).
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from vngov.analysis import fmt_number

BAR = "#2f5d8a"
PART = "#a9c1d9"
HATCH = "///"


def setup() -> None:
    """Chart settings every report shares (so the baselines do not depend on a user's rc)."""
    import matplotlib

    matplotlib.rcParams.update({"figure.figsize": (10, 4), "figure.dpi": 90, "font.family": "DejaVu Sans",
                                "font.size": 11, "svg.hashsalt": "vngov", "axes.grid": True, "grid.alpha": 0.3,
                                "axes.spines.top": False, "axes.spines.right": False})


def escape(text: Any) -> str:
    """Chart text as written: ``$`` would switch matplotlib to math mode."""
    return str(text).replace("$", r"\$")


def vi_formatter():
    """An axis formatter writing ticks the Vietnamese way (``60.000``, ``2,5``)."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: fmt_number(v))


def indicator_title(key: str) -> str:
    """"Thu ngân sách (budget_revenue)": the Vietnamese name first, the id secondary."""
    from vngov.metrics import label

    text = label(str(key))
    return text[:1].upper() + text[1:]


def _no_data(ax, note: str) -> None:
    ax.text(0.5, 0.5, note, ha="center", va="center", transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


def bar_chart(table: pd.DataFrame, label: str, value: str, title: str, ylabel: str | None = None):
    """Bars of ``table[value]`` by ``table[label]``: horizontal for long labels (place names,
    first row on top), whole-number ticks for counts, "không có số liệu" when empty."""
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    labels = [escape(v) for v in table[label]] if len(table) else []
    values = [float(v) for v in table[value]] if len(table) else []
    horizontal = any(len(v) > 8 for v in labels)
    height = max(2.8, 0.4 * len(labels) + 1.4) if horizontal else 4
    fig, ax = plt.subplots(figsize=(10, height))
    axis = ax.xaxis if horizontal else ax.yaxis
    if not labels:
        _no_data(ax, "không có số liệu")
    elif horizontal:
        ax.barh(labels[::-1], values[::-1], color=BAR)
        ax.set_xlabel(escape(ylabel or value))
    else:
        ax.bar(labels, values, color=BAR)
        ax.set_ylabel(escape(ylabel or value))
        if len(labels) > 12:
            ax.tick_params(axis="x", labelrotation=90)
    if labels:
        axis.set_major_locator(MaxNLocator(integer=True))
        axis.set_major_formatter(vi_formatter())
    ax.set_title(escape(title))
    fig.tight_layout()
    plt.close(fig)
    return fig


def indicator_bars(table: pd.DataFrame, x: str, title: str, horizontal: bool = False):
    """One panel per indicator and unit (columns ``metric``, ``unit``, ``value``, ``part_year``
    and ``x``), values written on the bars; part-year bars hatched and lighter."""
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    groups = list(table.groupby(["metric", "unit"], sort=False)) if len(table) else []
    cols = 2 if len(groups) > 1 else 1
    rows = max((len(groups) + cols - 1) // cols, 1)
    fig, axes = plt.subplots(rows, cols, figsize=(11, 3.6 * rows + 0.8), squeeze=False)
    for ax in axes.flat[len(groups):]:
        ax.set_visible(False)
    if not groups:
        axes[0][0].set_visible(True)
        _no_data(axes[0][0], "không có chỉ tiêu nào được báo cáo đủ để vẽ")
    for ax, ((metric, unit), part) in zip(axes.flat, groups):
        _indicator_panel(ax, part, x, str(metric), str(unit), horizontal)
    if any(bool(p) for p in table.get("part_year", [])):
        fig.legend(handles=[Patch(facecolor=BAR, label="cả năm"),
                            Patch(facecolor=PART, hatch=HATCH, edgecolor=BAR, label="một phần năm (tháng ghi trong nhãn)")],
                   loc="lower center", ncol=2, frameon=False)
    fig.suptitle(escape(title))
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    plt.close(fig)
    return fig


def _indicator_panel(ax, part: pd.DataFrame, x: str, metric: str, unit: str, horizontal: bool) -> None:
    labels = [escape(v) for v in part[x]]
    values = [float(v) for v in part["value"]]
    partial = [bool(v) for v in part.get("part_year", [False] * len(part))]
    colors = [PART if p else BAR for p in partial]
    hatches = [HATCH if p else "" for p in partial]
    if horizontal:
        bars = ax.barh(labels[::-1], values[::-1], color=colors[::-1], edgecolor=BAR)
        for bar, h in zip(bars, hatches[::-1]):
            bar.set_hatch(h)
        ax.xaxis.set_major_formatter(vi_formatter())
        ax.set_xlabel(escape(unit))
    else:
        bars = ax.bar(labels, values, color=colors, edgecolor=BAR)
        for bar, h in zip(bars, hatches):
            bar.set_hatch(h)
        ax.yaxis.set_major_formatter(vi_formatter())
        ax.set_ylabel(escape(unit))
    ax.bar_label(bars, labels=[fmt_number(v) for v in (values[::-1] if horizontal else values)], fontsize=9,
                 padding=2)
    ax.margins(x=0.15) if horizontal else ax.margins(y=0.15)
    ax.set_title(escape(indicator_title(metric)), fontsize=11)


def _label_positions(lon: list[float], lat: list[float], gap: float, reach: float) -> list[float]:
    """The latitude each dot's name is written at: its own, or — when a name already written
    within ``reach`` degrees of longitude sits less than ``gap`` above — pushed down below it,
    so neighbours (huyện and thị xã Kỳ Anh; Can Lộc and Hồng Lĩnh) never print over each other."""
    order = sorted(range(len(lat)), key=lambda i: -lat[i])
    placed: list[tuple[float, float]] = []
    out = [0.0] * len(lat)
    for i in order:
        y = lat[i]
        for x0, y0 in sorted(placed, key=lambda p: -p[1]):
            if abs(lon[i] - x0) < reach and y > y0 - gap:
                y = min(y, y0 - gap)
        out[i] = y
        placed.append((lon[i], y))
    return out


def place_map(places: pd.DataFrame, value: str | None, unit: str | None, title: str):
    """Where the places are (longitude, latitude from the gazetteer), each dot sized by how
    much the articles report there and shaded by ``value`` (an indicator, in ``unit``) when given;
    names beside the dots.  No outlines: no offline boundary data ships with the registries' packages."""
    import matplotlib.pyplot as plt

    pts = places.dropna(subset=["latitude", "longitude"]) if len(places) else places
    fig, ax = plt.subplots(figsize=(10, 7))
    if not len(pts):
        _no_data(ax, "không có tọa độ")
    else:
        size = 60 + 40 * pts["n_items"].astype(float).clip(upper=30)
        shade = pts[value].astype(float) if value and value in pts else None
        ax.scatter(pts["longitude"], pts["latitude"], s=size, c="#d9d9d9", edgecolors="#333333", linewidths=0.6)
        if shade is not None and shade.notna().any():  # NaN would hide a dot: unshaded ones stay grey
            known = shade.notna()
            sc = ax.scatter(pts["longitude"][known], pts["latitude"][known], s=size[known], c=shade[known],
                            cmap="YlGnBu", edgecolors="#333333", linewidths=0.6)
            bar = fig.colorbar(sc, ax=ax, shrink=0.7)
            bar.set_label(escape(unit or value))
            bar.formatter = vi_formatter()
            bar.update_ticks()
        lon, lat = pts["longitude"].astype(float).tolist(), pts["latitude"].astype(float).tolist()
        span = max(max(lat) - min(lat), 0.5)
        for name, x, y, ly in zip(pts["locality"], lon, lat, _label_positions(lon, lat, span * 0.045, span * 0.5)):
            moved = abs(ly - y) > 1e-9
            ax.annotate(escape(name), (x, y), xytext=(x + span * 0.04, ly), textcoords="data", fontsize=9,
                        va="center", arrowprops={"arrowstyle": "-", "color": "#888888", "lw": 0.6} if moved else None)
        ax.set_aspect("equal", adjustable="datalim")
        ax.margins(0.15)
        ax.xaxis.set_major_formatter(vi_formatter())
        ax.yaxis.set_major_formatter(vi_formatter())
        ax.set_xlabel("kinh độ")
        ax.set_ylabel("vĩ độ")
    ax.set_title(escape(title))
    fig.tight_layout()
    plt.close(fig)
    return fig
