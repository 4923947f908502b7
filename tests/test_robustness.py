"""Whatever a page holds, extraction neither crashes nor loses track of its evidence.

Property tests: arbitrary text (Vietnamese letters, digits, the punctuation of figures and dates,
line breaks) and arbitrary slices of the sample articles go through the whole extractor; every
span it returns must be the body text at its offsets and the raw text at its raw offsets.
"""
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from vngov.corpus import parse_text
from vngov.extract import extract_article

SAMPLE = sorted((Path(__file__).resolve().parents[1] / "data" / "sample").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in SAMPLE]
ALPHABET = st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợ"
                                "ùúủũụừứửữựỳýỷỹỵ AĂÂĐÊÔƠƯHTUBNDĐQX0123456789.,;:%/-–()\"“”\n"))


def _spans(x):
    for f in x.figures:
        yield f.evidence
    for m in x.meetings:
        yield m.evidence
    for p in x.people:
        yield from p.evidence
    for q in x.quotes:
        yield q.evidence
    for d in x.directives:
        yield d.evidence


def _check(raw: str) -> None:
    article = parse_text("fuzz", raw, "fuzz.txt")
    x = extract_article(article)
    for s in _spans(x):
        assert article.body[s.start:s.end] == s.text
        assert article.raw[s.raw_start:s.raw_end] == s.raw_text
        assert unicodedata.normalize("NFC", s.raw_text) == s.quote


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, min_size=0, max_size=400))
def test_any_text_goes_through(raw):
    _check(raw or " ")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(TEXTS) - 1), st.integers(0, 4000), st.integers(1, 1500), st.booleans())
def test_any_slice_of_a_real_article_goes_through(i, start, length, decompose):
    raw = TEXTS[i][start:start + length] or TEXTS[i]
    _check(unicodedata.normalize("NFD", raw) if decompose else raw)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, len(TEXTS) - 1), min_size=2, max_size=3), st.integers(0, 3000))
def test_articles_glued_together_go_through(picks, cut):
    _check("\n".join(TEXTS[i][cut:cut + 900] for i in picks))
