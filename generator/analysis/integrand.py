"""SymPy expressions as Arb functions of a complex variable, for ``acb.integral``.

Kept apart from the quadrature itself: this is the translation table (which SymPy node is
which Arb call, and which ones have branch cuts to guard), that is the integration.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import sympy as sp
from flint import acb, arb, fmpq

from generator.analysis.pieces import UndeterminedError

Integrand = Callable[[acb, bool], acb]


class sinc_slope(sp.Function):  # type: ignore[misc]  # noqa: N801 (SymPy names are lower case)
    """sinc′(u) = cos(u)/u − sin(u)/u², kept whole: it is entire, but written out it is 0/0
    at u = 0, which interval arithmetic cannot see through. Arb evaluates it as
    −(u/3)·₀F₁(; 5/2; −u²/4), the spherical Bessel function −j₁(u)."""


def to_fmpq(value: sp.Rational) -> fmpq:
    return fmpq(int(value.p), int(value.q))


def compile_integrand(expression: sp.Expr, x: sp.Symbol) -> Integrand:
    """A SymPy expression as an Arb function of complex z. With ``analytic`` set, branch
    cuts (log, fractional powers, atan through logs) give non-finite balls, as
    ``acb.integral`` requires; the other functions allowed are entire or meromorphic."""
    if expression == x:
        return lambda z, analytic: z
    if expression.is_Atom:
        value = _constant(expression)
        return lambda z, analytic: value
    built = _build(expression, [compile_integrand(arg, x) for arg in expression.args])
    if expression.has(x):
        return built
    folded = built(acb(0), False)  # constant subexpressions are evaluated once
    return lambda z, analytic: folded


def _build(expression: sp.Expr, args: list[Integrand]) -> Integrand:
    if isinstance(expression, sp.Add):
        return lambda z, a: _fold(args, z, a, lambda p, q: p + q)
    if isinstance(expression, sp.Mul):
        return lambda z, a: _fold(args, z, a, lambda p, q: p * q)
    inner = args[0]
    if isinstance(expression, sp.Pow) and expression.exp.is_Rational:
        power = expression.exp
        if power.is_Integer:
            k = int(power)
            return lambda z, a: inner(z, a) ** k
        if power.q == 2:
            k = int(power.p)
            return lambda z, a: inner(z, a).sqrt(analytic=a) ** k
        p = acb(to_fmpq(power))
        return lambda z, a: (inner(z, a).log(analytic=a) * p).exp()
    if isinstance(expression, sp.log):
        return lambda z, a: inner(z, a).log(analytic=a)
    if isinstance(expression, sp.atan):  # atan w = (i/2)·(log(1 − iw) − log(1 + iw))
        i = acb(0, 1)

        def atan(z: acb, a: bool) -> acb:
            w = i * inner(z, a)
            value: acb = i / 2 * ((1 - w).log(analytic=a) - (1 + w).log(analytic=a))
            return value

        return atan
    if isinstance(expression, sinc_slope):
        half = acb(fmpq(5, 2))
        return lambda z, a: -inner(z, a) / 3 * (-(inner(z, a) ** 2) / 4).hypgeom_0f1(half)
    function = UNARY.get(type(expression))
    if function is None:
        raise UndeterminedError(f"no Arb evaluation of {expression.func}")
    return lambda z, a: function(inner(z, a))


# Entire or meromorphic: no branch cut to guard.
UNARY: Final[dict[type, Callable[[acb], acb]]] = {
    sp.exp: acb.exp,
    sp.tanh: acb.tanh,
    sp.erf: acb.erf,
    sp.erfc: acb.erfc,
    sp.sin: acb.sin,
    sp.cos: acb.cos,
    sp.sinc: acb.sinc,
}


def _fold(args: list[Integrand], z: acb, a: bool, step: Callable[[acb, acb], acb]) -> acb:
    value = args[0](z, a)
    for arg in args[1:]:
        value = step(value, arg(z, a))
    return value


def _constant(atom: sp.Expr) -> acb:
    if isinstance(atom, sp.Rational):
        return acb(to_fmpq(atom))
    if atom is sp.pi:
        return acb(arb.pi())
    if atom is sp.E:
        return acb(1).exp()
    if isinstance(atom, sp.Float):
        return acb(to_fmpq(sp.Rational(atom)))
    if atom is sp.I:
        return acb(0, 1)
    raise UndeterminedError(f"no Arb value for {atom}")
