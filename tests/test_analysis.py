"""Analysis functions over the tables: selections, panels, targets, the tables behind charts."""
from __future__ import annotations

import pandas as pd
import pytest

from vngov import analysis as A
from vngov import store

KYANH, CANLOC = "thị xã Kỳ Anh", "huyện Can Lộc"


@pytest.mark.parametrize("value, text", [
    (8850.26, "8.850,26"), (1234567, "1.234.567"), (107.5, "107,5"), (0.125, "0,12"), (-3.0, "-3"),
    (None, ""), (float("nan"), ""), (pd.NA, ""), (350e9, "350.000.000.000"), (-0.001, "0"), (59740, "59.740"),
    (1234.5, "1.234,5"),
])
def test_fmt_number_has_one_fixed_form(value, text):
    assert A.fmt_number(value) == text


def test_present_numbers_rows_from_one_and_blanks_gaps():
    shown = A.present(pd.DataFrame({"a": [1.5, None], "b": ["x", None]}))
    assert list(shown.index) == [1, 2]
    assert shown.to_dict("list") == {"a": ["1,5", ""], "b": ["x", ""]}


def test_slug_is_ascii_and_keeps_levels_apart():
    assert A.slug("thị xã Kỳ Anh") == "thi-xa-ky-anh"
    assert A.slug("huyện Kỳ Anh") != A.slug("thị xã Kỳ Anh")
    assert A.slug("thành phố Đồng Hới") == "thanh-pho-dong-hoi"


def test_in_window_compares_iso_prefixes_inclusively():
    dates = pd.Series(["2022-12-31", "2023-01-01", "2023-12-31", None, "2024-01-01"])
    assert A.in_window(dates, "2023", "2023").tolist() == [False, True, True, False, False]
    assert A.in_window(dates, None, "2023-06").tolist() == [True, True, False, False, False]
    assert A.in_window(dates).tolist() == [True] * 5
    with pytest.raises(ValueError, match="ISO date"):
        A.in_window(dates, "31/12/2023")


def test_report_localities_and_periods(toy_tables):
    assert A.report_localities(toy_tables) == [CANLOC, KYANH]
    assert A.report_periods(toy_tables) == ["2022", "2023", "2022/2023"]
    assert A.default_locality(toy_tables) == KYANH  # most meetings
    assert A.default_period(toy_tables) == "2023"


def test_select_locality_keeps_only_its_meetings_figures_and_people(toy_tables):
    sel = A.select_locality(toy_tables, KYANH)
    assert set(sel["meetings"]["doc_id"]) == {"toy-a", "toy-b"}
    assert set(sel["figures"]["locality"]) == {KYANH} and len(sel["figures"]) == 5
    assert "Lê Văn Cường" not in set(sel["people"]["name"])
    windowed = A.select_locality(toy_tables, KYANH, start="2023")
    assert list(windowed["meetings"]["date"]) == ["2023-11-20"]
    assert set(windowed["people"]["doc_id"]) == {"toy-b"}


def test_select_period_uses_meeting_dates_and_figure_periods(toy_tables):
    sel = A.select_period(toy_tables, "2023")
    assert sorted(sel["meetings"]["date"]) == ["2023-11-20", "2023-12-01"]
    # a figure belongs to the year its period ends in: the 2022 half-year result is not a 2023 figure
    assert set(sel["figures"]["doc_id"]) == {"toy-b", "toy-c"}
    assert A.select_period(toy_tables, "2022-07")["meetings"]["doc_id"].tolist() == ["toy-a"]


def test_summary_counts(toy_tables):
    summary = A.summary(A.select_locality(toy_tables, KYANH)).set_index("what")["count"]
    assert summary["cuộc họp"] == "2" and summary["số liệu"] == "5"
    assert summary["người (số tên khác nhau)"] == "2" and summary["chức vụ (tên + chức vụ)"] == "3"


def test_meetings_table_is_sorted_and_shows_chair(toy_tables):
    shown = A.meetings_table(toy_tables["meetings"])
    assert list(shown["date"]) == ["2022-07-14", "2023-11-20", "2023-12-01"]
    assert list(shown["chair"]) == ["Nguyễn Văn An", "", "Lê Văn Cường"]


def test_offices_table_counts_articles_per_person_and_office(toy_tables):
    shown = A.offices_table(toy_tables["people"])
    an = shown[shown["name"] == "Nguyễn Văn An"].iloc[0]
    assert (an["role"], an["n_articles"], an["first_seen"], an["last_seen"]) == (
        "Bí thư Thị ủy", "2", "2022-07-14", "2023-11-20")
    assert (shown["name"] == "Trần Thị Bình").sum() == 2
    assert {"role_locality", "code", "province", "unit_2025"} <= set(shown.columns)   # the office's unit, coded


def test_an_offices_unit_carries_its_official_code_province_and_2025_unit():
    people = pd.DataFrame({"name": ["Lê Văn Hòa"], "role": ["Chủ tịch UBND thị xã Kỳ Anh"],
                           "role_locality": ["thị xã Kỳ Anh"], "doc_id": ["d"], "date": ["2023-11-20"]})
    row = A.offices_table(people).iloc[0]
    assert (row["role_locality"], row["code"], row["province"], row["unit_2025"]) == (
        "thị xã Kỳ Anh", "449", "tỉnh Hà Tĩnh", "tỉnh Hà Tĩnh")


def test_figures_table_keeps_the_number_as_written_and_its_evidence(toy_tables):
    shown = A.figures_table(toy_tables["figures"])
    row = shown[shown["value_written"] == "107,5"].iloc[0]
    assert row["evidence"] == "đạt 107,5% kế hoạch" and row["doc_id"] == "toy-b"
    assert list(shown.index) == list(range(1, len(shown) + 1))


def test_indicator_panel_keeps_latest_report_per_year(toy_tables):
    panel = A.indicator_panel(toy_tables["figures"])
    budget = panel[panel["metric"] == "budget_revenue"].set_index("year")
    assert budget.loc[2022, "value"] == 350e9 and budget.loc[2023, "value"] == 700e9
    assert set(panel["metric"]) == {"budget_revenue"}  # fractions and targets are not results


def test_target_tracking_pairs_a_year_result_and_keeps_a_half_year_as_progress(toy_tables):
    tracked = A.target_tracking(toy_tables["figures"])
    assert list(tracked.columns[:9]) == ["indicator", "locality", "target_period", "result_period", "target_value",
                                         "result_value", "unit", "achieved_pct", "status"]
    tracked = tracked.set_index("target_period")
    y2023 = tracked.loc["2023"]
    assert (y2023["target_value"], y2023["result_value"], y2023["unit"]) == (650, 700, "tỷ đồng")
    assert y2023["achieved_pct"] == pytest.approx(107.69, abs=0.01) and y2023["status"] == "reached"
    assert y2023["result_period"] == "2023" and y2023["result_doc"] == "toy-b"
    y2022 = tracked.loc["2022"]  # only the first half is reported: progress, never the year's result
    assert pd.isna(y2022["result_value"]) and pd.isna(y2022["achieved_pct"]) and y2022["status"] == "in progress"
    assert (y2022["progress_period"], y2022["progress_value"]) == ("2022-01/2022-06", 350)
    assert y2022["progress_pct"] == pytest.approx(58.33, abs=0.01)


def _target(year, value, **kw):
    return {**_revenue(year, value, str(year), doc="t"), "status": "target", "period_start": f"{year}-01-01",
            "period_end": f"{year}-12-31", "date": f"{year - 1}-12-20", **kw}


def _result(year, value, **kw):
    return {**_revenue(year, value, str(year), doc="r"), "period_start": f"{year}-01-01",
            "period_end": f"{year}-12-31", "date": f"{year}-12-18", **kw}


def test_a_target_meets_only_the_same_indicator_unit_class_place_and_year(toy_tables):
    figs = _figure_rows(toy_tables, [
        _target(2022, 245), _result(2022, 258.4),
        _result(2022, 61870, metric_id="industrial_output"),           # another indicator
        _result(2022, 250, base_unit="%", unit="%", base_value=250),  # another unit class
        _result(2022, 260, locality=CANLOC),                           # another place
        _result(2023, 300),                                            # another year
    ])
    row = A.target_tracking(figs).iloc[0]
    assert (row["result_value"], row["status"], row["achieved_pct"]) == (258.4, "reached", 105.47)


def test_a_term_target_meets_its_end_year_and_a_mid_year_year_figure_is_progress(toy_tables):
    term = {**_target(2025, 85), "period_start": "2021-01-01", "period_end": "2025-12-31"}
    early = _result(2025, 40, date="2025-07-10")  # a "2025" figure written in July covers January to July
    figs = _figure_rows(toy_tables, [term, early])
    row = A.target_tracking(figs).iloc[0]
    assert row["target_period"] == "2025" and row["status"] == "in progress"
    assert row["progress_period"] == "2025-01/2025-07" and pd.isna(row["result_period"])
    late = _result(2025, 90, date="2026-01-05")
    row = A.target_tracking(_figure_rows(toy_tables, [term, early, late])).iloc[0]
    assert (row["result_period"], row["result_value"], row["status"]) == ("2025", 90, "reached")


def test_an_implausible_result_is_another_quantity_and_not_paired(toy_tables):
    figs = _figure_rows(toy_tables, [_target(2022, 240), _result(2022, 70400)])  # 29 333 %: a misread
    row = A.target_tracking(figs).iloc[0]
    assert row["status"] == "not yet reported" and pd.isna(row["result_value"])


def test_less_is_better_for_a_poverty_rate(toy_tables):
    rate = {"metric_id": "poverty_rate", "unit": "%", "base_unit": "%"}
    figs = _figure_rows(toy_tables, [_target(2022, 2.0, base_value=2.0, **rate),
                                     _result(2022, 1.8, base_value=1.8, **rate)])
    assert A.target_tracking(figs).iloc[0]["status"] == "reached"


def test_sample_store_tracks_targets_against_later_articles(sample_tables):
    tracked = sample_tables["target_tracking"]
    paired = tracked[tracked["result_value"].notna()]
    later = paired[paired["target_doc"] != paired["result_doc"]]
    assert len(later) >= 3
    assert (paired["target_period"] == paired["result_period"]).all()
    assert paired["achieved_pct"].between(5, 500).all()
    assert set(tracked["status"]) <= {"reached", "missed", "in progress", "not yet reported"}
    progress = tracked[tracked["status"] == "in progress"]
    assert progress["result_value"].isna().all() and progress["progress_period"].notna().all()


def test_plan_ratios_lists_stated_achievement(toy_tables):
    ratios = A.plan_ratios(toy_tables["figures"])
    assert ratios[["doc_id", "value", "baseline"]].values.tolist() == [["toy-b", "107,5", "kế hoạch"]]


def test_meetings_over_time_by_month_or_year(toy_tables):
    months = A.meetings_over_time(toy_tables["meetings"][toy_tables["meetings"]["date"] >= "2023"])
    assert months.to_dict("list") == {"period": ["2023-11", "2023-12"], "meetings": [1, 1]}
    long = A.meetings_over_time(toy_tables["meetings"], max_months=6)
    assert long.to_dict("list") == {"period": ["2022", "2023"], "meetings": [1, 2]}
    assert A.meetings_over_time(toy_tables["meetings"].iloc[0:0]).empty


def test_count_by_orders_by_count_then_name(toy_tables):
    counts = A.count_by(toy_tables["meetings"], "locality")
    assert counts.values.tolist() == [[KYANH, 2], [CANLOC, 1]]
    assert len(A.count_by(toy_tables["meetings"], "locality", top=1)) == 1


def test_figures_by_status(toy_tables):
    table = A.figures_by_status(toy_tables["figures"])
    assert table.values.tolist() == [["actual", "fraction", 1], ["actual", "value", 1],
                                     ["estimate", "ratio", 1], ["estimate", "value", 1], ["target", "value", 2]]


def test_sample_store_evidence_is_the_article_text_at_its_offsets(sample_tables):
    for table in ("figures", "meetings"):
        frame = sample_tables[table]
        for row in frame.index[:: max(1, len(frame) // 25)]:
            check = store.check_evidence(sample_tables, table, row)
            assert check["matches"], check


def test_officials_table_filters_by_locality_and_survives_absence(toy_tables):
    assert A.officials_table(toy_tables).empty  # no registry in the toy store
    officials = pd.DataFrame({"name": ["B", "A", "C"], "office": ["bí thư", "chủ tịch", "bí thư"],
                              "locality": [KYANH, KYANH, CANLOC], "first_seen": ["2022", "2023", "2023"],
                              "last_seen": ["2023", "2023", "2023"], "n_articles": [2, 1, 1]})
    shown = A.officials_table({**toy_tables, "officials": officials}, KYANH)
    assert list(shown["name"]) == ["A", "B"] and list(shown["n_articles"]) == ["1", "2"]


def test_present_writes_years_and_offsets_plainly_but_measures_with_separators():
    frame = pd.DataFrame({"year": pd.array([2024, None], dtype="Int64"), "value": [350e9, 8850.26]})
    shown = A.present(frame)
    assert shown["year"].tolist() == ["2024", ""] and shown["value"].tolist() == ["350.000.000.000", "8.850,26"]


def test_report_localities_sort_as_a_reader_expects(toy_tables):
    meetings = toy_tables["meetings"].copy()
    meetings["locality"] = ["huyện Đức Thọ", "huyện Kỳ Anh", "huyện Can Lộc"]
    names = A.report_localities({**toy_tables, "meetings": meetings, "figures": toy_tables["figures"].iloc[0:0]})
    assert names == ["huyện Can Lộc", "huyện Đức Thọ", "huyện Kỳ Anh"]


def test_a_place_named_by_one_figure_gets_no_report_but_one_with_several_does(toy_tables):
    figures = toy_tables["figures"].iloc[[0]].copy()
    many = pd.concat([figures] * A.MIN_FIGURES_FOR_REPORT, ignore_index=True)
    many["locality"] = "xã Kỳ Châu"
    one = figures.assign(locality="xã Kỳ Ninh")
    tables = {**toy_tables, "figures": pd.concat([toy_tables["figures"], many, one], ignore_index=True)}
    names = A.report_localities(tables)
    assert "xã Kỳ Châu" in names and "xã Kỳ Ninh" not in names


def test_a_year_only_targets_point_to_gets_no_period_report(toy_tables):
    target = toy_tables["figures"].iloc[[0]].assign(status="target", year=2030, period_end="2030-12-31")
    reached = toy_tables["figures"].iloc[[0] * A.MIN_FIGURES_FOR_REPORT].assign(
        status="actual", year=2019, period_start="2019-01-01", period_end="2019-12-31")
    tables = {**toy_tables, "figures": pd.concat([toy_tables["figures"], target, reached], ignore_index=True)}
    periods = A.report_periods(tables)
    assert "2030" not in periods and "2019" in periods


def test_halves_and_quarters_reported_as_such_get_period_reports(toy_tables):
    assert A.report_periods(toy_tables) == ["2022", "2023", "2022/2023"]  # one half-year figure: no page
    halves = toy_tables["figures"].iloc[[0] * A.MIN_FIGURES_FOR_REPORT]
    tables = {**toy_tables, "figures": pd.concat([toy_tables["figures"], halves], ignore_index=True)}
    assert A.report_periods(tables) == ["2022-H1", "2022", "2023", "2022/2023"]
    sel = A.select_period(tables, "2022-h1")
    assert set(sel["figures"]["period_end"]) == {"2022-06-30"} and list(sel["meetings"]["date"]) == []


def _figure_rows(toy_tables, rows):
    """Copies of the first toy figure with the given fields changed, one per dict in ``rows``."""
    base = toy_tables["figures"].iloc[[0]]
    return pd.concat([base.assign(**r) for r in rows], ignore_index=True)


def _revenue(year, value, period, locality=KYANH, doc="d"):
    first, _, last = period.partition("/")
    last = last or first
    end = {"06": "30", "09": "30", "03": "31", "12": "31"}.get(last[5:7], "31")
    return {"kind": "value", "status": "actual", "metric_id": "budget_revenue", "metric": "thu ngân sách",
            "unit": "tỷ đồng", "value": value, "base_unit": "VND", "base_value": value * 1e9, "year": year,
            "period": period, "period_start": f"{first[:7]}-01" if len(first) > 4 else f"{first}-01-01",
            "period_end": f"{last[:7]}-{end}" if len(last) > 4 else f"{last}-12-31", "date": f"{year}-12-20",
            "evidence": f"thu ngân sách đạt {value} tỷ đồng", "locality": locality, "doc_id": f"{doc}{year}",
            "start": 0}


def test_trends_keep_indicators_seen_in_two_years_in_press_units_and_flag_part_years(toy_tables):
    figs = _figure_rows(toy_tables, [_revenue(2022, 132.6, "2022-01/2022-06"), _revenue(2023, 268.9, "2023"),
                                     {**_revenue(2023, 5.0, "2023"), "metric_id": "ocop_products",
                                      "unit": "sản phẩm", "base_unit": "sản phẩm", "base_value": 5.0}])
    trends = A.indicator_trends(figs)
    assert trends["metric"].unique().tolist() == ["budget_revenue"]  # one year only: no trend
    assert trends["unit"].unique().tolist() == ["tỷ đồng"]
    assert trends["value"].tolist() == [132.6, 268.9]
    assert trends["label"].tolist() == ["2022 (1–6)", "2023"]
    assert trends["part_year"].tolist() == [True, False]


def test_an_addition_is_never_charted_with_totals(toy_tables):
    ocop = {"metric_id": "ocop_products", "unit": "sản phẩm", "base_unit": "sản phẩm"}
    figs = _figure_rows(toy_tables, [{**_revenue(2023, 30.0, "2023"), **ocop, "base_value": 30.0,
                                      "evidence": "Huyện có 30 sản phẩm OCOP"},
                                     {**_revenue(2024, 6.0, "2024"), **ocop, "base_value": 6.0,
                                      "evidence": "Toàn huyện có thêm 6 sản phẩm OCOP"}])
    assert A.indicator_panel(figs)["value"].tolist() == [30.0]
    assert A.indicator_trends(figs).empty  # one total left: no trend to draw


def test_comparison_needs_two_places_and_labels_a_half_year_value(toy_tables):
    figs = _figure_rows(toy_tables, [_revenue(2023, 268.9, "2023", KYANH), _revenue(2023, 163.2, "2023-01/2023-06", CANLOC),
                                     {**_revenue(2023, 30.0, "2023", KYANH), "metric_id": "ocop_products",
                                      "unit": "sản phẩm", "base_unit": "sản phẩm", "base_value": 30.0}])
    cmp = A.locality_comparison(figs)
    assert set(cmp["metric"]) == {"budget_revenue"}
    assert dict(zip(cmp["locality"], cmp["label"])) == {CANLOC: f"{CANLOC} (1–6)", KYANH: KYANH}
    assert sorted(cmp["value"]) == [163.2, 268.9]
    years = _figure_rows(toy_tables, [_revenue(2022, 250.0, "2022", KYANH), _revenue(2024, 300.0, "2024", CANLOC)])
    labels = dict(zip(*[A.locality_comparison(years)[c] for c in ("locality", "label")]))
    assert labels == {KYANH: f"{KYANH} 2022", CANLOC: f"{CANLOC} 2024"}    # latest reports of different years


def test_display_units_follow_the_units_lexicon():
    panel = pd.DataFrame({"unit": ["VND", "kg", "kg/ha", "%", "xã"], "value": [8.85026e12, 57198800.0, 5450.0, 8.1, 20.0]})
    shown = A.in_display_units(panel)
    assert shown["unit"].tolist() == ["tỷ đồng", "tấn", "tạ/ha", "%", "xã"]
    assert shown["value"].tolist() == [8850.26, 57198.8, 54.5, 8.1, 20.0]


def test_a_figure_without_period_written_mid_year_is_the_year_so_far(toy_tables):
    figs = _figure_rows(toy_tables, [{**_revenue(2021, 126.0, "2021"), "metric_id": "new_party_members"},
                                     {**_revenue(2022, 46.0, "2022"), "metric_id": "new_party_members",
                                      "period_start": None, "period_end": None, "date": "2022-07-14"}])
    trends = A.indicator_trends(figs)
    assert trends["label"].tolist() == ["2021", "2022 (1–7)"] and trends["part_year"].tolist() == [False, True]


def test_every_row_shown_names_its_article_by_title_date_source_and_link(sample_tables):
    figs = sample_tables["figures"]
    shown = A.figures_table(figs, sample_tables["articles"])
    assert {"article", "published", "source", "link"} <= set(shown.columns) and "doc_id" not in shown
    kyanh = shown[shown["locality"] == "thị xã Kỳ Anh"].iloc[0]  # every locality with its code and 2025 unit
    assert (kyanh["code"], kyanh["province"], kyanh["unit_2025"]) == ("449", "tỉnh Hà Tĩnh", "tỉnh Hà Tĩnh")
    assert (shown["article"] != "").all() and (shown["link"] != "").all()
    assert shown["link"].str.startswith(("http", "data/sample/", "/")).all()
    trends = A.indicator_trends(A.select_locality(sample_tables, "thị xã Kỳ Anh")["figures"])
    table = A.chart_table(trends, sample_tables["articles"])
    assert "Thu ngân sách nhà nước (budget_revenue)" in set(table["metric"]) and "59.740" in set(table["value"])


def test_places_carry_code_province_and_the_unit_after_2025(sample_tables):
    places = A.places(A.select_period(sample_tables, "2023")).set_index("locality")
    assert places.loc["huyện Bố Trạch", "code"] == "455" and places.loc["huyện Bố Trạch", "province"] == "tỉnh Quảng Bình"
    assert places.loc["huyện Bố Trạch", "unit_2025"] == "tỉnh Quảng Trị"  # districts abolished; Quảng Bình merged
    assert places.loc["thị xã Kỳ Anh", "unit_2025"] == "tỉnh Hà Tĩnh"
    assert places[["latitude", "longitude"]].notna().all().all()


def test_charts_compare_canonical_indicators_only_and_maps_shade_like_with_like(toy_tables):
    figs = _figure_rows(toy_tables, [_revenue(2022, 100.0, "2022"), _revenue(2023, 120.0, "2023"),
                                     {**_revenue(2022, 9.0, "2022"), "metric_id": None, "metric": "nâng tổng số"},
                                     {**_revenue(2023, 12.0, "2023"), "metric_id": None, "metric": "nâng tổng số"}])
    assert set(A.indicator_trends(figs)["metric"]) == {"budget_revenue"}
    comparison = pd.DataFrame({"metric": ["budget_revenue"] * 3, "unit": ["tỷ đồng"] * 3, "value": [15480.0, 236.5, 285.4],
                               "locality": ["tỉnh Hà Tĩnh", KYANH, CANLOC]})
    places = pd.DataFrame({"locality": ["tỉnh Hà Tĩnh", KYANH, CANLOC]})
    shaded, metric, unit = A.map_indicator(places, comparison)
    assert (metric, unit) == ("budget_revenue", "tỷ đồng")
    assert pd.isna(shaded.loc[0, "value"]) and shaded["value"].tolist()[1:] == [236.5, 285.4]


def test_a_target_rounded_in_a_title_is_one_target_with_the_body_s_precise_value(toy_tables):
    figs = _figure_rows(toy_tables, [_target(2022, 8210), _target(2022, 8210.7), _target(2022, 9000),
                                     _result(2022, 8300)])
    tracked = A.target_tracking(figs)
    assert sorted(tracked["target_value"]) == [8210.7, 9000]


def test_a_terms_total_is_no_years_level_but_a_yearly_level_reviewed_over_a_term_is_the_final_years():
    admitted = {**_revenue(2020, 742, "2015/2020"), "metric_id": "new_party_members", "metric": "kết nạp đảng viên",
                "unit": "đảng viên", "base_unit": None, "base_value": None, "evidence": "kết nạp 742 đảng viên"}
    income = {**_revenue(2020, 52, "2015/2020"), "metric_id": "per_capita_income", "metric": "thu nhập bình quân",
              "evidence": "thu nhập bình quân đầu người đạt 52 triệu đồng"}
    panel = A.indicator_panel(pd.DataFrame([admitted, income, _revenue(2020, 90, "2020")]))
    assert set(panel["metric"]) == {"per_capita_income", "budget_revenue"}


def test_per_capita_income_written_in_millions_is_drawn_per_person_per_year(toy_tables):
    income = {"metric_id": "per_capita_income", "metric": "thu nhập bình quân đầu người"}
    figs = _figure_rows(toy_tables, [
        {**_result(2020, 56), **income, "unit": "triệu đồng", "base_unit": "VND", "base_value": 56e6},
        {**_result(2023, 74.5), **income, "unit": "triệu đồng/người/năm", "base_unit": "VND/người/năm",
         "base_value": 74.5e6},
    ])
    shown = A.in_display_units(A.indicator_panel(figs))
    assert set(shown["unit"]) == {"triệu đồng/người/năm"}
    assert sorted(shown["value"]) == [56, 74.5]
    assert A.canonical_base("budget_revenue", "VND") == "VND"     # an amount keeps its own unit
