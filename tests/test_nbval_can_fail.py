"""The nbval regression check can fail: change one figure in one article, and nbval says so.

Copies ``data/sample`` to a temporary folder, changes one digit of a number
that a committed report shows (in the raw text of its article, at the
figure's raw offsets), builds the copy into a temporary store and runs nbval
(``tests/nbval_run.py``'s command, in a subprocess) on that report against it.
As a control, the same report against the unchanged sample must pass — so
the failure is caused by the changed number, not by stale baselines.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest

from vngov import store

import nbval_run


def _output_text(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(out.get("text", ""))
            parts.append(out.get("data", {}).get("text/plain", ""))
            parts.append(out.get("data", {}).get("text/html", ""))  # tables are HTML: headers, links
    return "\n".join(parts)


def _pick_figure(tables, reports: list[Path]):
    """A figure of a .txt article whose evidence a committed report shows, and that report."""
    texts = {p: _output_text(p) for p in reports}
    figures = tables["figures"].sort_values(["doc_id", "start"])
    paths = tables["articles"].set_index("doc_id")["path"]
    for _, fig in figures.iterrows():
        written = fig["value_text"]
        if not isinstance(written, str) or not any(ch.isdigit() for ch in written):
            continue
        if not str(paths.get(fig["doc_id"], "")).endswith(".txt"):
            continue
        shown = [p for p, text in texts.items() if fig["evidence"] in text and fig["doc_id"] in text]
        if shown:
            return fig, Path(paths[fig["doc_id"]]), shown[0]
    raise AssertionError("no committed report shows a figure of a .txt article: run `make baselines`")


def _change_digit(path: Path, raw_start: int, raw_end: int, written: str) -> str:
    """Change the last digit of ``written`` where it stands inside the evidence; returns the new text."""
    data = path.read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    at = text.index(written, raw_start, raw_end)
    last = max(i for i, ch in enumerate(written) if ch.isdigit())
    new = written[:last] + str((int(written[last]) + 1) % 10) + written[last + 1:]
    text = text[:at] + new + text[at + len(written):]
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return new


def _nbval(report: Path, store_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(nbval_run.nbval_command([report], workers=1), env=nbval_run.kernel_env(store_dir),
                          cwd=nbval_run.ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_changed_figure_makes_nbval_fail(sample_dir, sample_store, sample_tables, tmp_path):
    reports = nbval_run.committed_reports()
    assert reports, "no committed reports: run `make baselines`"
    fig, article, report = _pick_figure(sample_tables, reports)

    control = _nbval(report, sample_store)
    assert control.returncode == 0, "baseline is stale (run `make baselines`):\n" + control.stdout[-3000:]

    corpus = tmp_path / "sample"
    shutil.copytree(sample_dir, corpus)
    new = _change_digit(corpus / article.relative_to(sample_dir), int(fig["raw_start"]), int(fig["raw_end"]),
                        fig["value_text"])
    changed_store = tmp_path / "store"
    store.build(corpus, out=changed_store, workers=1)
    changed = store.load(changed_store)["figures"]
    assert new in set(changed["value_text"].dropna()), "the changed number was not extracted"

    result = _nbval(report, changed_store)
    assert result.returncode != 0, result.stdout[-3000:]
    assert "Cell outputs differ" in result.stdout or "mismatch" in result.stdout
    diff_lines = [line for line in result.stdout.splitlines() if line.lstrip().startswith(("+", "-"))]
    assert diff_lines, result.stdout[-3000:]
