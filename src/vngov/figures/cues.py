"""The cue words of figures, compiled once from ``lexicon/figures.toml``.

Every rule that says what a number is (a change, a ratio, a target, logistics of the event) is a
word list or pattern in the lexicon; this module only compiles them, with the pre-check keys that
gate the slower patterns kept beside the rules in the same file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vngov.lexicon import alternation, load


@dataclass(frozen=True)
class Cues:
    estimate: re.Pattern[str]
    target: re.Pattern[str]
    not_target: re.Pattern[str]
    target_header: re.Pattern[str]
    breakdown: re.Pattern[str]
    change: re.Pattern[str]
    level_after: re.Pattern[str]
    ratio_verb: re.Pattern[str]
    growth: tuple[str, ...]
    base_lead: re.Pattern[str]
    base_direct: re.Pattern[str]
    base_stop: re.Pattern[str]
    plan_words: tuple[str, ...]
    not_after: re.Pattern[str]
    name_after: re.Pattern[str]
    logistics: re.Pattern[str]
    flow: re.Pattern[str]
    tail_stop: re.Pattern[str]
    count_tail_stop: re.Pattern[str]
    noun_partner: re.Pattern[str]      # ", thị trấn" / " (làng)" right after a counted unit noun: one noun
    stock: re.Pattern[str]
    approx: re.Pattern[str]
    not_after_words: frozenset[str]
    represented: re.Pattern[str]
    representing: re.Pattern[str]      # "250 đảng viên đại diện cho 1.929 …": delegates, not a figure
    yearly_rate: re.Pattern[str]       # "bình quân 9%/năm": a rate over a span, not the horizon year's level
    yearly_amount: re.Pattern[str]     # "diện tích gieo trồng hàng năm": an amount each year of a span
    target_keys: tuple[str, ...]       # a cue can only match if one of these substrings is there
    header_keys: tuple[str, ...]
    plan_amount: re.Pattern[str]       # a metric that is a plan ("tổng kế hoạch vốn …"): its amount is a target
    plan_subject: re.Pattern[str]      # a clause opened by the plan itself: its amount is a target
    estimate_opener: re.Pattern[str]   # a sentence opened by an estimate cue
    header_not_after: re.Pattern[str]  # a review of targets met, not a list of targets
    target_setting: re.Pattern[str]    # cues that set a paragraph's targets
    range_change: re.Pattern[str]      # "tăng từ" before a range: a change of that range
    targets_listed: re.Pattern[str]    # "đề ra 12 chỉ tiêu cụ thể: …", "đề ra 24 chỉ tiêu, trong đó …"
    targets_reached: re.Pattern[str]   # "25/28 chỉ tiêu": how many of them were reached
    result_verb: re.Pattern[str]       # a result verb in a clause
    target_named: frozenset[str]       # target cues that only name targets ("chỉ tiêu đề ra")
    done_before: re.Pattern[str]       # striving told as done, before a target cue
    result_words: re.Pattern[str]      # words of a result: a paragraph with one is no target's
    count_opener: re.Pattern[str]      # words opening a count's own metric
    merged: re.Pattern[str]            # "sáp nhập Đảng bộ 3 xã …": the make-up of a new unit, not a figure
    share_verb: re.Pattern[str]        # "chiếm 29,2%": a share's verb right before the number
    moves: re.Pattern[str]             # "tăng", "giảm" shortly before the number
    sentence_openers: frozenset[str]   # "tính", "riêng": words that may come before a sentence's heading period
    average_words: tuple[str, ...]     # "bình quân": a period phrase that qualifies one average
    year_links: frozenset[str]         # "vào": between a figure and its own year
    baseline_first: re.Pattern[str]    # "so với cùng kỳ tăng …": a baseline before its change verb
    baseline_before_verb: re.Pattern[str]   # the same baseline ending the words before the number
    verb_first: re.Pattern[str]        # "phấn đấu giảm …": a movement opening the words before the number
    other_verb: re.Pattern[str]        # another verb after it: the movement is not the figure's
    via_for: re.Pattern[str]           # "… cho": the count is for whom
    via_with: re.Pattern[str]          # "với …": comes with the figure before
    rate_word: re.Pattern[str]         # "tỷ trọng …", "tốc độ …": a metric that is a rate or a share
    rate_head: re.Pattern[str]         # "tỷ lệ …": a rate, whose long description is its metric
    quantity_head: re.Pattern[str]     # "lượng khách …": a metric that names its count, unit noun not added
    logistics_keys: tuple[str, ...]
    next_item: re.Pattern[str]         # "và thương mại dịch vụ chiếm 37,84%": the next item, not a tail
    sector_join: re.Pattern[str]       # "Công nghiệp – Xây dựng": a dash inside one sector's name
    bare_sector: re.Pattern[str]       # a metric that is only a sector's name
    share_head: re.Pattern[str]        # "cơ cấu kinh tế", "tỷ trọng": the head of a list of sector shares
    topic: re.Pattern[str]             # "Về thu ngân sách, …": what a list of places that follows measures
    plan_slash: re.Pattern[str]        # "6.185 tỷ đồng/KH 12.500 tỷ đồng": the plan written after a slash
    caption: re.Pattern[str]           # "… - Ảnh 1.": a photo caption, whose periods do not run on
    breakdown_keys: tuple[str, ...]


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    lex = load("figures")
    st, kd, bl, sc = lex["status"], lex["kind"], lex["baseline"], lex["scope"]
    so_baseline = (rf"(?:{alternation(bl['before_verb_lead'])})\s+"      # "so với cùng kỳ …": the baseline in group 1
                   rf"((?:{alternation(bl['before_verb_heads'])})[^,;]*?)")
    sector = alternation(lex["sectors"]["words"])
    mods = alternation(kd["change_modifiers"])
    approx = alternation(lex["approximators"])
    dash = rf"\s-\s(?!(?:{alternation(sc['dash_compound_ends'])})(?![\w]))"   # not "kinh tế - xã hội"
    return Cues(
        estimate=re.compile(rf"(?<![\w])(?:{alternation(st['estimate'])})(?![\w])", re.I),
        target=re.compile(rf"(?<![\w])(?:{alternation(st['target'])}|{'|'.join(st['target_patterns'])})(?![\w])", re.I),
        not_target=re.compile(rf"(?<![\w])(?:{alternation(st['not_target'])})(?![\w])", re.I),
        target_header=re.compile(st["target_header"], re.I),
        breakdown=re.compile(rf"(?<![\w])(?:{alternation(st['breakdown'])})(?![\w])", re.I),
        change=re.compile(rf"(?<![\w])(?:{alternation(kd['change'])})(?:\s+(?:{mods}|{approx}))*\s*$", re.I),
        level_after=re.compile(rf"(?<![\w])(?:{alternation(kd['level_after_change'])})(?:\s+(?:{approx}))*\s*$", re.I),
        ratio_verb=re.compile(rf"(?<![\w])(?:{alternation(kd['ratio'])})(?:\s+(?:{approx}))*\s*$", re.I),
        growth=tuple(w.casefold() for w in kd["growth_metric"]),
        base_lead=re.compile(rf"\s*(?:{alternation(bl['lead'])})\s+(?=\S)", re.I),
        base_direct=re.compile(rf"\s*(?=(?:{alternation(bl['plan'] + bl['period'])})(?![\w]))", re.I),
        base_stop=re.compile(r"\s(?:và|tăng|giảm|đạt|bằng|vượt|gấp|trong\s+đó|xếp|đứng|nhưng)(?![\w])|[,;.()…:]|\s-\s", re.I),
        plan_words=tuple(w.casefold() for w in bl["plan_words"]),
        not_after=re.compile(rf"(?<![\w])(?<!tổng\s)(?:{alternation(sc['not_after'])})\s*$", re.I),
        name_after=re.compile(rf"\s*(?:{alternation(sc['name_after'])})(?![\w])", re.I),
        logistics=re.compile(rf"(?<![\w])(?:{alternation(sc['logistics'])})(?![\w])", re.I),
        flow=re.compile(rf"(?<![\w])(?<!các\s)(?<!những\s)(?:{alternation(sc['flow'])})(?![\w])", re.I),
        tail_stop=re.compile(rf"\s(?:{alternation(sc['tail_stop'])}|(?<!mặt\s)bằng)(?![\w])"
                             rf"|[,;.()…:“\"”/]|{dash}|\s\d", re.I),
        noun_partner=re.compile(rf"\s*,\s*(?P<p>{alternation(sc['noun_partners'])})(?![\w])(?=\s+[^\d\s])"
                                rf"|\s*\((?:{alternation(sc['noun_partners'])})\)", re.I),
        count_tail_stop=re.compile(rf"\s(?:{alternation(sc['count_tail_stop'])})(?![\w])"
                                   rf"|(?<!từ\s)(?<!-\s)(?<!-)(?<![\d.,])\d(?![\d.,]*\s+sao)|[,;.()…:/“\"”]|{dash}", re.I),
        stock=re.compile(rf"(?<![\w])(?:{alternation(sc['stock'])})(?![\w])", re.I),
        approx=re.compile(rf"(?<![\w])({approx})\s*$", re.I),
        represented=re.compile(sc["represented"], re.I),
        representing=re.compile(sc["representing"], re.I),
        yearly_rate=re.compile(rf"(?:{alternation(sc['yearly_rate'])})(?!\s+(?:{alternation(sc['not_yearly_after'])})(?![\w]))",
                               re.I),
        yearly_amount=re.compile(rf"(?<![\w])(?:{alternation(sc['yearly_amount'])})(?![\w])", re.I),
        not_after_words=frozenset(" ".join(w.casefold().split()) for w in sc["not_after"]),
        target_keys=gate_keys(st["target_keys"]),
        header_keys=gate_keys(st["target_header_keys"]),
        plan_amount=re.compile(rf"^(?:(?:{alternation(st['set_verbs'] + st['plan_verbs'])})\s+)?(?:tổng\s+)?"
                               rf"(?:{alternation(st['plan_amounts'])})(?![\w])", re.I),
        plan_subject=re.compile(rf"^\W*(?:{alternation(st['plan_subject'])})(?![\w])"
                                rf"(?!.*(?<![\w])(?:{alternation(st['result_verbs'])})(?![\w]))", re.I | re.S),
        header_not_after=re.compile(rf"(?<![\w])(?:{alternation(st['header_not_after'])})(?![\w])[^,;:]*$", re.I),
        range_change=re.compile(rf"(?<![\w])(?:{alternation(kd['range_change_before'])})\s*$", re.I),
        targets_listed=re.compile(rf"(?<![\w])(?:{alternation(st['set_verbs'])})\s+(?P<n>\d+)\s+"
                                  rf"(?:{alternation(st['set_counts'])})(?![\w])[^:;.]{{0,60}}?"
                                  rf"(?::|,?\s*(?:{alternation(st['list_openers'])})(?![\w])"
                                  # "… đưa ra 12 chỉ tiêu quan trọng thực hiện trong nhiệm kỳ 2015-2020."
                                  rf"|(?:nhiệm\s+kỳ|giai\s+đoạn)\s+(?:mới|tới|\d{{4}})[^:;.]*[.…]?\s*$)",
                                  re.I),
        targets_reached=re.compile(rf"\d+\s*/\s*\d+\s+(?:{alternation(st['set_counts'])})(?![\w])", re.I),
        target_setting=re.compile(rf"(?<![\w])(?:{alternation(st['target_setting'])})(?![\w])", re.I),
        result_words=re.compile(rf"(?<![\w])(?:{alternation(st['result_words'])})(?![\w])", re.I),
        done_before=re.compile(rf"(?<![\w])(?:{alternation(st['done_before'])})(?![\w])[^,;]*$", re.I),
        next_item=re.compile(rf"\s*(?:{alternation(sc['next_item_words'])})\s+\D+?\s\d"),
        sector_join=re.compile(rf"(?<![\w])(?:{sector})\s[-–]\s(?:{sector})(?![\w])", re.I),
        bare_sector=re.compile(rf"(?:(?:{alternation(load('indicators')['admit']['sector_prefixes'])})\s+)?(?:{sector})"
                               rf"(?:\s*[,–-]\s*(?:{sector})|\s+và\s+(?:{sector})|\s+(?:{sector}))*", re.I),
        caption=re.compile(sc["caption"], re.I),
        plan_slash=re.compile(rf"\s*/\s*(?:{alternation(bl['plan'])})\s*:?\s*", re.I),
        topic=re.compile(rf"(?:^|[,;:.]\s*)(?:{alternation(sc['topic_openers'])})\s+(?P<topic>[^,;:.]+),\s*$", re.I),
        share_head=re.compile(rf"(?<![\w])(?:{alternation(lex['sectors']['share_heads'])})(?![\w])", re.I),
        count_opener=re.compile(rf"(?:{alternation(sc['count_openers'])})(?![\w])", re.I),
        merged=re.compile(rf"(?<![\w])(?:{alternation(sc['merge_verbs'])})(?:\s+[^\s\d,;.:]+){{0,3}}\s+$", re.I),
        share_verb=re.compile(rf"(?<![\w])(?:{alternation(kd['share_verbs'])})(?:\s+(?:{approx}))*\s*$", re.I),
        moves=re.compile(rf"(?<![\w])(?:{alternation(kd['moves'])})(?![\w])", re.I),
        sentence_openers=frozenset(w.casefold() for w in sc["sentence_openers"]),
        average_words=tuple(w.casefold() for w in sc["average_words"]),
        year_links=frozenset(sc["year_links"]),
        baseline_first=re.compile(rf"\s*(?:{so_baseline}|({alternation(bl['before_verb_abbreviations'])}))"
                                  rf"(?=\s+(?:{alternation(bl['before_verb_verbs'])})(?![\w]))", re.I),
        baseline_before_verb=re.compile(rf"(?<![\w]){so_baseline}\s*$", re.I),
        verb_first=re.compile(rf"\s*(?:(?:{alternation(kd['verb_first_openers'])})\s+)*(?:{alternation(kd['moves'])})"
                              rf"(?!\s+(?:{alternation(kd['verb_first_not_before'])}))\s+(?=\S)", re.I),
        other_verb=re.compile(rf"(?<![\w])(?:{alternation(kd['other_verbs'])})(?![\w])", re.I),
        via_for=re.compile(rf"(?<![\w])(?:{alternation(sc['via_for'])})\s*$", re.I),
        via_with=re.compile(rf"\s*(?:{alternation(sc['via_with'])})(?![\w])", re.I),
        rate_word=re.compile(rf"(?:{alternation(sc['rate_words'])})(?![\w])", re.I),
        rate_head=re.compile(rf"(?:{alternation(sc['rate_heads'])})(?![\w])", re.I),
        quantity_head=re.compile(rf"(?:{alternation(sc['quantity_heads'])})\s+\w", re.I),
        target_named=frozenset(" ".join(w.casefold().split()) for w in st["target_named"]),
        result_verb=re.compile(rf"(?<![\w])(?:{alternation(st['result_verbs'])})(?![\w])", re.I),
        estimate_opener=re.compile(rf"^\W*(?:{alternation(st['estimate_openers'])})(?![\w])", re.I),
        logistics_keys=gate_keys(sc["logistics"]),
        breakdown_keys=gate_keys(st["breakdown"]),
    )


def gate_keys(words) -> tuple[str, ...]:
    """Lower-case substrings that must be present for any of ``words`` to match: a cheap gate."""
    return tuple(sorted({w.casefold() for w in words}))
