"""Every path vngov writes or reads by default, decided in one place, and one atomic write.

Two corpora that are both called ``corpus`` (``/data/a/corpus`` and
``/data/b/corpus``) must not share a store or a reports folder, so the default
folder of a corpus is its name plus a short hash of its absolute path
(``corpus-3f9a1c``).  The sample corpus shipped in the repository keeps its bare
name (``data/processed/sample``, ``reports/sample``): the committed nbval
baselines and the README's commands refer to it.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

#: The corpus a notebook opened by hand reads when no store is named.
DEFAULT_CORPUS = "sample"
_PACKAGE = Path(__file__).resolve().parent


def project_root(start: Path | None = None) -> Path:
    """The nearest folder from ``start`` (the working folder) upwards holding ``data/processed``
    or ``pyproject.toml``: notebooks run from ``notebooks/`` still find the project's store."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "processed").is_dir() or (folder / "pyproject.toml").is_file():
            return folder
    return here


def corpus_key(corpus: str | Path) -> str:
    """The folder name of a corpus's store and reports: ``<name>-<6 hex of its absolute path>``,
    except the repository's own ``data/sample`` (plain ``sample``, as the baselines expect)."""
    folder = Path(corpus).resolve()
    if folder == (project_root() / "data" / DEFAULT_CORPUS).resolve():
        return DEFAULT_CORPUS
    return f"{folder.name}-{hashlib.sha256(str(folder).encode()).hexdigest()[:6]}"


def default_store(corpus: str | Path) -> Path:
    """``data/processed/<corpus key>``: one store per corpus, so corpora never mix."""
    return project_root() / "data" / "processed" / corpus_key(corpus)


def default_reports(corpus: str | Path) -> Path:
    """``reports/<corpus key>``: one reports folder per corpus, named like its store."""
    return project_root() / "reports" / corpus_key(corpus)


def sample_store() -> Path:
    """The store a notebook opened by hand reads: ``data/processed/sample``."""
    return project_root() / "data" / "processed" / DEFAULT_CORPUS


def notebooks_dir() -> Path:
    """The project's ``notebooks/`` folder (beside ``src/`` in a checkout)."""
    here = _PACKAGE.parents[1] / "notebooks"
    return here if here.is_dir() else project_root() / "notebooks"


def lexicon_dir() -> Path:
    """The packaged lexicon files (``src/vngov/lexicon``)."""
    return _PACKAGE / "lexicon"


def package_dir() -> Path:
    """The ``vngov`` package folder, whose modules the report key and store fingerprint hash."""
    return _PACKAGE


def project_relative(path: str | Path) -> str:
    """``path`` relative to the project root when it lies inside it (a link that works in any
    checkout), else as given."""
    p = Path(path)
    if not p.is_absolute():
        return p.as_posix()
    try:
        return p.resolve().relative_to(project_root()).as_posix()
    except ValueError:
        return p.as_posix()


# One atomic-write helper for the whole package: vngov.atomic (locked temporary files, swept after a crash).
from vngov.atomic import atomic_open, atomic_write  # noqa: E402,F401
