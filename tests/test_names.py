"""vngov.names: Vietnamese names found by capitalised syllables and a family-name list."""
import pytest

from vngov.names import find_names, is_name


def names_in(text):
    return [n for n, _, _ in find_names(text)]


@pytest.mark.parametrize("text, expected", [
    ("Bí thư Tỉnh ủy Phan Văn Khải phát biểu", ["Phan Văn Khải"]),
    ("Chủ tịch UBND TX Hồng Lĩnh Nguyễn Thị Lan: “Cần sớm …”", ["Nguyễn Thị Lan"]),
    ("Bí thư Tỉnh ủy Quảng Trị Lê Minh Đức dự", ["Lê Minh Đức"]),
    ("Phó Chủ tịch UBND huyện Can Lộc Trần Văn Bình", ["Trần Văn Bình"]),
    ("Đồng chí Bùi Xuân Hòa, Bí thư Huyện ủy, chủ trì", ["Bùi Xuân Hòa"]),
])
def test_a_name_after_an_office_and_a_place_is_split_from_the_place(text, expected):
    assert names_in(text) == expected


@pytest.mark.parametrize("text", [
    "Kinh tế Hà Tĩnh tăng trưởng khá", "tại thị trấn Hồ Xá", "Báo Nghệ An đưa tin",
    "nâng cấp đường Lê Lợi", "Trường THPT Phan Đình Phùng", "Tiểu dự án Hạ tầng đô thị",
    "Dự án Phát triển tổng hợp", "TP Hồ Chí Minh", "Tết Nguyên đán Giáp Thìn", "chào Xuân Quý Mão",
    "nạo vét kênh Ông Tự", "hợp tác với Hàn Quốc, Thái Lan",
])
def test_places_streets_and_projects_are_not_names(text):
    assert names_in(text) == []


def test_a_name_given_to_an_idea_a_city_or_history_is_not_a_person_of_the_story():
    assert names_in("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh") == []
    assert names_in("lời kêu gọi thi đua ái quốc của Chủ tịch Hồ Chí Minh") == []
    assert names_in("Tại buổi làm việc, ông Hồ Chí Minh, Giám đốc Sở cho biết") == ["Hồ Chí Minh"]


def test_a_form_of_address_vouches_for_an_unlisted_family_name():
    assert names_in("Dự có đồng chí Ngọc Kim Nam, Trưởng ban") == ["Ngọc Kim Nam"]
    assert names_in("Dự có Ngọc Kim Nam") == []


def test_offsets_point_at_the_name():
    text = "Giám đốc Sở Tài chính Đỗ Thanh Tùng cho biết"
    [(name, s, e)] = find_names(text)
    assert text[s:e] == name == "Đỗ Thanh Tùng"


def test_is_name():
    assert is_name("Lê Thị Minh Hải")
    assert not is_name("Hà Tĩnh")
    assert not is_name("Nguyễn")
    assert not is_name("Phó Chủ tịch")
    assert not is_name("nguyễn văn an")


@pytest.mark.parametrize("text, expected", [
    ("Phó Bí thư Đảng ủy thị trấn Lê Hoàng Phúc phát biểu", ["Lê Hoàng Phúc"]),
    ("Chủ tịch UBND xã Vinh Nguyễn Văn An phát biểu", ["Nguyễn Văn An"]),
    ("Chủ nhiệm UBKT Tỉnh ủy Hà Văn Trọng dự", ["Hà Văn Trọng"]),
])
def test_after_a_level_word_the_name_may_start_right_away(text, expected):
    assert names_in(text) == expected


def test_a_level_abbreviation_glued_to_a_run_makes_it_a_place():
    assert names_in("Đảng bộ P.Cao Lãnh tổ chức đại hội, lãnh đạo TP.Cao Lãnh dự. Ông Nguyễn Văn An phát biểu.") \
        == ["Nguyễn Văn An"]


def test_a_given_name_that_is_also_an_office_word_stays_before_a_verb():
    assert names_in("Chủ tịch UBND tỉnh Phạm Ngọc Nghị đã chủ trì hội nghị.") == ["Phạm Ngọc Nghị"]
