"""Throughput of the extractors on one core: ``python -m vngov.bench [FOLDER]``.

The design card asks for at least 400 articles a second per extractor, so the
hot path must stay on compiled regexes and lexicons.  This reads the dev
corpus (``../shared/eval/dev/corpus`` when it exists, else ``data/sample``)
once, then runs each extractor over the set as many times as it takes to time
at least two seconds of CPU time (process time, so that other jobs on the
machine do not count against it), and prints articles per second as plain numbers.
Extractors are imported when called: they are written by different people and
one that fails to import is reported, not fatal.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Callable

MIN_SECONDS = 2.0


def default_folder() -> Path:
    """The dev corpus beside the repository if present, else the bundled sample."""
    here = Path(__file__).resolve().parents[2]
    for cand in (here.parent / "shared" / "eval" / "dev" / "corpus", Path("../shared/eval/dev/corpus"),
                 here / "data" / "sample", Path("data/sample")):
        if cand.is_dir() and any(cand.iterdir()):
            return cand
    return here / "data" / "sample"


def rate(fn: Callable[[object], object], articles: list, min_seconds: float = MIN_SECONDS) -> float:
    """Articles per second of ``fn`` over ``articles``, repeated until ``min_seconds`` have passed."""
    if not articles:
        return 0.0
    for a in articles:    # warm-up: lexicons load and regexes compile outside the timing
        fn(a)
    done = 0
    start = time.process_time()
    elapsed = 0.0
    while elapsed < min_seconds:
        for a in articles:
            fn(a)
        done += len(articles)
        elapsed = time.process_time() - start
    return done / elapsed


def _extractors() -> dict[str, Callable[[object], object]]:
    def figures_fn(a):
        from vngov.extract import context
        from vngov.figures import extract_figures
        return extract_figures(a, context(a, ()))

    def meetings_fn(a):
        from vngov.meetings import extract_meetings
        return extract_meetings(a)

    def people_fn(a):
        from vngov.people import extract_people
        return extract_people(a)

    def article_fn(a):
        from vngov.extract import extract_article
        return extract_article(a)

    return {"figures": figures_fn, "meetings": meetings_fn, "people": people_fn, "extract_article": article_fn}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    folder = Path(argv[0]) if argv else default_folder()
    from vngov.extract import iter_articles

    articles = list(iter_articles(folder))
    print(f"corpus {folder} articles {len(articles)}")
    for name, fn in _extractors().items():
        try:
            r = rate(fn, articles)
        except Exception as e:  # noqa: BLE001 - another team's extractor may be mid-edit
            print(f"{name} error {type(e).__name__}: {e}")
            continue
        print(f"{name} {r:.0f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
