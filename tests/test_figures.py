"""Figures and targets from report sentences (vngov.figures).

The sentences are written for these tests in the style of district reports.
"""
import pytest

from vngov.corpus import parse_text
from vngov.figures import extract_figures
from vngov.models import DocContext


def figs(body: str, meeting_date: str | None = "2023-07-12", published: str | None = None):
    article = parse_text("t", "Tiêu đề bài viết về kỳ họp\n\n" + body, "t.txt", published=published)
    year = int((meeting_date or published or "0")[:4]) or None
    ctx = DocContext("t", published=published, meeting_date=meeting_date, year=year)
    return extract_figures(article, ctx)


def congress_figs(title: str, body: str, meeting_date: str, kind: str = "đại hội"):
    """Figures of an article reporting a meeting of ``kind`` (a congress by default) on ``meeting_date``."""
    article = parse_text("t", f"{title}\n\n{body}", "t.txt")
    return extract_figures(article, DocContext("t", meeting_date=meeting_date, year=int(meeting_date[:4]),
                                               meeting_kind=kind))


def one(found, value, unit=None, kind=None):
    hits = [f for f in found if f.value == value and (unit is None or f.unit == unit)
            and (kind is None or f.kind == kind)]
    assert len(hits) == 1, [(f.value, f.unit, f.kind) for f in found]
    return hits[0]


AMOUNT = ("6 tháng đầu năm, tổng thu ngân sách trên địa bàn ước đạt 215,4 tỷ đồng, "
          "bằng 61,2% dự toán tỉnh giao, tăng 12,5% so với cùng kỳ.")


def test_an_amount_with_its_ratio_and_change():
    found = figs(AMOUNT)
    amount = one(found, 215.4, "tỷ đồng")
    assert amount.kind == "value" and amount.status == "estimate"
    assert amount.base_value == pytest.approx(215.4e9) and amount.base_unit == "VND"
    assert amount.metric.startswith("tổng thu ngân sách") and amount.metric_id.startswith("budget_revenue")
    assert amount.period == "2023-01/2023-06"
    assert (amount.period_start, amount.period_end) == ("2023-01-01", "2023-06-30")
    ratio = one(found, 61.2, "%")
    assert ratio.kind == "ratio" and ratio.baseline == "dự toán tỉnh giao" and ratio.baseline_class == "plan"
    change = one(found, 12.5, "%")
    assert change.kind == "change" and change.baseline == "cùng kỳ" and change.baseline_class == "period"
    # a ratio or change with no words of its own belongs to the amount
    for f in (ratio, change):
        assert (f.metric, f.status, f.period) == (amount.metric, amount.status, amount.period)


def test_evidence_is_the_clause_copied_exactly():
    found = figs(AMOUNT)
    amount = one(found, 215.4)
    assert "215,4 tỷ đồng" in amount.evidence.text
    assert "so với" not in amount.evidence.text
    assert amount.value_text == "215,4"


def test_fraction_and_the_rate_that_follows_it():
    found = figs("Đến nay, toàn huyện có 17/22 xã đạt chuẩn nông thôn mới, đạt 77,3%.")
    frac = one(found, 17, "xã")
    assert frac.kind == "fraction" and frac.denominator == 22
    assert frac.metric.startswith("xã đạt chuẩn nông thôn mới")
    assert frac.period is None          # a stock counted "đến nay"
    rate = one(found, 77.3, "%")
    assert rate.kind == "value"


def test_gấp_lần_is_a_change_with_its_baseline():
    found = figs("Giai đoạn 2021 - 2025, tổng vốn đầu tư phát triển đạt 9.870 tỷ đồng, gấp 1,9 lần giai đoạn trước.")
    change = one(found, 1.9, "lần")
    assert change.kind == "change" and change.baseline == "giai đoạn trước"
    assert one(found, 9870, "tỷ đồng").period == "2021/2025"


def test_growth_rate_is_a_value_not_a_change():
    found = figs("Tốc độ tăng trưởng kinh tế ước tăng 7,2%; chỉ số sản xuất công nghiệp tăng 9,1%.")
    assert one(found, 7.2).kind == "value"
    assert one(found, 9.1).kind == "change"


def test_level_after_a_fall_is_a_value():
    found = figs("Tỷ lệ hộ nghèo giảm xuống còn 2,4% (giảm 1,1% so với năm 2022).")
    assert one(found, 2.4).kind == "value"
    assert one(found, 1.1).kind == "change"


def test_targets_from_cues_and_from_a_list_of_targets():
    found = figs("Dự kiến cuối năm 2023 có thêm 4 xã về đích nông thôn mới.")
    f = one(found, 4, "xã")
    assert f.status == "target" and f.period == "2023"
    found = figs("Một số chỉ tiêu chủ yếu năm 2024: - Thu ngân sách: 250 tỷ đồng; - Trồng mới 300 ha rừng tập trung.",
                 meeting_date="2023-12-20")
    assert one(found, 250).status == "target" and one(found, 300).status == "target"
    assert one(found, 250).metric == "thu ngân sách"


def test_program_name_is_not_a_target_cue():
    found = figs("Chương trình mục tiêu quốc gia xây dựng nông thôn mới: có thêm 2 xã đạt chuẩn.")
    assert one(found, 2, "xã").status == "actual"


def test_a_breakdown_is_what_its_own_clause_says_unless_the_whole_is_a_target():
    found = figs("Giá trị sản xuất công nghiệp ước đạt 310 tỷ đồng; trong đó khu vực ngoài nhà nước đạt 250 tỷ đồng.")
    assert one(found, 310).status == "estimate" and one(found, 250).status == "actual"
    found = figs("Năm 2024 phấn đấu thu ngân sách 300 tỷ đồng; trong đó thu nội địa 250 tỷ đồng.", "2023-12-20")
    assert one(found, 250).status == "target"


def test_a_sentence_opened_by_an_estimate_estimates_all_it_reports():
    found = figs("Ước thực hiện cả năm 2020, huyện có 18/23 chỉ tiêu đạt và vượt kế hoạch, trong đó có 4/6 chỉ tiêu "
                 "về kinh tế.", "2020-12-23")
    assert [f.status for f in found] == ["estimate", "estimate"]


def test_the_plan_as_subject_names_a_target_amount():
    found = figs("Thu ngân sách đạt 400 tỷ đồng (kế hoạch 384 tỷ đồng).")
    assert one(found, 400).status == "actual" and one(found, 384).status == "target"


def test_a_paragraph_that_opens_by_setting_a_years_targets_is_a_list_of_targets():
    body = ("Năm 2018, huyện phấn đấu không còn xã dưới 12 tiêu chí. Giảm tỷ lệ hộ nghèo 1%. "
            "Thu ngân sách đạt trên 255 tỷ đồng.\n\nNăm 2017, thu ngân sách đạt 240 tỷ đồng.")
    found = figs(body, meeting_date="2018-01-05")
    assert one(found, 255).status == "target" and one(found, 240).status == "actual"


def test_targets_set_for_a_term_open_a_list():
    found = figs("Nhiệm kỳ 2020-2025, Đảng bộ xã đề ra các chỉ tiêu, như: thu nhập bình quân đầu người đạt 108 triệu "
                 "đồng/người/năm; xây dựng 3/4 trường học đạt chuẩn quốc gia.", "2020-05-28")
    assert [f.status for f in found] == ["target", "target"]


def test_counts_take_the_period_stated_before_them_running_totals_only_their_own():
    found = figs("6 tháng đầu năm 2023, huyện kết nạp 45 đảng viên mới. Tổng đàn trâu, bò đạt 12.500 con. "
                 "Toàn huyện hiện có 36 hợp tác xã.")
    assert one(found, 45, "đảng viên").period == "2023-01/2023-06"
    assert one(found, 12500, "con").period == "2023-01/2023-06"    # a herd counted in the half-year's report
    assert one(found, 36).period is None                             # "hiện có": a running total, undated


def test_a_total_raised_in_the_period_is_dated_by_it():
    found = figs("6 tháng đầu năm 2023, huyện kết nạp 45 đảng viên mới, nâng tổng số đảng viên toàn Đảng bộ lên "
                 "2.594 đảng viên; tổng số hợp tác xã đang hoạt động là 51 hợp tác xã.")
    assert one(found, 2594).period == "2023-01/2023-06"
    assert one(found, 51).period == "2023-01/2023-06"


@pytest.mark.parametrize("sentence", [
    "Kỳ họp thứ 13 HĐND huyện khóa XX, nhiệm kỳ 2021 - 2026 khai mạc ngày 12/7/2023.",
    "Dự hội nghị có 225 đại biểu; hội nghị nghe 8 báo cáo.",
    "Dịp này, UBND huyện tặng giấy khen cho 12 tập thể và 20 cá nhân.",
    "Thực hiện Nghị quyết số 18 và Kết luận 09/KL-TU, xây dựng đô thị loại II.",
    "Huyện tổ chức kỷ niệm 97 năm Ngày Báo chí cách mạng Việt Nam trong 2 ngày.",
    "Đề án “phát triển 3 xã biên giới” được phê duyệt.",
    "Bài 2: Cơ chế, chính sách rộng mở",
    "Tỷ lệ bao phủ là 0 68% dân số.",
])
def test_things_that_are_not_figures(sentence):
    assert figs(sentence) == ()


def test_range_is_not_two_figures():
    found = figs("Có 3 xã đạt từ 15 - 18 tiêu chí.")
    assert [(f.value, f.unit, f.upper) for f in found] == [(3, "xã", None), (15, "tiêu chí", 18)]


def test_caption_repeating_a_figure_counts_once():
    body = ("Thu ngân sách đạt 120 tỷ đồng\n\n"
            "Trong 6 tháng đầu năm, thu ngân sách đạt 120 tỷ đồng, bằng 55% dự toán.")
    found = figs(body)
    assert len([f for f in found if f.value == 120]) == 1


def test_approximators_are_kept_apart_from_the_value():
    f = one(figs("Sản lượng lương thực đạt hơn 17.800 tấn."), 17800)
    assert f.approx == "hơn" and f.base_value == pytest.approx(17_800_000)


def test_year_from_the_lead_when_no_date_is_known():
    body = ("Hội nghị đánh giá nhiệm vụ 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2016.\n\n"
            "6 tháng đầu năm, tổng giá trị sản xuất đạt 5.115 tỷ đồng.")
    f = one(figs(body, meeting_date=None), 5115)
    assert f.period == "2016-01/2016-06"


def test_a_period_not_yet_begun_is_a_target():
    found = figs("Năm 2024, thu ngân sách đạt 3.800 tỷ đồng.", meeting_date="2023-12-20")
    assert one(found, 3800).status == "target"
    found = figs("Năm 2023, thu ngân sách đạt 3.500 tỷ đồng.", meeting_date="2023-12-20")
    assert one(found, 3500).status == "actual"


def test_mục_tiêu_is_a_cue_only_when_it_sets_one():
    found = figs("Thực hiện mục tiêu kép, năm 2023 có 150 hộ thoát nghèo.", meeting_date="2023-12-20")
    assert one(found, 150, "hộ").status == "actual"
    found = figs("Mục tiêu đến năm 2025 có 80% xã đạt chuẩn nông thôn mới.", meeting_date="2023-12-20")
    assert one(found, 80, "%").status == "target"


def test_words_after_a_percentage_can_make_it_a_name():
    found = figs("Toàn tỉnh có 35 doanh nghiệp 100% vốn nước ngoài.")
    assert [f.value for f in found] == [35]


def test_a_list_of_targets_on_separate_lines():
    body = ("Các chỉ tiêu chủ yếu năm 2024:\n"
            "- Tốc độ tăng trưởng giá trị sản xuất đạt 9%;\n"
            "- Thu ngân sách 520 tỷ đồng;\n"
            "- Trồng mới 350 ha rừng.\n\n"
            "Năm 2023, thu ngân sách đạt 480 tỷ đồng.")
    found = figs(body, meeting_date="2023-12-20")
    assert [one(found, v).status for v in (9, 520, 350)] == ["target"] * 3
    assert one(found, 480).status == "actual"


def test_change_written_with_its_baseline_first_or_with_hơn():
    found = figs("Trong tháng 9, xảy ra 12 vụ tai nạn giao thông; so với cùng kỳ giảm 3 vụ.",
                 meeting_date="2023-10-05")
    f = one(found, 3, "vụ")
    assert f.kind == "change" and f.baseline == "cùng kỳ"
    assert f.metric == one(found, 12, "vụ").metric
    found = figs("Tăng trưởng kinh tế ước đạt 5,2%, thấp hơn 0,8% so với kịch bản.")
    f = one(found, 0.8)
    assert f.kind == "change" and f.metric == "tăng trưởng kinh tế" and f.status == "estimate"


def test_a_future_period_does_not_run_on_into_results():
    body = ("Tỉnh phấn đấu đến năm 2025 có 80% xã đạt chuẩn nông thôn mới. "
            "Toàn tỉnh giải ngân 500 tỷ đồng vốn đầu tư công.")
    found = figs(body, meeting_date="2023-07-12")
    assert one(found, 80).status == "target" and one(found, 80).period == "2025"   # SCHEMA: "đến năm 2025" is 2025
    assert one(found, 500).status == "actual" and one(found, 500).period != "2025"


def test_a_sub_period_introduced_by_riêng_does_not_run_on():
    body = ("6 tháng đầu năm 2023, giá trị sản xuất công nghiệp ước đạt 5.400 tỷ đồng; "
            "riêng quý II/2023, giá trị sản xuất công nghiệp tăng 11,2%. Kim ngạch xuất khẩu đạt 310 triệu USD.")
    found = figs(body)
    assert one(found, 11.2).period == "2023-04/2023-06"
    assert one(found, 310).period == "2023-01/2023-06"


def test_a_year_inside_a_comparison_is_not_a_period():
    found = figs("6 tháng đầu năm 2023, năng suất lúa đạt 62 tạ/ha, tăng 1,1 tạ/ha so với vụ Đông Xuân năm trước; "
                 "sản lượng lương thực đạt 41.000 tấn.")
    assert one(found, 41000).period == "2023-01/2023-06"


def test_flow_verb_after_the_noun_and_fraction_of_criteria():
    found = figs("Năm 2023, toàn huyện có 230 doanh nghiệp thành lập mới. Xã đã hoàn thành 19/19 tiêu chí nông thôn mới.",
                 meeting_date="2023-12-20")
    assert one(found, 230).period == "2023"
    assert one(found, 19, "tiêu chí").period == "2023"     # SCHEMA: the head period holds for what follows


def test_levels_after_đến_nay_and_after_còn():
    found = figs("Năm 2023, thu ngân sách đạt 90 tỷ đồng. Đến nay, tỷ lệ hộ nghèo còn 1,2%, giảm 0,8%.",
                 meeting_date="2023-12-20")
    assert one(found, 1.2).period is None and one(found, 1.2).kind == "value"
    found = figs("Tỷ lệ hộ nghèo giảm 2,15%, còn 6,4%.")
    assert one(found, 6.4).kind == "value" and one(found, 2.15).kind == "change"


def test_verb_before_the_metric_makes_a_change():
    f = one(figs("Năm 2024 phấn đấu giảm tỷ lệ hộ nghèo 1,2%.", meeting_date="2023-12-20"), 1.2)
    assert f.kind == "change" and f.metric == "tỷ lệ hộ nghèo" and f.status == "target"


def test_term_under_review_and_years_of_a_term():
    body = ("Nhiệm kỳ 2020 - 2025, phường đạt nhiều kết quả. Thu ngân sách 5 năm đạt 210 tỷ đồng. "
            "Nhiệm kỳ qua, phường kết nạp 52 đảng viên.")
    found = figs(body, meeting_date="2025-06-10")
    assert one(found, 210).period == "2020/2025"
    assert one(found, 52).period == "2020/2025"


def test_targets_to_a_year_and_crop_years():
    found = figs("Đại hội đề ra mục tiêu đến năm 2030, thu nhập bình quân đầu người đạt 140 triệu đồng/người/năm; "
                 "thu ngân sách tăng bình quân 9%/năm.", meeting_date="2025-06-10")
    assert one(found, 140).period == "2030" and one(found, 140).status == "target"
    assert one(found, 9).period == "2025/2030"
    found = figs("Năm 2022, diện tích mía niên vụ 2022-2023 đạt 3.100 ha; thu ngân sách đạt 150 tỷ đồng.",
                 meeting_date="2022-12-20")
    assert one(found, 3100).period == "2022/2023" and one(found, 150).period == "2022"
    per_head = figs("Nghị quyết đề ra: thu nhập bình quân đầu người đến năm 2030 so với năm 2025 tăng 31,6%.",
                    meeting_date="2025-08-20")
    assert one(per_head, 31.6).period == "2030"       # "bình quân đầu người" is per head, not a yearly rate


def test_awards_handed_out_at_the_event_are_not_figures_gifts_reported_are():
    found = figs("Dịp này, Ban Thường vụ trao Huy hiệu 40 năm tuổi Đảng cho 12 đảng viên.")
    assert found == ()
    found = figs("Năm 2023, thị trấn đã vận động trao 950 phần quà cho hộ nghèo.", meeting_date="2023-12-20")
    assert one(found, 950, "phần quà").period == "2023"


def test_a_year_range_dash_is_not_a_list_item():
    f = one(figs("Tốc độ tăng giá trị sản xuất bình quân giai đoạn 2021 - 2025 đạt 8,4%/năm."), 8.4)
    assert f.metric.startswith("tốc độ tăng giá trị sản xuất") and f.period == "2021/2025"


def test_a_level_now_has_no_period_but_a_total_to_date_keeps_the_year():
    found = figs("Năm 2024, diện tích cà phê hiện có 2.310 ha. "
                 "Năm 2024, tổng vốn được giao 96 tỷ đồng; đến nay đã giải ngân 41,5 tỷ đồng.")
    assert one(found, 2310, "ha").period is None          # "hiện có": the area now
    assert one(found, 41.5, "tỷ đồng").period == "2024"   # "đến nay": disbursed so far this year


@pytest.mark.parametrize("body, value, upper, unit", [
    ("Năm 2024, phấn đấu tăng trưởng kinh tế đạt 7-7,5%.", 7, 7.5, "%"),
    ("Các xã đạt từ 15 - 18 tiêu chí nông thôn mới.", 15, 18, "tiêu chí"),
    ("Huyện phấn đấu có thêm từ 5 đến 7 xã đạt chuẩn nông thôn mới.", 5, 7, "xã"),
])
def test_a_range_is_one_figure_with_its_upper_bound(body, value, upper, unit):
    f = one(figs(body), value, unit)
    assert f.upper == upper


def test_a_span_of_years_before_a_noun_is_a_term_not_a_range():
    assert figs("HĐND huyện khóa XX, nhiệm kỳ 2021 - 2026 tổ chức kỳ họp thứ 9.") == ()


def test_an_amount_in_two_scales_is_one_figure():
    found = figs("Năm 2023, thu ngân sách đạt 27 tỷ 312 triệu đồng, đạt 105% kế hoạch.")
    f = one(found, 27.312, "tỷ đồng")
    assert f.base_value == pytest.approx(27_312_000_000)
    assert [x.value for x in found] == [27.312, 105.0]


def test_a_count_over_its_total_is_a_fraction_and_its_rate_names_the_count():
    found = figs("Cuối năm 2023, toàn xã còn 834 hộ nghèo/53.577 hộ, tỷ lệ 1,56%.")
    frac = one(found, 834)
    assert (frac.kind, frac.denominator) == ("fraction", 53577)
    rate = one(found, 1.56, "%")
    assert (rate.kind, rate.metric) == ("value", "tỷ lệ hộ nghèo")


def test_an_addition_is_a_change_and_the_new_total_a_value():
    found = figs("Năm 2023, huyện có thêm 6 sản phẩm OCOP, nâng tổng số sản phẩm OCOP lên 36 sản phẩm.")
    assert one(found, 6).kind == "change"
    assert one(found, 6).baseline is None
    assert one(found, 36).kind == "value"


def test_a_yearly_rate_toward_a_horizon_covers_the_span_a_level_the_horizon_year():
    found = figs("Đại hội đề ra mục tiêu đến năm 2030, thu ngân sách đạt 900 tỷ đồng; GRDP tăng bình quân 10%/năm; "
                 "thu nhập bình quân đầu người đạt 120 triệu đồng.", meeting_date="2025-06-10")
    assert one(found, 900).period == "2030"
    assert one(found, 10).period == "2025/2030"
    assert one(found, 120).period == "2030"
    term = figs("Nhiệm kỳ 2025-2030, Đảng bộ xã đề ra 12 chỉ tiêu cụ thể: tốc độ tăng thu ngân sách bình quân "
                "hằng năm đạt 10%; tỷ lệ hộ nghèo giảm bình quân mỗi năm 2,1%.", meeting_date="2025-08-20")
    assert one(term, 10).status == "target" and one(term, 10).period == "2025/2030"   # targets set for a term
    assert one(term, 2.1).period == "2025/2030"


def test_the_year_of_a_task_listed_with_commas_is_not_a_period_of_results():
    found = figs("Kỳ họp đánh giá tình hình năm 2015, bàn nhiệm vụ, giải pháp năm 2016. Tổng thu ngân sách đạt 140,5 tỷ đồng.",
                 meeting_date="2015-12-20")
    assert one(found, 140.5).period == "2015"


def test_targets_met_are_results_and_a_list_of_main_targets_is_targets():
    found = figs("Năm 2025, Đảng bộ xã hoàn thành và hoàn thành vượt mức 25/25 chỉ tiêu đề ra. "
                 "Thu ngân sách đạt hơn 197 tỷ đồng.", meeting_date="2025-12-10")
    assert one(found, 197).status == "actual"
    found = figs("Đại hội thông qua các chỉ tiêu chủ yếu trong nhiệm kỳ 2020 - 2025: tốc độ tăng trưởng bình quân "
                 "trên 10%/năm; thu nhập bình quân đầu người đạt 86,6 triệu đồng/năm.", meeting_date="2020-06-10")
    assert [f.status for f in found] == ["target", "target"]
    found = figs("Kết quả thực hiện các chỉ tiêu chủ yếu năm 2024: thu ngân sách đạt 300 tỷ đồng.",
                 meeting_date="2024-12-20")
    assert one(found, 300).status == "actual"


def test_a_breakdown_without_its_own_verb_takes_the_estimate_of_its_whole():
    found = figs("Tổng thu ngân sách ước đạt 20 tỷ đồng. Trong đó thu địa bàn 9,6 tỷ đồng, đạt 56% dự toán.",
                 meeting_date="2016-06-20")
    assert one(found, 9.6).status == "estimate" and one(found, 56).status == "estimate"


def test_a_subject_listed_with_a_comma_is_joined_only_when_it_names_an_indicator():
    found = figs("Năm 2023, tổng mức bán lẻ hàng hóa, dịch vụ ước đạt 334,54 tỷ đồng, tăng 11,51%.")
    assert one(found, 334.54).metric == "tổng mức bán lẻ hàng hóa, dịch vụ"
    found = figs("Năm 2023, các phường bám sát kế hoạch, thu ngân sách đạt 655 tỷ đồng.")
    assert one(found, 655).metric == "thu ngân sách"


def test_an_anniversary_is_no_span_of_results():
    found = figs("Sau 45 năm tái thành lập, huyện phát triển. Năm 2023, GRDP tăng 6,15%.", meeting_date="2024-04-24")
    assert one(found, 6.15).period == "2023"
    found = figs("Lễ kỷ niệm sau 45 năm tái thành lập. Tổng vốn đầu tư đạt 3.015 tỷ đồng.", meeting_date="2024-04-24")
    assert one(found, 3015).period is None


def test_the_months_under_review_are_not_a_task_ahead():
    found = figs("Huyện ủy đánh giá tình hình thực hiện nhiệm vụ 9 tháng, triển khai nhiệm vụ quý 4/2022. "
                 "Thu ngân sách tăng 16,27%.", meeting_date="2022-10-06")
    assert one(found, 16.27).period == "2022-01/2022-09"


def test_a_targets_period_is_the_task_it_belongs_to():
    found = figs("Kỳ họp xác định nhiệm vụ thực hiện trong năm 2020 với các chỉ tiêu: phấn đấu sản xuất công nghiệp "
                 "tăng 8,8%.", meeting_date="2019-12-19")
    assert one(found, 8.8).status == "target" and one(found, 8.8).period == "2020"


def test_a_level_in_a_term_review_is_dated_to_the_term_and_a_stock_takes_the_head_period():
    found = figs("Trong nhiệm kỳ 2020 - 2025, thu nhập bình quân đầu người đạt 52 triệu đồng/người/năm; "
                 "tỷ lệ hộ nghèo còn 1,2%.", meeting_date="2025-07-20")
    assert one(found, 52).period == "2020/2025" and one(found, 1.2).period == "2020/2025"
    found = figs("Sáu tháng đầu năm 2025, toàn tỉnh có 290 sản phẩm OCOP.", meeting_date="2025-06-20")
    assert one(found, 290).period == "2025-01/2025-06"


def test_a_cut_off_date_closes_a_running_total_whatever_comes_before_it():
    found = figs("Tổng thu ngân sách theo dự toán tính đến ngày 31-3-2021 là 105.463 triệu đồng.",
                 meeting_date="2021-04-10")
    assert one(found, 105463).period == "2021-01/2021-03"


def test_a_horizon_year_inside_a_review_dates_its_own_level_and_the_review_runs_on():
    found = figs("Nhiệm kỳ qua, kinh tế của huyện phát triển khá. Tổng giá trị sản xuất tính đến năm 2020 "
                 "đạt 1.500 tỷ đồng. Tốc độ tăng trưởng bình quân hằng năm đạt 7,5%. Thu ngân sách "
                 "cả nhiệm kỳ đạt 640 tỷ đồng.", meeting_date="2020-06-20")
    assert one(found, 1500, "tỷ đồng").period == "2020"
    assert one(found, 7.5, "%").period == "2015/2020"       # not the horizon's year
    budget = one(found, 640, "tỷ đồng")
    assert budget.period == "2015/2020" and budget.metric == "thu ngân sách"


def test_a_rate_after_a_count_is_the_rate_of_what_was_counted():
    found = figs("Đến cuối năm 2023, tổng số hộ nghèo trên địa bàn huyện còn 420 hộ, chiếm tỷ lệ 1,2%.",
                 meeting_date="2023-12-20")
    rate = one(found, 1.2, "%")
    assert rate.kind == "value"                  # the count's own rate, not a share of a plan
    assert rate.metric == "tỷ lệ hộ nghèo trên địa bàn"
    assert one(found, 420, "hộ").metric == "tổng số hộ nghèo trên địa bàn"


def test_a_list_of_specific_targets_opened_by_trong_do_is_a_list_of_targets():
    found = figs("Nhiệm kỳ 2025-2030, Đảng bộ phường đề ra 20 chỉ tiêu cụ thể, trong đó có tốc độ tăng "
                 "giá trị sản xuất bình quân hằng năm trên 9%; tỷ lệ hộ nghèo dưới 1%.", meeting_date="2025-07-20")
    assert one(found, 9, "%").status == "target"
    assert one(found, 1, "%").status == "target"


def test_aiming_at_a_fall_is_a_target_but_an_anniversary_is_not():
    aim = figs("Xã hướng tới giảm tỷ lệ hộ nghèo xuống dưới 2% trong năm 2026.", meeting_date="2025-08-10")
    assert one(aim, 2, "%").status == "target"
    anniversary = figs("Trong năm, huyện xây dựng 120 nhà tình nghĩa, hướng tới 550 năm truyền thống quê hương; "
                       "tỷ lệ hộ nghèo còn 3,5%.", meeting_date="2023-12-20")
    assert one(anniversary, 3.5, "%").status == "actual"


def test_yearly_amounts_toward_a_target_year_cover_the_years_to_it_and_levels_the_year():
    found = figs("Xã đề ra mục tiêu hoàn thành các tiêu chí vào năm 2030; phấn đấu diện tích gieo trồng hàng năm "
                 "đạt trên 19.000 ha; sản lượng lương thực từ 117.000 tấn/năm trở lên; thu nhập bình quân đầu "
                 "người đạt 90 triệu đồng/năm.", meeting_date="2025-08-18")
    assert one(found, 19000, "ha").period == "2025/2030"
    assert one(found, 117000).period == "2025/2030"
    income = one(found, 90)
    assert income.period == "2030" and income.status == "target"     # a level at the target year


def test_setting_a_goal_is_a_target_cue_and_a_horizon_ahead_does_not_date_later_results():
    found = figs("Đại hội đặt mục tiêu tổng thu ngân sách đến năm 2030 là hơn 180 tỷ đồng; tốc độ tăng giá trị "
                 "sản xuất bình quân hằng năm 8,5%.\n\nNăm 2025, toàn xã có 3.200 hộ sản xuất giỏi. "
                 "Xã có 12 hợp tác xã.", meeting_date="2025-08-18")
    assert one(found, 180).status == "target" and one(found, 180).period == "2030"
    rate = one(found, 8.5)
    assert rate.status == "target" and rate.period == "2025/2030"
    assert one(found, 12, "hợp tác xã").period != "2025/2030"


def test_an_undated_article_takes_the_year_it_reports_not_a_birth_year():
    from vngov.dates import article_year
    assert article_year("Ông A, sinh năm 1962, được bầu làm Bí thư. Năm 2023, thu ngân sách đạt 50 tỷ đồng; "
                        "so với năm 2022 tăng 5%.") == 2023
    assert article_year("Không có năm nào.") is None


def test_targets_named_after_a_result_verb_are_targets_met_not_a_list_of_targets():
    found = figs("Năm 2025, phường đã đạt 15/17 chỉ tiêu đề ra; tổng thu ngân sách ước đạt 350 tỷ đồng; "
                 "thu nhập bình quân phấn đấu đạt 80 triệu đồng.", meeting_date="2025-11-20")
    assert one(found, 350).status == "estimate"
    assert one(found, 80).status == "target"
    listed = figs("Năm 2026, Nghị quyết chỉ tiêu đề ra: tổng thu ngân sách 400 tỷ đồng.", meeting_date="2025-12-10")
    assert one(listed, 400).status == "target"


def test_a_congress_opening_a_term_reports_the_term_before_it_for_rates_and_amounts():
    title, body = "Đại hội Đảng bộ huyện nhiệm kỳ 2015 – 2020", ("Tổng giá trị sản xuất bình quân đạt 8,2%/năm. "
                                                                 "Toàn Đảng bộ có 4.100 đảng viên.")
    found = congress_figs(title, body, "2015-06-26")
    assert one(found, 8.2).period == "2010/2015"
    assert one(found, 4100).period is None                      # a standing stock keeps none
    session = congress_figs(title, body, "2015-06-26", kind="kỳ họp")
    assert one(session, 8.2).period is None                     # only a congress reviews the term before


def test_a_dash_between_capitalised_words_joins_a_sector_name():
    found = figs("Cơ cấu giá trị sản xuất Nông – Lâm – Thủy sản đạt 44,2%; Công nghiệp – Xây dựng: 31,7%.")
    assert one(found, 44.2).metric.startswith("cơ cấu giá trị sản xuất")


def test_results_against_a_recent_baseline_year_are_of_the_year_after_it():
    found = figs("Tại lễ kỷ niệm, huyện cho biết tốc độ tăng trưởng giá trị sản xuất tăng 4,9% so với năm 2022. "
                 "Thu nhập bình quân đầu người đạt 69 triệu đồng.", meeting_date="2024-04-24")
    assert one(found, 4.9).period == "2023"
    assert one(found, 69).period == "2023"
    old = figs("GRDP gấp 5 lần so với năm 2010.", meeting_date="2024-04-24")
    assert one(old, 5).period is None              # an old baseline dates nothing


def test_a_year_right_after_a_figure_dates_that_figure():
    found = figs("Tỷ lệ hộ nghèo giảm từ 41,8% năm 2010 xuống còn 17,9% năm 2015.", meeting_date="2015-09-28")
    assert one(found, 41.8).period == "2010"
    assert one(found, 17.9).period == "2015"


def test_a_yearly_average_rate_in_a_review_covers_the_term_and_a_bracketed_year_dates_its_figure():
    found = congress_figs("Đại hội Đảng bộ xã nhiệm kỳ 2015 – 2020",
                          "Năm 2014, tổng giá trị sản xuất đạt 183 tỷ đồng. Tốc độ tăng trưởng bình quân hàng năm "
                          "đạt 13%. Tỷ lệ hộ nghèo từ 7,8% (năm 2011) xuống còn 2,5% (cuối năm 2015).", "2015-05-20")
    assert one(found, 183).period == "2014"
    assert one(found, 13).period == "2010/2015"
    assert one(found, 7.8).period == "2011" and one(found, 2.5).period == "2015"


def test_a_ratio_with_no_words_of_its_own_measures_what_its_plan_plans():
    found = figs("Thị xã đã hoàn thành 100% kế hoạch giải ngân vốn đầu tư công năm 2023.", meeting_date="2023-12-20")
    done = one(found, 100)
    assert done.kind == "ratio" and done.metric == "giải ngân vốn đầu tư công"
    assert done.metric_id == "public_investment_disbursement"


def test_a_ratio_introduced_by_tuong_duong_belongs_to_the_amount_before_it():
    found = figs("Tổng giá trị sản xuất ước đạt 7.232 tỷ đồng, tương đương 49,59% kế hoạch năm.")
    share = one(found, 49.59)
    assert share.kind == "ratio" and share.metric == "tổng giá trị sản xuất" and share.metric_id == "total_output"


def test_a_narrower_period_inside_a_list_item_dates_that_item_only():
    found = figs("Trong 5 năm qua, GRDP tăng bình quân 12,4%/năm; thu nhập bình quân đầu người năm 2020 đạt "
                 "52 triệu đồng; tổng giá trị sản xuất đạt 55.031 tỷ đồng.", meeting_date="2020-08-06")
    assert one(found, 52).period == "2020"
    assert one(found, 55031).period == "2015/2020"      # the next item is back in the five years
    months = figs("Trong 10 tháng năm 2025, khách du lịch đạt 5,4 triệu lượt; chỉ số sản xuất công nghiệp tháng 10 "
                  "tăng 7,5%; thành phố cấp mới 41 dự án.", meeting_date="2025-11-13")
    assert one(months, 7.5).period == "2025-10"
    assert one(months, 41).period == "2025-01/2025-10"
    headed = figs("Năm 2020, thu ngân sách đạt 500 tỷ đồng; tổng giá trị sản xuất đạt 900 tỷ đồng.",
                  meeting_date="2020-08-06")
    assert one(headed, 900).period == "2020"             # a year at the head governs the whole list


def test_a_year_named_mid_paragraph_in_a_term_review_ends_with_its_paragraph():
    body = ("Nhiệm kỳ 2015 – 2020, xã đạt nhiều kết quả: tổng giá trị sản xuất năm 2019 đạt 183 tỷ đồng. "
            "Thu nhập bình quân đạt 38 triệu đồng.\n\nTỷ lệ gia đình văn hóa đạt 83%.")
    found = figs(body, meeting_date="2020-05-20")
    assert one(found, 38).period == "2019"               # the rest of its paragraph
    assert one(found, 83).period == "2015/2020"          # the next paragraph is back in the term
    led = figs("Nhiệm kỳ 2015 – 2020 đạt nhiều kết quả.\n\nNăm 2019, thu ngân sách đạt 90 tỷ đồng.\n\n"
               "Tổng giá trị sản xuất đạt 183 tỷ đồng.", meeting_date="2020-05-20")
    assert one(led, 183).period == "2019"                # a year heading its own paragraph runs on


def test_a_subject_told_with_its_predicate_before_the_figures_clause_lends_only_its_indicator_name():
    found = figs("Thu nhập bình quân đầu người nâng lên rõ rệt, năm 2015 ước đạt 42,8 triệu đồng, "
                 "tăng gấp 2,26 lần năm 2010.", meeting_date="2015-08-06")
    assert one(found, 42.8).metric == "thu nhập bình quân đầu người"
    assert one(found, 42.8).metric_id == "per_capita_income"


def test_a_named_indicator_after_a_comma_is_not_joined_to_the_statement_before_it():
    found = figs("Cơ cấu kinh tế chuyển dịch nhanh, đúng định hướng với tổng sản phẩm trên địa bàn ước tăng "
                 "bình quân 12,39%/năm.", meeting_date="2015-08-06")
    assert one(found, 12.39).metric == "tổng sản phẩm trên địa bàn"
    split = figs("Khu vực nông lâm, thủy sản tăng 3,2%.")
    assert one(split, 3.2).metric == "khu vực nông lâm, thủy sản"       # a short split subject still joins


def test_sector_shares_after_a_share_head():
    found = figs("Cơ cấu giá trị sản xuất Nông – Lâm – Thuỷ sản đạt 44,16%; Công nghiệp – Xây dựng: 31,74%; "
                 "Thương mại – Dịch vụ: 24,1%.")
    assert one(found, 31.74).metric == "cơ cấu công nghiệp – xây dựng"     # the dash joins one sector's name
    assert one(found, 31.74).metric_id == "share_industry_construction"
    assert one(found, 24.1).metric_id == "share_services"
    listed = figs("Tỷ trọng ngành sản xuất nông, lâm, ngư nghiệp chiếm 35,09%, công nghiệp, xây dựng 27,07% và "
                  "thương mại dịch vụ chiếm 37,84%.")
    assert one(listed, 35.09).metric == "tỷ trọng ngành sản xuất nông, lâm, ngư nghiệp"
    assert one(listed, 27.07).metric == "tỷ trọng công nghiệp, xây dựng"   # the next item's subject is not its tail
    assert one(listed, 37.84).metric == "tỷ trọng thương mại dịch vụ"
    growth = figs("Cơ cấu kinh tế chuyển dịch đúng hướng; công nghiệp - xây dựng tăng 2,52%.")
    assert one(growth, 2.52).metric == "công nghiệp - xây dựng"            # a sector's growth is no share


def test_the_term_a_congress_opens_is_not_the_period_of_the_results_it_reviews():
    found = congress_figs("Đại hội Đảng bộ xã nhiệm kỳ 2025-2030",
                          "Đại biểu thông qua các chỉ tiêu chủ yếu trong nhiệm kỳ 2025-2030.\n\nTrong nhiệm kỳ qua, "
                          "xã đạt nhiều kết quả; tốc độ tăng thu ngân sách bình quân hàng năm đạt trên 5%.", "2025-08-11")
    assert one(found, 5).period == "2020/2025"


def test_a_settled_years_accounts_and_a_running_total_mid_paragraph_do_not_date_the_next_paragraph():
    body = ("6 tháng đầu năm, sản lượng lương thực ước đạt 8.028 tấn; thu ngân sách tính đến ngày 31/5/2017 "
            "đạt 8 tỷ đồng.\n\nKỳ họp phê chuẩn tổng quyết toán thu ngân sách Nhà nước, chi ngân sách địa phương "
            "năm 2016.\n\nHuyện trồng được 52 ha lúa xuân, đạt 104% kế hoạch.")
    found = figs(body, meeting_date="2017-06-26")
    assert one(found, 8).period == "2017-01/2017-05"
    assert one(found, 52).period == "2017-01/2017-06"


def test_a_count_of_targets_set_and_listed_is_a_target_and_one_reviewed_is_not():
    found = figs("Đảng bộ xã đề ra 12 chỉ tiêu cụ thể: thu ngân sách tăng bình quân 10%/năm.", meeting_date="2025-08-20")
    assert one(found, 12).status == "target"
    review = figs("Tỉnh đề ra 28 chỉ tiêu kinh tế - xã hội, trong đó có 25/28 chỉ tiêu đạt và vượt.",
                  meeting_date="2025-08-20")
    assert one(review, 28).status == "actual"
    listed = figs("Đại hội đề ra 24 chỉ tiêu, trong đó GRDP bình quân đầu người 136 triệu đồng; tỷ lệ che phủ rừng "
                  "duy trì 60%.", meeting_date="2025-09-30")
    assert [f.status for f in listed] == ["target", "target", "target"]


def test_what_a_term_opening_in_the_reports_year_is_to_reach_is_a_target():
    found = figs("Nhiệm kỳ qua, phường kết nạp 56 đảng viên mới.\n\nNhiệm kỳ 2015-2020, Đảng bộ phường tập trung "
                 "hoàn thành các chỉ tiêu cơ bản, cụ thể, thu nhập bình quân đầu người đạt 75 triệu đồng/năm.",
                 meeting_date="2015-06-15")
    assert one(found, 56).status == "actual"
    assert one(found, 75).status == "target"
    headline = figs("Hương Chữ: Phấn đấu giảm hộ nghèo còn dưới 4%\n\nNhiệm kỳ qua, Đảng bộ phường đã đạt nhiều kết "
                    "quả. Trong đó, đã huy động trên 350 tỷ đồng xây dựng hạ tầng.", meeting_date="2015-06-15")
    assert one(headline, 350).status == "actual"   # a breakdown of a sentence without figures, not of the headline


def test_a_rates_tail_stops_at_the_next_level():
    found = figs("Tỷ trọng ngành dịch vụ tăng từ 42,88% lên 45,07%; tỷ lệ hộ nghèo giảm 4,12% còn 11,85%.")
    assert one(found, 42.88).metric == "tỷ trọng ngành dịch vụ"
    assert one(found, 4.12).metric == "tỷ lệ hộ nghèo" and one(found, 11.85).kind == "value"


def test_an_amount_told_with_only_its_period_is_of_the_amount_before_it():
    found = figs("Năm 2021, tổng sản phẩm trên địa bàn (GRDP) đạt 52.956 tỷ đồng, tăng 6,05%; 6 tháng đầu năm 2022 "
                 "ước đạt 27.343 tỷ đồng, tăng 6,34% so với cùng kỳ.", meeting_date="2022-07-10")
    assert one(found, 27343).metric == one(found, 52956).metric
    assert one(found, 6.34).metric == one(found, 52956).metric
    assert one(found, 6.34).status == "estimate"              # a change keeps its amount's status
    rates = figs("Năm 2021, thu ngân sách đạt 500 tỷ đồng; 100% khu dân cư đạt chuẩn văn hóa.")
    assert one(rates, 100).metric.startswith("khu dân cư")     # a rate names its own after it


def test_targets_a_congress_sets_with_no_period_take_the_term_it_opens():
    found = congress_figs("Đại hội Đảng bộ tỉnh nhiệm kỳ 2025-2030",
                          "Đại hội đề ra 24 chỉ tiêu, trong đó đến năm 2030 GRDP đạt 240.000 tỷ đồng; GRDP bình quân "
                          "đầu người 136 triệu đồng.", "2025-09-30")
    assert one(found, 24).period == "2025/2030"           # the count of targets: the term
    assert one(found, 136).period == "2030"               # the horizon still dates the list after "trong đó"


def test_a_range_with_its_unit_written_twice_is_one_figure():
    found = figs("Tỉ trọng công nghiệp - xây dựng và dịch vụ trong GRDP chiếm khoảng 75% - 76%; giá trị sản xuất "
                 "nông nghiệp tăng 5%-5,5%.")
    assert [(f.value, f.upper) for f in found] == [(75, 76), (5, 5.5)]


def test_a_rise_of_grdp_is_a_change_and_a_rise_over_a_range_too():
    found = figs("GRDP ước tăng 8%; tốc độ tăng trưởng kinh tế đạt 7,5%; giá trị sản xuất nông nghiệp tăng từ 5%-5,5%; "
                 "tỷ trọng dịch vụ tăng từ 42,88% lên 45,07%.")
    assert one(found, 8).kind == "change"
    assert one(found, 7.5).kind == "value"                 # a growth rate named as such is its level
    assert one(found, 5).kind == "change" and one(found, 5).upper == 5.5
    assert one(found, 42.88).kind == "value"               # a level moved from


@pytest.mark.parametrize("body, date, value, period", [
    # a running total at the head of a list dates all of it
    ("Cụ thể, đến hết tháng 7-2017, toàn tỉnh gieo trồng 204.254 ha; giá trị sản xuất công nghiệp đạt 1.065 tỷ đồng.",
     "2017-08-03", 1065, "2017-01/2017-07"),
    # a cut-off inside an item dates that item only
    ("Năm 2017, sản lượng lúa đạt 9.000 tấn; thu ngân sách tính đến ngày 28/10 đạt 50 tỷ đồng; giá trị sản xuất "
     "đạt 900 tỷ đồng.", "2017-11-03", 900, "2017"),
    # a cut-off in brackets qualifies the year before it
    ("Tình hình kinh tế năm 2019 (tính đến ngày 21/11/2019) chuyển biến tích cực; tổng giá trị sản xuất ước thực "
     "hiện 2.676,81 tỷ đồng.", "2019-11-25", 2676.81, "2019"),
])
def test_where_a_running_total_dates_a_list(body, date, value, period):
    assert one(figs(body, meeting_date=date), value).period == period


def test_at_least_is_an_approximator_and_admissions_told_with_them_are_new_members():
    found = figs("Mục tiêu 6 tháng cuối năm: thu ngân sách tăng tối thiểu 10%, kết nạp thêm ít nhất 68 đảng viên.",
                 meeting_date="2024-07-10")
    assert one(found, 10).kind == "change" and one(found, 10).metric == "thu ngân sách"
    assert one(found, 68).metric == "kết nạp đảng viên" and one(found, 68).metric_id == "new_party_members"


def test_places_compared_in_one_sentence_share_the_lists_metric():
    found = figs("Về tốc độ tăng trưởng kinh tế, huyện Can Lộc có mức tăng trưởng cao nhất đạt 11,2%; huyện Lộc Hà "
                 "đạt 9,8%; huyện Hương Khê đạt tăng trưởng 8,4%; huyện Vũ Quang đạt 7,9%.")
    for v in (11.2, 9.8, 8.4, 7.9):
        assert one(found, v, "%").metric == "tốc độ tăng trưởng kinh tế", v


def test_the_third_step_of_a_trend_is_of_the_same_indicator():
    found = figs("Tổng sản phẩm trên địa bàn tăng dần từ 6,1% năm 2016 lên 6,5% năm 2017 và 6,2% trong 6 tháng "
                 "đầu năm 2018.")
    last = one(found, 6.2, "%")
    assert last.metric == one(found, 6.5, "%").metric and last.metric != "trong"


def test_a_purpose_after_a_rate_is_not_its_metric():
    found = figs("Phấn đấu đến năm 2025 có trên 90% hộ gia đình có Internet phục vụ học tập và sản xuất.")
    assert one(found, 90, "%").metric.endswith("Internet")


def test_a_plan_written_after_a_slash_is_the_years_target():
    found = figs("6 tháng đầu năm, tổng sản lượng lương thực đạt 9.720 tấn/KH 18.500 tấn, đạt 52,5% KH.",
                 meeting_date="2023-07-12")
    done, plan, ratio = one(found, 9720, "tấn"), one(found, 18500, "tấn"), one(found, 52.5, "%")
    assert (done.status, done.period) == ("actual", "2023-01/2023-06")
    assert (plan.status, plan.period, plan.metric) == ("target", "2023", done.metric)
    assert (ratio.status, ratio.metric) == ("actual", done.metric)


def test_an_equals_sign_is_a_ratio_to_the_amount_before():
    found = figs("Giá trị sản xuất công nghiệp, tiểu thủ công nghiệp đạt 3.246 tỷ đồng, =54% kế hoạch năm.")
    amount = one(found, 3246, "tỷ đồng")
    assert amount.metric == "giá trị sản xuất công nghiệp, tiểu thủ công nghiệp"
    assert one(found, 54, "%").metric == amount.metric


def test_the_end_of_a_movement_between_two_counts_is_the_same_count():
    found = figs("Sau 5 năm, số hộ nghèo giảm từ 494 hộ xuống còn 247 hộ.")
    assert one(found, 247, "hộ").metric == one(found, 494, "hộ").metric == "số hộ nghèo"


def test_another_action_after_a_comma_is_not_the_counted_thing():
    found = figs("Trong nhiệm kỳ, Đảng bộ xã đã kết nạp được 98 đảng viên mới, chuyển đảng chính thức cho 54 đảng viên.")
    assert "chuyển" not in one(found, 98, "đảng viên").metric
    kinds = figs("Năm 2023, huyện mở 16 lớp chuyên đề, bồi dưỡng nghiệp vụ chuyên đề cho 5.892 học viên.")
    assert one(kinds, 16, "lớp").metric.endswith("lớp chuyên đề, bồi dưỡng nghiệp vụ chuyên đề")


def test_a_percentage_rise_of_grdp_is_grdp_growth_however_grdp_is_named():
    found = figs("Năm 2017, tổng sản phẩm trong tỉnh tăng 6,7% so với năm 2016.")
    assert one(found, 6.7, "%").metric_id == "grdp_growth"


def test_a_trend_dates_each_step_by_the_period_right_after_it():
    found = figs("Tổng sản phẩm trên địa bàn tăng dần từ 6,1% năm 2016 lên 6,5% năm 2017 và 6,2% trong 6 tháng "
                 "đầu năm 2018.", meeting_date="2018-07-20")
    first = one(found, 6.1, "%")
    assert (first.kind, first.baseline, first.period) == ("value", None, "2016")
    assert one(found, 6.5, "%").period == "2017"
    assert one(found, 6.2, "%").period == "2018-01/2018-06"


def test_the_years_ahead_are_the_term_a_congress_opens():
    found = congress_figs("Đại hội Đảng bộ xã nhiệm kỳ 2025-2030",
                          "Sáng 12/8, Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030 khai mạc. Nhiệm kỳ qua, thu "
                          "nhập bình quân đạt 60 triệu đồng. Đại hội xác định 12 chỉ tiêu phát triển trong 5 năm tới, "
                          "trong đó tốc độ tăng giá trị sản xuất bình quân đạt từ 20%/năm trở lên.", "2025-08-12")
    assert one(found, 60, "triệu đồng").period == "2020/2025"
    assert one(found, 12, "chỉ tiêu").period == "2025/2030"
    assert one(found, 20).period == "2025/2030"


def test_the_years_ahead_of_a_council_run_from_its_year():
    found = figs("Trong 5 năm tới, huyện phấn đấu thu ngân sách tăng bình quân 10%/năm.", meeting_date="2023-08-12")
    assert one(found, 10).period == "2023/2028"


def test_a_photo_captions_period_does_not_run_on():
    found = figs("Trong tháng 11, chỉ số sản xuất công nghiệp ước tăng 5,5%.\n\nChủ tịch UBND tỉnh giao nhiệm vụ cho "
                 "sở ngành cuối năm 2021 - Ảnh 1.\n\nTổng mức bán lẻ hàng hóa ước đạt 3.086 tỷ đồng.",
                 meeting_date="2023-12-05")
    assert one(found, 3086, "tỷ đồng").period == "2023-11"


def test_a_running_total_runs_from_january():
    found = figs("Trong tháng 11, tổng mức bán lẻ hàng hóa ước đạt 3.086 tỷ đồng; lũy kế ước đạt 32.188 tỷ đồng, "
                 "tăng 16,5% so với cùng kỳ.", meeting_date="2023-12-05")
    assert one(found, 3086, "tỷ đồng").period == "2023-11"
    assert one(found, 32188, "tỷ đồng").period == "2023-01/2023-11"


def test_a_party_congress_of_a_congress_year_reviews_the_term_before():
    found = congress_figs("Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI",
                          "Theo báo cáo tại Đại hội đại biểu Đảng bộ tỉnh, tổng sản phẩm trên địa bàn tăng bình quân "
                          "gần 7%/năm.", "2020-10-15")
    assert one(found, 7).period == "2015/2020"
    other = congress_figs("Đại hội Hội Nông dân huyện lần thứ X",
                          "Theo báo cáo tại Đại hội, giá trị sản xuất tăng bình quân gần 7%/năm.", "2023-10-15")
    assert one(other, 7).period != "2018/2023"


def test_a_figure_alone_in_brackets_measures_the_words_before_them():
    found = figs("Nhiều chỉ tiêu tăng so với cùng kỳ như: thu ngân sách trên địa bàn (tăng 57%); doanh thu vận tải "
                 "(tăng 11%).")
    budget = one(found, 57, "%")
    assert (budget.metric, budget.kind) == ("thu ngân sách trên địa bàn", "change")
    assert budget.evidence.text.startswith("thu ngân sách")
    assert one(found, 11, "%").metric == "doanh thu vận tải"
    kept = figs("Tổng thu ngân sách đạt 120 tỷ đồng (tăng 12%).")
    assert one(kept, 12, "%").metric == one(kept, 120, "tỷ đồng").metric     # a change of the amount before


def test_what_a_multiple_is_of_is_its_baseline_not_its_metric():
    found = figs("GRDP bình quân đầu người đạt 8.500 USD, gấp 1,16 lần bình quân cả nước.")
    times = one(found, 1.16, "lần")
    assert (times.baseline, times.metric) == ("bình quân cả nước", "GRDP bình quân đầu người")


def test_a_place_before_brackets_is_compared_not_measured():
    found = figs("Quy mô nền kinh tế của thành phố ước đạt xấp xỉ 30 tỷ USD, sau Hà Nội (khoảng 63 tỷ USD), "
                 "TP. Hồ Chí Minh (khoảng 118 tỷ USD).")
    assert one(found, 118, "tỷ USD").metric == one(found, 30, "tỷ USD").metric == "quy mô nền kinh tế"


def test_half_a_term_is_the_first_half_of_the_term_under_way():
    found = figs("Hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ huyện nhiệm kỳ 2020-2025.\n\n"
                 "Qua nửa nhiệm kỳ, huyện có 9/19 chỉ tiêu đạt nghị quyết; thu nhập bình quân đầu người đạt 52 triệu "
                 "đồng.", meeting_date="2023-05-22")
    assert one(found, 52, "triệu đồng").period == "2020/2022"
    early = figs("Trong 6 tháng đầu năm 2023, các cấp ủy tổ chức sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội "
                 "nhiệm kỳ 2020-2025. Đảng bộ đã kết nạp được 1.135 đảng viên.", meeting_date="2023-07-10")
    assert one(early, 1135, "đảng viên").period == "2023-01/2023-06"    # a review named, not the period of results


def test_sck_is_the_same_period_a_year_before_written_short():
    found = figs("Năm 2023, tổng giá trị sản xuất hơn 67.000 tỷ đồng, tăng 11,33% so cùng kỳ (SCK). Trong đó, "
                 "lĩnh vực nông nghiệp đạt 1.926 tỷ đồng, tăng hơn 3% SCK. Diện tích gieo trồng 24.600 ha, "
                 "SCK tăng 9,2%.")
    assert one(found, 11.33, "%").baseline == "cùng kỳ"
    for v in (3, 9.2):
        change = one(found, v, "%")
        assert (change.kind, change.baseline, change.baseline_class) == ("change", "SCK", "period")
        assert change.metric != "SCK"
    assert one(found, 9.2, "%").metric == "diện tích gieo trồng"


def test_a_metric_that_names_its_count_gets_no_unit_noun():
    found = figs("Năm nay, lượng khách đến tham quan Mỹ Sơn ước đạt 360.000 người; số lao động được giải quyết "
                 "việc làm 2.500 người; kết nạp 120 đảng viên.")
    assert one(found, 360000, "người").metric == "lượng khách đến tham quan Mỹ Sơn"
    assert one(found, 2500, "người").metric == "số lao động được giải quyết việc làm"
    assert "đảng viên" in one(found, 120, "đảng viên").metric


def test_a_counted_thing_keeps_its_dashed_compound_and_drops_the_actor():
    found = figs("Trong năm qua, UBND huyện đã lãnh đạo, chỉ đạo quyết liệt các cấp chính quyền thực hiện đạt "
                 "10/12 chỉ tiêu chủ yếu về kinh tế - xã hội, 8/8 chỉ tiêu phát triển ngành. Năm 2023, huyện có "
                 "tổng giá trị sản xuất là hơn 67.000 tỷ đồng.")
    assert one(found, 10, "chỉ tiêu").metric == "chỉ tiêu chủ yếu về kinh tế - xã hội"
    assert one(found, 67000, "tỷ đồng").metric == "tổng giá trị sản xuất"


def test_a_period_opening_a_sentence_dates_every_item_of_its_list():
    found = congress_figs("Đại hội đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030",
                          "Nhiệm kỳ qua, Đảng bộ xã đã triển khai toàn diện các nhiệm vụ. Đến cuối năm 2024, thu nhập "
                          "bình quân đầu người đạt 43,7 triệu đồng/năm; tỷ lệ hộ nghèo còn 21,5%; tỷ lệ người dân tham "
                          "gia BHYT đạt 97%.", "2025-07-30")
    assert {one(found, v, "%").period for v in (21.5, 97)} == {"2024"}
    reviewed = congress_figs("Đại hội đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030",
                             "Nhiệm kỳ qua, tỷ lệ hộ nghèo giảm còn 2,1%; đến cuối năm 2024, tỷ lệ người dân tham gia "
                             "BHYT đạt 97%; thu nhập bình quân đầu người đạt 60 triệu đồng.", "2025-07-30")
    assert one(reviewed, 60).period == "2020/2025"     # a level named inside a later item dates that item only


def test_a_count_of_targets_set_opens_a_list_of_targets_to_the_paragraph_end():
    found = figs("Hội nghị quán triệt Nghị quyết Đại hội nhiệm kỳ 2025-2030.\n\nPhấn đấu đến năm 2030 xã đạt nông thôn mới nâng cao. Nghị quyết đề ra 25 chỉ tiêu trên các lĩnh vực "
                 "trong đó phấn đấu tốc độ tăng tổng giá trị sản phẩm bình quân hàng năm 8%; thu nhập bình quân đầu "
                 "người đến năm 2030 đạt 86,4 triệu đồng. Hàng năm kết nạp mới từ 25 đảng viên trở lên.\n\n"
                 "Năm 2025, thu ngân sách đạt 12 tỷ đồng.",
                 meeting_date="2025-09-23", published="2025-09-23")
    found = [f for f in found]
    assert all(f.status == "target" for f in found if f.value != 12), [(f.value, f.status) for f in found]
    assert one(found, 8, "%").period == "2025/2030" and one(found, 86.4).period == "2030"
    assert one(found, 12, "tỷ đồng").status == "actual"


def test_a_resolution_of_the_term_just_begun_dates_its_targets():
    found = figs("Hội nghị quán triệt Nghị quyết Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030. Nghị quyết đề ra "
                 "25 chỉ tiêu: tốc độ tăng thu ngân sách bình quân hằng năm 10%.", meeting_date="2025-09-23")
    assert one(found, 25, "chỉ tiêu").period == one(found, 10, "%").period == "2025/2030"
    later = figs("Sơ kết Nghị quyết Đại hội nhiệm kỳ 2020-2025. Phấn đấu tăng thu ngân sách 10%.",
                 meeting_date="2023-09-23")
    assert one(later, 10, "%").period != "2020/2025"   # a term under way for years: no guess


def test_a_year_after_vao_dates_its_own_figure_and_a_baseline_between_metric_and_verb():
    found = figs("Một số chỉ tiêu cụ thể: Thu ngân sách Nhà nước tăng bình quân 30%/năm, đạt trên 2 tỷ đồng vào năm "
                 "2030; thu nhập bình quân đầu người đến năm 2030 so với năm 2025 tăng 31,6%.",
                 meeting_date="2025-07-30")
    amount = one(found, 2, "tỷ đồng")
    assert (amount.metric, amount.period) == ("thu ngân sách Nhà nước", "2030")
    rise = one(found, 31.6, "%")
    assert (rise.kind, rise.baseline, rise.metric) == ("change", "năm 2025", "thu nhập bình quân đầu người")


def test_units_merged_into_a_new_one_are_no_figure_and_now_opens_no_metric():
    found = figs("Đảng bộ xã được thành lập trên cơ sở sáp nhập Đảng bộ 3 xã Hợp Lý, Quang Sơn và Ngọc Mỹ. Hiện Đảng "
                 "bộ có 45 chi bộ với 1.008 đảng viên. Sau sáp nhập, xã có 25.000 người.", meeting_date="2025-07-28")
    assert [f.value for f in found if f.unit == "xã"] == []
    assert one(found, 45, "chi bộ").metric == "chi bộ"
    assert one(found, 25000).value == 25000


def test_a_numbered_label_before_a_colon_is_the_metric():
    found = figs("Các chỉ tiêu chủ yếu (nhiệm kỳ 2020-2025)\n(2) Thu nhập bình quân đầu người đến năm 2025: 45 triệu "
                 "đồng/năm.\n(7) Tỷ lệ lao động qua đào tạo: trên 20%.", meeting_date="2020-08-01")
    assert one(found, 45).metric == "thu nhập bình quân đầu người"
    rate = one(found, 20, "%")
    assert (rate.metric, rate.status) == ("tỷ lệ lao động qua đào tạo", "target")


def test_a_period_before_so_far_is_the_span_so_far_and_a_cut_off_in_one_item_dates_it_alone():
    found = figs("Trong 6 tháng đầu năm, thành phố lãnh đạo thực hiện tốt các chỉ tiêu, đến nay tổng vốn đầu tư thực "
                 "hiện 7.953 tỷ đồng; giải quyết việc làm cho 3.259 lao động.\n\nĐã kết nạp 81 đảng viên mới.",
                 meeting_date="2025-06-20")
    assert {f.period for f in found} == {"2025-01/2025-06"}
    cut = figs("Năm 2025, xã đạt nhiều kết quả quan trọng.\n\nThu ngân sách thực hiện đến 30/11/2025 đạt hơn 541 tỷ đồng; tỷ lệ hộ nghèo là 0,24%.\n\nHoàn thành "
               "100% chỉ tiêu tuyển quân.", meeting_date="2026-01-09")
    assert one(cut, 541).period == "2025-01/2025-11"
    assert one(cut, 0.24).period == one(cut, 100).period == "2025"


def test_the_years_ahead_of_a_plan_year_are_the_next_plan():
    found = figs("Trong 5 năm tới, mục tiêu của huyện là: tốc độ tăng trưởng giá trị sản xuất 8,41%; tỉ lệ hộ nghèo "
                 "còn 1,05%.", meeting_date="2020-10-01")
    assert {(f.status, f.period) for f in found} == {("target", "2021/2025")}


def test_a_new_term_named_with_a_word_between_heads_its_targets():
    found = congress_figs("Đại hội Đảng bộ thị trấn lần thứ XII (nhiệm kỳ 2015 - 2020)",
                          "Nhiệm kỳ 2010 - 2015, thu nhập bình quân đầu người đạt 48,5 triệu đồng/người/năm (đầu "
                          "nhiệm kỳ 13 triệu đồng/người/năm).\n\nNhiệm kỳ mới 2015 - 2020, Đảng bộ đề ra chỉ tiêu phấn "
                          "đấu nâng tốc độ tăng trưởng kinh tế bình quân đạt 18%/năm.", "2015-04-18")
    start = one(found, 13)
    assert (start.period, start.metric) == ("2010", "thu nhập bình quân đầu người")
    assert one(found, 18).period == "2015/2020"


def test_an_organisation_and_its_place_before_a_verb_are_the_actor():
    found = figs("Những đơn vị kết nạp đảng viên mới đạt cao như: Đảng bộ quận Cái Răng kết nạp 115 ĐV, đạt 104,5%; "
                 "Đảng bộ Khối Cơ quan Dân Chính Đảng thành phố kết nạp 318 ĐV, đạt 127,2%.",
                 meeting_date="2017-05-28")
    for v in (115, 318):
        assert one(found, v, "ĐV").metric == "kết nạp ĐV"
    assert one(found, 104.5).kind == "ratio"


def test_a_rate_described_across_a_comma_keeps_its_whole_description():
    found = figs("Năm 2025, tỷ lệ dân cư được sử dụng nước sạch, hợp vệ sinh đạt 100%; tỷ lệ thu gom và xử lý chất "
                 "thải rắn sinh hoạt khu dân cư tập trung, đạt khoảng 95%; tỷ lệ đảng viên được đánh giá, xếp loại "
                 "từ hoàn thành tốt nhiệm vụ trở lên đạt trên 97,6% (mục tiêu đại hội là 90%).",
                 meeting_date="2026-01-09")
    assert one(found, 100).metric == "tỷ lệ dân cư được sử dụng nước sạch, hợp vệ sinh"
    assert one(found, 95).metric == "tỷ lệ thu gom và xử lý chất thải rắn sinh hoạt khu dân cư tập trung"
    rated = one(found, 97.6).metric
    assert rated.startswith("tỷ lệ đảng viên") and one(found, 90).metric == rated


def test_delegates_are_no_figure_but_the_body_they_represent_is():
    found = figs("Dự đại hội có lãnh đạo các xã, phường trên địa bàn tỉnh cùng 250 đảng viên đại diện cho 1.929 đảng "
                 "viên trong Đảng bộ.", meeting_date="2025-08-12")
    assert [f.value for f in found] == [1929]
    assert found[0].metric == "đảng viên trong Đảng bộ"


def test_a_bare_sector_with_its_place_joins_the_subject_before_its_comma():
    found = figs("Giá trị sản xuất công nghiệp, tiểu thủ công nghiệp trên địa bàn hết năm 2025 ước đạt 955 tỷ đồng.",
                 meeting_date="2025-08-12")
    f = one(found, 955)
    assert f.metric.startswith("giá trị sản xuất công nghiệp, tiểu thủ công nghiệp") and f.period == "2025"


def test_a_bare_percentage_of_an_amount_is_a_share_of_its_plan_and_growth_against_a_year_a_change():
    found = figs("Năm 2020, giá trị sản xuất khu vực dịch vụ đạt 76%; chi ngân sách gần 89%; tỷ lệ dân số tham gia BHYT "
                 "đạt 97%; GRDP tăng từ 10% trở lên mỗi năm.", meeting_date="2020-10-01")
    assert one(found, 76).kind == one(found, 89).kind == "ratio"
    assert one(found, 97).kind == "value"
    growth = figs("Qua nửa nhiệm kỳ, tổng giá trị sản xuất tăng trưởng bình quân 17,1% so với năm 2020; tổng thu "
                  "ngân sách Nhà nước tăng bình quân hằng năm đạt 13,68%.", meeting_date="2023-05-22")
    assert one(growth, 17.1).kind == one(growth, 13.68).kind == "change"


def test_a_plan_s_amount_is_a_target_whatever_the_verb():
    found = figs("HĐND xã đã thống nhất tổng kế hoạch đầu tư công năm 2025 là hơn 16,8 tỷ đồng; dự toán thu ngân "
                 "sách cả năm 2025 được thống nhất ở mức 30,2 tỷ đồng. Thu ngân sách 6 tháng đạt 18,7 tỷ đồng.",
                 meeting_date="2025-08-11")
    assert one(found, 16.8).status == one(found, 30.2).status == "target"
    assert one(found, 18.7).status == "actual"


def test_an_amount_over_another_in_the_same_measure_is_a_fraction():
    found = figs("Tổng diện tích gieo trồng vụ xuân đạt 1.565,8ha/1.565,8 ha. Thu ngân sách đạt 224 tỷ đồng/150 tỷ "
                 "đồng. Giá trị đạt 6.185 tỷ đồng/KH 12.500 tỷ đồng.")
    area, budget = one(found, 1565.8), one(found, 224)
    assert (area.kind, area.denominator) == ("fraction", 1565.8)
    assert (budget.kind, budget.denominator) == ("fraction", 150)
    assert one(found, 12500).status == "target"        # a plan after "/KH" stays the plan


def test_subjects_listed_with_their_offices_before_the_verb_all_chair():
    from vngov.meetings import _chair_in
    assert _chair_in("Chủ tịch UBND tỉnh Cao Văn Trọng, các Phó Chủ tịch UBND tỉnh: Trương Duy Hải, Nguyễn Hữu Lập, "
                     "Nguyễn Hữu Phước chủ trì Hội nghị.") == ("Cao Văn Trọng", "Trương Duy Hải", "Nguyễn Hữu Lập",
                                                             "Nguyễn Hữu Phước")
    assert _chair_in("Tham dự có ông Nguyễn Văn Bình, Phó Chủ tịch; Chủ tịch UBND huyện Trần Văn Cường chủ trì hội "
                     "nghị.") == ("Trần Văn Cường",)


def test_shares_after_changes_stay_shares_and_a_count_of_targets_for_a_term_opens_its_list():
    found = figs("Cơ cấu kinh tế chuyển dịch: khu vực nông, lâm nghiệp thủy sản chiếm 23,18%, giảm 1,33%, khu vực "
                 "công nghiệp - xây dựng chiếm 29,2%, tăng 0,01%.", meeting_date="2018-06-06")
    assert one(found, 29.2).kind == "value" and one(found, 0.01).kind == "change"
    congress = congress_figs("Đại hội Đảng bộ tỉnh lần thứ X", "Nhiệm kỳ 2010 - 2015, kinh tế tăng trưởng khá.\n\nĐại "
                             "hội đưa ra 12 chỉ tiêu quan trọng thực hiện trong nhiệm kỳ 2015-2020. Về kinh tế: Tốc độ "
                             "tăng trưởng kinh tế bình quân 5 năm đạt từ 10%/năm trở lên; tổng vốn đầu tư phát triển "
                             "đạt khoảng 25% GRDP.", "2015-10-24")
    assert {(f.status, f.period) for f in congress} == {("target", "2015/2020")}
    review = figs("Đồng Nai đề ra 28 chỉ tiêu kinh tế - xã hội, quốc phòng – an ninh. Đến nay có 25/28 chỉ tiêu đạt.",
                  meeting_date="2020-10-14")
    assert one(review, 28).status == "actual"


def test_a_herd_takes_the_period_of_its_paragraph():
    found = figs("6 tháng đầu năm 2018, chăn nuôi phát triển ổn định; tổng đàn gia súc 65.240 con, bằng 90,09% so với "
                 "cùng kỳ; tổng đàn gia cầm 573.984 con.", meeting_date="2018-07-10")
    assert {f.period for f in found} == {"2018-01/2018-06"}


def test_the_year_a_plan_was_set_for_is_not_the_period_of_the_results():
    found = figs("Từ đầu năm đến nay, Đảng bộ thành phố đã kết nạp được 1.614 đảng viên mới, đạt tỷ lệ 74,38% chỉ tiêu "
                 "nghị quyết của các quận ủy đề ra trong năm 2017. Những đơn vị đạt cao như: Đảng bộ quận Cái Răng kết "
                 "nạp 115 ĐV, đạt 104,5%.", meeting_date=None, published="2017-05-28")
    assert {f.period for f in found} == {"2017-01/2017-05"}


def test_a_bare_province_a_station_and_a_consequence_are_no_part_of_the_metric():
    found = figs("Điện Biên TV - Tốc độ tăng trưởng tổng sản phẩm trên địa bàn tỉnh 6 tháng đầu năm 2018 tăng 6,28%. "
                 "Quý I/2017, Sóc Trăng tăng trưởng kinh tế 3,17%. An ninh ổn định từ đó tổng sản phẩm trên địa bàn "
                 "tỉnh theo giá so sánh ước đạt 5.334,56 tỷ đồng.", meeting_date="2018-06-06")
    assert one(found, 6.28).metric.startswith("tốc độ tăng trưởng tổng sản phẩm")
    assert one(found, 3.17).metric == "tăng trưởng kinh tế"
    assert one(found, 5334.56).metric.startswith("tổng sản phẩm trên địa bàn")


def test_an_average_with_no_subject_of_its_own_is_of_the_subject_before_its_comma():
    found = figs("Tốc độ tăng trưởng giữ mức ổn định, với bình quân hàng năm đạt 8,79%. Tổng giá trị sản xuất ước đạt "
                 "4.084 tỷ đồng, đạt 100,21% Nghị quyết, tăng trưởng 9,28% so với năm 2016.", meeting_date="2020-07-01")
    assert one(found, 8.79).metric.startswith("tốc độ tăng trưởng")
    growth = one(found, 9.28)
    assert (growth.metric, growth.status, growth.kind) == ("tổng giá trị sản xuất", "estimate", "change")


def test_an_average_over_named_years_is_that_span_and_a_year_inside_a_half_year_paragraph_dates_its_sentence():
    found = figs("Năm 2020, tăng trưởng kinh tế khá đạt 10,06%, bình quân 5 năm đạt 11,6%. Trong đó, giá trị sản xuất "
                 "nông nghiệp tăng 2,78%.\n\nNăm 2021, huyện phấn đấu đạt chỉ tiêu: Tốc độ tăng trưởng bình quân 5 năm "
                 "2021 -2025 đạt từ 9,5 – 10,0%/năm.", meeting_date="2020-12-15")
    assert one(found, 2.78).period == "2020"
    assert one(found, 9.5).period == "2021/2025"
    half = figs("Trong 6 tháng đầu năm 2024, tình hình ổn định. Toàn huyện có 8 sản phẩm đăng ký OCOP trong năm 2024.\n\n"
                "Tổng giá trị sản xuất ngành dịch vụ ước đạt hơn 367 tỷ đồng.", meeting_date="2024-07-15")
    assert one(half, 8).period == "2024" and one(half, 367).period == "2024-01/2024-06"


def test_a_half_term_review_written_late_in_a_year_counts_that_year():
    found = figs("Hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2015-2020.\n\nQua nửa "
                 "nhiệm kỳ, xã thực hiện đạt và vượt 5/14 chỉ tiêu; vận động Quỹ vì người nghèo được trên 8 tỷ đồng.",
                 meeting_date="2018-07-20")
    assert one(found, 8, "tỷ đồng").period == "2015/2018"


def test_a_cut_off_written_with_dots_and_a_resolution_s_bracketed_rate():
    found = figs("Tổng chi ngân sách địa phương thực hiện đến ngày 21.10.2022 đạt 516,075 tỷ đồng, đạt 118,2% dự toán. "
                 "Giá trị sản xuất công nghiệp – xây dựng tăng 9% (NQHĐND là 9-9,5%).", meeting_date="2022-10-25")
    spent = one(found, 516.075)
    assert (spent.period, spent.metric) == ("2022-01/2022-10", "tổng chi ngân sách địa phương")
    assert one(found, 9, "%", kind="change").metric.startswith("giá trị sản xuất công nghiệp")


def test_a_year_after_trong_right_after_the_figure_dates_it():
    found = figs("Thu nhập bình quân đầu người từ 10 triệu đồng năm 2011 tăng lên 16,7 triệu đồng trong năm 2015.",
                 meeting_date="2015-08-01")
    assert one(found, 10).period == "2011"
    assert one(found, 16.7).period == "2015"


def test_a_plain_paragraph_between_two_paragraphs_of_targets_is_of_targets():
    text = ("Đại hội đặt mục tiêu tổng thu ngân sách đến năm 2030 là 180 tỷ đồng.\n\n"
            "Thu nhập bình quân đầu người đạt trên 85 triệu đồng; tỷ lệ hộ nghèo dưới 0,5%.\n\n"
            "Tỷ lệ lao động qua đào tạo đến năm 2030 đạt 78%.")
    found = figs(text, meeting_date="2025-08-18")
    assert [f.status for f in found] == ["target"] * 4
    reached = text.replace("Thu nhập bình quân đầu người đạt", "Thu nhập bình quân đầu người đã đạt")
    assert one(figs(reached, meeting_date="2025-08-18"), 85).status == "actual"     # told as done: a result


def test_unit_nouns_listed_together_are_one_counted_noun():
    found = figs("Năm 2016, toàn huyện có 7/11 xã, thị trấn có trạm y tế đạt chuẩn quốc gia; có 93/93 thôn (làng) "
                 "sử dụng điện lưới quốc gia.", meeting_date="2016-12-20")
    assert one(found, 7).metric == "xã, thị trấn có trạm y tế đạt chuẩn quốc gia"
    assert one(found, 93).metric == "thôn (làng) sử dụng điện lưới quốc gia"
    two = figs("Năm 2016, có 5 xã, 3 thị trấn đạt chuẩn.", meeting_date="2016-12-20")
    assert one(two, 5).metric == "xã"                  # a second count is no partner noun


def test_a_resolutions_figure_in_brackets_is_the_target_of_the_figure_before():
    found = figs("Năm 2018, tổng giá trị sản xuất tăng 9,51% (Nghị quyết 9,26%); thu nhập bình quân đầu người "
                 "32,55 triệu đồng/người/năm (Nghị quyết 31,74 triệu đồng).", meeting_date="2018-12-06")
    assert (one(found, 9.26).status, one(found, 9.26).metric) == ("target", "tổng giá trị sản xuất")
    assert (one(found, 31.74).status, one(found, 31.74).metric) == ("target", "thu nhập bình quân đầu người")
    assert one(found, 9.51).status == "actual"
