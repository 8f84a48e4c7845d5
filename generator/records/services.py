"""What the build lends the stages: a cache (:class:`Memo`) and a progress line (:class:`Steps`).

The cache as the stages see it is a memo keyed by what was computed and from what.
The stages never touch ``.cache/``; the build hands them a :class:`Memo`
(``generator.build.cache.Cache``), which adds the code digest of the stage that computes
each kind of value to its key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

T = TypeVar("T")


class Memo(Protocol):
    def cached(self, kind: str, parts: Sequence[str | bytes], compute: Callable[[], T]) -> T:
        """``compute()``, or the value stored for the same kind, code and parts."""
        ...

    def lookup(self, kind: str, parts: Sequence[str | bytes]) -> object | None:
        """The stored value, or None when absent or unreadable."""
        ...

    def store(self, kind: str, parts: Sequence[str | bytes], value: object) -> None: ...


class Steps(Protocol):
    """One stage's progress line (``generator.build.progress``)."""

    def step(self, item: str, count: int = 1) -> None: ...

    def finish(self, summary: str = "") -> None: ...
