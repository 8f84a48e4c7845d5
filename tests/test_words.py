"""The generator's own words in Chinese (present/words_zh.yaml): a text for every message the
code says, none for a message it no longer says, and the same fields in both."""

from __future__ import annotations

import ast
import json
import string

import pytest

from generator.catalog.schema import FIELDS
from generator.errors import BuildError
from generator.implementations import REPORT
from generator.present.words import CHINESE, EDITIONS, ENGLISH, Words
from generator.records.published import CSV_COLUMNS, JSON_FIELDS
from tests.conftest import PATHS

SOURCES = sorted(PATHS.package.rglob("*.py"))


def said() -> set[str]:
    """Every literal message: the first argument of a call of ``words``."""
    found = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "words"
                and node.args
            ):
                argument = node.args[0]
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    found.add(argument.value)
    return found


def literals() -> set[str]:
    """Every string literal in the generator, where a message table's entries are."""
    found = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def fields(text: str) -> list[str]:
    """The ``{name}`` fields (braces around anything else are text: `{value, symbol}`)."""
    return sorted(
        name for _, name, _, _ in string.Formatter().parse(text) if name and name.isidentifier()
    )


def tables() -> set[str]:
    """The messages built at import time rather than written out: the Data page's tables,
    and how make bench-accuracy spread its points (accuracy.json)."""
    return (
        {field.meaning for field in JSON_FIELDS}
        | {field.type for field in JSON_FIELDS}
        | {column.meaning for column in CSV_COLUMNS}
        | {field.meaning for field in FIELDS}
        | {field.required for field in FIELDS}
        | {json.loads(REPORT.read_text(encoding="utf-8"))["grid"]["description"]}
    )


def test_every_message_said_has_a_chinese_text() -> None:
    missing = sorted((said() | tables()) - set(CHINESE))
    assert not missing, f"no Chinese for {missing}"


def test_no_chinese_text_is_left_for_a_message_nobody_says() -> None:
    stale = sorted(set(CHINESE) - literals() - tables())
    assert not stale, f"Chinese for messages the code no longer has: {stale}"


def test_a_chinese_text_fills_the_same_fields() -> None:
    wrong = {message: text for message, text in CHINESE.items() if fields(message) != fields(text)}
    assert not wrong


def test_english_is_the_message_itself() -> None:
    assert ENGLISH("{n} digits", n=20) == "20 digits"
    assert EDITIONS["zh"]("yes") == CHINESE["yes"]


def test_a_message_without_a_text_stops_the_build() -> None:
    with pytest.raises(BuildError, match="no zh text for the message 'never said'"):
        Words("zh", CHINESE)("never said")
