"""Charts that cannot mislead: Vietnamese numbers, one indicator and unit per panel, part years apart."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

from vngov import charts  # noqa: E402


def test_bar_chart_draws_every_row_and_survives_no_data():
    table = pd.DataFrame({"locality": ["thị xã Kỳ Anh", "huyện Can Lộc"], "count": [3, 1]})
    fig = charts.bar_chart(table, "locality", "count", "Meetings")
    bars = fig.axes[0].patches
    assert sorted(b.get_width() for b in bars) == [1, 3]  # horizontal: long place names
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["huyện Can Lộc", "thị xã Kỳ Anh"]
    months = pd.DataFrame({"period": ["2023-11", "2023-12"], "meetings": [0, 2]})
    assert [b.get_height() for b in charts.bar_chart(months, "period", "meetings", "t").axes[0].patches] == [0, 2]
    empty = charts.bar_chart(months.iloc[0:0], "period", "meetings", "t")
    assert [t.get_text() for t in empty.axes[0].texts] == ["không có số liệu"]


def _trend():
    return pd.DataFrame({"metric": ["budget_revenue", "budget_revenue", "an unknown $ phrase"],
                         "unit": ["tỷ đồng", "tỷ đồng", "%"], "label": ["2022 (1–6)", "2023", "2023"],
                         "value": [59740.0, 61870.5, 8.1], "part_year": [True, False, False]})


def test_indicator_bars_one_panel_per_indicator_named_in_vietnamese_id_second():
    fig = charts.indicator_bars(_trend(), "label", "t")
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == ["Thu ngân sách nhà nước (budget_revenue)", r"An unknown \$ phrase"]
    assert [t.get_text() for t in visible[0].get_xticklabels()] == ["2022 (1–6)", "2023"]
    assert visible[0].get_ylabel() == "tỷ đồng" and visible[1].get_ylabel() == "%"


def test_numbers_on_bars_and_axes_are_written_the_vietnamese_way():
    fig = charts.indicator_bars(_trend(), "label", "t")
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.texts]
    assert labels == ["59.740", "61.870,5"]
    fig.canvas.draw()
    ticks = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert "60.000" in ticks and not any("," in t and "." not in t and len(t) > 4 for t in ticks)


def test_a_part_year_bar_is_hatched_and_lighter():
    ax = charts.indicator_bars(_trend(), "label", "t").axes[0]
    half, year = ax.patches[0], ax.patches[1]
    assert half.get_hatch() and not year.get_hatch()
    assert half.get_facecolor() != year.get_facecolor()


def test_place_map_draws_a_dot_per_place_with_coordinates():
    places = pd.DataFrame({"locality": ["thị xã Kỳ Anh", "huyện Can Lộc", "xã Không Rõ"],
                           "latitude": [18.07, 18.45, None], "longitude": [106.29, 105.71, None],
                           "n_items": [10, 3, 1], "value": [62.4, None, None]})
    fig = charts.place_map(places, "value", "triệu đồng/người/năm", "Bản đồ")
    ax = fig.axes[0]
    assert len(ax.collections[0].get_offsets()) == 2
    assert sorted(t.get_text() for t in ax.texts) == ["huyện Can Lộc", "thị xã Kỳ Anh"]
