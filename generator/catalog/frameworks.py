"""Read an entry's ``frameworks``: how PyTorch, Keras and JAX spell it, how each call takes
the parameters (keyword and the framework's own default), what to pass for this form, the
agreement with the formula the tests assert, and PyTorch's initialisation gain."""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping
from typing import Final

import sympy as sp

from generator.catalog.expressions import ExpressionError, parse_expression
from generator.catalog.fields import Fields, exact_number, is_finite_number, number_problem
from generator.catalog.limits import NAME_CHARACTERS
from generator.catalog.quoting import quoted
from generator.errors import CatalogError
from generator.records.catalog import Parameter, X
from generator.records.frameworks import (
    ARGUMENT_FORMS,
    FRAMEWORKS,
    Argument,
    FrameworkCall,
    FrameworkEntry,
    Gain,
    Selector,
    SelectorValue,
    Tolerance,
)

_DOTTED: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+")
_KEYWORD: Final = re.compile(r"[a-z_][a-z0-9_]{0,59}")
_DOTTED_OR_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,59}(\.[A-Za-z_][A-Za-z0-9_]{0,59})*")
# A selector's text value is printed into code as a string literal: keep it plain.
_SELECTOR_TEXT: Final = re.compile(r"[A-Za-z0-9_.\-]{1,60}")
_FIXED: Final = "fixed"  # the call has no such argument: the form is fixed at our default
_REQUIRED: Final = "required"


def read_frameworks(
    fields: Fields, parameters: tuple[Parameter, ...]
) -> tuple[FrameworkEntry, ...]:
    """``frameworks: {pytorch: …, keras: …, jax: …}``, in that order."""
    entries = []
    for framework, raw in fields.table("frameworks").items():
        where = f"frameworks.{framework}"
        if framework not in FRAMEWORKS:
            raise CatalogError(fields.path, where, f"is not one of {list(FRAMEWORKS)}")
        entry = Fields(fields.path, raw, where)
        shared = _argument_specs(entry, "arguments", parameters)
        calls: dict[str, FrameworkCall | None] = {}
        for kind in ("function", "module"):
            dotted = entry.optional_text(kind, limit=NAME_CHARACTERS)
            own = _argument_specs(entry, f"{kind}_arguments", parameters)
            if dotted is None:
                if own:
                    raise entry.fail(f"{kind}_arguments", f"needs a {kind}")
                calls[kind] = None
                continue
            if not _DOTTED.fullmatch(dotted) or any(map(keyword.iskeyword, dotted.split("."))):
                raise entry.fail(kind, "must be a dotted Python name such as torch.nn.ELU")
            calls[kind] = FrameworkCall(
                dotted,
                tuple(own.get(p.name) or shared.get(p.name) or _same(p) for p in parameters),
            )
        if calls["function"] is None and calls["module"] is None:
            raise entry.fail("function", "is missing (give a function, a module or both)")
        entries.append(
            FrameworkEntry(
                framework=framework,
                function=calls["function"],
                module=calls["module"],
                selectors=_selectors(entry),
                tolerance=_tolerance(entry),
                note=entry.optional_text("note"),
                gain=_gain(entry, parameters) if framework == "pytorch" else None,
            )
        )
        if framework != "pytorch":
            entry.absent("gain")  # finish() below names it as unknown if present
            if entry.has("gain"):
                raise entry.fail("gain", "is PyTorch's calculate_gain: only under pytorch")
        entry.finish()
    order = {name: position for position, name in enumerate(FRAMEWORKS)}
    return tuple(sorted(entries, key=lambda entry: order[entry.framework]))


def _same(parameter: Parameter) -> Argument:
    """The usual case, stated by omission: our name and our default."""
    return Argument(parameter.name, parameter.name, parameter.default)


def _argument_specs(
    entry: Fields, key: str, parameters: tuple[Parameter, ...]
) -> dict[str, Argument]:
    """``{parameter: fixed | {keyword, default, form}}``, only where the call differs."""
    known = {p.name: p for p in parameters}
    specs = {}
    for name, raw in entry.table(key, required=False).items():
        where = f"{entry.name(key)}.{name}"
        if name not in known:
            raise CatalogError(entry.path, where, f"is not a parameter (one of {list(known)})")
        if raw == _FIXED:
            specs[name] = Argument(name, None, None)
            continue
        if not isinstance(raw, Mapping):
            problem = "must be 'fixed' or a mapping {keyword, default, form}"
            raise CatalogError(entry.path, where, problem)
        spec = Fields(entry.path, raw, where)
        argument = spec.optional_text("keyword", limit=NAME_CHARACTERS) or name
        if not _KEYWORD.fullmatch(argument) or keyword.iskeyword(argument):
            raise spec.fail("keyword", "must be a Python keyword argument name")
        form = spec.optional_text("form") or "number"
        if form not in ARGUMENT_FORMS:
            raise spec.fail("form", f"is not one of {list(ARGUMENT_FORMS)}")
        specs[name] = Argument(name, argument, _default(spec, known[name], form), form)
        spec.finish()
    return specs


def _default(spec: Fields, parameter: Parameter, form: str) -> sp.Rational | str | None:
    """The framework's default: a number, 'required', or (initializers) a name."""
    if not spec.has("default"):
        spec.absent("default")
        return parameter.default
    value = spec.raw("default")
    if value == _REQUIRED:
        return None
    if form == "initializer" and isinstance(value, str):
        if not _DOTTED_OR_NAME.fullmatch(value):
            raise spec.fail("default", "must be an initializer's name, such as Zeros")
        return value
    if isinstance(value, bool) or not is_finite_number(value):
        raise spec.fail("default", "must be a finite number or 'required'")
    if problem := number_problem(value):
        raise spec.fail("default", problem)
    assert isinstance(value, (int, float))
    return exact_number(value)


def _selectors(entry: Fields) -> tuple[Selector, ...]:
    """``select: {keyword: {value, default}}``: what to pass for this form, and the
    framework's default for it (``null`` when the framework's default is None)."""
    selectors = []
    for argument, raw in entry.table("select", required=False).items():
        where = f"{entry.name('select')}.{argument}"
        if not _KEYWORD.fullmatch(argument) or keyword.iskeyword(argument):
            raise CatalogError(entry.path, where, "must be a Python keyword argument name")
        spec = Fields(entry.path, raw, where)
        value = _selector_value(spec, "value")
        default = _selector_value(spec, "default")
        spec.finish()
        if value == default and type(value) is type(default):
            raise spec.fail("value", "is the framework's default: no need to pass it")
        selectors.append(Selector(argument, value, default))
    return tuple(selectors)


def _selector_value(spec: Fields, key: str) -> SelectorValue:
    """A literal argument: text, a number or true/false; ``null`` (None) only as a default."""
    if not spec.given(key):  # null is a value here, not a missing field
        raise spec.fail(key, "is missing")
    value = spec.raw(key, required=False)
    if value is None and key == "default":
        return None
    if isinstance(value, str):
        if not _SELECTOR_TEXT.fullmatch(value):
            raise spec.fail(key, "must be short text of letters, digits, '_', '-' and '.'")
        return value
    if isinstance(value, bool):
        return value
    if is_finite_number(value):
        if problem := number_problem(value):
            raise spec.fail(key, problem)
        assert isinstance(value, (int, float))
        return value
    raise spec.fail(key, "must be a string, a number or true/false")


def _gain(entry: Fields, parameters: tuple[Parameter, ...]) -> Gain | None:
    """``gain: {nonlinearity, value}``: PyTorch's calculate_gain for this activation."""
    if not entry.has("gain"):
        entry.absent("gain")
        return None
    gain = entry.nested("gain")
    nonlinearity = gain.text("nonlinearity")
    if not re.fullmatch(r"[a-z_]+", nonlinearity):
        raise gain.fail("nonlinearity", "must be a calculate_gain name such as 'leaky_relu'")
    text = gain.formula("value")
    try:
        value = parse_expression(text, {p.name: p.symbol for p in parameters})
    except ExpressionError as error:
        raise gain.fail("value", f"{error} (in {quoted(text)})") from None
    gain.finish()
    if value.has(X):
        raise gain.fail("value", "is a number (it may use the parameters, not x)")
    return Gain(nonlinearity, value)


def _tolerance(entry: Fields) -> Tolerance:
    """The framework's measured agreement with the formula; every framework states one."""
    bounds = entry.nested("tolerance")
    names = ("f_relative", "f_absolute", "df_relative", "df_absolute")
    values = {}
    for name in names:
        if bounds.has(name):
            values[name] = float(bounds.number(name))
        else:
            bounds.absent(name)  # an unstated bound is 0: exact agreement
            values[name] = 0.0
    bounds.finish()
    if any(value < 0 for value in values.values()):
        raise entry.fail("tolerance", "bounds must not be negative")
    return Tolerance(**values)
