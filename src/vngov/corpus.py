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

from vngov.lexicon import load
from vngov.models import Article
from vngov.text import CAPITAL, OffsetMap, fold, normalize, trim

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")

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


def iter_corpus(folder: str | Path) -> Iterator[Article | CorpusError]:
    """Every article of ``folder`` (recursively, in name order), or an error per bad file."""
    root = Path(folder)
    if not root.is_dir():
        yield CorpusError(root, "not a folder")
        return
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
        try:
            yield from read_path(path)
        except CorpusError as e:
            yield e


def corpus_files(folder: str | Path) -> list[Path]:
    """The files :func:`iter_corpus` would read, for hashing and progress bars."""
    root = Path(folder)
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def read_path(path: str | Path) -> Iterator[Article | CorpusError]:
    """The article(s) of one file.  Raises :class:`CorpusError` if the file is unreadable."""
    path = Path(path)
    data = path.read_bytes()
    text = decode(path, data)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path, text)
    elif suffix in (".html", ".htm"):
        yield _read_html(path, text, data)
    else:
        yield parse_text(path.stem, text, str(path), content_hash=_hash(data))


def decode(path: Path, data: bytes) -> str:
    """The file's text, or a :class:`CorpusError` saying why there is none."""
    if not data.strip():
        raise CorpusError(path, "empty file")
    if b"\x00" in data[:4096]:
        raise CorpusError(path, "binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise CorpusError(path, f"not UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r})") from e
    if not text.strip():
        raise CorpusError(path, "empty file")
    return text


def _hash(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


def _read_jsonl(path: Path, text: str) -> Iterator[Article | CorpusError]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield CorpusError(where, f"not JSON: {e.msg}")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
            yield CorpusError(where, 'needs an object with a non-empty "text"')
            continue
        doc_id = str(rec.get("id") or f"{path.stem}_{n}")
        yield parse_text(doc_id, rec["text"], where, url=rec.get("url"),
                         published=_iso_date(rec.get("published")), title=rec.get("title"),
                         content_hash=_hash(line))


def _read_html(path: Path, html: str, data: bytes) -> Article:
    import trafilatura  # slow to import; only html needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=True, deduplicate=False)
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise CorpusError(path, "no article text found in the HTML page")
    url = getattr(doc, "url", None)
    title = getattr(doc, "title", None)
    return parse_text(path.stem, doc.text, str(path), url=url, published=_iso_date(getattr(doc, "date", None)),
                      title=title, content_hash=_hash(data), source=getattr(doc, "sitename", None),
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
    """(start, end) of each non-blank line from ``start``, white space trimmed."""
    out = []
    for m in re.finditer(r"[^\n]+", text[start:]):
        s, e = trim(text, m.start() + start, m.end() + start)
        if e > s:
            out.append((s, e))
    return out


def _filter(text: str, lines: list[tuple[int, int]], rules: _Rules):
    """Drop chrome lines and tail blocks; find byline, dateline and source on the way."""
    kept: list[tuple[int, int]] = []
    byline = published = source = None
    in_block = False
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
        if len(line) < 90 and published is None:
            d = _dateline(line, rules)
            if d:
                published = d
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
    # the byline: a short name-only line at the very end of the article
    while kept and _NAMEISH.match(text[kept[-1][0]:kept[-1][1]]) and kept[-1][1] - kept[-1][0] < 40:
        byline = byline or text[kept[-1][0]:kept[-1][1]]
        kept.pop()
    return kept, byline, published, source


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


def _join(text: str, pos: list[int], kept: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """Join kept lines with blank lines between, carrying raw positions along."""
    parts: list[str] = []
    body_pos: list[int] = []
    for i, (s, e) in enumerate(kept):
        if i:
            parts.append("\n\n")
            body_pos.extend([pos[s - 1] if s else 0] * 2)
        parts.append(text[s:e])
        body_pos.extend(pos[s:e])
    return "".join(parts), body_pos


def source_name(marker: str | None) -> str | None:
    """The publication a lead marker stands for, where the sources lexicon knows it."""
    return _rules().source_names.get(marker or "", marker)
