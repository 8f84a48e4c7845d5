"""An entry's PyTorch function, built from its catalog record, for tests and benchmarks.

Imports torch lazily: the site build never needs it.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from typing import Any

import sympy as sp

from generator.records.catalog import Activation


def resolve(dotted: str) -> object:
    """``"torch.nn.ELU"`` → the object, imported."""
    module_name, _, attribute = dotted.rpartition(".")
    return getattr(importlib.import_module(module_name), attribute)


def pytorch_callable(
    activation: Activation, values: dict[sp.Symbol, sp.Rational], dtype: Any = None
) -> Callable[[Any], Any]:
    """The ``torch.nn`` module built with these parameter values, in eval mode.

    Modules with weights (PReLU) are built in ``dtype`` (float64 unless said otherwise).
    """
    import torch

    dtype = torch.float64 if dtype is None else dtype
    entry = activation.framework("pytorch")
    if entry is None:
        raise ValueError(f"{activation.id} does not ship in PyTorch")
    keywords: dict[str, object] = {p.name: float(values[p.symbol]) for p in activation.parameters}
    keywords |= dict(entry.fixed)
    if entry.module is not None:
        module = resolve(entry.module)
        assert isinstance(module, type)
        if "dtype" in inspect.signature(module).parameters:  # weights born in this dtype
            keywords["dtype"] = dtype
        instance = module(**keywords).to(dtype).eval()
        return lambda tensor: instance(tensor)
    assert entry.function is not None
    function = resolve(entry.function)
    assert callable(function)
    return lambda tensor: function(tensor, **keywords)
