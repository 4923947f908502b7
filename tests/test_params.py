"""Report parameters as a reader types them into ``papermill -p``."""
from __future__ import annotations

import pytest

from vngov import params as P

KNOWN = ["thị xã Kỳ Anh", "huyện Kỳ Anh", "huyện Đức Thọ", "tỉnh Hà Tĩnh", "thành phố Hà Tĩnh"]


@pytest.mark.parametrize("value, label, start, end", [
    (2023, "2023", "2023", "2023"), ("2023", "2023", "2023", "2023"), ("2023-06", "2023-06", "2023-06", "2023-06"),
    ("2022-H1", "2022-H1", "2022-01", "2022-06"), ("2022-h2", "2022-H2", "2022-07", "2022-12"),
    ("2024-Q1", "2024-Q1", "2024-01", "2024-03"), ("2024Q4", "2024-Q4", "2024-10", "2024-12"),
    ("2021/2023", "2021/2023", "2021", "2023"), ("2021-2023", "2021/2023", "2021", "2023"),
    ("2021–2023", "2021/2023", "2021", "2023"),
])
def test_period_accepts_years_halves_quarters_and_spans(value, label, start, end):
    p = P.period(value)
    assert (p.label, p.start, p.end) == (label, start, end)


@pytest.mark.parametrize("value", ["2022-H3", "2024-Q5", "H1", "2023/2021", "năm ngoái", "2023-6"])
def test_a_malformed_period_fails_and_says_what_works(value):
    with pytest.raises(P.ParameterError, match="2022-H1"):
        P.period(value)


def test_part_years_describe_themselves_in_vietnamese():
    assert P.period("2022-H1").describe() == "6 tháng đầu năm 2022" and P.period("2022-H1").is_part_year
    assert P.period("2024-Q1").describe() == "quý I/2024"
    assert P.period(2023).describe() == "năm 2023" and not P.period(2023).is_part_year


@pytest.mark.parametrize("value, out", [(2022, "2022"), ("2022", "2022"), (2022.0, "2022"), ("2022-06-30", "2022-06-30"),
                                        (None, None), ("", None)])
def test_dates_accept_ints_and_strings(value, out):
    assert P.date(value) == out


def test_a_bad_date_fails():
    with pytest.raises(P.ParameterError):
        P.date("30/6/2022")


@pytest.mark.parametrize("value, out", [("TX Kỳ Anh", "thị xã Kỳ Anh"), ("thị xã kỳ anh", "thị xã Kỳ Anh"),
                                        ("Đức Thọ", "huyện Đức Thọ"), ("TP Hà Tĩnh", "thành phố Hà Tĩnh"),
                                        ("  huyện   Kỳ Anh ", "huyện Kỳ Anh")])
def test_locality_is_read_the_way_article_text_is(value, out):
    assert P.locality(value, KNOWN) == out


def test_a_bare_name_of_two_known_units_is_ambiguous():
    with pytest.raises(P.ParameterError, match="ambiguous: huyện Kỳ Anh, thị xã Kỳ Anh"):
        P.locality("Kỳ Anh", KNOWN)
    assert P.locality("Kỳ Anh", ["thị xã Kỳ Anh", "huyện Đức Thọ"]) == "thị xã Kỳ Anh"


def test_an_unknown_locality_fails_with_the_closest_names():
    with pytest.raises(P.ParameterError, match="closest: .*huyện Đức Thọ"):
        P.locality("huyện Đức Thọo", KNOWN)
