"""The "In the frameworks" table: one meaning per column.

*Parameters* gives each call's own keyword and its own default for every parameter of the
entry (marked where the default is not this page's); *Pass for this form* gives the
arguments that select this entry's form and the framework's default for each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from generator.present.printers import shortest_text_number
from generator.present.text import FRAMEWORK_TITLES
from generator.present.words import Words
from generator.records.catalog import Activation, Parameter
from generator.records.escape import code
from generator.records.frameworks import Argument, FrameworkCall, FrameworkEntry, SelectorValue

_CALL_NAMES: Final = {"function": "function", "module": "layer"}  # messages
_FORMS: Final = {"tensor": "a tensor", "initializer": "an initializer"}  # messages


@dataclass(frozen=True)
class FrameworkRow:
    title: str
    function: str | None
    module: str | None
    parameters: str  # Markdown
    select: str  # Markdown
    note: str | None


def framework_rows(activation: Activation, words: Words) -> tuple[FrameworkRow, ...]:
    texts = words.texts(activation)
    return tuple(
        _row(activation, entry, texts.framework_note(entry.framework), words)
        for entry in activation.frameworks
    )


def _row(
    activation: Activation, entry: FrameworkEntry, note: str | None, words: Words
) -> FrameworkRow:
    return FrameworkRow(
        title=FRAMEWORK_TITLES[entry.framework],
        function=entry.function.dotted if entry.function else None,
        module=entry.module.dotted if entry.module else None,
        parameters=_parameters(activation, entry, words),
        select=words(", ").join(
            words(
                "{argument} (default {default})",
                argument=code(f"{s.keyword}={python_literal(s.value)}"),
                default=code(python_literal(s.default)),
            )
            for s in entry.selectors
        ),
        note=note,
    )


def _parameters(activation: Activation, entry: FrameworkEntry, words: Words) -> str:
    """Each call's keywords; the function's and the layer's separately where they differ."""
    texts = [(kind, _call_text(activation, call, words)) for kind, call in entry.named_calls]
    if len(texts) < 2 or texts[0][1] == texts[1][1]:
        return texts[0][1]
    return words("; ").join(
        words("{call}: {arguments}", call=words(_CALL_NAMES[kind]), arguments=text or words("none"))
        for kind, text in texts
    )


def _call_text(activation: Activation, call: FrameworkCall, words: Words) -> str:
    by_name = {p.name: p for p in activation.parameters}
    return words(", ").join(_argument_text(by_name[a.parameter], a, words) for a in call.arguments)


def _argument_text(parameter: Parameter, argument: Argument, words: Words) -> str:
    """``**negative_slope = 0.2** (this page: 0.01)``, ``weight: required (a tensor, for init)``."""
    ours = shortest_text_number(parameter.default)
    if argument.keyword is None:
        return words("no {name} (fixed at {value})", name=code(parameter.name), value=ours)
    remarks = [words(_FORMS[argument.form])] if argument.form in _FORMS else []
    if argument.keyword != parameter.name:
        remarks.append(words("for {name}", name=code(parameter.name)))
    if argument.default is None:
        text = words("{keyword}: required", keyword=code(argument.keyword))
    else:
        shown = (
            code(repr(argument.default))
            if isinstance(argument.default, str)
            else shortest_text_number(argument.default)
        )
        text = f"{code(argument.keyword)} = {shown}"
        if argument.default != parameter.default:
            text = f"**{text}**"
            remarks.append(words("this page: {value}", value=ours))
    if not remarks:
        return text
    return words("{argument} ({remarks})", argument=text, remarks=words(", ").join(remarks))


def python_literal(value: SelectorValue) -> str:
    """As Python prints it: False, None, 'tanh', -1."""
    return repr(value)
