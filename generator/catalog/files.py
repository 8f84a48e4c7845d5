"""Find and read the catalog's files: regular files only, and none larger than a bound.

Deliberately free of SymPy and YAML, so the build's up-to-date check can list the same files
the loader reads without loading either. A FIFO, a device or a dangling link named
``*.yaml`` is refused by name before anything opens it: opening a FIFO for reading would
wait for a writer forever.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Final

from generator.errors import CatalogError

# The largest shipped file is 3.1 KiB; 64 KiB leaves twenty times that and keeps a hostile
# file from costing more than a moment to parse.
MAX_FILE_BYTES: Final = 64 * 1024
FILE_FIELD: Final = "<file>"


def catalog_files(folder: Path) -> tuple[Path, ...]:
    """Every ``*.yaml`` entry of ``folder``, sorted; each checked to be a regular file."""
    paths = tuple(sorted(folder.glob("*.yaml")))
    for path in paths:
        regular_file_size(path)
    return paths


def regular_file_size(path: Path) -> int:
    """The size of ``path``, which must be a regular file no larger than MAX_FILE_BYTES."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise CatalogError(path, FILE_FIELD, "is a link to nothing (or vanished)") from None
    except OSError as error:
        raise CatalogError(path, FILE_FIELD, f"cannot be read ({error.strerror})") from None
    if not stat.S_ISREG(status.st_mode):
        raise CatalogError(path, FILE_FIELD, f"is {_kind(status.st_mode)}, not a regular file")
    if status.st_size > MAX_FILE_BYTES:
        problem = f"is {status.st_size} bytes: a catalog file is at most {MAX_FILE_BYTES} bytes"
        raise CatalogError(path, FILE_FIELD, problem)
    return status.st_size


def read_catalog_file(path: Path) -> bytes:
    """The bytes of one catalog file, never more than MAX_FILE_BYTES of them.

    Checked before opening, opened without blocking (in case it was swapped for a FIFO in
    between) and checked again on the open descriptor, then read to at most the bound.
    """
    regular_file_size(path)
    try:
        with opened_if_regular(path) as file:
            if file is None:
                raise CatalogError(path, FILE_FIELD, "is not a regular file")
            content = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise CatalogError(path, FILE_FIELD, f"cannot be read ({error.strerror})") from None
    if len(content) > MAX_FILE_BYTES:
        problem = f"grew past {MAX_FILE_BYTES} bytes: a catalog file is at most that"
        raise CatalogError(path, FILE_FIELD, problem)
    return content


@contextmanager
def opened_if_regular(path: Path) -> Iterator[BinaryIO | None]:
    """``path`` open for reading if it is a regular file, else None; never blocks. Opened
    without blocking and checked on the open descriptor, so a FIFO put there at any moment
    is never read. A file that cannot be opened raises OSError."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0)
    with os.fdopen(os.open(path, flags), "rb") as file:
        yield file if stat.S_ISREG(os.fstat(file.fileno()).st_mode) else None


def _kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a file")
