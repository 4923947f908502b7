"""vngov.meetings: the meeting a news article reports, its date, place, kind and chair."""
import time

import pytest

from vngov.corpus import parse_text
from vngov.meetings import extract_meetings


def article(text: str, doc_id: str = "t"):
    return parse_text(doc_id, text, f"{doc_id}.txt")


def main(text: str):
    found = extract_meetings(article(text))
    assert found, text
    return found[0]


WORKING_VISIT = """(Baohatinh.vn) - Sáng 14/11, dưới sự chủ trì của Bí thư Tỉnh ủy Trần Văn Nam, Thường trực Tỉnh ủy làm việc với BTV Huyện ủy Cẩm Xuyên về tình hình phát triển KT-XH 10 tháng đầu năm 2023.

Cùng dự có Chủ tịch UBND tỉnh Lê Minh Hòa.

Bí thư Huyện ủy Cẩm Xuyên Phạm Đức Lâm báo cáo kết quả 10 tháng đầu năm 2023 của huyện.
"""

COUNCIL = """HĐND huyện Hương Khê khóa XX tổ chức kỳ họp thứ 9

Trong 2 ngày 19 và 20-7, HĐND huyện Hương Khê khóa XX, nhiệm kỳ 2021 - 2026 tổ chức kỳ họp thứ 9 đánh giá tình hình 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2022.

Đồng chí Võ Thị Hà, Phó Bí thư Huyện ủy, Chủ tịch HĐND huyện chủ trì kỳ họp.
"""

PROVINCE_BODY = """ date 2023-03 Chiều 2/3, Thường trực Tỉnh ủy làm việc với Ban Cán sự đảng UBND tỉnh về tiến độ các dự án trọng điểm.

Tham dự có lãnh đạo các sở, ngành của tỉnh Quảng Bình.
"""

CO_CHAIRS = """ date 2021-07 Tại điểm cầu Thanh Hóa, các đồng chí: Đỗ Minh Tuấn - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; Lại Thế Nguyên - Phó Bí thư Thường trực Tỉnh ủy đồng chủ trì hội nghị. Cùng dự có đồng chí Nguyễn Văn Thi - Phó Chủ tịch UBND tỉnh.

Hội nghị trực tuyến toàn quốc đánh giá tình hình 6 tháng đầu năm.
"""

NO_DATE = """Thị ủy Hồng Lĩnh vừa tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2022.

Năm 2022, thị xã Hồng Lĩnh đạt nhiều kết quả.
"""

TODAY = """Chiều nay (12/5), BTV Thành ủy Vinh tổ chức hội nghị lần thứ 20, bàn triển khai Nghị quyết số 05-NQ/TU ngày 3/4/2024 của BTV Tỉnh ủy.

Đồng chí Phan Đức Đồng, Ủy viên BTV Tỉnh ủy, Bí thư Thành ủy chủ trì hội nghị.
"""

NOT_A_MEETING = """Giá lúa tăng mạnh

Nông dân phấn khởi vì giá lúa vụ hè thu năm nay tăng cao so với cùng kỳ.
"""


def test_working_visit_of_a_higher_body_is_about_the_lower_unit():
    m = main(WORKING_VISIT)
    assert m.date == "2023-11-14"
    assert m.part_of_day == "sáng"
    assert m.kind == "làm việc"
    assert m.host == "Thường trực Tỉnh ủy"
    assert m.counterpart == "BTV Huyện ủy Cẩm Xuyên"
    assert m.locality == "huyện Cẩm Xuyên"
    assert m.chair == ("Trần Văn Nam",)


def test_evidence_is_the_lead_sentence():
    m = main(WORKING_VISIT)
    assert m.evidence.text.startswith("Sáng 14/11") and m.evidence.text.endswith("năm 2023.")


def test_council_session_over_two_days():
    m = main(COUNCIL)
    assert (m.date, m.end_date) == ("2022-07-19", "2022-07-20")
    assert m.kind == "kỳ họp"
    assert m.host == "HĐND huyện Hương Khê"
    assert m.locality == "huyện Hương Khê"
    assert m.chair == ("Võ Thị Hà",)


def test_bare_province_resolved_from_the_article():
    m = main(PROVINCE_BODY)
    assert m.date == "2023-03-02"
    assert m.locality == "tỉnh Quảng Bình"
    assert m.chair == ()


def test_bare_province_resolved_from_the_source_marker():
    text = PROVINCE_BODY.replace(" date 2023-03 ", " date 2023-03 (Baonghean.vn) - ").replace(
        "của tỉnh Quảng Bình", "")
    assert main(text).locality == "tỉnh Nghệ An"


def test_venue_and_co_chairs():
    m = main(CO_CHAIRS)
    assert m.kind == "hội nghị"
    assert m.locality == "tỉnh Thanh Hóa"
    assert m.chair == ("Đỗ Minh Tuấn", "Lại Thế Nguyên")
    assert m.date is None


def test_undated_meeting_keeps_place_and_kind():
    m = main(NO_DATE)
    assert m.date is None
    assert m.kind == "hội nghị" and m.subkind == "tổng kết"
    assert m.locality == "thị xã Hồng Lĩnh"


def test_today_takes_its_year_from_a_cited_document_not_its_date():
    m = main(TODAY)
    assert m.date == "2024-05-12"
    assert m.part_of_day == "chiều"
    assert m.locality == "thành phố Vinh"
    assert m.chair == ("Phan Đức Đồng",)


def test_december_session_in_a_january_article_is_last_year():
    text = " date 2024-01-05 Ngày 28/12, HĐND huyện Can Lộc tổ chức kỳ họp thứ 15."
    assert main(text).date == "2023-12-28"


def test_a_task_led_is_not_a_chair():
    text = ("Ngày 5/6, UBND huyện Đức Thọ tổ chức hội nghị triển khai kế hoạch. "
            "Đồng chí Nguyễn Văn Bình giao Phòng Nông nghiệp chủ trì, phối hợp với các xã thực hiện.")
    assert main(" date 2022-06 " + text).chair == ()


@pytest.mark.parametrize("phrase, kind", [
    ("tổ chức hội nghị phiên thường kỳ", "hội nghị"),
    ("tổ chức phiên họp thường kỳ", "phiên họp"),
    ("họp phiên thường kỳ tháng 7", "phiên họp"),
    ("tổ chức Kỳ họp thứ 11", "kỳ họp"),
    ("tổ chức Đại hội đại biểu Đảng bộ huyện lần thứ XX", "đại hội"),
    ("tổ chức tiếp xúc cử tri trước kỳ họp", "tiếp xúc cử tri"),
    ("tổ chức gặp mặt các cơ quan báo chí", "gặp mặt"),
    ("tổ chức hội thảo khoa học", "hội thảo"),
])
def test_kinds_in_their_shortest_form(phrase, kind):
    assert main(f" date 2022-07 Sáng 5/7, UBND huyện Nghi Xuân {phrase}.").kind == kind


def test_second_meeting_the_same_afternoon():
    text = (" date 2024-01 Chiều 6/1, BCH Đảng bộ huyện Thạch Hà tổ chức hội nghị tổng kết năm 2023.\n\n"
            "Năm 2023 huyện đạt nhiều kết quả.\n\n"
            "Cũng trong chiều nay, huyện Thạch Hà tổng kết cuộc thi viết về Đảng.")
    found = extract_meetings(article(text))
    assert [m.kind for m in found] == ["hội nghị", "tổng kết"]
    assert found[1].date == "2024-01-06" and found[1].part_of_day == "chiều"


def test_headline_names_the_meeting_and_the_lead_dates_it():
    text = (" date 2019-04 Hội nghị Ban Chấp hành Đảng bộ huyện Nghi Xuân lần thứ 12\n\n"
            "Sáng 9/4, Ban Chấp hành Đảng bộ huyện đã nghe báo cáo tình hình quý I năm 2019.")
    m = main(text)
    assert m.kind == "hội nghị" and m.locality == "huyện Nghi Xuân"
    assert m.date == "2019-04-09" and m.part_of_day == "sáng"


def test_an_office_named_as_chair_stands_for_its_holder():
    text = (" date 2023-06 Sáng 20/6, BTV Huyện ủy Can Lộc tổ chức hội nghị sơ kết 6 tháng đầu năm. "
            "Bí thư Huyện ủy chủ trì hội nghị.\n\n"
            "Phát biểu kết luận, Bí thư Huyện ủy Trần Tú Anh đề nghị các địa phương tập trung cao.")
    assert main(text).chair == ("Trần Tú Anh",)


def test_no_meeting_no_record():
    assert extract_meetings(article(NOT_A_MEETING)) == ()


def test_fast_enough_for_a_large_corpus():
    docs = [article(t, str(i)) for i, t in enumerate([WORKING_VISIT, COUNCIL, PROVINCE_BODY, CO_CHAIRS,
                                                       NO_DATE, TODAY, NOT_A_MEETING] * 30)]
    extract_meetings(docs[0])  # warm the caches
    t = time.perf_counter()
    for d in docs:
        extract_meetings(d)
    rate = len(docs) / (time.perf_counter() - t)
    assert rate > 400, f"{rate:.0f} articles/s"


def test_a_provincial_body_at_a_lower_unit_is_about_that_unit():
    body = ("Giám sát thu chi ngân sách\n\nNgày 15/1/2024, Đoàn giám sát của Ban Kinh tế - Ngân sách "
            "HĐND tỉnh Hà Nam đã giám sát tình hình thu, chi ngân sách năm 2023 tại TX Duy Tiên. Ông Trương Văn Hải, "
            "Trưởng ban Kinh tế - Ngân sách HĐND tỉnh chủ trì buổi làm việc.")
    [m] = extract_meetings(parse_text("gs", body, "gs.txt"))[:1]
    assert (m.date, m.kind, m.locality) == ("2024-01-15", "giám sát", "thị xã Duy Tiên")
    assert m.chair == ("Trương Văn Hải",)


def test_a_lower_unit_named_in_passing_does_not_take_a_provincial_meeting():
    body = ("Hội nghị BCH Đảng bộ tỉnh\n\nSáng 12/7/2024, BCH Đảng bộ tỉnh Hà Giang tổ chức hội nghị lần thứ 21 "
            "đánh giá kết quả 6 tháng đầu năm.")
    [m] = extract_meetings(parse_text("hg", body, "hg.txt"))[:1]
    assert m.locality == "tỉnh Hà Giang"


@pytest.mark.parametrize("lead, where", [
    ("Trong 2 ngày 18-19/6/2020, Đảng bộ xã Tân Lập, huyện Đồng Phú tổ chức Đại hội đại biểu lần thứ XII.",
     "xã Tân Lập"),
    ("Ngày 9/12/2015, Ban Chấp hành Đảng bộ huyện Vĩnh Hưng, tỉnh Long An tổ chức hội nghị lần thứ 4.",
     "huyện Vĩnh Hưng"),
    ("Trong 2 ngày (28 và 29-5-2020), Đảng bộ xã Vọng Đông (Thoại Sơn, An Giang) tổ chức Đại hội.",
     "xã Vọng Đông"),
])
def test_the_host_is_the_unit_not_the_address_written_after_it(lead, where):
    assert main(lead).locality == where


def test_a_person_after_a_province_office_is_never_a_province():
    m = main("Sáng 6/12/2023, HĐND huyện Nghi Xuân tổ chức kỳ họp thứ 12. Dự có Phó ban Pháp chế HĐND tỉnh Lê Văn Tùng.")
    assert m.locality == "huyện Nghi Xuân"
    from vngov.localities import find
    assert find("Phó ban Pháp chế HĐND tỉnh Lê Văn Tùng") == []


@pytest.mark.parametrize("text, chairs", [
    # co-chairs joined by "và" before the verb
    ("Chiều 2/3/2023, Thường trực HĐND tỉnh làm việc với UBND thị xã Hồng Lĩnh. Phó Chủ tịch HĐND tỉnh "
     "Trần Văn Kỳ và Trưởng ban Kinh tế - Ngân sách HĐND tỉnh Nguyễn Thị Thúy Nga chủ trì cuộc làm việc.",
     ("Trần Văn Kỳ", "Nguyễn Thị Thúy Nga")),
    # every chair of a listed presidium
    ("Sáng 12/7/2024, Ban Chấp hành Đảng bộ tỉnh Hà Tĩnh tổ chức hội nghị lần thứ 20. Chủ trì hội nghị có "
     "các đồng chí: Lê Văn Hòa, Bí thư Tỉnh ủy; Trần Văn Lâm, Phó Bí thư Thường trực Tỉnh ủy; Nguyễn Thị Mai, "
     "Chủ tịch HĐND tỉnh và Phạm Văn Tú, Chủ tịch UBND tỉnh.",
     ("Lê Văn Hòa", "Trần Văn Lâm", "Nguyễn Thị Mai", "Phạm Văn Tú")),
    # co-chairs named before a misspelt verb ("đồng chủ trị")
    (" date 2016-12 Sáng 14/12, HĐND huyện Ba Tri tổ chức kỳ họp thứ 3. Ông Nguyễn Văn Trai - Chủ tịch HĐND "
     "huyện cùng ông Nguyễn Văn Nghị - Phó Chủ tịch HĐND huyện đồng chủ trị kỳ họp.",
     ("Nguyễn Văn Trai", "Nguyễn Văn Nghị")),
])
def test_co_chairs_and_listed_chairs(text, chairs):
    assert main(text).chair == chairs


def test_a_second_session_the_same_day_is_a_meeting_of_its_own():
    found = extract_meetings(article("Sáng 5/12/2024, HĐND huyện Can Lộc tổ chức kỳ họp thứ 18. "
                                     "Chiều cùng ngày, HĐND huyện Hương Khê cũng tổ chức kỳ họp thứ 20."))
    assert [(m.date, m.locality) for m in found] == [("2024-12-05", "huyện Can Lộc"), ("2024-12-05", "huyện Hương Khê")]


def test_a_session_of_history_is_not_the_articles_meeting():
    found = extract_meetings(article(" date 2024-07 Kỳ họp\n\nSáng 12/7, HĐND huyện Kỳ Anh khóa XX tổ chức kỳ họp "
                                     "thứ 15. Tại Kỳ họp thứ 10, Quốc hội khóa IX năm 1996 đã thông qua luật."))
    assert [(m.date, m.locality) for m in found] == [("2024-07-12", "huyện Kỳ Anh")]


def test_a_presidium_listed_without_a_colon_chairs_together():
    m = main("Sáng 14/12/2022, HĐND huyện Đam Rông tổ chức kỳ họp thứ 10. Các đồng chí Nguyễn Văn Lộc - Bí thư Huyện ủy, "
             "Chủ tịch HĐND huyện; Khổng Hữu Kiên - Phó Chủ tịch HĐND huyện chủ trì kỳ họp.")
    assert m.chair == ("Nguyễn Văn Lộc", "Khổng Hữu Kiên")


def test_a_new_commune_with_its_merged_province_after_it():
    m = main(" date 2025-07 Đại hội\n\nSáng 30/7, Đảng bộ xã Đắk Mil, tỉnh Lâm Đồng long trọng tổ chức Đại hội Đại biểu "
             "lần thứ I, nhiệm kỳ 2025 - 2030.")
    assert (m.date, m.locality) == ("2025-07-30", "xã Đắk Mil")


def test_a_date_written_in_words_keeps_its_two_digit_month():
    m = main("Sáng ngày 08 tháng 12 năm 2015, Hội đồng nhân dân tỉnh Lạng Sơn khóa XV đã khai mạc kỳ họp thứ 12.")
    assert m.date == "2015-12-08"


def test_the_unit_named_with_the_meeting_outranks_a_visitors_province():
    m = main(" date 2025-08\nNgày 15-8, đồng chí Nguyễn Văn A - Phó Chủ tịch UBND tỉnh Gia Lai đã về dự và chỉ đạo "
             "Đại hội đại biểu Đảng bộ xã Ia Lâu lần thứ I, nhiệm kỳ 2025-2030.")
    assert m.locality == "xã Ia Lâu"
    m = main(" date 2025-12\nSáng 10/12, Chủ tịch UBND xã Ia Lâu dự kỳ họp thứ 5 HĐND tỉnh Gia Lai.")
    assert m.locality == "tỉnh Gia Lai"       # the body that meets, though a commune's chairman attends
    m = main(" date 2020-01\nNgày 06/01/2020, ông Lê Văn B, Đại biểu HĐND tỉnh, tiếp xúc cử tri tại các xã "
             "Nhơn Mỹ và Nhơn An.")
    assert m.locality == "xã Nhơn Mỹ"


def test_a_congress_meets_in_the_first_year_of_the_term_it_opens():
    m = main("Xã Xuân Sơn tổ chức Đại hội Đảng bộ nhiệm kỳ 2015 – 2020\n\nNgày 20/5, Đảng bộ xã Xuân Sơn tổ chức "
             "Đại hội đại biểu lần thứ XXV, nhiệm kỳ 2015 – 2020. Năm 2014, tổng giá trị sản xuất đạt 183 tỷ đồng.")
    assert m.date == "2015-05-20"


def test_running_the_session_is_chairing_it():
    text = (" date 2025-08\nSáng 12/8, HĐND xã Đất Đỏ khóa I tổ chức kỳ họp thứ ba. Bà Đỗ Thị Hồng, Bí thư Đảng ủy, "
            "Chủ tịch HĐND xã và bà Lê Thị Tuyết Nhung, Phó Chủ tịch HĐND xã điều hành kỳ họp.")
    assert set(main(text).chair) == {"Đỗ Thị Hồng", "Lê Thị Tuyết Nhung"}
    plain = main(" date 2025-08\nSáng 12/8, UBND xã tổ chức hội nghị. Ông Lê Văn Tám điều hành giao thông tại chợ.")
    assert plain.chair == ()


def test_a_meeting_with_voters_is_the_voters_unit():
    m = main(" date 2025-11-13 Cử tri phường Phong Phú đề đạt nguyện vọng với HĐND thành phố Huế\n\n"
             "Tại buổi tiếp xúc, ông Nguyễn Văn A thông tin tình hình kinh tế - xã hội 10 tháng năm 2025.")
    assert m.kind == "tiếp xúc cử tri"
    assert m.locality == "phường Phong Phú"
    council = main(" date 2022-07 Sáng 5/7, HĐND huyện Nghi Xuân tổ chức kỳ họp thứ 8.")
    assert council.locality == "huyện Nghi Xuân"        # no voters named: the council's unit


def test_a_party_organisation_is_no_organising_verb():
    m = main(" date 2025-08-13 Danh mục\nTHÚY NGỌ\n(GLO)- Phát biểu chỉ đạo tại Đại hội đại biểu Đảng bộ xã Kông Chro "
             "lần thứ I, nhiệm kỳ 2025-2030 vào sáng 13-8, đồng chí Nguyễn Văn An đề nghị xã thu hút đầu tư.\n\n"
             "Tham dự Đại hội có 160 đại biểu đại diện cho gần 900 đảng viên của 37 tổ chức Đảng trực thuộc.")
    assert (m.date, m.locality) == ("2025-08-13", "xã Kông Chro")


def test_a_founding_date_recalled_in_the_lead_is_not_the_meeting_date():
    m = main("Hội nghị đánh giá 5 năm thành lập thị xã\nNgày cập nhật 21/11/2016\n\nNgày 10/10/2011 là ngày thành lập "
             "thị xã Hồng Lĩnh, đến nay đã tròn 5 năm. Thị xã Hồng Lĩnh đã tổ chức hội nghị đánh giá 5 năm qua.")
    assert m.date != "2011-10-10"


def test_the_presidium_named_after_gom_chaired():
    m = main(" date 2025-12 Sáng 20/12, HĐND phường Bắc Hà tổ chức kỳ họp thứ 10.\n\nChủ tọa điều hành kỳ họp gồm các "
             "đồng chí: Trần Văn Bình - Bí thư Đảng ủy, Chủ tịch HĐND phường và đồng chí Lê Thị Hoa - Phó Chủ tịch HĐND phường.")
    assert set(m.chair) == {"Trần Văn Bình", "Lê Thị Hoa"}


@pytest.mark.parametrize("sentence", [
    "Ông Trần Văn Bình, Bí thư Đảng ủy, Chủ tịch HĐND xã; ông Lê Văn Hải, Phó Chủ tịch HĐND xã chủ trì kỳ họp.",
    "Bí thư Huyện ủy Trần Văn Bình; Chủ tịch UBND huyện Lê Văn Hải chủ trì hội nghị.",
    "Ông Trần Văn Bình – Chủ tịch UBND tỉnh và Phó Chủ tịch Lê Văn Hải cùng chủ trì hội nghị.",
])
def test_every_chair_listed_before_the_verb(sentence):
    m = main(f" date 2024-07 Sáng 6/7, UBND huyện Đức Thọ tổ chức hội nghị sơ kết 6 tháng. {sentence}")
    assert set(m.chair) == {"Trần Văn Bình", "Lê Văn Hải"}


def test_guests_listed_by_semicolons_are_not_chairs():
    m = main(" date 2024-07 Sáng 6/7, UBND huyện Đức Thọ tổ chức hội nghị. Tham dự có ông Trần Văn Bình, Bí thư "
             "Huyện ủy; ông Lê Văn Hải, Phó Chủ tịch UBND huyện chủ trì hội nghị.")
    assert "Trần Văn Bình" not in m.chair


def test_a_commune_chosen_for_a_pilot_congress_is_its_locality():
    m = main(" date 2020-03 Sáng 17/3, Đảng bộ huyện Can Lộc đã chọn xã Thiên Lộc làm nơi tổ chức đại hội điểm, "
             "đại hội Đảng bộ xã nhiệm kỳ 2020-2025.")
    assert m.locality == "xã Thiên Lộc"


def test_every_name_under_dieu_hanh_cua_joined_by_va_or_semicolons_chaired():
    m = main(" date 2025-12 Sáng 23/12, tiếp tục Kỳ họp thứ Hai, HĐND tỉnh khóa X, dưới sự điều hành của Phó Bí thư "
             "Tỉnh ủy, Chủ tịch HĐND tỉnh Trần Thị Hòa và Phó Chủ tịch Thường trực HĐND tỉnh Lê Văn Giang; Phó Chủ "
             "tịch HĐND tỉnh Đỗ Văn Phong, kỳ họp xem xét nhiều nội dung quan trọng.")
    assert set(m.chair) == {"Trần Thị Hòa", "Lê Văn Giang", "Đỗ Văn Phong"}
    one_chair = main(" date 2025-12 Sáng 23/12, dưới sự chủ trì của Bí thư Tỉnh ủy Trần Văn Nam, Hội nghị Tỉnh ủy "
                     "thảo luận với Chủ tịch UBND tỉnh Lê Văn Hải về kế hoạch năm 2026.")
    assert one_chair.chair == ("Trần Văn Nam",)


def test_a_list_of_guests_does_not_make_the_meeting_theirs():
    """The guests' offices (Tỉnh ủy) are not the unit that meets; the lowest unit named is."""
    body = ("Bước vào nhiệm kỳ mới\n\nĐến dự Đại hội có đồng chí Trần Văn Bình, Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy; đồng chí "
            "Lê Văn Hòa, Bí thư Huyện ủy cùng 120 đại biểu đại diện cho 410 đảng viên trong Đảng bộ xã Tịnh Hà. "
            "Tỉnh Quảng Ngãi có nhiều huyện. Tỉnh Quảng Ngãi đạt chuẩn.")
    assert main(body).locality == "xã Tịnh Hà"


def test_a_sentence_that_tells_the_meeting_beats_a_list_of_guests():
    body = ("Bước vào nhiệm kỳ mới\n\nCác đồng chí Trần Văn Bình, Phó Bí thư Tỉnh ủy; Lê Văn Hòa, Bí thư Huyện ủy đến dự đại hội. "
            "Đại hội Đảng bộ xã Tịnh Hà, huyện Sơn Tịnh (Quảng Ngãi) đã thảo luận, thông qua Nghị quyết. "
            "Tỉnh Quảng Ngãi có nhiều huyện. Tỉnh Quảng Ngãi đạt chuẩn.")
    assert main(body).locality == "xã Tịnh Hà"


def test_a_conference_organised_by_a_department_is_the_provinces_wherever_it_is_held():
    """"tổ chức hội nghị" is the verb and its object, not "tổ chức hội" (an association)."""
    body = ("Sơ kết\n\nChiều 16/7 tại huyện Đầm Dơi, Sở Tài chính tổ chức hội nghị sơ kết 6 tháng đầu năm 2024. "
            "Tỉnh Cà Mau có 9 huyện.")
    m = main(body)
    assert m.host == "Sở Tài chính"
    assert m.locality == "tỉnh Cà Mau"


def test_yesterday_with_a_dotted_date_dates_the_meeting():
    body = "Đại hội\n\nHôm qua 24.6, Đảng bộ xã Bình Minh tổ chức Đại hội đại biểu lần thứ XX, nhiệm kỳ 2020 - 2025."
    m = main(body)
    assert (m.date, m.locality) == ("2020-06-24", "xã Bình Minh")
