"""Which vngov modules and lexicon files a piece of code reads, found by reading the source.

Two caches depend on code: the store's per-file rows (valid while extraction's
code and lexicons are unchanged) and the executed reports (valid while the
notebook's code and lexicons are unchanged).  Hashing every file makes a chart
tweak re-parse the corpus; hashing a hand-kept list goes stale the day someone
adds an import.  So the list is derived: the ``vngov`` imports reachable from
some roots (module-level or inside functions, as the source says), and the
lexicons those modules ``load("…")``.
"""
from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from vngov.paths import lexicon_dir, package_dir

_LOAD = re.compile(r"""\bload\(\s*["'](\w+)["']\s*\)""")


def _module_file(name: str) -> Path | None:
    """``vngov.figures`` → ``src/vngov/figures.py`` (None outside the package)."""
    if name == "vngov":
        return package_dir() / "__init__.py"
    if not name.startswith("vngov."):
        return None
    rel = Path(*name.split(".")[1:])
    for cand in (package_dir() / rel.with_suffix(".py"), package_dir() / rel / "__init__.py"):
        if cand.is_file():
            return cand
    return None


_IMPORT = re.compile(r"^\s*(?:from\s+(vngov[\w.]*)\s+import\s+(\([^)]*\)|[^\n#]+)|import\s+(vngov[\w.]*))", re.M)


def _imports(path: Path) -> set[str]:
    """The ``vngov`` modules one file imports, anywhere in it (a regex over the source, not an
    AST: parsing every module on every ``vngov reports`` took a second; an import named in a
    docstring at the start of a line only adds a file to the hash)."""
    return set(_imports_of(path, path.stat().st_mtime_ns))


@lru_cache(maxsize=256)
def _imports_of(path: Path, _mtime: int) -> tuple[str, ...]:
    found: set[str] = set()
    for m in _IMPORT.finditer(path.read_text(encoding="utf-8")):
        if m.group(3):
            found.add(m.group(3))
            continue
        found.add(m.group(1))
        for name in m.group(2).strip("() \n").split(","):
            name = name.split(" as ")[0].strip()
            if name.isidentifier():
                found.add(f"{m.group(1)}.{name}")  # "from vngov import analysis"
    return tuple(sorted(found))


def modules_reached(roots: Iterable[str]) -> list[Path]:
    """Source files of ``roots`` and every ``vngov`` module they import, transitively, sorted."""
    return sorted(_reached(tuple(sorted(roots))))


@lru_cache(maxsize=16)
def _reached(roots: tuple[str, ...]) -> frozenset[Path]:
    seen: set[Path] = set()
    todo = [r for r in roots]
    while todo:
        path = _module_file(todo.pop())
        if path is None or path in seen:
            continue
        seen.add(path)
        todo.extend(_imports(path))
    return frozenset(seen)


def lexicons_read(files: Iterable[Path]) -> list[Path]:
    """The lexicon files those modules ``load()`` (overrides from ``$VNGOV_LEXICON_DIR`` too)."""
    names = sorted({n for f in files for n in _LOAD.findall(f.read_text(encoding="utf-8"))})
    out = [lexicon_dir() / f"{n}.toml" for n in names if (lexicon_dir() / f"{n}.toml").is_file()]
    override = os.environ.get("VNGOV_LEXICON_DIR")
    if override and Path(override).is_dir():
        out += [Path(override) / f"{n}.toml" for n in names if (Path(override) / f"{n}.toml").is_file()]
    return out


def code_hash(roots: Iterable[str], salt: str = "") -> str:
    """A hash of the modules reached from ``roots`` and the lexicons they read (names and bytes)."""
    files = modules_reached(roots)
    h = hashlib.sha256(salt.encode())
    for p in files + lexicons_read(files):
        name = p.relative_to(package_dir()).as_posix() if p.is_relative_to(package_dir()) else p.name
        h.update(name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:20]


def notebook_roots(notebook: Path) -> list[str]:
    """The ``vngov`` modules a notebook's code cells import (``from vngov import a, b``)."""
    import ast
    import json

    cells = json.loads(Path(notebook).read_text(encoding="utf-8"))["cells"]  # nbformat imports take seconds
    found: set[str] = set()
    for cell in cells:
        if cell["cell_type"] == "code":
            text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            source = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith(("%", "!")))
            try:
                tree = ast.parse(source)
            except SyntaxError:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("vngov"):
                    found.add(node.module)
                    found.update(f"{node.module}.{a.name}" for a in node.names)
                elif isinstance(node, ast.Import):
                    found.update(a.name for a in node.names if a.name.startswith("vngov"))
    return sorted(found)
