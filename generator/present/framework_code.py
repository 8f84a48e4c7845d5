"""Runnable framework snippets for the code tabs, built from the catalog's framework records.

Only what the catalog states goes in: the dotted names, each parameter under the call's
own keyword at this page's value, and the arguments that select the form. The tests run
every snippet and compare it with the formula.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from generator.present.frameworks import python_literal
from generator.present.text import FRAMEWORK_TITLES
from generator.records.catalog import Activation, Kind
from generator.records.frameworks import FrameworkEntry

INPUTS: Final = {
    "pytorch": ("import torch", "x = torch.linspace(-4.0, 4.0, 8)"),
    "keras": ("import keras", "x = keras.ops.linspace(-4.0, 4.0, 8)"),
    "jax": ("import jax", "x = jax.numpy.linspace(-4.0, 4.0, 8)"),
}


@dataclass(frozen=True)
class FrameworkSnippet:
    framework: str
    title: str
    source: str
    note: str | None


def framework_snippets(activation: Activation) -> tuple[FrameworkSnippet, ...]:
    order = list(FRAMEWORK_TITLES)
    entries = sorted(activation.frameworks, key=lambda entry: order.index(entry.framework))
    return tuple(
        FrameworkSnippet(
            entry.framework,
            FRAMEWORK_TITLES[entry.framework],
            _source(activation, entry),
            entry.note,
        )
        for entry in entries
    )


def _source(activation: Activation, entry: FrameworkEntry) -> str:
    """PyTorch through its ``torch.nn`` module, Keras and JAX through their functions (the
    way each is usually written), every parameter passed at this page's value."""
    module_line, input_line = INPUTS[entry.framework]
    layer_first = entry.framework == "pytorch" or entry.function is None
    call = entry.module if layer_first and entry.module is not None else entry.function
    assert call is not None  # the loader requires a function or a module
    values = {p.name: float(p.default) for p in activation.parameters}
    arguments = [
        f"{a.keyword}={_argument(a.form, values[a.parameter])}"
        for a in call.arguments
        if a.keyword is not None
    ]
    arguments += [f"{s.keyword}={python_literal(s.value)}" for s in entry.selectors]
    lines = [module_line, "", input_line]
    if call is entry.module:
        lines += [f"layer = {call.dotted}({', '.join(arguments)})", "y = layer(x)"]
    else:
        lines.append(f"y = {call.dotted}({', '.join(['x', *arguments])})")
    if activation.kind is Kind.GATED:
        lines[-1] += "  # the last axis is split in halves: 8 inputs give 4 outputs"
    return "\n".join(lines) + "\n"


def _argument(form: str, value: float) -> str:
    if form == "tensor":
        return f"torch.tensor([{value!r}])"
    if form == "initializer":
        return f"keras.initializers.Constant({value!r})"
    return repr(value)
