"""Quotes and directives: who said what, who asked for what.

Two shapes carry most of what officials say in provincial news:

* a caption-quote paragraph "Giám đốc Sở Xây dựng Trần Xuân Tiến: “…”" or an
  inline "Bí thư Tỉnh ủy Lê Đình Sơn nhận định: …" (a speaker, perhaps a
  speech verb, a colon, the words);
* a directive "Bí thư Tỉnh ủy yêu cầu TX Kỳ Anh rà soát …": a speaker
  right before a cue verb (``lexicon/quotes.toml``) and the clause after it.

A speaker is a named person (from :func:`vngov.names.find_names`) or an office
phrase standing alone ("Bí thư Tỉnh ủy yêu cầu"), which is resolved to the
person the article gives that office (from the extracted people).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vngov import names, offices
from vngov.lexicon import alternation, load
from vngov.models import Article, Directive, Person, Quote
from vngov.text import UPPER, fold, sentences

_OPEN = "“\"«„"
_APPOSITION_MAX = 160  # characters between a name and the comma that closes its apposition
_CLOSE = {"“": "”", "\"": "\"", "«": "»", "„": "”"}


@dataclass(frozen=True)
class _Cues:
    directive: re.Pattern[str]
    speech_colon: re.Pattern[str]   # "[speech verb] :" ending at a colon
    adverbs: re.Pattern[str]        # adverbs at the end of a text
    min_chars: int



@lru_cache(maxsize=1)
def _cues() -> _Cues:
    lex = load("quotes")
    return _Cues(
        directive=re.compile(rf"(?<!\w)(?i:{alternation(lex['directive_verbs'])})(?!\w)"),
        speech_colon=re.compile(rf"(?:\s+(?i:{alternation(lex['speech_verbs'])}))?\s*,?\s*:\s*$"),
        adverbs=re.compile(rf"(?:\s+(?i:{alternation(lex['adverbs'])}))+\s*$"),
        min_chars=int(lex.get("min_quote_chars", 20)),
    )


@dataclass(frozen=True)
class _Speaker:
    name: str | None
    role: str | None
    start: int


class _Resolver:
    """Finds who speaks at the end of a stretch of text: a name, or an office given to someone."""

    def __init__(self, text: str, people: tuple[Person, ...]) -> None:
        self.text = text
        self.people = people
        known = {fold(p.name): p for p in people}
        self.ends: dict[int, tuple[int, Person | None, str]] = {}
        for name, s, e in names.find_names(text):
            self.ends[e] = (s, known.get(fold(name)), name)

    def speaker_ending_at(self, lo: int, e: int) -> _Speaker | None:
        text = self.text
        while e > lo and text[e - 1].isspace():
            e -= 1
        adv = _cues().adverbs.search(text, lo, e)
        if adv:
            e = adv.start()
        if e in self.ends:
            s, person, name = self.ends[e]
            return _Speaker(person.name if person else name, self.role_before(s, lo) or _main_role(person), s)
        for s in offices.starts(text, lo, e):
            m = offices.fullmatch_at(text, s, e)
            if m:
                holder = self.holder(m.group())
                return _Speaker(holder.name if holder else None, " ".join(m.group().split()), s)
        return self._apposition(lo, e)

    def _apposition(self, lo: int, e: int) -> _Speaker | None:
        """"Ông Nguyễn Văn A, Giám đốc Sở X, cho biết": a name, then a phrase set off by commas."""
        text = self.text
        if e <= lo or text[e - 1] != ",":
            return None
        for end in sorted((x for x in self.ends if lo <= self.ends[x][0] and x < e - 1), reverse=True):
            between = text[end:e - 1]
            if e - end > _APPOSITION_MAX or not between.startswith((",", " -", " –", " (")):
                continue
            if any(c in between for c in ";:“”\""):
                return None
            s, person, name = self.ends[end]
            return _Speaker(person.name if person else name, _main_role(person), s)
        return None

    def role_before(self, start: int, lo: int) -> str | None:
        """The office written right before a name ("Bí thư Tỉnh ủy Lê Văn A"), as written."""
        e = start
        while e > lo and self.text[e - 1].isspace():
            e -= 1
        for s in offices.starts(self.text, lo, e):
            m = offices.fullmatch_at(self.text, s, e)
            if m:
                return " ".join(m.group().split())
        return None

    def holder(self, office: str) -> Person | None:
        """The one person the article gives ``office`` (or a longer form of it)."""
        key = offices.normalize_office(office)
        exact = [p for p in self.people if any(offices.normalize_office(r.text) == key for r in p.roles)]
        if len(exact) == 1:
            return exact[0]
        if exact:
            return None
        longer = [p for p in self.people if any(offices.normalize_office(r.text).startswith(key + " ")
                                                 for r in p.roles)]
        return longer[0] if len(longer) == 1 else None


def _main_role(person: Person | None) -> str | None:
    """The office a person acts in: the last one listed ("Ủy viên BTV Tỉnh ủy, Bí thư Huyện ủy")."""
    return person.roles[-1].text if person and person.roles else None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\n\s*\n|\Z", text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    return out


def extract_quotes(article: Article, people: tuple[Person, ...]) -> tuple[Quote, ...]:
    """What named speakers said: caption-quotes and "X nói: …" with the words that follow."""
    text = article.body
    res = _Resolver(text, people)
    cues = _cues()
    out: list[Quote] = []
    seen: set[tuple[str, str]] = set()
    for ps, pe in _paragraphs(text):
        for colon in [m.start() for m in re.finditer(":", text[ps:pe])]:
            c = ps + colon
            lead = cues.speech_colon.search(text, ps, c + 1)
            if not lead:
                continue
            sent_lo = _sentence_start(text, ps, lead.start())
            sp = res.speaker_ending_at(sent_lo, lead.start())
            if sp is None or sp.name is None:
                continue
            if lead.group().strip(" ,:") == "" and not _caption_head(text, sent_lo, sp.start):
                continue  # a bare colon needs the speaker to open the line ("Title Name: …")
            qs, qe = _quoted(text, c + 1, pe)
            words = text[qs:qe].strip()
            if len(words) < cues.min_chars:
                continue
            key = (sp.name, fold(words))
            if key in seen:
                continue
            seen.add(key)
            out.append(Quote(speaker=sp.name, text=words, evidence=article.span(sp.start, qe), role=sp.role))
    return tuple(out)


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Start of the sentence holding ``pos`` (within the paragraph starting at ``lo``)."""
    best = lo
    for m in re.finditer(rf"[.!?…]\s+(?=[{UPPER}“\"])", text[lo:pos]):
        best = lo + m.end()
    return best


def _caption_head(text: str, lo: int, start: int) -> bool:
    """True if only an office phrase or nothing precedes the speaker in the sentence."""
    head = text[lo:start].strip()
    lex = offices.lexicon()
    while head:
        r = lex.rank.search(head) or lex.address.search(head)
        if not r or r.start() == r.end():
            break
        head = head[:r.start()].strip()
    pieces = [p.strip() for p in re.split(r",|\s[-–]\s", head) if p.strip()]
    return all(offices.parse(p) is not None for p in pieces)


def _quoted(text: str, pos: int, end: int) -> tuple[int, int]:
    """The words after a colon: the quotation if one opens there, else to the paragraph end."""
    while pos < end and text[pos].isspace():
        pos += 1
    if pos < end and text[pos] in _OPEN:
        close = text.find(_CLOSE[text[pos]], pos + 1, end)
        if close > 0:
            return pos + 1, close
        return pos + 1, end
    return pos, end


def extract_directives(article: Article, people: tuple[Person, ...]) -> tuple[Directive, ...]:
    """Instructions: a speaker right before a cue verb (yêu cầu, đề nghị …) and the clause it governs."""
    text = article.body
    res = _Resolver(text, people)
    out: list[Directive] = []
    for ss, se in sentences(text):
        for v in _cues().directive.finditer(text, ss, se):
            sp = res.speaker_ending_at(ss, v.start())
            if sp is None:
                continue
            cs = v.end()
            while cs < se and text[cs] in " ,:\u00a0":
                cs += 1
            clause = text[cs:se].strip().rstrip(".")
            if len(clause) < 10:
                continue
            out.append(Directive(speaker=sp.name, verb=" ".join(v.group().split()).lower(), clause=clause,
                                 evidence=article.span(sp.start, se), role=sp.role))
            break  # one directive per sentence: the first cue governs the rest
    return tuple(out)
