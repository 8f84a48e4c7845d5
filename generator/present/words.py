"""The generator's own words on the pages, in the language of each edition.

Every phrase the present stage writes (a property's value, a table's header, a figure's
alt text) is an English message, with ``{name}`` fields for what it quotes, said through
a :class:`Words`: the English edition gets the message itself, the Chinese one its entry
in ``words_zh.yaml`` beside this module. A message with no Chinese stops the build naming it,
and ``tests/test_words.py`` holds the table to the messages the code says, no more.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import yaml

from generator.errors import BuildError
from generator.records.catalog import Activation, Family
from generator.records.texts import EntryTexts


@dataclass(frozen=True)
class Words:
    """Says a message in one language: ``words("{n} digits", n=20)``."""

    language: str
    table: Mapping[str, str] = field(default_factory=dict, repr=False)

    def __call__(self, message: str, /, **fields: object) -> str:
        if self.language == "en":
            return message.format(**fields) if fields else message
        text = self.table.get(message)
        if text is None:
            raise BuildError(f"no {self.language} text for the message {message!r}")
        return text.format(**fields) if fields else text

    def texts(self, activation: Activation) -> EntryTexts:
        """The entry's prose in this language; English for an entry the catalog lists as
        not translated yet (``zh/_untranslated.yaml``)."""
        try:
            return activation.texts(self.language)
        except KeyError:
            return activation.texts()


def _table(name: str) -> dict[str, str]:
    path = Path(__file__).with_name(name)
    table = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(table, dict) or not all(
        isinstance(key, str) and isinstance(value, str) for key, value in table.items()
    ):
        raise BuildError(f"{path}: must map each English message to its text")
    return table


CHINESE: Final = _table("words_zh.yaml")
ENGLISH: Final = Words("en")
EDITIONS: Final = {"en": ENGLISH, "zh": Words("zh", CHINESE)}


def family_in(family: Family, words: Words) -> Family:
    """A family with its title and blurb (messages, ``catalog/families.py``) in ``words``'
    language; the slug, which pages and anchors are named by, stays."""
    return Family(family.slug, words(family.title), words(family.blurb))
