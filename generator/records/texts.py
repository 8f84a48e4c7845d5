"""An entry's prose in one language: the record the pages of each edition read."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class EntryTexts:
    """An entry's prose in one language: every field a reader reads as text.

    English comes from the entry's own file (:meth:`Activation.texts`), Chinese from its
    sibling ``zh/<id>.yaml`` (``generator.catalog.translations``). Parameter descriptions
    and kink notes are in the entry's order; ``framework_notes`` pairs a framework with
    its note, for the frameworks that have one. ``aliases`` are names readers use in that
    language (修正线性单元), searched besides the entry's own.
    """

    language: str
    aliases: tuple[str, ...]
    summary: str
    adaptive: str | None
    shape: str | None
    pros: tuple[str, ...]
    cons: tuple[str, ...]
    uses: tuple[str, ...]
    parameters: tuple[str, ...]
    kink_notes: tuple[str, ...]
    differences: tuple[str, ...]
    framework_notes: tuple[tuple[str, str], ...]
    source: Path

    def framework_note(self, framework: str) -> str | None:
        return dict(self.framework_notes).get(framework)
