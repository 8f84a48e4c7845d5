"""Every entry presented (``generator.present.entries``), then what the whole catalog
shows: overlays, tables, data files, once per edition."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from generator.catalog import schema
from generator.catalog.families import FAMILIES
from generator.deadlines import DRAW, entry_work
from generator.numerics.report import Accuracy
from generator.present import comparison
from generator.present.checked import coverage
from generator.present.data import catalog_json
from generator.present.entries import PresentedEntry, present_entries
from generator.present.examples import examples
from generator.present.figures import overlays
from generator.present.figures.entry import FIGURES, VARIANTS, variant
from generator.present.jscode import CURVES_PATH, ENTRY_CURVES, cached_curve, curves_script
from generator.present.kinds import plot, scalar_entries
from generator.present.page import EntryParts
from generator.present.picker import picker_groups
from generator.present.table_csv import properties_csv
from generator.present.words import EDITIONS, Words, family_in
from generator.records.analysis import Analysis
from generator.records.catalog import Activation, Kind
from generator.records.services import Memo, Steps
from generator.records.views import (
    FigureRef,
    Overlay,
    SiteView,
)


def present_all(
    catalog: Sequence[Activation],
    analyses: Sequence[Analysis],
    measured: Mapping[str, Accuracy],
    memo: Memo,
    steps: Steps,
    jobs: int | None = None,
    limit: float | None = None,
    languages: Sequence[str] = ("en",),
) -> tuple[SiteView, ...]:
    """The view of every entry and of the catalog as a whole, in catalog order, once per
    edition (``languages``, the first at the site root: its view holds the shared files);
    the entries' formulas and figures are made once, on ``jobs`` processes (default: all
    cores), each within ``limit`` seconds (default: :data:`~generator.deadlines.DRAW`)."""
    limit = DRAW.seconds() if limit is None else limit
    editions = tuple(languages)
    presented = present_entries(catalog, analyses, measured, memo, steps, jobs, limit, editions)
    parts = [entry.parts for entry in presented]
    files: dict[str, bytes] = {}
    for part in parts:
        files |= part.figures.files
    files |= _curves(parts, memo, limit)
    data = catalog_json([(p.activation, p.analysis, p.snippet) for p in parts], memo)
    views = tuple(
        _site_view(presented, catalog, EDITIONS[language], data, memo) for language in editions
    )
    steps.finish()
    first, *others = views
    return (replace(first, files={**files, **first.files}), *others)


def _site_view(
    presented: Sequence[PresentedEntry],
    catalog: Sequence[Activation],
    words: Words,
    data: Mapping[str, object],
    memo: Memo,
) -> SiteView:
    """One edition's view: the pages' text in its language, its own overlay figures."""
    parts = [entry.parts for entry in presented]
    pairs = [(p.activation, p.analysis) for p in parts]
    overlay_files: dict[str, bytes] = {}
    return SiteView(
        language=words.language,
        entries=tuple(entry.views[words.language] for entry in presented),
        overlays=_overlays(parts, overlay_files, memo, words),
        comparison_headers=comparison.headers(words),
        comparison_rows=tuple(entry.rows[words.language] for entry in presented),
        picker=picker_groups(catalog, words),
        examples=examples(parts),
        catalog_json=data,
        properties_csv=properties_csv(pairs),
        catalog_fields=schema.FIELDS,
        coverage=coverage(catalog),
        files=overlay_files,
    )


def _curves(parts: Sequence[EntryParts], memo: Memo, limit: float) -> dict[str, bytes]:
    """``curves.js`` (f and f′ of every scalar entry, printed by SymPy for the widgets), and
    a file of its own for each entry with an explorer (one with parameters)."""
    printed = []
    for activation, analysis in scalar_entries([(p.activation, p.analysis) for p in parts]):
        with entry_work(activation.source, "printing its curve", limit, field="expression"):
            printed.append(cached_curve(activation, analysis, memo))
    files = {CURVES_PATH: curves_script(printed).encode()}
    for curve in printed:
        if curve.sliders:
            files[ENTRY_CURVES.format(id=curve.id)] = curves_script([curve]).encode()
    return files


def _overlays(
    parts: Sequence[EntryParts], files: dict[str, bytes], memo: Memo, words: Words
) -> tuple[Overlay, ...]:
    """Figures of each family overlaying its members (a few a figure), for its page; their
    titles are in the edition's language, so each edition draws its own."""
    result = []
    suffix = "" if words.language == "en" else f"-{words.language}"
    for known in FAMILIES:
        members = [(p.activation, p.analysis) for p in parts if p.activation.family == known]
        if not members:
            continue
        family = family_in(known, words)
        groups = overlays.split(members)
        refs = []
        for number, group in enumerate(groups, start=1):
            stem = f"{FIGURES}/overlay-{family.slug}" + (f"-{number}" if len(groups) > 1 else "")
            if any(activation.kind is Kind.GATED for activation, _ in group):
                stem += suffix  # its legend says "(gate)": each edition has its own
            for scheme, phone in VARIANTS:
                files[variant(stem, scheme, phone)] = overlays.family_overlay(
                    group, scheme, memo, plot, phone, words
                )
            shown = [activation for activation, _ in group]
            alt = overlays.description(family.title, shown, words, number, len(groups))
            refs.append(FigureRef.of(f"../{stem}", alt))  # from families/<slug>.md
        result.append(Overlay(family, tuple(refs)))
    return tuple(result)
