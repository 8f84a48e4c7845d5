"""Derivatives in a form worth printing, and checks of catalog identities against them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

import sympy as sp

from generator.analysis.calculus import is_zero
from generator.analysis.pieces import UndeterminedError, canonical, split
from generator.records.analysis import Piece

# Trigonometric and hyperbolic functions, whose polynomial arguments ``simplify`` expands.
CIRCULAR: Final = (sp.sin, sp.cos, sp.tan, sp.sinh, sp.cosh, sp.tanh)
# Above this degree in e^(x/q), ``factor`` factors cyclotomic polynomials for seconds.
MAX_EXPONENTIAL_DEGREE: Final = 32


def readable(expression: sp.Expr) -> sp.Expr:
    """The shortest of a few equivalent forms that uses no function the input did not.

    ``simplify`` likes to trade exponentials for cosh (σ′ = 1/(4 cosh²(x/2))); correct, but
    a reader of σ = 1/(1 + e^{−x}) expects e^{−x}/(1 + e^{−x})², so new functions cost more
    than a few extra operations. Which rewrites are tried depends on the formula only (see
    :func:`rewrites`), never on a clock, so the printed form is the same on every machine.
    """
    original = _functions(expression)
    candidates = [expression]
    for rewrite in rewrites(expression):
        try:
            candidates.append(rewrite(expression))
        except (NotImplementedError, ValueError, TypeError, sp.PolynomialError):
            continue
    return min(
        candidates,
        key=lambda form: (len(_functions(form) - original), sp.count_ops(form), len(str(form))),
    )


def rewrites(expression: sp.Expr) -> list[Callable[[sp.Expr], sp.Expr]]:
    """simplify, factor, together and cancel, less the two that blow up on this formula.

    ``simplify`` expands tanh of a polynomial argument through its addition formulas, which
    grows with every power: 79 s on GELU-tanh's f″ (tanh of a cubic), and it never wins
    there. ``factor`` reads e^(851x/500) as a polynomial of degree 851 in e^(x/500) and
    factors it (6 s on QuickGELU's f″, never the shortest form either).
    """
    chosen: list[Callable[[sp.Expr], sp.Expr]] = [sp.together, sp.cancel]
    if exponential_degree(expression) <= MAX_EXPONENTIAL_DEGREE:
        chosen.insert(0, sp.factor)
    if not _circular_of_polynomial(expression):
        chosen.insert(0, sp.simplify)
    return chosen


def exponential_degree(expression: sp.Expr) -> int:
    """The largest |p| over exponentials e^((p/q)·x + ...): SymPy's polynomial algebra sees
    e^(p·x/q) as the p-th power of e^(x/q)."""
    degree = 1
    for power in expression.atoms(sp.exp):
        for variable in power.args[0].free_symbols:
            coefficient = sp.expand(power.args[0]).coeff(variable)
            if coefficient.is_Rational:
                degree = max(degree, abs(int(coefficient.p)))
    return degree


def _circular_of_polynomial(expression: sp.Expr) -> bool:
    """sin, cos, tanh ... of an argument that is a polynomial of degree ≥ 2 in a variable."""
    for node in expression.atoms(*CIRCULAR):
        argument = node.args[0]
        for variable in argument.free_symbols:
            if argument.is_polynomial(variable) and sp.degree(argument, variable) >= 2:
                return True
    return False


def _functions(expression: sp.Expr) -> set[type]:
    return {type(node) for node in expression.atoms(sp.Function)}


def derivative(
    expression: sp.Expr, x: sp.Symbol, order: int = 1, defaults: Mapping[sp.Symbol, sp.Expr] = {}
) -> sp.Expr:
    """d^order f / dx^order of the branch form, so kinks show up as separate branches."""
    raw = canonical(expression)
    for _ in range(order):
        raw = sp.piecewise_fold(sp.diff(raw, x))
    if isinstance(raw, sp.Piecewise):
        branches = _without_single_points(raw, x, defaults)
        return sp.Piecewise(*((readable(e), c) for e, c in branches))
    return _fill_removable(readable(raw), x)


def _without_single_points(
    piecewise: sp.Piecewise, x: sp.Symbol, defaults: Mapping[sp.Symbol, sp.Expr]
) -> list[tuple[sp.Expr, sp.Basic]]:
    """Drop branches that hold at isolated points only.

    Rewriting Max(0, x) + Min(0, e^x − 1) (CELU) yields a branch "0 where x ≤ 0 and
    e^x ≥ 1", true at x = 0 alone. Its derivative, 0, is not the derivative at that point;
    the next branch that holds there gives the one-sided value instead.
    """
    kept = []
    for branch, condition in piecewise.args:
        try:
            where = condition.subs(defaults).as_set()
        except (NotImplementedError, TypeError, ValueError, AttributeError):
            where = None
        if isinstance(where, sp.FiniteSet) and condition != sp.true:
            continue
        kept.append((branch, condition))
    return kept


def _fill_removable(expression: sp.Expr, x: sp.Symbol) -> sp.Expr:
    """Give a formula its limit at the real points where it is 0/0 (sinc′ at 0).

    SymPy differentiates sinc(x) into cos(x)/x − sin(x)/x², which has no value at 0 although
    the derivative exists there; the page would otherwise show an undefined f′(0).
    """
    try:
        points = sp.singularities(expression, x, sp.S.Reals)
    except (NotImplementedError, ValueError, TypeError):
        return expression
    if not isinstance(points, sp.FiniteSet) or not points:
        return expression
    branches = []
    for point in sorted(points, key=float):
        left = sp.limit(expression, x, point, "-")
        right = sp.limit(expression, x, point, "+")
        if left != right or not left.is_finite:
            return expression  # a real singularity: leave it for the analysis to report
        branches.append((left, sp.Eq(x, point)))
    return sp.Piecewise(*branches, (expression, True))


def display_pieces(
    expression: sp.Expr, x: sp.Symbol, excluded: tuple[sp.Expr, ...]
) -> tuple[Piece, ...] | None:
    """Branches of a derivative with the points where it does not exist removed.

    SymPy's Piecewise derivative of ReLU says f′(0) = 0 only because its branch conditions
    are closed on one side; the page must not repeat that, so kink points are cut out.
    ``None`` when the branches cannot be separated (conditions depend on parameters).
    """
    if not expression.has(sp.Piecewise) and not excluded:
        return None
    try:
        pieces = split(expression, x)
    except UndeterminedError:
        return None
    cut = sp.FiniteSet(*excluded)
    domains: dict[sp.Expr, sp.Set] = {}
    for piece in pieces:
        domain = sp.Complement(piece.domain, cut)
        if domain is not sp.S.EmptySet:
            domains[piece.expression] = sp.Union(
                domains.get(piece.expression, sp.S.EmptySet), domain
            )
    return tuple(Piece(branch, domain) for branch, domain in domains.items())


def identity_holds(
    expression: sp.Expr, x: sp.Symbol, identity: sp.Expr, value: sp.Symbol
) -> bool | None:
    """Does f′ equal the catalog's identity g(f) (e.g. σ′ = σ(1 − σ)) for every x?"""
    return is_zero(sp.diff(expression, x) - identity.subs(value, expression))
