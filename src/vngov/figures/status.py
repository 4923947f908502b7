"""Status: whether a figure is a result, an estimate or a target.

Targets come from a cue before the number ("phấn đấu", "dự kiến"), a list of targets opened by a
header or a target-setting sentence, or the plan named as the subject ("kế hoạch giao 192 tỷ
đồng"); estimates from "ước" in the clause or opening the sentence.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vngov.figures.clauses import clause_start
from vngov.figures.cues import Cues
from vngov.figures.scope import State
from vngov.periods import PeriodMention, bounds

if TYPE_CHECKING:
    from vngov.figures.candidates import Cand
    from vngov.figures.sentence import Sentence


# Baselines met before a figure are not target cues: "đạt 123% so với mục tiêu", "đạt 87% kế hoạch năm".
_COMPARISON = re.compile(r"(?:so\s+với|so\s+mới|so)\s+[^,;.]*", re.I)


_PCT_OF_PLAN = re.compile(r"\d[\d.,]*\s*%\s*(?:kế\s+hoạch|KH|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu)[^,;.]*", re.I)


def sets_targets(text: str, target_at: int | None, mentions: list[PeriodMention], state: State,
                 cues: Cues) -> bool:
    """A sentence that opens with a period and sets its targets ("Năm 2018, huyện phấn đấu …") makes the
    rest of its paragraph a list of targets, unless the striving is told as done ("đã nỗ lực phấn
    đấu") or the period is past when the report is written."""
    if target_at is None or cues.done_before.search(text, 0, target_at):
        return False
    setting = cues.target_setting.search(text, 0, target_at + 1)
    if setting is None or cues.result_verb.search(text, 0, setting.start()):
        return False     # "hoàn thành 25/25 chỉ tiêu đề ra": targets met, not set
    opening = [m for m in mentions if m.iso and m.start <= 2 and not (m.compare or m.task)]
    if not opening or opening[0].shape == "to_year":
        return False     # only a sentence that opens with the period it plans: "Năm 2018, huyện phấn đấu …"
    return not (state.ref_date and bounds(opening[0].iso)[1] < state.ref_date)


def target_header_at(text: str, cues: Cues) -> re.Match[str] | None:
    """A target-list header ("Một số chỉ tiêu chủ yếu năm 2024: …"), searched only where a key occurs."""
    low = text.casefold()
    if not any(k in low for k in cues.header_keys):
        return None
    for m in cues.target_header.finditer(text):
        if not cues.header_not_after.search(text, max(0, m.start() - 80), m.start()):
            return m
    return None


def status_of(sent: Sentence, c: Cand, anchor: Cand | None, done: list[Cand]) -> None:
    """Target, estimate or actual, from the cues before ``c`` and the list or paragraph it is in."""
    text, state, cues = sent.text, sent.state, sent.cues
    before = text[:c.start]
    own = text[c.clause_start:c.start]
    if state.target_para or (sent.target_at is not None and sent.target_at <= c.start):
        c.status = "target"
        return
    if _in_opening_term(sent, c):
        c.status = "target"      # "Nhiệm kỳ 2015-2020, Đảng bộ tập trung hoàn thành …" at its 2015 congress
        return
    if cues.estimate.search(own) or cues.estimate_opener.match(text):
        c.status = "estimate"
        return
    if cues.plan_subject.match(own):
        c.status = "target"      # "(Kế hoạch 9%)", "kế hoạch HĐND tỉnh giao 192,5 tỷ đồng"
        return
    if c.unit.cls == "money" and c.metric and cues.plan_amount.match(c.metric):
        c.status = "target"      # "thống nhất tổng kế hoạch đầu tư công năm 2025 là hơn 16,8 tỷ đồng": a plan's amount
        return
    if anchor is not None and not c.own_metric:
        c.status = anchor.status
        return
    cue = None
    low = before.casefold()
    for m in (cues.breakdown.finditer(before) if any(k in low for k in cues.breakdown_keys) else ()):
        cue = m
    if cue is not None:
        # a breakdown ("trong đó …") of a target is a target; of an estimate it is what its own
        # clause says (SCHEMA: an estimate only where the text marks it)
        # of a target it is a target; of an estimate, an estimate unless its own clause has a result verb
        own_verb = cues.result_verb.search(text, cue.end(), c.start) is not None
        whole = next((d.status for d in reversed(done) if d.start < cue.start()), None)
        if whole is None and not before[:cue.start()].strip():
            whole = state.head_status
        if whole == "target" or (whole == "estimate" and not own_verb):
            c.status = whole
            return
    c.status = "actual"


def _in_opening_term(sent: Sentence, c: Cand) -> bool:
    """The sentence is headed by a term that begins in the report's year: what it says of the term is to come."""
    ref = sent.state.ref_date
    return bool(ref) and any(m.shape == "term" and m.iso and m.iso[:4] >= ref[:4] and m.end <= c.start
                             and m.start < 3 for m in sent.mentions)


def target_from(text: str, cues: Cues) -> int | None:
    """Where the sentence's figures become targets: after a target cue or a target-list header."""
    low = text.casefold()
    if not any(k in low for k in cues.target_keys):
        return None
    def spaces(m: re.Match[str]) -> str:
        return " " * len(m.group())
    cleaned = cues.not_target.sub(spaces, text)
    cleaned = _COMPARISON.sub(spaces, cleaned)
    cleaned = _PCT_OF_PLAN.sub(spaces, cleaned)
    ends = [m.end() for m in (_target_cue(cleaned, cues), target_header_at(text, cues)) if m]
    listed = targets_set(text, cues)
    if listed is not None:
        ends.append(listed)
    return min(ends) if ends else None


def targets_set(text: str, cues: Cues) -> int | None:
    """Where a count of targets set and then listed begins ("Đại hội đề ra 24 chỉ tiêu, trong đó …", "đề ra
    12 chỉ tiêu cụ thể: …"): the count and the list are targets, unless the sentence goes on to what was
    reached ("đề ra 28 chỉ tiêu, trong đó có 25/28 chỉ tiêu đạt")."""
    m = cues.targets_listed.search(text)
    if m is None or cues.targets_reached.search(text, m.end()):
        return None
    return m.start("n")


def _target_cue(cleaned: str, cues: Cues) -> re.Match[str] | None:
    """The first target cue that sets targets: "đã đạt 15/17 chỉ tiêu đề ra" reports targets met, so a
    cue that only names targets (``target_named``) with a result verb before it in its clause opens none."""
    for m in cues.target.finditer(cleaned):
        if " ".join(m.group().casefold().split()) not in cues.target_named:
            return m
        if not cues.result_verb.search(cleaned, clause_start(cleaned, m.start()), m.start()):
            return m
    return None
