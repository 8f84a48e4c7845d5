"""An entry's displayed formulas, printed once and kept across builds.

Printing f′ and f″ as LaTeX takes SymPy most of a page's rendering time; the result depends
only on the entry's analysis (cache key) and the printing code, so it is cached with them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator import cache as analysis_cache
from generator.model import Activation, ElementwiseAnalysis
from generator.render import latex


@dataclass(frozen=True)
class Formulas:
    definition: str
    first: str | None  # None for vector entries, whose derivative is a Jacobian
    second: str | None


def formulas(activation: Activation, analysis: object) -> Formulas:
    return analysis_cache.remember(
        "formulas", _key(activation), lambda: _print(activation, analysis)
    )


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


def _key(activation: Activation) -> str:
    digest = hashlib.sha256(analysis_cache.key(activation).encode())
    digest.update(_printer_digest().encode())
    return digest.hexdigest()


@cache
def _printer_digest() -> str:
    digest = hashlib.sha256()
    for path in (Path(latex.__file__), Path(__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()
