"""Runnable framework snippets for the code tabs, built from the catalog's framework records.

Only what the catalog states goes in: the dotted names, the parameters (PyTorch's names,
checked against torch.nn by the tests) and the fixed arguments that select the form.
Keras and JAX calls take their own defaults, which the page's framework table lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from generator.present.text import FRAMEWORK_TITLES
from generator.records.catalog import Activation, FrameworkEntry, Kind

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
    module_line, input_line = INPUTS[entry.framework]
    arguments = [f"{name}={value!r}" for name, value in entry.fixed]
    if entry.framework == "pytorch" and entry.module is not None:
        arguments = [f"{p.name}={float(p.default)!r}" for p in activation.parameters] + arguments
    lines = [module_line, "", input_line]
    if entry.module is not None:
        lines += [f"layer = {entry.module}({', '.join(arguments)})", "y = layer(x)"]
    else:
        assert entry.function is not None  # the loader requires a function or a module
        lines.append(f"y = {entry.function}({', '.join(['x', *arguments])})")
    if activation.kind is Kind.GATED:
        lines[-1] += "  # the last axis is split in halves: 8 inputs give 4 outputs"
    return "\n".join(lines) + "\n"
