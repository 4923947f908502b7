"""The nbval regression check of ``make test``: do the committed reports still reproduce?

Builds ``data/sample`` into a TEMPORARY store (never ``data/processed``), points
the notebooks' kernel at it through ``$VNGOV_STORE`` (the reports' ``store``
parameter is None, which means exactly that), and re-executes every committed
``reports/sample/**/*.ipynb`` with ``pytest --nbval`` — without regenerating
them first.  nbval compares each cell's text outputs (text/plain, text/html,
streams; images are skipped) with the committed ones after the sanitizers of
``tests/sanitize.cfg``.  Exit status: pytest's.

After an intended change to the extractors, the sample corpus or the
notebooks, refresh the baselines with ``make baselines`` and commit them.

Run: ``python tests/nbval_run.py [extra pytest args]``.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
REPORTS = ROOT / "reports" / "sample"
SANITIZE = ROOT / "tests" / "sanitize.cfg"


def nbval_command(notebooks: list[Path], workers: int = 2) -> list[str]:
    """The pytest command that re-executes ``notebooks`` and compares their outputs.

    ``--nbval-current-env`` runs the kernel in this interpreter's environment
    (the venv), whatever kernels the machine has installed; ``--dist loadscope``
    keeps each notebook's cells on one xdist worker, in order (nbval's advice
    for parallel runs).
    """
    cmd = [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env",
           "--nbval-sanitize-with", str(SANITIZE), "-p", "no:cacheprovider", "-q",
           "--rootdir", str(ROOT), "-o", "testpaths=", *map(str, notebooks)]
    if workers > 1 and len(notebooks) > 1:
        cmd += ["-n", str(workers), "--dist", "loadscope"]
    return cmd


def kernel_env(store: Path) -> dict[str, str]:
    """The environment the kernel inherits: the store to read, the inline chart backend."""
    env = dict(os.environ, VNGOV_STORE=str(store))
    env.pop("MPLBACKEND", None)  # the notebooks select the inline backend themselves
    return env


def committed_reports(folder: Path = REPORTS) -> list[Path]:
    """The baseline notebooks, in a fixed order."""
    return sorted(folder.rglob("*.ipynb"))


def main(argv: list[str]) -> int:
    from vngov import store

    notebooks = committed_reports()
    if not notebooks:
        print(f"no committed reports under {REPORTS}: run `make baselines` first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="vngov-nbval-") as tmp:
        summary = store.build(SAMPLE, out=Path(tmp) / "store", progress=False)
        print(f"nbval: {summary}", file=sys.stderr)
        result = subprocess.run(nbval_command(notebooks) + argv, env=kernel_env(Path(tmp) / "store"), cwd=ROOT)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
