"""Time limits: an expired limit raises its own error once, however deeply it is nested."""

from __future__ import annotations

import time

import pytest

from generator.analysis.budget import time_limit


def _slow_error(message: str) -> ValueError:
    time.sleep(0.01)  # building the error takes time, as naming a catalog file can
    return ValueError(message)


def _spin_in_inner_limits() -> None:
    """Run for ever inside short-lived inner limits, as SymPy runs inside each property's."""
    with time_limit(0.02, lambda: _slow_error("outer")):
        while True:
            with time_limit(5.0, lambda: KeyError("inner")):
                time.sleep(0.001)


def test_an_outer_limit_expiring_inside_an_inner_one_raises_only_its_own_error() -> None:
    for _ in range(5):
        with pytest.raises(ValueError, match="outer"):
            _spin_in_inner_limits()


def _sleep_past_an_inner_limit() -> None:
    with time_limit(0.01, lambda: KeyError("inner")):
        time.sleep(1.0)


def test_an_inner_limit_expires_without_ending_the_outer_one() -> None:
    with time_limit(5.0, lambda: ValueError("outer")):
        with pytest.raises(KeyError):
            _sleep_past_an_inner_limit()
        time.sleep(0.02)  # the outer limit is still running, and nothing fires late
