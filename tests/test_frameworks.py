"""Catalog framework names, defaults and kink conventions checked against PyTorch itself."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass

import mpmath
import numpy as np
import pytest
import sympy as sp
import torch

from generator.model import Activation
from tests.conftest import CATALOG, ELEMENTWISE, VECTOR, each, elementwise_analysis
from tests.numeric import mpmath_function

GRID = np.concatenate([np.linspace(-10, 10, 2001), [-1e3, -50.0, 50.0, 1e3]])
EPS = float(np.finfo(np.float64).eps)


@dataclass(frozen=True)
class Tolerance:
    """How far PyTorch's float64 f and autograd f′ may sit from the exact value.

    Relative bounds on f; absolute bounds on f′ where PyTorch forms it from the rounded
    output (σ(1 − σ), 1 − tanh²), which loses relative accuracy in the tails by design.
    """

    f_relative: float
    df_relative: float
    df_absolute: float


TOLERANCE = {
    "relu": Tolerance(0.0, 0.0, 0.0),
    "leaky_relu": Tolerance(EPS, EPS, 0.0),  # α·x rounds once
    "sigmoid": Tolerance(2 * EPS, 0.0, EPS),  # f′ = σ(1 − σ): error of 1 − σ is ~ε/2
    "tanh": Tolerance(2 * EPS, 0.0, 2 * EPS),  # f′ = 1 − tanh²
}
SHIPPED = tuple(a for a in ELEMENTWISE if a.framework("pytorch") is not None)


def _resolve(dotted: str) -> Callable[..., torch.Tensor]:
    module_name, _, attribute = dotted.rpartition(".")
    function: Callable[..., torch.Tensor] = getattr(importlib.import_module(module_name), attribute)
    return function


def _keywords(activation: Activation, values: dict[sp.Symbol, sp.Rational]) -> dict[str, float]:
    return {p.name: float(values[p.symbol]) for p in activation.parameters}


@each(CATALOG)
def test_pytorch_names_exist_and_defaults_agree(activation: Activation) -> None:
    entry = activation.framework("pytorch")
    assert entry is not None, "every seed activation ships in PyTorch"
    function = _resolve(entry.function)
    if entry.module is not None:
        assert isinstance(_resolve(entry.module), type)
    if not activation.parameters:
        return  # builtins such as torch.sigmoid carry no Python signature to compare
    signature = inspect.signature(function)
    for parameter in activation.parameters:
        assert parameter.name in signature.parameters, f"torch has no {parameter.name}"
        torch_default = signature.parameters[parameter.name].default
        assert sp.Rational(repr(torch_default)) == parameter.default


@each(SHIPPED)
@pytest.mark.parametrize("setting", ["defaults", "other-1", "other-2"])
def test_pytorch_values_and_gradients_match_the_formula(
    activation: Activation, setting: str
) -> None:
    analysis = elementwise_analysis(activation)
    values = dict(activation.defaults)
    if setting != "defaults":
        factor = sp.Rational(3) if setting == "other-1" else sp.Rational(1, 7)
        values = {symbol: default * factor for symbol, default in values.items()}
    entry = activation.framework("pytorch")
    assert entry is not None
    function = _resolve(entry.function)
    kinks = {float(k.at) for k in analysis.properties.kinks or ()}
    points = GRID[[all(abs(p - k) > 1e-9 for k in kinks) for p in GRID]]
    x = torch.tensor(points, dtype=torch.float64, requires_grad=True)
    y = function(x, **_keywords(activation, values))
    (gradient,) = torch.autograd.grad(y.sum(), x)
    expected = _exact(activation.expression.subs(values), activation.variable, points)
    slope = _exact(analysis.derivative.subs(values), activation.variable, points)
    tolerance = TOLERANCE[activation.id]
    np.testing.assert_allclose(y.detach().numpy(), expected, rtol=tolerance.f_relative, atol=0)
    np.testing.assert_allclose(
        gradient.numpy(), slope, rtol=tolerance.df_relative, atol=tolerance.df_absolute
    )


def _exact(expression: sp.Expr, x: sp.Symbol, points: np.ndarray) -> np.ndarray:
    """The formula at 40 digits, rounded once to float64."""
    function = mpmath_function(expression, x)
    with mpmath.workdps(40):
        return np.array([float(function(mpmath.mpf(float(p)))) for p in points])


@each(tuple(a for a in SHIPPED if a.kinks))
def test_pytorch_autograd_at_kinks_is_what_the_page_says(activation: Activation) -> None:
    entry = activation.framework("pytorch")
    assert entry is not None
    function = _resolve(entry.function)
    for settings in (activation.defaults, {s: v * 3 for s, v in activation.defaults.items()}):
        for convention in activation.kinks:
            at = float(convention.at.subs(settings))
            x = torch.tensor([at], dtype=torch.float64, requires_grad=True)
            y = function(x, **_keywords(activation, settings))
            (gradient,) = torch.autograd.grad(y.sum(), x)
            assert gradient.item() == float(convention.pytorch.subs(settings))


@each(VECTOR)
def test_pytorch_softmax_matches_the_formula(activation: Activation) -> None:
    from generator.analysis.vector import components
    from generator.catalog.loader import VECTOR_NAMES

    entry = activation.framework("pytorch")
    assert entry is not None
    dimension = 5
    outputs = components(activation.at_defaults(), dimension)
    inputs = [VECTOR_NAMES["x"][k] for k in range(1, dimension + 1)]
    formula = sp.lambdify([inputs], outputs, modules="mpmath")
    rng = np.random.default_rng(3)
    vectors = rng.normal(scale=4, size=(20, dimension))
    got = _resolve(entry.function)(torch.tensor(vectors, dtype=torch.float64), dim=-1).numpy()
    expected = np.array([[float(v) for v in formula(list(row))] for row in vectors])
    np.testing.assert_allclose(got, expected, rtol=1e-14, atol=0)
