"""vngov.extract: the extractors wired together, and the corpus run on both cores."""
from pathlib import Path

import pytest

from vngov import extract
from vngov.corpus import parse_text
from vngov.models import Extraction

LEAD = ("{when}, BCH Đảng bộ huyện Can Lộc tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024. "
        "Đồng chí Nguyễn Đình Phúc, Bí thư Huyện ủy chủ trì hội nghị.\n\n"
        "6 tháng đầu năm 2024, tổng giá trị sản xuất của huyện ước đạt 4.120 tỷ đồng, tăng 7,4% so với cùng kỳ. "
        "Riêng thị trấn Nghèn thu ngân sách đạt 21,5 tỷ đồng.")


def _article(when: str, doc_id: str = "canloc"):
    return parse_text(doc_id, "Huyện Can Lộc sơ kết 6 tháng\n\n" + LEAD.format(when=when), f"{doc_id}.txt")


@pytest.mark.parametrize("when, published", [
    ("Chiều nay (19/7)", "2024-07-19"),
    ("Sáng qua (18/7)", "2024-07-19"),
    ("Chiều 19/7", None),
])
def test_published_from_today_or_yesterday_in_the_lead(when, published):
    x = extract.extract_article(_article(when))
    assert x.meetings[0].date == ("2024-07-19" if "19/7" in when else "2024-07-18")
    assert x.published == published


def test_figures_take_the_meeting_locality_unless_their_clause_names_another():
    x = extract.extract_article(_article("Chiều 19/7"))
    by_value = {f.value: f for f in x.figures}
    assert by_value[4120].locality == "huyện Can Lộc"
    assert by_value[21.5].locality == "thị trấn Nghèn"


def test_every_evidence_span_is_the_text_at_its_offsets():
    a = _article("Chiều 19/7")
    x = extract.extract_article(a)
    spans = [f.evidence for f in x.figures] + [m.evidence for m in x.meetings]
    assert spans
    for s in spans:
        assert a.body[s.start:s.end] == s.text
        assert a.raw[s.raw_start:s.raw_end] == s.text


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for i in range(20):
        day = 1 + i
        (tmp_path / f"a{i:02d}.txt").write_text("Tiêu đề\n\n" + LEAD.format(when=f"Chiều {day}/7"), encoding="utf-8")
    (tmp_path / "zz_empty.txt").write_bytes(b"")
    return tmp_path


def test_two_processes_give_the_same_results_in_the_same_order(folder):
    one = list(extract.extract_corpus(folder, workers=1))
    two = list(extract.extract_corpus(folder, workers=2))
    assert [x.doc_id if isinstance(x, Extraction) else x for x in one] == \
           [x.doc_id if isinstance(x, Extraction) else x for x in two]
    assert one == two
    assert isinstance(one[-1], str) and "zz_empty.txt" in one[-1]


def test_an_extractor_crash_on_one_article_is_an_error_line(folder, monkeypatch):
    real = extract.extract_article

    def flaky(article):
        if article.doc_id == "a03":
            raise ValueError("boom")
        return real(article)

    monkeypatch.setattr(extract, "extract_article", flaky)
    out = list(extract.extract_corpus(folder, workers=1))
    errors = [x for x in out if isinstance(x, str)]
    assert any("a03.txt" in e and "ValueError: boom" in e for e in errors)
    assert sum(isinstance(x, Extraction) for x in out) == 19
