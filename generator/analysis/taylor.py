"""A polynomial's hull on [X, ∞) from its Taylor coefficients at X.

Interval arithmetic on a polynomial's terms loses to dependency (t² − t comes out as
[X², ∞) + (−∞, −X] = (−∞, ∞)); a Taylor shift to X and the signs of the shifted
coefficients give the hull of the whole polynomial at once. :mod:`hull` uses it for every
polynomial sum.
"""

from __future__ import annotations

from fractions import Fraction

import sympy as sp
from flint import arb

from generator.analysis.arb import constant, point
from generator.analysis.extended import INF, Hull, lower, upper


def polynomial(expression: sp.Expr, t: sp.Symbol, start: Fraction) -> Hull:
    """A polynomial on [X, ∞) from its Taylor coefficients at X.

    p(X + s) = Σ bₖ sᵏ with s ≥ 0: when every bₖ (k ≥ 1) has one sign, p is monotone and its
    hull is [p(X), ±∞), exactly. Past the largest real root of p and its derivatives this
    always happens, which is why the tails start far out.
    """
    coefficients = [constant(c) for c in sp.Poly(expression, t).all_coeffs()[::-1]]
    shifted = _taylor_shift(coefficients, point(start))
    at_start = shifted[0]
    signs = {_ball_sign(c) for c in shifted[1:]} - {0}
    if signs == {1}:
        return Hull(lower(at_start), INF)
    if signs == {-1}:
        return Hull(-INF, upper(at_start))
    if not signs:
        return Hull.of(at_start)
    return Hull(-INF, INF)


def _ball_sign(ball: arb) -> int | None:
    if ball.is_zero():
        return 0
    if ball > 0:
        return 1
    if ball < 0:
        return -1
    return None  # unknown: fails the one-sign test


def _taylor_shift(coefficients: list[arb], shift: arb) -> list[arb]:
    """Coefficients of p(s + shift), lowest first (repeated synthetic division)."""
    result = list(coefficients)
    n = len(result)
    for i in range(n):
        for j in range(n - 2, i - 1, -1):
            result[j] = result[j] + shift * result[j + 1]
    return result
