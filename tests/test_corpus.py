"""vngov.corpus: reading folders of .txt/.html/.jsonl, cleaning chrome, naming bad files."""
import json
import unicodedata
from pathlib import Path

import pytest

from vngov.corpus import CorpusError, iter_corpus, parse_text
from vngov.models import Article

LEAD = "(Baohatinh.vn) - Sáng 31/10, Thường trực Tỉnh ủy làm việc với BTV Thị ủy Kỳ Anh."
TITLE = "Thị xã Kỳ Anh tập trung tháo gỡ tồn đọng"
PAGE = f"""{LEAD}

{TITLE}

Sáng 31/10, Thường trực Tỉnh ủy làm việc với BTV Thị ủy Kỳ Anh.

{TITLE}

Tổng thu ngân sách đạt 190,881 tỷ đồng, bằng 92% so với cùng kỳ.

Chủ tịch UBND TX Kỳ Anh phát biểu. Ảnh: Thu Trang

Tin liên quan:

Thu Trang

 {{name}} - {{time}}

 Trả lời

0 bình luận

Hãy chia sẻ với bạn bè!
"""


@pytest.fixture
def page() -> Article:
    return parse_text("kyanh", PAGE, "kyanh.txt")


def test_source_marker_is_read_and_removed_from_the_lead(page):
    assert page.source == "Baohatinh.vn"
    assert not page.body.startswith("(Baohatinh.vn)")


def test_title_repeated_as_captions_is_the_title_and_kept_once(page):
    assert page.title == TITLE
    assert page.body.count(TITLE) == 1


def test_lead_restated_in_the_body_is_kept_once(page):
    assert page.body.count("Thường trực Tỉnh ủy làm việc") == 1


def test_chrome_block_and_byline_are_removed(page):
    for junk in ("{name}", "Trả lời", "bình luận", "Hãy chia sẻ", "Tin liên quan", "Ảnh: Thu Trang"):
        assert junk not in page.body
    assert page.byline == "Thu Trang"
    assert "Thu Trang" not in page.body


def test_every_body_span_points_at_the_same_text_in_the_raw_file(page):
    i = page.body.index("190,881")
    span = page.span(i, i + len("190,881 tỷ đồng"))
    assert PAGE[span.raw_start:span.raw_end] == span.text == "190,881 tỷ đồng"


def test_date_header_gives_published_and_title():
    a = parse_text("d", " date 2024-01 Bí thư Tỉnh ủy làm việc tại huyện\n\nChiều 6/1, hội nghị.", "d.txt")
    assert a.published == "2024-01"
    assert a.title == "Bí thư Tỉnh ủy làm việc tại huyện"
    assert "date 2024" not in a.body


def test_dateline_gives_published_date():
    a = parse_text("d", "Tiêu đề\n\nThứ Tư, 22/07/2015, 20:03 [GMT+7]\n\nNội dung bài.", "d.txt")
    assert a.published == "2015-07-22"
    assert "GMT" not in a.body


def test_the_articles_date_under_a_sites_clock_and_hotline_is_the_published_date():
    page = ("Thứ năm 22/01/2026 22:03\nHotline: 024.123.45.678\nEmail: toasoan@example.vn\nKinh tế\n\n"
            "Huyện phát triển nông sản\n\n08/06/2021 22:20\nMột đoạn văn dài đủ để là nội dung bài báo, "
            "kể về buổi làm việc ngày 7/6 của Ban Thường vụ Huyện ủy với các xã.")
    assert parse_text("d", page, "d.txt").published == "2021-06-08"


def test_decomposed_unicode_reads_the_same_as_composed():
    nfd = parse_text("x", unicodedata.normalize("NFD", PAGE), "x.txt")
    nfc = parse_text("x", PAGE, "x.txt")
    assert nfd.body == nfc.body and nfd.title == nfc.title


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    (tmp_path / "good1.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "good2.txt").write_text(" date 2022-06 Tiêu đề\n\nChiều 22/6, hội nghị.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Hà Tĩnh".encode("cp1258", errors="replace") + b"\xff\xfe")
    recs = [{"id": "j1", "text": PAGE, "url": "https://baohatinh.vn/a.html", "published": "2019-10-31"},
            {"id": "j2", "text": ""}]
    (tmp_path / "batch.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs)
                                          + "\n{not json\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    return tmp_path


def test_bad_files_are_named_and_good_ones_still_read(mixed_folder):
    items = list(iter_corpus(mixed_folder))
    good = sorted(a.doc_id for a in items if isinstance(a, Article))
    bad = [str(e) for e in items if isinstance(e, CorpusError)]
    assert good == ["good1", "good2", "j1"]
    assert any("empty.txt" in b and "empty" in b for b in bad)
    assert any("binary.txt" in b and "binary" in b for b in bad)
    assert any("latin1.txt" in b and "UTF-8" in b for b in bad)
    assert any("batch.jsonl:2" in b for b in bad) and any("batch.jsonl:3" in b and "JSON" in b for b in bad)


def test_jsonl_record_keeps_its_id_url_and_published(mixed_folder):
    j1 = next(a for a in iter_corpus(mixed_folder) if isinstance(a, Article) and a.doc_id == "j1")
    assert j1.published == "2019-10-31"
    assert j1.url == "https://baohatinh.vn/a.html"


def test_html_page_main_text_and_date(tmp_path):
    html = """<html><head><title>Huyện Can Lộc tổng kết năm 2023</title>
    <meta property="article:published_time" content="2024-01-05T08:00:00+07:00"></head>
    <body><nav><a href="/">Trang chủ</a> <a href="/x">Thời sự</a></nav>
    <article><h1>Huyện Can Lộc tổng kết năm 2023</h1>
    <p>Chiều 5/1, BCH Đảng bộ huyện Can Lộc tổ chức hội nghị tổng kết công tác năm 2023.</p>
    <p>Năm 2023, tổng giá trị sản xuất của huyện đạt 9.120 tỷ đồng, tăng 8,2% so với năm 2022.
    Thu ngân sách trên địa bàn đạt 410 tỷ đồng, bằng 112% dự toán tỉnh giao.</p></article>
    <footer>Bản quyền thuộc về Báo Hà Tĩnh</footer></body></html>"""
    (tmp_path / "canloc.html").write_text(html, encoding="utf-8")
    [a] = list(iter_corpus(tmp_path))
    assert isinstance(a, Article)
    assert a.published == "2024-01-05"
    assert "9.120 tỷ đồng" in a.body and "Trang chủ" not in a.body


def test_missing_folder_is_an_error_not_a_crash(tmp_path):
    [e] = list(iter_corpus(tmp_path / "nope"))
    assert isinstance(e, CorpusError) and "not a folder" in str(e)


def test_span_quote_is_the_source_as_written_even_decomposed_with_old_tone_marks():
    written = "Giá trị sản xuất của huyện Thiệu Hoá đạt 9.461 tỷ đồng, gấp 1,86 lần."
    a = parse_text("th", unicodedata.normalize("NFD", "Tiêu đề\n\n" + written), "th.txt")
    i = a.body.index("huyện Thiệu Hóa")  # the body has the one convention …
    span = a.span(i, i + len("huyện Thiệu Hóa"))
    assert span.text == "huyện Thiệu Hóa"
    assert span.quote == "huyện Thiệu Hoá"  # … the quote has what the page wrote, composed


def test_a_line_wrapped_inside_a_sentence_is_joined_back():
    text = ("Tiêu đề bài\n\nDiện tích cây trồng: Cà\nphê đạt 1.542ha, tỷ lệ hộ nghèo đa\nchiều giảm còn 24%.\n"
            "Quang cảnh hội nghị\n\nĐoạn sau.")
    a = parse_text("w", text, "w.txt")
    assert "Cà phê đạt 1.542ha, tỷ lệ hộ nghèo đa chiều giảm còn 24%." in a.body
    assert "\n\nQuang cảnh hội nghị" in a.body          # a line that ends a sentence stays a paragraph
    at = a.body.index("phê")
    assert text[a.offsets.to_raw(at):].startswith("phê")   # evidence still maps to the raw text


def test_a_sites_today_line_above_the_title_does_not_date_the_article():
    text = ("Chủ nhật, 24/11/2024, 15:27[GMT+7]\n\nKỳ họp thứ 5 HĐND huyện Thái Thụy\n\nThứ 5, 28/12/2017 | 14:15:15\n"
            "Sáng ngày 28/12, huyện Thái Thụy khai mạc kỳ họp thứ 5 HĐND huyện.")
    a = parse_text("d", text, "d.txt")
    assert a.published == "2017-12-28"
    assert "14:15:15" not in a.body and "GMT" not in a.body


def test_a_writers_name_in_capitals_over_the_lead_is_the_byline():
    a = parse_text("c", " date 2025-08-13 Danh mục\nTHÚY NGỌ\n(GLO)- Sáng 13-8, Đảng bộ xã tổ chức đại hội.", "c.txt")
    assert a.byline == "THÚY NGỌ"
    assert "THÚY NGỌ" not in a.body and "Danh mục" not in a.body
