"""data/sample: the corpus that ships with vngov keeps the promises reports rely on.

`make reports` and the nbval regression notebooks are built from this folder, so
it must read cleanly, cover enough localities and years to compare, exercise
every input format the reader supports, and stay our own writing (it restates
public facts; it must never reproduce sentences of the real dev articles).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from vngov.corpus import CorpusError, corpus_files, iter_corpus
from vngov.models import Article
from vngov.text import fold

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
DEV = ROOT.parent / "shared" / "eval" / "dev" / "corpus"

# "huyện Kỳ Anh", "thị xã Hồng Lĩnh", "TX Kỳ Anh", "TP Hà Tĩnh": a level word, then capitalised words.
_LEVELS = {"huyện": "huyện", "thị xã": "thị xã", "thành phố": "thành phố", "tỉnh": "tỉnh",
           "tx": "thị xã", "tp": "thành phố", "tp.": "thành phố"}
_LOCALITY = re.compile(r"(?<!\w)(huyện|thị xã|thành phố|tỉnh|TX|TP\.?)\s+((?:[^\W\d_]+)(?:\s+[^\W\d_]+){0,2})")
_YEAR = re.compile(r"(?<![\d/.,])(20[12]\d)(?![\d/.,])")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@lru_cache(maxsize=1)
def _read() -> tuple[list[Article], list[CorpusError]]:
    arts, errs = [], []
    for item in iter_corpus(SAMPLE):
        (errs if isinstance(item, CorpusError) else arts).append(item)
    return arts, errs


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return _read()[0]


def localities_named(text: str) -> set[str]:
    """Canonical '<level> <Name>' for every unit the text names (capitalised words after a level)."""
    out = set()
    for m in _LOCALITY.finditer(text):
        level = _LEVELS[m.group(1).lower()]
        words = []
        for w in m.group(2).split():
            if not w[0].isupper() or (len(w) > 1 and w.isupper()):
                break
            words.append(w)
        if words:
            out.add(f"{level} {' '.join(words[:2])}")
    return out


def article_year(a: Article) -> str | None:
    """The publication year, else the first year the body names."""
    if a.published:
        return a.published[:4]
    m = _YEAR.search(a.body)
    return m.group(1) if m else None


def words(text: str) -> list[str]:
    return re.findall(r"\w+(?:[.,]\w+)*", fold(text))


# --- the helpers themselves -----------------------------------------------------


def test_locality_regex_reads_levels_and_abbreviations():
    text = "Thường trực Tỉnh ủy làm việc với TX Kỳ Anh; UBND huyện Can Lộc và thành phố Hà Tĩnh Nguyễn Văn A."
    assert localities_named(text) == {"thị xã Kỳ Anh", "huyện Can Lộc", "thành phố Hà Tĩnh"}


def test_year_regex_ignores_numbers_and_dates():
    assert _YEAR.findall("thu 2.021 tỷ, ngày 12/4/2021, năm 2023") == ["2023"]


# --- the promises -------------------------------------------------------------------


def test_every_file_reads_without_error():
    assert _read()[1] == []


def test_at_least_twelve_articles(articles):
    assert len(articles) >= 12


def test_doc_ids_are_unique_lowercase_slugs(articles):
    ids = [a.doc_id for a in articles]
    assert len(ids) == len(set(ids))
    assert all(_SLUG.match(i) for i in ids), [i for i in ids if not _SLUG.match(i)]


def test_articles_are_short_news_items(articles):
    sizes = {a.doc_id: len(a.body.split()) for a in articles}
    assert all(200 <= n <= 650 for n in sizes.values()), sizes


def test_at_least_three_localities_each_in_two_articles(articles):
    counts = Counter(loc for a in articles for loc in localities_named(a.body))
    repeated = {loc for loc, n in counts.items() if n >= 2}
    assert {"thị xã Kỳ Anh", "huyện Kỳ Anh", "thành phố Hà Tĩnh"} <= repeated
    assert len(repeated) >= 3


def test_a_thi_xa_and_a_huyen_of_the_same_name_are_both_covered(articles):
    ids = {loc: [a.doc_id for a in articles if loc in localities_named(a.body)]
           for loc in ("thị xã Kỳ Anh", "huyện Kỳ Anh")}
    assert all(len(v) >= 2 for v in ids.values()), ids


def test_at_least_three_years(articles):
    years = {article_year(a) for a in articles} - {None}
    assert len(years) >= 3, years


def test_one_html_page_gives_text_and_date():
    pages = [p for p in corpus_files(SAMPLE) if p.suffix.lower() in (".html", ".htm")]
    assert len(pages) >= 1
    arts = [a for a in _read()[0] if Path(a.path).suffix.lower() in (".html", ".htm")]
    assert arts and all(a.published and len(a.body.split()) > 200 for a in arts)
    assert all("<" not in a.body and "Trang chủ" not in a.body for a in arts)


def test_one_jsonl_file_holds_two_articles():
    files = [p for p in corpus_files(SAMPLE) if p.suffix.lower() == ".jsonl"]
    assert len(files) >= 1
    from_jsonl = [a for a in _read()[0] if ".jsonl:" in a.path]
    assert len(from_jsonl) >= 2
    assert all(a.url and a.published for a in from_jsonl)


def test_some_file_is_decomposed_unicode_and_reads_as_nfc(articles):
    nfd = [a for a in articles if not unicodedata.is_normalized("NFC", a.raw)]
    assert nfd, "no NFD file left to exercise the normaliser"
    assert all(unicodedata.is_normalized("NFC", a.body) for a in nfd)


def test_page_chrome_does_not_reach_the_body(articles):
    chrome = ("{name}", "{body}", "bình luận", "Hãy chia sẻ", "Mã xác thực", "Tin liên quan", "Đọc thêm")
    assert not [(a.doc_id, c) for a in articles for c in chrome if c in a.body]


@pytest.mark.skipif(not DEV.is_dir(), reason="dev corpus folder absent: copy check not possible")
def test_no_dev_sentence_copied_when_dev_corpus_present(articles):
    """No run of more than 12 words is shared with any dev article (case- and tone-mark-insensitive)."""
    n = 13
    dev: set[tuple[str, ...]] = set()
    for a in iter_corpus(DEV):
        if isinstance(a, Article):
            w = words(a.body)
            dev |= {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}
    assert dev, "dev corpus read as empty"
    copied = {}
    for a in articles:
        w = words(a.body)
        hits = {tuple(w[i:i + n]) for i in range(len(w) - n + 1)} & dev
        if hits:
            copied[a.doc_id] = [" ".join(h) for h in sorted(hits)[:2]]
    assert not copied, copied
