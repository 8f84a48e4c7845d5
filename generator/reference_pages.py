"""The pages about the whole catalog: the choosing guide, the cheat sheet and the Data page.

Their facts (ranges, continuity) come from the analyses, like every other page. The guide
names activations by id; a catalog without one of them (a trimmed catalog for a test or a
fork) gets the id marked ``MISSING`` instead of a link, and a test on the real catalog
requires that no mark is left, so a mistyped id cannot pass unnoticed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import jinja2
import sympy as sp

from generator.catalog.families import FAMILIES
from generator.data_schema import CSV_COLUMNS, JSON_FIELDS
from generator.model import Family
from generator.render.data import SCHEMA_VERSION
from generator.render.text import smoothness, value_range

if TYPE_CHECKING:  # pages.py imports this module to render these pages
    from generator.pages import Entry


def reference_pages(entries: Sequence[Entry], environment: jinja2.Environment) -> dict[str, str]:
    """``guide.md``, ``cheatsheet.md`` and ``data.md``."""
    by_id = {entry.activation.id: entry for entry in entries}

    def link(activation_id: str) -> str:
        found = by_id.get(activation_id)
        return (
            missing(activation_id) if found is None else f"[{found.activation.name}]({found.page})"
        )

    def range_of(activation_id: str) -> str:
        found = by_id.get(activation_id)
        if found is None:
            return missing(activation_id)
        if found.elementwise is not None:
            return value_range(found.elementwise.properties.range)
        assert found.vector is not None
        return value_range(found.vector.component_range)

    def smoothness_of(activation_id: str) -> str:
        found = by_id.get(activation_id)
        if found is None or found.elementwise is None:
            return missing(activation_id)
        return smoothness(found.elementwise.properties.smoothness)

    helpers = {"link": link, "range": range_of, "smoothness": smoothness_of}
    return {
        "guide.md": environment.get_template("guide.md.j2").render(**helpers),
        "cheatsheet.md": environment.get_template("cheatsheet.md.j2").render(
            groups=_cheatsheet_groups(entries)
        ),
        "data.md": environment.get_template("data.md.j2").render(
            count=len(entries),
            schema_version=SCHEMA_VERSION,
            fields=JSON_FIELDS,
            columns=CSV_COLUMNS,
        ),
    }


def missing(activation_id: str) -> str:
    """What the guide shows for an activation the catalog lacks."""
    return f"`{activation_id}` (MISSING from this catalog)"


def _cheatsheet_groups(entries: Sequence[Entry]) -> list[tuple[Family, list[dict[str, str]]]]:
    groups = []
    for family in FAMILIES:
        cards = [_card(e) for e in entries if e.activation.family == family]
        if cards:
            groups.append((family, cards))
    return groups


def _card(entry: Entry) -> dict[str, str]:
    return {
        "id": entry.activation.id,
        "name": entry.activation.name,
        "image": entry.card,
        "alt": f"{entry.activation.name}: f and f′ from −5 to 5",
        "range": _card_range(entry),
    }


def _card_range(entry: Entry) -> str:
    """The range, or its numerical estimate marked ≈, as HTML (cards are raw HTML)."""
    if entry.vector is not None:
        return value_range(_rounded(entry.vector.component_range))
    assert entry.elementwise is not None
    properties = entry.elementwise.properties
    if properties.range is not None:
        return value_range(_rounded(properties.range))
    if properties.range_estimate is not None:
        return "≈ " + value_range(_rounded(properties.range_estimate))
    return "range not determined"


def _rounded(values: sp.Set | None) -> sp.Set | None:
    """Long exact decimals (SELU's −λα) cut to four digits: a card has room for little."""
    if values is None:
        return None
    long = {r: sp.Float(r, 4) for r in values.atoms(sp.Rational) if r.q > 100}
    rounded: sp.Set = values.xreplace(long)
    return rounded
