"""The NumPy code shown on each page: hand-written where it exists, else printed by SymPy."""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy.printing.numpy import NumPyPrinter

from generator import implementations
from generator.analysis.pieces import canonical
from generator.model import Activation, ElementwiseAnalysis


@dataclass(frozen=True)
class Snippet:
    source: str
    printed: bool  # True: printed from the formula by SymPy, not numerically hardened


def numpy_snippet(activation: Activation, analysis: ElementwiseAnalysis | None) -> Snippet:
    written = implementations.source(activation.id)
    if written is not None:
        return Snippet(written, printed=False)
    if analysis is None:
        raise ValueError(f"{activation.id}: a vector activation needs a hand-written module")
    signature = ", ".join(["x", *(f"{p.name}={float(p.default)!r}" for p in activation.parameters)])
    body_f = _print(activation.expression)
    body_df = _print(analysis.derivative)
    return Snippet(
        "import numpy as np\n\n\n"
        f"def f({signature}):\n"
        f'    """{activation.name}, printed from the catalog formula by SymPy."""\n'
        f"    return {body_f}\n\n\n"
        f"def df({signature}):\n"
        f'    """Derivative of {activation.name}, printed by SymPy."""\n'
        f"    return {body_df}\n",
        printed=True,
    )


def _print(expression: sp.Expr) -> str:
    code = NumPyPrinter({"fully_qualified_modules": True}).doprint(canonical(expression))
    return str(code).replace("numpy.", "np.")
