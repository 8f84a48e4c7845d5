"""Signs of formulas on a tail [X, ∞), proved: the step that makes the tails exact.

A sign here is strict: +1 means "> 0 at every finite t ≥ X", 0 means "not shown". Products
take the signs of their factors (x·e^−x < 0 needs no bound on the product), sums the sign of
their hull, or failing that the sign of their largest term when every other term is shown
to be smaller in ratio. A hull that dependency made unbounded is retried from the sign of
the derivative: a monotone function lies between its value at X and its far end.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final

import sympy as sp

from generator.analysis.arb import compile_ball, constant, point
from generator.analysis.hull import Hull, add, hull
from generator.analysis.pieces import UndeterminedError

# How many derivatives a hull or a sign may call on; each level differentiates once more.
DEPTH: Final = 2
# Functions with the sign of their argument, and functions that are always positive.
ODD_INCREASING: Final = (sp.tanh, sp.erf, sp.atan, sp.sinh, sp.asinh, sp.LambertW)
POSITIVE: Final = (sp.exp, sp.cosh, sp.erfc)


class Tail:
    """Proofs about formulas in ``t`` on [``start``, ∞)."""

    def __init__(self, t: sp.Symbol, start: Fraction) -> None:
        self.t = t
        self.start = start
        self._signs: dict[tuple[sp.Expr, int], int] = {}

    def hull(self, expression: sp.Expr, depth: int = DEPTH) -> Hull:
        """Bounds on every value, with monotone retries ``depth`` derivatives deep."""

        def refine(node: sp.Expr, found: Hull) -> Hull:
            return self._monotone(node, found, depth)

        try:
            return hull(expression, self.t, self.start, refine if depth > 0 else None)
        except (UndeterminedError, ZeroDivisionError):
            return Hull(-float("inf"), float("inf"))

    def value_at_start(self, expression: sp.Expr) -> Hull:
        return Hull.of(compile_ball(expression, self.t)(point(self.start)))

    def sign(self, expression: sp.Expr, depth: int = DEPTH) -> int:
        key = (expression, depth)
        if key not in self._signs:
            try:
                self._signs[key] = self._sign(sp.sympify(expression), depth)
            except (UndeterminedError, ZeroDivisionError):
                self._signs[key] = 0
        return self._signs[key]

    def _monotone(self, node: sp.Expr, found: Hull, depth: int) -> Hull:
        slope = self.sign(sp.diff(node, self.t), depth - 1)
        if slope == 0:
            return found
        start = self.value_at_start(node)
        if slope > 0:  # rising from its value at X towards the far end
            return Hull(start.low, found.high, high_open=True)
        return Hull(found.low, start.high, low_open=True)

    def _sign(self, node: sp.Expr, depth: int) -> int:
        if node.has(sp.I):
            return 0  # only real formulas have signs
        if self.t not in node.free_symbols:
            return self.hull(node, 0).sign
        if node == self.t:
            return 1 if self.start > 0 else 0
        if isinstance(node, sp.Mul):
            result = 1
            for factor in node.args:
                result *= self.sign(factor, depth)
                if result == 0:
                    return 0
            return result
        if isinstance(node, sp.Pow):
            return self._power_sign(node, depth)
        if isinstance(node, POSITIVE):
            return 1
        if isinstance(node, ODD_INCREASING):
            return self.sign(node.args[0], depth)
        if isinstance(node, sp.log):
            inner = self.hull(node.args[0], depth)
            shifted = add(inner, Hull.of(constant(sp.Integer(-1))))
            return shifted.sign if inner.positive else 0
        found = self.hull(node, depth).sign
        if found or not isinstance(node, sp.Add):
            return found
        signs = {self.sign(term, depth) for term in node.args}
        if len(signs) == 1 and 0 not in signs:
            return signs.pop()
        return self._dominant_sign(node, depth)

    def _power_sign(self, node: sp.Pow, depth: int) -> int:
        base, exponent = node.args
        if exponent.is_Integer:
            inner = self.sign(base, depth)
            return inner ** abs(int(exponent)) if inner else 0
        if self.sign(base, depth) > 0:
            return 1  # a real power of a positive base
        return 0

    def _dominant_sign(self, node: sp.Add, depth: int) -> int:
        """S = T·(1 + Σ Tᵢ/T) for the largest term T: S has T's sign when the bracket > 0."""
        far = point(2 * self.start)
        sizes = []
        for term in node.args:
            value = compile_ball(term, self.t)(far)
            sizes.append(float(abs(value).mid()) if value.is_finite() else float("inf"))
        leader = node.args[sizes.index(max(sizes))]
        leader_sign = self.sign(leader, depth)
        if leader_sign == 0:
            return 0
        bracket = Hull.of(constant(sp.Integer(1)))
        for term in node.args:
            if term is leader:
                continue
            ratio = sp.powsimp(sp.cancel(sp.powsimp(term / leader, combine="exp")), combine="exp")
            bracket = add(bracket, self.hull(ratio, depth))
        return leader_sign if bracket.positive else 0
