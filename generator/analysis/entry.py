"""Derivation stage: SymPy derives f′, f″ and the properties of one catalog entry."""

from __future__ import annotations

from dataclasses import replace

import sympy as sp

from generator.analysis.calculus import equal
from generator.analysis.derivatives import derivative, display_pieces, identity_holds
from generator.analysis.pieces import UndeterminedError, split
from generator.analysis.properties import compute_properties
from generator.analysis.vector import analyse_vector
from generator.errors import CatalogError
from generator.records.analysis import Analysis, ElementwiseAnalysis, Properties
from generator.records.catalog import Activation, F, Kind


def analyse(activation: Activation) -> Analysis:
    """Everything derived from the entry's one formula; catalog claims are checked here."""
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
    return ElementwiseAnalysis(
        derivative=first,
        second_derivative=second,
        derivative_pieces=display_pieces(first, x, kink_points),
        second_derivative_pieces=display_pieces(second, x, kink_points),
        identity_verified=identity_verified,
        properties=properties,
    )


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
