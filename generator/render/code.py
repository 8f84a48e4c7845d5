"""The NumPy code shown on each page: hand-written where it exists, else printed by SymPy."""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy.printing.numpy import NumPyPrinter

from generator import implementations
from generator.analysis.pieces import canonical
from generator.errors import CatalogError
from generator.model import Activation, ElementwiseAnalysis, Kind


@dataclass(frozen=True)
class Snippet:
    source: str
    printed: bool  # True: printed from the formula by SymPy, not numerically hardened


def numpy_snippet(activation: Activation, analysis: ElementwiseAnalysis | None) -> Snippet:
    written = implementations.source(activation.id)
    if written is not None:
        return Snippet(written, printed=False)
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
        keywords = "".join(f", {p.name}={p.name}" for p in activation.parameters)
        source += (
            f"\n\ndef unit({signature.replace('x', 'x, axis=-1', 1)}):\n"
            f'    """{activation.name}: split x in halves a, b along axis; return a * f(b)."""\n'
            "    a, b = np.split(np.asarray(x, dtype=np.float64), 2, axis=axis)\n"
            f"    return a * f(b{keywords})\n"
        )
    return Snippet(source, printed=True)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _what(activation: Activation) -> str:
    return f"the gate of {activation.name}" if activation.kind is Kind.GATED else activation.name


def _print(expression: sp.Expr) -> str:
    code = NumPyPrinter({"fully_qualified_modules": True}).doprint(canonical(expression))
    return str(code).replace("numpy.", "np.")
