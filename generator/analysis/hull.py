"""Bounds of a formula over an unbounded interval [X, ∞): the walk over its expression tree.

Each node's hull comes from its children's, by the arithmetic of :mod:`extended` (ends
may be ±∞), the functions of :mod:`elementary` (which take their limits there) and, for a
polynomial sum, the exact Taylor hull of :mod:`taylor`. The result holds for every finite
x ≥ X. Where plain interval arithmetic loses to dependency (x·e^−x is
[0, ∞)·[0, e^−X] = [0, ∞)), a node with an unbounded hull is retried as a monotone
function, from the sign of its derivative (:mod:`generator.analysis.tailsign`).
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from functools import reduce

import sympy as sp
from flint import arb

from generator.analysis.arb import SincDerivative, constant, point
from generator.analysis.elementary import bounded_by_one, cosh, monotone, sinc_derivative
from generator.analysis.extended import INF, Hull, add, finite, multiply, power
from generator.analysis.pieces import UndeterminedError
from generator.analysis.taylor import polynomial

__all__ = ["Hull", "add", "hull"]  # what tailsign and tailrange import from here


def hull(
    expression: sp.Expr,
    t: sp.Symbol,
    start: Fraction,
    refine: Callable[[sp.Expr, Hull], Hull] | None = None,
) -> Hull:
    """Every value of ``expression`` for t ≥ ``start`` lies in the returned hull.

    ``refine`` is given each product or sum whose hull came out unbounded, with that hull,
    and may return a tighter one (the tail-sign module passes a monotonicity argument).
    """
    return _Evaluator(t, start, refine).hull(sp.sympify(expression))


class _Evaluator:
    def __init__(
        self,
        t: sp.Symbol,
        start: Fraction,
        refine: Callable[[sp.Expr, Hull], Hull] | None,
    ) -> None:
        self.t = t
        self.start = start
        self.refine = refine
        self.memo: dict[sp.Expr, Hull] = {}

    def hull(self, node: sp.Expr) -> Hull:
        if node not in self.memo:
            self.memo[node] = self._hull(node)
        return self.memo[node]

    def _hull(self, node: sp.Expr) -> Hull:
        t = self.t
        if node == t:
            return Hull(point(self.start), INF)
        if t not in node.free_symbols:
            return Hull.of(constant(node))
        if isinstance(node, sp.Add) and node.is_polynomial(t):
            found = polynomial(node, t, self.start)
            return self._refined(node, found, loose=not (finite(found.low) or finite(found.high)))
        if isinstance(node, sp.Add):
            return self._folded(node, add, _mixed_infinities)
        if isinstance(node, sp.Mul):
            return self._folded(node, multiply, _zero_times_infinity)
        if isinstance(node, sp.Pow):
            return self._power(node)
        if isinstance(node, SincDerivative):
            return sinc_derivative(int(node.args[0]), self.hull(node.args[1]))
        return self._function(node)

    def _folded(
        self,
        node: sp.Expr,
        combine: Callable[[Hull, Hull], Hull],
        loose: Callable[[list[Hull]], bool],
    ) -> Hull:
        """A sum or a product, operand by operand; refined where ``loose`` says the operands
        may have lost to dependency."""
        parts = [self.hull(operand) for operand in node.args]
        return self._refined(node, reduce(combine, parts), loose=loose(parts))

    def _refined(self, node: sp.Expr, found: Hull, loose: bool) -> Hull:
        if self.refine is None or found.bounded or not loose:
            return found
        return self.refine(node, found).meet(found)

    def _power(self, node: sp.Pow) -> Hull:
        base, exponent = node.args
        if exponent.is_Integer:
            return power(self.hull(base), int(exponent))
        if exponent.is_Rational:
            inner = self.hull(base)
            value = constant(exponent)

            def rational_power(b: arb) -> arb:
                return (value * b.log()).exp()

            limits = (arb(0), INF) if exponent > 0 else (INF, arb(0))
            return monotone(
                inner, rational_power, limits, increasing=bool(exponent > 0), domain_low=arb(0)
            )
        return self.hull(sp.exp(exponent * sp.log(base)))

    def _function(self, node: sp.Expr) -> Hull:
        kind = type(node)
        if len(node.args) != 1:
            raise UndeterminedError(f"no tail bound for {kind.__name__}")
        inner = self.hull(node.args[0])
        one, zero, half_pi = arb(1), arb(0), arb.pi() / 2
        if kind is sp.exp:
            return monotone(inner, arb.exp, (zero, INF))
        if kind is sp.log:
            return monotone(inner, arb.log, (-INF, INF), domain_low=zero)
        if kind is sp.tanh:
            return monotone(inner, arb.tanh, (-one, one))
        if kind is sp.erf:
            return monotone(inner, arb.erf, (-one, one))
        if kind is sp.erfc:
            return monotone(inner, arb.erfc, (arb(2), zero), increasing=False)
        if kind is sp.atan:
            return monotone(inner, arb.atan, (-half_pi, half_pi))
        if kind in (sp.sinh, sp.asinh):
            function = arb.sinh if kind is sp.sinh else arb.asinh
            return monotone(inner, function, (-INF, INF))
        if kind is sp.LambertW:
            return monotone(inner, arb.lambertw, (-one, INF))
        if kind is sp.cosh:
            return cosh(inner)
        if kind is sp.sin:
            return bounded_by_one(inner, arb.sin)
        if kind is sp.cos:
            return bounded_by_one(inner, arb.cos)
        if kind is sp.sinc:
            return sinc_derivative(0, inner)
        raise UndeterminedError(f"no tail bound for {kind.__name__}")


def _mixed_infinities(parts: list[Hull]) -> bool:
    """A sum of a term that may run to −∞ and one that may run to +∞."""
    return any(not finite(p.low) for p in parts) and any(not finite(p.high) for p in parts)


def _zero_times_infinity(parts: list[Hull]) -> bool:
    """A product of a factor that reaches 0 and one that is unbounded: x·e^−x."""
    touches_zero = any(not (p.positive or p.negative) for p in parts)
    return touches_zero and any(not p.bounded for p in parts)
