"""From an :class:`Article` to an :class:`Extraction`: the one place the extractors meet.

Each extractor is a pure function of the article (and, for figures, of what
the meetings told us about the article's date and place).  This module only
wires them together and runs the corpus through them, on every core.
"""
from __future__ import annotations

import sys
from datetime import date as _date, timedelta as _timedelta
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from vngov import dates, figures, localities, meetings, people, quotes
from vngov.corpus import CorpusError, CorpusFile, Registry, iter_corpus, read_path, scan
from vngov.models import Article, DocContext, Extraction, evolve
from vngov.parallel import pmap



def extract_article(article: Article) -> Extraction:
    """Everything vngov can say about one article."""
    found_meetings = meetings.extract_meetings(article)
    found_people = people.extract_people(article)
    ctx = context(article, found_meetings)
    found_figures = tuple(_with_locality(f, ctx) for f in figures.extract_figures(article, ctx))
    return Extraction(
        doc_id=article.doc_id,
        source=article.source,
        published=_published(article, found_meetings),
        title=article.title,
        byline=article.byline,
        meetings=found_meetings,
        people=found_people,
        figures=found_figures,
        quotes=quotes.extract_quotes(article, found_people),
        directives=quotes.extract_directives(article, found_people),
    )


def context(article: Article, found_meetings) -> DocContext:
    """The article-wide facts the figure extractor needs: reference date, year and place."""
    first = found_meetings[0] if found_meetings else None
    meeting_date = first.date if first else None
    year = None
    for d in (meeting_date, article.published):
        if d:
            year = int(d[:4])
            break
    return DocContext(doc_id=article.doc_id, published=article.published, meeting_date=meeting_date,
                      year=year, locality=first.locality if first else None,
                      meeting_kind=first.kind if first else None)


def _published(article: Article, found_meetings) -> str | None:
    """The header date; else the meeting's day when the lead says it was "today" ("Chiều nay (23/4)"),
    or the day after when it says "yesterday" ("Sáng qua (22/4)"); else the month in the page's URL."""
    if article.published:
        return article.published
    meeting = found_meetings[0].date if found_meetings else None
    if meeting:
        for phrase in dates.find_dates(article.body[:600]):
            if (phrase.today or phrase.yesterday) and (phrase.month, phrase.day) == (int(meeting[5:7]), int(meeting[8:10])):
                day = _date.fromisoformat(meeting) + _timedelta(days=1 if phrase.yesterday else 0)
                return day.isoformat()
    return dates.url_date(article.url)


def _with_locality(fig, ctx: DocContext):
    """The figure's place: one its own clause names, else the meeting's."""
    if fig.locality:
        return fig
    named = next((m.canonical for m in localities.mentions(fig.evidence.text, normalized=True) if m.name), None)
    return evolve(fig, locality=named or ctx.locality)     # evidence is a span of the normalised body


# --- whole corpus ------------------------------------------------------------------


#: One file's results: an extraction with its text's hash and where it was read, or an error line;
#: and the file's warnings.
_FileResult = tuple[list[tuple[Extraction, str, str] | str], list[str]]


def _extract_file(job: tuple[str, str | None, str | None]) -> _FileResult:
    """Extractions (with each article's content hash) or error lines of one file, in a worker."""
    path, doc_id, problem = job
    out: list[tuple[Extraction, str, str] | str] = []
    notices: list[str] = []
    if problem:
        return [f"{path}: {problem}"], notices
    try:
        for item in read_path(path, doc_id=doc_id, notices=notices):
            if isinstance(item, CorpusError):
                out.append(str(item))
                continue
            x = _safe(item)
            out.append(x if isinstance(x, str) else (x, item.content_hash, item.path))
    except CorpusError as e:
        out.append(str(e))
    except OSError as e:
        out.append(f"{path}: cannot read: {e.strerror or e}")
    return out, notices


def _safe(article: Article) -> Extraction | str:
    """An extractor bug on one article becomes an error line, not a crash of the corpus run."""
    try:
        return extract_article(article)
    except Exception as e:  # noqa: BLE001 - reported with the file name, run goes on
        return f"{article.path}: extraction failed: {type(e).__name__}: {e}"


def extract_files(files: Iterable[CorpusFile], workers: int | None = None, scheduler: str | None = None,
                  warn=None) -> Iterator[Extraction | str]:
    """Extractions (or error lines) for ``files``, in order, on ``workers`` processes or a Dask
    cluster.  Ids are made unique and repeated texts dropped here, in corpus order (see
    :class:`vngov.corpus.Registry`); each such change is passed to ``warn`` (default: stderr)."""
    warn = warn or (lambda line: print(f"warning: {line}", file=sys.stderr))
    registry = Registry()
    jobs = [(str(f.path), f.doc_id, f.problem) for f in files]
    for results, notices in pmap(_extract_file, jobs, workers=workers, scheduler=scheduler):
        for line in notices:
            warn(line)
        for item in results:
            if isinstance(item, str):
                yield item
                continue
            x, content_hash, where = item
            new, notice = registry.admit(x.doc_id, content_hash, where)
            if notice:
                warn(notice)
            if new is not None:
                yield x if new == x.doc_id else replace(x, doc_id=new)


def extract_paths(paths: Iterable[Path], workers: int | None = None) -> Iterator[Extraction | str]:
    """Extractions (or error lines) for ``paths``, in order, each with its file name's doc_id."""
    files = [CorpusFile(Path(p), Path(p).name, Path(p).stem) for p in paths]
    return extract_files(files, workers)


def extract_corpus(folder: str | Path, workers: int | None = None,
                   scheduler: str | None = None) -> Iterator[Extraction | str]:
    """Every article of ``folder`` extracted; a string names a file that could not be read."""
    root = Path(folder)
    if not root.is_dir():
        yield f"{root}: not a folder"
        return
    yield from extract_files(scan(root), workers, scheduler)


def iter_articles(folder: str | Path) -> Iterator[Article]:
    """The readable articles of ``folder`` (errors skipped), for notebooks and benchmarks."""
    return (a for a in iter_corpus(folder) if isinstance(a, Article))
