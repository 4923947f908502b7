"""Throughput: ``python -m vngov.bench [FOLDER]`` per extractor, ``--build N`` for whole builds.

``make bench`` runs ``python -m vngov.bench --build 10000``: it writes a corpus
of N articles made from the sample corpus (numbers varied, so no two articles
are alike and none is dropped as a duplicate), then times ``vngov build`` on
1,000 and on N articles with 1 and 2 processes (in child processes, so their
peak memory can be read), the cached rebuild, and, on a small slice,
``underthesea.ner`` against the whole vngov extraction — the baseline a user
would otherwise reach for.  Every line is ``name value unit``.

Per extractor (``python -m vngov.bench [FOLDER]``):

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

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
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


def extractor_rates(folder: Path) -> int:
    """Articles per second of each extractor over ``folder``, on one core."""
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
    ner_rate, whole = ner_baseline(folder)
    print(f"underthesea.ner {ner_rate:.1f} articles/s (first 20 articles, sentence by sentence)")
    print(f"extract_article {whole:.0f} articles/s on the same 20 (x{whole / ner_rate:.0f} underthesea.ner)")
    return 0


# --- whole builds ------------------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*|\d+)(,\d+)?(?![\d.,]*\d)")


def _vary(text: str, i: int) -> str:
    """The article with its numbers (not its years) changed by ``i``: a different article to every
    hash and cache, the same work for the extractors."""
    def shift(m: re.Match) -> str:
        whole = m.group(1)
        if re.fullmatch(r"(19|20)\d\d", whole) or "/" in text[max(m.start() - 1, 0):m.end() + 1]:
            return m.group(0)  # years and dates stay valid
        digits = whole.replace(".", "")
        return f"{int(digits) + i % 997 + 1:,}".replace(",", ".") + (m.group(2) or "")
    return _NUMBER.sub(shift, text)


def make_corpus(folder: Path, n: int, source: Path | None = None) -> int:
    """Write ``n`` varied articles (``.txt``, 500 to a sub-folder) from ``source``; returns bytes."""
    from vngov.corpus import iter_corpus
    from vngov.models import Article

    source = source or Path(__file__).resolve().parents[2] / "data" / "sample"
    raws = [a.raw for a in iter_corpus(source) if isinstance(a, Article)]
    size = 0
    for i in range(n):
        sub = folder / f"{i // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        data = _vary(raws[i % len(raws)], i // len(raws)).encode("utf-8")
        (sub / f"a{i:05d}.txt").write_bytes(data)
        size += len(data)
    return size


def timed_build(corpus: Path, out: Path, workers: int) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds of the build and its workers, peak resident memory in MB of the
    largest of them) of one ``vngov build``.  CPU time is what to compare on a shared machine."""
    cmd = [sys.executable, "-m", "vngov.cli", "build", str(corpus), "--out", str(out),
           "--workers", str(workers), "--quiet"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status:
        raise RuntimeError(f"vngov build {corpus} failed: {proc.stderr.read().decode(errors='replace')[-500:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def ner_baseline(folder: Path, n: int = 20) -> tuple[float, float]:
    """(underthesea.ner, vngov.extract_article) articles per second over the first ``n`` articles,
    both in this process on one core: NER sentence by sentence, as a user would run it."""
    from underthesea import ner, sent_tokenize

    from vngov.extract import extract_article, iter_articles

    articles = []
    for a in iter_articles(folder):
        articles.append(a)
        if len(articles) >= n:
            break

    def run_ner(a) -> None:
        for para in a.body.split("\n"):
            for sent in sent_tokenize(para) if para.strip() else []:
                ner(sent)

    return rate(run_ner, articles, min_seconds=1.0), rate(extract_article, articles)


def build_bench(n: int, keep: Path | None = None) -> int:
    """The numbers of ``make bench``; see the module docstring."""
    work = Path(tempfile.mkdtemp(prefix="vngov-bench-")) if keep is None else keep
    try:
        small, big = work / "c1k", work / f"c{n}"
        t = time.perf_counter()
        size = make_corpus(big, n)
        make_corpus(small, min(1000, n))
        print(f"corpus {n} articles {size / 1e6:.1f} MB made in {time.perf_counter() - t:.1f} s")
        k = min(1000, n)
        t1k, c1k, m1k = timed_build(small, work / "s1k", 1)
        print(f"build {k} 1 process {t1k:.1f} s (cpu {c1k:.1f} s) = {t1k / k * 1000:.1f} s per 1000 articles, "
              f"peak {m1k:.0f} MB")
        t1, c1, m1 = timed_build(big, work / "s1", 1)
        print(f"build {n} 1 process {t1:.1f} s (cpu {c1:.1f} s) = {n / t1:.0f} articles/s "
              f"({n / c1:.0f} per cpu-second) = {t1 / n * 1000:.1f} s per 1000 articles, peak {m1:.0f} MB")
        t2, c2, m2 = timed_build(big, work / "s2", 2)
        print(f"build {n} 2 processes {t2:.1f} s (cpu {c2:.1f} s) = {n / t2:.0f} articles/s, "
              f"peak {m2:.0f} MB (largest process)")
        tc, cc, mc = timed_build(big, work / "s2", 2)
        print(f"rebuild {n} from cache {tc:.1f} s (cpu {cc:.1f} s), peak {mc:.0f} MB")
        ner_rate, ours = ner_baseline(big)
        print(f"underthesea.ner {ner_rate:.1f} articles/s; vngov extract_article {ours:.0f} articles/s "
              f"({ours / ner_rate:.0f}x) on 20 articles, one core")
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m vngov.bench", description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=None, help="corpus for the per-extractor rates")
    ap.add_argument("--build", type=int, default=None, metavar="N",
                    help="time whole builds of an N-article corpus made from the sample")
    args = ap.parse_args(sys.argv[1:] if argv is None else argv)
    if args.build:
        return build_bench(args.build)
    return extractor_rates(args.folder or default_folder())


if __name__ == "__main__":
    raise SystemExit(main())
