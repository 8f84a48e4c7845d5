"""Whole trees written beside their target and swapped into place in one step.

A build writes ``docs/`` and ``site/`` into scratch folders next to them and exchanges each
with its target only when complete, so a failed or killed build leaves the previous tree.
Callers hold the folder's lock (:mod:`generator.build.lock`): only then is every scratch tree
beside it known to belong to a dead build, and so safe to remove.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from generator.build.lock import is_held


def write_tree(target: Path, files: Mapping[str, bytes]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    scratch = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-"))
    try:
        for relative, content in sorted(files.items()):
            path = scratch / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        swap(scratch, target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def sync_tree(target: Path, files: Mapping[str, bytes]) -> None:
    """Write the files whose bytes differ and remove those no longer generated."""
    target.mkdir(parents=True, exist_ok=True)
    for relative, content in sorted(files.items()):
        path = target / relative
        if not path.is_file() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    for path in sorted(target.rglob("*"), reverse=True):
        relative = path.relative_to(target).as_posix()
        if path.is_file() and relative not in files:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def swap(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, in one atomic step where the kernel allows it.

    Linux's renameat2(RENAME_EXCHANGE) swaps the two trees at once, so a build killed at any
    moment leaves either the old or the new tree in place, never neither. Elsewhere, two
    renames leave a moment without ``target``.
    """
    if target.exists() and _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # ``new`` now holds the previous tree
        return
    old = target.with_name(f".{target.name}-old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Atomically exchange two paths; False where renameat2 is not available."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_current_directory, rename_exchange = -100, 2
    result = renameat2(
        at_current_directory,
        os.fsencode(first),
        at_current_directory,
        os.fsencode(second),
        rename_exchange,
    )
    return bool(result == 0)


def remove_leftovers(target: Path) -> None:
    """Scratch trees of a build that was killed before it could clean up. Only under the
    folder's lock: without it, a scratch tree may be one a live build is still writing."""
    if not is_held(target):
        raise RuntimeError(f"removing scratch trees beside {target} without holding its lock")
    for leftover in target.parent.glob(f".{target.name}-*"):
        shutil.rmtree(leftover, ignore_errors=True)
