"""Period phrases and their ISO periods (vngov.periods)."""
import pytest

from vngov.periods import Reference, bounds, find_periods

JULY_2022 = Reference(2022, 7)


def periods(text, ref=JULY_2022):
    return [(p.text, p.iso) for p in find_periods(text, ref)]


@pytest.mark.parametrize("text,iso", [
    ("10 tháng đầu năm 2019, thị xã đạt", "2019-01/2019-10"),
    ("Trong 6 tháng đầu năm, huyện", "2022-01/2022-06"),
    ("9 tháng năm 2021, chỉ số", "2021-01/2021-09"),
    ("Trong tháng 5, UBND huyện", "2022-05"),
    ("trong quý I/2024 thu", "2024-01/2024-03"),
    ("tăng trưởng quý II đạt", "2022-04/2022-06"),
    ("Năm 2023, huyện đã mở", "2023"),
    ("thu ngân sách cả năm ước", "2022"),
    ("giai đoạn 2021–2025 đạt", "2021/2025"),
    ("tổng thu ước thực hiện đến cuối tháng 7 gần", "2022-01/2022-07"),
    ("tiêu chí đạt chuẩn đến tháng 10/2019 là", "2019-10"),
    ("thu ngân sách (đến 28/10/2021) đạt", "2021-01/2021-10"),
    ("Sáu tháng đầu năm 2017, thu ngân sách đạt", "2017-01/2017-06"),
    ("Chín tháng năm 2023, thu ngân sách đạt", "2023-01/2023-09"),
    ("tỷ lệ hộ nghèo đầu năm 2020 còn", "2020-01"),
    ("Từ năm 2016 đến năm 2020, huyện đã huy động", "2016/2020"),
    ("từ 2016 đến 2020 thu hút", "2016/2020"),
])
def test_phrases_become_iso_periods(text, iso):
    found = [p for p in find_periods(text, JULY_2022) if p.iso]
    assert found and found[0].iso == iso


def test_last_year_depends_on_when_the_report_was_written():
    assert periods("Năm qua, huyện đã", Reference(2024, 1))[0][1] == "2023"
    assert periods("Năm qua, huyện đã", Reference(2015, 12))[0][1] == "2015"


def test_a_month_still_ahead_is_last_years():
    assert periods("Trong tháng 12, huyện", Reference(2024, 1))[0][1] == "2023-12"


def test_term_counts_when_it_opens_a_sentence_or_has_ended():
    assert periods("Nhiệm kỳ 2015-2020, huyện đạt")[0][1] == "2015/2020"
    assert [iso for _, iso in periods("Đại hội lần thứ XVI, nhiệm kỳ 2020 – 2025 khai mạc")] == [None]
    assert periods("hoàn thành các mục tiêu nghị quyết đại hội nhiệm kỳ 2015-2020 đề ra", Reference(2020, 6))[0][1] \
        == "2015/2020"
    assert periods("các chỉ tiêu chủ yếu trong nhiệm kỳ 2020 - 2025:", Reference(2020, 6))[0][1] == "2020/2025"


def test_tasks_and_comparisons_are_flagged():
    (task,) = find_periods("triển khai nhiệm vụ 6 tháng cuối năm 2015", JULY_2022)
    assert task.task and task.iso == "2015-07/2015-12"
    (cmp_,) = find_periods("tăng 14,62% so với năm 2022", JULY_2022)
    assert cmp_.compare


def test_now_and_vague_phrases_have_no_period():
    shapes = [(p.shape, p.iso) for p in find_periods("Đến nay, lũy kế có; thời gian qua", JULY_2022)]
    assert shapes == [("now", None), ("now", None), ("reset", None)]


def test_bounds_of_a_period():
    assert bounds("2019-01/2019-10") == ("2019-01-01", "2019-10-31")
    assert bounds("2024") == ("2024-01-01", "2024-12-31")
    assert bounds("2021-01-01/2021-10-28") == ("2021-01-01", "2021-10-28")
    assert bounds(None) == (None, None)


def test_no_year_no_period():
    assert periods("6 tháng đầu năm", Reference(None, None)) == [("6 tháng đầu năm", None)]


def test_this_year_and_year_to_date_use_the_report_date():
    assert periods("Năm nay, huyện", Reference(2024, 1))[0][1] == "2024"
    assert periods("Từ đầu năm đến nay, toàn tỉnh", Reference(2023, 9))[0][1] == "2023-01/2023-09"


def test_halves_and_since_a_year():
    assert periods("nửa đầu năm 2024 thu", Reference(2024, 7))[0][1] == "2024-01/2024-06"
    assert periods("Từ năm 2021 đến nay, huyện", Reference(2024, 3))[0][1] == "2021/2024"


# --- properties: any year, any month count, any quarter -----------------------------------

from hypothesis import given, strategies as st  # noqa: E402

YEARS = st.integers(min_value=1995, max_value=2045)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _only(text: str, ref: Reference = JULY_2022) -> str | None:
    found = [p for p in find_periods(text, ref) if p.iso]
    return found[0].iso if found else None


@given(year=YEARS, months=st.integers(min_value=2, max_value=11))
def test_first_n_months_of_any_year(year, months):
    iso = _only(f"{months} tháng đầu năm {year}, huyện đạt")
    assert iso == f"{year}-01/{year}-{months:02d}"
    start, end = bounds(iso)
    assert start == f"{year}-01-01" and end.startswith(f"{year}-{months:02d}-")


@given(year=YEARS, quarter=st.integers(min_value=1, max_value=4), slash=st.booleans())
def test_any_quarter_of_any_year(year, quarter, slash):
    text = f"quý {ROMAN[quarter]}/{year} thu" if slash else f"quý {ROMAN[quarter]} năm {year} thu"
    first, last = 3 * quarter - 2, 3 * quarter
    assert _only(text) == f"{year}-{first:02d}/{year}-{last:02d}"


@given(start=YEARS, length=st.integers(min_value=1, max_value=10), dash=st.sampled_from(["-", "–", " - ", " – "]))
def test_any_span_of_years(start, length, dash):
    end = start + length
    assert _only(f"giai đoạn {start}{dash}{end} đạt") == f"{start}/{end}"
    assert bounds(f"{start}/{end}") == (f"{start}-01-01", f"{end}-12-31")


@given(year=YEARS, months=st.integers(min_value=2, max_value=11))
def test_a_phrase_without_year_takes_the_reference_year(year, months):
    assert _only(f"Trong {months} tháng đầu năm, huyện", Reference(year, 12)) == f"{year}-01/{year}-{months:02d}"


def test_years_named_as_past_count_run_to_the_report_year():
    from vngov.corpus import parse_text
    from vngov.extract import extract_article
    art = parse_text("t", " date 2020-06 Đại hội Đảng bộ xã\n\nTrong 5 năm qua, xã đã làm mới 40 tuyến đường "
                     "với tổng vốn đầu tư đạt 90 tỷ đồng.\n", "t.txt")
    figs = extract_article(art).figures
    assert [f.period for f in figs] == ["2015/2020", "2015/2020"]


def test_five_words_are_never_a_count_of_months():
    assert [p.iso for p in find_periods("những năm tháng khó khăn", JULY_2022)] == []


def test_a_repeated_phrase_without_its_year_keeps_the_year_it_was_written_with():
    ref = Reference(2025, 10)       # a report dated by a later term, about 2024
    text = ("Tổng giá trị sản xuất 9 tháng năm 2024 ước đạt 10.000 tỷ đồng. So với 9 tháng năm 2023 tăng 7%. "
            "Thu ngân sách 9 tháng đạt 400 tỷ đồng. Dự kiến quý IV/2024 thu thêm 90 tỷ đồng; quý IV thu 30 tỷ.")
    found = [(m.text, m.iso) for m in find_periods(text, ref)]
    assert ("9 tháng", "2024-01/2024-09") in found         # the year of "9 tháng năm 2024", not of the comparison
    assert ("quý IV", "2024-10/2024-12") in found
    assert find_periods("Thu ngân sách 9 tháng đạt 400 tỷ đồng.", ref)[0].iso == "2025-01/2025-09"


def test_months_gone_by_and_the_whole_term():
    ref = Reference(2017, 7)
    assert find_periods("6 tháng qua, thành phố đạt nhiều kết quả.", ref)[0].iso == "2017-01/2017-06"
    shapes = [m.shape for m in find_periods("Trong nhiệm kỳ đã kết nạp 346 đảng viên; thu cả nhiệm kỳ đạt 2 tỷ đồng.", ref)]
    assert shapes == ["n_years", "n_years"]                # the term under review
    ahead = find_periods("Trong nhiệm kỳ tới, huyện phấn đấu thu 500 tỷ đồng.", ref)
    assert [(m.shape, m.iso) for m in ahead] == [("next_years", None)]    # the term ahead: dated by the figure scope


def test_a_span_that_names_a_standard_or_a_programme_dates_nothing():
    ref = Reference(2025, 8)
    found = find_periods("tỷ lệ hộ nghèo giảm 2,1% (theo chuẩn nghèo đa chiều giai đoạn 2021 - 2025)", ref)
    assert [m.compare for m in found] == [True]
    found = find_periods("tổng số tiêu chí đạt chuẩn đến tháng 10/2019 là 91 tiêu chí", ref)
    assert [(m.iso, m.compare) for m in found] == [("2019-10", False)]


def test_five_years_as_a_word_and_a_quarter_spelt_qui():
    ref = Reference(2015, 8)
    assert [m.shape for m in find_periods("trong năm năm qua, kinh tế phát triển", ref)] == ["n_years"]
    assert find_periods("Trong quí I, huyện kết nạp 34 đảng viên", Reference(2023, 4))[0].iso == "2023-01/2023-03"


def test_a_year_that_names_a_programme_dates_nothing():
    ref = Reference(2019, 7)
    found = find_periods("Trong 6 tháng đầu năm, xã đã ban hành Kế hoạch hành động, Chương trình trọng tâm năm 2019", ref)
    assert [(m.iso, m.compare) for m in found] == [("2019-01/2019-06", False), ("2019", True)]


def test_a_growth_scenarios_year_names_the_plan_not_a_period_of_results():
    (scenario,) = find_periods("Trong tháng 8, các ngành bám sát kịch bản tăng trưởng GRDP năm 2025 của tỉnh",
                               JULY_2022)[1:]
    assert scenario.task


def test_the_year_of_a_disaster_whose_aftermath_is_told_dates_nothing():
    """"hậu quả … của lũ lụt năm 2020" in a review of 2021 names the flood, not the period."""
    found = find_periods("Năm 2021, mặc dù còn hậu quả nặng nề của lũ lụt năm 2020, kinh tế tăng 6%.", Reference())
    assert [(m.text, m.compare) for m in found] == [("Năm 2021", False), ("năm 2020", True)]
