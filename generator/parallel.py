"""Run one function over many tasks on worker processes: the analysis and present stages.

Each worker may hold at most :data:`MEMORY_LIMIT` of address space (``RLIMIT_AS``), so an
entry that runs away raises MemoryError in its worker (reported naming its file, by
``generator.deadlines.entry_work``) instead of exhausting the machine.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Final, TypeVar

from generator.errors import BuildError

T = TypeVar("T")
R = TypeVar("R")

# Address space per worker. A full cold build peaks near 1.3 GiB per worker, most of it
# what NumPy, OpenBLAS and SymPy reserve at import; ACTIVATIONS_LIMIT_MEMORY (GiB) overrides.
MEMORY_LIMIT: Final = 4 * 2**30
MEMORY_VARIABLE: Final = "ACTIVATIONS_LIMIT_MEMORY"


def on_workers(
    function: Callable[[T], R],
    tasks: Sequence[T],
    jobs: int | None,
    *,
    ordered: bool = True,
    patience: float | None = None,
) -> Iterator[R]:
    """``function`` of each task on ``jobs`` processes (default: all cores), in task order
    unless ``ordered`` is False; in this process when one worker is enough (an edit of one
    file has everything else cached: no process start-up to pay).

    A worker that dies (killed, crashed, or unable to import the code) stops the build with
    a BuildError, and so does waiting ``patience`` seconds for any one result (callers pass
    well over their own per-task time limit). A task that fails ends the build: tasks not
    yet started are dropped, so the error is reported without waiting for the rest."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(tasks)))
    memory = memory_limit()
    if workers == 1:
        with _growth_limited(memory):
            yield from map(function, tasks)
        return
    context = multiprocessing.get_context("forkserver")  # fork is unsafe in threaded hosts
    executor = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=start_worker, initargs=(memory,)
    )
    try:
        futures = [executor.submit(function, task) for task in tasks]
        yield from (_in_order if ordered else _as_finished)(futures, patience)
    except BrokenProcessPool:
        _stop(executor)
        raise BuildError(
            "a worker process died (killed, out of memory in C code, or unable to start);"
            " the build is stopped"
        ) from None
    except BaseException:
        _stop(executor)  # a failed task, a stuck worker, Ctrl-C: the build ends now
        raise
    executor.shutdown(wait=True)


def _stop(executor: ProcessPoolExecutor) -> None:
    """Drop the tasks not started and end the workers at once, stuck ones included (the
    executor itself would wait for every running task)."""
    processes = list(getattr(executor, "_processes", {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(5)
        if process.is_alive():
            process.kill()


def _in_order(futures: list[Future[R]], patience: float | None) -> Iterator[R]:
    for future in futures:
        try:
            yield future.result(timeout=patience)
        except TimeoutError:
            raise _silent(patience) from None


def _as_finished(futures: list[Future[R]], patience: float | None) -> Iterator[R]:
    pending = set(futures)
    while pending:
        done, pending = wait(pending, timeout=patience, return_when=FIRST_COMPLETED)
        if not done:
            raise _silent(patience)
        for future in done:
            yield future.result()


def _silent(patience: float | None) -> BuildError:
    return BuildError(
        f"no worker process answered for {patience:g} s: one of them is stuck; the build is stopped"
    )


def patience(limit: float) -> float:
    """How long to wait for any one result of tasks each bounded by ``limit`` seconds: a
    task may wait for a worker behind another one, and an alarm can be late in C code."""
    return 2 * limit + 60.0


def memory_limit() -> int:
    """Bytes of address space a worker may use: :data:`MEMORY_LIMIT` unless overridden."""
    text = os.environ.get(MEMORY_VARIABLE)
    if text is None:
        return MEMORY_LIMIT
    try:
        gib = float(text)
    except ValueError:
        gib = 0.0
    if not 0 < gib < 2**20:
        raise BuildError(f"{MEMORY_VARIABLE}={text!r} must be a positive number of GiB")
    return int(gib * 2**30)


def start_worker(memory: int) -> None:
    """Worker initializer: Ctrl-C is the parent's to handle (it ends the pool; a worker
    would print a traceback), and the address space is capped at ``memory`` bytes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit_memory(memory)


def limit_memory(limit: int) -> None:
    """Cap this process's address space at ``limit`` bytes (never above a hard limit)."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


@contextmanager
def _growth_limited(limit: int) -> Iterator[None]:
    """In this process (which already holds the build, or a test run), the same cap on
    what the work may add: ``limit`` bytes beyond the address space held now, then the
    previous limit back."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    capped = _address_space() + limit
    if soft != resource.RLIM_INFINITY:
        capped = min(capped, soft)
    if hard != resource.RLIM_INFINITY:
        capped = min(capped, hard)
    resource.setrlimit(resource.RLIMIT_AS, (capped, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space() -> int:
    """Bytes of address space this process holds (``VmSize``)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[0])
    return pages * os.sysconf("SC_PAGE_SIZE")
