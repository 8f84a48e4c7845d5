"""The NumPy code shown on each page: the short form first, the accurate module folded below
it; printed by SymPy where neither is written."""

from __future__ import annotations

from collections.abc import Sequence

import sympy as sp
from sympy.printing.numpy import NumPyPrinter

from generator import implementations
from generator.analysis.pieces import canonical
from generator.errors import CatalogError
from generator.implementations import forms
from generator.records.analysis import ElementwiseAnalysis
from generator.records.catalog import Activation, Kind
from generator.records.views import Snippet


def numpy_snippet(
    activation: Activation,
    analysis: ElementwiseAnalysis | None,
    catalog: Sequence[Activation] = (),
) -> Snippet:
    """The short form and the accurate module written for this entry; for a gated unit, its
    gate's, each with ``unit`` added."""
    gate = gate_entry(activation, catalog)
    own = activation if gate is None else gate
    unit = "" if gate is None else _unit(activation)
    gate_of = None if gate is None else gate.id
    short, accurate = forms.source(forms.SHORT, own.id), implementations.source(own.id)
    if short is not None:
        extended = None if accurate is None else accurate + unit
        return Snippet(short + unit, printed=False, gate_of=gate_of, accurate=extended)
    if accurate is not None:
        return Snippet(accurate + unit, printed=False, gate_of=gate_of)
    if analysis is None:
        problem = f"a vector activation needs generator/implementations/{activation.id}.py"
        raise CatalogError(activation.source, "kind", problem)
    signature = ", ".join(["x", *(f"{p.name}={float(p.default)!r}" for p in activation.parameters)])
    body_f = _print(activation.expression)
    body_df = _print(analysis.derivative)
    source = (
        "import numpy as np\n\n\n"
        f"def f({signature}):\n"
        f'    """{_sentence(_what(activation))}, printed from the catalog formula by SymPy."""\n'
        f"    return {body_f}\n\n\n"
        f"def df({signature}):\n"
        f'    """Derivative of {_what(activation)}, printed by SymPy."""\n'
        f"    return {body_df}\n"
    )
    if activation.kind is Kind.GATED:
        source += _unit(activation)
    return Snippet(source, printed=True)


def gate_entry(activation: Activation, catalog: Sequence[Activation]) -> Activation | None:
    """The elementwise entry with a module whose formula is exactly this unit's gate."""
    if activation.kind is not Kind.GATED or activation.parameters:
        return None
    gate = activation.expression  # same tree as written, no SymPy rewriting needed
    return next(
        (
            other
            for other in catalog
            if other.kind is Kind.ELEMENTWISE
            and not other.parameters
            and implementations.source(other.id) is not None
            and other.expression == gate
        ),
        None,
    )


def _unit(activation: Activation) -> str:
    signature = ", ".join(
        ["x", "axis=-1", *(f"{p.name}={float(p.default)!r}" for p in activation.parameters)]
    )
    keywords = "".join(f", {p.name}={p.name}" for p in activation.parameters)
    return (
        f"\n\ndef unit({signature}):\n"
        f'    """{activation.name}: split x in halves a, b along axis; return a * f(b)."""\n'
        "    a, b = np.split(np.asarray(x), 2, axis=axis)\n"
        f"    return a * f(b{keywords})\n"
    )


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _what(activation: Activation) -> str:
    return f"the gate of {activation.name}" if activation.kind is Kind.GATED else activation.name


def _print(expression: sp.Expr) -> str:
    code = NumPyPrinter({"fully_qualified_modules": True}).doprint(canonical(expression))
    return str(code).replace("numpy.", "np.")
