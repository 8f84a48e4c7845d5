"""The one error type the build reports to its user."""

from __future__ import annotations

from pathlib import Path


class CatalogError(Exception):
    """Bad input: carries the file and the field so the message can point at both."""

    def __init__(self, path: Path | str, field: str, problem: str) -> None:
        self.path = Path(path)
        self.field = field
        self.problem = problem
        super().__init__(f"{self.path}: field '{field}': {problem}")

    def __reduce__(self) -> tuple[type[CatalogError], tuple[Path, str, str]]:
        # Rebuilt from its parts when it crosses from a worker process.
        return (CatalogError, (self.path, self.field, self.problem))


class BuildError(Exception):
    """A stage after loading failed (a formula KaTeX rejects, mkdocs failing...)."""
