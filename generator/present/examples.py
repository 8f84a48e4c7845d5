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
        "zero_centred": lambda p: p.zero_centred is True,
        "not_zero_centred": lambda p: p.zero_centred is False,
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
