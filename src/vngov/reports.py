"""Executing the report notebooks: one per locality and one per period, HTML beside each.

``run_reports("data/sample")`` reads the store of that corpus, plans one
``notebooks/locality_report.ipynb`` run per locality and one
``notebooks/period_report.ipynb`` run per period (years, and the halves and
quarters articles report on), executes them with papermill (two at a time) into
``reports/<corpus key>/locality/<slug>.ipynb`` and ``…/period/<period>.ipynb``,
exports each to HTML without code, and writes ``reports/<corpus key>/index.html``.

Why the details are as they are:

* The store is passed to the kernel through ``$VNGOV_STORE``, never as a
  parameter: the executed notebooks then hold no path, and nbval can
  re-execute the committed ones against any store (see ``tests/nbval_run.py``).
* Papermill's timings and paths are stripped from the saved notebooks, so
  re-running an unchanged report writes the same bytes (clean diffs for the
  committed baselines).
* ``manifest.json`` records, per report, a key (:func:`job_key`) made of a hash of
  the report's slice of the store, the notebook, the parameters, and every vngov
  module and lexicon file the notebook reads (:func:`code_fingerprint`, found by
  :mod:`vngov.deps`); a report whose key has not changed is not executed again.
* Kernels talk over ``ipc`` (Unix sockets named after their connection file), not
  TCP: two parallel kernels can never race for the same port.
* A report that fails keeps the previous good page; the failed notebook is kept
  beside it as ``<name>.failed.ipynb`` and the error names the failing cell.
"""
from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import re
import shutil
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vngov import deps, paths
from vngov import store as vstore
from vngov.parallel import pmap_unordered

if TYPE_CHECKING:  # pandas loads only when a report has to be planned or run
    from vngov import analysis

KERNEL = "python3"
WORKERS = 2
#: Seconds one cell of a report may run (nbclient's per-cell timeout; the slowest sample
#: cell takes about a second).  A report stuck on one cell fails instead of hanging the run.
CELL_TIMEOUT = 120
#: Seconds a kernel may take to start.
STARTUP_TIMEOUT = 60
#: Seconds a whole report may run (a sample report takes about 5): many slow cells, each under
#: CELL_TIMEOUT, cannot hold the run up either.
REPORT_TIMEOUT = 600
_MANIFEST = "manifest.json"
# papermill metadata that changes on every run or names this machine's folders
_VOLATILE_NB = ("start_time", "end_time", "duration", "input_path", "output_path", "environment_variables")


@dataclass(frozen=True)
class Job:
    """One report to execute: which notebook, with which parameters, into which file."""

    kind: str                       # "locality" | "period"
    name: str                       # the locality or the period
    notebook: Path
    output: Path                    # .ipynb; the .html sits beside it
    parameters: dict[str, Any] = field(default_factory=dict)

    @property
    def html(self) -> Path:
        return self.output.with_suffix(".html")


# --- where things are --------------------------------------------------------------

notebooks_dir = paths.notebooks_dir


def default_out(corpus: str | Path) -> Path:
    """``reports/<corpus key>``: named like the store (:func:`vngov.paths.corpus_key`), so two
    corpora with the same folder name never overwrite each other's reports."""
    return paths.default_reports(corpus)


# --- planning ---------------------------------------------------------------------


def plan(tables: analysis.Tables, out: Path, notebooks: Path | None = None) -> list[Job]:
    """The reports the store calls for: every locality (:func:`vngov.analysis.report_localities`)
    and every year (:func:`vngov.analysis.report_periods`), in a fixed order."""
    from vngov import analysis

    nb = notebooks or notebooks_dir()
    jobs: list[Job] = []
    used: set[str] = set()
    for loc in analysis.report_localities(tables):
        name = _unique(analysis.slug(loc), used)
        jobs.append(Job("locality", loc, nb / "locality_report.ipynb", out / "locality" / f"{name}.ipynb",
                        {"locality": loc}))
    for period in analysis.report_periods(tables):
        file = period.replace("/", "-")  # a span "2020/2024" is one file, not a folder
        jobs.append(Job("period", period, nb / "period_report.ipynb", out / "period" / f"{file}.ipynb",
                        {"period": period}))
    return jobs


def _unique(name: str, used: set[str]) -> str:
    """Two places whose names differ only in diacritics must not share a file."""
    candidate, n = name, 2
    while candidate in used:
        candidate, n = f"{name}-{n}", n + 1
    used.add(candidate)
    return candidate


def code_fingerprint(notebook: Path | None = None) -> str:
    """A hash of every vngov module and lexicon file ``notebook`` reads: the modules its
    code cells import and, transitively, theirs (:mod:`vngov.deps`).  A change to a chart
    helper, a metric label or a display unit in ``units.toml`` re-runs the reports."""
    roots = deps.notebook_roots(notebook) if notebook else ["vngov.analysis", "vngov.reports"]
    return deps.code_hash(roots)


def _row_hashes(tables: analysis.Tables) -> dict[str, Any]:
    """One hash per row of every table, computed once per run (:func:`slice_hash` picks rows)."""
    import pandas as pd

    return {name: pd.util.hash_pandas_object(frame, index=False) for name, frame in tables.items()}


def slice_hash(tables: analysis.Tables, job: Job, rows: dict[str, Any] | None = None) -> str:
    """A hash of the rows one report shows: its selection, its targets and officials, and the
    articles those rows cite.  A new article about another place leaves this report's key
    (and page) alone."""
    from vngov import analysis

    rows = rows if rows is not None else _row_hashes(tables)
    if job.kind == "locality":
        sel = dict(analysis.select_locality(tables, job.name))
        sel["target_tracking"] = analysis.tracking_for(analysis.tracking(tables), job.name)
        officials = tables.get("officials")
        if officials is not None and "locality" in officials:
            sel["officials"] = officials[officials["locality"] == job.name]
    else:
        sel = dict(analysis.select_period(tables, job.name))
        sel["target_tracking"] = analysis.tracking_for(analysis.tracking(tables), period=job.name)
    cited = set(sel["articles"]["doc_id"])
    for col in ("target_doc", "result_doc", "progress_doc"):
        if col in sel["target_tracking"]:
            cited |= set(sel["target_tracking"][col].dropna())
    arts = tables["articles"]
    sel["articles"] = arts[arts["doc_id"].isin(cited)]
    h = hashlib.sha256()
    for name in sorted(sel):
        picked = rows[name].loc[sel[name].index] if name in rows else None
        h.update(name.encode() + b"\0")
        if picked is not None:
            h.update(picked.values.tobytes())
    return h.hexdigest()[:20]


def job_key(job: Job, slice_key: str, code: str) -> str:
    """What a report's output depends on: its data, the notebook, its parameters, the code."""
    blob = json.dumps({"slice": slice_key, "notebook": _sha(job.notebook.read_bytes()),
                       "parameters": job.parameters, "code": code}, sort_keys=True, ensure_ascii=False)
    return _sha(blob.encode())


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:20]


def _read_manifest(out: Path) -> dict[str, str]:
    try:
        return json.loads((out / _MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_atomic(path: Path, text: str) -> None:
    paths.atomic_write(path, text)


# --- running ----------------------------------------------------------------------


def run_reports(corpus: str | Path, store_dir: str | Path | None = None, out: str | Path | None = None,
                progress: bool = False, workers: int = WORKERS, force: bool = False,
                scheduler: str | None = None) -> list[str]:
    """Execute every report the store of ``corpus`` calls for; returns the failures (empty = all fine).

    Reports whose inputs are unchanged since their last run are skipped
    (``force`` runs them anyway); reports of localities or years no longer in
    the store are deleted, so the folder always mirrors the store.
    """
    store_dir = Path(store_dir) if store_dir else vstore.default_store(corpus)
    out = Path(out) if out else default_out(corpus)
    try:
        meta = vstore.info(store_dir)
    except (vstore.StoreError, OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return [str(e)]
    manifest = _read_manifest(out)
    inputs = _inputs_key(meta)
    if not force and _all_current(manifest, inputs, out):
        if progress:
            print(f"{len(manifest) - 1} reports in {out}: store, notebooks and code unchanged", file=sys.stderr)
        return []
    tables = vstore.load(store_dir)
    jobs = plan(tables, out)
    codes = {nb: code_fingerprint(nb) for nb in {j.notebook for j in jobs}}
    rows = _row_hashes(tables)
    keys = {_rel(j.output, out): job_key(j, slice_hash(tables, j, rows), codes[j.notebook]) for j in jobs}
    todo = [j for j in jobs if force or manifest.get(_rel(j.output, out)) != keys[_rel(j.output, out)]
            or not j.output.is_file() or not j.html.is_file()]
    _remove_stale(out, {j.output for j in jobs})

    failures: dict[str, str] = {}
    for job, error in _execute_all(todo, store_dir, workers, progress, scheduler):
        rel = _rel(job.output, out)
        if error:
            failures[rel] = error
            manifest.pop(rel, None)
        else:
            manifest[rel] = keys[rel]
    manifest = {k: v for k, v in manifest.items() if k in keys}
    if not failures:
        manifest[_INPUTS] = inputs
    _write_atomic(out / _MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    _write_atomic(out / "index.html", index_html(jobs, out, meta, tables, set(failures)))
    lines = [f"{rel}: {err}" for rel, err in sorted(failures.items())]
    if progress:
        print(f"{len(jobs)} reports in {out}: {len(todo) - len(failures)} executed, "
              f"{len(jobs) - len(todo)} unchanged, {len(failures)} failed", file=sys.stderr)
    for line in lines:  # failures are listed even when quiet: the exit status alone says too little
        print(f"failed: {line}", file=sys.stderr)
    return lines


_INPUTS = "_inputs"  # manifest entry: the store, notebooks and code every report was last run with


def _inputs_key(meta: dict[str, Any]) -> str:
    """One hash of everything any report reads: the store's content, both notebooks and the
    code and lexicons they reach.  Equal to the last run's: nothing can have changed, and
    ``vngov reports`` answers without loading pandas or the tables (under a second)."""
    nbs = [notebooks_dir() / "locality_report.ipynb", notebooks_dir() / "period_report.ipynb"]
    blob = json.dumps({"store": meta.get("content_hash"), "notebooks": [_sha(nb.read_bytes()) for nb in nbs],
                       "code": [code_fingerprint(nb) for nb in nbs]}, sort_keys=True)
    return _sha(blob.encode())


def _all_current(manifest: dict[str, str], inputs: str, out: Path) -> bool:
    """The last run used these inputs, succeeded, and every page it wrote is still there."""
    pages = [k for k in manifest if k != _INPUTS]
    return (manifest.get(_INPUTS) == inputs and bool(pages) and (out / "index.html").is_file()
            and all((out / p).is_file() and (out / p).with_suffix(".html").is_file() for p in pages))


def _rel(path: Path, out: Path) -> str:
    return path.relative_to(out).as_posix()


def _remove_stale(out: Path, keep: set[Path]) -> None:
    """Pages of places or periods gone from the store go too (and their failed runs)."""
    for sub in ("locality", "period"):
        for p in (out / sub).glob("*"):
            base = p.parent / (p.name.split(".")[0] + ".ipynb")
            if p.suffix in (".ipynb", ".html") and base not in keep:
                p.unlink()


def _execute_all(jobs: list[Job], store_dir: Path, workers: int, progress: bool, scheduler: str | None = None):
    """(job, error or None) as each report finishes, ``workers`` notebooks at a time (or on a Dask
    cluster: :mod:`vngov.parallel`; its workers must see the store and the reports folder)."""
    if not jobs:
        return
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(jobs), desc="reports", unit="report", file=sys.stderr)
    store_abs = str(Path(store_dir).resolve())
    quiet = workers > 1 or bool(scheduler)
    try:
        # spawn: a fresh interpreter per worker, no forked threads or event loops from this one
        run = execute_apart if scheduler else execute
        for i, error, crash in pmap_unordered(run, [(job, store_abs, quiet) for job in jobs], workers=workers,
                                              scheduler=scheduler, spawn=True):
            yield jobs[i], (f"{type(crash).__name__}: {crash}" if crash else error)
            if bar:
                bar.update()
    finally:
        if bar:
            bar.close()


def execute(job: Job, store_dir: str, quiet_kernel: bool = False) -> str | None:
    """Run one report with papermill and export it; returns None, or why it failed.

    The failed notebook is still written (with its traceback) so the reason
    can be read in place.  With ``quiet_kernel`` (set in the worker processes,
    never in the main one, whose stderr carries the progress bar) the kernel's
    own stderr goes to a temporary log: ipykernel warns about TCP transport on
    every start, which would bury the progress bar; the log's tail is added to
    the error when a report fails.
    """
    if not quiet_kernel:
        return _execute(job, store_dir)
    fd, log = tempfile.mkstemp(prefix="vngov-kernel-", suffix=".log")
    os.close(fd)
    try:
        with _stderr_to(log):
            error = _execute(job, store_dir)
        if error:
            tail = [x for x in Path(log).read_text(encoding="utf-8", errors="replace").splitlines()
                    if x.strip() and "without encryption" not in x][-3:]
            error += "".join(f"\n    kernel: {x}" for x in tail)
        return error
    finally:
        Path(log).unlink(missing_ok=True)


def execute_apart(job: Job, store_dir: str, quiet_kernel: bool = True) -> str | None:
    """:func:`execute` in a fresh interpreter: what a Dask worker runs.  A worker runs several tasks in
    threads of one process, while a report sets environment variables, points file descriptor 2 at a log
    and drives a kernel from an event loop, all process-wide; a child process keeps each report apart."""
    fd, ticket = tempfile.mkstemp(prefix="vngov-job-", suffix=".pickle")
    os.close(fd)
    try:
        Path(ticket).write_bytes(pickle.dumps((job, store_dir, quiet_kernel)))
        done = subprocess.run([sys.executable, "-m", "vngov.reports", ticket], capture_output=True, text=True,
                              timeout=REPORT_TIMEOUT + 60)
        if done.returncode != 0:
            tail = (done.stderr or "").strip().splitlines()[-3:]
            return f"report process exited with {done.returncode}" + "".join(f"\n    {x}" for x in tail)
        return json.loads(Path(ticket).read_text(encoding="utf-8"))["error"]
    except subprocess.TimeoutExpired:
        return f"report process ran past {REPORT_TIMEOUT + 60} s"
    finally:
        Path(ticket).unlink(missing_ok=True)


def _run_ticket(ticket: str) -> None:
    """The child side of :func:`execute_apart`: run the pickled job, write its result over the ticket."""
    job, store_dir, quiet = pickle.loads(Path(ticket).read_bytes())
    error = execute(job, store_dir, quiet)
    _write_atomic(Path(ticket), json.dumps({"error": error}))


@contextmanager
def _stderr_to(path: str):
    """Point file descriptor 2 (inherited by the kernels this process starts) at ``path``."""
    sys.stderr.flush()
    saved = os.dup(2)
    target = os.open(path, os.O_WRONLY | os.O_APPEND)
    os.dup2(target, 2)
    os.close(target)
    try:
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


def _execute(job: Job, store_dir: str) -> str | None:
    """Run one report into a temporary file; only a run that succeeds replaces the page.

    A failed run leaves the previous good ``.ipynb``/``.html`` untouched and is kept as
    ``<name>.failed.ipynb`` (traceback included); the error names the failing cell."""
    import papermill as pm

    os.environ["VNGOV_STORE"] = store_dir
    os.environ.pop("MPLBACKEND", None)  # the notebook picks the inline backend itself
    os.environ[_LINK_BASE] = os.path.relpath(paths.project_root(), job.output.parent) + "/"
    job.output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{job.output.stem}.", suffix=".ipynb", dir=job.output.parent)
    os.close(fd)
    failed = job.output.with_suffix(".failed.ipynb")
    error = None
    try:
        try:
            with _deadline(REPORT_TIMEOUT):
                pm.execute_notebook(str(job.notebook), tmp, parameters=job.parameters, kernel_name=KERNEL,
                                    progress_bar=False, cwd=str(job.notebook.parent), execution_timeout=CELL_TIMEOUT,
                                    start_timeout=STARTUP_TIMEOUT, kernel_manager_class=IPC_KERNEL_MANAGER)
        except pm.PapermillExecutionError as e:
            error = f"{e.ename}: {e.evalue} ({_failed_cell(Path(tmp), e.exec_count)})"
        except Exception as e:  # noqa: BLE001 - kernel died, timeout, notebook missing …
            error = f"{type(e).__name__}: {e}"
        if Path(tmp).stat().st_size:
            nb = clean(_read_nb(Path(tmp)))
            if error:
                _write_nb(nb, failed)
            else:
                _write_nb(nb, job.output)
                _write_atomic(job.html, to_html(nb, f"{job.kind} report: {job.name}"))
                failed.unlink(missing_ok=True)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return error


class ReportTimeout(Exception):
    """A report ran past :data:`REPORT_TIMEOUT`."""


@contextlib.contextmanager
def _deadline(seconds: float):
    """Raise :class:`ReportTimeout` in this thread after ``seconds`` (SIGALRM).  Outside the main
    thread (a Dask worker's thread) no signal can be set: the per-cell timeout still holds there."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum, frame):
        raise ReportTimeout(f"report ran past {seconds:g} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


_LINK_BASE = "VNGOV_LINK_BASE"  # vngov.display reads it: article file links relative to the page

#: nbclient's kernel manager with the ``ipc`` transport: each kernel's sockets are files
#: named after its own connection file, so parallel kernels cannot collide on a TCP port.
IPC_KERNEL_MANAGER = "vngov.reports.IPCKernelManager"


def _ipc_manager():
    from jupyter_client.manager import AsyncKernelManager

    class IPCKernelManager(AsyncKernelManager):
        """An ``AsyncKernelManager`` whose kernels listen on Unix sockets, not TCP ports."""

        def __init__(self, **kwargs: Any) -> None:
            kwargs.setdefault("transport", "ipc")
            # a private folder per kernel: the default socket prefix is "kernel-ipc" in the
            # working folder, which two kernels started from notebooks/ would share
            kwargs.setdefault("ip", os.path.join(tempfile.mkdtemp(prefix="vngov-kernel-"), "k"))
            super().__init__(**kwargs)

        async def _async_cleanup_resources(self, restart: bool = False) -> None:
            await super()._async_cleanup_resources(restart=restart)
            if not restart:
                shutil.rmtree(os.path.dirname(self.ip), ignore_errors=True)

        cleanup_resources = _async_cleanup_resources

    return IPCKernelManager


def __getattr__(name: str):
    """``IPCKernelManager`` is built on first use: jupyter_client loads only when reports run."""
    if name == "IPCKernelManager":
        cls = _ipc_manager()
        globals()[name] = cls
        return cls
    raise AttributeError(name)


def _failed_cell(path: Path, exec_count: Any) -> str:
    """"cell 5: `analysis.select_locality(…)`": which cell failed, by its number and first line."""
    try:
        nb = _read_nb(path)
    except Exception:  # noqa: BLE001 - the error itself matters more than naming its cell
        return f"cell {exec_count}"
    for cell in nb.cells:
        if cell.cell_type == "code" and any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            first = next((l for l in cell.source.splitlines() if l.strip() and not l.startswith("%")), "")
            return f"cell {cell.get('execution_count') or exec_count}: `{first.strip()[:80]}`"
    return f"cell {exec_count}"


def _read_nb(path: Path):
    import nbformat

    return nbformat.read(str(path), as_version=4)


def _write_nb(nb, path: Path) -> None:
    import nbformat

    _write_atomic(path, nbformat.writes(nb) + "\n")


def clean(nb):
    """Drop what changes on every run (timings) or names this machine (paths) from a notebook's
    metadata; outputs are left alone, they are the baseline."""
    pm_meta = nb.metadata.get("papermill", {})
    for key in _VOLATILE_NB:
        pm_meta.pop(key, None)
    for cell in nb.cells:
        for key in ("execution",):
            cell.metadata.pop(key, None)
        cell_pm = cell.metadata.get("papermill")
        if cell_pm is not None:
            for key in ("start_time", "end_time", "duration"):
                cell_pm.pop(key, None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"  # papermill draws a random id on every run
    return nb


def to_html(nb, title: str) -> str:
    """The report as one HTML page: no code, charts embedded as images."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    body = re.sub(r"<html( lang=\"\w+\")?>", '<html lang="vi">', body, count=1)
    return body.replace("</head>", _PAGE_CSS + "</head>", 1)


# Tables of many columns scroll sideways instead of squeezing the evidence into slivers;
# folded tables show their summary as a link; charts use the page's width.
_PAGE_CSS = """<style>
body { max-width: 1250px; margin: 0 auto; }
table.vngov { border-collapse: collapse; font-size: 13px; margin: 0.5em 0 1em; display: block; overflow-x: auto; }
table.vngov th, table.vngov td { border: 1px solid #ccd; padding: 3px 6px; vertical-align: top; text-align: left !important; }
table.vngov th { background: #eef2f7; }
table.vngov td { max-width: 32em; }
details > summary { cursor: pointer; color: #1a4f8b; margin: 0.4em 0; font-weight: 600; }
.jp-RenderedImage img { max-width: 100%; height: auto; }
</style>
"""


_TABLE_NAMES = {"articles": "bài báo", "meetings": "cuộc họp", "people": "dòng người × chức vụ",
                "figures": "số liệu", "quotes": "lời phát biểu", "directives": "chỉ đạo", "officials": "cán bộ",
                "target_tracking": "chỉ tiêu theo dõi", "errors": "tệp lỗi"}


def index_html(jobs: list[Job], out: Path, meta: dict[str, Any], tables: analysis.Tables,
               failed: set[str]) -> str:
    """The page that links every report, with a line of counts for each (no timestamps:
    an unchanged store gives an unchanged page)."""
    from vngov import analysis

    meetings, figures = tables["meetings"], tables["figures"]

    def item(job: Job) -> str:
        rel = _rel(job.html, out)
        if job.kind == "locality":
            n_m = int((meetings["locality"] == job.name).sum())
            n_f = int((figures["locality"] == job.name).sum())
            name = job.name
        else:
            sel = analysis.select_period(tables, job.name)
            n_m, n_f = len(sel["meetings"]), len(sel["figures"])
            from vngov.params import period

            name = f"{job.name} ({period(job.name).describe()})"
        counts = f"{n_m} cuộc họp, {n_f} số liệu"
        if not (out / rel).is_file():
            return f"<li>{html.escape(name)} — {counts} <strong>(lỗi, chưa có trang)</strong></li>"
        mark = " <strong>(lần chạy mới nhất bị lỗi; đây là trang tốt gần nhất)</strong>" if _rel(job.output, out) in failed else ""
        return f'<li><a href="{html.escape(rel)}">{html.escape(name)}</a> — {counts}{mark}</li>'

    corpus = html.escape(meta.get("corpus", out.name))
    counts = ", ".join(f"{n} {_TABLE_NAMES.get(t, t)}" for t, n in sorted(meta.get("counts", {}).items()))
    parts = [
        "<!DOCTYPE html>", '<html lang="vi">', "<head>", '<meta charset="utf-8">',
        f"<title>Báo cáo vngov: {corpus}</title>",
        "<style>body{font-family:'Noto Sans',sans-serif;max-width:50em;margin:2em auto;line-height:1.5}</style>",
        "</head>", "<body>", f"<h1>Báo cáo vngov: {corpus}</h1>",
        f"<p>Kho dữ liệu: {html.escape(counts)} (mã nội dung {html.escape(meta.get('content_hash', ''))}).</p>",
        "<h2>Theo địa phương</h2>", "<ul>", *[item(j) for j in jobs if j.kind == "locality"], "</ul>",
        "<h2>Theo kỳ</h2>", "<ul>", *[item(j) for j in jobs if j.kind == "period"], "</ul>",
        "</body>", "</html>", "",
    ]
    return "\n".join(parts)


if __name__ == "__main__":      # python -m vngov.reports TICKET: one report, for execute_apart
    _run_ticket(sys.argv[1])
