"""The named functions a display form may use: Φ, φ, σ, softplus (and SymPy's Lambert W).

Textbooks write GELU as x·Φ(x) and SiLU as x·σ(x), not in erf and exponentials. These
classes let a catalog file say the same, and carry exactly what the build needs from them:
their derivative (so f′ of x·Φ(x) prints as Φ(x) + x·φ(x)), their LaTeX, and their
rewriting into the functions ``expression`` uses (so every display form is proved equal to
the one formula). They never evaluate themselves: Φ(0) stays Φ(0) until rewritten.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Final

import sympy as sp


class NamedFunction(sp.Function):  # type: ignore[misc]  # SymPy is untyped
    """A function of one real argument known by a name; real for real arguments."""

    nargs = 1
    latex_name: ClassVar[str] = ""

    def elementary(self) -> sp.Expr:
        """The function in exp, log and erf, which ``expression`` formulas are written in."""
        raise NotImplementedError

    def _eval_is_real(self) -> bool | None:
        real: bool | None = self.args[0].is_real
        return real

    def _eval_is_positive(self) -> bool | None:
        real: bool | None = self.args[0].is_real
        return real  # every named function here is positive on the real line

    def _latex(self, printer: Any, exp: str | None = None) -> str:
        name = self.latex_name if exp is None else f"{self.latex_name}^{{{exp}}}"
        return f"{name}\\left({printer._print(self.args[0])}\\right)"


class NormalCdf(NamedFunction):
    """Φ, the standard normal distribution function."""

    latex_name = "\\Phi"

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return NormalPdf(self.args[0])

    def elementary(self) -> sp.Expr:
        value: sp.Expr = (1 + sp.erf(self.args[0] / sp.sqrt(2))) / 2
        return value


class NormalPdf(NamedFunction):
    """φ, the standard normal density."""

    latex_name = "\\varphi"

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        derivative: sp.Expr = -self.args[0] * NormalPdf(self.args[0])
        return derivative

    def elementary(self) -> sp.Expr:
        value: sp.Expr = sp.exp(-(self.args[0] ** 2) / 2) / sp.sqrt(2 * sp.pi)
        return value


class Logistic(NamedFunction):
    """σ, the logistic sigmoid; σ′ = σ(1 − σ)."""

    latex_name = "\\sigma"

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        value: sp.Expr = Logistic(self.args[0])
        derivative: sp.Expr = value * (1 - value)
        return derivative

    def elementary(self) -> sp.Expr:
        value: sp.Expr = 1 / (1 + sp.exp(-self.args[0]))
        return value


class Softplus(NamedFunction):
    """softplus(x) = log(1 + eˣ); its derivative is σ."""

    latex_name = "\\operatorname{softplus}"

    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return Logistic(self.args[0])

    def elementary(self) -> sp.Expr:
        value: sp.Expr = sp.log(1 + sp.exp(self.args[0]))
        return value


# The names a display form calls them by, with what each means (for the schema's table).
NAMED: Final[Mapping[str, Any]] = {
    "Phi": NormalCdf,
    "phi": NormalPdf,
    "sigma": Logistic,
    "softplus": Softplus,
    "W": sp.LambertW,
}
MEANINGS: Final = {
    "Phi": "Φ, the standard normal CDF",
    "phi": "φ, its density",
    "sigma": "σ, the logistic sigmoid",
    "softplus": "log(1 + eˣ)",
    "W": "Lambert W",
}


def elementary(expression: sp.Expr) -> sp.Expr:
    """``expression`` with every named function rewritten and every integral done."""
    rewritten: sp.Expr = expression.replace(
        lambda node: isinstance(node, NamedFunction), lambda node: node.elementary()
    )
    if rewritten.has(sp.Integral):
        rewritten = rewritten.doit()
    return rewritten
