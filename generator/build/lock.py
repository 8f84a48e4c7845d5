"""One build at a time per output folder: an advisory lock file beside each folder.

Two builds writing the same ``site/`` (or ``docs/``) at once would each remove the other's
scratch tree and publish whatever was left of it. Every writer (``docs``, ``site``,
``serve``) therefore holds ``<parent>/.<name>.lock`` for each folder it writes, and a second
build waits for the first, saying so once on stderr. The lock is ``flock``: the kernel
releases it when its holder exits, however it exits, so a killed build never leaves a folder
locked; the file itself stays (removing a lock file races with the next build opening it).
"""

from __future__ import annotations

import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Final

SUFFIX: Final = ".lock"

# The lock files this process holds, so code that may only run under a lock can check it.
_held: set[Path] = set()


def lock_file(target: Path) -> Path:
    """``/x/site`` → ``/x/.site.lock``: beside the folder, never inside it, and not matching
    the ``.site-*`` pattern of its scratch trees."""
    return target.parent.resolve() / f".{target.name}{SUFFIX}"


def is_held(target: Path) -> bool:
    """Whether this process holds the lock of ``target``."""
    return lock_file(target) in _held


@contextmanager
def holding(*targets: Path) -> Iterator[None]:
    """Hold the locks of every target; always taken in the same (sorted) order, so two builds
    that share some of their folders can never wait for each other in a cycle."""
    files = {lock_file(target): target for target in targets}
    with ExitStack() as stack:
        for file in sorted(files):
            if file not in _held:  # already held by this process (re-entered)
                stack.enter_context(_locked(file, files[file]))
        yield


@contextmanager
def _locked(file: Path, target: Path) -> Iterator[None]:
    file.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(file, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(descriptor)
            print(
                f"waiting for another build of {target} to finish{holder}",
                file=sys.stderr,
                flush=True,
            )
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        _claim(descriptor)
        _held.add(file)
        try:
            yield
        finally:
            _held.discard(file)
    finally:
        os.close(descriptor)  # releases the lock


def _claim(descriptor: int) -> None:
    """Write our process id into the lock file, for the message of the next one to wait."""
    os.ftruncate(descriptor, 0)
    os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)


def _holder(descriptor: int) -> str:
    """`` (process 1234)`` from the lock file, or nothing when it names no process."""
    try:
        text = os.pread(descriptor, 32, 0).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (process {text})" if text.isdigit() else ""
