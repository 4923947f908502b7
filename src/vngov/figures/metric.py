"""Metric words: the phrase around a number that names what it measures.

The words before the number are cut by :func:`vngov.metrics.clean`; the words after it name what
a count counted ("xã đạt chuẩn NTM"); a short subject split by a comma is joined back.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vngov import metrics as metric_rules
from vngov.figures.clauses import LIST_MARK, clause_end, clause_start
from vngov.figures.cues import load_cues
from vngov.periods import PeriodMention
from vngov.text import CAPITAL

if TYPE_CHECKING:
    from vngov.figures.candidates import Cand
    from vngov.figures.sentence import Sentence


# "2 xã gồm Hoàn Trạch và Hải Trạch đã đạt chuẩn …": the names are skipped, the predicate kept.
_NAMES = re.compile(rf"\s+(?:gồm|là)\s+(?:{CAPITAL}\w*(?:\s+{CAPITAL}\w*)*(?:\s*,\s*|\s+và\s+)?)+(?:(?:đã|đều|cũng)\s+)?")


def same_noun(done: list[Cand], c: Cand) -> Cand | None:
    """The last count of the sentence with the same noun, for a change written apart from it."""
    for d in reversed(done):
        if d.unit.is_count and d.unit.noun == c.unit.noun and d.own_metric:
            return d
    return None


def continues(text: str, prev: Cand, c: Cand) -> bool:
    """True when ``c`` follows ``prev`` in the same sentence with only a comma/và/paren between clauses."""
    gap = text[prev.end:c.clause_start]
    return len(gap) < 120 and ";" not in gap




_SUBJECT_END = re.compile(r"^.*(?<![\w])(?:đã|đang|sẽ|phấn\s+đấu|dự\s+kiến)\s+", re.I)


def after_subject(words: str) -> str:
    """For counts, what the subject did: "Hội đã phối hợp mở" -> "phối hợp mở"."""
    return _SUBJECT_END.sub("", words, count=1) if words else words


def join_words(*parts: str | None) -> str | None:
    """The parts with a space between; a part that opens with a comma (", thị trấn …") follows without one."""
    s = ""
    for p in parts:
        if p:
            s += p if not s or p.startswith(",") else " " + p
    return s or None


def blank_periods(text: str, a: int, b: int, mentions: list[PeriodMention]) -> str:
    """text[a:b] with period phrases blanked out (they are not part of a metric)."""
    chars = list(text[a:b])
    for m in mentions:
        lo, hi = max(m.start, a), min(m.end, b)
        for k in range(lo, hi):
            chars[k - a] = " "
    return "".join(chars)


def tail_after(sent: Sentence, c: Cand, as_count: bool = False) -> str | None:
    """The words right after the unit that name what was counted ("xã đạt chuẩn NTM")."""
    text, mentions, cues = sent.text, sent.mentions, sent.cues
    start = c.baseline_end if c.baseline_end else c.end
    if c.baseline:
        return None
    names = _NAMES.match(text, start) if c.unit.is_count else None
    if names:
        start = names.end()
        c.clause_end = max(c.clause_end, clause_end(text, start))
    partner = cues.noun_partner.match(text, start) if c.unit.is_count else None
    lead = ""
    if partner:      # "7/11 xã, thị trấn có trạm y tế …", "93/93 thôn (làng) sử dụng …": one counted noun
        lead = ", " + partner.group("p") if partner.group("p") else partner.group().strip()
        start = partner.end()
        c.clause_end = max(c.clause_end, clause_end(text, start))
    rest = text[start:c.clause_end]
    if cues.next_item.match(rest):
        c.tail_end = start
        return None      # "27,07% và thương mại dịch vụ chiếm 37,84%": the next item's subject
    stop = cues.count_tail_stop if c.unit.is_count or as_count else cues.tail_stop
    m = stop.search(rest)
    if m:
        rest = rest[:m.start()]
    if c.unit.is_count and rest.strip() and text[start + len(rest):start + len(rest) + 2] == ", ":
        rest = _comma_continuation(text, start, rest, stop, cues.flow, c.unit.noun)
    words = rest.split()
    if not words or (len(words) > 12 and not c.unit.is_count):
        c.tail_end = start
        return lead.lstrip(", ") or None
    if len(words) > 8:
        rest = rest[:rest.find(words[7]) + len(words[7])]
    c.tail_end = start + len(rest)
    return join_words(lead, " ".join(blank_periods(text, start, start + len(rest), mentions).split()))


_NUMBER_NEXT = re.compile(r"\s*(?:\S+\s+){0,2}\d")


def _comma_continuation(text: str, start: int, rest: str, stop: re.Pattern[str], flow: re.Pattern[str],
                        noun: str | None) -> str:
    """A counted noun phrase listed with commas ("cơ sở xã, phường đạt vững mạnh"; "con trâu, bò"):
    the next short segment without a number belongs to it, unless it opens another action ("kết nạp 98
    đảng viên mới, chuyển đảng chính thức cho 54 đảng viên")."""
    nxt = start + len(rest) + 2
    end = clause_end(text, nxt)
    seg = " " + text[nxt:end]
    m = stop.search(seg)
    if m:
        if m.group()[:1].isdigit():
            return rest          # the words before another figure are its subject
        nxt_num = _NUMBER_NEXT.match(seg, m.end())
        if flow.match(seg.strip()) and nxt_num and noun and noun.casefold() in seg[nxt_num.end():nxt_num.end() + 30].casefold():
            return rest          # "98 đảng viên mới, chuyển đảng chính thức cho 54 đảng viên": the same noun, another action
        seg = seg[:m.start()]
    seg = seg[1:]
    if not seg.strip() or len(seg.split()) > 6:
        return rest
    return text[start:nxt + len(seg)]


def _sector_tail(sent: Sentence, seg: str, parts: list[str]) -> str | None:
    """How a segment joins a list of sector words after it ("Tỷ trọng ngành sản xuất nông, lâm, ngư nghiệp"):
    "all" when it is only sector words (the list goes on), "end" when it ends in one, else None."""
    if not parts or not all(sent.cues.bare_sector.fullmatch(p) for p in parts):
        return None
    if sent.cues.bare_sector.fullmatch(seg):
        return "all"
    last = seg.split()[-1] if seg else ""
    return "end" if last and sent.cues.bare_sector.fullmatch(last) else None


# The longest segment before a comma that joins a short subject after it: "tổng mức bán lẻ hàng hóa, dịch vụ".
_MERGE_WORDS = 7
_SHORT_WORDS = 5


def rate_head(words: str | None) -> bool:
    """``words`` open with a rate's head ("tỷ lệ …")."""
    return bool(words) and load_cues().rate_head.match(words.strip()) is not None


def rate_before_comma(sent: Sentence, c: Cand) -> str | None:
    """The rate a percentage's words continue after a comma ("tỷ lệ dân cư được sử dụng nước sạch, hợp vệ sinh
    đạt 100%"; "tỷ lệ đảng viên được đánh giá, xếp loại từ hoàn thành tốt nhiệm vụ trở lên đạt 97,6%")."""
    k = c.clause_start - 1
    if k < 1 or sent.text[k] != ",":
        return None
    ps = clause_start(sent.text, k)
    seg = blank_periods(sent.text, ps, k, sent.mentions)
    if any(ch.isdigit() for ch in seg):
        return None
    seg = metric_rules.clean(seg)
    if not rate_head(seg):
        return None
    c.ev_start = ps
    return seg


_ITEM_MARK = re.compile(rf"^\s*{LIST_MARK}\s*")


def merge_previous(sent: Sentence, c: Cand, colon_too: bool = False) -> str | None:
    """A subject split by a comma ("khu vực nông lâm, thủy sản tăng …") or a colon
    ("Thu ngân sách: 193,65 tỷ đồng"): the short segment before."""
    text, mentions = sent.text, sent.mentions
    k = c.clause_start - 1
    parts: list[str] = []
    while len(parts) < 3 and k >= 1 and (text[k] == "," or (colon_too and not parts and text[k] == ":")):
        ps = clause_start(text, k)
        seg = _ITEM_MARK.sub("", blank_periods(text, ps, k, mentions))   # "(2) Thu nhập …: 45 triệu đồng"
        if any(ch.isdigit() for ch in seg):
            break
        seg = metric_rules.clean(seg)
        n = len(seg.split()) if seg else 0
        if n > _MERGE_WORDS and not parts and colon_too and rate_head(seg):
            parts.insert(0, seg)       # "tỷ lệ thu gom và xử lý chất thải rắn … tập trung, đạt khoảng 95%": a rate
            c.ev_start = ps            # is described at length; its description is the metric
            break
        if n > _MERGE_WORDS and not parts and colon_too:
            seg = metric_rules.named_head(seg)      # "thu nhập bình quân đầu người nâng lên rõ rệt, năm 2015 ước đạt …"
            n = len(seg.split()) if seg else 0
        sectors = _sector_tail(sent, seg, parts)
        if not seg or n > _MERGE_WORDS or (n > _SHORT_WORDS and metric_rules.canonical(seg) is None and not sectors):
            break       # a long segment joins only when it names an indicator: not "các phường bám sát kế hoạch"
        parts.insert(0, seg)
        c.ev_start = ps
        if (len(seg.split()) > 2 and not sectors == "all") or text[k] == ":":
            break       # only very short segments chain: "nông, lâm, ngư nghiệp"
        k = ps - 1
    return ", ".join(parts) or None
