"""One way to run work in parallel: local processes, or a Dask cluster behind the same function.

``extract``, ``build`` and ``reports`` all hand a module-level function and a
list of items to :func:`pmap` (results in input order, for tables that must be
written row for row the same however they were computed) or to
:func:`pmap_unordered` (results as they finish, each with its own error, for
reports where one failure must not stop the others).

* **Local** (the default): a process pool of ``workers`` processes.  Each
  worker watches its parent and exits when the parent is gone, so a build
  killed with ``kill -9`` leaves no orphaned workers behind.
* **Dask** (``scheduler="tcp://HOST:PORT"``): the same calls on an existing
  ``dask.distributed`` cluster, through ``Client.get_executor`` (a
  ``concurrent.futures`` executor).  Workers need vngov installed and read
  access to the files named in the items.

Work is submitted in a sliding window of chunks, so memory stays bounded
whatever the number of items.
"""
from __future__ import annotations

import os
import threading
import time
from collections import deque
from concurrent.futures import Executor, Future, ProcessPoolExecutor, wait, FIRST_COMPLETED
from contextlib import contextmanager
from multiprocessing import get_context
from typing import Any, Callable, Iterable, Iterator, Sequence

#: Fewer items than this run in this process: starting workers costs more than it saves.
MIN_ITEMS = 16
#: Items per task: amortises the cost of a round trip without starving workers at the end.
CHUNK = 8
#: Chunks in flight per worker: enough to keep each busy, few enough to bound memory.
WINDOW = 4
#: How long to wait for a Dask scheduler to answer before saying it cannot be reached.
CONNECT_TIMEOUT = "20s"


class ParallelError(RuntimeError):
    """The cluster cannot be reached or used; the message names the scheduler."""


def default_workers() -> int:
    """Up to two processes: the machines this project runs on have two cores."""
    return min(os.cpu_count() or 1, 2)


def _watch_parent(parent: int) -> None:
    """Exit this worker when its parent dies (``kill -9`` gives the parent no chance to stop it)."""
    def loop() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=loop, name="vngov-watch-parent", daemon=True).start()


def _run_chunk(fn: Callable[[Any], Any], chunk: Sequence[Any]) -> list[Any]:
    return [fn(item) for item in chunk]


def _run_one(fn: Callable[..., Any], args: tuple) -> Any:
    return fn(*args)


@contextmanager
def executor(workers: int | None = None, scheduler: str | None = None, spawn: bool = False) -> Iterator[Executor]:
    """A ``concurrent.futures`` executor: a local process pool, or a Dask cluster's when ``scheduler``
    is given.  ``spawn`` starts local workers as fresh interpreters (no inherited threads: reports)."""
    if scheduler:
        try:
            from distributed import Client
        except ImportError as e:  # pragma: no cover - dask is a dependency
            raise ParallelError("--scheduler needs dask.distributed: pip install 'dask[distributed]'") from e
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as e:
            raise ParallelError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from e
        try:
            yield client.get_executor(pure=False)
        finally:
            client.close()
        return
    ctx = get_context("spawn") if spawn else None
    with ProcessPoolExecutor(max_workers=workers or default_workers(), mp_context=ctx,
                             initializer=_watch_parent, initargs=(os.getpid(),)) as pool:
        yield pool


def _local(workers: int | None, scheduler: str | None, n: int) -> bool:
    return not scheduler and ((workers if workers is not None else default_workers()) <= 1 or n < MIN_ITEMS)


def pmap(fn: Callable[[Any], Any], items: Iterable[Any], workers: int | None = None,
         scheduler: str | None = None, chunk: int = CHUNK) -> Iterator[Any]:
    """``map(fn, items)`` in input order, on ``workers`` local processes or on ``scheduler``'s cluster.

    ``fn`` must be a module-level function (it is pickled to the workers).  An
    exception in ``fn`` is raised here; functions that must not stop a run
    return their errors as values instead.
    """
    items = list(items)
    if _local(workers, scheduler, len(items)):
        yield from map(fn, items)
        return
    chunks = [items[i:i + chunk] for i in range(0, len(items), chunk)]
    width = (workers or default_workers()) * WINDOW
    with executor(workers, scheduler) as ex:
        pending: deque[Future] = deque()
        todo = iter(chunks)
        for c in todo:
            pending.append(ex.submit(_run_chunk, fn, c))
            if len(pending) >= width:
                break
        while pending:
            results = pending.popleft().result()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(ex.submit(_run_chunk, fn, nxt))
            yield from results


def pmap_unordered(fn: Callable[..., Any], calls: Iterable[tuple], workers: int | None = None,
                   scheduler: str | None = None, spawn: bool = False) -> Iterator[tuple[int, Any, BaseException | None]]:
    """``(index, result, error)`` for each ``fn(*args)`` of ``calls``, as each finishes.

    An exception (or a crashed worker) becomes that call's ``error``; the
    others go on.  With one worker the calls run here, in order.
    """
    calls = list(calls)
    if not scheduler and (workers if workers is not None else default_workers()) <= 1:
        for i, args in enumerate(calls):
            try:
                yield i, fn(*args), None
            except Exception as e:  # noqa: BLE001 - reported per call
                yield i, None, e
        return
    with executor(workers, scheduler, spawn=spawn) as ex:
        futures = {ex.submit(_run_one, fn, args): i for i, args in enumerate(calls)}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                try:
                    yield futures[fut], fut.result(), None
                except Exception as e:  # noqa: BLE001 - a worker crash fails one call only
                    yield futures[fut], None, e
