"""Catalog framework names, defaults and kink conventions checked against PyTorch itself.

Every PyTorch-shipped entry is called through its ``torch.nn`` module (which holds the
defaults), in float64, at its defaults and at two other parameter values, on a grid that
includes ±1e3 and points next to every kink, and compared with the catalog formula
evaluated at 40 digits. The allowed error is the entry's own ``tolerance``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

import mpmath
import numpy as np
import numpy.typing as npt
import pytest
import sympy as sp
import torch

from generator.analysis.vector import components
from generator.numerics.frameworks import pytorch_callable, resolve
from generator.present.framework_code import framework_snippets
from generator.records.catalog import VECTOR_NAMES, Activation, Kind, Tolerance
from tests.conftest import SCALAR, VECTOR, each, elementwise_analysis
from tests.numeric import breakpoints, mpmath_function

Array = npt.NDArray[np.float64]
BASE_GRID = np.concatenate([np.linspace(-10, 10, 2001), [-1e3, -50.0, 50.0, 1e3]])
SHIPPED = tuple(a for a in SCALAR if a.framework("pytorch") is not None)
SHIPPED_VECTOR = tuple(a for a in VECTOR if a.framework("pytorch") is not None)
SETTINGS = ("defaults", "other-1", "other-2")
# Where PyTorch departs from the formula on purpose (named on the page); checked separately.
DEPARTS: dict[str, Callable[[Array, dict[str, float]], npt.NDArray[np.bool_]]] = {
    "softplus": lambda x, p: p["beta"] * x > 20,
}


def _settings(activation: Activation, setting: str) -> dict[sp.Symbol, sp.Rational]:
    values = dict(activation.defaults)
    if setting == "defaults":
        return values
    factor = sp.Rational(3) if setting == "other-1" else sp.Rational(1, 7)
    return {symbol: default * factor for symbol, default in values.items()}


def _tolerance(activation: Activation) -> Tolerance:
    entry = activation.framework("pytorch")
    assert entry is not None
    assert entry.tolerance is not None, "state the agreement with PyTorch as `tolerance`"
    return entry.tolerance


def _exact(expression: sp.Expr, x: sp.Symbol, points: Array) -> Array:
    """The formula at 40 digits, rounded once to float64."""
    function = mpmath_function(expression, x)
    with mpmath.workdps(40):
        return np.array([float(function(mpmath.mpf(float(p)))) for p in points])


def _grid(activation: Activation, values: dict[sp.Symbol, sp.Rational]) -> Array:
    """The base grid plus points just either side of every kink (the kinks themselves out)."""
    kinks = list(breakpoints(activation, values))
    near = [k + side * step for k in kinks for side in (-1, 1) for step in (1e-9, 1e-6, 1e-3)]
    grid = np.unique(np.concatenate([BASE_GRID, np.array(near, dtype=np.float64)]))
    return grid[[all(abs(p - k) > 1e-12 for k in kinks) for p in grid]]


@each(SHIPPED + SHIPPED_VECTOR)
def test_pytorch_names_exist_and_defaults_agree(activation: Activation) -> None:
    entry = activation.framework("pytorch")
    assert entry is not None
    if entry.function is not None:
        assert callable(resolve(entry.function))
    if entry.module is None:
        assert not activation.parameters, "parameters need a module to carry their defaults"
        return
    module = resolve(entry.module)
    assert isinstance(module, type)
    signature = inspect.signature(module)
    overrides = dict(entry.defaults)
    for parameter in activation.parameters:
        assert parameter.name in signature.parameters, f"torch has no {parameter.name}"
        torch_default = signature.parameters[parameter.name].default
        if torch_default is inspect.Parameter.empty:
            assert overrides.get(parameter.name, 0) is None, "torch requires it: say 'required'"
        else:
            assert float(torch_default) == float(parameter.default)  # RReLU's 1/3: its double
    for name, value in entry.fixed:
        assert name in signature.parameters, f"torch.nn module takes no {name}"
        assert value is not None


@each(SHIPPED)
@pytest.mark.parametrize("setting", SETTINGS)
def test_pytorch_values_and_gradients_match_the_formula(
    activation: Activation, setting: str
) -> None:
    analysis = elementwise_analysis(activation)
    values = _settings(activation, setting)
    call = pytorch_callable(activation, values)
    points = _grid(activation, values)
    departs = DEPARTS.get(activation.id)
    if departs is not None:
        points = points[
            ~departs(points, {p.name: float(values[p.symbol]) for p in activation.parameters})
        ]
    x = activation.variable
    gate = torch.tensor(points, dtype=torch.float64, requires_grad=True)
    if activation.kind is Kind.GATED:  # a ⊗ g(b) with a = 1: the output is the gate itself
        y = call(torch.cat([torch.ones_like(gate), gate], dim=-1))
    else:
        y = call(gate)
    (gradient,) = torch.autograd.grad(y.sum(), gate)
    expected = _exact(activation.expression.subs(values), x, points)
    slope = _exact(analysis.derivative.subs(values), x, points)
    bound = _tolerance(activation)
    np.testing.assert_allclose(
        y.detach().numpy(), expected, rtol=bound.f_relative, atol=bound.f_absolute
    )
    np.testing.assert_allclose(
        gradient.numpy(), slope, rtol=bound.df_relative, atol=bound.df_absolute
    )


@each(tuple(a for a in SHIPPED if a.kinks))
@pytest.mark.parametrize("setting", SETTINGS[:2])
def test_pytorch_autograd_at_kinks_is_what_the_page_says(
    activation: Activation, setting: str
) -> None:
    values = _settings(activation, setting)
    call = pytorch_callable(activation, values)
    for convention in activation.kinks:
        assert convention.pytorch is not None
        at = float(convention.at.subs(values))
        x = torch.tensor([at], dtype=torch.float64, requires_grad=True)
        (gradient,) = torch.autograd.grad(call(x).sum(), x)
        assert gradient.item() == float(convention.pytorch.subs(values)), f"at x = {at}"


@each(SHIPPED_VECTOR)
def test_pytorch_vector_activation_matches_the_formula(activation: Activation) -> None:
    dimension = 5
    outputs = components(activation.at_defaults(), dimension)
    inputs = [VECTOR_NAMES["x"][k] for k in range(1, dimension + 1)]
    formula = sp.lambdify([inputs], outputs, modules="mpmath")
    vectors = np.random.default_rng(3).normal(scale=4, size=(20, dimension))
    vectors[0] *= 200  # far apart scores: exp would overflow without care
    call = pytorch_callable(activation, activation.defaults)
    got = call(torch.tensor(vectors, dtype=torch.float64)).detach().numpy()
    with mpmath.workdps(40):
        expected = np.array([[float(v) for v in formula(list(row))] for row in vectors])
    bound = _tolerance(activation)
    np.testing.assert_allclose(got, expected, rtol=bound.f_relative, atol=bound.f_absolute)


BY_ID = {activation.id: activation for activation in SCALAR}


def test_pytorch_softplus_switches_to_the_identity_above_its_threshold() -> None:
    """The deliberate difference named on the Softplus page: x itself where βx > 20."""
    activation = BY_ID["softplus"]
    assert any(d.framework == "pytorch" for d in activation.differences)
    for beta in (1.0, 3.0):
        points = np.array([20.5, 22.0, 25.0]) / beta  # where the gap still shows in float64
        x = torch.tensor(points, dtype=torch.float64, requires_grad=True)
        y = torch.nn.Softplus(beta=beta)(x)
        (gradient,) = torch.autograd.grad(y.sum(), x)
        assert np.array_equal(y.detach().numpy(), points)  # the identity, not the formula
        assert np.all(gradient.numpy() == 1.0)
        exact = _exact(
            activation.expression.subs({sp.Symbol("beta", real=True): beta}),
            activation.variable,
            points,
        )
        assert np.all(exact > points)  # the formula is above x by log1p(e^{-βx})/β


def test_pytorch_rrelu_is_random_in_training_and_the_formula_in_eval() -> None:
    """The other named difference: RReLU draws its slope in training mode."""
    activation = BY_ID["rrelu"]
    assert any(d.framework == "pytorch" for d in activation.differences)
    lower, upper = (float(activation.defaults[sp.Symbol(n, real=True)]) for n in ("lower", "upper"))
    module = torch.nn.RReLU(lower, upper).double()
    x = -torch.ones(10_000, dtype=torch.float64)
    torch.manual_seed(0)
    slopes = -module.train()(x).numpy()
    assert slopes.min() >= lower
    assert slopes.max() <= upper
    assert len(np.unique(slopes)) > 1000  # drawn per element
    assert np.all(-module.eval()(x).numpy() == (lower + upper) / 2)


@each(SHIPPED + SHIPPED_VECTOR)
def test_pytorch_code_tab_runs(activation: Activation) -> None:
    """The snippet on the page is run as written: it must give the formula's values."""
    (snippet,) = [s for s in framework_snippets(activation) if s.framework == "pytorch"]
    namespace: dict[str, object] = {}
    exec(compile(snippet.source, f"<{activation.id} PyTorch tab>", "exec"), namespace)
    y = namespace["y"]
    assert isinstance(y, torch.Tensor)
    x = torch.linspace(-4.0, 4.0, 8)
    if activation.kind is Kind.ELEMENTWISE:
        exact = _exact(activation.at_defaults(), activation.variable, x.double().numpy())
        # A fresh module trains: RReLU then draws its slopes at random, for x < 0 only.
        kept = (x >= 0).numpy() if activation.id == "rrelu" else slice(None)
        found = y.detach().double().numpy()
        np.testing.assert_allclose(found[kept], exact[kept], rtol=1e-6, atol=1e-6)
    else:
        assert y.shape[-1] in (4, 8)
