#!/usr/bin/env python3
"""Baseline: people found by underthesea's NER, scored like vngov's.

Runs ``underthesea.ner`` on every article body of a corpus, keeps the PER
entities (B-PER followed by I-PER tokens) as people without roles, writes a
SCHEMA.md JSON Lines export with only ``people`` filled, and prints the
score.py ``people`` line for the baseline next to vngov's rule-based people,
with the articles per second of each.  The model ships with the package;
nothing is downloaded.

usage: scripts/ner_baseline.py [CORPUS] [--gold GOLD] [--out OUT.jsonl]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from vngov.corpus import iter_corpus
from vngov.models import Article
from vngov.people import extract_people

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"


def ner_people(body: str) -> list[str]:
    """PER entities of ``body``, in order, once each (underthesea, sentence by sentence)."""
    from underthesea import ner, sent_tokenize

    found: list[str] = []
    for para in body.split("\n"):
        for sent in sent_tokenize(para) if para.strip() else []:
            current: list[str] = []
            for token, *_, tag in ner(sent) + [("", "O")]:
                if tag == "B-PER" or (tag == "I-PER" and not current):
                    if current:
                        found.append(" ".join(current))
                    current = [token]
                elif tag == "I-PER":
                    current.append(token)
                else:
                    if current:
                        found.append(" ".join(current))
                    current = []
    seen: dict[str, None] = {}
    for name in found:
        name = " ".join(name.split())
        if len(name.split()) >= 2:
            seen.setdefault(name, None)
    return list(seen)


def write(path: Path, records: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def score_line(gold: Path, export: Path) -> str:
    out = subprocess.run([sys.executable, str(SHARED / "score.py"), str(gold), str(export)],
                         capture_output=True, text=True, check=True).stdout
    return next((line for line in out.splitlines() if line.startswith("people")), out.strip())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(SHARED / "dev" / "corpus"))
    ap.add_argument("--gold", default=str(SHARED / "dev" / "gold.jsonl"))
    ap.add_argument("--out", default="/tmp/ner_baseline.jsonl")
    args = ap.parse_args(argv)
    articles = [a for a in iter_corpus(args.corpus) if isinstance(a, Article)]
    if not articles:
        print(f"no articles in {args.corpus}", file=sys.stderr)
        return 1

    ner_people(articles[0].body[:200])  # load the model outside the timing
    t = time.perf_counter()
    base = [{"doc_id": a.doc_id, "published": a.published, "meetings": [], "figures": [],
             "people": [{"name": n, "roles": []} for n in ner_people(a.body)]} for a in articles]
    t_ner = time.perf_counter() - t

    extract_people(articles[0])  # read the lexicons and the gazetteer outside the timing
    t = time.perf_counter()
    ours = [{"doc_id": a.doc_id, "published": a.published, "meetings": [], "figures": [],
             "people": [{"name": p.name, "roles": [r.text for r in p.roles]} for p in extract_people(a)]}
            for a in articles]
    t_ours = time.perf_counter() - t

    out = Path(args.out)
    ours_path = out.with_name(out.stem + ".vngov.jsonl")
    write(out, base)
    write(ours_path, ours)
    n = len(articles)
    print(f"articles: {n}")
    print(f"underthesea.ner  {score_line(Path(args.gold), out)}   {n / t_ner:8.1f} articles/s")
    print(f"vngov.people     {score_line(Path(args.gold), ours_path)}   {n / t_ours:8.1f} articles/s")
    print(f"exports: {out} {ours_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
