"""An entry's PyTorch, JAX and Keras calls, built from its catalog record, for tests and
benchmarks: values and autograd gradients in float64 as NumPy arrays.

Imports the frameworks lazily: the site build never needs them. Keras runs on its JAX
backend (set here before Keras is first imported) and JAX with float64 enabled.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import os
from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt
import sympy as sp

from generator.records.catalog import Activation, Kind
from generator.records.frameworks import FrameworkCall, FrameworkEntry

Array = npt.NDArray[np.float64]
CALL_KINDS = ("function", "module")


def resolve(dotted: str) -> object:
    """``"torch.nn.ELU"`` → the object, imported (Keras on its JAX backend)."""
    if dotted.startswith("keras"):
        _keras()
    elif dotted.startswith("jax"):
        _jax()
    module_name, _, attribute = dotted.rpartition(".")
    return getattr(importlib.import_module(module_name), attribute)


def keywords_of(callee: object) -> dict[str, object] | None:
    """A call's keyword → default (``inspect.Parameter.empty`` when required), or None when
    it takes any keyword (``*args, **kwargs``).

    Builtins without a signature (``torch.nn.functional.gelu``) are read from the first line
    of their docstring, ``gelu(input, approximate = 'none') -> Tensor``, which is how PyTorch
    documents them.
    """
    try:
        signature = inspect.signature(callee)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return _docstring_keywords(callee)
    variadic = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    named = {n: p.default for n, p in signature.parameters.items() if p.kind not in variadic}
    return named if named or not signature.parameters else None


def _docstring_keywords(callee: object) -> dict[str, object]:
    first = (getattr(callee, "__doc__", None) or "").strip().splitlines()[0]
    head = first.split("->")[0].strip()
    tree = ast.parse(f"def {head}: pass")
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    arguments = function.args
    found: dict[str, object] = {}
    plain = [*arguments.posonlyargs, *arguments.args]
    defaults = [inspect.Parameter.empty] * (len(plain) - len(arguments.defaults))
    defaults += [ast.literal_eval(d) for d in arguments.defaults]
    for argument, default in zip(plain, defaults, strict=True):
        found[argument.arg] = default
    for argument, kw_default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        found[argument.arg] = (
            inspect.Parameter.empty if kw_default is None else ast.literal_eval(kw_default)
        )
    return found


def keyword_arguments(
    call: FrameworkCall, values: dict[sp.Symbol, sp.Rational], dtype: Any = None
) -> dict[str, object]:
    """The parameters as this call takes them: numbers, a weight tensor or an initializer."""
    by_name = {symbol.name: value for symbol, value in values.items()}
    found: dict[str, object] = {}
    for argument in call.arguments:
        if argument.keyword is None:
            continue
        value = float(by_name[argument.parameter])
        if argument.form == "tensor":
            import torch

            found[argument.keyword] = torch.tensor([value], dtype=dtype or torch.float64)
        elif argument.form == "initializer":
            found[argument.keyword] = _keras().initializers.Constant(value)
        else:
            found[argument.keyword] = value
    return found


def _entry(activation: Activation, framework: str) -> FrameworkEntry:
    entry = activation.framework(framework)
    if entry is None:
        raise ValueError(f"{activation.id} does not ship in {framework}")
    return entry


def _call(entry: FrameworkEntry, kind: str | None) -> tuple[str, FrameworkCall]:
    """The call asked for, or the module where there is one (it holds the defaults)."""
    if kind is None:
        kind = "module" if entry.module is not None else "function"
    call = entry.module if kind == "module" else entry.function
    if call is None:
        raise ValueError(f"{entry.framework} has no {kind} for this entry")
    return kind, call


def pytorch_callable(
    activation: Activation,
    values: dict[sp.Symbol, sp.Rational],
    dtype: Any = None,
    kind: str | None = None,
) -> Callable[[Any], Any]:
    """The ``torch.nn`` module (or the function) with these parameter values, in eval mode.

    Modules with weights (PReLU) are built in ``dtype`` (float64 unless said otherwise).
    """
    import torch

    dtype = torch.float64 if dtype is None else dtype
    entry = _entry(activation, "pytorch")
    kind, call = _call(entry, kind)
    keywords = keyword_arguments(call, values, dtype)
    keywords |= {s.keyword: s.value for s in entry.selectors}
    callee = resolve(call.dotted)
    if kind == "module":
        assert isinstance(callee, type)
        if "dtype" in (keywords_of(callee) or {}):  # weights born in this dtype
            keywords["dtype"] = dtype
        instance = callee(**keywords).to(dtype).eval()
        return lambda tensor: instance(tensor)
    assert callable(callee)
    return lambda tensor: callee(tensor, **keywords)


def prepare(framework: str) -> None:
    """Set a framework up as the checks run it: JAX in float64, Keras on its JAX backend."""
    if framework == "keras":
        _keras()
    elif framework == "jax":
        _jax()


def _jax() -> Any:
    import jax

    jax.config.update("jax_enable_x64", True)
    return jax


def _keras() -> Any:
    os.environ.setdefault("KERAS_BACKEND", "jax")
    _jax()
    import keras

    if keras.backend.backend() != "jax":
        raise RuntimeError("the Keras checks run on the JAX backend: set KERAS_BACKEND=jax")
    return keras


def jax_callable(
    activation: Activation,
    framework: str,
    values: dict[sp.Symbol, sp.Rational],
    kind: str | None = None,
) -> Callable[[Any], Any]:
    """A JAX or Keras call as a function of a float64 JAX array, ready for ``jax.grad``.

    Keras layers are built in float64 and called once before any tracing, so their weights
    exist as concrete arrays.
    """
    jax = _jax()
    entry = _entry(activation, framework)
    kind, call = _call(entry, kind)
    keywords = keyword_arguments(call, values)
    keywords |= {s.keyword: s.value for s in entry.selectors}
    callee = resolve(call.dotted)
    if kind == "module":
        assert isinstance(callee, type)
        layer = callee(**keywords, dtype="float64")
        if activation.kind is Kind.VECTOR:
            return lambda array: layer(array)
        # One feature per point: a layer with weights (PReLU) then holds a single slope.
        layer(jax.numpy.zeros((1, 1), dtype=jax.numpy.float64))
        return lambda array: layer(array[..., None])[..., 0]
    assert callable(callee)
    return lambda array: callee(array, **keywords)


def values_and_gradients(
    activation: Activation,
    framework: str,
    values: dict[sp.Symbol, sp.Rational],
    points: Array,
    kind: str | None = None,
) -> tuple[Array, Array]:
    """f and autograd's f′ at each point, in float64. Gated units get input [1, x] on the
    last axis, so the output is the gate itself and its gradient the gate's slope."""
    gated = activation.kind is Kind.GATED
    if framework == "pytorch":
        import torch

        call = pytorch_callable(activation, values, kind=kind)
        x = torch.tensor(points, dtype=torch.float64, requires_grad=True)
        y = call(torch.stack([torch.ones_like(x), x], dim=-1)).squeeze(-1) if gated else call(x)
        (gradient,) = torch.autograd.grad(y.sum(), x)
        return y.detach().numpy(), gradient.numpy()
    jax = _jax()
    function = jax_callable(activation, framework, values, kind)

    def gate(array: Any) -> Any:
        if not gated:
            return function(array)
        return function(jax.numpy.stack([jax.numpy.ones_like(array), array], axis=-1))[..., 0]

    x = jax.numpy.asarray(points, dtype=jax.numpy.float64)
    y = gate(x)
    gradient = jax.grad(lambda array: jax.numpy.sum(gate(array)))(x)
    return np.asarray(y, dtype=np.float64), np.asarray(gradient, dtype=np.float64)


def output_dtype(activation: Activation, framework: str, kind: str | None = None) -> str:
    """The dtype a call returns for float64 input, by name ("float64")."""
    values = activation.defaults
    points = np.array([0.5, 1.5])
    if framework == "pytorch":
        import torch

        call = pytorch_callable(activation, values, kind=kind)
        return str(call(torch.tensor(points, dtype=torch.float64)).dtype).removeprefix("torch.")
    jax = _jax()
    function = jax_callable(activation, framework, values, kind)
    shape = (1, 4) if activation.kind is Kind.GATED else (2,)
    return str(function(jax.numpy.ones(shape, dtype=jax.numpy.float64)).dtype)


def outputs_and_jacobians(
    activation: Activation, framework: str, vectors: Array, kind: str | None = None
) -> tuple[Array, Array]:
    """A vector activation on each row, and its Jacobian ∂s_i/∂x_j per row, in float64."""
    values = activation.defaults
    if framework == "pytorch":
        import torch

        call = pytorch_callable(activation, values, kind=kind)
        rows = [torch.tensor(row, dtype=torch.float64) for row in vectors]
        outputs = np.array([call(row).detach().numpy() for row in rows])
        jacobians = np.array(
            [torch.autograd.functional.jacobian(call, row).numpy() for row in rows]
        )
        return outputs, jacobians
    jax = _jax()
    function = jax_callable(activation, framework, values, kind)
    array = jax.numpy.asarray(vectors, dtype=jax.numpy.float64)
    outputs = np.asarray(function(array), dtype=np.float64)
    jacobians = np.asarray(jax.vmap(jax.jacrev(function))(array), dtype=np.float64)
    return outputs, jacobians
