"""vngov.officials: the registry of who held which office, where and when."""
import pandas as pd
import pytest

from vngov.officials import registry


def row(name, role, loc, doc, date, title=None, body=None, source=None):
    return dict(name=name, role=role, title=title, body=body, role_locality=loc, doc_id=doc, date=date, source=source)


@pytest.fixture
def table():
    return pd.DataFrame([
        row("Lê Văn Một", "Chủ tịch UBND TX Hồng Lĩnh", "thị xã Hồng Lĩnh", "b", "2021-05-02", "Chủ tịch", "UBND", "x"),
        row("Lê Văn Một", "Chủ tịch Ủy ban nhân dân thị xã", "thị xã Hồng Lĩnh", "a", "2020-11", "Chủ tịch"),
        row("Lê Văn Một", "Bí thư Thị ủy Hồng Lĩnh", "thị xã Hồng Lĩnh", "c", "2023-01-09", "Bí thư", "Thị ủy"),
        row("Lê Văn Một", "Bí thư Thị ủy", None, "d", None, "Bí thư", "Thị ủy"),
        row("Trần Thị Hai", "Giám đốc Sở Y tế", "tỉnh Nghệ An", "a", "2020-11"),
        row("Trần Thị Hai", None, None, "e", "2022"),
    ])


def test_one_row_per_person_office_and_place(table):
    reg = registry(table)
    assert len(reg) == 3
    chu_tich = reg[(reg.name == "Lê Văn Một") & reg.office.str.startswith("chủ tịch")].iloc[0]
    assert chu_tich.office == "chủ tịch ủy ban nhân dân thị xã"
    assert chu_tich.locality == "thị xã Hồng Lĩnh"
    assert (chu_tich.first_seen, chu_tich.last_seen, chu_tich.n_articles, chu_tich.doc_ids) == \
        ("2020-11", "2021-05-02", 2, "a,b")


def test_a_place_less_mention_joins_the_same_office_with_its_place(table):
    reg = registry(table)
    bi_thu = reg[reg.office == "bí thư thị ủy"].iloc[0]
    assert (bi_thu.locality, bi_thu.n_articles, bi_thu.doc_ids) == ("thị xã Hồng Lĩnh", 2, "c,d")
    assert (bi_thu.first_seen, bi_thu.last_seen) == ("2023-01-09", "2023-01-09")


def test_rows_without_a_role_are_not_offices(table):
    reg = registry(table)
    assert list(reg[reg.name == "Trần Thị Hai"].doc_ids) == ["a"]


def test_empty_and_missing_columns():
    empty = registry(pd.DataFrame(columns=["name", "role", "title", "body", "role_locality", "doc_id", "date", "source"]))
    assert empty.empty and {"name", "office", "locality", "first_seen", "last_seen", "n_articles", "doc_ids"} <= set(empty.columns)
    with pytest.raises(ValueError):
        registry(pd.DataFrame({"name": ["A B"]}))
