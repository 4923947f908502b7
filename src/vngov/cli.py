"""The ``vngov`` command: ``extract``, ``build``, ``reports``.  Thin wrappers over the modules."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Iterator

from vngov.models import Extraction


def _report_errors(items, errors: list[str]) -> Iterator[Extraction]:
    """Pass extractions through; print each error line to stderr as it comes."""
    for item in items:
        if isinstance(item, str):
            errors.append(item)
            print(f"error: {item}", file=sys.stderr)
        else:
            yield item


def cmd_extract(args: argparse.Namespace) -> int:
    from vngov.export import write_jsonl
    from vngov.extract import extract_corpus
    from vngov.parallel import ParallelError

    errors: list[str] = []
    try:
        n = write_jsonl(_report_errors(extract_corpus(args.corpus, workers=args.workers, scheduler=args.scheduler),
                                       errors), args.jsonl)
    except ParallelError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"{n} articles exported to {args.jsonl}; {len(errors)} files with errors", file=sys.stderr)
    return 0 if n or not errors else 1


def cmd_build(args: argparse.Namespace) -> int:
    from vngov import store
    from vngov.parallel import ParallelError

    try:
        summary = store.build(args.corpus, out=args.out, workers=args.workers, progress=not args.quiet,
                              scheduler=args.scheduler)
    except (store.StoreError, ParallelError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(summary, file=sys.stderr)
    return 0


def cmd_reports(args: argparse.Namespace) -> int:
    from vngov import reports
    from vngov.parallel import ParallelError

    try:
        failed = reports.run_reports(args.corpus, store_dir=args.store, out=args.out, progress=not args.quiet,
                                     force=args.force, scheduler=args.scheduler)
    except ParallelError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 1 if failed else 0


def _scheduler_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scheduler", default=None, metavar="tcp://HOST:PORT",
                   help="run on this Dask distributed cluster instead of local processes")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vngov", description="Vietnamese local-government press → tables and reports.")
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="export meetings, people and figures as JSON Lines (SCHEMA.md)")
    e.add_argument("corpus", type=Path, help="folder of .txt, .html and .jsonl articles")
    e.add_argument("--jsonl", type=Path, required=True, help="output file")
    e.add_argument("--workers", type=int, default=None, help="processes (default: up to 2)")
    _scheduler_option(e)
    e.set_defaults(func=cmd_extract)

    b = sub.add_parser("build", help="build the Parquet tables under data/processed/<corpus>")
    b.add_argument("corpus", type=Path)
    b.add_argument("--out", type=Path, default=None, help="store folder (default data/processed/<corpus name>)")
    b.add_argument("--workers", type=int, default=None)
    _scheduler_option(b)
    b.add_argument("--quiet", action="store_true")
    b.set_defaults(func=cmd_build)

    r = sub.add_parser("reports", help="execute the report notebooks into reports/<corpus>/")
    r.add_argument("corpus", type=Path, help="the corpus folder whose store to report on")
    r.add_argument("--store", type=Path, default=None, help="store folder (default data/processed/<corpus name>)")
    r.add_argument("--out", type=Path, default=None, help="reports folder (default reports/<corpus name>)")
    r.add_argument("--force", action="store_true", help="re-execute every report, changed or not")
    r.add_argument("--quiet", action="store_true")
    _scheduler_option(r)
    r.set_defaults(func=cmd_reports)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
