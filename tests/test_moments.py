"""E[f(X)], E[f(X)²], E[f′(X)²] for X ~ N(0, 1), checked against sampling and quadrature,
and the variance-preserving gain 1/√E[f(X)²] derived from the second moment.

Three independent routes: Monte Carlo on the catalog formula (NumPy), mpmath's tanh-sinh
quadrature of the catalog formula and its SymPy derivative, and, for exact values, Arb's
certified enclosure. Each route would catch a wrong closed form, a wrong branch or a wrong
derivative; the enclosure checks would also catch an enclosure that is too narrow.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import mpmath
import numpy as np
import pytest
import sympy as sp
from flint import arb, ctx

from generator.analysis.integrand import sinc_slope
from generator.analysis.moments import (
    certified,
    gaussian_moments,
    significant_digits,
    variance_gain,
)
from generator.analysis.pieces import UndeterminedError, boundaries, split
from generator.analysis.quadrature import PRECISION, _envelope, derivative
from generator.records.analysis import Enclosure, Method, Moment, Moments, Piece
from generator.records.catalog import Activation
from tests.conftest import SCALAR, each
from tests.numeric import Array, mpmath_function, numpy_function

NAMES = ("mean", "second", "slope_second")
POWERS = {"mean": 1, "second": 2, "slope_second": 2}
SAMPLES = 2_000_000
MINIMUM_DIGITS = 20
DPS = 40  # mpmath digits: finer than the enclosures (~36 digits), so it must land inside
REACH = 20  # mpmath integrates on [−20, 20]: beyond, e^{−x²/2} times any catalog f² < 1e-60
by_id = {activation.id: activation for activation in SCALAR}


@cache
def moments_of(activation: Activation) -> Moments:
    return gaussian_moments(pieces_of(activation), activation.variable)


@cache
def pieces_of(activation: Activation) -> tuple[Piece, ...]:
    return split(activation.at_defaults(), activation.variable)


def integrand(activation: Activation, name: str) -> sp.Expr:
    """The catalog formula (not its branches) whose expectation ``name`` is."""
    f, x = activation.at_defaults(), activation.variable
    chosen: sp.Expr = {"mean": f, "second": f**2, "slope_second": sp.diff(f, x) ** 2}[name]
    return chosen


@cache
def normal_samples() -> Array:
    return np.random.default_rng(20_240_611).standard_normal(SAMPLES)


@each(SCALAR)
def test_monte_carlo_agrees(activation: Activation) -> None:
    """A seeded sample mean is within 6 standard errors of every moment."""
    moments = moments_of(activation)
    for name in NAMES:
        values = numpy_function(integrand(activation, name), activation.variable)(normal_samples())
        estimate, error = values.mean(), values.std() / np.sqrt(SAMPLES)
        expected = float(getattr(moments, name).value)
        assert abs(estimate - expected) <= 6 * error + 1e-12, (name, estimate, expected, error)


@each(SCALAR)
def test_quadrature_lies_in_enclosure_or_matches_exact_value(activation: Activation) -> None:
    """mpmath at 40 digits, split at the branch points (and 0): inside a certified enclosure,
    or within 1e-25 (relative) of an exact value."""
    x = activation.variable
    ends = {0, -REACH, REACH} | {sp.Rational(p) for p in boundaries(pieces_of(activation))}
    moments = moments_of(activation)
    with mpmath.workdps(DPS):
        points = [mpmath.mpf(end.p) / end.q for end in sorted(sp.Rational(e) for e in ends)]
        density = mpmath.npdf
        for name in NAMES:
            h = mpmath_function(integrand(activation, name), x)
            value = mpmath.quad(lambda t, h=h: h(t) * density(t), points)
            moment: Moment = getattr(moments, name)
            if moment.enclosure is not None:
                assert inside(value, moment.enclosure), (name, value, moment.enclosure)
            else:
                exact = mpmath.mpf(str(sp.N(moment.value, DPS + 5)))
                assert abs(value - exact) <= 1e-25 * max(abs(exact), 1), (name, value, exact)


def inside(value: mpmath.mpf, enclosure: Enclosure) -> bool:
    low, high = (mpmath.mpf(end.p) / end.q for end in (enclosure.low, enclosure.high))
    return bool(low <= value <= high)


@each(SCALAR)
def test_exact_values_lie_in_certified_enclosures(activation: Activation) -> None:
    """Each exact value (closed form or symmetry) against Arb's enclosure of the same integral."""
    x, pieces = activation.variable, pieces_of(activation)
    slopes = tuple(Piece(derivative(p.expression, x), p.domain) for p in pieces)
    moments = moments_of(activation)
    for name in NAMES:
        moment: Moment = getattr(moments, name)
        if moment.method is not Method.EXACT:
            continue
        enclosure = certified(slopes if name == "slope_second" else pieces, x, POWERS[name])
        assert enclosure.enclosure is not None
        with mpmath.workdps(60):
            assert inside(mpmath.mpf(str(sp.N(moment.value, 60))), enclosure.enclosure), name


@each(SCALAR)
def test_method_matches_record(activation: Activation) -> None:
    """Exact: no enclosure, no digits. Certified: an enclosure with at least the stated
    digits (and at least 20), the value at its midpoint to those digits."""
    moments = moments_of(activation)
    for name in NAMES:
        check_record(getattr(moments, name), name)
    if moments.gain is not None:
        check_record(moments.gain, "gain")


def check_record(moment: Moment, name: str) -> None:
    if moment.method is Method.EXACT:
        assert moment.enclosure is None, name
        assert moment.digits is None, name
        assert not moment.value.has(sp.Float, sp.I), (name, moment.value)
        return
    assert moment.method is Method.CERTIFIED, name
    assert moment.enclosure is not None, name
    assert moment.digits is not None, name
    assert moment.digits >= MINIMUM_DIGITS, (name, moment)
    low, high = moment.enclosure.low, moment.enclosure.high
    assert isinstance(low, sp.Rational), name
    assert isinstance(high, sp.Rational), name
    assert low < high, name
    assert significant_digits(moment.enclosure) >= moment.digits
    middle = (low + high) / 2
    assert abs(sp.Rational(moment.value) - middle) <= abs(middle) * 10 ** (1 - moment.digits)


ROOT_2PI = sp.sqrt(2 * sp.pi)


def normal_cdf(z: int) -> sp.Expr:
    value: sp.Expr = (1 + sp.erf(z / sp.sqrt(2))) / 2
    return value


# Closed forms derived by hand: ELU(α = 1) is x for x > 0 and eˣ − 1 below, and
# E[e^{kX}; X < 0] = e^{k²/2}·Φ(−k).
KNOWN: dict[str, tuple[sp.Expr, sp.Expr, sp.Expr]] = {
    "relu": (1 / ROOT_2PI, sp.Rational(1, 2), sp.Rational(1, 2)),
    "identity": (sp.S.Zero, sp.S.One, sp.S.One),
    "elu": (
        1 / ROOT_2PI + sp.exp(sp.Rational(1, 2)) * normal_cdf(-1) - sp.Rational(1, 2),
        1 - 2 * sp.exp(sp.Rational(1, 2)) * normal_cdf(-1) + sp.exp(2) * normal_cdf(-2),
        sp.Rational(1, 2) + sp.exp(2) * normal_cdf(-2),
    ),
    "exponential": (sp.exp(sp.Rational(1, 2)), sp.exp(2), sp.exp(2)),
    "sinusoid": (sp.S.Zero, (1 - sp.exp(-2)) / 2, (1 + sp.exp(-2)) / 2),
}


@pytest.mark.parametrize("identifier", sorted(KNOWN))
def test_known_closed_forms(identifier: str) -> None:
    moments = moments_of(by_id[identifier])
    for name, expected in zip(NAMES, KNOWN[identifier], strict=True):
        moment: Moment = getattr(moments, name)
        assert moment.method is Method.EXACT, name
        difference = (moment.value - expected).rewrite(sp.erf)
        assert sp.simplify(difference) == 0, (name, moment.value, expected)


def test_selu_normalises_itself() -> None:
    """SELU's constants are chosen so that E[f] = 0 and E[f²] = 1; the catalog stores them
    as rounded decimals, so the exact moments are close to 0 and 1 but not equal."""
    moments = moments_of(by_id["selu"])
    assert moments.mean.method is Method.EXACT
    assert moments.mean.value != 0
    assert abs(sp.N(moments.mean.value, 30)) < 1e-15
    assert abs(sp.N(moments.second.value - 1, 30)) < 1e-15


def test_symmetric_means_are_exact() -> None:
    """f(x) + f(−x) = 2c gives E[f] = c for tanh (c = 0) and the sigmoid (c = 1/2); a
    function without that symmetry (softplus) keeps a certified mean."""
    for identifier, centre in (
        ("tanh", 0),
        ("sigmoid", sp.Rational(1, 2)),
        ("dsilu", sp.Rational(1, 2)),
    ):
        mean = moments_of(by_id[identifier]).mean
        assert mean.method is Method.EXACT, identifier
        assert mean.value == centre, identifier
    assert moments_of(by_id["softplus"]).mean.method is Method.CERTIFIED


def test_relu_gain_is_root_two() -> None:
    """He's gain for ReLU, PyTorch's calculate_gain('relu')."""
    gain = moments_of(by_id["relu"]).gain
    assert gain is not None
    assert gain.method is Method.EXACT
    assert gain.value == sp.sqrt(2)


def test_leaky_relu_gain_is_pytorchs() -> None:
    """calculate_gain('leaky_relu', a) = √(2/(1 + a²)), at the catalog's default slope."""
    activation = by_id["leaky_relu"]
    (slope,) = (p.default for p in activation.parameters if p.name == "negative_slope")
    gain = moments_of(activation).gain
    assert gain is not None
    assert gain.method is Method.EXACT
    assert sp.simplify(gain.value - sp.sqrt(2 / (1 + slope**2))) == 0, gain.value


def test_tanh_gain_encloses_quadrature() -> None:
    """1/√E[tanh²X] by mpmath at 50 digits, with tanh written directly (not the catalog's)."""
    gain = moments_of(by_id["tanh"]).gain
    assert gain is not None
    assert gain.enclosure is not None
    assert gain.method is Method.CERTIFIED
    assert gain.digits is not None
    assert gain.digits >= 35
    with mpmath.workdps(50):
        second = mpmath.quad(lambda t: mpmath.tanh(t) ** 2 * mpmath.npdf(t), [-REACH, 0, REACH])
        assert inside(1 / mpmath.sqrt(second), gain.enclosure), (second, gain.enclosure)


@each(SCALAR)
def test_gain_inverts_second_moment(activation: Activation) -> None:
    """A certified gain contains 1/√ of both ends (so of every point) of the second
    moment's enclosure, at least as tightly; an exact gain g has g²·E[f²] = 1 and lies in
    the gain derived from Arb's own enclosure of E[f²]."""
    moments = moments_of(activation)
    second, gain = moments.second, moments.gain
    assert gain is not None, "every catalog entry has E[f²] > 0"
    with mpmath.workdps(60):
        if second.enclosure is not None:
            low, high = second.enclosure.low, second.enclosure.high
            assert gain.enclosure is not None
            assert gain.digits is not None
            assert second.digits is not None
            assert gain.digits >= second.digits
            for end in (low, high, (low + high) / 2):
                assert inside(1 / mpmath.sqrt(mpmath.mpf(end.p) / end.q), gain.enclosure), end
            return
        assert gain.method is Method.EXACT
        product = mpmath.mpf(str(sp.N(gain.value**2 * second.value, 60)))
        assert abs(product - 1) < mpmath.mpf(10) ** -50, product
        check = variance_gain(certified(pieces_of(activation), activation.variable, 2))
        assert check is not None
        assert check.enclosure is not None
        assert inside(mpmath.mpf(str(sp.N(gain.value, 60))), check.enclosure)


def test_gain_needs_a_positive_second_moment() -> None:
    """E[f²] = 0, or an enclosure that does not exclude 0, gives no gain."""
    assert variance_gain(Moment(sp.S.Zero, Method.EXACT, None, None)) is None
    straddling = Enclosure(sp.Rational(-1, 10**30), sp.Rational(1, 10**30))
    assert variance_gain(Moment(sp.S.Zero, Method.CERTIFIED, straddling, 0)) is None


x = sp.Symbol("x", real=True)


@pytest.mark.parametrize("growth", [sp.exp(x**2), sp.exp(x**2 / 4), sp.exp(sp.exp(x))])
def test_faster_than_exponential_growth_is_not_certified(growth: sp.Expr) -> None:
    """No envelope rule covers these, so no number is claimed (e^{x²/4} is integrable
    against φ, but the rules do not prove it and must not pretend to)."""
    with pytest.raises(UndeterminedError):
        certified((Piece(growth, sp.S.Reals),), x, 1)


def tail_integrands(activation: Activation) -> list[sp.Expr]:
    """The outermost branches' integrands, the right one and the mirrored left one."""
    pieces = [p for p in pieces_of(activation) if not isinstance(p.domain, sp.FiniteSet)]
    v = activation.variable
    found = []
    for piece, mirror in ((pieces[-1], False), (pieces[0], True)):
        g = piece.expression.xreplace({v: -v}) if mirror else piece.expression
        slope = derivative(piece.expression, v)
        slope = -slope.xreplace({v: -v}) if mirror else slope
        found += [g, g**2, slope**2]
    return found


@each(SCALAR)
def test_tail_envelopes_hold(activation: Activation) -> None:
    """|h(x)| ≤ M·xⁿ·e^{bx} at sample points beyond X, for every tail integrand: a check of
    the envelope rules' soundness, independent of the proof they stand for."""
    v = activation.variable
    for h in tail_integrands(activation):
        written_out = h.replace(sinc_slope, lambda u: sp.cos(u) / u - sp.sin(u) / u**2)
        numeric: Callable[[mpmath.mpf], mpmath.mpf] = mpmath_function(written_out, v)
        with ctx.workprec(PRECISION):
            envelope = _envelope(h, v, arb(16))
            mantissa, exponent = envelope.ball.abs_upper().man_exp()
        n, b = envelope.n, envelope.b
        with mpmath.workdps(30):
            bound = mpmath.ldexp(int(mantissa), int(exponent))
            for t in (16, 17.5, 23, 40, 97, 300):
                point = mpmath.mpf(t)
                power, rate = (mpmath.mpf(q.numerator) / q.denominator for q in (n, b))
                limit = bound * point**power * mpmath.exp(rate * point)
                assert abs(numeric(point)) <= limit * (1 + mpmath.mpf(10) ** -25), (h, t)
