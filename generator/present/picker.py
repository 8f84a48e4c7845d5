"""The comparison page's picker: every scalar entry by family, to tick and overlay."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from generator.catalog.families import FAMILIES
from generator.present.words import Words, family_in
from generator.records.catalog import Activation, Family, Kind
from generator.records.views import Choice

PRESELECTED: Final = ("relu", "gelu", "silu")  # checked in the picker when the page opens


def picker_groups(
    activations: Sequence[Activation], words: Words
) -> tuple[tuple[Family, tuple[Choice, ...]], ...]:
    """Every scalar entry (elementwise, and the gate of each gated unit) by family."""
    groups = []
    for known in FAMILIES:
        family = family_in(known, words)
        choices = tuple(
            Choice(a.id, a.name, a.kind is Kind.GATED, a.id in PRESELECTED)
            for a in activations
            if a.family == known and a.kind.scalar
        )
        if choices:
            groups.append((family, choices))
    return tuple(groups)
