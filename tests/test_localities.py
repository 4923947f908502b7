"""vngov.localities: canonical unit names from the many ways the press writes them, and the gazetteer."""
import unicodedata

import pytest

from vngov import localities
from vngov.localities import LocalityInfo, canonical, find, lookup


def names(text):
    return [c for c, _s, _e in find(text)]


# --- find ----------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("UBND TX Kỳ Anh báo cáo", ["thị xã Kỳ Anh"]),
    ("UBND Thị xã Kỳ Anh báo cáo", ["thị xã Kỳ Anh"]),
    ("Bí thư Thị ủy Kỳ Anh phát biểu", ["thị xã Kỳ Anh"]),
    ("Ban Thường vụ Huyện ủy Thiệu Hoá họp", ["huyện Thiệu Hóa"]),
    ("TP. Đồng Hới: năm qua", ["thành phố Đồng Hới"]),
    ("TP Hà Tĩnh phát triển", ["thành phố Hà Tĩnh"]),
    ("TPHT - Chiều ngày", ["thành phố Hà Tĩnh"]),
    ("Đảng ủy xã Quỳnh Hoa lãnh đạo", ["xã Quỳnh Hoa"]),
    ("Tỉnh ủy Nghệ An ban hành", ["tỉnh Nghệ An"]),
    ("Thành ủy Đồng Hới tổ chức", ["thành phố Đồng Hới"]),
])
def test_find_writes_each_level_out_in_lower_case(text, expected):
    assert names(text) == expected


def test_thi_xa_and_huyen_of_one_name_stay_apart():
    got = names("tồn đọng tại thị xã Kỳ Anh, huyện Kỳ Anh và xã Kỳ Châu")
    assert got == ["thị xã Kỳ Anh", "huyện Kỳ Anh", "xã Kỳ Châu"]


def test_offsets_point_at_the_mention():
    text = "Sáng nay, Thường trực Tỉnh ủy Hà Tĩnh làm việc với BTV Thị ủy Kỳ Anh."
    assert [text[s:e] for _c, s, e in find(text)] == ["Tỉnh ủy Hà Tĩnh", "Thị ủy Kỳ Anh"]


def test_offsets_index_the_text_as_given_even_when_decomposed():
    text = unicodedata.normalize("NFD", "Đoàn công tác làm việc với huyện Kỳ Anh hôm qua")
    (canon, s, e), = find(text)
    assert canon == "huyện Kỳ Anh"
    assert unicodedata.normalize("NFC", text[s:e]) == "huyện Kỳ Anh"


def test_a_known_place_ends_before_the_persons_name():
    assert names("Chủ tịch UBND thành phố Hà Tĩnh Nguyễn Trọng Hiếu cho biết") == ["thành phố Hà Tĩnh"]


def test_level_word_before_a_persons_name_is_not_a_place():
    assert names("Chủ tịch HĐND thành phố Nguyễn Văn Quý đề xuất") == []


def test_bare_level_words_are_not_found_but_are_mentioned():
    assert names("UBND tỉnh và UBND huyện thống nhất") == []
    bare = [(m.level, m.name) for m in localities.mentions("UBND tỉnh và UBND huyện thống nhất")]
    assert bare == [("tỉnh", None), ("huyện", None)]


def test_a_province_named_alone_is_found_but_not_inside_a_persons_name():
    assert names("Tại điểm cầu Nghệ An, các đồng chí chủ trì") == ["tỉnh Nghệ An"]
    assert names("Phó Chủ tịch Lê Thái Bình phát biểu") == []


def test_numbered_wards():
    assert names("tại phường 1, Quận 3") == ["phường 1", "quận 3"]


def test_lower_case_words_after_a_level_are_not_a_name():
    assert names("toàn huyện có 20 xã đạt chuẩn") == []


# --- canonical ------------------------------------------------------------------------


@pytest.mark.parametrize("phrase, expected", [
    ("TX Kỳ Anh", "thị xã Kỳ Anh"),
    ("Thị ủy Kỳ Anh", "thị xã Kỳ Anh"),
    ("Huyện ủy Thiệu Hóa", "huyện Thiệu Hóa"),
    ("TP. Đồng Hới", "thành phố Đồng Hới"),
    ("Nghệ An", "tỉnh Nghệ An"),
    ("Hà Nội", "thành phố Hà Nội"),
    ("Chợ Đồn", "huyện Chợ Đồn"),       # one district of that name in the country
    ("Kỳ Anh", None),                    # a thị xã and a huyện: cannot tell
    ("tình hình chung", None),
])
def test_canonical(phrase, expected):
    assert canonical(phrase) == expected


def test_canonical_of_an_unknown_named_unit_still_has_a_form():
    assert canonical("xã Tân Mỹ Hưng") is None or canonical("xã Tân Mỹ Hưng").startswith("xã ")
    assert canonical("huyện Xyz") == "huyện Xyz"


# --- lookup ---------------------------------------------------------------------------


def test_lookup_gives_codes_coordinates_and_province():
    info = lookup("thị xã Kỳ Anh")
    assert isinstance(info, LocalityInfo)
    assert info.level == "thị xã" and info.province == "tỉnh Hà Tĩnh"
    assert info.code and info.code.isdigit()
    assert 17 < info.latitude < 19 and 105 < info.longitude < 107
    other = lookup("huyện Kỳ Anh")
    assert other.code != info.code


def test_lookup_province_and_its_2025_successor():
    info = lookup("tỉnh Quảng Bình")
    assert info.tier == 1 and info.merged_into == "tỉnh Quảng Trị"
    assert lookup("tỉnh Hà Tĩnh").merged_into == "tỉnh Hà Tĩnh"


def test_lookup_commune_has_district_and_successor():
    info = lookup("xã Kỳ Châu", province="Hà Tĩnh")
    assert info.district == "huyện Kỳ Anh"
    assert info.merged_into is not None


def test_lookup_city_levels():
    assert lookup("thành phố Hà Nội").tier == 1
    assert lookup("thành phố Hà Tĩnh").tier == 2
    assert localities.tier("thành phố Hà Nội") == 1 and localities.tier("thành phố Vinh") == 2


def test_lookup_unknown_or_ambiguous_is_none():
    assert lookup("huyện Không Có Thật") is None
    assert lookup("phường 1") is None                 # in many cities
    assert lookup("phường 1", province="thành phố Hồ Chí Minh") is None or \
        lookup("phường 1", province="thành phố Hồ Chí Minh").province == "thành phố Hồ Chí Minh"


def test_lookup_accepts_unnormalised_spelling():
    assert lookup("huyện Thiệu Hoá") == lookup("huyện Thiệu Hóa") is not None


def test_lookup_finds_2025_units():
    info = lookup("xã Triệu Sơn")
    assert info is not None and info.era == "2025" and info.province == "tỉnh Thanh Hóa"


def test_an_older_name_is_recognised_and_looked_up_as_the_unit_it_became():
    assert names("UBND tỉnh Thừa Thiên Huế Nguyễn Văn Phương ký") == ["tỉnh Thừa Thiên Huế"]
    assert lookup("tỉnh Thừa Thiên Huế").name == "thành phố Huế"


def test_a_council_term_is_no_place():
    from vngov import localities
    assert localities.find("Kỳ họp thứ 11, HĐND huyện Khóa IV mới đây") == []
    assert localities.find("HĐND tỉnh Khoá XII") == []


def test_a_known_name_whose_second_syllable_lost_its_capital_is_read_whole():
    assert [c for c, _, _ in localities.find("UBND huyện Kỳ anh họp")] == ["huyện Kỳ Anh"]
    assert [c for c, _, _ in localities.find("xã Hòa đã làm")] == ["xã Hòa"]    # no known "Hòa Đã": one word
