"""Atomic writes that leave nothing behind, even after ``kill -9``.

Every output vngov writes goes to a temporary path beside its target and is
renamed into place once complete, so a reader never sees half a file.  A
process killed mid-write cannot remove its temporary path, so each one is
*locked* (``flock``) while its writer lives: the kernel drops the lock when the
process dies, however it dies, and the next run sweeps every unlocked
temporary path away (:func:`sweep`) without touching a concurrent run's.

Temporary files are made with the permissions of an ordinary file (``0644``
under the usual umask), not ``mkstemp``'s private ``0600``: exports, caches and
stores are shared with colleagues and report servers.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Iterator

LOCK = ".lock"
#: A temporary path younger than this is never swept: its writer may not have locked it yet.
GRACE_SECONDS = 2.0


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def public(path: str | Path, directory: bool = False) -> None:
    """Give ``path`` the permissions a plain ``open``/``mkdir`` would have (world-readable)."""
    os.chmod(path, (0o777 if directory else 0o666) & ~_umask())


def hold(path: str | Path) -> int:
    """Lock ``path`` (a file, or a folder's ``.lock`` file) for as long as this process lives,
    or until :func:`release`; returns the descriptor."""
    path = Path(path)
    target = path / LOCK if path.is_dir() else path
    fd = os.open(target, os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def release(fd: int) -> None:
    try:
        os.close(fd)
    except OSError:
        pass


def temp_file(target: Path, suffix: str = ".tmp") -> tuple[int, Path]:
    """A locked, world-readable temporary file beside ``target``: (descriptor, path)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    fcntl.flock(fd, fcntl.LOCK_EX)
    public(tmp)
    return fd, Path(tmp)


def temp_dir(target: Path, kind: str = "building") -> tuple[int, Path]:
    """A locked, world-readable temporary folder beside ``target``: (lock descriptor, path)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.{kind}-", dir=target.parent))
    public(tmp, directory=True)
    return hold(tmp), tmp


def _abandoned(path: Path, now: float) -> bool:
    """True when no living process holds ``path``'s lock.  A path without its lock yet (made a
    moment ago, about to be locked) counts only once it is older than the grace period."""
    target = path / LOCK if path.is_dir() and not path.is_symlink() else path
    try:
        if not target.exists():
            return now - path.lstat().st_mtime >= GRACE_SECONDS
        if target is path and now - path.lstat().st_mtime < GRACE_SECONDS:
            return False  # a file is locked right after it is made; give it that moment
        fd = os.open(target, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def sweep(folder: Path, pattern: str) -> int:
    """Remove the temporary paths matching ``pattern`` in ``folder`` that a dead process left.
    Returns how many were removed."""
    if not folder.is_dir():
        return 0
    now = time.time()
    n = 0
    for p in folder.glob(pattern):
        if _abandoned(p, now):
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
            n += 1
    return n


@contextmanager
def atomic_open(path: str | Path, mode: str = "w", perms: int | None = None) -> Iterator[IO[Any]]:
    """A file to write ``path`` through, so a reader sees the old file or the new one, never half
    of one: a locked temporary file beside it (temporary files a killed run left for the same
    ``path`` are swept first), renamed into place while still locked when the block ends without
    an error, removed when it raises.  World-readable like any other output unless ``perms``."""
    path = Path(path)
    sweep(path.parent, f".{path.name}.*.tmp")
    fd, tmp = temp_file(path)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
            fh.flush()
            if perms is not None:
                os.chmod(tmp, perms)
            os.replace(tmp, path)   # renamed while open, and so still locked: never swept half-way
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write(path: str | Path, data: str | bytes, perms: int | None = None) -> None:
    """Write all of ``data`` to ``path`` atomically (see :func:`atomic_open`)."""
    with atomic_open(path, "wb" if isinstance(data, bytes) else "w", perms) as fh:
        fh.write(data)
