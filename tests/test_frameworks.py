"""Catalog framework names, keywords, defaults, kink values and agreement bounds checked
against PyTorch, JAX and Keras themselves.

Every call an entry names (function and layer) is resolved and introspected: each keyword
the page names must be in its signature with the default the page states, and a parameter
the page calls fixed must be absent. Each call is then run in float64 (Keras on its JAX
backend) at our defaults and, where it takes every parameter, at two other settings, on a
grid over [−1000, 1000] that includes 10 < |x| ≤ 50 and points next to every kink, and
compared with the catalog formula at 40 digits within the entry's stated tolerance.
"""

from __future__ import annotations

import inspect
from functools import cache

import numpy as np
import numpy.typing as npt
import pytest
import sympy as sp

from generator.numerics import agreement
from generator.numerics.frameworks import (
    keywords_of,
    output_dtype,
    outputs_and_jacobians,
    prepare,
    resolve,
    values_and_gradients,
)
from generator.present.checked import coverage_sentence
from generator.present.framework_code import framework_snippets
from generator.present.words import ENGLISH
from generator.records.catalog import Activation, Kind
from generator.records.frameworks import FrameworkEntry
from tests.conftest import CATALOG, PATHS, SCALAR, VECTOR, elementwise_analysis

Array = npt.NDArray[np.float64]
BY_ID = {activation.id: activation for activation in CATALOG}


def _cases(
    activations: tuple[Activation, ...],
    *,
    calls: bool = False,
    settings: bool = False,
    most_settings: int = len(agreement.SETTINGS),
) -> list[object]:
    """pytest params over (activation, framework[, call kind][, setting]), readable ids."""
    found: list[object] = []
    for activation in activations:
        for entry in activation.frameworks:
            kinds = [kind for kind, _ in entry.named_calls]
            for kind in kinds if calls else [None]:
                chosen = agreement.settings(activation, entry)[:most_settings]
                for setting in chosen if settings else [None]:
                    values = [activation, entry.framework, kind, setting]
                    name = "-".join(str(v) for v in (activation.id, *values[1:]) if v)
                    found.append(pytest.param(*values, id=name))
    return found


# Calls that return float32 for float64 input: a framework regression, named on the page.
FLOAT32_OUTPUT = {("tanh", "keras")}


def _entry(activation: Activation, framework: str) -> FrameworkEntry:
    entry = activation.framework(framework)
    assert entry is not None
    return entry


@pytest.mark.parametrize(("activation", "framework", "kind", "setting"), _cases(CATALOG))
def test_names_keywords_and_defaults_are_the_frameworks_own(
    activation: Activation, framework: str, kind: None, setting: None
) -> None:
    entry = _entry(activation, framework)
    for call in entry.calls:
        callee = resolve(call.dotted)
        assert callable(callee), call.dotted
        keywords = keywords_of(callee)
        named = [a for a in call.arguments if a.keyword is not None] + list(entry.selectors)
        if keywords is None:  # takes anything (torch.nn.Identity): nothing may be named
            assert not named, f"{call.dotted} takes no keywords of its own"
            continue
        for argument in call.arguments:
            if argument.keyword is None:
                assert argument.parameter not in keywords, f"{call.dotted} takes it: not fixed"
                continue
            assert argument.keyword in keywords, f"{call.dotted} has no {argument.keyword}"
            found = keywords[argument.keyword]
            if argument.default is None:
                assert found is inspect.Parameter.empty, f"{argument.keyword} has a default"
            elif isinstance(argument.default, str):
                assert found == argument.default
            else:  # RReLU's 1/3 is stored as its double
                assert isinstance(found, (int, float)), f"{argument.keyword} = {found!r}"
                assert float(found) == float(argument.default), argument.keyword
        for selector in entry.selectors:
            assert selector.keyword in keywords, f"{call.dotted} has no {selector.keyword}"
            default = keywords[selector.keyword]
            assert default == selector.default, f"{selector.keyword} defaults to {default!r}"
            assert type(default) is type(selector.default)


@cache
def _expected(activation: Activation, setting: str) -> tuple[Array, Array, Array]:
    """The grid and the exact f and f′ on it, once per entry and setting."""
    values = agreement.parameter_values(activation, setting)
    points = agreement.grid(activation, values)
    slope = elementwise_analysis(activation).derivative.subs(values)
    x = activation.variable
    f = agreement.exact(activation.expression.subs(values), x, points)
    return points, f, agreement.exact(slope, x, points)


@pytest.mark.parametrize(
    ("activation", "framework", "kind", "setting"), _cases(SCALAR, calls=True, settings=True)
)
def test_values_and_gradients_match_the_formula(
    activation: Activation, framework: str, kind: str, setting: str
) -> None:
    values = agreement.parameter_values(activation, setting)
    points, f, slope = _expected(activation, setting)
    keep = agreement.intended(activation, framework, values, points)
    points, f, slope = points[keep], f[keep], slope[keep]
    y, gradient = values_and_gradients(activation, framework, values, points, kind)
    bound = _entry(activation, framework).tolerance
    np.testing.assert_allclose(y, f, rtol=bound.f_relative, atol=bound.f_absolute)
    np.testing.assert_allclose(gradient, slope, rtol=bound.df_relative, atol=bound.df_absolute)


def test_the_grid_reaches_the_tails_where_gradients_lose_accuracy() -> None:
    grid = agreement.BASE_GRID
    assert grid.min() == -1000
    assert grid.max() == 1000
    between = grid[(np.abs(grid) > 10) & (np.abs(grid) <= 50)]
    assert len(between) >= 2 * 400  # every 0.1 on both sides
    assert np.all(np.diff(np.sort(between[between > 0])) <= 0.1 + 1e-9)


@pytest.mark.parametrize(
    ("activation", "framework", "kind", "setting"),
    # RReLU's mean slope at the third setting is (l + u)/2 rounded in float64: not exact.
    _cases(tuple(a for a in SCALAR if a.kinks), calls=True, settings=True, most_settings=2),
)
def test_autograd_at_kinks_is_what_the_page_says(
    activation: Activation, framework: str, kind: str, setting: str
) -> None:
    values = agreement.parameter_values(activation, setting)
    for convention in activation.kinks:
        stated = convention.value(framework)
        assert stated is not None, f"state what {framework} returns at {convention.at}"
        at = float(convention.at.subs(values))
        _, gradient = values_and_gradients(activation, framework, values, np.array([at]), kind)
        assert gradient[0] == float(stated.subs(values)), f"at x = {at}"


@pytest.mark.parametrize(("activation", "framework", "kind", "setting"), _cases(VECTOR, calls=True))
def test_vector_values_and_jacobians_match_the_formula(
    activation: Activation, framework: str, kind: str, setting: None
) -> None:
    points = agreement.vectors()
    expected, jacobians = agreement.exact_vector(activation, points)
    got, got_jacobians = outputs_and_jacobians(activation, framework, points, kind)
    bound = _entry(activation, framework).tolerance
    np.testing.assert_allclose(got, expected, rtol=bound.f_relative, atol=bound.f_absolute)
    np.testing.assert_allclose(
        got_jacobians, jacobians, rtol=bound.df_relative, atol=bound.df_absolute
    )


@pytest.mark.parametrize(
    ("activation", "framework", "kind", "setting"), _cases(CATALOG, calls=True)
)
def test_float64_in_float64_out(
    activation: Activation, framework: str, kind: str, setting: None
) -> None:
    """Keras's tanh is the exception, named on its page; the day Keras fixes it, this fails
    and the page's difference goes."""
    found = output_dtype(activation, framework, kind)
    if (activation.id, framework) in FLOAT32_OUTPUT:
        assert found == "float32"
        assert any(d.framework == framework for d in activation.differences)
    else:
        assert found == "float64"


def test_pytorch_softplus_switches_to_the_identity_above_its_threshold() -> None:
    """The deliberate difference named on the Softplus page: x itself where βx > 20."""
    import torch

    activation = BY_ID["softplus"]
    assert any(d.framework == "pytorch" for d in activation.differences)
    for beta in (1.0, 3.0):
        points = np.array([20.5, 22.0, 25.0]) / beta  # where the gap still shows in float64
        x = torch.tensor(points, dtype=torch.float64, requires_grad=True)
        y = torch.nn.Softplus(beta=beta)(x)
        (gradient,) = torch.autograd.grad(y.sum(), x)
        assert np.array_equal(y.detach().numpy(), points)  # the identity, not the formula
        assert np.all(gradient.numpy() == 1.0)
        exact = agreement.exact(
            activation.expression.subs({sp.Symbol("beta", real=True): beta}),
            activation.variable,
            points,
        )
        assert np.all(exact > points)  # the formula is above x by log1p(e^{-βx})/β


def test_pytorch_rrelu_is_random_in_training_and_the_formula_in_eval() -> None:
    """The other named difference: RReLU draws its slope in training mode."""
    import torch

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


@pytest.mark.parametrize(("activation", "framework", "kind", "setting"), _cases(CATALOG))
def test_code_tab_runs(activation: Activation, framework: str, kind: None, setting: None) -> None:
    """The snippet on the page is run as written: it must give the formula's values."""
    (snippet,) = [
        s for s in framework_snippets(activation, (), ENGLISH) if s.framework == framework
    ]
    assert snippet.source is not None
    prepare(framework)  # Keras on its JAX backend, as the page says
    namespace: dict[str, object] = {}
    exec(compile(snippet.source, f"<{activation.id} {framework} tab>", "exec"), namespace)
    found = namespace["y"]
    y = np.asarray(found.detach() if hasattr(found, "detach") else found)
    x = np.linspace(-4.0, 4.0, 8)
    if activation.kind is Kind.ELEMENTWISE:
        exact = agreement.exact(activation.at_defaults(), activation.variable, x)
        # A fresh module trains: RReLU then draws its slopes at random, for x < 0 only.
        kept = x >= 0 if activation.id == "rrelu" else slice(None)
        np.testing.assert_allclose(y.astype(np.float64)[kept], exact[kept], rtol=1e-6, atol=1e-6)
    else:
        assert y.shape[-1] in (4, 8)


def test_readme_states_what_is_checked() -> None:
    readme = (PATHS.root / "README.md").read_text()
    assert coverage_sentence(CATALOG) in " ".join(readme.split())
