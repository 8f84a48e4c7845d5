"""Time limits for each entry's share of a stage, shared by every stage that can hang.

A clock never decides an answer: a property that ran out of time would be "not determined"
on a busy machine and settled on an idle one, so the pages would depend on the load. The
only limits are the build's per-entry ones (:data:`LOAD`, :data:`DERIVE`, :data:`DRAW`,
:data:`TYPESET`, and the display proofs'), each of which turns a hang into an error naming
the file; ``entry_work`` also turns any exception nobody expected into such an error.
Limits may still nest: one interval timer (SIGALRM) is armed for the earliest deadline;
when it fires, the outermost expired limit is the one that ends, so an inner handler can
never swallow an outer limit. Outside the main thread (where signals cannot be used) the
limits are not enforced.
"""

from __future__ import annotations

import math
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Final

from generator.errors import BuildError, CatalogError, entry_failure


@dataclass(frozen=True)
class Limit:
    """The seconds one stage may spend on one entry. ``ACTIVATIONS_LIMIT_<NAME>`` overrides
    the default, so a test can make a limit expire without a slow machine or a slow input."""

    name: str
    default: float

    @property
    def variable(self) -> str:
        return f"ACTIVATIONS_LIMIT_{self.name.upper()}"

    def seconds(self) -> float:
        text = os.environ.get(self.variable)
        if text is None:
            return self.default
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not (math.isfinite(value) and value > 0):
            raise BuildError(f"{self.variable}={text!r} must be a positive number of seconds")
        return value


LOAD: Final = Limit("load", 60.0)  # reading and checking one catalog file
DERIVE: Final = Limit("derive", 120.0)  # SymPy deriving one entry (analysis stage)
DRAW: Final = Limit("draw", 120.0)  # one entry's formulas, figures and page (present stage)
TYPESET: Final = Limit("typeset", 120.0)  # one KaTeX run over every new formula (publish)


@contextmanager
def entry_work(
    path: Path | str,
    doing: str,
    seconds: float,
    *,
    field: str | None = None,
    too_slow: str | None = None,
) -> Iterator[None]:
    """Run one entry's share of a stage (``doing``: "deriving it"). Past ``seconds``, or on
    an exception nobody expected (a SymPy bug, MemoryError), raise a :class:`CatalogError`
    naming the entry's file instead: ``field`` (where known) and ``too_slow`` say what the
    expired limit points at."""
    problem = too_slow or f"{doing} took longer than {seconds:g} s"
    try:
        with time_limit(seconds, lambda: CatalogError(path, field, problem)):
            yield
    except (CatalogError, BuildError):
        raise
    except Exception as error:
        raise entry_failure(path, doing, error) from None


_deadlines: list[tuple[float, object]] = []  # (monotonic deadline, owner), outermost first


class _Expired(BaseException):
    """Raised by the alarm; BaseException so that ``except Exception`` in SymPy lets it pass."""

    def __init__(self, owner: object) -> None:
        super().__init__()
        self.owner = owner


def _arm() -> None:
    if not _deadlines:
        signal.setitimer(signal.ITIMER_REAL, 0)
        return
    earliest = min(deadline for deadline, _ in _deadlines)
    signal.setitimer(signal.ITIMER_REAL, max(earliest - time.monotonic(), 1e-4))


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    now = time.monotonic()
    for index, (deadline, owner) in enumerate(_deadlines):
        if deadline <= now:
            # This limit and every one nested in it are over: drop them now, so the inner
            # limits' clean-up on the way out cannot re-arm the timer for this deadline
            # and raise a second time while the first is still being handled.
            del _deadlines[index:]
            raise _Expired(owner)
    _arm()  # woke early: wait for the rest


@contextmanager
def time_limit(seconds: float, expired: Callable[[], Exception]) -> Iterator[None]:
    """Run the block for at most ``seconds``; past that, raise ``expired()`` instead."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    owner = object()
    signal.signal(signal.SIGALRM, _on_alarm)
    try:
        _deadlines.append((time.monotonic() + seconds, owner))
        _arm()  # inside the try: an alarm that fires at once is still this limit's own
        yield
    except _Expired as error:
        if error.owner is not owner:
            raise
        raise expired() from None
    finally:
        _deadlines[:] = [entry for entry in _deadlines if entry[1] is not owner]
        _arm()
