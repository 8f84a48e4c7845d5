"""Derivatives in a form worth printing, and checks of catalog identities against them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import sympy as sp

from generator.analysis.budget import time_limit
from generator.analysis.calculus import is_zero
from generator.analysis.pieces import UndeterminedError, canonical, split
from generator.records.analysis import Piece

# Each attempt at a shorter form gets this long; the unsimplified form is always correct.
REWRITE_SECONDS: Final = 4.0


def readable(expression: sp.Expr) -> sp.Expr:
    """The shortest of a few equivalent forms that uses no function the input did not.

    ``simplify`` likes to trade exponentials for cosh (σ′ = 1/(4 cosh²(x/2))); correct, but
    a reader of σ = 1/(1 + e^{−x}) expects e^{−x}/(1 + e^{−x})², so new functions cost more
    than a few extra operations.
    """
    original = _functions(expression)
    candidates = [expression]
    for rewrite in (sp.simplify, sp.factor, sp.together, sp.cancel):
        try:
            with time_limit(REWRITE_SECONDS, lambda: TimeoutError("rewrite")):
                candidates.append(rewrite(expression))
        except (NotImplementedError, ValueError, TypeError, sp.PolynomialError, TimeoutError):
            continue
    return min(
        candidates,
        key=lambda form: (len(_functions(form) - original), sp.count_ops(form), len(str(form))),
    )


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
        with time_limit(REWRITE_SECONDS, lambda: TimeoutError("singularities")):
            points = sp.singularities(expression, x, sp.S.Reals)
    except (NotImplementedError, ValueError, TypeError, TimeoutError):
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
