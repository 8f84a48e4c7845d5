"""The errors the build reports to its user, and how a surprise in one entry becomes one."""

from __future__ import annotations

from pathlib import Path
from typing import Final

# Longest message an unexpected exception may contribute to the one error line.
DETAIL_CHARACTERS: Final = 200


class CatalogError(Exception):
    """Bad input: carries the file and, where known, the field, so the message points at both."""

    def __init__(self, path: Path | str, field: str | None, problem: str) -> None:
        self.path = Path(path)
        self.field = field
        self.problem = problem
        where = f"{self.path}: field '{field}'" if field is not None else f"{self.path}"
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[type[CatalogError], tuple[Path, str | None, str]]:
        # Rebuilt from its parts when it crosses from a worker process.
        return (CatalogError, (self.path, self.field, self.problem))


class BuildError(Exception):
    """A stage after loading failed (a formula KaTeX rejects, mkdocs failing...)."""


def entry_failure(
    path: Path | str, doing: str, error: BaseException, field: str | None = None
) -> CatalogError:
    """The error for an exception nobody expected while ``doing`` (e.g. "deriving it") one
    entry: it names the entry's file, and says what failed in one bounded line."""
    if isinstance(error, MemoryError):
        return CatalogError(path, field, f"{doing} ran out of memory")
    if isinstance(error, RecursionError):
        return CatalogError(path, field, f"{doing} failed: the formula is nested too deeply")
    return CatalogError(path, field, f"{doing} failed: {describe(error)}")


def describe(error: BaseException) -> str:
    """``ZeroDivisionError: division by zero``: the type and the first line of the message,
    cut to :data:`DETAIL_CHARACTERS` (a message may quote a formula of any size)."""
    try:
        lines = str(error).strip().splitlines()
    except Exception:  # a message that cannot be printed is left out
        lines = []
    detail = lines[0] if lines else ""
    if len(detail) > DETAIL_CHARACTERS or len(lines) > 1:
        detail = detail[:DETAIL_CHARACTERS].rstrip() + "…"
    name = type(error).__name__
    return f"{name}: {detail}" if detail else name
