"""Reading a folder of articles: .txt as saved, .html pages, .jsonl records.

The corpus is streamed: :func:`iter_corpus` yields one :class:`Article` (or one
:class:`CorpusError` for a file it cannot read) at a time, so a folder of any
size goes through in constant memory and one bad file never stops the rest.

Cleaning removes what the page wrapped around the article (comment boxes,
"Tin liên quan" blocks, share buttons, the title repeated as photo captions)
while keeping, through :class:`vngov.text.OffsetMap`, the position in the
original text of every character that stays.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

from vngov.encodings import LegacyEncodingError, decode_bytes
from vngov.lexicon import load
from vngov.models import Article
from vngov.text import CAPITAL, OffsetMap, fold, normalize, trim

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")

#: A paragraph longer than this is cut at sentence ends (else at a space) into paragraphs of at most
#: this size: the extractors' time grows faster than a paragraph's length, so a one-line file of
#: megabytes would run for many minutes; paragraphs this long do not occur in real articles (the
#: longest in the sample, dev and held-out sets is about 1,100 characters).
MAX_PARAGRAPH = 4_000
#: An article (a file, or a JSON line's text) larger than this is refused with a named error rather
#: than read: nothing a newspaper prints is that long, and memory grows with it.
MAX_ARTICLE_BYTES = 20_000_000

_DATE_HEADER = re.compile(r"^\s*date\s+(\d{4}(?:-\d{2}){0,2})\b[ \t]*")
_NAMEISH = re.compile(rf"^{CAPITAL}[^\W\d_]*(?:\s+{CAPITAL}[^\W\d_]*){{1,3}}$")


class CorpusError(Exception):
    """A file (or a line of a .jsonl file) that cannot be read as an article."""

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


@dataclass(frozen=True)
class _Rules:
    drop: re.Pattern[str]
    block: re.Pattern[str]
    trailing: tuple[re.Pattern[str], ...]
    datelines: tuple[re.Pattern[str], ...]
    lead: tuple[re.Pattern[str], ...]
    not_sources: frozenset[str]
    source_names: dict[str, str]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    chrome, sources = load("chrome"), load("sources")

    def whole(patterns: list[str]) -> re.Pattern[str]:
        return re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in patterns) + r")$", re.I)

    return _Rules(
        drop=whole(chrome["drop_lines"]),
        block=whole(chrome["block_starts"]),
        trailing=tuple(re.compile(p) for p in chrome["trailing"]),
        datelines=tuple(re.compile(p, re.I) for p in chrome["datelines"]),
        lead=tuple(re.compile(p) for p in sources["lead_markers"]),
        not_sources=frozenset(sources["not_sources"]),
        source_names=dict(sources["names"]),
    )


# --- reading files ---------------------------------------------------------------


@dataclass(frozen=True)
class CorpusFile:
    """One file of a corpus: where it is, its document id, and why it is not read (if it is not).

    The doc_id is the file name without extension for a file at the top of the
    corpus (the shared scorer matches on that), and the path relative to the
    corpus without extension (``2019/article``) for a file in a sub-folder, so
    that ``2019/article.txt`` and ``2024/article.txt`` never share an id.  Where
    two files still share one (``a.txt`` beside ``a.html``), the later one in
    name order keeps its extension (``a.html``).
    """

    path: Path
    rel: str
    doc_id: str
    problem: str | None = None


def scan(folder: str | Path) -> list[CorpusFile]:
    """Every article file under ``folder`` (recursively, in name order) with its doc_id.

    A symbolic link (to a file or through a linked folder) that leads out of the
    corpus is listed with a ``problem`` and never read: a corpus must not pull in
    files its owner did not put there.
    """
    root = Path(folder)
    real_root = root.resolve()
    found = sorted(p for p in root.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
    out: list[CorpusFile] = []
    used: set[str] = set()
    for p in found:
        rel = p.relative_to(root).as_posix()
        base = rel.rsplit(".", 1)[0]
        doc_id = base if base not in used else rel
        used.add(doc_id)
        problem = None
        target = p.resolve()
        if not target.is_relative_to(real_root):
            problem = f"a link to {target}, outside the corpus: not followed"
        out.append(CorpusFile(p, rel, doc_id, problem))
    return out


def iter_corpus(folder: str | Path) -> Iterator[Article | CorpusError]:
    """Every article of ``folder`` (recursively, in name order), or an error per bad file."""
    root = Path(folder)
    if not root.is_dir():
        yield CorpusError(root, "not a folder")
        return
    for f in scan(root):
        try:
            yield from read_file(f)
        except CorpusError as e:
            yield e


def corpus_files(folder: str | Path) -> list[Path]:
    """The files :func:`iter_corpus` would read (links out of the corpus left out)."""
    return [f.path for f in scan(folder) if f.problem is None]


def read_file(f: CorpusFile, notices: list[str] | None = None) -> Iterator[Article | CorpusError]:
    """The article(s) of one scanned file; raises :class:`CorpusError` if it is not to be read."""
    if f.problem:
        raise CorpusError(f.path, f.problem)
    yield from read_path(f.path, doc_id=f.doc_id, notices=notices)


def read_path(path: str | Path, doc_id: str | None = None,
              notices: list[str] | None = None) -> Iterator[Article | CorpusError]:
    """The article(s) of one file.  Raises :class:`CorpusError` if the file is unreadable.

    ``doc_id`` defaults to the file name without extension (see :class:`CorpusFile`);
    ``notices`` collects warnings that do not stop an article (a repeated JSONL id).
    """
    path = Path(path)
    doc_id = doc_id or path.stem
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES and path.suffix.lower() != ".jsonl":
        raise CorpusError(path, f"{size / 1e6:.0f} MB is over the {MAX_ARTICLE_BYTES / 1e6:.0f} MB limit "
                                "for one article: not read")
    data = path.read_bytes()
    text = decode(path, data)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path, text, doc_id, notices)
    elif suffix in (".html", ".htm"):
        yield _read_html(path, text, doc_id)
    else:
        yield parse_text(doc_id, text, str(path), content_hash=_hash(text))


class Registry:
    """Corpus-wide identity: every doc_id used once, every article text counted once.

    Fed the articles in corpus order (by whoever gathers the results, never by
    a worker), so that the same corpus gives the same ids however it is run.
    A repeated id gets a suffix (``id#2``) and a warning; a repeated text (the
    same article saved under two names) is kept the first time only.
    """

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.texts: dict[str, tuple[str, str]] = {}
        self.duplicates = 0
        self.renamed = 0

    def admit(self, doc_id: str, content_hash: str, where: str) -> tuple[str | None, str | None]:
        """(the id to use, or None to drop the article as a duplicate; a warning or None)."""
        if content_hash and content_hash in self.texts:
            first_id, first_where = self.texts[content_hash]
            self.duplicates += 1
            return None, f"{where}: duplicate: the same text as {first_id!r} ({first_where}); counted once"
        new, n = doc_id, 1
        while new in self.ids:
            n += 1
            new = f"{doc_id}#{n}"
        self.ids[new] = where
        if content_hash:
            self.texts[content_hash] = (new, where)
        if new == doc_id:
            return new, None
        self.renamed += 1
        return new, f"{where}: doc_id {doc_id!r} is already used by {self.ids[doc_id]}; this article is {new!r}"


def decode(path: Path, data: bytes) -> str:
    """The file's text, or a :class:`CorpusError` saying why there is none.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read as they are;
    the old Vietnamese 8-bit encodings are recognised and converted where that
    is certain (:mod:`vngov.encodings`).
    """
    if not data.strip():
        raise CorpusError(path, "empty file")
    try:
        text = decode_bytes(data)
    except LegacyEncodingError as e:
        raise CorpusError(path, str(e)) from e
    if not text.strip():
        raise CorpusError(path, "empty file")
    return text


def _hash(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


#: Fields of a JSONL record that are text; a number is taken as its digits, a list or object is an error.
_TEXT_FIELDS = ("id", "title", "url", "published")


def _read_jsonl(path: Path, text: str, file_id: str, notices: list[str] | None) -> Iterator[Article | CorpusError]:
    """One article per line.  Lines are split on "\\n" only: U+2028, U+0085 and the like are
    legal inside a JSON string (Python's json writes them raw), so ``splitlines`` would cut records."""
    seen: dict[str, int] = {}
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield CorpusError(where, f"not JSON: {e.msg}")
            continue
        except RecursionError:
            yield CorpusError(where, "JSON nested too deeply to read")
            continue
        try:
            fields = _record_fields(rec)
        except ValueError as e:
            yield CorpusError(where, str(e))
            continue
        if len(fields["text"].encode("utf-8")) > MAX_ARTICLE_BYTES:
            yield CorpusError(where, f"text over the {MAX_ARTICLE_BYTES / 1e6:.0f} MB limit for one article: not read")
            continue
        doc_id = fields["id"] or f"{file_id}_{n}"
        if doc_id in seen:
            seen[doc_id] += 1
            new = f"{doc_id}#{seen[doc_id]}"
            while new in seen:
                seen[doc_id] += 1
                new = f"{doc_id}#{seen[doc_id]}"
            if notices is not None:
                notices.append(f"{where}: id {doc_id!r} repeats an earlier line's; this article is {new!r}")
            doc_id = new
        seen.setdefault(doc_id, 1)
        yield parse_text(doc_id, fields["text"], where, url=fields["url"], published=_iso_date(fields["published"]),
                         title=fields["title"], content_hash=_hash(fields["text"]))


def _record_fields(rec: object) -> dict[str, str | None]:
    """The text fields of one JSONL record as strings (numbers as their digits), or a ValueError
    naming the field that is not text: a title that is a list must not reach the Parquet writer."""
    if not isinstance(rec, dict):
        raise ValueError(f'needs an object with a non-empty "text", not a JSON {type(rec).__name__}')
    body = rec.get("text")
    if not isinstance(body, str) or not body.strip():
        raise ValueError('needs an object with a non-empty "text"' +
                         (f" (text is a {type(body).__name__})" if body is not None and not isinstance(body, str) else ""))
    out: dict[str, str | None] = {"text": body}
    for key in _TEXT_FIELDS:
        value = rec.get(key)
        if value is None or isinstance(value, str):
            out[key] = value or None
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out[key] = str(value)
        else:
            raise ValueError(f'field "{key}" is a {type(value).__name__}, not text')
    return out


def _read_html(path: Path, html: str, doc_id: str) -> Article:
    import trafilatura  # slow to import; only html needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=True, deduplicate=False)
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise CorpusError(path, "no article text found in the HTML page")
    url = getattr(doc, "url", None)
    title = getattr(doc, "title", None)
    return parse_text(doc_id, doc.text, str(path), url=url, published=_iso_date(getattr(doc, "date", None)),
                      title=title, content_hash=_hash(doc.text), source=getattr(doc, "sitename", None),
                      byline=getattr(doc, "author", None))


def _iso_date(value: object) -> str | None:
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(value))
    return "-".join(g for g in m.groups() if g) if m else None


# --- cleaning --------------------------------------------------------------------


def parse_text(doc_id: str, raw: str, path: str, *, url: str | None = None, published: str | None = None,
               title: str | None = None, content_hash: str = "", source: str | None = None,
               byline: str | None = None) -> Article:
    """Clean one article's text into an :class:`Article` (pure: no I/O)."""
    text, pos = normalize(raw)
    start = 0
    m = _DATE_HEADER.match(text)
    if m:
        published = published or m.group(1)
        start = m.end()
    lines = _lines(text, start)
    rules = _rules()
    kept, found_byline, found_published, found_source = _filter(text, lines, rules)
    byline = byline or found_byline
    published = published or found_published
    if url and not found_source:
        found_source = urlparse(url).hostname
    source = found_source or source
    kept = _dedupe(text, kept)
    if title is None:
        title = _title(text, kept, lines)
    body, body_pos = _join(text, pos, kept)
    return Article(doc_id=doc_id, path=path, raw=raw, body=body, offsets=OffsetMap.from_positions(body_pos),
                   source=source, published=published, title=title, byline=byline, url=url,
                   content_hash=content_hash or _hash(raw))


def _lines(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line from ``start``, white space trimmed; a line over
    :data:`MAX_PARAGRAPH` characters comes back as several (see :func:`_cut`)."""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:]):
        s, e = trim(text, m.start() + start, m.end() + start)
        if e - s > MAX_PARAGRAPH:
            out.extend(_cut(text, s, e))
        elif e > s:
            out.append((s, e))
    return out


_SENTENCE_END = re.compile(r"[.!?;:…]\s+")


def _cut(text: str, s: int, e: int, limit: int = MAX_PARAGRAPH) -> list[tuple[int, int]]:
    """``text[s:e]`` as pieces of at most ``limit`` characters, cut after the last sentence end
    before the limit, else at the last space, else at the limit itself.  Linear in the length."""
    out = []
    while e - s > limit:
        window = text[s:s + limit]
        cut = 0
        for m in _SENTENCE_END.finditer(window, limit // 2):
            cut = m.end()
        if not cut:
            cut = window.rfind(" ", limit // 2) + 1 or limit
        a, b = trim(text, s, s + cut)
        if b > a:
            out.append((a, b))
        s += cut
    a, b = trim(text, s, e)
    if b > a:
        out.append((a, b))
    return out


_HEADER_LINES = 2     # lines kept before the body starts where a second dateline may stand (title, sapo)
_PROSE_LINE = 90      # a line this long is prose: the page's header (clock, hotline, title) ends before it


def _filter(text: str, lines: list[tuple[int, int]], rules: _Rules):
    """Drop chrome lines and tail blocks; find byline, dateline and source on the way."""
    kept: list[tuple[int, int]] = []
    byline = published = source = None
    in_block = False
    prose_seen = False      # a long line kept: the page's header is over
    for s, e in lines:
        line = text[s:e]
        if rules.block.match(line):
            in_block = True
            continue
        if in_block:
            if byline is None and _NAMEISH.match(line) and len(line) < 40:
                byline = line
            continue
        if rules.drop.match(line):
            continue
        if len(kept) <= _HEADER_LINES and _byline_in_caps(line):
            byline = byline or line          # "THÚY NGỌ" above the lead: the writer, not a sentence
            continue
        if len(line) < _PROSE_LINE and (published is None or len(kept) <= _HEADER_LINES or not prose_seen):
            d = _dateline(line, rules)
            if d:     # a site's "today" line and the article's own date: the article's is the earlier
                published = min(published, d) if published else d
                continue
        for pat in rules.trailing:
            m = pat.search(line)
            if m and m.start() > 0:
                e = s + m.start()
                line = text[s:e]
        for pat in rules.lead:
            m = pat.match(line)
            if m and m.group("src").strip() not in rules.not_sources and m.end() < len(line):
                source = source or m.group("src").strip()
                s += m.end()
                line = text[s:e]
                break
        kept.append((s, e))
        prose_seen = prose_seen or e - s >= _PROSE_LINE
    # the byline: a short name-only line at the very end of the article
    while kept and _NAMEISH.match(text[kept[-1][0]:kept[-1][1]]) and kept[-1][1] - kept[-1][0] < 40:
        byline = byline or text[kept[-1][0]:kept[-1][1]]
        kept.pop()
    return kept, byline, published, source


def _byline_in_caps(line: str) -> bool:
    """A short line of a name in capitals ("THÚY NGỌ", "HOÀNG BÌNH"), as sites print the writer over the lead."""
    words = line.split()
    return 2 <= len(words) <= 4 and len(line) < 40 and line.isupper() and _NAMEISH.match(line.title()) is not None


def _dateline(line: str, rules: _Rules) -> str | None:
    for pat in rules.datelines:
        m = pat.match(line)
        if m:
            d, mo, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
            if 1 <= d <= 31 and 1 <= mo <= 12:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _dedupe(text: str, kept: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the first of lines that repeat (captions that restate the title or the lead)."""
    seen: set[str] = set()
    out = []
    for s, e in kept:
        key = fold(text[s:e])
        if key in seen:
            continue
        seen.add(key)
        out.append((s, e))
    return out


def _title(text: str, kept: list[tuple[int, int]], lines: list[tuple[int, int]]) -> str | None:
    """The headline: a line that repeats as a caption, else the first short line without a full stop."""
    counts: dict[str, int] = {}
    for s, e in lines:
        counts[fold(text[s:e])] = counts.get(fold(text[s:e]), 0) + 1
    for s, e in kept[:4]:
        line = text[s:e]
        if counts.get(fold(line), 0) > 1 and _headline(line):
            return line
    if kept and _headline(text[kept[0][0]:kept[0][1]]):  # a lead paragraph means there is no headline
        return text[kept[0][0]:kept[0][1]]
    return None


def _headline(line: str) -> bool:
    return len(line) < 200 and not line.rstrip().endswith((".", "…", '"', "”"))


def _wrapped(text: str, prev_end: int, start: int) -> bool:
    """A line break inside a sentence (text wrapped at a fixed width, as pages copied from print are):
    the line before ends in a word or a comma, with no blank line, and this one goes on in lower case
    ("… Cà\nphê đạt 1.542ha", "tỷ lệ hộ nghèo đa\nchiều giảm còn 24%")."""
    gap = text[prev_end:start]
    if gap.count("\n") != 1 or gap.strip():
        return False
    last, first = text[prev_end - 1], text[start]
    return (last.isalpha() or last == ",") and (first.islower() or (first.isdigit() and last.isalpha()))


def _join(text: str, pos: list[int], kept: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """Join kept lines with blank lines between, carrying raw positions along."""
    parts: list[str] = []
    body_pos: list[int] = []
    for i, (s, e) in enumerate(kept):
        if i and _wrapped(text, kept[i - 1][1], s):
            parts.append(" ")
            body_pos.append(pos[s - 1])
        elif i:
            parts.append("\n\n")
            body_pos.extend([pos[s - 1] if s else 0] * 2)
        parts.append(text[s:e])
        body_pos.extend(pos[s:e])
    return "".join(parts), body_pos


def source_name(marker: str | None) -> str | None:
    """The publication a lead marker stands for, where the sources lexicon knows it."""
    return _rules().source_names.get(marker or "", marker)
