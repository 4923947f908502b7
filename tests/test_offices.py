"""vngov.offices: office phrases parsed into title, body and unit, from the lexicon."""
import pytest

from vngov import offices


@pytest.mark.parametrize("phrase, title, body", [
    ("Phó Chủ tịch Thường trực UBND tỉnh", "Phó Chủ tịch", "UBND"),
    ("Giám đốc Sở Tài nguyên và Môi trường", "Giám đốc", "Sở Tài nguyên và Môi trường"),
    ("Trưởng ban Nội chính Tỉnh ủy", "Trưởng ban", "Nội chính Tỉnh ủy"),
    ("Chủ nhiệm UBKT Huyện ủy", "Chủ nhiệm", "UBKT Huyện ủy"),
    ("phó bí thư Đảng ủy xã", "phó bí thư", "Đảng ủy"),
    ("Tổng Bí thư", "Tổng Bí thư", None),
    ("HUV", "HUV", None),
    ("Phó Bí thư HU", "Phó Bí thư", "HU"),
])
def test_parse_splits_title_and_body(phrase, title, body):
    role = offices.parse(phrase)
    assert role is not None
    assert (role.text, role.title, role.body) == (phrase, title, body)


@pytest.mark.parametrize("phrase", ["Chủ tịch", "Giám đốc", "cán bộ xã", "Hội nghị Ban Chấp hành", "tỉnh Quảng Bình",
                                    "Bí thư tu"])
def test_a_bare_title_or_a_non_office_is_not_an_office(phrase):
    assert offices.parse(phrase) is None


@pytest.mark.parametrize("phrase, level, place", [
    ("Chủ tịch UBND TX Hồng Lĩnh", "thị xã", "Hồng Lĩnh"),
    ("Chủ tịch UBND TP.Biên Hòa", "thành phố", "Biên Hòa"),
    ("Giám đốc Sở Y tế Hà Tĩnh", "tỉnh", "Hà Tĩnh"),
    ("Bí thư Huyện ủy Thạch Hà", "huyện", "Thạch Hà"),
    ("Phó Chủ tịch HĐND thành phố", "thành phố", None),
    ("Giám đốc Sở Y tế", "tỉnh", None),
    ("Ủy viên BTV Thành ủy", "thành phố", None),
    ("Tổng Bí thư", None, None),
])
def test_level_of_tells_the_unit_an_office_belongs_to(phrase, level, place):
    m = offices.fullmatch_at(phrase, 0, len(phrase))
    assert offices.level_of(m) == (level, place)


def test_normalize_office_expands_abbreviations_and_case():
    assert offices.normalize_office("Chủ tịch UBND TX Kỳ Anh") == \
        offices.normalize_office("chủ tịch Ủy ban nhân dân thị xã Kỳ Anh")
    assert offices.normalize_office("Ủy viên BTV Tỉnh ủy") != offices.normalize_office("Ủy viên BCH Tỉnh ủy")


def test_match_at_stops_at_a_limit_so_a_name_is_not_taken_as_a_place():
    text = "Chủ tịch UBND huyện Hoàng Văn Nam"
    m = offices.match_at(text, 0, text.index("Hoàng"))
    assert m is not None and m.group().strip() == "Chủ tịch UBND huyện"


def test_fillers_between_offices_are_skipped():
    text = "Ủy viên BCH Đảng bộ huyện, nhiệm kỳ 2020-2025, giữ chức Trưởng phòng Nội vụ"
    pos = text.index("nhiệm")
    assert text[offices.fillers_at(text, pos):].strip().startswith("Trưởng phòng")


def test_around_gives_every_office_of_a_name_in_one_call():
    text = "Dự có Đại tá Lê Văn An, Ủy viên BTV Tỉnh ủy, Giám đốc Công an tỉnh và các đồng chí khác."
    s = text.index("Lê Văn An")
    got = offices.around(text, s, s + len("Lê Văn An"), 0, len(text), len(text))
    assert [om.group() for om, _, _ in got.roles] == ["Ủy viên BTV Tỉnh ủy", "Giám đốc Công an tỉnh"]
    assert got.rank == "Đại tá" and not got.own_before
    assert got.chain_end == text.index(" và")


def test_around_reads_a_shared_list_head():
    text = "Dự có các Phó Chủ tịch UBND tỉnh: Trần Văn Bình, Lê Thị Cúc."
    s = text.index("Trần Văn Bình")
    got = offices.around(text, s, s + len("Trần Văn Bình"), 0, len(text), len(text))
    assert [om.group() for om, _, _ in got.shared] == ["Phó Chủ tịch UBND tỉnh"] and got.roles == []
