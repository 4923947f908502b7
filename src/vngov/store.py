"""The Parquet store: one tidy table per file, built from a corpus folder, read by notebooks.

Layout of a store folder (default ``data/processed/<corpus key>/``, see
:func:`vngov.paths.corpus_key`)::

    articles/part-00000.parquet …  # one folder of Parquet parts per table: articles meetings
    figures/part-00000.parquet …   # people figures quotes directives officials errors target_tracking
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
* **Streamed.**  Files go through one at a time (on ``workers`` processes, or
  on a Dask cluster: :mod:`vngov.parallel`); rows are flushed to a new Parquet
  part per batch, so memory does not grow with the corpus.  DuckDB and pyarrow
  read a table's parts as one table.
* **One corpus, one id per article.**  Ids are made unique and repeated texts
  kept once in corpus order, in this process (:class:`vngov.corpus.Registry`),
  so a local and a distributed build write the same rows.

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
import re
import shutil
import sys
import warnings
from pathlib import Path
from typing import Any, Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from vngov import atomic, deps, paths
from vngov import tables as T
from vngov.corpus import CorpusError, CorpusFile, Registry, read_path, scan
from vngov.parallel import default_workers, pmap

DEFAULT_CORPUS = paths.DEFAULT_CORPUS
CACHE_VERSION = "3"          # bump when the cache entry format changes
_BATCH = 20_000              # rows buffered per table before a Parquet part is written
NOTICES = "notices"          # key of a file's warnings beside its table rows (not a table)


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


def file_key(rel: str, data: bytes, doc_id: str = "") -> str:
    """Cache key of one corpus file: its bytes, its name inside the corpus and its doc_id
    (which the name gives, so a renamed file is parsed again)."""
    return hashlib.sha256(rel.encode() + b"\0" + doc_id.encode() + b"\0" + data).hexdigest()


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
        try:
            atomic.atomic_write(self._path(key), pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # a concurrent build swapped the cache away: only speed is lost
            pass

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


def parse_file(path: str, doc_id: str | None = None) -> dict[str, list[T.Row]]:
    """All table rows of one corpus file; an unreadable file becomes one ``errors`` row.

    Reads with :func:`vngov.corpus.read_path` and extracts with
    :func:`vngov.extract.extract_article` per article (rather than through
    ``extract_paths``) because the tables need each article's path and
    content hash, which an :class:`Extraction` does not carry.  Warnings that
    do not stop an article (a repeated JSONL id) come back under ``"notices"``.
    """
    from vngov.extract import extract_article

    out = T.empty_rows()
    notices: list[str] = []
    try:
        for item in read_path(path, doc_id=doc_id, notices=notices):
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
    except RecursionError:
        _merge(out, T.error_rows(str(path), f"{path}: nested too deeply to read"))
    if notices:
        out[NOTICES] = notices  # type: ignore[assignment]
    return out


def _merge(into: dict[str, list[T.Row]], rows: dict[str, list[T.Row]]) -> None:
    for table, items in rows.items():
        into[table].extend(items)


def _parse(job: tuple[str, str | None, str | None]) -> dict[str, list[T.Row]]:
    """One file in a worker: ``(path, doc_id, problem)``; a file with a problem is one error row."""
    path, doc_id, problem = job
    if problem:
        return _merge_new(T.error_rows(path, f"{path}: {problem}"))
    return parse_file(path) if doc_id is None else parse_file(path, doc_id)


def _merge_new(rows: dict[str, list[T.Row]]) -> dict[str, list[T.Row]]:
    out = T.empty_rows()
    _merge(out, rows)
    return out


def _job(f: CorpusFile) -> tuple[str, str | None, str | None]:
    """What a worker needs of a file; ``None`` for the default doc_id (the file name's stem)."""
    return str(f.path), (None if f.doc_id == f.path.stem else f.doc_id), f.problem


def admit(rows: dict[str, list[T.Row]], registry: Registry) -> tuple[dict[str, list[T.Row]], list[str]]:
    """One file's rows after the corpus-wide checks, and the warnings they raised.

    An article whose text an earlier one already had is dropped (and listed in
    ``errors`` as a duplicate); one whose doc_id an earlier file already used is
    renamed (``id#2``) in every table.  Runs in the building process, in corpus
    order, so every way of building gives the same result.
    """
    notices = list(rows.get(NOTICES, []))
    rename: dict[str, str | None] = {}
    extra_errors: list[T.Row] = []
    for art in rows.get("articles", []):
        new, notice = registry.admit(art["doc_id"], art.get("content_hash") or "", art.get("path") or "")
        if notice:
            notices.append(notice)
        if new != art["doc_id"]:
            rename[art["doc_id"]] = new
            if new is None:
                extra_errors.append({"path": art.get("path"), "message": notice})
    if not rename:
        return {t: v for t, v in rows.items() if t != NOTICES}, notices
    out = T.empty_rows()
    for table, items in rows.items():
        if table == NOTICES:
            continue
        for row in items:
            old = row.get("doc_id")
            if table == "errors" or old not in rename:
                out[table].append(row)
            elif rename[old] is not None:
                out[table].append({**row, "doc_id": rename[old]})
    out["errors"].extend(extra_errors)
    return out, notices


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
    """Table rows to Parquet parts: ``<table>/part-NNNNN.parquet``, one part per ``_BATCH`` rows.

    Parts (rather than one file per table) are what DuckDB, pyarrow and Dask
    read as one table, and what lets a table grow without rewriting it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.buffers: dict[str, list[T.Row]] = T.empty_rows()
        self.counts = dict.fromkeys(T.ARTICLE_TABLES, 0)
        self.parts = dict.fromkeys(T.ARTICLE_TABLES, 0)

    def add(self, rows: dict[str, list[T.Row]]) -> None:
        for table, items in rows.items():
            self.buffers[table].extend(items)
            self.counts[table] += len(items)
            if len(self.buffers[table]) >= _BATCH:
                self._flush(table)

    def _flush(self, table: str) -> None:
        write_part(self.folder, table, pa.Table.from_pylist(self.buffers[table], schema=T.arrow_schema(table)),
                   self.parts[table])
        self.parts[table] += 1
        self.buffers[table] = []

    def close(self) -> None:
        for table in T.ARTICLE_TABLES:
            if self.buffers[table] or not self.parts[table]:  # an empty table still has its columns
                self._flush(table)


def write_part(folder: Path, table: str, data: pa.Table, n: int = 0) -> Path:
    """Write part ``n`` of ``table`` under ``folder``."""
    (folder / table).mkdir(exist_ok=True)
    path = folder / table / f"part-{n:05d}.parquet"
    pq.write_table(data.replace_schema_metadata(None), path)
    return path


def table_parts(folder: Path, table: str) -> list[Path]:
    """The Parquet files of ``table`` in order (a store of an older vngov has one file per table)."""
    parts = sorted((folder / table).glob("part-*.parquet"))
    single = folder / f"{table}.parquet"
    return parts or ([single] if single.is_file() else [])


def read_table(folder: Path, table: str) -> pa.Table:
    """All parts of ``table`` as one Arrow table."""
    tables = [pq.read_table(p) for p in table_parts(folder, table)]
    return pa.concat_tables(tables) if len(tables) > 1 else tables[0]


def _progress(items: Iterable, total: int, enabled: bool, desc: str) -> Iterable:
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="file", file=sys.stderr)


def build(corpus: str | Path, out: str | Path | None = None, workers: int | None = None,
          progress: bool = False, scheduler: str | None = None) -> str:
    """Build (or rebuild) the store of ``corpus``; returns a one-line summary.

    Only files whose content or name changed since the last build (or all of
    them after a code or lexicon change) are parsed; the others come from the
    cache.  The new store replaces the old one only once it is complete.
    ``scheduler`` (``tcp://HOST:PORT``) parses on that Dask cluster instead of
    local processes; the tables are the same row for row.
    """
    corpus = Path(corpus)
    if not corpus.is_dir():
        raise StoreError(f"{corpus}: not a folder (give the folder of .txt/.html/.jsonl articles)")
    out = Path(out) if out else default_store(corpus)
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic.sweep(out.parent, f".{out.name}.building-*")  # debris of killed builds (never a live one's)
    atomic.sweep(out.parent, f".{out.name}.old-*")
    if out.exists() and not _is_store(out):
        raise StoreError(f"{out}: exists and is not a vngov store; refusing to replace it")
    workers = workers if workers is not None else default_workers()

    fp = fingerprint()
    cache = _Cache(out / "cache", fp)
    files = scan(corpus)
    keys = [file_key(f.rel, b"" if f.problem else f.path.read_bytes(), f.doc_id) for f in files]
    cached = {k for k, f in zip(keys, files) if not f.problem and cache.has(k)}
    todo = [f for f, k in zip(files, keys) if k not in cached]

    lock, tmp = atomic.temp_dir(out, "building")
    try:
        writers = _Writers(tmp)
        registry = Registry()
        fresh = pmap(_parse, [_job(f) for f in todo], workers=workers, scheduler=scheduler)
        warned = 0
        for f, key in _progress(zip(files, keys), len(files), progress, f"build {corpus.name}"):
            entry = cache.get(key) if key in cached else None
            if entry is not None:
                rows = _repath(entry["rows"], entry["path"], str(f.path))
            elif key in cached:  # unreadable cache entry: parse here
                rows = _parse(_job(f))
                cache.put(key, {"path": str(f.path), "rows": rows})
            else:
                rows = next(fresh)
                if not f.problem:
                    cache.put(key, {"path": str(f.path), "rows": rows})
            rows, notices = admit(rows, registry)
            for line in notices:
                print(f"warning: {line}", file=sys.stderr)
            warned += len(notices)
            writers.add(rows)
        writers.close()
        counts = dict(writers.counts)
        counts.update(_officials(tmp))
        counts.update(_target_tracking(tmp))
        meta = {"corpus": corpus.resolve().name, "fingerprint": fp, "files": len(files),
                "parsed": len(todo), "from_cache": len(files) - len(todo), "counts": counts,
                "duplicates": registry.duplicates, "renamed": registry.renamed,
                "content_hash": _content_hash(tmp)}
        atomic.atomic_write(tmp / "store.json", json.dumps(meta, indent=1, sort_keys=True) + "\n")
        cache.prune(set(keys))
        try:
            os.replace(cache.root, tmp / "cache")
        except FileNotFoundError:  # first build, or a concurrent build took it: only speed is lost
            pass
        _swap(tmp, out)
        (out / atomic.LOCK).unlink(missing_ok=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        atomic.release(lock)
    return (f"{corpus.name}: {counts['articles']} articles, {counts['meetings']} meetings, "
            f"{counts['people']} people rows, {counts['figures']} figures -> {out} "
            f"({len(todo)} parsed, {len(files) - len(todo)} from cache, {counts['errors']} errors)"
            + (f"; {registry.duplicates} duplicate texts kept once, {registry.renamed} doc_ids renamed"
               if registry.duplicates or registry.renamed else ""))


def _is_store(folder: Path) -> bool:
    """A vngov store, or what a first build killed before its end left (only its cache):
    anything else at ``out`` is someone's folder and is never replaced."""
    if (folder / "store.json").is_file():
        return True
    return all(p.name == "cache" or p.name.startswith(".") for p in folder.iterdir())


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
    people = read_table(folder, "people").to_pandas()
    cols = ["name", "role", "title", "body", "role_locality", "doc_id", "date", "source"]
    try:
        frame = registry(people[cols])
    except Exception as e:  # noqa: BLE001 - the other tables are still worth having
        warnings.warn(f"officials table skipped: registry failed: {type(e).__name__}: {e}", stacklevel=2)
        return {}
    table = pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False)
    write_part(folder, "officials", table)
    return {"officials": table.num_rows}


def _target_tracking(folder: Path) -> dict[str, int]:
    """The ``target_tracking`` table: every target against its result from any article of
    the corpus (:func:`vngov.analysis.target_tracking`), so SQL and reports read one answer."""
    from vngov.analysis import target_tracking

    figures = read_table(folder, "figures").to_pandas(types_mapper={pa.int64(): _pd_int64()}.get)
    table = pa.Table.from_pandas(target_tracking(figures), preserve_index=False)
    write_part(folder, "target_tracking", table)
    return {"target_tracking": table.num_rows}


def _pd_int64():
    import pandas as pd

    return pd.Int64Dtype()


def _content_hash(folder: Path) -> str:
    """Hash of the tables' bytes: what the reports manifest keys on (same rows → same hash)."""
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*.parquet")):
        if "cache" not in p.relative_to(folder).parts:
            h.update(p.relative_to(folder).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:20]


def _swap(new: Path, out: Path) -> None:
    """Put the complete store ``new`` at ``out``; the old one is removed only afterwards."""
    lock, old = atomic.temp_dir(out, "old")
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
        atomic.release(lock)


# --- reading ----------------------------------------------------------------------


def _existing(store_dir: str | Path | None) -> Path:
    folder = resolve(store_dir)
    if not table_parts(folder, "articles"):
        raise StoreError(f"no vngov store at {folder}: run `vngov build CORPUS` (or set VNGOV_STORE)")
    return folder


def table_names(store_dir: str | Path | None = None) -> list[str]:
    """The tables this store holds (``officials`` may be missing; see :func:`build`)."""
    folder = _existing(store_dir)
    names = {p.stem for p in folder.glob("*.parquet")} | {p.parent.name for p in folder.glob("*/part-*.parquet")}
    return sorted(n for n in names if table_parts(folder, n))


def load(store_dir: str | Path | None = None) -> dict[str, "Any"]:
    """Every table as a pandas DataFrame, keyed by table name.

    Integer columns with gaps (offsets, years) come back as nullable
    ``Int64`` so an offset never prints as ``12.0``.
    """
    import pandas as pd

    folder = _existing(store_dir)
    mapper = {pa.int64(): pd.Int64Dtype()}.get
    return {name: read_table(folder, name).to_pandas(types_mapper=mapper) for name in table_names(folder)}


def info(store_dir: str | Path | None = None) -> dict[str, Any]:
    """The store's ``store.json``: counts, content hash, code fingerprint, files parsed."""
    return json.loads((_existing(store_dir) / "store.json").read_text(encoding="utf-8"))


def connect(store_dir: str | Path | None = None):
    """A DuckDB connection with one view per table (``SELECT * FROM figures``), for SQL in notebooks."""
    import duckdb

    folder = _existing(store_dir)
    con = duckdb.connect()
    for name in table_names(folder):
        paths = ", ".join("'" + str(p.resolve()).replace("'", "''") + "'" for p in table_parts(folder, name))
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet([{paths}])")
    return con


def check_evidence(tables: dict[str, Any], table: str, row: int) -> dict[str, Any]:
    """Re-read one row's article from its file (here, at the I/O edge, not in the pure-pandas
    :mod:`vngov.analysis`) and compare the stored evidence with the
    text at its raw offsets in the file now.  ``matches`` False means the file changed
    since the store was built (or an extractor bug): the number cannot be trusted as cited."""
    import unicodedata

    from vngov.corpus import CorpusError, read_path

    item = tables[table].loc[row]
    found = tables["articles"][tables["articles"]["doc_id"] == item["doc_id"]]
    path = str(found["path"].iloc[0]) if len(found) else None
    source_text = None
    if path:
        file = path.rsplit(":", 1)[0] if re.search(r"\.jsonl:\d+$", path) else path
        full = file if file.startswith("/") else str(project_root() / file)
        try:
            for art in read_path(full, doc_id=None if file != path else item["doc_id"]):
                if not isinstance(art, CorpusError) and art.doc_id == item["doc_id"]:
                    raw = art.raw[int(item["raw_start"]):int(item["raw_end"])]
                    source_text = unicodedata.normalize("NFC", raw)
                    break
        except (OSError, CorpusError):
            source_text = None
    return {"doc_id": item["doc_id"], "path": path, "raw_start": item["raw_start"], "raw_end": item["raw_end"],
            "evidence": item["evidence"], "text_at_offsets": source_text, "matches": source_text == item["evidence"]}
