"""Derivation stage: SymPy derives f′, f″ and the properties of one catalog entry."""

from __future__ import annotations

from dataclasses import replace

import sympy as sp

from generator.analysis.calculus import equal, one_sided_limit
from generator.analysis.derivatives import derivative, display_pieces, identity_holds
from generator.analysis.domain import refuse_undefined
from generator.analysis.moments import gaussian_moments
from generator.analysis.pieces import UndeterminedError, boundaries, left_of, right_of, split
from generator.analysis.properties import compute_properties
from generator.analysis.vector import analyse_vector
from generator.errors import CatalogError
from generator.records.analysis import Analysis, ElementwiseAnalysis, Moments, Piece, Properties
from generator.records.catalog import Activation, F, Kind


def analyse(activation: Activation) -> Analysis:
    """Everything derived from the entry's one formula; catalog claims are checked here,
    beginning with the formula being defined on all of ℝ."""
    refuse_undefined(activation)
    if activation.kind is Kind.VECTOR:
        return analyse_vector(activation)
    x = activation.variable
    try:
        pieces = split(activation.at_defaults(), x)
    except UndeterminedError as error:
        raise CatalogError(
            activation.source, "expression", f"cannot be analysed: {error}"
        ) from None
    # Kinks may sit at a parameter (Hardtanh's min_val); compare positions at the defaults.
    conventions = tuple(
        replace(convention, at=convention.at.subs(activation.defaults))
        for convention in activation.kinks
    )
    properties = compute_properties(pieces, x, conventions)
    _check_kinks(activation, properties)
    properties = replace(properties, moments=_moments(activation, pieces, x))

    identity_verified = False
    if activation.derivative_identity is not None:
        if identity_holds(activation.expression, x, activation.derivative_identity, F) is not True:
            raise CatalogError(
                activation.source,
                "derivative_identity",
                f"SymPy could not confirm f′ = {activation.derivative_identity}",
            )
        identity_verified = True

    first = derivative(activation.expression, x, 1, activation.defaults)
    second = derivative(activation.expression, x, 2, activation.defaults)
    kink_points = tuple(kink.at for kink in properties.kinks or ())
    try:
        no_second = _second_derivative_missing(pieces, x, kink_points)
    except UndeterminedError as error:
        raise CatalogError(
            activation.source, "expression", f"cannot decide where f″ exists: {error}"
        ) from None
    return ElementwiseAnalysis(
        derivative=first,
        second_derivative=second,
        derivative_pieces=display_pieces(first, x, kink_points),
        second_derivative_pieces=display_pieces(second, x, kink_points + no_second),
        identity_verified=identity_verified,
        properties=properties,
        no_second_derivative_at=no_second,
    )


def _moments(activation: Activation, pieces: tuple[Piece, ...], x: sp.Symbol) -> Moments:
    try:
        return gaussian_moments(pieces, x)
    except UndeterminedError as error:
        raise CatalogError(
            activation.source, "expression", f"its Gaussian moments cannot be certified: {error}"
        ) from None


def _second_derivative_missing(
    pieces: tuple[Piece, ...], x: sp.Symbol, kinks: tuple[sp.Expr, ...]
) -> tuple[sp.Expr, ...]:
    """Branch points where f′ exists but its one-sided slopes differ (ELU at 0 for α = 1).

    SymPy's Piecewise f″ takes one side's value there (its conditions are closed on one
    side), so without this the page would print an f″ that does not exist.
    """
    missing = []
    for point in boundaries(pieces):
        if any(equal(point, kink) for kink in kinks):
            continue  # f′ itself is missing: the kink row says so
        left = one_sided_limit(sp.diff(left_of(pieces, point).expression, x, 2), x, point, "-")
        right = one_sided_limit(sp.diff(right_of(pieces, point).expression, x, 2), x, point, "+")
        same = equal(left, right)
        if same is None:
            raise UndeterminedError(f"one-sided second derivatives at x = {point}")
        if not same:
            missing.append(point)
    return tuple(missing)


def _check_kinks(activation: Activation, properties: Properties) -> None:
    """Every kink SymPy finds needs the autograd convention there, and no other is listed."""
    if properties.kinks is None:
        return
    found = [kink.at for kink in properties.kinks]
    for kink in properties.kinks:
        if kink.convention is None:
            raise CatalogError(
                activation.source,
                "kinks",
                f"f is not differentiable at x = {kink.at}: add an entry with the value "
                "PyTorch's autograd returns there",
            )
    for position, convention in enumerate(activation.kinks):
        at_default = convention.at.subs(activation.defaults)
        if not any(equal(at_default, point) for point in found):
            at = sp.sstr(at_default)
            raise CatalogError(
                activation.source, f"kinks[{position}].at", f"f is differentiable at x = {at}"
            )
