"""The Parquet store: one tidy table per file, built from a corpus folder, read by notebooks.

Layout of a store folder (default ``data/processed/<corpus key>/``, see
:func:`vngov.paths.corpus_key`)::

    articles.parquet meetings.parquet people.parquet figures.parquet
    quotes.parquet directives.parquet officials.parquet errors.parquet
    target_tracking.parquet
    store.json            # counts, the content hash reports key on, the code fingerprint
    cache/<fingerprint>/  # one pickle of table rows per corpus file, keyed by its content

Why it is built this way:

* **Atomic.**  Tables are written into a hidden sibling folder and swapped in
  with renames once everything is written, so a build that fails (or is
  interrupted) leaves the previous store exactly as it was.
* **Cached.**  A file whose bytes (and place in the corpus) have not changed,
  read by the same vngov code and lexicons, is not parsed again: its rows come
  from the cache.  The cache folder is named by a fingerprint of the source and
  lexicon files extraction reads, so editing a rule invalidates it wholesale
  and editing a chart does not.
* **Streamed.**  Files go through one at a time (on ``workers`` processes);
  rows are flushed to Parquet in batches, so memory does not grow with the corpus.

Reading: :func:`load` gives ``dict[str, pandas.DataFrame]`` (table name →
frame); :func:`connect` gives a DuckDB connection with one view per table.
Both find the store from their argument, else ``$VNGOV_STORE``, else
``data/processed/sample`` (searched from the working folder upwards, so a
notebook opened in ``notebooks/`` finds it too).
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import sys
import tempfile
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from vngov import deps, paths
from vngov import tables as T
from vngov.corpus import CorpusError, corpus_files, read_path

DEFAULT_CORPUS = paths.DEFAULT_CORPUS
CACHE_VERSION = "1"          # bump when the cache entry format changes
_BATCH = 20_000              # rows buffered per table before a Parquet row group is written


class StoreError(RuntimeError):
    """A store that cannot be built or read; the message says what to do."""


# --- where things are --------------------------------------------------------------


project_root = paths.project_root
default_store = paths.default_store


def resolve(store_dir: str | Path | None = None) -> Path:
    """The store folder: the argument, else ``$VNGOV_STORE``, else ``data/processed/sample``."""
    if store_dir:
        return Path(store_dir)
    env = os.environ.get("VNGOV_STORE")
    if env:
        return Path(env)
    return paths.sample_store()


# --- fingerprints ------------------------------------------------------------------


#: The modules whose code decides a corpus file's rows: reading, extraction, the row
#: builder and the gazetteer.  Reports, charts and analysis are not among them.
EXTRACTION_ROOTS = ("vngov.corpus", "vngov.extract", "vngov.tables", "vngov.localities")


def fingerprint() -> str:
    """A hash of the code and lexicons extraction reads (:data:`EXTRACTION_ROOTS` and what they
    import, found by :mod:`vngov.deps`), and of ``$VNGOV_LEXICON_DIR``'s overrides of them.

    Cached rows are only valid for the code that made them; an edit to a rule changes this
    value, an edit to a chart helper does not (it cannot change a row).
    """
    return deps.code_hash(EXTRACTION_ROOTS, salt=CACHE_VERSION)


def file_key(rel: str, data: bytes) -> str:
    """Cache key of one corpus file: its bytes and its name inside the corpus (the name
    gives the doc_id, so a renamed file is parsed again)."""
    return hashlib.sha256(rel.encode() + b"\0" + data).hexdigest()


# --- the cache ---------------------------------------------------------------------


class _Cache:
    """Rows of already-parsed files: ``<root>/<fingerprint>/<key[:2]>/<key>.pkl``.

    Entries are written atomically and are content-addressed, so writing them
    into the live store folder during a build never disturbs its tables.
    """

    def __init__(self, root: Path, fp: str) -> None:
        self.root = root
        self.dir = root / fp

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pkl"

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            with self._path(key).open("rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
            return None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        paths.atomic_write(self._path(key), pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self, keep: set[str]) -> None:
        """Drop other fingerprints' folders and entries no file of this corpus uses."""
        if not self.root.is_dir():
            return
        for d in self.root.iterdir():
            if d != self.dir:
                shutil.rmtree(d, ignore_errors=True)
        if self.dir.is_dir():
            for p in self.dir.glob("*/*"):
                if p.stem not in keep:
                    p.unlink(missing_ok=True)


# --- parsing (runs in worker processes) ---------------------------------------------


def parse_file(path: str) -> dict[str, list[T.Row]]:
    """All table rows of one corpus file; an unreadable file becomes one ``errors`` row.

    Reads with :func:`vngov.corpus.read_path` and extracts with
    :func:`vngov.extract.extract_article` per article (rather than through
    ``extract_paths``) because the tables need each article's path and
    content hash, which an :class:`Extraction` does not carry.
    """
    from vngov.extract import extract_article

    out = T.empty_rows()
    try:
        for item in read_path(path):
            if isinstance(item, CorpusError):
                _merge(out, T.error_rows(item.path, str(item)))
                continue
            try:
                x = extract_article(item)
            except Exception as e:  # noqa: BLE001 - one article's bug is an error row, not a failed build
                _merge(out, T.error_rows(item.path, f"{item.path}: extraction failed: {type(e).__name__}: {e}"))
                continue
            _merge(out, T.article_rows(item, x, T.gazetteer))
    except CorpusError as e:
        _merge(out, T.error_rows(e.path, str(e)))
    except OSError as e:
        _merge(out, T.error_rows(str(path), f"{path}: cannot read: {e.strerror or e}"))
    return out


def _merge(into: dict[str, list[T.Row]], rows: dict[str, list[T.Row]]) -> None:
    for table, items in rows.items():
        into[table].extend(items)


def _parsed(paths: list[str], workers: int) -> Iterator[dict[str, list[T.Row]]]:
    """Rows of ``paths`` in order, on ``workers`` processes when there are enough files."""
    if workers <= 1 or len(paths) < 16:
        yield from map(parse_file, paths)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(parse_file, paths, chunksize=8)


def _repath(rows: dict[str, list[T.Row]], old: str, new: str) -> dict[str, list[T.Row]]:
    """Cached rows of a file read from another corpus path: point them at the new one."""
    if old == new:
        return rows
    for table, keys in (("articles", ("path",)), ("errors", ("path", "message"))):
        for row in rows.get(table, []):
            for k in keys:
                if isinstance(row.get(k), str):
                    row[k] = row[k].replace(old, new)
    return rows


# --- writing ----------------------------------------------------------------------


class _Writers:
    """One streaming Parquet writer per table, flushing every ``_BATCH`` rows."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.buffers: dict[str, list[T.Row]] = T.empty_rows()
        self.counts = dict.fromkeys(T.ARTICLE_TABLES, 0)
        self.writers = {t: pq.ParquetWriter(folder / f"{t}.parquet", T.arrow_schema(t)) for t in T.ARTICLE_TABLES}

    def add(self, rows: dict[str, list[T.Row]]) -> None:
        for table, items in rows.items():
            self.buffers[table].extend(items)
            self.counts[table] += len(items)
            if len(self.buffers[table]) >= _BATCH:
                self._flush(table)

    def _flush(self, table: str) -> None:
        if self.buffers[table]:
            self.writers[table].write_table(pa.Table.from_pylist(self.buffers[table], schema=T.arrow_schema(table)))
            self.buffers[table] = []

    def close(self) -> None:
        for table, writer in self.writers.items():
            self._flush(table)
            writer.close()


def _progress(items: Iterable, total: int, enabled: bool, desc: str) -> Iterable:
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="file", file=sys.stderr)


def build(corpus: str | Path, out: str | Path | None = None, workers: int | None = None,
          progress: bool = False) -> str:
    """Build (or rebuild) the store of ``corpus``; returns a one-line summary.

    Only files whose content or name changed since the last build (or all of
    them after a code or lexicon change) are parsed; the others come from the
    cache.  The new store replaces the old one only once it is complete.
    """
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise StoreError(f"{corpus}: not a folder (give the folder of .txt/.html/.jsonl articles)")
    out = Path(out) if out else default_store(corpus)
    if out.exists() and any(out.iterdir()) and not (out / "store.json").is_file():
        raise StoreError(f"{out}: exists and is not a vngov store; refusing to replace it")
    workers = workers if workers is not None else min(os.cpu_count() or 1, 2)

    fp = fingerprint()
    cache = _Cache(out / "cache", fp)
    files = corpus_files(corpus)
    keys: list[str] = []
    for p in files:
        keys.append(file_key(p.relative_to(corpus).as_posix(), p.read_bytes()))
    cached = {k for k in keys if cache.has(k)}
    todo = [str(p) for p, k in zip(files, keys) if k not in cached]

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; the store is an ordinary shared folder
    try:
        writers = _Writers(tmp)
        fresh = _parsed(todo, workers)
        for p, key in _progress(zip(files, keys), len(files), progress, f"build {corpus.name}"):
            entry = cache.get(key) if key in cached else None
            if entry is not None:
                rows = _repath(entry["rows"], entry["path"], str(p))
            elif key in cached:  # unreadable cache entry: parse here
                rows = parse_file(str(p))
                cache.put(key, {"path": str(p), "rows": rows})
            else:
                rows = next(fresh)
                cache.put(key, {"path": str(p), "rows": rows})
            writers.add(rows)
        writers.close()
        counts = dict(writers.counts)
        counts.update(_officials(tmp))
        counts.update(_target_tracking(tmp))
        meta = {"corpus": corpus.resolve().name, "fingerprint": fp, "files": len(files),
                "parsed": len(todo), "from_cache": len(files) - len(todo), "counts": counts,
                "content_hash": _content_hash(tmp)}
        paths.atomic_write(tmp / "store.json", json.dumps(meta, indent=1, sort_keys=True) + "\n")
        cache.prune(set(keys))
        try:
            os.replace(cache.root, tmp / "cache")
        except FileNotFoundError:  # first build, or a concurrent build took it: only speed is lost
            pass
        _swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return (f"{corpus.name}: {counts['articles']} articles, {counts['meetings']} meetings, "
            f"{counts['people']} people rows, {counts['figures']} figures -> {out} "
            f"({len(todo)} parsed, {len(files) - len(todo)} from cache, {counts['errors']} errors)")


def _officials(folder: Path) -> dict[str, int]:
    """The officials table, from ``vngov.officials.registry(people)`` when that module exists.

    Another helper writes the registry; until it is importable (or if it
    fails) the store is built without this table and says so in a warning.
    """
    try:
        from vngov.officials import registry
    except ImportError as e:
        warnings.warn(f"officials table skipped: vngov.officials.registry not available ({e})", stacklevel=2)
        return {}
    people = pq.read_table(folder / "people.parquet").to_pandas()
    cols = ["name", "role", "title", "body", "role_locality", "doc_id", "date", "source"]
    try:
        frame = registry(people[cols])
    except Exception as e:  # noqa: BLE001 - the other tables are still worth having
        warnings.warn(f"officials table skipped: registry failed: {type(e).__name__}: {e}", stacklevel=2)
        return {}
    table = pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False)
    pq.write_table(table.replace_schema_metadata(None), folder / "officials.parquet")
    return {"officials": table.num_rows}


def _target_tracking(folder: Path) -> dict[str, int]:
    """The ``target_tracking`` table: every target against its result from any article of
    the corpus (:func:`vngov.analysis.target_tracking`), so SQL and reports read one answer."""
    from vngov.analysis import target_tracking

    figures = pq.read_table(folder / "figures.parquet").to_pandas(types_mapper={pa.int64(): _pd_int64()}.get)
    table = pa.Table.from_pandas(target_tracking(figures), preserve_index=False)
    pq.write_table(table.replace_schema_metadata(None), folder / "target_tracking.parquet")
    return {"target_tracking": table.num_rows}


def _pd_int64():
    import pandas as pd

    return pd.Int64Dtype()


def _content_hash(folder: Path) -> str:
    """Hash of the tables' bytes: what the reports manifest keys on (same rows → same hash)."""
    h = hashlib.sha256()
    for p in sorted(folder.glob("*.parquet")):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:20]


def _swap(new: Path, out: Path) -> None:
    """Put the complete store ``new`` at ``out``; the old one is removed only afterwards."""
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    try:
        try:
            os.replace(out, old / out.name)
        except FileNotFoundError:
            pass  # no previous store
        try:
            os.replace(new, out)
        except OSError:
            if (old / out.name).exists() and not out.exists():
                os.replace(old / out.name, out)  # put the previous store back
            raise
    finally:
        shutil.rmtree(old, ignore_errors=True)


# --- reading ----------------------------------------------------------------------


def _existing(store_dir: str | Path | None) -> Path:
    folder = resolve(store_dir)
    if not (folder / "articles.parquet").is_file():
        raise StoreError(f"no vngov store at {folder}: run `vngov build CORPUS` (or set VNGOV_STORE)")
    return folder


def table_names(store_dir: str | Path | None = None) -> list[str]:
    """The tables this store holds (``officials`` may be missing; see :func:`build`)."""
    return sorted(p.stem for p in _existing(store_dir).glob("*.parquet"))


def load(store_dir: str | Path | None = None) -> dict[str, "Any"]:
    """Every table as a pandas DataFrame, keyed by table name.

    Integer columns with gaps (offsets, years) come back as nullable
    ``Int64`` so an offset never prints as ``12.0``.
    """
    import pandas as pd

    folder = _existing(store_dir)
    mapper = {pa.int64(): pd.Int64Dtype()}.get
    return {name: pq.read_table(folder / f"{name}.parquet").to_pandas(types_mapper=mapper)
            for name in table_names(folder)}


def info(store_dir: str | Path | None = None) -> dict[str, Any]:
    """The store's ``store.json``: counts, content hash, code fingerprint, files parsed."""
    return json.loads((_existing(store_dir) / "store.json").read_text(encoding="utf-8"))


def connect(store_dir: str | Path | None = None):
    """A DuckDB connection with one view per table (``SELECT * FROM figures``), for SQL in notebooks."""
    import duckdb

    folder = _existing(store_dir)
    con = duckdb.connect()
    for name in table_names(folder):
        path = str((folder / f"{name}.parquet").resolve()).replace("'", "''")
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{path}')")
    return con
