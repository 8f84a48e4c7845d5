"""Split a definition into smooth branches, each on an interval of the real line.

Every later question (limits at a boundary, range, monotonicity) is easier to answer on
branches than on SymPy's ``Piecewise``/``Max``/``Abs``, whose limits and ranges SymPy often
cannot take directly.
"""

from __future__ import annotations

import sympy as sp

from generator.records.analysis import Piece


class UndeterminedError(Exception):
    """SymPy could not answer; the caller reports "not determined"."""


def canonical(expression: sp.Expr) -> sp.Expr:
    """Rewrite Max/Min/Abs/Heaviside/sign as one top-level Piecewise (or none)."""
    rewritten = expression
    for kind in (sp.Max, sp.Min, sp.Abs, sp.Heaviside, sp.sign):
        rewritten = rewritten.replace(
            lambda node, kind=kind: isinstance(node, kind),
            lambda node: node.rewrite(sp.Piecewise),
        )
    folded: sp.Expr = sp.piecewise_fold(rewritten)
    return folded


def split(expression: sp.Expr, x: sp.Symbol) -> tuple[Piece, ...]:
    """The branches of ``expression`` over the reals, ordered left to right."""
    folded = canonical(expression)
    if not folded.has(sp.Piecewise):
        return (Piece(folded, sp.S.Reals),)
    if not isinstance(folded, sp.Piecewise):
        raise UndeterminedError("a Piecewise could not be lifted to the top level")
    try:
        pairs = folded.as_expr_set_pairs(sp.S.Reals)
    except (NotImplementedError, TypeError, ValueError) as error:
        raise UndeterminedError(f"branch conditions: {error}") from None
    pieces = [
        Piece(branch, interval) for branch, domain in pairs for interval in _intervals(domain)
    ]
    if any(piece.expression.has(sp.Piecewise) for piece in pieces):
        raise UndeterminedError("nested Piecewise")
    return tuple(sorted(pieces, key=lambda piece: (piece.domain.inf, piece.domain.sup)))


def boundaries(pieces: tuple[Piece, ...]) -> tuple[sp.Expr, ...]:
    """The finite points where one branch hands over to the next."""
    points = {
        end for piece in pieces for end in (piece.domain.inf, piece.domain.sup) if end.is_finite
    }
    return tuple(sorted(points, key=float))


def piece_at(pieces: tuple[Piece, ...], point: sp.Expr) -> Piece:
    """The branch whose domain contains ``point``."""
    for piece in pieces:
        if piece.domain.contains(point) == sp.true:
            return piece
    raise UndeterminedError(f"no branch contains {point}")


def left_of(pieces: tuple[Piece, ...], point: sp.Expr) -> Piece:
    """The branch just left of ``point`` (its domain ends there)."""
    for piece in pieces:
        if piece.domain.sup == point and piece.domain.inf != point:
            return piece
    raise UndeterminedError(f"no branch ends at {point}")


def right_of(pieces: tuple[Piece, ...], point: sp.Expr) -> Piece:
    """The branch just right of ``point`` (its domain starts there)."""
    for piece in pieces:
        if piece.domain.inf == point and piece.domain.sup != point:
            return piece
    raise UndeterminedError(f"no branch starts at {point}")


def _intervals(domain: sp.Set) -> list[sp.Set]:
    if domain is sp.S.EmptySet:
        return []
    if isinstance(domain, sp.Union):
        return [part for arg in domain.args for part in _intervals(arg)]
    if isinstance(domain, sp.FiniteSet):
        return [sp.FiniteSet(point) for point in domain]
    if isinstance(domain, sp.Interval):
        return [domain]
    if domain == sp.S.Reals:
        return [sp.Interval(-sp.oo, sp.oo)]
    raise UndeterminedError(f"branch domain {domain} is not a union of intervals")
