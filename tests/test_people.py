"""vngov.people: every named person once, with the offices the article gives them."""
import pytest

from vngov.corpus import parse_text
from vngov.people import extract_people


def article(body: str, doc_id: str = "t"):
    return parse_text(doc_id, body, f"{doc_id}.txt")


def people_of(body: str) -> dict[str, list[str]]:
    return {p.name: [r.text for r in p.roles] for p in extract_people(article(body))}


def test_office_before_the_name_and_a_place_between():
    got = people_of("Sáng 5/3, Chủ tịch UBND TX Hồng Lĩnh Nguyễn Thị Lan làm việc với các xã.")
    assert got == {"Nguyễn Thị Lan": ["Chủ tịch UBND TX Hồng Lĩnh"]}


def test_two_offices_before_a_name():
    got = people_of("Dự hội nghị có Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Phan Minh Tâm.")
    assert got == {"Phan Minh Tâm": ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]}


def test_offices_after_the_name_until_the_verb():
    got = people_of("Đồng chí Bùi Xuân Hòa, Ủy viên BTV Tỉnh ủy, Bí thư Huyện ủy chủ trì hội nghị.")
    assert got == {"Bùi Xuân Hòa": ["Ủy viên BTV Tỉnh ủy", "Bí thư Huyện ủy"]}


def test_a_rank_is_not_a_role():
    art = article("Dự có Thiếu tướng Đinh Văn Nơi - Giám đốc Công an tỉnh; lãnh đạo các sở, ngành.")
    [p] = extract_people(art)
    assert (p.name, p.rank, [r.text for r in p.roles]) == ("Đinh Văn Nơi", "Thiếu tướng", ["Giám đốc Công an tỉnh"])


def test_an_office_right_before_the_next_name_belongs_to_the_next_person():
    got = people_of("Cùng dự có Bí thư Tỉnh ủy Đỗ Văn Chiến, Chủ tịch UBND tỉnh Lê Hoài Nam và các sở.")
    assert got == {"Đỗ Văn Chiến": ["Bí thư Tỉnh ủy"], "Lê Hoài Nam": ["Chủ tịch UBND tỉnh"]}


def test_a_list_shares_the_office_before_the_colon():
    got = people_of("Tham dự có các Phó Chủ tịch UBND tỉnh: Trần Văn Một, Lê Thị Hai và Phạm Văn Ba.")
    assert got == {n: ["Phó Chủ tịch UBND tỉnh"] for n in ("Trần Văn Một", "Lê Thị Hai", "Phạm Văn Ba")}


def test_a_list_item_keeps_the_shared_office_and_its_own():
    got = people_of("Chủ trì có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: Vũ Thị Hoa - Phó Chủ tịch HĐND tỉnh, "
                    "Đào Văn Khánh - Giám đốc Sở Tài chính.")
    assert got == {"Vũ Thị Hoa": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch HĐND tỉnh"],
                   "Đào Văn Khánh": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Giám đốc Sở Tài chính"]}


def test_a_list_head_is_shared_over_items_that_name_their_offices_before_the_names():
    got = people_of("Tham gia đoàn công tác có các đồng chí Ủy viên Trung ương Đảng: Tổng thư ký Quốc hội Bùi Văn Cường; "
                    "Chủ nhiệm Ủy ban Tư pháp Lê Thị Nga.")
    assert got == {"Bùi Văn Cường": ["Ủy viên Trung ương Đảng", "Tổng thư ký Quốc hội"],
                   "Lê Thị Nga": ["Ủy viên Trung ương Đảng", "Chủ nhiệm Ủy ban Tư pháp"]}
    plural = people_of("Dự có các Phó Chủ tịch UBND tỉnh Trần Văn Một, Lê Thị Hai; Giám đốc Sở Tài chính Phạm Văn Ba.")
    assert plural["Phạm Văn Ba"] == ["Giám đốc Sở Tài chính"]     # a plural head without a colon stops at an own office


def test_a_list_without_a_shared_office():
    got = people_of("Các đồng chí: Hồ Văn Tư - Bí thư Huyện ủy; Ngô Đức Năm - Phó Bí thư Huyện ủy, Chủ tịch UBND huyện.")
    assert got == {"Hồ Văn Tư": ["Bí thư Huyện ủy"], "Ngô Đức Năm": ["Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện"]}


def test_fillers_between_offices():
    got = people_of("HĐND huyện bầu ông Lưu Văn Sáu - Ủy viên BCH Đảng bộ huyện, nhiệm kỳ 2020-2025, "
                    "giữ chức Phó Chủ tịch UBND huyện Yên Thành nhiệm kỳ 2021 - 2026.")
    assert got == {"Lưu Văn Sáu": ["Ủy viên BCH Đảng bộ huyện", "Phó Chủ tịch UBND huyện Yên Thành"]}


def test_one_office_mentioned_twice_is_given_once_and_the_place_less_form_merges():
    got = people_of("Chủ tịch UBND huyện Yên Thành Hà Văn Bảy phát biểu.\n\n"
                    "Chủ tịch UBND huyện Hà Văn Bảy nhấn mạnh nhiệm vụ.\n\n"
                    "Chủ tịch UBND huyện Yên Thành Hà Văn Bảy kết luận.")
    assert got == {"Hà Văn Bảy": ["Chủ tịch UBND huyện Yên Thành"]}


def test_different_offices_of_one_person_are_all_kept():
    got = people_of("Phó Chủ tịch UBND tỉnh Kiều Văn Tám dự.\n\nPhó Chủ tịch Thường trực UBND tỉnh Kiều Văn Tám kết luận.")
    assert got == {"Kiều Văn Tám": ["Phó Chủ tịch UBND tỉnh", "Phó Chủ tịch Thường trực UBND tỉnh"]}


def test_names_without_offices_and_places_that_look_like_names():
    got = people_of("Huyện học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. "
                    "Kinh tế Hà Tĩnh tăng trưởng; thị trấn Hồ Xá mở rộng; Tiểu dự án Hạ tầng được triển khai.")
    assert got == {}


def test_photo_credits_and_byline_are_not_people():
    body = "Bí thư Huyện ủy Lý Văn Chín phát biểu tại hội nghị. (Ảnh: Nguyễn Văn Mười)\n\nTrần Thị Hằng"
    got = people_of(body)
    assert got == {"Lý Văn Chín": ["Bí thư Huyện ủy"]}


def test_role_locality_comes_from_the_phrase_or_the_article():
    art = article("Chiều 2/3, Thường trực Tỉnh ủy Hà Tĩnh làm việc với huyện Thạch Hà. "
                  "Dự có Chủ tịch UBND tỉnh Võ Văn Một, Bí thư Huyện ủy Thạch Hà Lê Văn Hai.")
    roles = {p.name: p.roles[0] for p in extract_people(art)}
    assert roles["Võ Văn Một"].locality == "tỉnh Hà Tĩnh"
    assert roles["Lê Văn Hai"].locality == "huyện Thạch Hà"
    assert roles["Võ Văn Một"].title == "Chủ tịch" and roles["Võ Văn Một"].body == "UBND"


def test_evidence_points_into_the_body():
    art = article("Sáng nay, Giám đốc Sở Y tế Mai Văn Hùng kiểm tra bệnh viện.")
    [p] = extract_people(art)
    assert any("Mai Văn Hùng" in ev.text for ev in p.evidence)
    assert all(art.body[ev.start:ev.end] == ev.text for ev in p.evidence)


@pytest.mark.parametrize("body", ["", "Kinh tế tăng trưởng khá.", "UBND tỉnh đề nghị các sở khẩn trương."])
def test_no_people(body):
    assert people_of(body or " ") == {}


def test_office_comma_address_name():
    got = people_of("Chủ tịch UBND xã Sơn Lộc, ông Đàm Văn Quế cho biết xã đã về đích nông thôn mới.")
    assert got == {"Đàm Văn Quế": ["Chủ tịch UBND xã Sơn Lộc"]}


def test_appointment_without_a_comma():
    got = people_of("Tỉnh trao quyết định bổ nhiệm đồng chí Khúc Văn Đông giữ chức Phó Giám đốc Sở Y tế.")
    assert got == {"Khúc Văn Đông": ["Phó Giám đốc Sở Y tế"]}


def test_an_organisation_the_lexicon_does_not_list():
    got = people_of("Theo ông Lã Văn Nhất, Giám đốc Trung tâm Khuyến nông tỉnh cho biết, năng suất lúa tăng.\n\n"
                    "Giám đốc Ban Quản lý rừng phòng hộ Ngàn Phố Cù Văn Hai kiểm tra.")
    assert got == {"Lã Văn Nhất": ["Giám đốc Trung tâm Khuyến nông tỉnh"],
                   "Cù Văn Hai": ["Giám đốc Ban Quản lý rừng phòng hộ Ngàn Phố"]}


def test_plural_office_without_colon_is_shared():
    got = people_of("Dự có các đồng chí Phó Bí thư Huyện ủy Mạc Văn Một, Lục Thị Hai.")
    assert got == {"Mạc Văn Một": ["Phó Bí thư Huyện ủy"], "Lục Thị Hai": ["Phó Bí thư Huyện ủy"]}


def test_national_offices_and_countries():
    got = people_of("Phó Thủ tướng Chính phủ Âu Văn Ba làm việc với đối tác Hàn Quốc và Thái Lan.")
    assert got == {"Âu Văn Ba": ["Phó Thủ tướng Chính phủ"]}


@pytest.mark.parametrize("body", [
    "Phó Bí thư Thường trực Huyện ủy - Chủ tịch HĐND huyện Vi Văn Mười phát biểu.",
    "Ông Vi Văn Mười - Phó Bí thư Thường trực Huyện ủy - Chủ tịch HĐND huyện phát biểu.",
    "Phó Bí thư Thường trực Huyện ủy kiêm Chủ tịch HĐND huyện Vi Văn Mười dự.",
])
def test_offices_joined_by_dash_or_kiem(body):
    assert people_of(body) == {"Vi Văn Mười": ["Phó Bí thư Thường trực Huyện ủy", "Chủ tịch HĐND huyện"]}


def test_photo_credit_after_a_sentence():
    assert people_of("Lãnh đạo tỉnh thăm hỏi gia đình chính sách. Ảnh: Nguyễn Hải Nam") == {}


def test_a_list_ends_where_an_item_brings_its_own_office():
    got = people_of("Dự có các đồng chí Phó Chủ tịch UBND tỉnh Mạc Văn Một, Lục Thị Hai; Giám đốc Sở Y tế Tạ Văn Ba.")
    assert got == {"Mạc Văn Một": ["Phó Chủ tịch UBND tỉnh"], "Lục Thị Hai": ["Phó Chủ tịch UBND tỉnh"],
                   "Tạ Văn Ba": ["Giám đốc Sở Y tế"]}


def test_a_shared_office_list_ends_where_its_separator_changes():
    got = people_of("Cùng dự có các Phó Chủ tịch UBND tỉnh: Nguyễn Thị Lan Anh, Y Khuê Niê; "
                    "Đại tá Bùi Đức Tâm, Giám đốc Công an tỉnh cùng thủ trưởng các sở, ngành.")
    assert got["Y Khuê Niê"] == ["Phó Chủ tịch UBND tỉnh"]
    assert got["Bùi Đức Tâm"] == ["Giám đốc Công an tỉnh"]


def test_central_highlands_names_and_offices_won_at_an_election():
    got = people_of("Đồng chí A Thuyên, Bí thư Đảng ủy thị trấn chủ trì hội nghị. "
                    "Đồng chí H'Yim Kđoh tái đắc cử Chủ tịch Hội Liên hiệp Phụ nữ huyện.")
    assert got["A Thuyên"] == ["Bí thư Đảng ủy thị trấn"]
    assert "H'Yim Kđoh" in got


@pytest.mark.parametrize("signature", [
    "Mai Lan, Trần Hùng/THTV",
    "Lê Thảo - Võ Minh",
    "Hoàng Nam – Phó Chánh Văn phòng Huyện ủy Yên Thành",
    "Đinh Hòa",
])
def test_a_signature_line_is_not_a_person_of_the_story(signature):
    body = ("Sáng 3/4, Bí thư Huyện ủy Phan Văn Tâm chủ trì hội nghị sơ kết quý I năm 2024.\n\n"
            "Huyện thu ngân sách đạt 120 tỷ đồng.\n\n" + signature)
    assert set(people_of(body)) == {"Phan Văn Tâm"}


def test_a_short_form_is_the_full_name_and_carries_its_offices():
    got = people_of("Đại hội bầu đồng chí Lê Quang Vinh làm Bí thư Huyện ủy. "
                    "Ông Vinh được phân công giữ chức Chủ tịch HĐND huyện.")
    assert list(got) == ["Lê Quang Vinh"]


def test_a_short_form_that_two_full_names_share_is_left_alone():
    got = people_of("Dự có ông Trần Văn Hà và bà Nguyễn Thị Hà. Ông Hà phát biểu.")
    assert set(got) == {"Trần Văn Hà", "Nguyễn Thị Hà"}


def test_an_office_written_with_a_misspelt_council_and_a_province_named_like_a_harbour():
    got = people_of("Trong 2 ngày 10 và 11-7-2018, Bí thư Thành ủy, Chủ tịch HDND TP. Bến Tre "
                    "Trần Văn Lộc chủ trì kỳ họp.")
    assert list(got) == ["Trần Văn Lộc"]


@pytest.mark.parametrize("body, name, roles", [
    ("Đồng chí Lê Văn An, UVBTV Tỉnh ủy, PCT UBND tỉnh dự hội nghị.", "Lê Văn An", ["UVBTV Tỉnh ủy", "PCT UBND tỉnh"]),
    ("Đồng chí Phạm Văn Em, PBT Thường trực Huyện ủy, CT.UBND huyện phát biểu.", "Phạm Văn Em",
     ["PBT Thường trực Huyện ủy", "CT.UBND huyện"]),
    ("Đồng chí Hồ Văn Giang, BT Đảng ủy xã phát biểu.", "Hồ Văn Giang", ["BT Đảng ủy xã"]),
    ("Đồng chí Nguyễn Văn Dũng, UVTW Đảng, Bí thư Tỉnh ủy phát biểu.", "Nguyễn Văn Dũng", ["UVTW Đảng", "Bí thư Tỉnh ủy"]),
    ("Đồng chí Trần Cẩm Tâm, Bí thư T.Ư Đảng dự đại hội.", "Trần Cẩm Tâm", ["Bí thư T.Ư Đảng"]),
    ("Dự có Phó ban Pháp chế HĐND tỉnh Phạm Văn Nghĩa.", "Phạm Văn Nghĩa", ["Phó ban Pháp chế HĐND tỉnh"]),
    ("Ông Trần Hữu Ninh tái đắc cử chức danh Bí thư Đảng ủy xã.", "Trần Hữu Ninh", ["Bí thư Đảng ủy xã"]),
    ("Bà Kim Thị Minh tiếp tục được đại hội tín nhiệm bầu giữ chức Bí thư Đảng ủy xã.", "Kim Thị Minh",
     ["Bí thư Đảng ủy xã"]),
    ("Đ/c Nguyễn Đức Sơn, Phó Bí thư, Chủ tịch UBND huyện phát biểu.", "Nguyễn Đức Sơn",
     ["Phó Bí thư", "Chủ tịch UBND huyện"]),
    ("Phó Bí thư, Chủ tịch UBND huyện Nguyễn Văn Tâm phát biểu.", "Nguyễn Văn Tâm", ["Phó Bí thư", "Chủ tịch UBND huyện"]),
    ("Bí thư Huyện ủy - Nguyễn Hữu Nghĩa chủ trì hội nghị.", "Nguyễn Hữu Nghĩa", ["Bí thư Huyện ủy"]),
    ("Dự có các đồng chí: Lê Văn Hòa, Phó Bí thư; Trần Văn Lâm, Chủ tịch UBND xã.", "Lê Văn Hòa", ["Phó Bí thư"]),
])
def test_abbreviated_bare_and_elected_offices(body, name, roles):
    assert people_of(body)[name] == roles


def test_a_bare_title_alone_is_no_office():
    assert people_of("Ông Lê Văn Hòa, Phó Bí thư cho biết huyện đã hoàn thành.")["Lê Văn Hòa"] == []


def test_a_given_name_that_is_also_a_word_and_a_district_before_a_name():
    got = people_of("Các đồng chí Lê Xuân Kiên - Phó Bí thư thường trực Huyện ủy; Hoàng Văn Bộ - Phó Bí thư Huyện ủy, "
                    "Chủ tịch UBND huyện chủ trì hội nghị.")
    assert set(got) == {"Lê Xuân Kiên", "Hoàng Văn Bộ"}
    got = people_of("Bí thư Huyện ủy, Chủ tịch HĐND huyện Đông Giang Đỗ Tài phát biểu tại kỳ họp.")
    assert list(got) == ["Đỗ Tài"]
    assert "Hồ Đức Phớc" in people_of("Bộ trưởng Bộ Tài chính Hồ Đức Phớc làm việc với tỉnh.")


def test_an_office_ends_before_a_verb_that_reads_like_a_body():
    got = people_of("Ông Văng Văn Châu, Phó Bí thư Thường trực Thị ủy Phú Mỹ báo cáo tình hình. Bà Đỗ Thị Thanh Hoa, "
                    "Trưởng ban KT-XH đối với các nội dung. Đồng chí Phùng Tiến Quân, Ủy viên BTV tỉnh ủy dự.")
    assert got["Văng Văn Châu"] == ["Phó Bí thư Thường trực Thị ủy Phú Mỹ"]
    assert got["Đỗ Thị Thanh Hoa"] == ["Trưởng ban KT-XH"]
    assert got["Phùng Tiến Quân"] == ["Ủy viên BTV tỉnh ủy"]      # a party committee may be written in lower case


def test_the_area_an_office_holder_answers_for_does_not_end_the_list_of_offices():
    found = people_of("Tham dự kỳ họp có ông Vũ Đăng Chương - Uỷ viên BTV phụ trách khu, Trưởng Ban Tuyên giáo "
                      "Huyện uỷ, Giám đốc TTCT huyện; Bà Lã Thị Nhung - Huyện uỷ viên phụ trách xã, Chủ tịch Hội "
                      "LHPN huyện.")
    assert found["Vũ Đăng Chương"][1:] == ["Trưởng Ban Tuyên giáo Huyện ủy", "Giám đốc TTCT huyện"]
    assert found["Lã Thị Nhung"][-1] == "Chủ tịch Hội LHPN huyện"


def test_an_office_before_a_comma_is_not_the_name_s_when_the_name_has_its_own_after_it():
    found = people_of("Báo cáo với nguyên Chủ tịch nước, đồng chí Nguyễn Việt Oanh, Bí thư Huyện ủy cho biết: huyện "
                      "phát triển. Bí thư Tỉnh ủy, đồng chí Lê Đình Sơn phát biểu.")
    assert found == {"Nguyễn Việt Oanh": ["Bí thư Huyện ủy"], "Lê Đình Sơn": ["Bí thư Tỉnh ủy"]}


def test_a_capitalised_word_of_a_body_is_no_given_name_and_old_tone_marks_are_mended():
    found = people_of("Dự hội nghị có các đồng chí: Siu Hương-Tỉnh ủy viên, Phó Trưởng đoàn chuyên trách Đòan Đại "
                      "biểu Quốc hội tỉnh Gia Lai; Ngô Khắc Ngọc-Tỉnh ủy viên; Hồ Đại Nam - Trưởng Ban Tuyên giáo "
                      "Tỉnh ủy. Ông Nguyễn Văn Đại phát biểu.")
    assert set(found) == {"Siu Hương", "Ngô Khắc Ngọc", "Hồ Đại Nam", "Nguyễn Văn Đại"}
    assert found["Siu Hương"][-1] == "Phó Trưởng đoàn chuyên trách Đoàn Đại biểu Quốc hội tỉnh Gia Lai"


def test_a_place_that_opens_with_an_address_word_and_a_city_that_is_also_a_district_are_no_names():
    found = people_of("Bí thư Thành ủy Bà Rịa Trần Văn Tuấn trao Huy hiệu 30 năm tuổi Đảng. Bà Nguyễn Thị Lan phát "
                      "biểu. Đảng bộ phường Cao Lãnh (Đồng Tháp) tổ chức Đại hội.")
    assert found == {"Trần Văn Tuấn": ["Bí thư Thành ủy Bà Rịa"], "Nguyễn Thị Lan": []}


def test_a_standing_committee_member_written_uvtvtu_and_an_office_kept_after_an_election():
    found = people_of("Phát biểu tại Đại hội, UVTVTU, Chủ nhiệm UBKT Tỉnh ủy Trần Văn Bình nhấn mạnh nhiều điểm. "
                      "Đại hội bầu ông Lê Văn Hòa tiếp tục làm Bí thư Đảng ủy xã Hòa Phong nhiệm kỳ 2020-2025.")
    assert found["Trần Văn Bình"] == ["UVTVTU", "Chủ nhiệm UBKT Tỉnh ủy"]
    assert found["Lê Văn Hòa"] == ["Bí thư Đảng ủy xã Hòa Phong"]
