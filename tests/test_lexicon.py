"""Every lexicon file has the structure its rules expect, and no rule hides behind its pre-check keys."""
import tomllib
from pathlib import Path

import pytest

from vngov.lexicon import load
from vngov.lexicon.schema import GUARDS, SCHEMAS, problems, unreachable

LEXICON = Path(__file__).resolve().parents[1] / "src" / "vngov" / "lexicon"
FILES = sorted(p.stem for p in LEXICON.glob("*.toml"))


def test_every_lexicon_file_has_a_schema_and_every_schema_a_file():
    assert set(FILES) == set(SCHEMAS)


@pytest.mark.parametrize("name", FILES)
def test_a_lexicon_file_matches_its_schema(name):
    data = tomllib.loads((LEXICON / f"{name}.toml").read_text(encoding="utf-8"))
    assert problems(name, data) == []


def test_the_schema_catches_unknown_missing_and_mistyped_keys():
    data = tomllib.loads((LEXICON / "quotes.toml").read_text(encoding="utf-8"))
    bad = dict(data, min_quote_chars="ten", speech_verb=["nói"])
    del bad["adverbs"]
    found = problems("quotes", bad)
    assert any("speech_verb: unknown key" in p for p in found)
    assert any("adverbs: missing" in p for p in found)
    assert any("min_quote_chars: int expected" in p for p in found)


def test_every_rule_is_reachable_through_its_pre_check_keys():
    assert unreachable(load) == []


def test_a_cue_word_without_a_key_is_reported(monkeypatch):
    real = load("figures")
    patched = {**real, "status": {**real["status"], "target": real["status"]["target"] + ["nhắm tới"]}}
    assert unreachable(lambda name: patched if name == "figures" else load(name)) == [
        "figures.status.target: 'nhắm tới' holds none of status.target_keys"]


def test_a_target_word_added_to_the_lexicon_takes_effect(monkeypatch):
    """The pre-check keys come from the lexicon, so a new target word with its key works without code."""
    from vngov.corpus import parse_text
    from vngov.figures import cues as figure_cues
    from vngov.extract import extract_article

    real = load("figures")
    patched = {**real, "status": {**real["status"], "target": real["status"]["target"] + ["nhắm tới"],
                                  "target_keys": real["status"]["target_keys"] + ["nhắm"]}}
    text = " date 2024-03 Huyện họp\n\nHuyện nhắm tới thu ngân sách đạt 300 tỷ đồng.\n"
    before = extract_article(parse_text("t", text, "t.txt")).figures[0].status
    monkeypatch.setattr(figure_cues, "load", lambda name: patched if name == "figures" else load(name))
    figure_cues.load_cues.cache_clear()
    try:
        after = extract_article(parse_text("t", text, "t.txt")).figures[0].status
    finally:
        figure_cues.load_cues.cache_clear()
    assert (before, after) == ("actual", "target")


def test_guards_name_real_paths():
    for name, rules, keys in GUARDS:
        assert name in SCHEMAS, name


def test_every_meeting_kind_opens_with_a_letter_for_its_first_letter_guard():
    from vngov.lexicon import load
    from vngov.meetings import _kinds
    for pattern, _kind in load("meetings")["kinds"]:
        assert pattern[0].isalpha(), pattern       # a lookbehind first would slip past the guard
    assert [k.kind for k in _kinds("Chiều 5/3, HĐND huyện tổ chức kỳ họp thứ 7; sau đó họp bàn về giá.")] == \
        ["kỳ họp", "họp"]
