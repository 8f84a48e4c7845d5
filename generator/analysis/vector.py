"""Vector-valued activations (softmax and kin): Jacobian and facts checked on R^3."""

from __future__ import annotations

from typing import Final

import sympy as sp

from generator.analysis.calculus import image, is_analytic_on, is_zero
from generator.analysis.derivatives import readable
from generator.analysis.pieces import UndeterminedError
from generator.errors import CatalogError
from generator.records.analysis import Smoothness, VectorAnalysis
from generator.records.catalog import VECTOR_NAMES, Activation, S, X

# Identities are checked on a concrete dimension, large enough to have i ≠ j ≠ k.
DIMENSION: Final = 3
_x, _i, _j, _n = (VECTOR_NAMES[name] for name in ("x", "i", "j", "n"))


def components(expression: sp.Expr, dimension: int) -> list[sp.Expr]:
    """s_1 … s_d written out on a concrete vector x_1 … x_d."""
    return [expression.subs({_n: dimension, _i: k}).doit() for k in range(1, dimension + 1)]


def analyse_vector(activation: Activation) -> VectorAnalysis:
    expression = activation.at_defaults()
    outputs = components(expression, DIMENSION)
    inputs = [_x[k] for k in range(1, DIMENSION + 1)]

    jacobian = activation.derivative_identity
    if jacobian is None:
        raise CatalogError(
            activation.source, "derivative_identity", "a vector entry needs its Jacobian ∂s_i/∂x_j"
        )
    for a in range(DIMENSION):
        for b in range(DIMENSION):
            claimed = jacobian.subs({_i: a + 1, _j: b + 1}).subs(
                {S[k + 1]: outputs[k] for k in range(DIMENSION)}
            )
            if is_zero(sp.diff(outputs[a], inputs[b]) - claimed) is not True:
                raise CatalogError(
                    activation.source,
                    "derivative_identity",
                    f"does not match ∂s_{a + 1}/∂x_{b + 1} computed by SymPy",
                )

    shift = sp.Symbol("c", real=True)
    shifted = {inputs[k]: inputs[k] + shift for k in range(DIMENSION)}
    reduction = readable(expression.subs({_n: 2, _i: 1}).doit().subs({_x[1]: X, _x[2]: 0}))
    try:
        component_range = image(reduction, X, sp.S.Reals)
    except UndeterminedError:
        component_range = None
    analytic = all(is_analytic_on(output, X, sp.S.Reals) for output in outputs)
    return VectorAnalysis(
        jacobian_entry=jacobian,
        dimension_checked=DIMENSION,
        sums_to_one=_identically_zero(sp.Add(*outputs) - 1, inputs),
        shift_invariant=_identically_zero(outputs[0].subs(shifted) - outputs[0], inputs),
        two_class_reduction=reduction,
        two_class_derivative=readable(sp.diff(reduction, X)),
        component_range=component_range,
        smoothness=Smoothness(order=0, infinite=True) if analytic else None,
    )


# Exact input vectors that refute an identity in several variables: is_zero's own probes
# only handle one free symbol, so LogSoftmax's "sums to 1" stayed undecided.
VECTOR_PROBES: Final = ((0, 0, 0), (1, -2, 3), (sp.Rational(1, 2), 5, -1))


def _identically_zero(expression: sp.Expr, inputs: list[sp.Symbol]) -> bool | None:
    """True when SymPy simplifies it to 0; False when it is non-zero at an exact probe
    (any other symbol, such as the shift c, set to 1)."""
    answer = is_zero(expression)
    if answer is not None:
        return answer
    for probe in VECTOR_PROBES:
        value = expression.subs(dict(zip(inputs, probe, strict=True)))
        value = value.subs(dict.fromkeys(value.free_symbols, 1))
        if sp.N(value, 30).is_zero is False:
            return False
    return None
