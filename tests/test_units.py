"""Units after a number and their base units (vngov.units)."""
import pytest

from vngov.units import is_stock_noun, match_unit


def unit_after(text: str, number: str):
    return match_unit(text, text.index(number) + len(number))


@pytest.mark.parametrize("text,number,written,base,factor", [
    ("thu ngân sách đạt 190,881 tỷ đồng", "190,881", "tỷ đồng", "VND", 1e9),
    ("tổng mức 1,2 nghìn tỷ đồng", "1,2", "nghìn tỷ đồng", "VND", 1e12),
    ("tổng vốn 14 nghìn tỷ, tăng", "14", "nghìn tỷ", "VND", 1e12),
    ("xuất khẩu 80,3 triệu USD", "80,3", "triệu USD", "USD", 1e6),
    ("sản lượng 57.198,8 tấn", "57.198,8", "tấn", "kg", 1000),
    ("năng suất 51,2 tạ/héc ta", "51,2", "tạ/héc ta", "kg/ha", 100),
    ("năng suất đạt 54,5 tạ/ha", "54,5", "tạ/ha", "kg/ha", 100),
    ("trồng được 943ha", "943", "ha", "ha", 1),
    ("khai thác 25.300m3 gỗ", "25.300", "m3", "m3", 1),
    ("nâng cấp 12 km đường", "12", "km", "m", 1000),
    ("gấp 2,18 lần so với", "2,18", "lần", "times", 1),
    ("đạt 107 % dự toán", "107", "%", "%", 1),
    ("tăng 5 phần trăm", "5", "phần trăm", "%", 1),
    ("giảm 1,2 điểm % so với", "1,2", "điểm %", "điểm %", 1),
])
def test_units_and_base_values(text, number, written, base, factor):
    u = unit_after(text, number)
    assert u is not None
    assert u.text == written
    assert u.base == base
    assert u.factor == pytest.approx(factor)


def test_per_capita_and_capacity_forms_keep_their_denominators():
    u = unit_after("thu nhập 49,09 triệu đồng/người/năm", "49,09")
    assert (u.text, u.base, u.factor) == ("triệu đồng/người/năm", "VND/người/năm", 1e6)
    u = unit_after("công suất 300 tấn/ ngày", "300")
    assert u.base == "kg/ngày" and u.text == "tấn/ ngày"
    u = unit_after("bình quân 18,2 tiêu chí/xã", "18,2")
    assert u.is_count and u.text == "tiêu chí/xã"


def test_counted_nouns_are_units_and_longest_form_wins():
    u = unit_after("chuyển đảng chính thức cho 157 đồng chí", "157")
    assert u.is_count and u.noun == "đồng chí"          # not "đồng" (money)
    u = unit_after("cấp mới 331 thẻ đảng", "331")
    assert u.noun == "thẻ đảng"


@pytest.mark.parametrize("text,number", [
    ("có 225 đại biểu dự", "225"),
    ("nghe 8 báo cáo", "8"),
    ("kỷ niệm 97 năm Ngày Báo chí", "97"),
    ("trong 2 ngày làm việc", "2"),
    ("đô thị loại 3 và", "3"),
])
def test_words_that_are_not_units(text, number):
    assert unit_after(text, number) is None


def test_stock_nouns_come_from_the_lexicon():
    assert is_stock_noun("xã") and is_stock_noun("con")
    assert not is_stock_noun("lao động")


def test_abbreviated_million_dong():
    u = unit_after("thu nhập 52 tr.đ/người/năm", "52")
    assert u.base == "VND/người/năm" and u.factor == 1e6
