"""Executing the report notebooks: one per locality and one per year, HTML beside each.

``run_reports("data/sample")`` reads the store of that corpus, plans one
``notebooks/locality_report.ipynb`` run per locality and one
``notebooks/period_report.ipynb`` run per year, executes them with papermill
(two at a time) into ``reports/<corpus>/locality/<slug>.ipynb`` and
``reports/<corpus>/period/<year>.ipynb``, exports each to HTML without code,
and writes ``reports/<corpus>/index.html``.

Why the details are as they are:

* The store is passed to the kernel through ``$VNGOV_STORE``, never as a
  parameter: the executed notebooks then hold no path, and nbval can
  re-execute the committed ones against any store (see ``tests/nbval_run.py``).
* Papermill's timings and paths are stripped from the saved notebooks, so
  re-running an unchanged report writes the same bytes (clean diffs for the
  committed baselines).
* ``manifest.json`` records, per report, a key made of the store's content
  hash, the notebook's hash, the parameters and a hash of the modules the
  notebooks call (:func:`code_fingerprint`); a
  report whose key has not changed is not executed again.
* One failing report is listed and does not stop the others.

The module also holds the small display helpers the notebooks call
(:func:`setup`, :func:`bar_chart`), so the notebooks stay free of logic.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
from contextlib import contextmanager
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vngov import analysis
from vngov import store as vstore
from vngov.parallel import pmap_unordered

KERNEL = "python3"
WORKERS = 2
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


def notebooks_dir() -> Path:
    """The project's ``notebooks/`` folder (beside ``src/`` in a checkout)."""
    here = Path(__file__).resolve().parents[2] / "notebooks"
    return here if here.is_dir() else vstore.project_root() / "notebooks"


def default_out(corpus: str | Path) -> Path:
    """``reports/<corpus folder name>``: one folder per corpus, so corpora never overwrite each other."""
    return vstore.project_root() / "reports" / Path(corpus).resolve().name


# --- planning ---------------------------------------------------------------------


def plan(tables: analysis.Tables, out: Path, notebooks: Path | None = None) -> list[Job]:
    """The reports the store calls for: every locality (:func:`vngov.analysis.report_localities`)
    and every year (:func:`vngov.analysis.report_periods`), in a fixed order."""
    nb = notebooks or notebooks_dir()
    jobs: list[Job] = []
    used: set[str] = set()
    for loc in analysis.report_localities(tables):
        name = _unique(analysis.slug(loc), used)
        jobs.append(Job("locality", loc, nb / "locality_report.ipynb", out / "locality" / f"{name}.ipynb",
                        {"locality": loc}))
    for period in analysis.report_periods(tables):
        jobs.append(Job("period", period, nb / "period_report.ipynb", out / "period" / f"{period}.ipynb",
                        {"period": period}))
    return jobs


def _unique(name: str, used: set[str]) -> str:
    """Two places whose names differ only in diacritics must not share a file."""
    candidate, n = name, 2
    while candidate in used:
        candidate, n = f"{name}-{n}", n + 1
    used.add(candidate)
    return candidate


def code_fingerprint() -> str:
    """A hash of the modules a report notebook runs (analysis, reports, store, tables).

    Extractor code reaches a report only through the store, whose content hash
    is part of the key already, so an extractor edit that leaves the tables
    unchanged does not re-run every report.
    """
    here = Path(__file__).resolve().parent
    return _sha(b"".join((here / f"{m}.py").read_bytes() for m in ("analysis", "reports", "store", "tables")))


def job_key(job: Job, store_hash: str, code: str) -> str:
    """What a report's output depends on: the data, the notebook, its parameters, the code."""
    blob = json.dumps({"store": store_hash, "notebook": _sha(job.notebook.read_bytes()),
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
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.chmod(tmp, 0o644)  # mkstemp makes it private; reports are for sharing
    os.replace(tmp, path)


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
        tables = vstore.load(store_dir)
        meta = vstore.info(store_dir)
    except (vstore.StoreError, OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return [str(e)]
    code = code_fingerprint()
    jobs = plan(tables, out)
    manifest = _read_manifest(out)
    keys = {_rel(j.output, out): job_key(j, meta["content_hash"], code) for j in jobs}
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
    _write_atomic(out / _MANIFEST, json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    _write_atomic(out / "index.html", index_html(jobs, out, meta, tables, set(failures)))
    lines = [f"{rel}: {err}" for rel, err in sorted(failures.items())]
    if progress:
        print(f"{len(jobs)} reports in {out}: {len(todo) - len(failures)} executed, "
              f"{len(jobs) - len(todo)} unchanged, {len(failures)} failed", file=sys.stderr)
    for line in lines:  # failures are listed even when quiet: the exit status alone says too little
        print(f"failed: {line}", file=sys.stderr)
    return lines


def _rel(path: Path, out: Path) -> str:
    return path.relative_to(out).as_posix()


def _remove_stale(out: Path, keep: set[Path]) -> None:
    for sub in ("locality", "period"):
        for p in (out / sub).glob("*"):
            if p.suffix in (".ipynb", ".html") and p.with_suffix(".ipynb") not in keep:
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
        for i, error, crash in pmap_unordered(execute, [(job, store_abs, quiet) for job in jobs], workers=workers,
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
    import papermill as pm

    os.environ["VNGOV_STORE"] = store_dir
    os.environ.pop("MPLBACKEND", None)  # the notebook picks the inline backend itself
    job.output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{job.output.stem}.", suffix=".ipynb", dir=job.output.parent)
    os.close(fd)
    error = None
    try:
        try:
            pm.execute_notebook(str(job.notebook), tmp, parameters=job.parameters, kernel_name=KERNEL,
                                progress_bar=False, cwd=str(job.notebook.parent))
        except pm.PapermillExecutionError as e:
            error = f"{e.ename}: {e.evalue} (cell {e.exec_count})"
        except Exception as e:  # noqa: BLE001 - kernel died, notebook missing …
            error = f"{type(e).__name__}: {e}"
        if Path(tmp).stat().st_size:
            nb = clean(_read_nb(Path(tmp)))
            _write_nb(nb, job.output)
            _write_atomic(job.html, to_html(nb, f"{job.kind} report: {job.name}"))
    finally:
        Path(tmp).unlink(missing_ok=True)
    return error


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
    return body


def index_html(jobs: list[Job], out: Path, meta: dict[str, Any], tables: analysis.Tables,
               failed: set[str]) -> str:
    """The page that links every report, with a line of counts for each (no timestamps:
    an unchanged store gives an unchanged page)."""
    meetings, figures = tables["meetings"], tables["figures"]

    def item(job: Job) -> str:
        rel = _rel(job.html, out)
        if job.kind == "locality":
            n_m = int((meetings["locality"] == job.name).sum())
            n_f = int((figures["locality"] == job.name).sum())
        else:
            n_m = int(analysis.in_window(meetings["date"], job.name, job.name).sum())
            n_f = int(analysis.in_window(analysis.figure_dates(figures), job.name, job.name).sum())
        mark = " <strong>(failed)</strong>" if _rel(job.output, out) in failed else ""
        return (f'<li><a href="{html.escape(rel)}">{html.escape(job.name)}</a> — '
                f"{n_m} meetings, {n_f} figures{mark}</li>")

    counts = ", ".join(f"{n} {t}" for t, n in sorted(meta.get("counts", {}).items()))
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f"<title>vngov reports: {html.escape(meta.get('corpus', out.name))}</title>",
        "<style>body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.4}</style>",
        "</head>", "<body>", f"<h1>vngov reports: {html.escape(meta.get('corpus', out.name))}</h1>",
        f"<p>Store: {html.escape(counts)} (content hash {html.escape(meta.get('content_hash', ''))}).</p>",
        "<h2>Localities</h2>", "<ul>", *[item(j) for j in jobs if j.kind == "locality"], "</ul>",
        "<h2>Periods</h2>", "<ul>", *[item(j) for j in jobs if j.kind == "period"], "</ul>",
        "</body>", "</html>", "",
    ]
    return "\n".join(parts)


# --- helpers the notebooks call ---------------------------------------------------------


def setup() -> None:
    """Display settings every report shares: all rows, long evidence, one chart style.

    Fixed here so the executed outputs (the nbval baselines) do not depend on
    a user's pandas or matplotlib configuration.
    """
    import matplotlib
    import pandas as pd

    pd.set_option("display.max_rows", 2000)
    pd.set_option("display.max_columns", 50)
    pd.set_option("display.max_colwidth", 400)
    pd.set_option("display.width", 250)
    matplotlib.rcParams.update({"figure.figsize": (8, 3.5), "figure.dpi": 80, "font.family": "DejaVu Sans",
                                "svg.hashsalt": "vngov", "axes.grid": True, "grid.alpha": 0.3})


def plain(text: Any) -> str:
    """``text`` as matplotlib must draw it: literally.  Article text reaches chart labels, and a
    ``$`` pair in it would otherwise be parsed as math text (and a bad one fails the report)."""
    return str(text).replace("$", r"\$")


def bar_chart(table, label: str, value: str, title: str, ylabel: str | None = None):
    """A bar chart of ``table[value]`` by ``table[label]``, closed and returned for ``display()``
    (the same table is shown as text under it, since nbval compares text, not images).

    Long labels (place names) get horizontal bars, first row on top, so they stay
    readable; counts get whole-number ticks; an empty table draws a "no data" note.
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    labels = [plain(v) for v in table[label]] if len(table) else []
    values = [float(v) for v in table[value]] if len(table) else []
    horizontal = any(len(v) > 8 for v in labels)
    height = max(2.5, 0.35 * len(labels) + 1.2) if horizontal else 3.5
    fig, ax = plt.subplots(figsize=(8, height))
    if not labels:
        ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
    elif horizontal:
        ax.barh(labels[::-1], values[::-1], color="#4c72b0")
        ax.set_xlabel(plain(ylabel or value))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    else:
        ax.bar(labels, values, color="#4c72b0")
        ax.set_ylabel(plain(ylabel or value))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        if len(labels) > 12:
            ax.tick_params(axis="x", labelrotation=90)
    ax.set_title(plain(title))
    fig.tight_layout()
    plt.close(fig)  # shown once, by the cell's display(), not again when the cell ends
    return fig


def small_multiples(table, facet: str, x: str, y: str, unit: str, title: str, horizontal: bool = False):
    """One small bar chart per ``facet`` value (an indicator), ``y`` by ``x``, each with its
    own unit on its axis: indicators in tỷ đồng and in % cannot share a scale.  Time runs
    left to right (``horizontal=False``); places are listed top-down (``horizontal=True``).
    Closed and returned for ``display()``; the table is shown as text under it for nbval."""
    import matplotlib.pyplot as plt

    from vngov.metrics import label

    groups = list(table.groupby([facet, unit], sort=False)) if len(table) else []
    n = max(len(groups), 1)
    cols = 2 if n > 1 else 1
    rows = (n + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(8, 2.6 * rows + 0.6), squeeze=False)
    for ax in axes.flat[len(groups):]:
        ax.set_visible(False)
    if not groups:
        axes[0][0].set_visible(True)
        axes[0][0].text(0.5, 0.5, "no indicator reported often enough to chart", ha="center", va="center",
                        transform=axes[0][0].transAxes)
    for ax, ((name, u), part) in zip(axes.flat, groups):
        labels = [plain(v) for v in part[x]]
        values = [float(v) for v in part[y]]
        if horizontal:
            ax.barh(labels[::-1], values[::-1], color="#4c72b0")
            ax.set_xlabel(plain(u))
        else:
            ax.bar(labels, values, color="#4c72b0")
            ax.set_ylabel(plain(u))
            ax.tick_params(axis="x", labelsize=8)
        ax.set_title(plain(label(str(name))), fontsize=9)
    fig.suptitle(plain(title))
    fig.tight_layout()
    plt.close(fig)
    return fig
