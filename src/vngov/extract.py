"""From an :class:`Article` to an :class:`Extraction`: the one place the extractors meet.

Each extractor is a pure function of the article (and, for figures, of what
the meetings told us about the article's date and place).  This module only
wires them together and runs the corpus through them, on every core.
"""
from __future__ import annotations

import os
from datetime import date as _date, timedelta as _timedelta
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from vngov import dates, figures, localities, meetings, people, quotes
from vngov.corpus import CorpusError, corpus_files, iter_corpus, read_path
from vngov.models import Article, DocContext, Extraction



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
                      year=year, locality=first.locality if first else None)


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
    named = localities.find(fig.evidence.text)
    return replace(fig, locality=named[0][0] if named else ctx.locality)


# --- whole corpus ------------------------------------------------------------------


def _extract_file(path: str) -> list[Extraction | str]:
    out: list[Extraction | str] = []
    try:
        for item in read_path(path):
            out.append(str(item) if isinstance(item, CorpusError) else _safe(item))
    except CorpusError as e:
        out.append(str(e))
    except OSError as e:
        out.append(f"{path}: cannot read: {e.strerror or e}")
    return out


def _safe(article: Article) -> Extraction | str:
    """An extractor bug on one article becomes an error line, not a crash of the corpus run."""
    try:
        return extract_article(article)
    except Exception as e:  # noqa: BLE001 - reported with the file name, run goes on
        return f"{article.path}: extraction failed: {type(e).__name__}: {e}"


def extract_paths(paths: Iterable[Path], workers: int | None = None) -> Iterator[Extraction | str]:
    """Extractions (or error lines) for ``paths``, in order, on ``workers`` processes."""
    paths = [str(p) for p in paths]
    workers = workers if workers is not None else min(os.cpu_count() or 1, 2)
    if workers <= 1 or len(paths) < 16:
        for p in paths:
            yield from _extract_file(p)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for result in pool.map(_extract_file, paths, chunksize=8):
            yield from result


def extract_corpus(folder: str | Path, workers: int | None = None) -> Iterator[Extraction | str]:
    """Every article of ``folder`` extracted; a string names a file that could not be read."""
    root = Path(folder)
    if not root.is_dir():
        yield f"{root}: not a folder"
        return
    yield from extract_paths(corpus_files(root), workers)


def iter_articles(folder: str | Path) -> Iterator[Article]:
    """The readable articles of ``folder`` (errors skipped), for notebooks and benchmarks."""
    return (a for a in iter_corpus(folder) if isinstance(a, Article))
