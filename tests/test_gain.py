"""PyTorch's initialisation gains, as the catalog gives them, checked against torch itself.

The pages show ``torch.nn.init.calculate_gain`` beside the variance-preserving gain the
analysis computes; the two agree for ReLU and leaky ReLU and not for tanh, SELU or the
sigmoid, whose PyTorch gains are conventions. Both numbers must be right.
"""

from __future__ import annotations

import typing
from collections.abc import Callable

import pytest
import sympy as sp
import torch

from generator.records.catalog import Activation
from generator.records.frameworks import Gain
from tests.conftest import SCALAR, each, elementwise_analysis

WITH_GAIN = tuple(a for a in SCALAR if (e := a.framework("pytorch")) and e.gain is not None)
CALCULATE_GAIN: Callable[..., float] = torch.nn.init.calculate_gain
# The names calculate_gain accepts, from its own signature, less the layer types (conv1d, …).
PYTORCH_NONLINEARITIES = {
    name
    for name in typing.get_args(typing.get_type_hints(CALCULATE_GAIN)["nonlinearity"])
    if not name.startswith("conv")
}


def _gain(activation: Activation) -> Gain:
    entry = activation.framework("pytorch")
    assert entry is not None
    assert entry.gain is not None
    return entry.gain


def _torch_gain(activation: Activation, values: dict[sp.Symbol, sp.Rational]) -> float:
    gain = _gain(activation)
    if gain.nonlinearity == "leaky_relu":  # its one parameter is the negative slope
        (slope,) = activation.parameters
        return CALCULATE_GAIN(gain.nonlinearity, float(values[slope.symbol]))
    return CALCULATE_GAIN(gain.nonlinearity)


@each(WITH_GAIN)
def test_catalog_gain_is_what_pytorch_returns(activation: Activation) -> None:
    settings = [dict(activation.defaults)]
    settings += [{p.symbol: sp.Rational(1, 5) for p in activation.parameters}]
    for values in settings:
        ours = float(_gain(activation).value.subs(values))
        assert ours == pytest.approx(_torch_gain(activation, values), rel=1e-15, abs=0)


def test_every_pytorch_nonlinearity_has_its_entry() -> None:
    assert "relu" in PYTORCH_NONLINEARITIES  # the signature was read
    named = sorted(_gain(activation).nonlinearity for activation in WITH_GAIN)
    assert named == sorted(PYTORCH_NONLINEARITIES)


@each(WITH_GAIN)
def test_pytorch_gain_equals_ours_exactly_where_the_page_says_so(activation: Activation) -> None:
    """ReLU's √2 is 1/√E[f(X)²]; tanh's 5/3 is not. The page's wording follows."""
    analysis = elementwise_analysis(activation)
    moments = analysis.properties.moments
    assert moments is not None
    assert moments.gain is not None
    theirs = float(_gain(activation).value.subs(activation.defaults))
    ours = float(moments.gain.value)
    agree = activation.id in ("identity", "relu", "leaky_relu")
    assert (abs(ours - theirs) < 1e-12) == agree, (ours, theirs)
