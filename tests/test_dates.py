"""vngov.dates: the date phrases of news leads and the year they leave out."""
import pytest

from vngov.dates import dates_a_document, find_dates, iso, long_before, resolve_year, text_years, url_date


def first(text):
    found = find_dates(text)
    assert found, text
    return found[0]


@pytest.mark.parametrize("text, day, month, year, part", [
    ("Sáng 31/10, Thường trực Tỉnh ủy làm việc", 31, 10, None, "sáng"),
    ("Chiều ngày 22/6, BTV Thành ủy tổ chức", 22, 6, None, "chiều"),
    ("Chiều nay (23/4), Thành ủy tổ chức", 23, 4, None, "chiều"),
    ("Ngày 17-9, UBND huyện họp", 17, 9, None, None),
    ("Sáng 18-7, HĐND huyện khai mạc", 18, 7, None, "sáng"),
    ("Tối 2.9, thành phố tổ chức", 2, 9, None, "tối"),
    ("ngày 10.10 vừa qua", 10, 10, None, None),
    ("15/03/2016", 15, 3, 2016, None),
    ("Ngày 20/8/2020, Đảng bộ huyện tổ chức", 20, 8, 2020, None),
    ("Ngày 1/6/2022, UBND huyện tổ chức", 1, 6, 2022, None),
    ("ngày 20 tháng 8 năm 2020", 20, 8, 2020, None),
    ("Sáng thứ Hai (5/3), UBND tỉnh họp", 5, 3, None, "sáng"),
    ("Sáng nay 23/4, hội nghị khai mạc", 23, 4, None, "sáng"),
])
def test_single_days(text, day, month, year, part):
    d = first(text)
    assert (d.day, d.month, d.year, d.part_of_day, d.end_day) == (day, month, year, part, None)


@pytest.mark.parametrize("text, day, end_day, month", [
    ("Trong 2 ngày 21 và 22-7, HĐND thị xã tổ chức kỳ họp", 21, 22, 7),
    ("Trong các ngày 11, 12/7, HĐND huyện tổ chức", 11, 12, 7),
    ("Trong 02 ngày (19 - 20/12), HĐND huyện tổ chức", 19, 20, 12),
    ("Từ ngày 11 đến 12/7, đoàn giám sát làm việc", 11, 12, 7),
    ("Kỳ họp diễn ra trong 3 ngày từ 7-9/12", 7, 9, 12),
])
def test_spans_of_days(text, day, end_day, month):
    d = first(text)
    assert (d.day, d.end_day, d.month, d.end_month) == (day, end_day, month, month)


def test_today_and_yesterday_are_flagged():
    assert first("Chiều nay (23/4), hội nghị").today
    d = first("Sáng qua (22/4), hội nghị")
    assert d.yesterday and not d.today
    d = first("Hôm qua 24.6, Đảng bộ xã họp")
    assert (d.day, d.month, d.yesterday) == (24, 6, True)


@pytest.mark.parametrize("text", [
    "đã đạt được 54/59 tiêu chuẩn",
    "bình quân 12,6/19 tiêu chí/xã",
    "có 20/21 chỉ tiêu đạt",
    "thu ngân sách đạt 35%KH",
    "Đến nay, 10/12 xã đạt chuẩn",
    "đến nay 10/12 xã đạt chuẩn",
])
def test_fractions_and_counts_are_not_dates(text):
    assert find_dates(text) == []


def test_a_documents_date_is_recognised_as_such():
    text = "triển khai Kết luận số 09/KL-TU ngày 12/4/2021 của BTV Tỉnh ủy"
    d = first(text)
    assert d.year == 2021 and dates_a_document(text, d)
    lead = "Sáng 12/4, Tỉnh ủy họp"
    assert not dates_a_document(lead, first(lead))
    after_clause = "Thực hiện Kế hoạch của Tỉnh ủy, ngày 12/4, UBND huyện tổ chức hội nghị"
    assert not dates_a_document(after_clause, first(after_clause))
    with_part = "Thực hiện Kế hoạch của Tỉnh ủy sáng 12/4 UBND huyện tổ chức"
    assert not dates_a_document(with_part, first(with_part))


# --- years ---------------------------------------------------------------------------------


def test_year_from_publication_date():
    assert resolve_year(6, 1, "2024-01", "") == 2024
    assert resolve_year(17, 12, "2020-12", "") == 2020


def test_a_date_after_publication_is_the_year_before():
    assert resolve_year(29, 12, "2024-01-03", "") == 2023
    assert resolve_year(31, 12, "2024-01", "") == 2023
    assert resolve_year(3, 1, "2024-01-03", "") == 2024


def test_year_from_reported_periods():
    text = "10 tháng đầu năm 2019, tổng thu bằng 92% so với cùng kỳ năm 2018; chuẩn bị đại hội nhiệm kỳ 2020 - 2025."
    assert resolve_year(31, 10, None, text) == 2019


def test_year_from_a_dated_document():
    text = "bàn triển khai Kết luận số 09/KL-TU ngày 12/4/2021; nhiệm kỳ 2020 - 2025"
    assert resolve_year(23, 4, None, text) == 2021


def test_a_year_end_meeting_reviews_the_year_and_plans_the_next():
    text = "đánh giá tình hình thực hiện nhiệm vụ năm 2022, nhiệm vụ, giải pháp chủ yếu năm 2023"
    assert resolve_year(19, 12, None, text) == 2022
    assert resolve_year(19, 6, None, text) == 2023


def test_mid_year_the_year_reported_most_wins():
    text = "6 tháng đầu năm 2023 tổng thu đạt 50%; 6 tháng đầu năm 2023 sản lượng tăng; kế hoạch năm 2024 sẽ bàn sau"
    assert resolve_year(15, 7, None, text) == 2023
    assert resolve_year(15, 1, None, "tổng kết năm 2023, 2023 nhiều khó khăn, năm 2023; nhiệm vụ năm 2024") == 2024


def test_terms_horizons_and_baselines_do_not_count():
    years = text_years("nhiệm kỳ 2021 - 2026; tầm nhìn đến năm 2050; tăng so với năm 2015; giai đoạn 2016-2020")
    assert not years


def test_no_year_anywhere_is_none():
    assert resolve_year(5, 3, None, "Hội nghị diễn ra sôi nổi.") is None


def test_iso_checks_the_calendar():
    assert iso(2021, 4, 23) == "2021-04-23"
    assert iso(2021, 2, 30) is None
    assert iso(None, 4, 23) is None


def test_publication_month_from_a_news_url():
    assert url_date("https://baoquangbinh.vn/tin-tuc-su-kien/201507/hdnd-thi-xa-2126945/") == "2015-07"
    assert url_date("https://example.vn/2021/04/23/hoi-nghi.html") == "2021-04-23"
    assert url_date("https://baonghean.vn/dien-chau-6-thang-107401.html") is None
    assert url_date(None) is None


def test_a_lunar_new_year_greeting_gives_the_year_of_an_early_year_meeting():
    text = "Nhân dịp đón Xuân Giáp Thìn 2024, chiều 2/2, huyện gặp mặt cán bộ. Năm 2023, huyện thu ngân sách 90 tỷ đồng."
    assert resolve_year(2, 2, None, text) == 2024


def test_a_comparison_baseline_implies_the_year_after_it():
    text = "Chiều 25/6, hội nghị đánh giá: GRDP tăng 8,1% so với cùng kỳ năm 2024."
    assert resolve_year(25, 6, None, text) == 2025


def test_a_congress_meets_in_the_first_year_of_the_term_it_opens():
    text = "Ngày 27/5, Đại hội đại biểu Đảng bộ huyện lần thứ XXII, nhiệm kỳ 2020 - 2025 khai mạc."
    assert resolve_year(27, 5, None, text) == 2020
    assert resolve_year(27, 5, None, "Ngày 27/5, HĐND huyện khóa XX, nhiệm kỳ 2021 - 2026 họp.") is None


def test_a_day_a_few_weeks_after_a_page_date_keeps_its_year():
    # a page's date may be its first version or only its month: "Chiều 7-8" on a page dated 1 July
    assert resolve_year(7, 8, "2025-07-01", "") == 2025
    assert resolve_year(15, 10, "2025-07", "") == 2024    # months after: the year before
    assert resolve_year(28, 12, "2025-01-05", "") == 2024


def test_a_date_years_before_the_report_is_history():
    assert long_before("2011-11-15", "2016-11-21")
    assert not long_before("2016-11-15", "2016-11-21")
    assert not long_before("2015-12-20", "2016-11")
    assert not long_before("2016-11-15", None)


def test_a_month_that_does_not_exist_never_raises():
    assert resolve_year(5, 13, "2024-06-01", "") in (2023, 2024)
    assert resolve_year(31, 2, "2024-01-10", "") == 2024
    assert not long_before("2011-02-31", "2016-11-21") and not long_before("2011-11-15", "2016-13")
