"""SymPy formulas evaluated on Arb balls: enclosures of f over a whole interval at once.

Interval arithmetic turns "f(x) for every x in [a, b]" into one ball that is proved to
contain all of those values; the certified extremum search stands on that. Only the
functions the catalog uses are translated, and anything else raises
:class:`UndeterminedError`, so no bound is ever guessed. Monotone functions are evaluated at
the two ends of the ball (Arb's own tanh of a wide ball is far wider than tanh's range), and
integer powers take the dependency x·x ≥ 0 into account.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from fractions import Fraction
from typing import Final

import sympy as sp
from flint import arb, ctx, fmpq

from generator.analysis.pieces import UndeterminedError

# Working precision of every certified computation: about 77 digits, so that a critical
# point refined to 1e-25 still has its value known to 30 digits after the loss of f″.
PRECISION: Final = 256

Ball = Callable[[arb], arb]


class SincDerivative(sp.Function):  # type: ignore[misc]
    """The k-th derivative of sinc, kept whole so that it can be bounded at x = 0.

    SymPy differentiates sinc(x) into cos(x)/x − sin(x)/x², which interval arithmetic
    cannot evaluate on a ball around 0; this function knows sinc⁽ᵏ⁾ is bounded there.
    """

    nargs = 2

    @classmethod
    def eval(cls, order: sp.Expr, argument: sp.Expr) -> sp.Expr | None:
        """At 0 the integral ∫₀¹ tᵏ cos⁽ᵏ⁾(0) dt: 0 for odd k, (−1)^(k/2)/(k+1) for even k."""
        if argument.is_zero and order.is_Integer:
            k = int(order)
            return sp.Integer(0) if k % 2 else sp.Integer(-1) ** (k // 2) / (k + 1)
        return None

    def fdiff(self, argindex: int = 2) -> sp.Expr:
        order, argument = self.args
        return SincDerivative(order + 1, argument)


def with_sinc_derivatives(expression: sp.Expr) -> sp.Expr:
    """sinc(u) written as SincDerivative(0, u), so that sp.diff keeps it evaluable."""
    replaced: sp.Expr = expression.replace(sp.sinc, lambda u: SincDerivative(0, u))
    return replaced


@contextmanager
def precision() -> Iterator[None]:
    """Every certified computation runs at :data:`PRECISION` bits."""
    with ctx.workprec(PRECISION):
        yield


def point(value: Fraction | int) -> arb:
    """An exact rational as a ball (exact when it is dyadic, as every box end is)."""
    fraction = Fraction(value)
    return arb(fmpq(fraction.numerator, fraction.denominator))


def span(low: arb, high: arb) -> arb:
    """The smallest ball containing both balls."""
    return arb.union(low, high)


def rational(ball: arb, upward: bool) -> Fraction:
    """An exact end of ``ball``: its lower end, or its upper end when ``upward``."""
    end = ball.upper() if upward else ball.lower()
    if not end.is_finite():
        raise UndeterminedError("an enclosure is not finite")
    mantissa, exponent = end.man_exp()
    return Fraction(int(mantissa)) * Fraction(2) ** int(exponent)


def constant(expression: sp.Expr) -> arb:
    """A ball around an exact real constant (π, √2, W(1/e), 17/10 ...)."""
    return compile_ball(expression, sp.Dummy())(arb(0))


def compile_ball(expression: sp.Expr, x: sp.Symbol) -> Ball:
    """``expression`` as a function from a ball of x to a ball containing every value."""
    return _compile(sp.sympify(expression), x)


def _compile(node: sp.Expr, x: sp.Symbol) -> Ball:
    if node == x:
        return lambda ball: ball
    if node.is_Rational:
        value = arb(fmpq(int(node.p), int(node.q)))
        return lambda ball: value
    if node.is_Float:
        exact = sp.Rational(node)
        value = arb(fmpq(int(exact.p), int(exact.q)))
        return lambda ball: value
    if node is sp.pi:
        return lambda ball: arb.pi()
    if node is sp.E:
        return lambda ball: arb(1).exp()
    if isinstance(node, sp.Add):
        terms = [_compile(term, x) for term in node.args]
        return lambda ball: _sum(term(ball) for term in terms)
    if isinstance(node, sp.Mul):
        factors = [_compile(factor, x) for factor in node.args]
        return lambda ball: _product(factor(ball) for factor in factors)
    if isinstance(node, sp.Pow):
        return _power(node, x)
    if isinstance(node, SincDerivative):
        order = int(node.args[0])
        inner = _compile(node.args[1], x)
        return lambda ball: sinc_derivative(order, inner(ball))
    kind = type(node)
    if kind in _FUNCTIONS and len(node.args) == 1:
        function = _FUNCTIONS[kind]
        inner = _compile(node.args[0], x)
        return lambda ball: function(inner(ball))
    raise UndeterminedError(f"no interval version of {kind.__name__}")


def _sum(values: Iterator[arb]) -> arb:
    total = arb(0)
    for value in values:
        total += value
    return total


def _product(values: Iterator[arb]) -> arb:
    total = arb(1)
    for value in values:
        total *= value
    return total


def _power(node: sp.Pow, x: sp.Symbol) -> Ball:
    base = _compile(node.base, x)
    exponent = node.exp
    if exponent.is_Integer:
        n = int(exponent)
        return lambda ball: integer_power(base(ball), n)
    if exponent.is_Rational and int(exponent.q) == 2:
        p = int(exponent.p)
        return lambda ball: integer_power(_increasing(base(ball), arb.sqrt), p)
    if exponent.is_Rational:
        value = arb(fmpq(int(exponent.p), int(exponent.q)))
        # b^e = exp(e·log b): defined for b > 0, monotone in b.
        return lambda ball: _monotone(base(ball), lambda b: (value * b.log()).exp(), value > 0)
    power = _compile(exponent, x)
    return lambda ball: (power(ball) * _increasing(base(ball), arb.log)).exp()


def integer_power(ball: arb, n: int) -> arb:
    """ball**n, knowing that an even power is never negative (Arb's ** gives nan at 0)."""
    if n == 0:
        return arb(1)
    if n < 0:
        return 1 / integer_power(ball, -n)
    low, high = ball.lower(), ball.upper()
    if n % 2 == 1 or low >= 0:
        return span(_repeat(low, n), _repeat(high, n))
    if high <= 0:
        return span(_repeat(high, n), _repeat(low, n))
    return span(arb(0), _repeat(max(-low, high), n))  # 0 inside: [0, max(|ends|)ⁿ]


def _repeat(value: arb, n: int) -> arb:
    result = arb(1)
    for _ in range(n):
        result *= value
    return result


def _monotone(ball: arb, function: Callable[[arb], arb], increasing: bool) -> arb:
    """A monotone function on a ball: the span of its values at the two ends."""
    if not ball.is_finite():
        return arb.nan()
    at_low, at_high = function(ball.lower()), function(ball.upper())
    return span(at_low, at_high) if increasing else span(at_high, at_low)


def _increasing(ball: arb, function: Callable[[arb], arb]) -> arb:
    return _monotone(ball, function, increasing=True)


def _within_one(ball: arb) -> arb:
    """sin, cos and sinc never leave [−1, 1]; wide balls are cut back to that."""
    unit = arb(0, 1)
    if ball.is_finite() and ball.overlaps(unit):
        return ball.intersection(unit)
    return unit


def _cosh(ball: arb) -> arb:
    """cosh falls to 1 at 0 and rises on either side."""
    if not ball.is_finite():
        return arb.nan()
    low, high = ball.lower(), ball.upper()
    if low >= 0 or high <= 0:
        return _increasing(_abs(ball), arb.cosh)
    return span(arb(1), max(-low, high).cosh())


def _abs(ball: arb) -> arb:
    low, high = ball.lower(), ball.upper()
    if low >= 0:
        return ball
    if high <= 0:
        return -ball
    return span(arb(0), max(-low, high))


def _lambertw(ball: arb) -> arb:
    return _increasing(ball, arb.lambertw)


def sinc_derivative(order: int, ball: arb) -> arb:
    """sinc⁽ᵏ⁾ on a ball, from sinc(x) = ∫₀¹ cos(xt) dt.

    Differentiating under the integral, sinc⁽ᵏ⁾(x) = ∫₀¹ tᵏ cos⁽ᵏ⁾(xt) dt: its values lie in
    the hull of cos⁽ᵏ⁾ over [0, x] scaled by 1/(k+1). For odd k, cos⁽ᵏ⁾(y) = ±y·sinc(y), which
    keeps the factor x and so the sign. Away from 0 the recurrence
    x·sinc⁽ᵏ⁾ = sin⁽ᵏ⁾ − k·sinc⁽ᵏ⁻¹⁾ is sharper; the two are intersected.
    """
    if not ball.is_finite():
        return arb.nan()
    if order == 0:
        return _within_one(ball.sinc()) if ball.rad() < 1 else _sinc_wide(ball)
    towards_zero = span(ball, arb(0))  # every xt with t in [0, 1]
    scale = arb(1) / (order + 1)
    if order % 2 == 1:
        sign = -1 if order % 4 == 1 else 1  # cos′ = −sin, cos‴ = sin
        # ∫ tᵏ·(xt)·sinc(xt) dt = x·∫ tᵏ⁺¹ sinc(xt) dt
        integral = sign * ball * (arb(1) / (order + 2)) * _sinc_hull(towards_zero)
    else:
        sign = -1 if order % 4 == 2 else 1
        integral = sign * scale * _cos_hull(towards_zero)
    if ball.contains(0):
        return integral
    lower = sinc_derivative(order - 1, ball)
    shifted = _sin_derivative(order, ball)
    recurrence = (shifted - order * lower) / ball
    meet = recurrence.intersection(integral) if recurrence.overlaps(integral) else integral
    return meet


def _sin_derivative(order: int, ball: arb) -> arb:
    return [ball.sin(), ball.cos(), -ball.sin(), -ball.cos()][order % 4]


def _sinc_hull(ball: arb) -> arb:
    return _within_one(ball.sinc()) if ball.rad() < 1 else _sinc_wide(ball)


def _sinc_wide(ball: arb) -> arb:
    """|sinc| ≤ 1 everywhere and ≤ 1/|x| away from 0."""
    low = _abs(ball).lower()
    bound = arb(1) if low <= 1 else 1 / low
    return arb(0, bound.upper())


def _cos_hull(ball: arb) -> arb:
    return _within_one(ball.cos())


_FUNCTIONS: Final[dict[type, Callable[[arb], arb]]] = {
    sp.exp: lambda ball: _increasing(ball, arb.exp),
    sp.log: lambda ball: _increasing(ball, arb.log),
    sp.erf: lambda ball: _increasing(ball, arb.erf),
    sp.erfc: lambda ball: _monotone(ball, arb.erfc, increasing=False),
    sp.tanh: lambda ball: _increasing(ball, arb.tanh),
    sp.sinh: lambda ball: _increasing(ball, arb.sinh),
    sp.atan: lambda ball: _increasing(ball, arb.atan),
    sp.asinh: lambda ball: _increasing(ball, arb.asinh),
    sp.cosh: _cosh,
    sp.sin: lambda ball: _within_one(ball.sin()),
    sp.cos: lambda ball: _within_one(ball.cos()),
    sp.sinc: lambda ball: sinc_derivative(0, ball),
    sp.Abs: _abs,
    sp.LambertW: _lambertw,
}
