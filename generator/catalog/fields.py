"""Typed reads from a parsed data file, each failure naming the file and the field."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Final

import sympy as sp
import yaml

from generator.errors import CatalogError

_FRACTION: Final = re.compile(r"^\s*(-?\d+)\s*/\s*(\d+)\s*$")


class TypedFloat(float):
    """A YAML float that remembers its digits as typed.

    YAML hands ``1.0507009873554804934193349852946`` over as the nearest double, which keeps
    17 of its 32 digits; the loader builds this instead, so a number's exact value is the
    one its author wrote. It pickles as a plain float.
    """

    text: str

    def __new__(cls, value: float, text: str) -> TypedFloat:
        made = super().__new__(cls, value)
        made.text = text
        return made

    def __reduce__(self) -> tuple[type[float], tuple[float]]:
        return (float, (float(self),))


class Fields:
    """A view of one mapping in a catalog file that hands out typed values.

    Every read records the key, so :meth:`finish` can reject fields nobody asked for —
    a misspelt optional field is an error, not a silently ignored line.
    """

    def __init__(self, path: Path, raw: object, where: str = "") -> None:
        if not isinstance(raw, Mapping):
            raise CatalogError(path, where or "<top level>", "must be a mapping of fields")
        self.path = path
        self._raw: Mapping[object, object] = raw
        self._where = where
        self._read: set[str] = set()

    def name(self, key: str) -> str:
        """The dotted name of a field, as it appears in error messages."""
        return f"{self._where}.{key}" if self._where else key

    def fail(self, key: str, problem: str) -> CatalogError:
        return CatalogError(self.path, self.name(key), problem)

    def has(self, key: str) -> bool:
        return key in self._raw and self._raw[key] is not None

    def given(self, key: str) -> bool:
        """Written in the file, even as ``null`` (where null is a meaningful value)."""
        return key in self._raw

    def raw(self, key: str, *, required: bool = True) -> object:
        self._read.add(key)
        if key not in self._raw or self._raw[key] is None:
            if required:
                raise self.fail(key, "is missing")
            return None
        return self._raw[key]

    def text(self, key: str) -> str:
        value = self.raw(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"must be a non-empty string, got {_describe(value)}")
        return value.strip()

    def optional_text(self, key: str) -> str | None:
        if self.has(key):
            return self.text(key)
        self.absent(key)
        return None

    def formula(self, key: str) -> str:
        """Formula text; YAML may hand a bare number (``jax: 1``), which is a formula too."""
        value = self.raw(key)
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.fail(key, f"must be a formula string or a number, got {_describe(value)}")
        return value.text if isinstance(value, TypedFloat) else str(value)

    def integer(self, key: str) -> int:
        value = self.raw(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, f"must be an integer, got {_describe(value)}")
        return value

    def number(self, key: str) -> int | float:
        value = self.raw(key)
        if isinstance(value, str) and _looks_numeric(value):
            problem = f"YAML reads {value!r} as text: write it with a dot, like 1.0e-14"
            raise self.fail(key, problem)
        if not is_finite_number(value):
            raise self.fail(key, f"must be a finite number, got {_describe(value)}")
        assert isinstance(value, (int, float))
        return value

    def exact(self, key: str) -> sp.Rational:
        """A number as the exact value its digits say, or a fraction written ``1/3``.

        0.125 is 1/8 and ``1/3`` is 1/3 (no decimal is), so a mean slope (l + u)/2 comes out
        as 11/48, not as a 17-digit fraction of powers of ten.
        """
        value = self.raw(key)
        if isinstance(value, str) and (fraction := _FRACTION.match(value)):
            numerator, denominator = (int(part) for part in fraction.groups())
            if denominator == 0:
                raise self.fail(key, f"divides by zero: {value!r}")
            return sp.Rational(numerator, denominator)
        return exact_number(self.number(key))

    def text_list(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.raw(key, required=required)
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list of strings, got {_describe(value)}")
        for position, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise CatalogError(
                    self.path,
                    f"{self.name(key)}[{position}]",
                    f"must be a non-empty string, got {_describe(item)}",
                )
        return tuple(item.strip() for item in value)

    def records(self, key: str, *, required: bool = True) -> list[Fields]:
        """A list of mappings, each wrapped for further typed reads."""
        value = self.raw(key, required=required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list, got {_describe(value)}")
        return [Fields(self.path, item, f"{self.name(key)}[{i}]") for i, item in enumerate(value)]

    def table(self, key: str, *, required: bool = True) -> dict[str, Fields | object]:
        """A mapping keyed by names; values are left raw for the caller to interpret."""
        value = self.raw(key, required=required)
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise self.fail(key, f"must be a mapping, got {_describe(value)}")
        for name in value:
            if not isinstance(name, str):
                raise self.fail(key, f"has a non-string key {name!r}")
        return dict(value)

    def nested(self, key: str) -> Fields:
        return Fields(self.path, self.raw(key), self.name(key))

    def finish(self, known: Sequence[str] = ()) -> None:
        """Reject every field that no reader asked for, naming the nearest ``known`` one."""
        unknown = sorted(str(key) for key in self._raw if key not in self._read)
        if not unknown:
            return
        close = difflib.get_close_matches(unknown[0], known or sorted(self._read), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise self.fail(unknown[0], f"is not a known field{hint}")

    def absent(self, key: str) -> None:
        """Mark an optional field as read when it is not there."""
        self._read.add(key)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser when PyYAML was built with it (the same safe loading, six times
    faster), with floats that keep their typed digits (:class:`TypedFloat`)."""


def _typed_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    value: float = loader.construct_yaml_float(node)
    return TypedFloat(value, str(node.value)) if math.isfinite(value) else value


_Loader.add_constructor("tag:yaml.org,2002:float", _typed_float)
YAML_LOADER: Final = _Loader


def exact_number(value: int | float) -> sp.Rational:
    """The exact value of a finite YAML number: from its typed digits where known."""
    if isinstance(value, int):
        return sp.Integer(value)
    text = value.text if isinstance(value, TypedFloat) else repr(value)
    try:
        return sp.Rational(format(Decimal(text.replace("_", "")), "f"))
    except InvalidOperation:
        return sp.Rational(repr(float(value)))


def is_finite_number(value: object) -> bool:
    """An int or a finite float; YAML's booleans, .inf and .nan are not numbers here."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value)


def _looks_numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"[:80]
