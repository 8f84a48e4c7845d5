"""An entry's displayed formulas, printed once and kept across builds.

Printing f′ and f″ as LaTeX takes SymPy most of a page's rendering time; the result depends
only on the entry's analysis (cache key) and the printing code, so it is cached with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.present import latex
from generator.records.analysis import ElementwiseAnalysis
from generator.records.catalog import Activation
from generator.records.services import Memo


@dataclass(frozen=True)
class Formulas:
    definition: str
    first: str | None  # None for vector entries, whose derivative is a Jacobian
    second: str | None


def formulas(activation: Activation, analysis: object, memo: Memo) -> Formulas:
    return memo.cached("formulas", [activation.mathematics()], lambda: _print(activation, analysis))


def _print(activation: Activation, analysis: object) -> Formulas:
    if not isinstance(analysis, ElementwiseAnalysis):
        return Formulas(latex.definition(activation), None, None)
    return Formulas(
        definition=latex.definition(activation),
        first=latex.derivative_line(activation, 1, analysis.derivative, analysis.derivative_pieces),
        second=latex.derivative_line(
            activation, 2, analysis.second_derivative, analysis.second_derivative_pieces
        ),
    )
