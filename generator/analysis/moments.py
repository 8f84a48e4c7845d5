"""E[f(X)], E[f(X)²] and E[f′(X)²] for X ~ N(0, 1): how a layer shifts and scales a signal.

At initialisation a pre-activation is roughly a standard normal. E[f] is the shift the unit
adds, E[f²] decides whether the next layer's input keeps unit scale (He's √2 for ReLU is
1/√E[relu²], ``variance_gain``), and E[f′²] whether backpropagated gradients keep theirs.

Each number is exact where every branch is a sum of c·xⁿ·exp(a·x² + b·x), whose Gaussian
integrals on intervals are closed forms in erf, exp and √π, decided by structure alone
(``_terms``); the mean is also exact when f(x) + f(−x) is a constant 2c (it is then c).
Everything else is certified by Arb (``quadrature``). Nothing depends on a clock or on the
speed of the machine.
"""

from __future__ import annotations

from typing import Final

import sympy as sp
from flint import arb, fmpq

from generator.analysis.arb import constant, precision
from generator.analysis.pieces import UndeterminedError
from generator.analysis.quadrature import derivative, gaussian_expectation
from generator.records.analysis import Enclosure, Method, Moment, Moments, Piece

# Refute an identity cheaply before simplify is asked to prove it.
PROBES: Final = (sp.Rational(1, 3), sp.Rational(7, 5), sp.Integer(3))
MAX_DIGITS: Final = 60  # beyond Arb's working precision: only an exact point reaches it
GUARD: Final = 2  # decimals kept beyond the enclosure's width when its ends are rounded out

Term = tuple[sp.Expr, int, sp.Expr, sp.Expr]  # c, n, a, b in c·xⁿ·exp(a·x² + b·x)


def gaussian_moments(pieces: tuple[Piece, ...], x: sp.Symbol) -> Moments:
    """The three moments of f = ``pieces`` at X ~ N(0, 1), and the gain 1/√E[f²].

    f′ is each branch differentiated: at a kink or a jump f′ is undefined on a null set,
    which the integral does not see. For a jump (binary step, threshold) this means the
    distributional derivative's delta at the jump is ignored, as a reader expects: the
    step's f′ is 0 almost everywhere, and so is E[f′²].

    Raises ``UndeterminedError`` when a number is neither exact nor certifiable (a function
    Arb cannot evaluate, or growth the tail rules cannot bound); the caller reports it.
    """
    slopes = tuple(Piece(derivative(p.expression, x), p.domain) for p in pieces)
    mean = _moment(pieces, x, power=1, symmetric=True)
    second = _moment(pieces, x, power=2)
    return Moments(mean, second, _moment(slopes, x, power=2), variance_gain(second))


def certified(pieces: tuple[Piece, ...], x: sp.Symbol, power: int) -> Moment:
    """E[g(X)^power] by Arb alone, with its enclosure (also used to check exact values)."""
    parts = tuple(Piece(p.expression**power, p.domain) for p in pieces)
    return _enclosed(_rounded(gaussian_expectation(parts, x)))


def variance_gain(second: Moment) -> Moment | None:
    """He's gain g = 1/√E[f²]: weights with standard deviation g/√fan_in keep the next
    layer's pre-activations at unit second moment (√2 for ReLU, PyTorch's
    calculate_gain('relu')). None unless E[f²] is proved positive.

    An exact E[f²] gives an exact g. A certified E[f²] ∈ [lo, hi] with lo > 0 gives
    g ∈ [1/√hi, 1/√lo], 1/√ being decreasing. Each end is an Arb ball at 256 bits (far
    finer than the ~36 digits of [lo, hi]) proved to contain 1/√ of that exact rational, so
    their union contains [1/√hi, 1/√lo]; ``_rounded`` reads the union's ends mid ∓ rad
    exactly and rounds them outward (floor below, ceiling above), so the rationals still do.
    """
    if second.method is Method.EXACT:
        return _exact_gain(second.value)
    enclosure = second.enclosure
    if enclosure is None or not enclosure.low > 0:
        return None
    with precision():
        low, high = (arb(fmpq(int(end.p), int(end.q))) for end in (enclosure.low, enclosure.high))
        ball = high.rsqrt().union(low.rsqrt())
    return _enclosed(_rounded(ball))


def significant_digits(enclosure: Enclosure) -> int:
    """The largest d with high − low ≤ 10^(−d)·min(|low|, |high|); 0 if 0 may be inside."""
    low, high = enclosure.low, enclosure.high
    if low <= 0 <= high:
        return 0
    smallest = min(abs(low), abs(high))
    digits = 0
    while digits < MAX_DIGITS and high - low <= smallest / 10 ** (digits + 1):
        digits += 1
    return digits


def _moment(pieces: tuple[Piece, ...], x: sp.Symbol, power: int, symmetric: bool = False) -> Moment:
    """Exact if the branches allow it, else certified; but if f(x) + f(−x) = 2c (odd f,
    sigmoid, …) the mean is exactly c. That needs E|f| < ∞, which the certified run proves
    (and it must agree)."""
    exact = _exact(pieces, x, power)
    if exact is not None:
        return Moment(exact, Method.EXACT, None, None)
    moment = certified(pieces, x, power)
    centre = _centre(pieces, x) if symmetric else None
    if centre is not None:
        if moment.enclosure is None or not _contains(moment.enclosure, centre):
            raise UndeterminedError(f"the certified mean excludes the centre {centre}")
        return Moment(centre, Method.EXACT, None, None)
    return moment


def _exact(pieces: tuple[Piece, ...], x: sp.Symbol, power: int) -> sp.Expr | None:
    """Σ over branches of ∫ g^power·φ in closed form, or None if a branch is not a sum of
    c·xⁿ·exp(a·x² + b·x) (with a < 1/2, and b real unless the branch is the whole line)."""
    total = sp.S.Zero
    for piece in pieces:
        if isinstance(piece.domain, sp.FiniteSet):
            continue
        terms = _terms(piece.expression**power, x, piece.domain == sp.S.Reals)
        if terms is None:
            return None
        low, high = piece.domain.inf, piece.domain.sup
        for c, n, a, b in terms:
            total += c * _gaussian_integral(n, sp.Rational(1, 2) - a, b, low, high)
    return _tidy(total / sp.sqrt(2 * sp.pi))


def _terms(h: sp.Expr, x: sp.Symbol, whole_line: bool) -> list[Term] | None:
    """h as Σ c·xⁿ·exp(a·x² + b·x), read off the expanded expression, or None.

    sin and cos become complex exponentials only on the whole line, where the Gaussian
    integral of e^{bx} is e^{b²/4A}·√(π/A) for complex b too.
    """
    if h.has(sp.sin, sp.cos):
        if not whole_line:
            return None
        h = h.rewrite(sp.exp)
    terms: list[Term] = []
    for term in sp.Add.make_args(sp.expand(h)):
        if term == 0:
            continue
        c, rest = term.as_independent(x, as_Add=False)
        n, exponent = 0, sp.S.Zero
        for factor in sp.Mul.make_args(rest):
            base, power = factor.as_base_exp()
            if base == x and power.is_Integer and power >= 0:
                n += int(power)
            elif base is sp.E:
                exponent += power
            elif factor != 1:
                return None
        if not exponent.is_polynomial(x):
            return None
        poly = sp.Poly(exponent, x)
        if poly.degree() > 2:
            return None
        c0, b, a = (poly.all_coeffs()[::-1] + [sp.S.Zero] * 3)[:3]
        if not (a.is_real and (sp.Rational(1, 2) - a).is_positive):
            return None
        if not (whole_line or b.is_real):
            return None
        terms.append((c * sp.exp(c0), n, a, b))
    return terms


def _gaussian_integral(
    n: int, alpha: sp.Expr, beta: sp.Expr, low: sp.Expr, high: sp.Expr
) -> sp.Expr:
    """∫_low^high xⁿ·e^{−alpha·x² + beta·x} dx for alpha > 0 (the ends may be ±∞).

    I₀ completes the square into erf/erfc; integrating xᵏ·(e^{−Ax²+Bx})′ by parts gives
    I_{k+1} = (beta·I_k + k·I_{k−1} − [xᵏ·e^{−Ax²+Bx}]_low^high) / (2A).
    """
    centre, root = beta / (2 * alpha), sp.sqrt(alpha)
    scale = sp.sqrt(sp.pi / alpha) * sp.exp(beta**2 / (4 * alpha)) / 2
    if low is sp.S.NegativeInfinity and high is sp.S.Infinity:
        first = 2 * scale
    elif low is sp.S.NegativeInfinity:
        first = scale * sp.erfc(root * (centre - high))
    elif high is sp.S.Infinity:
        first = scale * sp.erfc(root * (low - centre))
    else:
        first = scale * (sp.erf(root * (high - centre)) - sp.erf(root * (low - centre)))

    def edge(k: int) -> sp.Expr:
        value: sp.Expr = sp.S.Zero
        for end, sign in ((high, 1), (low, -1)):
            if end.is_finite:
                value += sign * end**k * sp.exp(-alpha * end**2 + beta * end)
        return value

    values: list[sp.Expr] = [first]
    for k in range(n):
        before = values[k - 1] if k else sp.S.Zero
        values.append((beta * values[k] + k * before - edge(k)) / (2 * alpha))
    return values[n]


def _tidy(value: sp.Expr) -> sp.Expr:
    """Exact simplification: expand (complex exponentials cancel to real ones), and the
    same with erfc written as 1 − erf, since erf(a) + erfc(a) = 1 is not seen otherwise;
    the shorter wins. (sp.simplify never gave a shorter form here, at ten times the cost.)"""
    expanded = sp.expand(sp.expand_complex(value) if value.has(sp.I) else value)
    as_erf = sp.expand(expanded.replace(sp.erfc, lambda z: 1 - sp.erf(z)))
    best: sp.Expr = min((expanded, as_erf), key=sp.count_ops)
    if best.has(sp.I):
        raise UndeterminedError(f"a Gaussian moment did not come out real: {best}")
    return best


def _centre(pieces: tuple[Piece, ...], x: sp.Symbol) -> sp.Expr | None:
    """The constant c with f(x) + f(−x) = 2c, branch by branch, if SymPy proves one.

    Branch points are a null set, so branches are matched by their ends only. Exact probes
    first rule out most functions cheaply; simplify then has to prove the identity.
    """
    spans = {(p.domain.inf, p.domain.sup): p.expression for p in pieces}
    centre: sp.Expr | None = None
    for (low, high), expression in spans.items():
        if low == high:
            continue
        mirror = spans.get((-high, -low))
        if mirror is None:
            return None
        total = expression + mirror.xreplace({x: -x})
        probes = [sp.N(total.xreplace({x: probe}), 30) for probe in PROBES]
        if any(abs(value - probes[0]) > 1e-20 for value in probes):
            return None
        twice = sp.simplify(total.rewrite(sp.exp))
        if twice.has(x) or (centre is not None and twice / 2 != centre):
            return None
        centre = twice / 2
    return centre


def _exact_gain(second: sp.Expr) -> Moment | None:
    """1/√E[f²] in closed form. sqrt(1/second) is already the shortest form for the
    catalog's moments; radsimp (rationalised denominators) can only help where no erf or
    exp is involved, and lengthens those that have one (1/√(1 − √2·e^{−1/2}/√π) doubles)."""
    if not _positive(second):
        return None
    gain: sp.Expr = sp.sqrt(1 / second)
    if not gain.atoms(sp.Function):
        gain = min((gain, sp.radsimp(gain)), key=sp.count_ops)
    return Moment(gain, Method.EXACT, None, None)


def _positive(value: sp.Expr) -> bool:
    """A closed form proved > 0: by an Arb ball around it, else by SymPy's assumptions."""
    try:
        with precision():
            if constant(value) > 0:
                return True
    except UndeterminedError:
        pass
    return bool(value.is_positive)


def _enclosed(enclosure: Enclosure) -> Moment:
    """A certified moment: the enclosure's midpoint, rounded to its significant digits."""
    digits = significant_digits(enclosure)
    value = sp.Float((enclosure.low + enclosure.high) / 2, max(digits, 1))
    return Moment(value, Method.CERTIFIED, enclosure, digits)


def _rounded(ball: arb) -> Enclosure:
    """The ball's ends as exact rationals, rounded outward to GUARD decimals beyond its width."""
    middle, radius = _rational(ball.mid()), _rational(ball.rad())  # both exact: no rounding
    low, high = middle - radius, middle + radius
    width = high - low
    if width == 0:
        return Enclosure(low, high)
    step = sp.Rational(10) ** (_decade(width) - GUARD)
    return Enclosure(sp.floor(low / step) * step, sp.ceiling(high / step) * step)


def _decade(value: sp.Rational) -> int:
    """The k with 10^k ≤ value < 10^(k+1), for a positive rational, in integer arithmetic."""
    k = len(str(value.p)) - len(str(value.q))
    while sp.Rational(10) ** k > value:
        k -= 1
    while sp.Rational(10) ** (k + 1) <= value:
        k += 1
    return k


def _rational(point: arb) -> sp.Rational:
    mantissa, exponent = point.man_exp()
    value: sp.Rational = sp.Integer(int(mantissa)) * sp.Integer(2) ** int(exponent)
    return value


def _contains(enclosure: Enclosure, value: sp.Expr) -> bool:
    return bool(enclosure.low <= value <= enclosure.high)
