"""Shared fixtures (kept small; tell the data/reports helper before adding here).

* ``root`` — the project folder; ``sample_dir`` — ``data/sample``.
* ``sample_store`` — ``data/sample`` built into a temporary store (once per
  session and xdist worker; never into ``data/processed``); ``sample_tables``
  — ``vngov.store.load`` of it.
* ``toy_rows`` / ``toy_tables`` — table rows of three hand-written articles
  whose extractions are written out here (no extractor involved), so analysis
  and report tests do not move when the extractors improve.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from vngov import store, tables
from vngov.corpus import parse_text
from vngov.models import Extraction, Figure, Meeting, Person, Role

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return ROOT / "data" / "sample"


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory, sample_dir) -> Path:
    out = tmp_path_factory.mktemp("sample-store") / "store"
    store.build(sample_dir, out=out, workers=1)
    return out


@pytest.fixture(scope="session")
def sample_tables(sample_store):
    return store.load(sample_store)


# --- toy articles: the extraction is given, not computed ------------------------------

TOY_TEXTS = {
    "toy-a": ("Chiều 14/7, Ban Thường vụ Thị ủy Kỳ Anh tổ chức hội nghị sơ kết 6 tháng đầu năm. "
              "Bí thư Thị ủy Nguyễn Văn An chủ trì hội nghị. "
              "Tổng thu ngân sách đạt 350 tỷ đồng. Năm 2022 phấn đấu thu ngân sách 600 tỷ đồng."),
    "toy-b": ("Sáng 20/11, Thường trực Tỉnh ủy làm việc với Thị ủy Kỳ Anh. "
              "Chủ tịch UBND thị xã Trần Thị Bình báo cáo: thu ngân sách năm 2023 ước đạt 700 tỷ đồng, "
              "đạt 107,5% kế hoạch. Kế hoạch năm 2023 là 650 tỷ đồng."),
    "toy-c": ("Ngày 1/12, HĐND huyện Can Lộc khai mạc kỳ họp thứ 12. "
              "Chủ tịch HĐND huyện Lê Văn Cường điều hành. Có 19/19 xã đạt chuẩn nông thôn mới."),
}


def _span(article, phrase: str):
    start = article.body.index(phrase)
    return article.span(start, start + len(phrase))


def toy_extractions():
    """(article, extraction) pairs of the toy corpus, every value written out by hand."""
    arts = {k: parse_text(k, text, f"toy/{k}.txt", published=None) for k, text in TOY_TEXTS.items()}
    a, b, c = arts["toy-a"], arts["toy-b"], arts["toy-c"]
    kyanh, canloc = "thị xã Kỳ Anh", "huyện Can Lộc"

    def fig(art, phrase, value, unit, status, kind="value", metric_id="budget_revenue", metric="thu ngân sách",
            period=None, ps=None, pe=None, base_value=None, baseline=None, baseline_class=None, loc=kyanh,
            denominator=None, value_text=""):
        return Figure(value=value, unit=unit, kind=kind, status=status, evidence=_span(art, phrase),
                      value_text=value_text or str(value).replace(".", ","), base_value=base_value,
                      base_unit="VND" if unit == "tỷ đồng" else unit, metric=metric, metric_id=metric_id,
                      period=period, period_start=ps, period_end=pe, baseline=baseline,
                      baseline_class=baseline_class, denominator=denominator, locality=loc)

    xa = Extraction(
        doc_id="toy-a", published="2022-07-14",
        meetings=(Meeting(evidence=_span(a, "Ban Thường vụ Thị ủy Kỳ Anh tổ chức hội nghị sơ kết"),
                          date="2022-07-14", part_of_day="chiều", kind="hội nghị", subkind="sơ kết",
                          host="BTV Thị ủy Kỳ Anh", locality=kyanh, chair=("Nguyễn Văn An",)),),
        people=(Person(name="Nguyễn Văn An", roles=(Role("Bí thư Thị ủy", "Bí thư", "Thị ủy", kyanh),),
                       evidence=(_span(a, "Bí thư Thị ủy Nguyễn Văn An"),)),),
        figures=(fig(a, "Tổng thu ngân sách đạt 350 tỷ đồng", 350, "tỷ đồng", "actual", period="2022-01/2022-06",
                     ps="2022-01-01", pe="2022-06-30", base_value=350e9, value_text="350"),
                 fig(a, "Năm 2022 phấn đấu thu ngân sách 600 tỷ đồng", 600, "tỷ đồng", "target", period="2022",
                     ps="2022-01-01", pe="2022-12-31", base_value=600e9, value_text="600")),
    )
    xb = Extraction(
        doc_id="toy-b", published="2023-11-20",
        meetings=(Meeting(evidence=_span(b, "Thường trực Tỉnh ủy làm việc với Thị ủy Kỳ Anh"), date="2023-11-20",
                          part_of_day="sáng", kind="làm việc", host="Thường trực Tỉnh ủy",
                          counterpart="BTV Thị ủy Kỳ Anh", locality=kyanh, chair=()),),
        people=(Person(name="Trần Thị Bình", roles=(Role("Chủ tịch UBND thị xã", "Chủ tịch", "UBND", kyanh),
                                                    Role("Phó Bí thư Thị ủy", "Phó Bí thư", "Thị ủy", kyanh)),
                       evidence=(_span(b, "Chủ tịch UBND thị xã Trần Thị Bình"),)),
                Person(name="Nguyễn Văn An", roles=(Role("Bí thư Thị ủy", "Bí thư", "Thị ủy", kyanh),))),
        figures=(fig(b, "thu ngân sách năm 2023 ước đạt 700 tỷ đồng", 700, "tỷ đồng", "estimate", period="2023",
                     ps="2023-01-01", pe="2023-12-31", base_value=700e9, value_text="700"),
                 fig(b, "đạt 107,5% kế hoạch", 107.5, "%", "estimate", kind="ratio", period="2023", ps="2023-01-01",
                     pe="2023-12-31", base_value=107.5, baseline="kế hoạch", baseline_class="plan",
                     value_text="107,5"),
                 fig(b, "Kế hoạch năm 2023 là 650 tỷ đồng", 650, "tỷ đồng", "target", period="2023",
                     ps="2023-01-01", pe="2023-12-31", base_value=650e9, value_text="650")),
    )
    xc = Extraction(
        doc_id="toy-c", published="2023-12-01",
        meetings=(Meeting(evidence=_span(c, "HĐND huyện Can Lộc khai mạc kỳ họp thứ 12"), date="2023-12-01",
                          kind="kỳ họp", host="HĐND huyện Can Lộc", locality=canloc,
                          chair=("Lê Văn Cường",)),),
        people=(Person(name="Lê Văn Cường", roles=(Role("Chủ tịch HĐND huyện", "Chủ tịch", "HĐND", canloc),),
                       evidence=(_span(c, "Chủ tịch HĐND huyện Lê Văn Cường"),)),),
        figures=(fig(c, "19/19 xã đạt chuẩn nông thôn mới", 19, "xã", "actual", kind="fraction",
                     metric_id="ntm_communes", metric="xã đạt chuẩn nông thôn mới", base_value=19, loc=canloc,
                     denominator=19, value_text="19"),),
    )
    return [(a, xa), (b, xb), (c, xc)]


@pytest.fixture()
def toy_rows():
    return tables.merge_rows([tables.article_rows(art, x) for art, x in toy_extractions()])


@pytest.fixture()
def toy_tables(toy_rows):
    return tables.frames(toy_rows)


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "slow: runs notebooks or builds corpora (part of `make test` all the same)")
