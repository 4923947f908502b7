"""vngov.text: normalisation keeps one spelling and never loses a character's origin."""
import unicodedata

import pytest
from hypothesis import given, strategies as st

from vngov.text import OffsetMap, fold, normalize, normalize_text, sentences


@pytest.mark.parametrize("old, new", [
    ("Ủy ban", "Ủy ban"), ("Uỷ ban", "Ủy ban"), ("thuỷ lợi", "thủy lợi"), ("hoà bình", "hòa bình"),
    ("Thiệu Hoá", "Thiệu Hóa"), ("khoẻ", "khỏe"),
    # a tone on the first vowel of a pair before a final consonant is a typo: "Đòan" is "Đoàn"
    ("Đòan đại biểu", "Đoàn đại biểu"), ("tòan huyện", "toàn huyện"), ("Hòang", "Hoàng"), ("khóan", "khoán"),
])
def test_old_tone_marks_take_the_one_convention(old, new):
    assert normalize_text(old) == new


@pytest.mark.parametrize("word", ["hoàng", "hoàn thành", "quý", "Quý", "quỹ", "thuỷển"[:0] + "khoản"])
def test_marks_inside_a_syllable_with_a_final_consonant_or_after_q_stay(word):
    assert normalize_text(word) == word


def test_decomposed_text_is_composed_and_offsets_point_back():
    raw = unicodedata.normalize("NFD", "Tổng thu ngân sách đạt 190,881 tỷ đồng")
    text, pos = normalize(raw)
    assert text == "Tổng thu ngân sách đạt 190,881 tỷ đồng"
    assert len(pos) == len(text)
    i = text.index("190,881")
    assert raw[pos[i]:pos[i] + 7] == "190,881"


def test_zero_width_and_no_break_spaces_are_cleaned():
    text, pos = normalize("đạt\u00a0107,79%\u200b kế hoạch")
    assert text == "đạt 107,79% kế hoạch"
    assert pos[text.index("k")] == "đạt\u00a0107,79%\u200b kế hoạch".index("k")


@given(st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=60))
def test_offset_map_round_trips_any_monotone_positions(steps):
    positions, p = [], 0
    for s in steps:
        p += s
        positions.append(p)
    m = OffsetMap.from_positions(positions)
    assert m.positions() == positions


def test_sentences_do_not_break_numbers_or_tp_abbreviation():
    body = "Thu ngân sách đạt 8.850,26 tỷ đồng. TP. Đồng Hới có 14/16 xã đạt chuẩn. Năm 2024 phấn đấu 100%."
    spans = [body[s:e] for s, e in sentences(body)]
    assert spans == ["Thu ngân sách đạt 8.850,26 tỷ đồng.", "TP. Đồng Hới có 14/16 xã đạt chuẩn.",
                     "Năm 2024 phấn đấu 100%."]


def test_sentences_break_at_paragraphs():
    body = "Dòng một không có dấu chấm\n\nDòng hai."
    assert [body[s:e] for s, e in sentences(body)] == ["Dòng một không có dấu chấm", "Dòng hai."]


def test_fold_ignores_case_space_and_tone_convention():
    assert fold("  Chủ tịch  UBND Tỉnh ") == fold("chủ tịch ubnd tỉnh")
    assert fold("Uỷ viên") == fold("ủy viên")


def test_capital_class_holds_every_vietnamese_capital_and_no_lower_case_letter():
    import re

    from vngov.text import CAPITAL

    cap = re.compile(CAPITAL)
    assert all(cap.fullmatch(c) for c in "ĐÀẢẤỲỮƠƯÝ")
    assert not any(cap.fullmatch(c) for c in "đàảấỳữơưý")  # "À-Ỹ" as a range would take these


def test_a_full_stop_before_a_lower_case_accented_word_does_not_end_a_sentence():
    body = "Đạt 12 tiêu chí v.v. đạt chuẩn. Năm sau tăng."
    assert [body[s:e] for s, e in sentences(body)] == ["Đạt 12 tiêu chí v.v. đạt chuẩn.", "Năm sau tăng."]
