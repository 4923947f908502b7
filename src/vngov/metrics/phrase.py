"""Metric phrases: the words of a clause that name what a figure measures.

The figure extractor hands over the words of a clause before its number
("Theo đó, giá trị sản xuất công nghiệp ước đạt"); :func:`clean` cuts them to
the shortest phrase naming the measured thing ("giá trị sản xuất công
nghiệp") with the openers, verbs, approximators and places listed in
``lexicon/metrics.toml``, holding whole the words underthesea's segmenter reads
where a cut would split one.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from vngov.lexicon import alternation, load
from vngov.text import CAPITAL, fold


@dataclass(frozen=True)
class _Rules:
    lead: re.Pattern[str]
    tail_words: frozenset[str]        # casefolded
    subject: re.Pattern[str]
    actor: re.Pattern[str]
    place: re.Pattern[str]
    place_only: re.Pattern[str]
    place_subject: re.Pattern[str]       # "huyện Ea Kar đạt …": a list item's place before its words
    place_predicate: re.Pattern[str]     # "… huyện Cư Kuin có mức tăng trưởng cao nhất": cut from the place
    cut_always: re.Pattern[str]
    cut_always_keys: tuple[str, ...]     # pre-check: cut_always can only match where one occurs
    place_keys: tuple[str, ...]          # pre-check of place
    of_whom: re.Pattern[str]
    cut_after: tuple[re.Pattern[str], ...]
    link: re.Pattern[str]                # a link before the words that name the indicator
    link_cut_words: int
    max_words: int
    fixed_words: tuple[str, ...]              # terms word segmentation keeps whole


# A capitalised name word: a capital, then letters or an apostrophe ("Ea Kar", "M’Đrắk", "H'Mông").
_NAME = rf"{CAPITAL}[\w’']*"


def _upper(pattern: str) -> str:
    """A lexicon pattern with ``{UPPER}`` (any capital letter) and ``{NAME}`` (a capitalised name word) filled in."""
    return pattern.replace("{NAME}", _NAME).replace("{UPPER}", CAPITAL)



@lru_cache(maxsize=1)
def _rules() -> _Rules:
    lex = load("metrics")
    ph = lex["phrase"]
    return _Rules(
        lead=re.compile(rf"^(?:(?:{alternation(ph['lead'])})(?![\w])[\s,:]*)+", re.I),
        tail_words=frozenset(" ".join(w.casefold().split()) for w in ph["tail"]),
        subject=re.compile(_upper(ph["subject"])),
        # the lists match in any case; the name after the subject must be capitalised ("huyện Kỳ Anh")
        # "đảng bộ quận Cái Răng kết nạp", "Đảng bộ Khối Cơ quan Dân Chính Đảng thành phố kết nạp": a level
        # word, then a name that may run on for a few words, before the verb
        actor=re.compile(_upper(rf"^(?i:(?:(?:toàn|cả)\s+)?(?:{alternation(ph['actor_subjects'])}))"
                                rf"(?:\s+(?i:{alternation(ph['actor_levels'])}))?(?:\s+{{NAME}}(?:\s+[^\s\d,;:]+){{0,8}}?)?"
                                rf"\s+(?=(?i:{alternation(ph['actor_verbs'])})(?!\w))")),
        place=re.compile(_upper(ph["place"])),
        place_only=re.compile(_upper(ph["place_only"])),
        place_subject=re.compile(_upper(ph["place_subject"])),
        place_predicate=re.compile(_upper(ph["place_predicate"])),
        cut_always=re.compile(ph["cut_always"], re.I),
        cut_always_keys=tuple(k.casefold() for k in ph["cut_always_keys"]),
        place_keys=tuple(k.casefold() for k in ph["place_keys"]),
        of_whom=re.compile(ph["of_whom"]),
        cut_after=tuple(re.compile(p) for p in ph["cut_after"]),
        link=re.compile(rf"(?:\s(?:{alternation([w for w in ph['link_words'] if w.isalpha() or ' ' in w])})\s"
                        rf"|[{''.join(re.escape(w) for w in ph['link_words'] if len(w) == 1 and not w.isalpha())}]\s*)",
                        re.I),
        link_cut_words=int(ph["link_cut_words"]),
        max_words=int(ph["max_words"]),
        fixed_words=tuple(ph["fixed_words"]),
    )


_JOIN = "_"


@lru_cache(maxsize=8192)
def clean(words: str) -> str:
    """The metric phrase in ``words``: openers, subject, places and final verbs dropped.

    The rules cut on syllables; where a cut would split a word ("toàn xã | hội"), the phrase is
    segmented into words (underthesea, the lexicon's terms as fixed words) and the rules run again
    with that word held together.  Segmenting only then keeps the cost to the phrases that need it.
    """
    s = " ".join(words.replace("\n", " ").split()).strip(" ,;:-–/=").lstrip(".…) ").rstrip("( ")   # "428 km.Tỷ lệ hộ …", ") tiêu chí"
    first = _clean(s)
    if first.casefold() == s.casefold() or _JOIN in s:
        return first
    split = _split_words(s, first)
    if not split:
        return first
    held = s
    for w in split:
        held = held.replace(w, w.replace(" ", _JOIN))
    return _clean(held).replace(_JOIN, " ")


def _split_words(s: str, cut: str) -> list[str]:
    """Words of ``s`` whose head a rule cut off while keeping their tail ("toàn xã | hội").

    The syllables ``cut`` kept are aligned with those of ``s``; where a removed syllable comes right
    before a kept one, a lexicon term across that boundary, or a two-syllable compound the segmenter
    reads there (in a window of four syllables, cached), is held together.  Cuts of final verbs are
    never looked at: there the segmenter's joins ("nghiệp ước") are not words.
    """
    syl = s.split()
    low = [x.casefold() for x in syl]
    kept = [False] * len(syl)
    for block in difflib.SequenceMatcher(a=low, b=cut.casefold().split(), autojunk=False).get_matching_blocks():
        for k in range(block.a, block.a + block.size):
            kept[k] = True
    out = []
    for i in range(1, len(syl)):
        if not kept[i] or kept[i - 1]:
            continue
        term = _term_across(low, i)
        if term:
            out.append(" ".join(syl[term[0]:term[1]]))
        elif syl[i - 1][:1].isupper() == syl[i][:1].isupper() and \
                _compound(" ".join(_bare(x) for x in low[max(0, i - 2):i + 2]), _bare(low[i - 1]), _bare(low[i])):
            # never across a name's edge: "Diên Hồng | đề ra" is a name and a verb, whatever the segmenter joins
            out.append(f"{syl[i - 1]} {syl[i]}")
    return out


def _term_across(low: list[str], i: int) -> tuple[int, int] | None:
    """A lexicon term (``fixed_words``) that spans the boundary before syllable ``i``."""
    for term in _rules().fixed_words:
        n = len(term.split())
        for a in range(max(0, i - n + 1), i):
            if " ".join(_bare(x) for x in low[a:a + n]) == term:
                return a, a + n
    return None


def _bare(syllable: str) -> str:
    return syllable.strip(",.;:()“”\"'")


@lru_cache(maxsize=4096)
def _compound(window: str, left: str, right: str) -> bool:
    """True when the segmenter reads ``left right`` as one word inside ``window``."""
    return f"{left} {right}" in (w.casefold() for w in _segment(window))


def _segment(s: str) -> list[str]:
    from underthesea import word_tokenize   # imported on first need: it costs half a second

    return word_tokenize(s, fixed_words=list(_rules().fixed_words))


def _clean(s: str) -> str:
    r = _rules()
    low = s.casefold()
    after_cue = r.cut_always.sub("", s) if any(k in low for k in r.cut_always_keys) else s
    if after_cue != s and _strip_tail(after_cue, r.tail_words):
        s = after_cue      # "Sa Pa phấn đấu đón" -> "đón"; but "X dự kiến đạt" keeps X
    for _ in range(3):
        before = s
        s = r.lead.sub("", s).strip(" ,;:-–")
        s = r.subject.sub("", s).strip(" ,;:-–")
        s = r.actor.sub("", s).strip(" ,;:-–")
        s = r.place_subject.sub("", s).strip(" ,;:-–")
        s = r.place_predicate.sub("", s).strip(" ,;:-–")
        s = _leading_place(s)
        low = s.casefold()
        if any(k in low for k in r.place_keys):
            s = r.place.sub("", s).strip(" ,;:-–")
        s = _strip_tail(s, r.tail_words)
        if len(s.split()) > r.max_words:
            s = _cut_long(s, r)
        if s == before:
            break
    if len(s.split()) > r.link_cut_words:
        s = _after_link(s, r)
    if " của " in s and len(s.split(" của ", 1)[0].split()) >= 3:
        s = r.of_whom.sub("", s).strip(" ,;:-–")
    if r.place_only.match(s):
        return ""
    return _lower_first(s)


_LEADING_NAME = re.compile(rf"^((?:{CAPITAL}[\w’']*\s+){{1,2}}{CAPITAL}[\w’']*)\s+(?=[^\W\d_])")


def _leading_place(s: str) -> str:
    """"Sóc Trăng tăng trưởng kinh tế" -> "tăng trưởng kinh tế": a province or district named bare, as the subject."""
    m = _LEADING_NAME.match(s)
    if not m or s[m.end():m.end() + 1].isupper():
        return s
    from vngov.names import is_big_place    # the gazetteer: imported on first need
    return s[m.end():] if is_big_place(m.group(1)) else s


def _after_link(s: str, r: _Rules) -> str:
    """The end of a long phrase that names an indicator after a link ("… với tổng thu ngân sách"), else ``s``."""
    from vngov.metrics.indicators import canonical    # the taxonomy knows which words name an indicator

    for m in reversed(list(r.link.finditer(s))):
        rest = s[m.end():].strip()
        if len(rest.split()) >= 2 and canonical(rest):
            return rest
    return s


def _cut_long(s: str, r: _Rules) -> str:
    """A long opening keeps only what follows its last "đã", "đang" or "việc"."""
    last = None
    for rx in r.cut_after:
        for m in rx.finditer(s):
            if last is None or m.end() > last:
                last = m.end()
    return s[last:] if last else s


def _strip_tail(s: str, tail_words: frozenset[str]) -> str:
    """Drop final verbs/approximators word by word (set look-ups on the last words: this is hot)."""
    s = s.strip(" ,;:-–")
    while s:
        parts = s.rsplit(" ", 4)
        words = parts[1:] if len(parts) == 5 else parts
        low = [w.casefold().strip(",:") for w in words]
        for k in range(len(low), 0, -1):
            if " ".join(low[-k:]) in tail_words:
                cut = len(" ".join(words[-k:]))
                s = s[:len(s) - cut].rstrip(" ,;:-–")
                break
        else:
            return s
    return s


def _lower_first(s: str) -> str:
    """Lower-case the first letter unless the first word is an acronym (GRDP, CN-TTCN)."""
    if not s:
        return s
    first = s.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return s
    return s[0].lower() + s[1:]


_PLACE_SUFFIX = re.compile(r"\s+trên\s+địa\s+bàn(?:\s+\S+)*$", re.I)


def names_nothing(phrase: str | None) -> bool:
    """True for words that are only openers and links ("trong", "và với"): what is left of a tail whose
    period was blanked ("6,63% trong 6 tháng đầu năm 2018") names no metric."""
    r = _rules()
    s = " ".join((phrase or "").split())
    return not _strip_tail(r.lead.sub("", s).strip(" ,;:-–"), r.tail_words)


def starts_with_place(words: str | None) -> bool:
    """True when the words before a number open with a named place ("huyện Lắk đạt"): a list item of places."""
    return bool(_rules().place_subject.match(" ".join((words or "").split())))


def without_place(phrase: str) -> str:
    """The phrase without a final "trên địa bàn …" (for judging how long the metric proper is)."""
    return _PLACE_SUFFIX.sub("", phrase)


def is_generic(phrase: str | None) -> bool:
    """True for words that name no metric by themselves ("tỷ lệ", "tổng số")."""
    return " ".join((phrase or "").casefold().split()) in _generic()


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(fold(w) for w in load("metrics")["phrase"].get("generic", []))


def is_growth(phrase: str | None, growth_words: tuple[str, ...]) -> bool:
    """True if the phrase names a growth rate ("tốc độ tăng trưởng …")."""
    key = (phrase or "").casefold()
    return any(w in key for w in growth_words)
