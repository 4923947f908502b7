"""Numbers as Vietnamese pages write them (vngov.numbers)."""
from hypothesis import given
from hypothesis import strategies as st

from vngov.numbers import find_numbers, format_vn, parse_number


def test_dot_groups_thousands():
    assert parse_number("50.245") == 50245
    assert parse_number("1.234.567") == 1234567


def test_comma_is_the_decimal_point():
    assert parse_number("190,881") == 190.881
    assert parse_number("8.850,26") == 8850.26


def test_english_style_still_reads():
    assert parse_number("1,234.5") == 1234.5
    assert parse_number("2.5") == 2.5


def test_badly_grouped_is_not_a_number():
    assert parse_number("1.23.4") is None
    assert parse_number("abc") is None


def _tokens(text):
    return [(t.text, t.value, t.denominator, t.high) for t in find_numbers(text)]


def test_fraction_keeps_its_denominator():
    (tok,) = find_numbers("đã có 54/59 tiêu chuẩn")
    assert (tok.value, tok.denominator) == (54, 59)
    (tok,) = find_numbers("bình quân 12,6/19 tiêu chí/xã")
    assert (tok.value, tok.denominator) == (12.6, 19)


def test_date_is_not_a_fraction():
    toks = list(find_numbers("ngày 12/4/2021 của Tỉnh ủy"))
    assert all(t.denominator is None for t in toks)
    assert [t.value for t in toks] == [12]


def test_ranges_are_one_token():
    (tok,) = find_numbers("đạt 15 - 18 tiêu chí")
    assert (tok.value, tok.high) == (15, 18)
    (tok,) = find_numbers("tăng từ 5 đến 7%")
    assert (tok.value, tok.high) == (5, 7)


def test_number_split_by_a_stray_space_is_skipped():
    assert _tokens("tỷ lệ 0 68% dân số") == []


def test_number_glued_to_its_unit_is_found():
    assert [t.value for t in find_numbers("được 943ha, gỗ 25.300m3")] == [943, 25300]


def test_numbers_inside_words_are_not_numbers():
    assert _tokens("sản lượng m3 và F0") == []


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_vietnamese_decimal_parses_back(whole, cents):
    value = whole + cents / 100
    text = format_vn(value, 2)
    assert abs(parse_number(text) - value) < 1e-6


@given(st.integers(min_value=1000, max_value=10**12))
def test_thousands_grouping_parses_back(n):
    text = format_vn(n)
    assert "." in text
    assert parse_number(text) == n
