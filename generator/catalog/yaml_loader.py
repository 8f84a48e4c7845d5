"""Parse a catalog file's YAML as plain data: mappings, lists, text and small numbers.

YAML can say more than a catalog needs, and some of it is dangerous or misleading: an alias
lets 700 bytes stand for a billion strings, a tag asks for an object to be built, a key
written twice silently keeps the last value, and an integer of 5,000 digits cannot even be
turned back into text by Python. Before anything is built, the parse events are walked once
(lazily, so the first problem stops it) and each of these is refused naming the field, its
line and what to write instead.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Final

import yaml
from yaml.resolver import Resolver

from generator.catalog.quoting import quoted, shown
from generator.errors import CatalogError

# The longest number in the shipped catalog is SELU's 33-character λ.
MAX_NUMBER_CHARACTERS: Final = 64
# The deepest field in the shipped catalog (frameworks.keras.arguments.init.default) is 5 deep.
MAX_NESTING: Final = 12
_NUMBER_TAGS: Final = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"})
_BASE: Final = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


class _Loader(_BASE):  # type: ignore[misc,valid-type]
    """libyaml's parser when PyYAML was built with it (the same safe loading, six times
    faster), with floats that keep their typed digits (:class:`TypedFloat`)."""


def _typed_float(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
    value: float = loader.construct_yaml_float(node)
    return TypedFloat(value, str(node.value)) if math.isfinite(value) else value


_Loader.add_constructor("tag:yaml.org,2002:float", _typed_float)
YAML_LOADER: Final = _Loader


def parse_yaml(path: Path, text: str) -> object:
    """The document in ``text``, after :func:`check_events` found nothing to refuse."""
    try:
        check_events(path, text)
        return yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown place"
        raise CatalogError(path, "<syntax>", f"is not valid YAML ({where})") from None


class _Container:
    """A mapping or list being walked: its field name and what it has held so far."""

    def __init__(self, field: str, is_mapping: bool) -> None:
        self.field = field
        self.is_mapping = is_mapping
        self.keys: dict[str, int] = {}  # key → line it was first written on
        self.pending_key: str | None = None
        self.position = 0

    def child(self, name: str) -> str:
        if not self.is_mapping:
            return f"{self.field}[{name}]"
        return f"{self.field}.{name}" if self.field else name


def check_events(path: Path, text: str) -> None:
    """Refuse anchors, aliases, tags, repeated keys, non-text keys, deep nesting and
    over-long numbers, each naming its field and line, before any object is built."""
    resolver = Resolver()
    stack: list[_Container] = []
    documents = 0
    for event in yaml.parse(text, Loader=_BASE):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _refuse(path, "<syntax>", event, "holds a second YAML document ('---')")
            continue
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        parent = stack[-1] if stack else None
        if parent is not None and parent.is_mapping and parent.pending_key is None:
            _key(path, parent, event)
            continue
        field = _field_of(parent)
        _plain(path, field, event)
        if isinstance(event, yaml.ScalarEvent):
            _number_size(path, field, event, resolver)
        elif isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_NESTING:
                raise _refuse(path, field, event, f"is nested deeper than {MAX_NESTING} levels")
            stack.append(_Container(field, isinstance(event, yaml.MappingStartEvent)))


def _field_of(parent: _Container | None) -> str:
    """The field name of the node about to be read, and the parent moved past it."""
    if parent is None:
        return ""
    if parent.is_mapping:
        key, parent.pending_key = parent.pending_key or "", None
        return parent.child(key)
    field = parent.child(str(parent.position))
    parent.position += 1
    return field


def _key(path: Path, mapping: _Container, event: yaml.NodeEvent) -> None:
    """A mapping's key: plain text, written once."""
    where = mapping.field or "<top level>"
    if not isinstance(event, yaml.ScalarEvent):
        raise _refuse(path, where, event, "has a key that is not plain text")
    _plain(path, mapping.child(shown(event.value)), event)
    key = str(event.value)
    line = _line(event)
    if key in mapping.keys:
        first = mapping.keys[key]
        problem = f"is written twice (lines {first} and {line}): keep one"
        raise CatalogError(path, mapping.child(shown(key)), problem)
    if key == "<<" and event.implicit[0]:
        raise _refuse(path, mapping.child(key), event, "merge keys ('<<') are not allowed")
    mapping.keys[key] = line
    mapping.pending_key = shown(key)


def _plain(path: Path, field: str, event: yaml.NodeEvent) -> None:
    """No anchor (``&a``), alias (``*a``) or tag (``!!python/object``) on a node."""
    where = field or "<top level>"
    if isinstance(event, yaml.AliasEvent):
        problem = "uses an alias ('*name'): aliases are not allowed, write the value out"
        raise _refuse(path, where, event, problem)
    if event.anchor is not None:
        problem = "sets an anchor ('&name'): anchors and aliases are not allowed"
        raise _refuse(path, where, event, problem)
    tag = getattr(event, "tag", None)
    if tag is not None and tag != "!":  # a lone '!' only marks a scalar as non-plain text
        problem = f"has the tag {quoted(str(tag))}: tags are not allowed"
        raise _refuse(path, where, event, problem)


def _number_size(path: Path, field: str, event: yaml.ScalarEvent, resolver: Resolver) -> None:
    """A plain scalar YAML reads as a number has at most MAX_NUMBER_CHARACTERS characters,
    so no integer of thousands of digits is ever built."""
    if not event.implicit[0] or len(event.value) <= MAX_NUMBER_CHARACTERS:
        return
    tag = resolver.resolve(yaml.ScalarNode, event.value, (True, False))  # type: ignore[no-untyped-call]
    if tag in _NUMBER_TAGS:
        problem = (
            f"is a number {len(event.value)} characters long ({quoted(event.value, 20)}): "
            f"numbers are at most {MAX_NUMBER_CHARACTERS} characters"
        )
        raise _refuse(path, field or "<top level>", event, problem)


def _refuse(path: Path, field: str, event: yaml.Event, problem: str) -> CatalogError:
    return CatalogError(path, field, f"{problem} (line {_line(event)})")


def _line(event: yaml.Event) -> int:
    mark = event.start_mark
    return 0 if mark is None else mark.line + 1
