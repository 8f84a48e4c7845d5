"""Rigorous enclosures of E[h(X)], X ~ N(0, 1), for a piecewise-analytic h, with Arb.

The line is cut at ±X. Inside, Arb's ``acb.integral`` integrates each branch on its own
interval only, so a kink or jump never lies inside a segment. Outside, the tail is bounded
by a proved envelope |h(x)| ≤ M·xⁿ·e^{bx} for x ≥ X (see ``Envelope``), built from the branch's
formula by interval rules, and the Gaussian factor does the rest (``_tail``). Precision, cut-
offs and tolerances are fixed, so the enclosure is the same on every machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Final

import sympy as sp
from flint import acb, arb, ctx, fmpq

from generator.analysis.integrand import compile_integrand, sinc_slope, to_fmpq
from generator.analysis.pieces import UndeterminedError
from generator.records.analysis import Piece

PRECISION: Final = 128  # bits, about 38 digits
CUTOFFS: Final = (8, 12, 16, 24, 32, 48, 64)  # the first X whose tails are small enough wins
TAIL_GOAL: Final = arb(2) ** -120  # absolute bound on both tails together


class _Sinc(sp.Function):  # type: ignore[misc]  # SymPy is untyped
    def fdiff(self, argindex: int = 1) -> sp.Expr:
        return sinc_slope(self.args[0])


def derivative(expression: sp.Expr, x: sp.Symbol) -> sp.Expr:
    """d/dx of one branch, with sinc′ as ``sinc_slope`` so Arb can evaluate it at 0."""
    slope: sp.Expr = sp.diff(expression.replace(sp.sinc, _Sinc), x).replace(_Sinc, sp.sinc)
    return slope


def gaussian_expectation(parts: tuple[Piece, ...], x: sp.Symbol) -> arb:
    """An enclosure of Σ ∫_domain h(x)·φ(x) dx over ``parts`` (integrand h, interval), which
    tile the real line left to right; point domains carry no mass and are skipped."""
    parts = tuple(part for part in parts if not isinstance(part.domain, sp.FiniteSet))
    with ctx.workprec(PRECISION):
        cutoff, tails = _cutoff(parts, x)
        total = tails
        for part in parts:
            low = _clip(part.domain.inf, cutoff)
            high = _clip(part.domain.sup, cutoff)
            if low < high:
                total += _integral(part.expression, x, low, high)
        if not total.is_finite():
            raise UndeterminedError("the quadrature did not converge")
        scaled: arb = total / (2 * arb.pi()).sqrt()
        return scaled


def _clip(end: sp.Expr, cutoff: int) -> sp.Rational:
    if end is sp.S.Infinity:
        return sp.Integer(cutoff)
    if end is sp.S.NegativeInfinity:
        return sp.Integer(-cutoff)
    if not end.is_Rational:
        raise UndeterminedError(f"branch point {end} is not rational")
    clipped: sp.Rational = sp.Min(sp.Max(end, -cutoff), cutoff)
    return clipped


def _integral(expression: sp.Expr, x: sp.Symbol, low: sp.Rational, high: sp.Rational) -> arb:
    """∫ h(x)·e^{−x²/2} dx over [low, high] with h's own formula (analytic around it)."""
    h = compile_integrand(expression, x)
    value = acb.integral(
        lambda z, analytic: h(z, analytic) * (-z * z / 2).exp(),
        acb(to_fmpq(low)),
        acb(to_fmpq(high)),
    )
    real: arb = value.real  # h is real on the segment, so the integral is too
    return real


def _cutoff(parts: tuple[Piece, ...], x: sp.Symbol) -> tuple[int, arb]:
    """The first X of ``CUTOFFS`` beyond every branch point whose tails are proved small,
    with the enclosure [−T, T] of both tails."""
    ends = [abs(end) for p in parts for end in (p.domain.inf, p.domain.sup) if end.is_finite]
    right = parts[-1].expression
    left = parts[0].expression.xreplace({x: -x})  # x ≤ −X becomes t ≥ X
    if (
        parts[0].domain.inf is not sp.S.NegativeInfinity
        or parts[-1].domain.sup is not sp.S.Infinity
    ):
        raise UndeterminedError("the branches do not cover the real line")
    reason = "every cut-off leaves Gaussian tails that are too large"
    for cutoff in (c for c in CUTOFFS if c > max(ends, default=0)):
        point = arb(cutoff)
        try:
            bound = _tail(_envelope(right, x, point), point)
            bound += _tail(_envelope(left, x, point), point)
        except UndeterminedError as error:  # a bound may only hold from a larger X on
            reason = str(error)
            continue
        if bound < TAIL_GOAL:
            return cutoff, arb(0).union(bound).union(-bound)
    raise UndeterminedError(f"no tail bound: {reason}")


def _tail(envelope: Envelope, point: arb) -> arb:
    """A bound on ∫_X^∞ |h(x)| e^{−x²/2} dx from |h| ≤ M·xⁿ·e^{bx} on [X, ∞).

    With n ≥ 0, ψ(x) = n·log x + b·x − x²/2 is concave, so it lies below its tangent at X:
    ψ(x) ≤ ψ(X) − s·(x − X) with s = X − n/X − b, and the integral is at most e^{ψ(X)}/s
    when s > 0. (For n < 0, xⁿ ≤ Xⁿ first.)
    """
    bound, n = envelope.ball.abs_upper(), envelope.n
    if n < 0:
        bound, n = bound * _weight(envelope.n, Fraction(0), point), Fraction(0)
    slope = point - _arb(n) / point - _arb(envelope.b)
    if not slope > 0:
        return arb("inf")
    decay: arb = bound * _weight(n, envelope.b, point) * (-point * point / 2).exp() / slope
    return decay


@dataclass(frozen=True)
class Envelope:
    """h(x) ∈ xⁿ·e^{bx}·ball for every x ≥ X ≥ 3 (n, b exact; ball an Arb interval).

    The rules below keep this true: a sum is brought to the largest n and b, where the
    ratio x^{n′−n}·e^{(b′−b)x} is positive and decreasing, so it lies in (0, its value at X];
    products multiply; bounded functions (tanh, erf, sin, …) give [−1, 1]; exp and log
    are handled in ``_envelope_exp`` and ``_envelope_log``.
    """

    n: Fraction
    b: Fraction
    ball: arb

    def to(self, n: Fraction, b: Fraction, point: arb) -> arb:
        """The ball for the larger weight xⁿ·e^{bx} (n ≥ self.n, b ≥ self.b)."""
        if (n, b) == (self.n, self.b):
            return self.ball
        ratio = arb(0).union(_weight(self.n - n, self.b - b, point))
        scaled: arb = self.ball * ratio
        return scaled

    def inverse(self) -> Envelope:
        if 0 in self.ball:
            raise UndeterminedError("a denominator is not bounded away from 0 in the tail")
        return Envelope(-self.n, -self.b, 1 / self.ball)


def _envelope(expression: sp.Expr, x: sp.Symbol, point: arb) -> Envelope:
    zero = Fraction(0)
    if expression == x:
        return Envelope(Fraction(1), zero, arb(1))
    if not expression.has(x):
        return Envelope(zero, zero, _real(expression, x))
    # Bounded for every real argument: |tanh|, |erf|, |sin|, |cos| ≤ 1; sinc(u) = ½∫₋₁¹ cos(ut) dt
    # and sinc′(u) = −½∫₋₁¹ t·sin(ut) dt give |sinc| ≤ 1, |sinc′| ≤ ½; 0 < erfc < 2.
    if isinstance(expression, (sp.tanh, sp.erf, sp.sin, sp.cos, sp.sinc, sinc_slope)):
        return Envelope(zero, zero, arb(-1).union(arb(1)))
    if isinstance(expression, sp.erfc):
        return Envelope(zero, zero, arb(0).union(arb(2)))
    if isinstance(expression, sp.atan):
        return Envelope(zero, zero, arb.pi() / 2 * arb(-1).union(arb(1)))
    if isinstance(expression, sp.exp):
        return _envelope_exp(expression.args[0], x, point)
    args = [_envelope(arg, x, point) for arg in expression.args]
    if isinstance(expression, sp.Add):
        n, b = max(e.n for e in args), max(e.b for e in args)
        return Envelope(n, b, sum((e.to(n, b, point) for e in args), arb(0)))
    if isinstance(expression, sp.Mul):
        ball = arb(1)
        for e in args:
            ball *= e.ball
        return Envelope(sum((e.n for e in args), zero), sum((e.b for e in args), zero), ball)
    if isinstance(expression, sp.Pow):
        return _envelope_pow(args[0], expression.exp, point)
    if isinstance(expression, sp.log):
        return _envelope_log(args[0], point)
    raise UndeterminedError(f"no tail envelope for {expression.func}")


def _envelope_pow(base: Envelope, power: sp.Expr, point: arb) -> Envelope:
    if not power.is_Rational:
        raise UndeterminedError(f"power {power}")
    exponent = Fraction(int(power.p), int(power.q))
    if exponent < 0:
        base, exponent = base.inverse(), -exponent
    if exponent.denominator == 1:
        ball = arb(1)
        for _ in range(int(exponent)):  # arb ** k is NaN for a ball around 0
            ball *= base.ball
    elif base.ball > 0:
        ball = (base.ball.log() * _arb(exponent)).exp()
    else:
        raise UndeterminedError("a fractional power of a quantity not proved positive")
    return Envelope(base.n * exponent, base.b * exponent, ball)


def _envelope_exp(argument: sp.Expr, x: sp.Symbol, point: arb) -> Envelope:
    """e^u for u = a·x + c exactly; for a concave quadratic, e^u ≤ e^{max u}; otherwise from
    u's envelope: u ≤ 0, or u bounded (n, b ≤ 0), or u ≤ hi·x (n ≤ 1, b = 0)."""
    zero = Fraction(0)
    if argument.is_polynomial(x):
        coefficients = sp.Poly(argument, x).all_coeffs()[::-1]
        if len(coefficients) <= 2 and all(c.is_Rational for c in coefficients[1:]):
            constant = _real(coefficients[0], x)
            slope = coefficients[1] if len(coefficients) == 2 else sp.Integer(0)
            return Envelope(zero, Fraction(int(slope.p), int(slope.q)), constant.exp())
        if len(coefficients) == 3 and coefficients[2].is_negative:
            c, b, a = (_real(k, x) for k in coefficients)
            return Envelope(zero, zero, arb(0).union((c - b * b / (4 * a)).exp()))
    inner = _envelope(argument, x, point)
    if inner.n <= 0 and inner.b <= 0:
        values = inner.ball * arb(0).union(_weight(inner.n, inner.b, point))
        return Envelope(zero, zero, values.exp())
    if inner.ball <= 0:
        return Envelope(zero, zero, arb(0).union(arb(1)))
    if inner.b == 0 and inner.n <= 1:
        return Envelope(zero, _upper(inner.ball), arb(0).union(arb(1)))
    raise UndeterminedError(f"exp({argument}) may grow faster than exponentially")


def _envelope_log(inner: Envelope, point: arb) -> Envelope:
    """log u = n·log x + b·x + log(u / weight); log x / x is in (0, log X / X] for x ≥ X ≥ e."""
    if not inner.ball > 0:
        raise UndeterminedError("a logarithm of a quantity not proved positive")
    zero, one = Fraction(0), Fraction(1)
    rest = Envelope(zero, zero, inner.ball.log())
    if inner.n == 0 and inner.b == 0:
        return rest
    log_x = _arb(inner.n) * arb(0).union(point.log() / point)
    parts = (Envelope(one, zero, log_x), Envelope(one, zero, _arb(inner.b)), rest)
    return Envelope(one, zero, sum((p.to(one, zero, point) for p in parts), arb(0)))


def _real(constant: sp.Expr, x: sp.Symbol) -> arb:
    value = compile_integrand(constant, x)(acb(0), False)
    if value.imag != 0:
        raise UndeterminedError(f"{constant} is not proved real")
    real: arb = value.real
    return real


def _weight(n: Fraction, b: Fraction, point: arb) -> arb:
    value: arb = (_arb(n) * point.log() + _arb(b) * point).exp()
    return value


def _upper(ball: arb) -> Fraction:
    """An exact rational ≥ every point of ``ball``."""
    mantissa, exponent = ball.upper().man_exp()
    return Fraction(int(mantissa)) * Fraction(2) ** int(exponent)


def _arb(value: Fraction) -> arb:
    return arb(fmpq(value.numerator, value.denominator))
