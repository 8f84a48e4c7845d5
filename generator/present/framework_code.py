"""The framework code tabs: a call of the built-in, built from the catalog's framework
records, and the activation written from scratch in that framework's tensor operations.

Only what the catalog states goes in the call: the dotted names, each parameter under the
call's own keyword at this page's value, and the arguments that select the form. The
from-scratch code is ``implementations/<framework>/<id>.py``; a gated unit's is its split
and its gate's built-in, written here. The tests run all of it against the formula.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from generator.implementations import forms
from generator.present.checked import checked_versions
from generator.present.code import gate_entry
from generator.present.frameworks import python_literal
from generator.present.text import FRAMEWORK_TITLES
from generator.present.words import Words
from generator.records.catalog import Activation, Kind
from generator.records.frameworks import FrameworkEntry

INPUTS: Final = {
    "pytorch": ("import torch", "x = torch.linspace(-4.0, 4.0, 8)"),
    "keras": ("import keras", "x = keras.ops.linspace(-4.0, 4.0, 8)"),
    "jax": ("import jax", "x = jax.numpy.linspace(-4.0, 4.0, 8)"),
}


# keras.ops functions that return float32 for float64 input on the JAX backend (Keras 3.15;
# the tests check each): the Keras tab says so where its code calls one.
FLOAT32_IN_KERAS: Final = (
    "tanh",
    "sinh",
    "cosh",
    "sin",
    "cos",
    "tan",
    "arctan",
    "arcsinh",
    "arctanh",
    "logaddexp",
)

# How each framework splits the last axis in halves, for a gated unit written from scratch.
SPLITS: Final = {
    "pytorch": ("dim", "x.chunk(2, dim=dim)"),
    "jax": ("axis", "jax.numpy.split(x, 2, axis=axis)"),
    "keras": ("axis", "keras.ops.split(x, 2, axis=axis)"),
}


@dataclass(frozen=True)
class FrameworkSnippet:
    framework: str
    title: str
    source: str | None  # the built-in called, or None where the framework has none
    scratch: str | None  # the activation written in the framework's operations
    note: str | None
    scratch_note: str | None = None  # what a reader of the from-scratch code must know


def framework_snippets(
    activation: Activation, catalog: Sequence[Activation], words: Words
) -> tuple[FrameworkSnippet, ...]:
    """A tab per framework that has the built-in or a from-scratch form, in page order."""
    texts = words.texts(activation)
    found = []
    for framework, title in FRAMEWORK_TITLES.items():
        entry = activation.framework(framework)
        builtin = None if entry is None else _source(activation, entry)
        scratch = _scratch(activation, framework, catalog)
        if builtin is not None or scratch is not None:
            note = None if entry is None else texts.framework_note(framework)
            warning = _demotion(scratch, words) if framework == "keras" and scratch else None
            found.append(FrameworkSnippet(framework, title, builtin, scratch, note, warning))
    return tuple(found)


def demoted_calls(source: str) -> tuple[str, ...]:
    """The ``keras.ops`` calls in ``source`` that compute in float32 whatever the input."""
    called = set(re.findall(r"\bkeras\.ops\.(\w+)\(", source))
    return tuple(name for name in FLOAT32_IN_KERAS if name in called)


def _demotion(source: str, words: Words) -> str | None:
    calls = demoted_calls(source)
    if not calls:
        return None
    listed = [f"`keras.ops.{name}`" for name in calls]
    names = (
        listed[0]
        if len(listed) == 1
        else words("{names} and {last}", names=words(", ").join(listed[:-1]), last=listed[-1])
    )
    keras = checked_versions()["keras"]
    if len(calls) == 1:
        return words(
            "On the JAX backend {names} computes in float32 even for float64 input ({keras}), "
            "so this code is only as precise as float32.",
            names=names,
            keras=keras,
        )
    return words(
        "On the JAX backend {names} compute in float32 even for float64 input ({keras}), "
        "so this code is only as precise as float32.",
        names=names,
        keras=keras,
    )


def _scratch(activation: Activation, framework: str, catalog: Sequence[Activation]) -> str | None:
    written = forms.source(framework, activation.id)
    if written is not None or activation.kind is not Kind.GATED:
        return written
    gate = gate_entry(activation, catalog)
    call = None if gate is None else gate.framework(framework)
    if gate is None or call is None or call.function is None:
        return None
    keyword, split = SPLITS[framework]
    selectors = "".join(f", {s.keyword}={python_literal(s.value)}" for s in call.selectors)
    module = INPUTS[framework][0]
    what = f"{activation.name}: x split in halves a, b along {keyword}; a ⊗ {gate.name}(b)."
    return (
        f"{module}\n\n\n"
        f"def f(x, {keyword}=-1):\n"
        f'    """{what}"""\n'
        f"    a, b = {split}\n"
        f"    return a * {call.function.dotted}(b{selectors})\n"
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
