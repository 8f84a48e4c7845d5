"""Read an entry's ``frameworks``: how PyTorch, Keras and JAX spell it, their defaults where
they differ, the agreement PyTorch's tests assert and PyTorch's initialisation gain."""

from __future__ import annotations

import re
from typing import Final

import sympy as sp

from generator.catalog.expressions import ExpressionError, parse_expression
from generator.catalog.fields import Fields, exact_number, is_finite_number
from generator.errors import CatalogError
from generator.records.catalog import FrameworkEntry, Gain, Parameter, Tolerance, X

FRAMEWORKS: Final = ("pytorch", "keras", "jax")


def read_frameworks(
    fields: Fields, parameters: tuple[Parameter, ...]
) -> tuple[FrameworkEntry, ...]:
    """``frameworks: {pytorch: …, keras: …, jax: …}``, in that order."""
    known = {parameter.name for parameter in parameters}
    entries = []
    for framework, raw in fields.table("frameworks").items():
        where = f"frameworks.{framework}"
        if framework not in FRAMEWORKS:
            raise CatalogError(fields.path, where, f"is not one of {list(FRAMEWORKS)}")
        entry = Fields(fields.path, raw, where)
        defaults: list[tuple[str, sp.Rational | None]] = []
        for name, value in entry.table("defaults", required=False).items():
            if name not in known:
                raise CatalogError(fields.path, f"{where}.defaults.{name}", "is not a parameter")
            if value == "required":
                defaults.append((name, None))
                continue
            if not is_finite_number(value):
                problem = "must be a finite number or 'required'"
                raise CatalogError(fields.path, f"{where}.defaults.{name}", problem)
            assert isinstance(value, (int, float))
            defaults.append((name, exact_number(value)))
        fixed: list[tuple[str, str | int | float]] = []
        for name, value in entry.table("fixed", required=False).items():
            if not isinstance(value, (str, int, float)):  # bool is an int: flags allowed
                problem = "must be a string, a number or true/false"
                raise CatalogError(fields.path, f"{where}.fixed.{name}", problem)
            fixed.append((name, value))
        function, module = entry.optional_text("function"), entry.optional_text("module")
        if function is None and module is None:
            raise entry.fail("function", "is missing (give a function, a module or both)")
        entries.append(
            FrameworkEntry(
                framework=framework,
                function=function,
                module=module,
                defaults=tuple(defaults),
                fixed=tuple(fixed),
                tolerance=_tolerance(entry) if framework == "pytorch" else None,
                note=entry.optional_text("note"),
                gain=_gain(entry, parameters) if framework == "pytorch" else None,
            )
        )
        entry.finish()
    order = {name: position for position, name in enumerate(FRAMEWORKS)}
    return tuple(sorted(entries, key=lambda entry: order[entry.framework]))


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
        raise gain.fail("value", f"{error} (in {text!r})") from None
    gain.finish()
    if value.has(X):
        raise gain.fail("value", "is a number (it may use the parameters, not x)")
    return Gain(nonlinearity, value)


def _tolerance(entry: Fields) -> Tolerance:
    """PyTorch's measured agreement with the formula; every shipped entry states one."""
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
