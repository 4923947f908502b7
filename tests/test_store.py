"""The Parquet store: build, cache, atomic replacement, load/connect, store location."""
from __future__ import annotations

import json
import shutil
import sys
import types
from pathlib import Path

import pandas as pd
import pytest

from vngov import store, tables as T

ARTICLE = ("Sáng {d}/3, Ban Thường vụ Huyện ủy Can Lộc tổ chức hội nghị. Bí thư Huyện ủy Nguyễn Văn An chủ trì. "
           "Tổng thu ngân sách trên địa bàn đạt {n} tỷ đồng, đạt 105% kế hoạch.\n")


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "mycorpus"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(ARTICLE.format(d=i + 1, n=100 + i), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    return folder


def _summary_counts(summary: str) -> tuple[int, int, int]:
    import re

    m = re.search(r"\((\d+) parsed, (\d+) from cache, (\d+) errors\)", summary)
    assert m, summary
    return tuple(int(g) for g in m.groups())


def test_build_writes_every_table_and_error_rows(corpus, tmp_path):
    out = tmp_path / "store"
    summary = store.build(corpus, out=out, workers=1)
    assert _summary_counts(summary) == (5, 0, 2)
    for table in T.ARTICLE_TABLES:
        assert store.table_parts(out, table), table
    tables = store.load(out)
    assert sorted(tables["articles"]["doc_id"]) == ["a0", "a1", "a2"]
    errors = tables["errors"]
    assert sorted(Path(p).name for p in errors["path"]) == ["binary.txt", "empty.txt"]
    assert errors["message"].str.contains("empty file").any()
    meta = json.loads((out / "store.json").read_text())
    assert meta["counts"]["articles"] == 3 and meta["parsed"] == 5


def test_unchanged_corpus_comes_from_cache_and_a_changed_file_is_reparsed(corpus, tmp_path):
    out = tmp_path / "store"
    store.build(corpus, out=out, workers=1)
    first = store.info(out)["content_hash"]
    summary = store.build(corpus, out=out, workers=1)
    assert _summary_counts(summary) == (0, 5, 2)
    assert store.info(out)["content_hash"] == first  # cached rows write the same tables
    (corpus / "a1.txt").write_text(ARTICLE.format(d=2, n=999), encoding="utf-8")
    assert _summary_counts(store.build(corpus, out=out, workers=1)) == (1, 4, 2)
    assert store.info(out)["content_hash"] != first


def test_code_or_lexicon_change_invalidates_the_cache(corpus, tmp_path, monkeypatch):
    out = tmp_path / "store"
    store.build(corpus, out=out, workers=1)
    monkeypatch.setattr(store, "fingerprint", lambda: "another-code-version")
    assert _summary_counts(store.build(corpus, out=out, workers=1)) == (5, 0, 2)
    assert [d.name for d in (out / "cache").iterdir()] == ["another-code-version"]  # old entries pruned


def test_fingerprint_follows_lexicon_override(tmp_path, monkeypatch):
    before = store.fingerprint()
    (tmp_path / "units.toml").write_text("# a user's extra units\n", encoding="utf-8")
    monkeypatch.setenv("VNGOV_LEXICON_DIR", str(tmp_path))
    assert store.fingerprint() != before


def test_cached_rows_follow_the_corpus_to_a_new_folder(corpus, tmp_path):
    out = tmp_path / "store"
    store.build(corpus, out=out, workers=1)
    moved = tmp_path / "elsewhere" / "mycorpus"
    shutil.copytree(corpus, moved)
    assert _summary_counts(store.build(moved, out=out, workers=1)) == (0, 5, 2)
    tables = store.load(out)
    assert all(p.startswith(str(moved)) for p in tables["articles"]["path"])
    assert all(str(moved) in m for m in tables["errors"]["message"])


def test_failed_build_leaves_previous_store_intact(corpus, tmp_path, monkeypatch):
    out = tmp_path / "store"
    store.build(corpus, out=out, workers=1)
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.glob("*/part-*.parquet")}
    (corpus / "a0.txt").write_text(ARTICLE.format(d=9, n=1), encoding="utf-8")

    def boom(folder):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_content_hash", boom)
    with pytest.raises(RuntimeError, match="disk full"):
        store.build(corpus, out=out, workers=1)
    assert {p.relative_to(out).as_posix(): p.read_bytes() for p in out.glob("*/part-*.parquet")} == before
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name]


def test_refuses_to_replace_a_folder_that_is_not_a_store(corpus, tmp_path):
    precious = tmp_path / "thesis"
    precious.mkdir()
    (precious / "chapter1.tex").write_text("x")
    with pytest.raises(store.StoreError, match="not a vngov store"):
        store.build(corpus, out=precious, workers=1)
    assert (precious / "chapter1.tex").exists()
    with pytest.raises(store.StoreError, match="not a folder"):
        store.build(tmp_path / "missing", out=tmp_path / "s2")


def test_two_workers_build_the_same_store_as_one(sample_dir, tmp_path):
    store.build(sample_dir, out=tmp_path / "one", workers=1)
    store.build(sample_dir, out=tmp_path / "two", workers=2)  # data/sample has >= 16 files: a real pool
    assert store.info(tmp_path / "two")["content_hash"] == store.info(tmp_path / "one")["content_hash"]


def test_officials_table_from_registry_or_skipped_with_a_warning(corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "vngov.officials", None)  # import fails
    with pytest.warns(UserWarning, match="officials table skipped"):
        store.build(corpus, out=tmp_path / "s1", workers=1)
    assert "officials" not in store.load(tmp_path / "s1")

    fake = types.ModuleType("vngov.officials")
    seen = {}

    def registry(people: pd.DataFrame) -> pd.DataFrame:
        seen["columns"] = list(people.columns)
        return people.groupby("name", as_index=False).agg(n=("doc_id", "nunique"))

    fake.registry = registry
    monkeypatch.setitem(sys.modules, "vngov.officials", fake)
    store.build(corpus, out=tmp_path / "s2", workers=1)
    assert seen["columns"] == ["name", "role", "title", "body", "role_locality", "doc_id", "date", "source"]
    officials = store.load(tmp_path / "s2")["officials"]
    assert list(officials.columns) == ["name", "n"]


def test_load_and_connect_agree(sample_store):
    tables = store.load(sample_store)
    con = store.connect(sample_store)
    for name, frame in tables.items():
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == len(frame), name
    assert tables["meetings"]["start"].dtype == pd.Int64Dtype()
    assert set(T.ARTICLE_TABLES) <= set(tables)


def test_store_location_argument_then_env_then_default(tmp_path, monkeypatch):
    (tmp_path / "proj" / "data" / "processed").mkdir(parents=True)
    (tmp_path / "proj" / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "proj" / "notebooks")
    monkeypatch.delenv("VNGOV_STORE", raising=False)
    assert store.resolve() == (tmp_path / "proj" / "data" / "processed" / "sample").resolve()
    monkeypatch.setenv("VNGOV_STORE", "/somewhere/else")
    assert store.resolve() == Path("/somewhere/else")
    assert store.resolve(tmp_path / "given") == tmp_path / "given"
    with pytest.raises(store.StoreError, match="vngov build"):
        store.load(tmp_path / "given")


def test_default_store_is_named_after_the_corpus_folder_and_its_place(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("")
    monkeypatch.chdir(tmp_path)
    a, b = store.default_store("some/where/corpus/"), store.default_store("else/where/corpus")
    assert a.parent == tmp_path.resolve() / "data" / "processed"
    assert a.name.startswith("corpus-") and b.name.startswith("corpus-") and a != b  # two "corpus" folders
    assert store.default_store("some/where/corpus") == a
    assert store.default_store("data/sample") == tmp_path.resolve() / "data" / "processed" / "sample"


def test_fingerprint_covers_what_extraction_reads_only(monkeypatch):
    from vngov import deps

    reached = deps.modules_reached(store.EXTRACTION_ROOTS)
    read = {p.name for p in reached}
    assert {"units.py", "localities.py", "corpus.py", "tables.py"} <= read
    assert {"figures/describe.py", "metrics/indicators.py", "offices/around.py"} <= {
        f"{p.parent.name}/{p.name}" for p in reached}       # packages are followed into their step modules
    assert not read & {"analysis.py", "reports.py", "charts.py", "display.py", "cli.py"}
    lexicons = {p.name for p in deps.lexicons_read(deps.modules_reached(store.EXTRACTION_ROOTS))}
    assert {"units.toml", "metrics.toml", "indicators.toml", "chrome.toml"} <= lexicons and "themes.toml" not in lexicons


def test_failed_swap_puts_the_previous_store_back(corpus, tmp_path, monkeypatch):
    out = tmp_path / "store"
    store.build(corpus, out=out, workers=1)
    before = store.info(out)
    real_replace = store.os.replace

    def replace(src, dst):
        if Path(dst) == out and ".building-" in str(src):
            raise OSError("rename failed")
        return real_replace(src, dst)

    monkeypatch.setattr(store.os, "replace", replace)
    (corpus / "a2.txt").write_text(ARTICLE.format(d=5, n=5), encoding="utf-8")
    with pytest.raises(OSError, match="rename failed"):
        store.build(corpus, out=out, workers=1)
    monkeypatch.undo()
    assert store.info(out) == before


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path):
    from vngov import paths

    target = tmp_path / "page.html"
    paths.atomic_write(target, "old")
    with pytest.raises(RuntimeError):
        with paths.atomic_open(target) as fh:
            fh.write("half of the new")
            raise RuntimeError("interrupted")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["page.html"]
    paths.atomic_write(target, b"new")
    assert target.read_bytes() == b"new" and oct(target.stat().st_mode & 0o777) == "0o644"
