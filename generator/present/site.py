"""Every entry presented, then what the whole catalog shows: overlays, tables, data files.

Each entry's share runs under the :data:`~generator.deadlines.DRAW` limit, and any
exception it raises is reported naming the entry's file (``entry_work``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from generator.catalog import schema
from generator.catalog.families import FAMILIES
from generator.deadlines import DRAW, entry_work
from generator.numerics.report import Accuracy
from generator.parallel import on_workers, patience
from generator.present import comparison
from generator.present.checked import coverage
from generator.present.code import numpy_snippet
from generator.present.data import catalog_json
from generator.present.examples import examples
from generator.present.figures import overlays
from generator.present.figures.entry import FIGURES, VARIANTS, entry_figures, variant
from generator.present.formulas import formulas
from generator.present.jscode import CURVES_PATH, ENTRY_CURVES, cached_curve, curves_script
from generator.present.kinds import plot, scalar_entries, view_of
from generator.present.page import EntryParts, common_context
from generator.present.picker import picker_groups
from generator.present.table_csv import properties_csv
from generator.present.words import EDITIONS, Words, family_in
from generator.records.analysis import Analysis, ElementwiseAnalysis
from generator.records.catalog import Activation, Kind
from generator.records.services import Memo, Steps
from generator.records.views import (
    Card,
    EntryView,
    FigureRef,
    Overlay,
    OverviewRow,
    SiteView,
    page_of,
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
    tasks = [
        _Task(activation, analysis, tuple(catalog), measured, memo, limit)
        for activation, analysis in zip(catalog, analyses, strict=True)
    ]
    parts = []
    for part in on_workers(_run, tasks, jobs, patience=patience(limit)):
        parts.append(part)
        steps.step(part.activation.id)
    files: dict[str, bytes] = {}
    for part in parts:
        files |= part.figures.files
    files |= _curves(parts, memo, limit)
    data = catalog_json([(p.activation, p.analysis, p.snippet) for p in parts], memo)
    views = tuple(
        _site_view(parts, catalog, EDITIONS[language], data, memo, limit) for language in languages
    )
    steps.finish()
    first, *others = views
    return (replace(first, files={**files, **first.files}), *others)


def _site_view(
    parts: Sequence[EntryParts],
    catalog: Sequence[Activation],
    words: Words,
    data: Mapping[str, object],
    memo: Memo,
    limit: float,
) -> SiteView:
    """One edition's view: the pages' text in its language, its own overlay figures."""
    pairs = [(p.activation, p.analysis) for p in parts]
    overlay_files: dict[str, bytes] = {}
    return SiteView(
        language=words.language,
        entries=tuple(_laid_out(entry, parts, limit, words) for entry in parts),
        overlays=_overlays(parts, overlay_files, memo, words),
        comparison_headers=comparison.headers(words),
        comparison_rows=comparison.table_rows(pairs, words),
        picker=picker_groups(catalog, words),
        examples=examples(parts),
        catalog_json=data,
        properties_csv=properties_csv(pairs),
        catalog_fields=schema.FIELDS,
        coverage=coverage(catalog),
        files=overlay_files,
    )


@dataclass(frozen=True)
class _Task:
    """One entry's share of the present stage, as a worker process receives it."""

    activation: Activation
    analysis: Analysis
    catalog: tuple[Activation, ...]
    measured: Mapping[str, Accuracy]
    memo: Memo
    limit: float  # seconds


def _run(task: _Task) -> EntryParts:
    activation = task.activation
    with entry_work(activation.source, "drawing it", task.limit, field="expression"):
        return _parts(activation, task.analysis, task.catalog, task.measured, task.memo)


def _parts(
    activation: Activation,
    analysis: Analysis,
    catalog: Sequence[Activation],
    measured: Mapping[str, Accuracy],
    memo: Memo,
) -> EntryParts:
    elementwise = analysis if isinstance(analysis, ElementwiseAnalysis) else None
    snippet = numpy_snippet(activation, elementwise, catalog)
    return EntryParts(
        activation=activation,
        analysis=analysis,
        formulas=formulas(activation, analysis, memo),
        snippet=snippet,
        accuracy=measured.get(snippet.gate_of or activation.id),
        figures=entry_figures(activation, analysis, memo, plot),
    )


def _laid_out(
    parts: EntryParts, catalog: Sequence[EntryParts], limit: float, words: Words
) -> EntryView:
    with entry_work(parts.activation.source, "laying out its page", limit):
        return _view(parts, catalog, words)


def _view(parts: EntryParts, catalog: Sequence[EntryParts], words: Words) -> EntryView:
    activation = parts.activation
    texts = words.texts(activation)
    kind = view_of(activation)
    summary = kind.summary(parts.analysis, words)
    figure, _ = parts.figures.in_language(words.language)
    return EntryView(
        activation=activation,
        figure=figure,
        thumbnail=parts.figures.thumbnail,
        card=Card(
            id=activation.id,
            name=activation.name,
            image=parts.figures.card,
            alt=words("{name}: f and f′ from −5 to 5", name=activation.name),
            range=summary.card_range,
        ),
        overview=OverviewRow(
            name=activation.name,
            page=page_of(activation.id),
            thumbnail=parts.figures.thumbnail,
            formula=parts.formulas.definition,
            range=summary.overview_range,
            monotonic=summary.monotonic,
            continuity=summary.continuity,
            use=texts.uses[0],
        ),
        range_text=summary.range,
        smoothness_text=summary.smoothness,
        page_context=common_context(parts, catalog, words) | kind.page(parts, catalog, words),
        figures=parts.figures.files,
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
