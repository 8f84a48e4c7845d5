"""The activation page's variables, and the other per-entry text the pages quote.

Every value here is text already: LaTeX for the formulas (typeset later), Markdown for the
property cells, so the templates only place them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import sympy as sp

from generator.analysis.calculus import equal
from generator.numerics.report import Accuracy
from generator.present import latex
from generator.present.accuracy import accuracy_view
from generator.present.breaking import where_clause
from generator.present.checked import versions_text
from generator.present.figures.entry import EntryFigures
from generator.present.formulas import Formulas
from generator.present.framework_code import framework_snippets
from generator.present.frameworks import framework_rows
from generator.present.jscode import slider
from generator.present.printers import shortest_text_number
from generator.present.search_terms import search_tags
from generator.present.text import (
    FRAMEWORK_TITLES,
    properties_rows,
    smoothness,
    value_range,
    yes_no,
)
from generator.present.words import Words, family_in
from generator.records.analysis import Analysis, ElementwiseAnalysis, VectorAnalysis
from generator.records.catalog import Activation, Kind
from generator.records.frameworks import Tolerance
from generator.records.views import Link, Snippet

KIND_TEXT: Final = {  # messages
    Kind.ELEMENTWISE: "elementwise, ℝ → ℝ",
    Kind.GATED: "gated: splits its input in halves a and b and returns a ⊗ g(b)",
    Kind.VECTOR: "vector, ℝⁿ → ℝⁿ",
}


@dataclass(frozen=True)
class EntryParts:
    """What the present stage has made of one entry before its page is written."""

    activation: Activation
    analysis: Analysis
    formulas: Formulas
    snippet: Snippet
    accuracy: Accuracy | None
    figures: EntryFigures


def common_context(
    parts: EntryParts, catalog: Sequence[Activation], words: Words
) -> dict[str, object]:
    """The variables of ``activation.md.j2`` every kind of entry has; the kind adds its own
    (``generator.present.kinds``)."""
    activation = parts.activation
    texts = words.texts(activation)
    figure, extra_figure = parts.figures.in_language(words.language)
    gate = next((other for other in catalog if other.id == parts.snippet.gate_of), None)
    return {
        "a": activation,
        "elementwise": isinstance(parts.analysis, ElementwiseAnalysis),
        "figure": figure,
        "extra_figure": extra_figure,
        "snippet": parts.snippet,
        "definition": parts.formulas.definition,
        "constants": parts.formulas.constants,
        "parameters": [
            {
                "name": p.name,
                "symbol": p.latex,
                "default": number(p.default),
                "description": description,
            }
            for p, description in zip(activation.parameters, texts.parameters, strict=True)
        ],
        "texts": texts,
        "family": family_in(activation.family, words),
        "frameworks": framework_rows(activation, words),
        "search_tags": [
            *search_tags(activation, catalog),
            *(alias for alias in texts.aliases if texts.language != "en"),
        ],
        "frameworks_titles": FRAMEWORK_TITLES,
        "tolerances": _tolerance_texts(activation, words),
        "versions": versions_text(words),
        "kind_text": words(KIND_TEXT[activation.kind]),
        "framework_code": framework_snippets(activation, catalog, words),
        "accuracy": None if parts.accuracy is None else accuracy_view(parts.accuracy, words),
        "gate_of": None if gate is None else link(gate),
        "missing_frameworks": [
            FRAMEWORK_TITLES[name]
            for name in FRAMEWORK_TITLES
            if activation.framework(name) is None
        ],
        "explorer": _explorer(activation, parts.analysis),
    }


def link(activation: Activation) -> Link:
    return Link(activation.id, activation.name)


def _explorer(activation: Activation, analysis: Analysis) -> list[dict[str, object]] | None:
    """The sliders of the page's explorer; None for entries without parameters."""
    if not isinstance(analysis, ElementwiseAnalysis) or not activation.parameters:
        return None
    return [
        {"slider": slider(activation, p, analysis.derivative), "symbol": p.latex}
        for p in activation.parameters
    ]


def elementwise_context(
    parts: EntryParts, catalog: Sequence[Activation], words: Words
) -> dict[str, object]:
    """The Derivatives and Properties sections of a scalar entry's page."""
    activation, analysis, printed = parts.activation, parts.analysis, parts.formulas
    assert isinstance(analysis, ElementwiseAnalysis)
    # The analysis' kinks carry the catalog's conventions at the defaults: matched by note.
    english = (kink.note for kink in activation.kinks)
    notes = dict(zip(english, words.texts(activation).kink_notes, strict=True))
    kinks = []
    for kink in analysis.properties.kinks or ():
        convention = kink.convention
        kinks.append(
            {
                "at": sp.latex(kink.at),
                "continuous": kink.continuous,
                "left": latex.expression(activation, kink.left_derivative),
                "right": latex.expression(activation, kink.right_derivative),
                **{
                    framework: (
                        latex.expression(activation, value)
                        if convention and (value := convention.value(framework)) is not None
                        else None
                    )
                    for framework in FRAMEWORK_TITLES
                },
                "note": notes[convention.note] if convention else "",
            }
        )
    return {
        "first": printed.first,
        "second": printed.second,
        "identity": printed.identity,
        "where": where_clause(printed.inner) if printed.inner else None,
        "properties": properties_rows(activation, analysis.properties, words),
        "kinks": kinks,
        "no_second": [sp.latex(point) for point in analysis.no_second_derivative_at],
    }


def vector_context(
    parts: EntryParts, catalog: Sequence[Activation], words: Words
) -> dict[str, object]:
    """The Jacobian, the two-class reduction and the facts of a vector entry's page."""
    activation, analysis = parts.activation, parts.analysis
    assert isinstance(analysis, VectorAnalysis)
    symbol = activation.symbol_latex
    jacobian = sp.latex(analysis.jacobian_entry)
    matches = [
        link(other)
        for other in catalog
        if other.kind is Kind.ELEMENTWISE
        and _agree_at_probes(other.at_defaults(), analysis.two_class_reduction)
        and equal(other.at_defaults(), analysis.two_class_reduction)
    ]
    facts = (
        (words("Each component lies in"), value_range(analysis.component_range, words)),
        (words("Components sum to 1"), yes_no(analysis.sums_to_one, words)),
        (
            words("Unchanged by adding a constant to every input"),
            yes_no(analysis.shift_invariant, words),
        ),
        (words("Continuity class"), smoothness(analysis.smoothness, words)),
    )
    return {
        "jacobian": (
            f"\\frac{{\\partial s_i}}{{\\partial x_j}} = {jacobian},\\qquad s = {symbol}(x)"
        ),
        "reduction": f"{symbol}([x, 0])_1 = {sp.latex(analysis.two_class_reduction)}",
        "reduction_matches": matches,
        "dimension": analysis.dimension_checked,
        "facts": facts,
        "kinks": [],
        "no_second": [],
    }


def _agree_at_probes(first: sp.Expr, second: sp.Expr) -> bool:
    """A cheap numeric filter before the symbolic check: most pairs differ at x = 1/3."""
    x = sp.Symbol("x", real=True)
    for probe in (sp.Rational(1, 3), sp.Rational(-7, 5)):
        a, b = sp.N(first.subs(x, probe)), sp.N(second.subs(x, probe))
        if not (a.is_number and b.is_number) or abs(a - b) > 1e-9:
            return False
    return True


def _tolerance_texts(activation: Activation, words: Words) -> list[dict[str, str]]:
    """Each framework's asserted agreement in words: "f exactly, the gradient within …"."""
    return [
        {
            "title": FRAMEWORK_TITLES[entry.framework],
            "text": tolerance_text(entry.tolerance, words),
        }
        for entry in activation.frameworks
    ]


def tolerance_text(bound: Tolerance, words: Words) -> str:
    parts = []
    for label, relative, absolute in (
        (words("f"), bound.f_relative, bound.f_absolute),
        (words("the gradient"), bound.df_relative, bound.df_absolute),
    ):
        if relative == 0 and absolute == 0:
            parts.append(words("{what} exactly", what=label))
            continue
        terms = [
            f"{absolute:.2g}" if absolute else "",
            f"{relative:.2g}·|exact|" if relative else "",
        ]
        bound_text = " + ".join(t for t in terms if t)
        parts.append(words("{what} within {bound}", what=label, bound=bound_text))
    return words(", ").join(parts)


def number(value: sp.Expr) -> str:
    """Defaults as people write them: 0.01, not 1/100."""
    return shortest_text_number(value)
