"""Articles per second of the whole extraction over real corpora, best of three passes in one process.

Usage: ``python scripts/extract_rate.py CORPUS [CORPUS ...]``.  Run it with two checkouts in turn
(``PYTHONPATH=other/src python scripts/extract_rate.py …``) to compare two versions of the rules on the
same pages; timings on a shared machine drift by 20% between runs, so compare runs made side by side.
It prints one line and asserts nothing.
"""
from __future__ import annotations

import sys
import time

from vngov.extract import extract_article, iter_articles


def main(folders: list[str]) -> None:
    articles = [a for folder in folders for a in iter_articles(folder)]
    for a in articles:          # warm-up: lexicons load and regexes compile outside the timing
        extract_article(a)
    best = 0.0
    for _ in range(3):
        start = time.process_time()
        for a in articles:
            extract_article(a)
        best = max(best, len(articles) / max(time.process_time() - start, 1e-9))
    print(f"{len(articles)} articles, best of 3: {best:.0f} articles/s")


if __name__ == "__main__":
    main(sys.argv[1:])
