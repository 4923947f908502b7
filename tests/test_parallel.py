"""The one parallel map: local processes, and a Dask cluster on loopback writing the same store."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from vngov import parallel, store
from vngov.extract import extract_corpus


def _square(x: int) -> int:
    return x * x


def _fails_on_three(x: int) -> int:
    if x == 3:
        raise ValueError("three")
    return x


def test_pmap_keeps_input_order_on_processes():
    assert list(parallel.pmap(_square, range(100), workers=2, chunk=3)) == [x * x for x in range(100)]


def test_pmap_unordered_reports_each_error_and_runs_the_rest():
    got = sorted(parallel.pmap_unordered(_fails_on_three, [(i,) for i in range(6)], workers=2),
                 key=lambda r: r[0])
    assert [(i, r) for i, r, e in got if e is None] == [(0, 0), (1, 1), (2, 2), (4, 4), (5, 5)]
    assert [(i, str(e)) for i, r, e in got if e is not None] == [(3, "three")]


def test_an_unreachable_scheduler_is_a_named_error(monkeypatch):
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(parallel.ParallelError, match="tcp://127.0.0.1:9"):
        list(parallel.pmap(_square, range(3), scheduler="tcp://127.0.0.1:9"))


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp",
                                  host="127.0.0.1", dashboard_address=None) as c:
        yield c.scheduler_address


@pytest.fixture()
def mixed_corpus(tmp_path, sample_dir) -> Path:
    """The sample corpus, in two sub-folders, with a duplicate, a repeated id and a bad line."""
    folder = tmp_path / "mixed"
    shutil.copytree(sample_dir, folder / "2023")
    shutil.copytree(sample_dir, folder / "2024", ignore=shutil.ignore_patterns("*.jsonl", "*.html"))
    first = sorted((folder / "2023").glob("*.txt"))[0]
    (folder / first.name).write_text(first.read_text(encoding="utf-8") + "\nThêm một câu.", encoding="utf-8")
    (folder / "feed.jsonl").write_text(json.dumps({"id": first.stem, "text": "Thu ngân sách đạt 5 tỷ đồng."},
                                                  ensure_ascii=False) + "\n{bad\n", encoding="utf-8")
    return folder


def test_a_dask_build_writes_the_same_tables_as_a_local_build(cluster, mixed_corpus, tmp_path):
    local, remote = tmp_path / "local", tmp_path / "remote"
    store.build(mixed_corpus, out=local, workers=1)
    from vngov.cli import main

    assert main(["build", str(mixed_corpus), "--out", str(remote), "--scheduler", cluster, "--quiet"]) == 0
    a, b = store.load(local), store.load(remote)
    assert sorted(a) == sorted(b)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)
    assert store.info(local)["content_hash"] == store.info(remote)["content_hash"]
    assert store.info(remote)["duplicates"] > 0 and store.info(remote)["renamed"] > 0
    assert len(a["articles"]) > 20 and a["articles"]["doc_id"].is_unique


def test_a_dask_extract_exports_the_same_records(cluster, sample_dir):
    local = [getattr(x, "doc_id", x) for x in extract_corpus(sample_dir, workers=1)]
    remote = [getattr(x, "doc_id", x) for x in extract_corpus(sample_dir, scheduler=cluster)]
    assert local == remote and len(local) > 20


def test_duckdb_reads_a_tables_parts_as_one_table(tmp_path, sample_dir, monkeypatch):
    monkeypatch.setattr(store, "_BATCH", 5)  # many small parts
    out = tmp_path / "store"
    store.build(sample_dir, out=out, workers=1)
    parts = store.table_parts(out, "figures")
    assert len(parts) > 3
    con = store.connect(out)
    assert con.execute("select count(*) from figures").fetchone()[0] == len(store.load(out)["figures"])


def test_pmap_unordered_on_the_cluster_reports_each_error(cluster):
    got = sorted(parallel.pmap_unordered(_fails_on_three, [(i,) for i in range(6)], scheduler=cluster),
                 key=lambda r: r[0])
    assert [(i, r, str(e) if e else None) for i, r, e in got] == [
        (0, 0, None), (1, 1, None), (2, 2, None), (3, None, "three"), (4, 4, None), (5, 5, None)]
