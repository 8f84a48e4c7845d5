"""Time limits for SymPy calls, and ``attempt``, which turns "SymPy gave up" into None.

A clock never decides an answer: a property that ran out of time would be "not determined"
on a busy machine and settled on an idle one, so the pages would depend on the load. The
only limit is the build's per-activation one (:mod:`runner`), which turns a hang into an
error naming the file. Limits may still nest: one interval timer (SIGALRM) is armed for the
earliest deadline; when it fires, the outermost expired limit is the one that ends, so an
inner handler can never swallow an outer limit. Outside the main thread (where signals
cannot be used) the limits are not enforced.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import TypeVar

from generator.analysis.pieces import UndeterminedError

T = TypeVar("T")

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


def attempt(question: Callable[[], T]) -> T | None:
    """The answer, or None when it cannot be determined (never because of the time)."""
    try:
        return question()
    except UndeterminedError:
        return None
