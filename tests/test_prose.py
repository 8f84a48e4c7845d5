"""The prose of every entry agrees with what the analysis computed.

Each claim is a phrase a reader takes as a statement of fact (``not monotonic``, ``bounded
below``, ``zero-centred``); where an entry's summary, pros, cons or uses contain it, the
computed property must agree. A phrase that reads like a claim but is about something else
(``derivative bounded by 1``) is listed in ``NOT_CLAIMS`` with the reason, never skipped
quietly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import pytest
import sympy as sp

from generator.records.analysis import (
    ElementwiseAnalysis,
    Monotonicity,
    Properties,
    Saturation,
)
from generator.records.catalog import Activation, Kind
from tests.conftest import CATALOG, analysis_of

Check = Callable[[ElementwiseAnalysis], bool]


def _mean_is_zero(p: Properties) -> bool:
    assert p.moments is not None, "the Gaussian moments are computed for every scalar entry"
    mean = p.moments.mean
    if mean.enclosure is None:
        return bool(sp.simplify(mean.value) == 0)
    return bool(mean.enclosure.low <= 0 <= mean.enclosure.high)


def _low(p: Properties) -> sp.Expr:
    assert p.range is not None
    low: sp.Expr = p.range.inf
    return low


def _high(p: Properties) -> sp.Expr:
    assert p.range is not None
    high: sp.Expr = p.range.sup
    return high


def _monotonic(p: Properties) -> bool:
    return p.monotonicity not in (None, Monotonicity.NOT_MONOTONIC)


def _saturates(side: str) -> Callable[[ElementwiseAnalysis], bool]:
    return lambda a: getattr(a.properties, side).saturation in (Saturation.SOFT, Saturation.HARD)


def _grows(side: str) -> Callable[[ElementwiseAnalysis], bool]:
    return lambda a: getattr(a.properties, side).saturation is Saturation.NONE


def _order(a: ElementwiseAnalysis) -> float:
    smoothness = a.properties.smoothness
    assert smoothness is not None
    return float("inf") if smoothness.infinite else smoothness.order


@dataclass(frozen=True)
class Claim:
    name: str
    pattern: re.Pattern[str]
    holds: Check


def _claim(name: str, pattern: str, holds: Check) -> Claim:
    return Claim(name, re.compile(pattern, re.IGNORECASE), holds)


CLAIMS: Final = (
    _claim(
        "not monotonic",
        r"\bnot monotonic|\bnon-monotonic",
        lambda a: a.properties.monotonicity is Monotonicity.NOT_MONOTONIC,
    ),
    _claim(
        "monotonic",
        r"(?<!not )(?<!non-)\bmonotonic\b",
        lambda a: _monotonic(a.properties),
    ),
    _claim(
        "strictly increasing",
        r"strictly increasing|never decreases",
        lambda a: a.properties.monotonicity is Monotonicity.STRICTLY_INCREASING,
    ),
    _claim(
        "unbounded above",
        r"unbounded above|unbounded (on both sides|in both directions)|unbounded like relu",
        lambda a: a.properties.bounded_above is False,
    ),
    _claim(
        "unbounded below",
        r"unbounded below|unbounded (on both sides|in both directions)",
        lambda a: a.properties.bounded_below is False,
    ),
    _claim(
        "bounded below",
        r"(?<!un)bounded below",
        lambda a: a.properties.bounded_below is True,
    ),
    _claim(
        "bounded",
        r"(?<!un)\bbounded\b(?! (below|above|by))",
        lambda a: a.properties.bounded_below is True and a.properties.bounded_above is True,
    ),
    _claim(
        "not zero-centred",
        r"not zero-centred",
        lambda a: not _mean_is_zero(a.properties),
    ),
    _claim(
        "zero-centred",
        r"(?<!not )\bzero-centred",
        lambda a: _mean_is_zero(a.properties),
    ),
    _claim(
        "non-negative",
        r"never negative|every output is non-negative|always positive|strictly positive"
        r"|every output is positive",
        lambda a: bool(_low(a.properties) >= 0),
    ),
    _claim(
        "always negative",
        r"always negative",
        lambda a: bool(_high(a.properties) <= 0),
    ),
    _claim("odd", r"\bodd\b", lambda a: a.properties.odd is True),
    _claim(
        "smooth",
        r"\bsmooth\b(?! at 0 up to)|infinitely differentiable|everywhere-smooth",
        lambda a: _order(a) == float("inf"),
    ),
    _claim(
        "continuously differentiable",
        r"continuously differentiable|\(C¹\)",
        lambda a: _order(a) >= 1,
    ),
    _claim(
        "only once continuously differentiable",
        r"only once continuously differentiable|once continuously differentiable",
        lambda a: _order(a) == 1,
    ),
    _claim("C²", r"\(C²\)", lambda a: _order(a) >= 2),
    _claim(
        "not differentiable",
        r"not differentiable at",
        lambda a: bool(a.properties.kinks),
    ),
    _claim(
        "differentiable everywhere",
        r"differentiable everywhere|\(no kink\)",
        lambda a: not a.properties.kinks,
    ),
    _claim("discontinuous", r"\bdiscontinuous\b", lambda a: _order(a) == -1),
    _claim(
        "saturates on both sides",
        r"saturates on both sides",
        lambda a: _saturates("left")(a) and _saturates("right")(a),
    ),
    _claim(
        "saturates for negative inputs",
        r"saturates? (softly |smoothly )?(for negative inputs|to 0 from below)"
        r"|negative (branch|outputs) saturate",
        _saturates("left"),
    ),
    _claim(
        "does not saturate for positive inputs",
        r"(does not saturate|non-saturating) for positive inputs",
        _grows("right"),
    ),
    _claim(
        "does not saturate",
        r"(does not saturate|non-saturating)(?! for positive)",
        lambda a: _grows("left")(a) and _grows("right")(a),
    ),
)

# (entry id, claim name) pairs whose phrase is about something other than f itself.
NOT_CLAIMS: Final[dict[tuple[str, str], str]] = {
    ("snake", "bounded"): "the bounded periodic ripple sin²(αx)/α, not f",
    ("arctan", "bounded"): "'bounded, slowly saturating activations' names a class of units",
    ("soboleva_tanh", "bounded"): "asymmetric bounded activations: the family at other settings",
    ("swish_beta", "smooth"): "'smooth for every β' is what it is, checked at the defaults",
    ("softplus", "smooth"): "'a smooth rectifier is needed' describes the use",
    ("shifted_softplus", "smooth"): "'keeps predicted energies smooth' is about the model",
    ("gelu", "smooth"): "'a smooth drop-in replacement': GELU is C^∞, checked anyway",
}


def _texts(activation: Activation) -> list[tuple[str, str]]:
    return [
        ("summary", activation.summary),
        *(("pros", text) for text in activation.pros),
        *(("cons", text) for text in activation.cons),
        *(("uses", text) for text in activation.uses),
    ]


SCALAR_ENTRIES: Final = tuple(a for a in CATALOG if a.kind is not Kind.VECTOR)


@pytest.mark.parametrize("activation", SCALAR_ENTRIES, ids=lambda a: a.id)
def test_prose_agrees_with_the_properties(activation: Activation) -> None:
    analysis = analysis_of(activation)
    assert isinstance(analysis, ElementwiseAnalysis)
    wrong = []
    for field, text in _texts(activation):
        for claim in CLAIMS:
            if (activation.id, claim.name) in NOT_CLAIMS or not claim.pattern.search(text):
                continue
            if not claim.holds(analysis):
                wrong.append(f"{field}: claims {claim.name!r}: {text}")
    assert not wrong, "\n".join(wrong)


def test_every_exception_is_still_needed() -> None:
    """A NOT_CLAIMS entry whose phrase has gone from the prose must go too."""
    by_id = {a.id: a for a in CATALOG}
    names = {claim.name: claim for claim in CLAIMS}
    for entry, name in NOT_CLAIMS:
        texts = [text for _, text in _texts(by_id[entry])]
        assert any(names[name].pattern.search(text) for text in texts), (entry, name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Not monotonic and not zero-centred.", {"not monotonic", "not zero-centred"}),
        ("Smooth and monotonic.", {"smooth", "monotonic"}),
        ("Unbounded above, like ReLU.", {"unbounded above"}),
        ("Bounded below, with a minimum.", {"bounded below"}),
        ("Zero-centred and odd.", {"zero-centred", "odd"}),
    ],
)
def test_claims_are_recognised(text: str, expected: set[str]) -> None:
    found = {claim.name for claim in CLAIMS if claim.pattern.search(text)}
    assert found == expected
