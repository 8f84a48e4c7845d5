"""Typed reads from a parsed data file, each failure naming the file and the field."""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.errors import CatalogError


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
        return str(value)

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
