"""The pages about the whole catalog: the choosing guide, the cheat sheet and the Data page.

Their facts (ranges, continuity) come from the analyses, like every other page. The guide
names activations by id; a catalog without one of them (a trimmed catalog for a test or a
fork) gets the id marked ``MISSING`` instead of a link, and a test on the real catalog
requires that no mark is left, so a mistyped id cannot pass unnoticed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import jinja2

from generator.catalog.families import FAMILIES
from generator.present.words import EDITIONS, family_in
from generator.records import escape
from generator.records.catalog import Family
from generator.records.published import CSV_COLUMNS, JSON_FIELDS, SCHEMA_VERSION
from generator.records.views import Card, SiteView


def reference_pages(site: SiteView, environment: jinja2.Environment) -> dict[str, str]:
    """``guide.md``, ``cheatsheet.md`` and ``data.md``; the Data page's field tables in the
    edition's language (their meanings are messages)."""
    words = EDITIONS[site.language]
    helpers = entry_helpers(site)
    return {
        "guide.md": environment.get_template("guide.md.j2").render(**helpers),
        "cheatsheet.md": environment.get_template("cheatsheet.md.j2").render(
            groups=_cheatsheet_groups(site)
        ),
        "data.md": environment.get_template("data.md.j2").render(
            count=len(site.entries),
            schema_version=SCHEMA_VERSION,
            fields=[
                replace(field, type=words(field.type), meaning=words(field.meaning))
                for field in JSON_FIELDS
            ],
            columns=[replace(column, meaning=words(column.meaning)) for column in CSV_COLUMNS],
            catalog_fields=[
                replace(field, required=words(field.required), meaning=words(field.meaning))
                for field in site.catalog_fields
            ],
            coverage=site.coverage,
        ),
    }


def entry_helpers(site: SiteView) -> dict[str, Callable[..., str]]:
    """What a page written by hand quotes of an entry, by id: a link to it or to one of its
    sections, and its computed range, continuity and monotonicity (the guide, the Chinese
    home page)."""
    by_id = {entry.activation.id: entry for entry in site.entries}

    def link(activation_id: str) -> str:
        found = by_id.get(activation_id)
        return (
            missing(activation_id)
            if found is None
            else f"[{escape.text(found.activation.name)}]({found.page})"
        )

    def section_link(activation_id: str, anchor: str, text: str) -> str:
        found = by_id.get(activation_id)
        if found is None:
            return missing(activation_id)
        return f"[{escape.text(text)}]({found.page}#{anchor})"

    def range_of(activation_id: str) -> str:
        found = by_id.get(activation_id)
        return missing(activation_id) if found is None else found.range_text

    def smoothness_of(activation_id: str) -> str:
        found = by_id.get(activation_id)
        if found is None or found.smoothness_text is None:
            return missing(activation_id)
        return found.smoothness_text

    def monotonic_of(activation_id: str) -> str:
        found = by_id.get(activation_id)
        return missing(activation_id) if found is None else found.overview.monotonic

    return {
        "link": link,
        "section_link": section_link,
        "range": range_of,
        "smoothness": smoothness_of,
        "monotonic": monotonic_of,
    }


def missing(activation_id: str) -> str:
    """What the guide shows for an activation the catalog lacks."""
    return f"`{activation_id}` (MISSING from this catalog)"


def _cheatsheet_groups(site: SiteView) -> list[tuple[Family, list[Card]]]:
    groups = []
    for family in FAMILIES:
        cards = [e.card for e in site.entries if e.activation.family == family]
        if cards:
            groups.append((family_in(family, EDITIONS[site.language]), cards))
    return groups
