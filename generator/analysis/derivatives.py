"""Derivatives in a form worth printing, and checks of catalog identities against them."""

from __future__ import annotations

import sympy as sp

from generator.analysis.calculus import is_zero
from generator.analysis.pieces import UndeterminedError, canonical, split
from generator.model import Piece


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
            candidates.append(rewrite(expression))
        except (NotImplementedError, ValueError, TypeError, sp.PolynomialError):
            continue
    return min(
        candidates,
        key=lambda form: (len(_functions(form) - original), sp.count_ops(form), len(str(form))),
    )


def _functions(expression: sp.Expr) -> set[type]:
    return {type(node) for node in expression.atoms(sp.Function)}


def derivative(expression: sp.Expr, x: sp.Symbol, order: int = 1) -> sp.Expr:
    """d^order f / dx^order of the branch form, so kinks show up as separate branches."""
    result = canonical(expression)
    for _ in range(order):
        result = sp.piecewise_fold(sp.diff(result, x))
        if isinstance(result, sp.Piecewise):
            result = sp.Piecewise(*((readable(e), c) for e, c in result.args))
        else:
            result = readable(result)
    return result


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
