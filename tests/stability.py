"""The contract every NumPy form keeps at awkward inputs, shared by the accurate modules'
tests and the short forms' tests: no warning, finite for finite, NaN for NaN, the limits at
±inf, −0.0 like 0.0 (except at a kink at 0)."""

from __future__ import annotations

import ast
import inspect
import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pytest
import sympy as sp

from generator.numerics import measure, reference
from generator.numerics.grid import EXTREMES
from generator.records.analysis import Tail
from generator.records.catalog import Activation
from tests.conftest import MEMO, elementwise_analysis

FINITE_EXTREMES = np.array([v for v in EXTREMES if np.isfinite(v)])


def imported_modules(source: str) -> set[str]:
    """Every module a source file imports, relative imports with their dots."""
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add("." * node.level + (node.module or ""))
    return imported


def catalog_signature(activation: Activation) -> list[tuple[str, object]]:
    """``x`` then each parameter with its default, as every written form must take them."""
    return [("x", inspect.Parameter.empty)] + [
        (p.name, float(p.default)) for p in activation.parameters
    ]


def signature_of(function: Callable[..., object]) -> list[tuple[str, object]]:
    return [(n, p.default) for n, p in inspect.signature(function).parameters.items()]


def call(function: Any, x: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Call with every warning NumPy gives by default turned into an error (underflow is silent)."""
    with warnings.catch_warnings(), np.errstate(all="raise", under="ignore"):
        warnings.simplefilter("error")
        return np.asarray(function(x))


def check_awkward_inputs(
    activation: Activation, functions: Sequence[Callable[..., object]], dtype: type[np.floating]
) -> None:
    """``functions`` is ``(f, df)``; each must keep the contract in ``dtype``."""
    properties = elementwise_analysis(activation).properties
    for quantity, function in zip(measure.QUANTITIES, functions, strict=True):
        finite = call(function, FINITE_EXTREMES.astype(dtype))
        assert finite.dtype == dtype, f"{quantity}: {dtype.__name__} in, {finite.dtype} out"
        # Finite wherever the exact value fits the format; ±inf where it does not.
        exact = _exact_at_extremes(activation, quantity)
        fits = np.abs(exact) <= np.finfo(dtype).max
        assert np.all(np.isfinite(finite[fits])), f"{quantity}: {finite} at {FINITE_EXTREMES}"
        overflow = np.sign(exact[~fits]) * np.inf
        assert np.array_equal(finite[~fits], overflow), f"{quantity} should overflow to ±inf"
        assert np.isnan(call(function, np.array([np.nan], dtype=dtype)))[0], f"{quantity}(nan)"
        zero = call(function, np.array([-0.0, 0.0], dtype=dtype))
        if not _kink_at_zero(activation) or quantity == "f":
            assert zero[0] == zero[1], f"{quantity}(-0.0) = {zero[0]}, {quantity}(0.0) = {zero[1]}"
        ends = call(function, np.array([-np.inf, np.inf], dtype=dtype))
        for end, tail in zip(ends, (properties.left, properties.right), strict=True):
            limit = tail.value_limit if quantity == "f" else tail.derivative_limit
            _assert_limit(end, limit, quantity, tail)


def _exact_at_extremes(activation: Activation, quantity: measure.Quantity) -> np.ndarray[Any, Any]:
    """The exact values at the finite extremes, ±inf where they exceed float64."""
    expression = measure.expressions(activation, elementwise_analysis(activation))[quantity]
    hi: np.ndarray[Any, Any] = reference.exact(
        expression, activation.variable, FINITE_EXTREMES, MEMO
    )[0]
    return hi


def _kink_at_zero(activation: Activation) -> bool:
    return 0.0 in measure.breakpoints(activation)


def _assert_limit(found: float, limit: sp.Expr | None, quantity: str, tail: Tail) -> None:
    if limit is None or not (limit.is_real or limit in (sp.oo, -sp.oo)):
        return  # no limit (it oscillates) or undetermined: any answer without a warning
    if limit in (sp.oo, -sp.oo):
        assert found == (np.inf if limit == sp.oo else -np.inf), f"{quantity}({tail}) → {limit}"
    else:
        assert found == pytest.approx(float(limit), abs=1e-300), f"{quantity} → {limit}"
