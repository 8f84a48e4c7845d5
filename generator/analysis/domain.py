"""Refuse a formula that is not real and finite for every real x, parameters at their defaults.

Every analysis downstream treats f as a real function on all of ℝ: ``log(x)`` or ``1/x``
would be published with properties that are false (1/x "strictly decreasing"). So each
requirement (:mod:`~generator.analysis.requirements`) must be *proved*
(:mod:`~generator.analysis.domain_proof`); what is not proved is refused, naming the field.
No step looks at a clock: the answer is the same on any machine.
"""

from __future__ import annotations

from collections.abc import Mapping

import sympy as sp

from generator.analysis.domain_proof import finite_at_defaults, prove
from generator.analysis.requirements import DomainError, requirements
from generator.errors import CatalogError
from generator.records.catalog import Activation, X


def refuse_undefined(activation: Activation) -> None:
    """Raise a :class:`CatalogError` on field ``expression`` unless the formula is defined
    on all of ℝ."""
    defaults = {parameter.symbol: parameter.default for parameter in activation.parameters}
    variable = X if activation.kind.scalar else None
    problem = check_domain(activation.expression, defaults, variable)
    if problem is not None:
        raise CatalogError(activation.source, "expression", problem)


def check_domain(
    expression: sp.Expr, defaults: Mapping[sp.Symbol, sp.Expr], variable: sp.Symbol | None
) -> str | None:
    """None when ``expression`` is proved real and finite for every real ``variable`` (None
    for a vector formula, whose components x[j] are each any real) with the parameters at
    ``defaults``; otherwise the problem, saying what fails and where, or that it is unproved."""
    try:
        for requirement in requirements(expression, sp.Reals, variable, defaults):
            prove(requirement, variable, defaults)
        finite_at_defaults(expression, defaults)
    except DomainError as refusal:
        return str(refusal)
    return None
