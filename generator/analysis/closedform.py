"""Closed forms for critical points, where SymPy's ``solve`` is quick: x and e^(cx) only.

SiLU's minimum sits where x + 1 + eˣ = 0, at x = −1 − W(1/e), and its value is −W(1/e);
a reader should see that rather than −0.278465. ``solve`` finds such roots at once when f′'s
numerator, once σ, tanh and softplus are written with exp and the always-positive factors
are dropped, is a polynomial in x and exponentials e^(cx); on anything else (erf, e^(eˣ)) it
is not called, since it may run for minutes or give up. A closed form is only a candidate:
the caller keeps it only if it lies in the certified box of a critical point.
"""

from __future__ import annotations

import math

import sympy as sp

from generator.analysis.arb import constant
from generator.analysis.pieces import UndeterminedError


def candidate_roots(expression: sp.Expr, x: sp.Symbol) -> tuple[sp.Expr, ...]:
    """Real roots of f′ that ``solve`` gives in closed form, or none."""
    numerator = _numerator(sp.diff(expression, x), x)
    if numerator is None:
        return ()
    scale = exponential_scale(numerator, x)
    u = sp.Dummy("u", real=True)
    scaled = sp.expand(numerator.subs(x, u / scale))  # e^(851x/500) becomes e^u
    try:
        solutions = sp.solve(scaled, u)
    except (NotImplementedError, ValueError, TypeError):
        return ()
    found = []
    for solution in solutions:
        root = solution / scale
        if _real(root):
            found.append(root)
    return tuple(found)


def exponential_scale(expression: sp.Expr, x: sp.Symbol) -> sp.Rational:
    """The largest c with every exponential's argument an integer multiple of c·x.

    SymPy's polynomial algebra reads e^(851x/500) as (e^(x/500))⁸⁵¹; in u = c·x with
    c = 851/500 it is e^u, degree 1.
    """
    coefficients = []
    for power in expression.atoms(sp.exp):
        coefficient = sp.expand(power.args[0]).coeff(x)
        if coefficient.is_Rational and coefficient != 0:
            coefficients.append(abs(coefficient))
    if not coefficients:
        return sp.Integer(1)
    numerator = math.gcd(*(int(c.p) for c in coefficients))
    denominator = math.lcm(*(int(c.q) for c in coefficients))
    return sp.Rational(numerator, denominator)


def _numerator(slope: sp.Expr, x: sp.Symbol) -> sp.Expr | None:
    """f′'s numerator without positive factors, if it is a polynomial in x and e^(cx)."""
    rewritten = slope.rewrite(sp.exp)
    if rewritten.has(sp.I):
        return None
    numerator, _ = sp.fraction(sp.together(rewritten))
    factors = sp.Mul.make_args(sp.factor_terms(numerator))
    remainder: sp.Expr = sp.Mul(*(factor for factor in factors if not _positive(factor)))
    if x not in remainder.free_symbols:
        return None
    replacements = {}
    for power in remainder.atoms(sp.exp):
        argument = sp.expand(power.args[0])
        if not (argument.is_polynomial(x) and sp.degree(argument, x) == 1):
            return None
        replacements[power] = sp.Dummy()
    if not remainder.xreplace(replacements).is_polynomial(x, *replacements.values()):
        return None
    return remainder


def _positive(factor: sp.Expr) -> bool:
    """exp(anything real) and positive constants never vanish, so roots ignore them."""
    base = factor.base if isinstance(factor, sp.Pow) and factor.exp.is_Integer else factor
    return bool(isinstance(base, sp.exp) or base.is_positive)


def _real(root: sp.Expr) -> bool:
    """A real number Arb can bound (complex roots and W below −1/e are dropped)."""
    if root.has(sp.I) or root.free_symbols:
        return False
    try:
        return bool(constant(root).is_finite())
    except UndeterminedError:
        return False


def lambert_simplify(expression: sp.Expr) -> sp.Expr:
    """Simplify using e^(W(z)) = z/W(z), which SymPy does not apply by itself.

    f(−1 − W(1/e)) for SiLU comes back as (−1 − W)/(1 + e^(1 + W)); with e^W = e⁻¹/W it
    becomes −W(1/e).
    """

    def rewrite(power: sp.Expr) -> sp.Expr:
        rest: sp.Expr = sp.Integer(0)
        factor: sp.Expr = sp.Integer(1)
        for term in sp.Add.make_args(sp.expand(power.args[0])):
            coefficient, core = term.as_coeff_Mul()
            if isinstance(core, sp.LambertW) and coefficient.is_Integer:
                z = core.args[0]
                factor *= (z / core) ** coefficient
            else:
                rest += term
        rewritten: sp.Expr = sp.exp(rest) * factor
        return rewritten

    replaced: sp.Expr = expression.replace(
        lambda node: isinstance(node, sp.exp) and node.has(sp.LambertW), rewrite
    )
    simplified: sp.Expr = sp.simplify(replaced)
    return simplified
