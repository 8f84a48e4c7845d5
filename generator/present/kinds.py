"""One registry of how each kind of entry is shown: elementwise, gated and vector.

Scalar kinds (elementwise, and gated units through their gate g) are analysed as a real
function of x; vector kinds (softmax) as a map of ℝⁿ, shown through the two-class reduction.
Everything that differs between them on a page (the plot, the page's derivative section,
the short range and continuity texts) is looked up here, not tested for case by case.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from generator.present.figures import plots
from generator.present.figures.svg import Plot
from generator.present.page import EntryParts, elementwise_context, vector_context
from generator.present.text import monotonicity, range_text, smoothness, value_range
from generator.present.words import Words
from generator.records.analysis import Analysis, ElementwiseAnalysis, VectorAnalysis
from generator.records.catalog import Activation, Kind


@dataclass(frozen=True)
class Summary:
    """The short texts the overview tables, the guide and the cheat sheet quote."""

    range: str  # as the guide quotes it
    overview_range: str  # the home page's Range column
    monotonic: str
    continuity: str
    smoothness: str | None  # None where the guide has no continuity to quote (vector)
    card_range: str  # HTML, for the cheat sheet


@dataclass(frozen=True)
class KindView:
    plot: Callable[[Activation, Analysis], Plot]
    summary: Callable[[Analysis, Words], Summary]
    page: Callable[[EntryParts, Sequence[Activation], Words], dict[str, object]]  # its sections


def _scalar(analysis: Analysis) -> ElementwiseAnalysis:
    assert isinstance(analysis, ElementwiseAnalysis), "a scalar kind has a scalar analysis"
    return analysis


def _vector(analysis: Analysis) -> VectorAnalysis:
    assert isinstance(analysis, VectorAnalysis), "a vector kind has a vector analysis"
    return analysis


def _scalar_summary(analysis: Analysis, words: Words) -> Summary:
    properties = _scalar(analysis).properties
    shown = range_text(properties, words)  # the same on every page
    continuity = smoothness(properties.smoothness, words)
    return Summary(
        range=shown,
        overview_range=shown,
        monotonic=monotonicity(properties.monotonicity, words),
        continuity=continuity,
        smoothness=continuity,
        card_range=shown,
    )


def _gated_summary(analysis: Analysis, words: Words) -> Summary:
    """A gated unit's table cells describe its gate g, and say so: the unit itself maps
    2n inputs to n outputs and has no range or monotonicity of its own."""
    gate = _scalar_summary(analysis, words)
    return replace(
        gate,
        overview_range=f"g: {gate.overview_range}",
        monotonic=f"g: {gate.monotonic}",
        continuity=f"g: {gate.continuity}",
        card_range=f"g: {gate.card_range}",
    )


def _vector_summary(analysis: Analysis, words: Words) -> Summary:
    vector = _vector(analysis)
    component = value_range(vector.component_range, words)
    return Summary(
        range=component,
        overview_range=words("{range} per component", range=component),
        monotonic="—",
        continuity=smoothness(vector.smoothness, words),
        smoothness=None,
        card_range=component,
    )


SCALAR: Final = KindView(
    plot=lambda activation, analysis: plots.elementwise_plot(activation, _scalar(analysis)),
    summary=_scalar_summary,
    page=elementwise_context,
)
VECTOR: Final = KindView(
    plot=lambda activation, analysis: plots.vector_plot(activation, _vector(analysis)),
    summary=_vector_summary,
    page=vector_context,
)
GATED: Final = replace(SCALAR, summary=_gated_summary)
KINDS: Final = {Kind.ELEMENTWISE: SCALAR, Kind.GATED: GATED, Kind.VECTOR: VECTOR}


def view_of(activation: Activation) -> KindView:
    return KINDS[activation.kind]


def plot(activation: Activation, analysis: Analysis) -> Plot:
    """The entry's main plot, as its kind draws it."""
    return view_of(activation).plot(activation, analysis)


def scalar_entries(
    pairs: Sequence[tuple[Activation, Analysis]],
) -> list[tuple[Activation, ElementwiseAnalysis]]:
    """The entries analysed as a function of x, with their analyses typed as such."""
    return [(a, _scalar(analysis)) for a, analysis in pairs if a.kind.scalar]
