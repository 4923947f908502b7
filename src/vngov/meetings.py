"""Meetings: which meeting an article reports, when, where, of what kind, who chaired.

A provincial news lead follows one pattern: "<when>, <host> <organises>
<kind> …", sometimes "dưới sự chủ trì của <title> <name>, <host> làm việc với
<counterpart> về …".  We find that sentence among the first of the article
(the one that dates an event and names a kind of meeting), read its date with
:mod:`vngov.dates`, its host and counterpart from around the organising verb,
the unit whose affairs it is about with :mod:`vngov.localities`, and the chair
from "chủ trì" phrases nearby.  Kinds, verbs and cue words are data
(``lexicon/meetings.toml``); the procedure is regexes, fast enough to run on
every article of a large corpus.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from vngov import dates, localities, names, periods
from vngov.lexicon import alternation, load
from vngov.models import Article, Meeting
from vngov.offices import fullmatch_at
from vngov.text import LOWER, lower_keeping_offsets, sentences

# how many sentences from the top of the article may hold the meeting lead
_LEAD_SENTENCES = 12
# how many sentences after the lead may say who chaired
_CHAIR_WINDOW = 5


@dataclass(frozen=True)
class _Rules:
    kinds: re.Pattern[str]              # one alternation, group k<i> for kind i
    kind_names: tuple[str, ...]
    kind_not_after: re.Pattern[str]
    verb_kinds: re.Pattern[str]
    subkinds: re.Pattern[str]
    organise: re.Pattern[str]
    host_trailing: re.Pattern[str]
    host_cut: tuple[re.Pattern[str], ...]
    venue: re.Pattern[str]
    at_place: re.Pattern[str]
    voters: re.Pattern[str]
    voter_kinds: frozenset[str]
    chaired_by: re.Pattern[str]
    chair_verb: re.Pattern[str]
    chair_objects: re.Pattern[str]
    then_names: re.Pattern[str]
    task_after: re.Pattern[str]
    guests: re.Pattern[str]
    joint: re.Pattern[str]             # the gap between co-chairs named before the verb
    joint_before: re.Pattern[str]      # "… cùng chủ trì": every name before the verb chaired
    also: re.Pattern[str]
    counterpart: re.Pattern[str]
    led_by: re.Pattern[str]
    provincial_host: re.Pattern[str]
    attendance: re.Pattern[str]



@lru_cache(maxsize=1)
def _rules() -> _Rules:
    lex = load("meetings")
    ch = lex["chair"]
    return _Rules(
        # lower-case patterns run on lower-cased text: one cheap word-start check per position
        kinds=re.compile(rf"(?=[{''.join(sorted({p[0] for p, _k in lex['kinds']}))}])(?<!\w)(?:"
                         + "|".join(rf"(?P<k{i}>{p})" for i, (p, _k) in enumerate(lex["kinds"])) + r")(?!\w)"),
        kind_names=tuple(k for _p, k in lex["kinds"]),
        kind_not_after=re.compile(rf"(?:^|\W)(?:{alternation(lex['kind_not_after'])})\s*$", re.I),
        verb_kinds=re.compile(rf"(?<!\w)(?:{alternation(lex['verb_kinds'])})(?!\w)", re.I),
        subkinds=re.compile(rf"(?<!\w)(?:{alternation(lex['subkinds'])})(?!\w)", re.I),
        organise=re.compile(rf"(?<!\w)(?:{alternation(lex['organise_verbs'])})(?!\w)"
                            rf"(?!\s+(?!(?:{alternation(lex['organise_objects'])})(?!\w))"
                            rf"(?:{alternation(lex['organise_not_before'])})(?!\w))", re.I),
        host_trailing=re.compile(rf"(?:\s+(?:{alternation(lex['host_trailing'])}))+\s*$", re.I),
        host_cut=tuple(re.compile(p, re.I) for p in lex["host_cut"]),
        venue=re.compile(lex["venue"], re.I),
        at_place=re.compile(lex["at_place"], re.I),
        voters=re.compile(lex["voters"], re.I),
        voter_kinds=frozenset(lex["voter_kinds"]),
        chaired_by=re.compile("|".join(f"(?:{p})" for p in ch["chaired_by"]), re.I),
        chair_verb=re.compile(rf"(?<!\w){ch['verb']}(?!\w)", re.I),
        chair_objects=re.compile(rf"^\s*(?:$|[.,;:)]|(?:{alternation(ch['objects'])})(?!\w))", re.I),
        then_names=re.compile("|".join(f"(?:{p})" for p in ch["then_names"]), re.I),
        task_after=re.compile(rf"^\s*,?\s*(?:{alternation(ch['task_words'])})(?!\w)", re.I),
        also=re.compile(lex["also"], re.I),
        counterpart=re.compile(
            rf"(?<!\w)(?:{alternation(lex['counterpart_verbs'])})\s+(?P<cp>.+?)"
            rf"(?=\s+(?:{alternation(lex['counterpart_end'])})(?!\w)|[,.;:(]|$)", re.I),
        led_by=re.compile(lex["led_by"], re.I),
        provincial_host=re.compile(rf"^(?:{alternation(lex['provincial_bodies'])})(?!\w)"),
        attendance=re.compile(lex["attendance"], re.I),
        guests=re.compile(rf"(?<!\w)(?:{alternation(ch['guests'])})(?!\w)", re.I),
        joint=re.compile(rf"^[^;:]{{0,100}}?\s(?:{alternation(ch['joint_words'])})\s[^;:]{{0,100}}$", re.I),
        joint_before=re.compile(rf"(?<![\w])(?:{alternation(ch['joint_before'])})\s*$", re.I),
    )


# --- the lead sentence ---------------------------------------------------------------


@dataclass(frozen=True)
class _Kind:
    kind: str
    start: int
    end: int


def _kinds(s: str) -> list[_Kind]:
    """Meeting kinds named in sentence ``s``, leftmost first, overlaps removed."""
    r = _rules()
    found: list[_Kind] = []
    low = lower_keeping_offsets(s)
    for m in r.kinds.finditer(low):
        if r.kind_not_after.search(s[max(0, m.start() - 30):m.start()]):
            continue
        found.append(_Kind(r.kind_names[int(m.lastgroup[1:])], m.start(), m.end()))
    return found


def _main_kind(s: str, kinds: list[_Kind]) -> _Kind | None:
    """The kind right after an organising verb, else the leftmost."""
    r = _rules()
    for k in kinds:
        before = s[max(0, k.start - 25):k.start]
        if r.organise.search(before) or re.search(r"(?:^|\W)(?:dự|tham dự)\s+(?:buổi\s+)?$", before, re.I):
            return k
    return kinds[0] if kinds else None


@dataclass(frozen=True)
class _Lead:
    start: int
    end: int
    score: int


def _lead(body: str, sents: list[tuple[int, int]]) -> _Lead | None:
    """The sentence that reports the meeting: a date, a kind, an organising verb, early on."""
    r = _rules()
    best: _Lead | None = None
    for i, (s, e) in enumerate(sents[:_LEAD_SENTENCES]):
        text = body[s:e]
        kinds = _kinds(text)
        if not kinds and not r.verb_kinds.search(text):
            continue
        # a named event ("hội nghị") is the better lead; an event told by its verb
        # ("Đoàn giám sát … đã giám sát … tại TX Duy Tiên") still beats an undated sentence
        score = 2 if kinds else 1
        found = dates.find_dates(text)
        if found and found[0].start < 40:
            score += 4
        elif found:
            score += 1
        if r.organise.search(text):
            score += 2
        if r.chair_verb.search(text):
            score += 1
        score -= i // 4   # later sentences lose a little
        if r.attendance.search(text):
            score -= 3    # a list of guests tells who came, not the meeting
        if best is None or score > best.score:
            best = _Lead(s, e, score)
    if best is None:
        for s, e in sents[:_LEAD_SENTENCES]:
            found = dates.find_dates(body[s:e])
            if found and found[0].start < 40 and (r.verb_kinds.search(body[s:e]) or r.organise.search(body[s:e])):
                return _Lead(s, e, 1)
    return best


# --- host and counterpart -----------------------------------------------------------------


def _host_counterpart(s: str, kind: _Kind | None, date_start: int, date_end: int) -> tuple[str | None, str | None]:
    """The body before the organising verb (host) and the one it works with or visits (counterpart)."""
    r = _rules()
    limit = kind.start if kind else len(s)
    begin = date_end
    verb = r.organise.search(s, date_end)
    if verb is None or verb.start() > limit + 1:
        # the date may follow the verb: "Đoàn ĐBQH tỉnh tiếp xúc cử tri … vào sáng 5/5"
        early = r.organise.search(s, 0, date_start) if date_start else None
        verb, begin = (early, 0) if early else (None, date_end)
    host = None
    if verb is not None and verb.start() > begin:
        host = _clean_host(s[begin:verb.start()])
    counterpart = None
    m = r.counterpart.search(s)
    if m and any(ch.isupper() for ch in m.group("cp")):   # a body or a place, not "việc thực hiện …"
        counterpart = m.group("cp").strip() or None
    return host, counterpart


def _clean_host(seg: str) -> str | None:
    r = _rules()
    led = r.led_by.search(seg)          # "đoàn công tác của Tỉnh ủy do đồng chí X … làm trưởng đoàn"
    if led:
        seg = seg[:led.start()]
    seg = re.sub(r"\([^()]*\)", " ", seg)      # "Đảng bộ xã Vọng Đông (Thoại Sơn, An Giang)": an address
    parts = [p.strip() for p in re.split(r"[,;:]", seg)]
    while parts and (not parts[-1] or re.match(r"(?:nhiệm kỳ|khóa|lần thứ)\b", parts[-1], re.I)):
        parts.pop()
    if parts:
        parts[-1] = r.host_trailing.sub("", parts[-1]).strip()   # "…, tỉnh Lâm Đồng long trọng"
    while len(parts) >= 2 and _is_address(parts[-1]) and _is_address(parts[-2], anywhere=True):
        parts.pop()      # "Đảng bộ xã Phước Ninh, huyện Dương Minh Châu": the host is the commune's
    if not parts:
        return None
    host = parts[-1]
    host = r.host_trailing.sub("", host)
    for cut in r.host_cut:
        host = cut.sub("", host)
    host = host.strip(" -–")
    if not host or len(host) > 90 or not any(ch.isupper() for ch in host):
        return None
    return host


def _is_address(part: str, anywhere: bool = False) -> bool:
    """A part that is one named unit ("huyện Dương Minh Châu", "tỉnh Long An"), or, with ``anywhere``,
    that names a unit of a lower tier than any that follows (a host with its place)."""
    found = localities.find(part)
    if len(found) != 1:
        return False
    return anywhere or (found[0][1] == 0 and found[0][2] >= len(part.rstrip(" .")) - 1)


# --- locality ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Where:
    """What the article as a whole says about places, to resolve a bare "tỉnh"/"huyện"."""

    province: str | None
    by_level: dict[str, str]         # level -> the article's most named unit of that level
    top: str | None                  # the most named unit of all, lowest tier first on ties


class _LazyWhere:
    """:func:`_where`, computed only when a bare level or a fallback needs it (it scans the whole body)."""

    def __init__(self, article: Article) -> None:
        self._article = article
        self._value: _Where | None = None

    def get(self) -> _Where:
        if self._value is None:
            self._value = _where(self._article)
        return self._value


def _where(article: Article) -> _Where:
    named = [m for m in localities.mentions(article.body, normalized=True) if m.name]
    counts = Counter(m.canonical for m in named)
    by_level: dict[str, str] = {}
    for canon, _n in counts.most_common():
        level = canon.split(" ")[0] if not canon.startswith(("thành phố", "thị xã", "thị trấn", "đặc khu")) \
            else " ".join(canon.split(" ")[:2])
        by_level.setdefault(level, canon)
    province = _source_province(article) or _named_province(counts) or _district_province(counts)
    top = None
    if counts:
        top = max(counts, key=lambda c: (counts[c], localities.tier(c)))
    return _Where(province, by_level, top)


def _named_province(counts: Counter) -> str | None:
    provinces = [(n, c) for c, n in counts.items() if localities.tier(c) == 1]
    return max(provinces)[1] if provinces else None


def _district_province(counts: Counter) -> str | None:
    for canon, _n in counts.most_common():
        p = localities.province_of(canon)
        if p:
            return p
    return None


@lru_cache(maxsize=1)
def _source_markers() -> tuple[tuple[str, str], ...]:
    table = load("localities").get("source_province", {})
    return tuple(sorted(((k.casefold(), v) for k, v in table.items()), key=lambda kv: -len(kv[0])))


def _source_province(article: Article) -> str | None:
    hay = " ".join(x for x in (article.source, article.url, article.raw[:200]) if x).casefold()
    for key, prov in _source_markers():
        if key in hay:
            return localities.province_named(prov) or f"tỉnh {prov}"
    return None


def _resolve(mention: localities.Mention, where: _Where) -> str | None:
    if mention.name:
        return mention.canonical
    if mention.level == "tỉnh":
        return where.province
    return where.by_level.get(mention.level)


def _locality_of(text: str | None, lazy: _LazyWhere) -> str | None:
    if not text:
        return None
    ms = localities.mentions(text, normalized=True)
    for m in ms:
        if m.name:
            return m.canonical
    for m in ms:
        got = _resolve(m, lazy.get())
        if got:
            return got
    return localities.canonical(text, lazy.get().province) if len(text.split()) <= 4 else None


_KIND_UNIT_REACH = 80    # characters after the kind where the body that meets is named


def _kind_unit(sentence: str, kind: _Kind | None) -> str | None:
    """The unit named with the meeting itself: "Đại hội đại biểu Đảng bộ xã Ia Lâu", "kỳ họp thứ 10 HĐND
    huyện Tiên Lãng"."""
    if kind is None:
        return None
    after = re.match(r"[^,;.:()]*", sentence[kind.end:kind.end + _KIND_UNIT_REACH]).group()
    found = localities.find(after)
    return found[0][0] if found else None


def _meeting_locality(sentence: str, kind: _Kind | None, host: str | None, counterpart: str | None,
                      lazy: _LazyWhere, title: str | None, following: str = "") -> str | None:
    """The unit whose affairs the meeting is about: the one named with the meeting, unless the host or
    counterpart is lower (a provincial leader who attends a commune's congress does not make it the
    province's); else a lower counterpart's, else the host's, else the venue's.

    ``following`` is the text of the sentences after the lead, where a national
    videoconference names the local end ("Tại điểm cầu Nghệ An, …").
    """
    if _rules().attendance.search(sentence):
        lowest = _lowest_named(sentence)
        if lowest:
            return lowest
    h = _locality_of(host, lazy)
    c = _locality_of(counterpart, lazy)
    voters = _voters_unit((sentence, title), kind)
    if voters and all(localities.tier(voters) >= localities.tier(u) for u in (h, c) if u):
        return voters
    named = _kind_unit(sentence, kind)
    if named and all(localities.tier(named) >= localities.tier(u) for u in (h, c) if u):
        return named
    chosen = c if c and (not h or localities.tier(c) > localities.tier(h)) else h
    lower = _at_lower_unit(sentence, chosen)
    if lower or chosen:
        return lower or chosen
    if host and _rules().provincial_host.match(host):   # "Sở Tài chính tổ chức …": the province's affairs
        got = lazy.get().province
        if got:
            return got
    venue = _venue(sentence, lazy) or _venue(following, lazy)
    if venue:
        return venue
    for text in (sentence, title):
        got = _locality_of(text, lazy) if text else None
        if got:
            return got
    return lazy.get().top


def _lowest_named(sentence: str) -> str | None:
    """The lowest unit a list of guests names by name: the provincial and district leaders who "đến dự"
    a township's congress are its guests, and the township ("… đảng viên trong toàn Đảng bộ thị trấn
    Cái Đôi Vàm") is the one that meets."""
    named = [m.canonical for m in localities.mentions(sentence, normalized=True) if m.name]
    return max(named, key=localities.tier) if named else None


def _voters_unit(texts: tuple[str | None, ...], kind: _Kind | None) -> str | None:
    """The unit of the voters a meeting with voters is held with ("cử tri phường Phong Phú")."""
    r = _rules()
    if kind is None or kind.kind not in r.voter_kinds:
        return None
    for text in texts:
        for m in r.voters.finditer(text or ""):
            found = localities.find(text[m.end():m.end() + 60])
            if found and found[0][1] == 0:
                return found[0][0]
    return None


def _at_lower_unit(sentence: str, host_unit: str | None) -> str | None:
    """A unit named right after "tại/ở/về" in the lead that is below the host's level:
    "Ban KT-NS HĐND tỉnh Hà Nam giám sát … tại TX Duy Tiên" is about thị xã Duy Tiên."""
    if not host_unit:
        return None
    for m in _rules().at_place.finditer(sentence):
        found = localities.find(sentence[m.end():m.end() + 60])
        if found and found[0][1] == 0 and localities.tier(found[0][0]) > localities.tier(host_unit):
            return found[0][0]
    return None


def _venue(text: str, lazy: _LazyWhere) -> str | None:
    """The unit after "Tại (điểm cầu)" that opens a sentence or clause."""
    for v in _rules().venue.finditer(text):
        name = re.match(r"[^,;.]+", text[v.end():])
        if name:
            got = _locality_of(name.group(), lazy) or localities.bare_unit(name.group().strip(),
                                                                             lazy.get().province)
            if got:
                return got
    return None


# --- chair --------------------------------------------------------------------------------


def _names(text: str) -> list[str]:
    return [n for n, _s, _e in names.find_names(text)]


def _chair(body: str, sents: list[tuple[int, int]], lead_index: int) -> tuple[str, ...]:
    """Who chaired, from "dưới sự chủ trì của …", "… chủ trì hội nghị", "Chủ trì … có …"."""
    for s, e in sents[lead_index:lead_index + _CHAIR_WINDOW + 1]:
        found = _chair_in(body[s:e], body)
        if found:
            return found
    return ()


def _chair_in(text: str, body: str = "") -> tuple[str, ...]:
    """The chairs named in one sentence; ``body`` lets an office stand for its holder.

    "Bí thư Thành ủy chủ trì hội nghị" names no one, but the article usually
    writes "Bí thư Thành ủy Dương Tất Thắng" somewhere: that holder chaired.
    """
    r = _rules()
    m = r.chaired_by.search(text)
    if m:
        after = text[m.end():]
        many = re.match(r"\s*các\s+đồng\s+chí", after, re.I)
        seg = _until_guests(after) if many else re.match(r"[^,;.(]*", after).group()
        joined = None if many else _joined_chairs(_until_guests(_LOWER_CLAUSE.split(after, 1)[0]))
        if joined:
            return joined     # "dưới sự điều hành của … A và … B; … C, kỳ họp …": every one of them
        found = _names(seg)
        if found:
            return tuple(found if many else found[:1])
        holder = _holder(seg, body)
        if holder:
            return (holder,)
    for v in r.chair_verb.finditer(text):
        after = text[v.end():]
        if r.then_names.match(text[v.start():]):
            seg = _until_guests(re.match(r"[^.]*", after).group())
            found = _names(seg)
            if found:
                many = re.search(r"các\s+đồng\s+chí|;", seg, re.I)
                return tuple(found if many else found[:1])
        if r.task_after.match(after) or not (r.chair_objects.match(after) or _capitalised_next(after)):
            continue
        before = text[:v.start()]
        co = v.group().lower().startswith("đồng") or _rules().joint_before.search(before) is not None
        listing = None
        for listing in re.finditer(r"các\s+đồng\s+chí\s*:?", before, re.I):   # "Các đồng chí A - …; B - … chủ trì"
            break
        if co or listing:
            seg = before[listing.end():] if listing else _CLAUSE_END.split(before)[-1]
            found = _names(seg)
        else:
            seg = re.split(r"[;,]|\.\s", before)[-1]
            subject = _CLAUSE_END.split(before)[-1]
            found = _listed_subjects(subject) or _office_listed_subjects(subject) \
                or _joint_subject(re.split(r";|\.\s", before)[-1])
            if not found:
                holder = _holder(seg, body)
                found = [holder] if holder else []
        if found:
            return tuple(found)
    return ()


# "Phó Chủ tịch HĐND tỉnh A và Trưởng ban Kinh tế - Ngân sách B chủ trì": co-chairs joined by "và"/"cùng"


def _joint_subject(seg: str) -> list[str]:
    """The last name before the verb, and the names joined to it by "và" or "cùng" (with their offices)."""
    found = names.find_names(seg)
    if not found:
        return []
    out = [found[-1]]
    for prev in reversed(found[:-1]):
        if not _rules().joint.match(seg[prev[2]:out[0][1]]):
            break
        out.insert(0, prev)
    return [n for n, _s, _e in out]


# A clause ends at a comma before a lower-case word ("…, kỳ họp tiến hành …"); offices after a comma are
# capitalised ("…, Chủ tịch HĐND tỉnh").
_LOWER_CLAUSE = re.compile(rf"\.\s|,\s+(?=[{LOWER}])")


def _joined_chairs(seg: str) -> tuple[str, ...] | None:
    """Names after "dưới sự chủ trì của" joined by "và" or ";", each with its offices; None for one name."""
    found = names.find_names(seg)
    if len(found) < 2:
        return None
    for (_n, _s, e), (_m, s2, _e2) in zip(found, found[1:]):
        if not re.search(r"\svà\s|;", seg[e:s2]):
            return None
    return tuple(n for n, _s, _e in found)


def _listed_subjects(sentence: str) -> list[str]:
    """Chairs listed before the verb, one per ";" ("Ông A, Bí thư Đảng ủy; ông B, Phó Chủ tịch HĐND xã chủ
    trì kỳ họp"): every segment of the sentence opens with a name, else this is no such list."""
    parts = sentence.split(";")
    if len(parts) < 2 or _rules().guests.search(sentence):
        return []
    out = []
    for part in parts:
        found = names.find_names(_ADDRESS.sub("", part, count=1))
        rest = _ADDRESS.sub("", part, count=1).rstrip(" ,")
        if not found or (found[0][1] > 0 and found[-1][2] < len(rest)):
            return []       # a name opens its office ("Ông A, Bí thư …") or closes it ("Bí thư Huyện ủy A")
        out.append(found[0][0])
    return out


def _office_listed_subjects(sentence: str) -> list[str]:
    """Chairs listed before the verb with their offices and commas ("Chủ tịch UBND tỉnh A, các Phó Chủ tịch
    UBND tỉnh: B, C, D chủ trì Hội nghị"): every item is a name, an office and its name, or the head of a
    list ("các Phó Chủ tịch UBND tỉnh:"); else this is no such list."""
    items = [x for x in re.split(r"[,:]", sentence.strip()) if x.strip()]
    headed = ":" in sentence
    out: list[str] = []
    for item in items:
        body = _ADDRESS.sub("", item.strip(), count=1)
        found = names.find_names(body)
        office_end = len(body[:found[-1][1]].rstrip()) if found else 0
        if found and found[-1][2] == len(body.rstrip()) and (office_end == 0 or fullmatch_at(body, 0, office_end)):
            out.append(found[-1][0])
            continue
        plain = re.sub(r"^\s*các\s+", "", body, flags=re.I).strip()
        if headed and not found and plain and fullmatch_at(plain, 0, len(plain)):
            continue      # "các Phó Chủ tịch UBND tỉnh:" heads the names after it
        return []
    return out if len(out) >= 2 else []


_CLAUSE_END = re.compile(r"\.\s")   # "UVT.Ư Đảng" keeps its dot; ". " ends a clause


def _capitalised_next(after: str) -> bool:
    """The next word is capitalised: a named meeting ("chủ trì Hội nghị …", even misspelt)."""
    m = re.match(r"\s+(\w)", after)
    return bool(m and m.group(1).isupper())


_ADDRESS = re.compile(r"^\s*(?:đồng\s+chí|đ/c|ông|bà)\s+", re.I)


def _holder(office: str, body: str) -> str | None:
    """The person the article names right after ``office`` ("Bí thư Tỉnh ủy" -> "Lê Đình Sơn")."""
    office = _ADDRESS.sub("", office).strip()
    office = re.sub(r"^(?:do|của|là)\s+", "", office, flags=re.I)
    office = re.sub(r"\s+(?:đã|cũng|sẽ|trực tiếp)$", "", office, flags=re.I)
    words = office.split()
    if not body or not 2 <= len(words) <= 8 or not office[0].isupper():
        return None
    for m in re.finditer(re.escape(office).replace(r"\ ", r"\s+") + r"\s+", body):
        found = names.find_names(body[m.end():m.end() + 40])
        if found and found[0][1] == 0:
            return found[0][0]
    return None


def _until_guests(seg: str) -> str:
    """A list of chairs ends where the list of guests begins ("…; cùng dự có …")."""
    m = _rules().guests.search(seg)
    return seg[:m.start()] if m else seg


def _subkind(text: str, kind: _Kind | None) -> re.Match[str] | None:
    """A qualifier right after the kind ("hội nghị phiên thường kỳ"), not a period ("6 tháng đầu năm")."""
    if kind is None:
        return None
    window = text[kind.end:kind.end + 45]
    for m in _rules().subkinds.finditer(window):
        if re.search(r"(?:tháng|quý|nửa)\s*$", window[:m.start()], re.I):
            continue
        return m
    return None


# --- the meeting ------------------------------------------------------------------------------


def extract_meetings(article: Article) -> tuple[Meeting, ...]:
    """The meeting(s) the article reports on, the main one first; () if it reports none."""
    body = article.body
    sents = sentences(body)
    lead = _lead(body, sents)
    if lead is None:
        return ()
    lazy = _LazyWhere(article)
    main = _meeting(article, body, sents, lead.start, lead.end, lazy, None)
    out = [main]
    for s, e in sents:
        if s > lead.start and _rules().also.match(body[s:e]):
            extra = _meeting(article, body, sents, s, e, lazy, main)
            if extra.kind:
                out.append(extra)
    return tuple(out)


def _meeting(article: Article, body: str, sents: list[tuple[int, int]], s: int, e: int, lazy: _LazyWhere,
             main: Meeting | None) -> Meeting:
    """The meeting sentence body[s:e] reports; ``main`` lends its date to "Cũng trong chiều nay, …"."""
    text = body[s:e]
    kind = _main_kind(text, _kinds(text))
    kind_name = kind.kind if kind else (m.group().lower() if (m := _rules().verb_kinds.search(text)) else None)
    own = _when(text)
    when = own or (_opening_date(body, sents) if main is None else None)
    date = end_date = None
    part = when.part_of_day if when else None
    if when:
        published = article.published or dates.url_date(article.url)
        year = when.year or (None if published else _term_opened(kind_name, text, article.title)) \
            or dates.resolve_year(when.day, when.month, published, body)
        date = dates.iso(year, when.month, when.day)
        if when.year and dates.long_before(date, published):
            date = None      # "Ngày 15/11/2011 là ngày thành lập thị xã …" in a 2016 report: history, not the meeting
        if date and when.end_day:
            end_date = dates.iso(year, when.end_month or when.month, when.end_day)
    elif main is not None:
        date, end_date = main.date, main.end_date
        part = _also_part(text) or main.part_of_day
    host, counterpart = _host_counterpart(text, kind, own.start if own else 0,
                                          own.end if own else _also_end(text))
    sub = _subkind(text, kind)
    lead_index = next(i for i, (a, _b) in enumerate(sents) if a == s)
    return Meeting(
        evidence=article.span(s, e),
        date=date,
        end_date=end_date,
        part_of_day=part,
        kind=kind_name,
        subkind=sub.group().lower() if sub else None,
        host=host,
        counterpart=counterpart,
        locality=_meeting_locality(text, kind, host, counterpart, lazy, article.title, _following(body, sents, s)),
        chair=_chair(body, sents, lead_index) if main is None else _chair_in(text),
    )


def _term_opened(kind: str | None, sentence: str, title: str | None) -> int | None:
    """A congress meets in the first year of the term it opens ("Đại hội … nhiệm kỳ 2015 – 2020" in May
    is May 2015), whatever year its report dwells on; the term (a period phrase of ``periods.toml``) is
    read from the lead or the title."""
    if kind not in dates.term_opening_kinds():
        return None
    for text in (sentence, title or ""):
        terms = [t for t in map(periods.term_years, periods.find_periods(text, periods.Reference())) if t]
        if terms:
            return terms[0][0]
    return None


def _following(body: str, sents: list[tuple[int, int]], start: int, n: int = 3) -> str:
    """The ``n`` sentences after the one at ``start``, one per line."""
    after = [(a, b) for a, b in sents if a > start][:n]
    return "\n".join(body[a:b] for a, b in after)


def _opening_date(body: str, sents: list[tuple[int, int]], n: int = 4) -> dates.DatePhrase | None:
    """A date that opens one of the first sentences ("Sáng 5/3, …") when the meeting's sentence has none.

    A headline may name the meeting ("Hội nghị BCH Đảng bộ huyện …") while the
    lead that dates it uses other words; the lead's opening date is still the
    meeting's.
    """
    for a, b in sents[:n]:
        found = dates.find_dates(body[a:b])
        if found and found[0].start < 20 and not dates.dates_a_document(body[a:b], found[0]):
            return found[0]
    return None


def _when(text: str) -> dates.DatePhrase | None:
    """The meeting's date in its sentence: the first date phrase that does not date a document."""
    found = [d for d in dates.find_dates(text) if not dates.dates_a_document(text, d)]
    early = [d for d in found if d.start < 60]
    return (early or found or [None])[0]


def _also_part(text: str) -> str | None:
    m = _rules().also.match(text)
    return dates.part_of_day_word(m.group()) if m else None


def _also_end(text: str) -> int:
    m = _rules().also.match(text)
    return m.end() if m else 0
