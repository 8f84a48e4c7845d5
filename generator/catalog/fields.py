"""Typed reads from a parsed data file, each failure naming the file and the field."""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Final

import sympy as sp

from generator.catalog.files import read_catalog_file
from generator.catalog.limits import (
    FORMULA_CHARACTERS,
    MAX_MAGNITUDE,
    MIN_MAGNITUDE_EXPONENT,
    TEXT_CHARACTERS,
)
from generator.catalog.quoting import quoted, shown
from generator.catalog.yaml_loader import TypedFloat, parse_yaml
from generator.errors import CatalogError

__all__ = ["Fields", "TypedFloat", "exact_number", "is_finite_number"]

_FRACTION: Final = re.compile(r"^\s*(-?\d{1,20})\s*/\s*(\d{1,20})\s*$")
# Characters no text field may hold: controls (newline, tab, escape), format characters
# (bidirectional overrides, zero-width joiners), line and paragraph separators, surrogates,
# private-use and unassigned code points.
_INVISIBLE: Final = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
# What YAML 1.1 reads as a float: a dot, and a signed exponent if any (1.0e-14, not 1e-14).
_KEY_CHARACTERS: Final = 60
_YAML_LOOKALIKE: Final = re.compile(r"([-+]?)(\d[\d_]*)?(?:\.(\d*))?[eE]([-+]?)(\d+)")


def read_fields(path: Path) -> Fields:
    """A catalog file (an entry, or its Chinese texts) read boundedly, as UTF-8 YAML."""
    try:
        text = read_catalog_file(path).decode("utf-8")
    except UnicodeDecodeError:
        raise CatalogError(path, "<syntax>", "is not UTF-8 text") from None
    return Fields(path, parse_yaml(path, text))


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

    def text(self, key: str, *, limit: int = TEXT_CHARACTERS) -> str:
        """One line of printable text, at most ``limit`` characters."""
        value = self.raw(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"must be a non-empty string, got {_describe(value)}")
        problem = text_problem(value, limit)
        if problem:
            raise self.fail(key, problem)
        return value.strip()

    def optional_text(self, key: str, *, limit: int = TEXT_CHARACTERS) -> str | None:
        if self.has(key):
            return self.text(key, limit=limit)
        self.absent(key)
        return None

    def formula(self, key: str) -> str:
        """Formula text; YAML may hand a bare number (``jax: 1``), which is a formula too."""
        value = self.raw(key)
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.fail(key, f"must be a formula string or a number, got {_describe(value)}")
        text = value.text if isinstance(value, TypedFloat) else str(value)
        if len(text) > FORMULA_CHARACTERS:
            problem = f"is {len(text)} characters long: a formula is at most {FORMULA_CHARACTERS}"
            raise self.fail(key, f"{problem} (it starts {quoted(text)})")
        return text

    def integer(self, key: str) -> int:
        value = self.raw(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, f"must be an integer, got {_describe(value)}")
        return value

    def number(self, key: str) -> int | float:
        """A number of bounded size (see :func:`number_problem`)."""
        value = self.raw(key)
        if isinstance(value, str) and (spelling := _yaml_spelling(value)):
            problem = f"YAML reads {quoted(value)} as text: write it as {spelling}"
            raise self.fail(key, f"{problem} (YAML 1.1 wants a dot and a signed exponent)")
        if refused := number_problem(value):
            raise self.fail(key, refused)
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
                raise self.fail(key, f"divides by zero: {quoted(value)}")
            exact = sp.Rational(numerator, denominator)
            if abs(exact) > MAX_MAGNITUDE:
                raise self.fail(key, f"{quoted(value)} is larger than {MAX_MAGNITUDE} in size")
            return exact
        return exact_number(self.number(key))

    def text_list(
        self, key: str, *, required: bool = True, limit: int = TEXT_CHARACTERS
    ) -> tuple[str, ...]:
        value = self.raw(key, required=required)
        if value is None:
            return ()
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list of strings, got {_describe(value)}")
        for position, item in enumerate(value):
            where = f"{self.name(key)}[{position}]"
            if not isinstance(item, str) or not item.strip():
                wrong = f"must be a non-empty string, got {_describe(item)}"
                raise CatalogError(self.path, where, wrong)
            if problem := text_problem(item, limit):
                raise CatalogError(self.path, where, problem)
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
                raise self.fail(key, f"has a key that is not text: {_describe(name)}")
            if not name or not name.isprintable() or len(name) > _KEY_CHARACTERS:
                raise self.fail(key, f"has the key {quoted(name)}, which is not a short name")
        return dict(value)

    def nested(self, key: str) -> Fields:
        return Fields(self.path, self.raw(key), self.name(key))

    def finish(self, known: Sequence[str] = ()) -> None:
        """Reject every field that no reader asked for, naming the nearest ``known`` one."""
        unknown = sorted(shown(str(key)) for key in self._raw if key not in self._read)
        if not unknown:
            return
        close = difflib.get_close_matches(unknown[0], known or sorted(self._read), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise self.fail(unknown[0], f"is not a known field{hint}")

    def absent(self, key: str) -> None:
        """Mark an optional field as read when it is not there."""
        self._read.add(key)


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
    return isinstance(value, int) or math.isfinite(value)


def number_problem(value: object) -> str | None:
    """Why ``value`` is not a number a field may hold, or None: finite, at most
    MAX_MAGNITUDE in size, and 0 or at least 10**MIN_MAGNITUDE_EXPONENT — checked on the
    digits as typed, before any arithmetic (an integer of 400 digits is no float)."""
    if not is_finite_number(value):
        return f"must be a finite number, got {_describe(value)}"
    assert isinstance(value, (int, float))
    if isinstance(value, int):
        if abs(value) > MAX_MAGNITUDE:
            return f"is larger than {MAX_MAGNITUDE} in size ({_describe(value)})"
        return None
    if abs(value) > MAX_MAGNITUDE:
        return f"is larger than {MAX_MAGNITUDE} in size ({_describe(value)})"
    text = value.text if isinstance(value, TypedFloat) else repr(value)
    try:
        typed = Decimal(text.replace("_", ""))
    except InvalidOperation:
        return None
    if typed and typed.adjusted() < MIN_MAGNITUDE_EXPONENT:
        return (
            f"{quoted(text)} is smaller than 1e{MIN_MAGNITUDE_EXPONENT}: write 0 or a larger number"
        )
    return None


def text_problem(text: str, limit: int) -> str | None:
    """Why ``text`` cannot be a text field, or None: at most ``limit`` characters, every one
    of them visible (no newline, tab, escape or bidirectional override)."""
    if len(text) > limit:
        return f"is {len(text)} characters long: at most {limit} (it starts {quoted(text)})"
    for character in text:
        if unicodedata.category(character) in _INVISIBLE:
            name = unicodedata.name(character, "a control character")
            return (
                f"holds the character U+{ord(character):04X} ({name}): text fields are one "
                "line of visible characters"
            )
    return None


def _yaml_spelling(text: str) -> str | None:
    """How to write ``text``, a number YAML 1.1 reads as text, so that it reads a number
    (``1e-14`` → ``1.0e-14``, ``1.0e308`` → ``1.0e+308``); None if it is not such a number."""
    match = _YAML_LOOKALIKE.fullmatch(text.strip())
    if not match:
        return None
    sign, whole, fraction, exponent_sign, exponent = match.groups()
    return f"{sign}{whole or '0'}.{fraction or '0'}e{exponent_sign or '+'}{exponent}"


def _describe(value: object) -> str:
    """A value as a message shows it: its kind and a bounded prefix, never the whole."""
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"text {quoted(value)}"
    if isinstance(value, bool):
        return f"bool {value}"
    if isinstance(value, int):
        digits = value.bit_length() * 0.30103
        return f"int {value}" if digits < 40 else f"an int of about {digits:.0f} digits"
    if isinstance(value, float):
        return f"float {shown(value.text if isinstance(value, TypedFloat) else repr(value))}"
    if isinstance(value, Mapping):
        return f"a mapping of {len(value)} fields"
    if isinstance(value, (list, tuple)):
        return f"a list of {len(value)} items"
    return f"a {type(value).__name__}"
