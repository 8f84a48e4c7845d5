"""Each activation written from scratch in PyTorch, JAX and Keras (``implementations/<fw>``).

A reader pastes these into a custom layer, so they are run here the way a model would run
them: in float64, values and autograd gradients against the exact formula (mpmath) at the
defaults and at two other parameter settings, on |x| ≤ 10 and at the extremes, where
nothing may come out NaN or infinite for a finite input.
"""

from __future__ import annotations

import ast
from typing import Any, Final

import numpy as np
import pytest

from generator.implementations import forms
from generator.numerics import frameworks, reference
from generator.numerics.grid import accuracy_grid
from generator.present.framework_code import FLOAT32_IN_KERAS, demoted_calls, framework_snippets
from generator.present.words import ENGLISH
from generator.records.catalog import Activation, Kind
from tests.conftest import CATALOG, MEMO, elementwise_analysis
from tests.numeric import breakpoints, parameter_sets
from tests.stability import FINITE_EXTREMES, catalog_signature, imported_modules, signature_of

ELEMENTWISE = tuple(a for a in CATALOG if a.kind is Kind.ELEMENTWISE)
POINTS: Final = np.concatenate([accuracy_grid()[::16], FINITE_EXTREMES])
CENTRE: Final = POINTS[np.abs(POINTS) <= 10]
RELATIVE: Final = 1e-9  # a formula error, not rounding: the accuracy is the benchmark's job
ABSOLUTE: Final = 1e-13
# Keras 3 on the JAX backend computes these in float32 even for float64 input (checked
# below, and said on the page): a form calling one is held to float32's precision.
DEMOTED: Final = FLOAT32_IN_KERAS
DEMOTED_RELATIVE: Final = 1e-6
DEMOTED_ABSOLUTE: Final = 1e-7
IMPORTS: Final = {
    "pytorch": {"torch", "torch.nn.functional", "math"},
    "jax": {"jax", "jax.numpy", "jax.nn", "jax.scipy.special", "math"},
    "keras": {"keras", "math"},
}
CASES: Final = [
    pytest.param(framework, activation, id=f"{framework}-{activation.id}")
    for framework in forms.FRAMEWORKS
    for activation in ELEMENTWISE
]


def _source(framework: str, activation: Activation) -> str:
    text = forms.source(framework, activation.id)
    assert text is not None, f"write generator/implementations/{framework}/{activation.id}.py"
    return text


@pytest.mark.parametrize(("framework", "activation"), CASES)
def test_is_short_and_plain(framework: str, activation: Activation) -> None:
    text = _source(framework, activation)
    assert forms.body_lines(text) <= forms.MAX_BODY_LINES
    assert max(len(line) for line in text.splitlines()) <= forms.MAX_LINE
    imported = imported_modules(text)
    assert imported <= IMPORTS[framework], imported - IMPORTS[framework]
    functions = [n.name for n in ast.parse(text).body if isinstance(n, ast.FunctionDef)]
    assert functions == ["f"], "one function, f: autograd gives f′"


@pytest.mark.parametrize(("framework", "activation"), CASES)
def test_signature_matches_the_catalog(framework: str, activation: Activation) -> None:
    _source(framework, activation)
    frameworks.prepare(framework)  # Keras on its JAX backend, before the form imports it
    f = forms.function(framework, activation.id)
    expected = catalog_signature(activation)
    assert f is not None
    found = signature_of(f)
    assert found == expected
    assert f.__doc__, "say in one line what keeps it stable"


@pytest.mark.parametrize(("framework", "activation"), CASES)
def test_values_and_gradients_match_the_formula(framework: str, activation: Activation) -> None:
    _source(framework, activation)
    frameworks.prepare(framework)
    f = forms.function(framework, activation.id)
    assert f is not None
    derivative = elementwise_analysis(activation).derivative
    for values in parameter_sets(activation):
        keywords = {symbol.name: float(value) for symbol, value in values.items()}
        y, dy = _values_and_gradients(framework, f, keywords, POINTS)
        near_kink = np.zeros(POINTS.shape, dtype=bool)
        for kink in breakpoints(activation, values):
            near_kink |= np.abs(POINTS - kink) <= 1e-6
        for name, found, expression, skip in (
            ("f", y, activation.expression, np.zeros(POINTS.shape, dtype=bool)),
            ("f′", dy, derivative, near_kink),
        ):
            exact = reference.exact(expression.subs(values), activation.variable, POINTS, MEMO)[0]
            fits = np.isfinite(exact) & ~skip
            bad = fits & ~np.isfinite(found)
            assert not bad.any(), f"{name} non-finite at {POINTS[bad][:5]} with {keywords}"
            centre = fits & (np.abs(POINTS) <= 10)
            if framework != "pytorch":  # XLA on a CPU reads a subnormal input as 0
                centre &= (np.abs(POINTS) >= np.finfo(np.float64).tiny) | (POINTS == 0)
            relative, absolute = _tolerance(framework, activation)
            error = np.abs(found[centre] - exact[centre])
            allowed = relative * np.abs(exact[centre]) + absolute
            worst = np.argmax(error - allowed)
            assert np.all(error <= allowed), (
                f"{name} at x = {POINTS[centre][worst]!r} with {keywords}: "
                f"{found[centre][worst]!r}, exact {exact[centre][worst]!r}"
            )


def _tolerance(framework: str, activation: Activation) -> tuple[float, float]:
    if framework == "keras" and demoted_calls(_source(framework, activation)):
        return DEMOTED_RELATIVE, DEMOTED_ABSOLUTE
    return RELATIVE, ABSOLUTE


def test_keras_demotes_what_the_page_says() -> None:
    """Each op the Keras tab warns about returns float32 for float64 input; others do not."""
    frameworks.prepare("keras")
    import keras

    x = np.array([0.5, 0.25])
    for name in DEMOTED:
        operation = getattr(keras.ops, name)
        found = operation(x, x) if name == "logaddexp" else operation(x)
        assert str(found.dtype) == "float32", name
    for name in ("exp", "expm1", "log1p", "sigmoid", "softplus", "erf", "sqrt"):
        assert str(getattr(keras.ops, name)(x).dtype) == "float64", name


def _values_and_gradients(
    framework: str, f: Any, keywords: dict[str, float], points: np.ndarray[Any, Any]
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    if framework == "pytorch":
        import torch

        x = torch.tensor(points, dtype=torch.float64, requires_grad=True)
        y = f(x, **keywords)
        assert y.dtype == torch.float64
        (gradient,) = torch.autograd.grad(y.sum(), x)
        return y.detach().numpy(), gradient.numpy()
    import jax

    array = jax.numpy.asarray(points, dtype=jax.numpy.float64)
    y = f(array, **keywords)
    gradient = jax.grad(lambda a: jax.numpy.sum(f(a, **keywords)))(array)
    return np.asarray(y, dtype=np.float64), np.asarray(gradient, dtype=np.float64)


GATED_CASES: Final = [
    pytest.param(framework, activation, id=f"{framework}-{activation.id}")
    for framework in forms.FRAMEWORKS
    for activation in CATALOG
    if activation.kind is Kind.GATED
]


@pytest.mark.parametrize(("framework", "activation"), GATED_CASES)
def test_gated_units_split_and_gate(framework: str, activation: Activation) -> None:
    """Run on [1, x]: the output is the gate g(x) and its gradient g′(x), as the formula says."""
    (snippet,) = [
        s for s in framework_snippets(activation, CATALOG, ENGLISH) if s.framework == framework
    ]
    assert snippet.scratch is not None
    frameworks.prepare(framework)
    namespace: dict[str, Any] = {}
    exec(compile(snippet.scratch, f"<{activation.id} {framework} from scratch>", "exec"), namespace)
    unit = namespace["f"]
    points = CENTRE
    if framework == "pytorch":
        import torch

        x = torch.tensor(points, dtype=torch.float64, requires_grad=True)
        y = unit(torch.stack([torch.ones_like(x), x], dim=-1))[..., 0]
        (gradient,) = torch.autograd.grad(y.sum(), x)
        found, slope = y.detach().numpy(), gradient.numpy()
    else:
        import jax

        def gate(array: Any) -> Any:
            stacked = jax.numpy.stack([jax.numpy.ones_like(array), array], axis=-1)
            return unit(stacked)[..., 0]

        array = jax.numpy.asarray(points, dtype=jax.numpy.float64)
        found = np.asarray(gate(array), dtype=np.float64)
        slope = np.asarray(jax.grad(lambda a: jax.numpy.sum(gate(a)))(array), dtype=np.float64)
    away = np.ones(points.shape, dtype=bool)
    for kink in breakpoints(activation, activation.defaults):
        away &= np.abs(points - kink) > 1e-6
    derivative = elementwise_analysis(activation).derivative
    for name, values, expression, kept in (
        ("g", found, activation.expression, np.ones(points.shape, dtype=bool)),
        ("g′", slope, derivative, away),
    ):
        exact = reference.exact(expression, activation.variable, points, MEMO)[0]
        error = np.abs(values - exact)[kept]
        assert np.all(error <= RELATIVE * np.abs(exact[kept]) + ABSOLUTE), name
