"""Every entry presented, then what the whole catalog shows: overlays, tables, data files."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy as sp

from generator.catalog.families import FAMILIES
from generator.numerics.report import Accuracy
from generator.present import comparison
from generator.present.code import numpy_snippet
from generator.present.data import catalog_json
from generator.present.figures import overlays
from generator.present.figures import svg as figures
from generator.present.figures.entry import FIGURES, entry_figures
from generator.present.formulas import formulas
from generator.present.jscode import CURVES_PATH, cached_curve, curves_script
from generator.present.page import EntryParts, examples, overview_row, page_context
from generator.present.table_csv import properties_csv
from generator.present.text import smoothness, value_range
from generator.records.analysis import Analysis, ElementwiseAnalysis
from generator.records.catalog import Activation
from generator.records.services import Memo, Steps
from generator.records.views import Card, EntryView, FigureRef, Overlay, SiteView


def present_all(
    catalog: Sequence[Activation],
    analyses: Sequence[Analysis],
    measured: Mapping[str, Accuracy],
    memo: Memo,
    steps: Steps,
) -> SiteView:
    """The view of every entry and of the catalog as a whole, in catalog order."""
    parts = []
    for activation, analysis in zip(catalog, analyses, strict=True):
        parts.append(_parts(activation, analysis, catalog, measured, memo))
        steps.step(activation.id)
    entries = tuple(_view(entry, parts) for entry in parts)
    files: dict[str, bytes] = {}
    for entry in entries:
        files |= entry.figures
    family_overlays = _overlays(parts, files, memo)
    files[CURVES_PATH] = _curves(parts, memo)
    pairs = [(p.activation, p.analysis) for p in parts]
    steps.finish()
    return SiteView(
        entries=entries,
        overlays=family_overlays,
        comparison_headers=comparison.HEADERS,
        comparison_rows=comparison.table_rows(pairs),
        picker=comparison.picker_groups(catalog),
        examples=examples(parts),
        catalog_json=catalog_json([(p.activation, p.analysis, p.snippet) for p in parts], memo),
        properties_csv=properties_csv(pairs),
        files=files,
    )


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
        figures=entry_figures(activation, analysis, memo),
    )


def _view(parts: EntryParts, catalog: Sequence[EntryParts]) -> EntryView:
    activation, analysis = parts.activation, parts.analysis
    page = f"activations/{activation.id}.md"
    if isinstance(analysis, ElementwiseAnalysis):
        range_text = value_range(analysis.properties.range)
        smoothness_text: str | None = smoothness(analysis.properties.smoothness)
    else:
        range_text = value_range(analysis.component_range)
        smoothness_text = None
    return EntryView(
        activation=activation,
        figure=parts.figures.figure,
        thumbnail=parts.figures.thumbnail,
        card=Card(
            id=activation.id,
            name=activation.name,
            image=parts.figures.card,
            alt=f"{activation.name}: f and f′ from −5 to 5",
            range=_card_range(analysis),
        ),
        overview=overview_row(parts, page),
        range_text=range_text,
        smoothness_text=smoothness_text,
        page_context=page_context(parts, catalog),
        figures=parts.figures.files,
    )


def _card_range(analysis: Analysis) -> str:
    """The range, or its numerical estimate marked ≈, as HTML (cards are raw HTML)."""
    if not isinstance(analysis, ElementwiseAnalysis):
        return value_range(_rounded(analysis.component_range))
    properties = analysis.properties
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


def _curves(parts: Sequence[EntryParts], memo: Memo) -> bytes:
    """``curves.js``: f and f′ of every scalar entry, printed by SymPy for the widgets."""
    printed = [
        cached_curve(p.activation, p.analysis, memo)
        for p in parts
        if isinstance(p.analysis, ElementwiseAnalysis)
    ]
    return curves_script(printed).encode()


def _overlays(
    parts: Sequence[EntryParts], files: dict[str, bytes], memo: Memo
) -> tuple[Overlay, ...]:
    """One figure per family overlaying its members, for the comparison page."""
    result = []
    for family in FAMILIES:
        members = [(p.activation, p.analysis) for p in parts if p.activation.family == family]
        if not members:
            continue
        for scheme in figures.SCHEMES:
            path = f"{FIGURES}/overlay-{family.slug}-{scheme.name}.svg"
            files[path] = overlays.family_overlay(members, scheme, memo)
        alt = overlays.description(family.title, [activation for activation, _ in members])
        figure = FigureRef(
            f"{FIGURES}/overlay-{family.slug}-light.svg",
            f"{FIGURES}/overlay-{family.slug}-dark.svg",
            alt,
        )
        result.append(Overlay(family, figure))
    return tuple(result)
