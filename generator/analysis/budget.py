"""Time limits for SymPy calls, which can run for minutes on innocent formulas.

Limits nest: the build gives each activation a budget, and each property gets a smaller
one inside it. One interval timer (SIGALRM) is armed for the earliest deadline; when it
fires, the outermost expired limit is the one that ends, so an inner handler can never
swallow an outer budget. Outside the main thread (where signals cannot be used) the
limits are not enforced.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

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
    for deadline, owner in _deadlines:
        if deadline <= now:
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
    _deadlines.append((time.monotonic() + seconds, owner))
    _arm()
    try:
        yield
    except _Expired as error:
        if error.owner is not owner:
            raise
        raise expired() from None
    finally:
        _deadlines[:] = [entry for entry in _deadlines if entry[1] is not owner]
        _arm()
