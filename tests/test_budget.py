"""Time limits: an expired limit raises its own error once, however deeply it is nested;
and no answer depends on one (only the build's per-entry limit exists, against hangs)."""

from __future__ import annotations

import time

import pytest

from generator.analysis import budget, derivatives
from generator.analysis.budget import attempt
from generator.analysis.pieces import UndeterminedError
from generator.analysis.runner import TIME_LIMIT, _analyse_in_time
from generator.deadlines import time_limit
from tests.conftest import CATALOG

# The entries SymPy used to spend longest on (each was once cut short by a budget).
SLOW: tuple[str, ...] = ("gelu_tanh", "quick_gelu", "smish")


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


def test_attempt_only_turns_undetermined_into_none() -> None:
    def undetermined() -> int:
        raise UndeterminedError("no")

    def slow() -> int:
        time.sleep(0.05)
        return 7

    assert attempt(undetermined) is None
    assert attempt(slow) == 7
    assert not hasattr(budget, "PROPERTY_SECONDS")
    assert not hasattr(derivatives, "REWRITE_SECONDS")


@pytest.mark.parametrize("name", SLOW)
def test_the_analysis_does_not_depend_on_the_time_limit(name: str) -> None:
    """A quarter of the runner's limit and four times it give the same analysis."""
    (activation,) = (a for a in CATALOG if a.id == name)
    _, short = _analyse_in_time((0, activation, TIME_LIMIT / 4))
    _, long = _analyse_in_time((0, activation, TIME_LIMIT * 4))
    assert short == long
