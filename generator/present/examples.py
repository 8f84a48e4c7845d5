"""The lists of examples the properties page cites, computed from the analyses."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from generator.present.kinds import scalar_entries
from generator.present.page import EntryParts, link
from generator.records.analysis import Monotonicity, Properties, Saturation
from generator.records.views import Link


def examples(catalog: Sequence[EntryParts]) -> Mapping[str, tuple[Link, ...]]:
    """Computed lists the properties page cites (e.g. which entries saturate)."""
    tests: dict[str, Callable[[Properties], bool]] = {
        "saturating": lambda p: (
            p.left.saturation is Saturation.SOFT and p.right.saturation is Saturation.SOFT
        ),
        "unbounded": lambda p: p.bounded_above is False,
        "zero_mean": lambda p: _mean_is_zero(p) is True,
        "positive_mean": lambda p: _mean_is_zero(p) is False and _mean(p) > 0,
        "kinked": lambda p: bool(p.kinks),
        "non_monotonic": lambda p: p.monotonicity is Monotonicity.NOT_MONOTONIC,
        "hard_left": lambda p: p.left.saturation is Saturation.HARD,
        "smooth": lambda p: p.smoothness is not None and p.smoothness.infinite,
        "self_gated": lambda p: bool(p.self_gated),
    }
    pairs = [(parts.activation, parts.analysis) for parts in catalog]
    scalar = [(activation, analysis.properties) for activation, analysis in scalar_entries(pairs)]
    return {
        name: tuple(link(activation) for activation, p in scalar if test(p))
        for name, test in tests.items()
    }


def _mean(p: Properties) -> float:
    assert p.moments is not None
    return float(p.moments.mean.value)


def _mean_is_zero(p: Properties) -> bool | None:
    """E[f(X)] = 0 exactly (odd functions), or proved non-zero by its enclosure."""
    if p.moments is None:
        return None
    mean = p.moments.mean
    if mean.enclosure is None:
        return bool(mean.value == 0)
    return False if not mean.enclosure.low <= 0 <= mean.enclosure.high else None
