"""Prove each display form equal to the entry's one formula, or stop the build.

A page may show GELU as x·Φ(x) only because SymPy has shown that x·Φ(x), with Φ rewritten
in erf, is the catalog's ``expression`` (and Φ(x) + x·φ(x) its derivative). "Shown" means
a simplification to 0, branch by branch for piecewise forms; exact probes can refute a form
(and the error names a point where it differs) but never confirm one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import sympy as sp

from generator.analysis.calculus import PROBES, is_zero
from generator.analysis.pieces import canonical
from generator.catalog.named import elementary
from generator.deadlines import time_limit
from generator.errors import CatalogError
from generator.records.catalog import Activation, Inner

# Each display form gets this long; every form in the catalog is proved in under a second.
PROOF_SECONDS: Final = 30.0
_EXPONENTIAL: Final = (sp.tanh, sp.sinh, sp.cosh, sp.sinc)
_PRIMES: Final = ("", "′", "″")


def prove_display(activation: Activation) -> None:
    """Raise :class:`CatalogError` naming the field unless each display form is proved."""
    display, x = activation.display, activation.variable
    if "display" in display.given:
        _prove(activation, "display", display.definition, activation.expression)
    if "derivative_display" in display.given:
        assert display.derivative is not None
        _prove(
            activation, "derivative_display", display.derivative, sp.diff(activation.expression, x)
        )


@dataclass(frozen=True)
class InnerForm:
    """An inner function (order 0) or one of its derivatives, as the page states it."""

    inner: Inner
    order: int
    value: sp.Expr  # in x, numbers as their symbols

    @property
    def symbol(self) -> sp.Symbol:
        return self.inner.derivative_symbol(self.order)

    @property
    def latex(self) -> str:
        return self.symbol.name  # u, u^{\prime}: named as printed


def prove_inner(
    activation: Activation,
    forms: Sequence[InnerForm],
    derivatives: Sequence[tuple[sp.Expr, sp.Expr]],
) -> None:
    """Raise :class:`CatalogError` unless each stated u′, u″ is the derivative of u and each
    printed (form, target) pair, f′ or f″ in u, u′, u″, equals its target with them put back."""
    x, values = activation.variable, activation.display.values
    for form in forms:
        exact = elementary(form.inner.expression.subs(values))
        name = form.inner.latex + _PRIMES[form.order]
        meaning = ("the one written", "its derivative", "its second derivative")[form.order]
        problem = f"gives a {name} that is not {meaning}"
        field = f"inner.{form.inner.symbol.name}"
        _prove(activation, field, form.value, sp.diff(exact, x, form.order), problem)
    back = {form.symbol: form.value for form in forms}
    for order, (printed, target) in enumerate(derivatives, start=1):
        meaning = ("the", "the second")[order - 1]
        problem = f"gives an f{_PRIMES[order]} that is not {meaning} derivative of `expression`"
        _prove(activation, "inner", printed.xreplace(back), target, problem)


def equal_forms(form: sp.Expr, target: sp.Expr, x: sp.Symbol) -> bool:
    """Whether ``form`` (named functions allowed) is proved to equal ``target``."""
    difference = elementary(form) - target
    if difference == 0 or is_zero(difference) is True:
        return True
    return _zero_by_branches(_in_exponentials(difference), x)


def _prove(
    activation: Activation, field: str, form: sp.Expr, target: sp.Expr, problem: str = ""
) -> None:
    exact: sp.Expr = form.subs(activation.display.values)
    x = activation.variable
    expired = lambda: CatalogError(  # noqa: E731
        activation.source, field, f"could not be proved equal in {PROOF_SECONDS:.0f} s"
    )
    with time_limit(PROOF_SECONDS, expired):
        if equal_forms(exact, target, x):
            return
        where = _counterexample(elementary(exact) - target, activation)
    what = "`expression`" if field == "display" else "f′ (the derivative of `expression`)"
    raise CatalogError(activation.source, field, f"{problem or f'is not equal to {what}'}{where}")


def _in_exponentials(expression: sp.Expr) -> sp.Expr:
    """tanh, sinh, cosh in exponentials and sinc as sin(x)/x, where simplify proves more."""
    rewritten = expression.replace(
        lambda node: isinstance(node, _EXPONENTIAL),
        lambda node: node.rewrite(sp.sin) if isinstance(node, sp.sinc) else node.rewrite(sp.exp),
    )
    result: sp.Expr = canonical(rewritten)
    return result


def _zero_by_branches(difference: sp.Expr, x: sp.Symbol) -> bool:
    """Every branch is 0 where it applies (a single point is checked there)."""
    if difference == 0:
        return True
    if not isinstance(difference, sp.Piecewise):
        return is_zero(difference) is True
    for branch, condition in difference.args:
        if condition == sp.false or branch == 0:
            continue
        if isinstance(condition, sp.Eq) and condition.free_symbols == {x}:
            points = sp.solve(condition, x)
            if all(sp.simplify(branch.subs(x, point)) == 0 for point in points):
                continue
            return False
        if condition.free_symbols <= {x}:
            try:
                if condition.as_set() is sp.S.EmptySet:
                    continue
            except (NotImplementedError, TypeError, ValueError):
                pass
        if is_zero(branch) is not True:
            return False
    return True


def _counterexample(difference: sp.Expr, activation: Activation) -> str:
    """ ", e.g. at x = 1/3 (by 0.0416)": a point, at the defaults, where the forms differ."""
    at_defaults = difference.subs(activation.defaults)
    for probe in PROBES:
        try:
            gap = sp.N(at_defaults.subs(activation.variable, probe), 15)
        except (TypeError, ValueError):
            continue
        if gap.is_number and gap.is_zero is False and abs(gap) > 1e-12:
            return f", e.g. at x = {probe} (by {float(gap):.3g})"
    return " (SymPy could not show the difference is 0)"
