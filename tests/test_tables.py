"""Extraction → table rows: the columns every table promises and the evidence each row keeps."""
from __future__ import annotations

import pandas as pd
import pytest

from vngov import tables as T
from vngov.corpus import parse_text
from vngov.models import Extraction, Meeting, Person, Role

from conftest import toy_extractions


def test_every_table_has_its_promised_columns():
    promised = {
        "articles": ["doc_id", "path", "source", "published", "title", "byline", "content_hash",
                     "n_meetings", "n_people", "n_figures"],
        "meetings": ["doc_id", "date", "end_date", "part_of_day", "kind", "subkind", "host", "counterpart",
                     "locality", "chair", "evidence", "start", "end", "raw_start", "raw_end", "province", "code",
                     "latitude", "longitude"],
        "people": ["name", "rank", "role", "title", "body", "role_locality", "doc_id", "date", "source",
                   "evidence", "start", "end"],
        "figures": ["value_text", "value", "unit", "base_value", "base_unit", "approx", "kind", "metric",
                    "metric_id", "period", "period_start", "period_end", "status", "baseline", "baseline_class",
                    "denominator", "evidence", "start", "end", "raw_start", "raw_end", "doc_id", "locality", "year"],
        "errors": ["path", "message"],
    }
    for table, cols in promised.items():
        assert set(cols) <= set(T.columns(table)), table
    for table in ("meetings", "people", "figures", "quotes", "directives"):
        assert {"doc_id", "evidence", "start", "end"} <= set(T.columns(table)), table


def test_rows_keep_evidence_that_is_the_body_at_their_offsets():
    for article, x in toy_extractions():
        rows = T.article_rows(article, x)
        for table in ("meetings", "people", "figures"):
            for row in rows[table]:
                if row["evidence"] is not None:
                    assert article.body[row["start"]:row["end"]] == row["evidence"]
                    assert row["doc_id"] == x.doc_id
        for row in rows["figures"] + rows["meetings"] + [p for p in rows["people"] if p["evidence"]]:
            assert article.raw[row["raw_start"]:row["raw_end"]] == row["evidence"]


def test_people_get_one_row_per_office_and_one_without_office():
    art = parse_text("d1", "Ông Nguyễn Văn An, Bí thư Huyện ủy, kiêm Chủ tịch HĐND huyện. Bà Lê Thị Hoa dự.", "d1.txt")
    x = Extraction(doc_id="d1", published="2024-01-05", people=(
        Person("Nguyễn Văn An", (Role("Bí thư Huyện ủy", "Bí thư", "Huyện ủy"), Role("Chủ tịch HĐND huyện"))),
        Person("Lê Thị Hoa")))
    people = T.article_rows(art, x)["people"]
    assert [(p["name"], p["role"]) for p in people] == [
        ("Nguyễn Văn An", "Bí thư Huyện ủy"), ("Nguyễn Văn An", "Chủ tịch HĐND huyện"), ("Lê Thị Hoa", None)]
    assert people[0]["title"] == "Bí thư" and people[0]["body"] == "Huyện ủy"
    assert all(p["date"] == "2024-01-05" for p in people)


def test_meeting_chairs_are_joined_and_date_feeds_people():
    art = parse_text("d2", "Sáng 3/3, hội nghị do ông A và bà B chủ trì.", "d2.txt")
    x = Extraction(doc_id="d2", published="2024-03-04",
                   meetings=(Meeting(evidence=art.span(0, 9), date="2024-03-03", chair=("A", "B")),),
                   people=(Person("A"),))
    rows = T.article_rows(art, x)
    assert rows["meetings"][0]["chair"] == "A; B"
    assert rows["people"][0]["date"] == "2024-03-03"  # the meeting's date beats publication
    assert rows["articles"][0]["n_meetings"] == 1 and rows["articles"][0]["path"] == "d2.txt"


def test_figure_year_prefers_period_end_then_start_then_article():
    assert T.figure_year("2021-01-01", "2025-12-31", "2020-08-20") == 2025
    assert T.figure_year("2023-01-01", None, "2020-08-20") == 2023
    assert T.figure_year(None, None, "2020-08-20") == 2020
    assert T.figure_year(None, None, None) is None


def test_gazetteer_reads_objects_and_mappings_and_tolerates_absence(monkeypatch):
    from types import SimpleNamespace

    from vngov import localities

    T.gazetteer.cache_clear()
    monkeypatch.setattr(localities, "lookup", lambda name: SimpleNamespace(
        province="tỉnh X", code=42, latitude="18.5", longitude=None) if name == "huyện Y" else None,
        raising=False)
    assert T.gazetteer("huyện Y") == {"province": "tỉnh X", "code": "42", "latitude": 18.5}
    assert T.gazetteer("huyện Z") == {}
    T.gazetteer.cache_clear()
    monkeypatch.setattr(localities, "lookup", lambda name: {"province": "tỉnh Q", "latitude": 1.0}, raising=False)
    assert T.gazetteer("xã P") == {"province": "tỉnh Q", "latitude": 1.0}
    T.gazetteer.cache_clear()
    monkeypatch.delattr(localities, "lookup", raising=False)
    assert T.gazetteer("xã P") == {}
    T.gazetteer.cache_clear()


def test_frames_are_typed_even_when_empty():
    frames = T.frames(T.error_rows("bad.txt", "bad.txt: empty file"))
    assert list(frames["figures"].columns) == T.columns("figures") and frames["figures"].empty
    assert frames["figures"]["start"].dtype == pd.Int64Dtype()
    assert frames["errors"].to_dict("records") == [{"path": "bad.txt", "message": "bad.txt: empty file"}]


@pytest.mark.parametrize("table", T.ARTICLE_TABLES)
def test_arrow_schema_accepts_the_toy_rows(table, toy_rows):
    import pyarrow as pa

    t = pa.Table.from_pylist(toy_rows[table], schema=T.arrow_schema(table))
    assert t.num_rows == len(toy_rows[table])
