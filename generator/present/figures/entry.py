"""Every figure of one entry: the main plot in both schemes, the thumbnail, the cheat-sheet
card and, for vector entries whose outputs form a distribution, the temperature chart."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Final

from generator.present.figures import plots
from generator.present.figures import svg as figures
from generator.present.figures.svg import Plot
from generator.present.text import function_name
from generator.present.words import EDITIONS, ENGLISH, Words
from generator.records.analysis import Analysis, VectorAnalysis
from generator.records.catalog import Activation
from generator.records.services import Memo
from generator.records.views import FigureRef

FIGURES: Final = "assets/figures"  # under docs/
PlotMaker = Callable[[Activation, Analysis], Plot]  # the kind's plot (generator.present.kinds)
# Every figure a page shows comes in both schemes, drawn wide and for phones.
VARIANTS: Final = tuple((scheme, phone) for scheme in figures.SCHEMES for phone in (False, True))


def variant(stem: str, scheme: figures.Scheme, phone: bool) -> str:
    """The file of one variant, as ``FigureRef.of`` names it."""
    return f"{stem}{'-phone' if phone else ''}-{scheme.name}.svg"


@dataclass(frozen=True)
class EntryFigures:
    files: Mapping[str, bytes]  # path under docs/ -> SVG
    figure: FigureRef  # the main plot, referenced from the activation's page
    extra: FigureRef | None  # the temperature chart, where there is one
    thumbnail: str
    card: str
    # (language, alt text of the main plot, of the temperature chart), one per edition
    descriptions: tuple[tuple[str, str, str], ...] = ()

    def in_language(self, language: str) -> tuple[FigureRef, FigureRef | None]:
        """The main plot and the temperature chart, described in ``language``."""
        for described, main, extra in self.descriptions:
            if described == language:
                chart = None if self.extra is None else replace(self.extra, alt=extra)
                return replace(self.figure, alt=main), chart
        return self.figure, self.extra


def entry_figures(
    activation: Activation, analysis: Analysis, memo: Memo, plot_of: PlotMaker
) -> EntryFigures:
    """The entry's figures, reused while its mathematics and the drawing code hold."""
    name = activation.id
    files, descriptions, extra = memo.cached(
        "figures", ["entry", activation.mathematics()], lambda: _draw(activation, analysis, plot_of)
    )
    by_language: dict[str, str] = dict(descriptions)
    charts = {
        language: _chart_description(activation, words) for language, words in EDITIONS.items()
    }
    return EntryFigures(
        files=files,
        figure=FigureRef.of(f"../{FIGURES}/{name}", by_language["en"]),
        extra=None if extra is None else replace(extra, alt=charts["en"]),
        thumbnail=f"{FIGURES}/{name}-thumb.svg",
        card=f"{FIGURES}/{name}-card.svg",
        descriptions=tuple(
            (language, by_language[language], charts[language]) for language in EDITIONS
        ),
    )


def _draw(
    activation: Activation, analysis: Analysis, plot_of: PlotMaker
) -> tuple[dict[str, bytes], tuple[tuple[str, str], ...], FigureRef | None]:
    name = activation.id
    files: dict[str, bytes] = {}
    plot = plot_of(activation, analysis)
    for scheme, phone in VARIANTS:
        files[variant(f"{FIGURES}/{name}", scheme, phone)] = figures.draw(plot, scheme, phone)
    files[f"{FIGURES}/{name}-thumb.svg"] = figures.sparkline(plot.curves[0])
    files[f"{FIGURES}/{name}-card.svg"] = figures.card(plot)
    extra = None
    if isinstance(analysis, VectorAnalysis) and _probabilities(analysis):
        extra = _temperature_chart(activation, files)
    return files, plot.descriptions, extra


def _temperature_chart(activation: Activation, files: dict[str, bytes]) -> FigureRef:
    """The outputs at several temperatures, as grouped bars (into ``files``)."""
    name = activation.id
    groups = plots.temperature_groups(activation)
    categories = tuple(f"x{k + 1} = {score:g}" for k, score in enumerate(plots.SCORES))
    label = f"{function_name(activation)}(x / T)"
    for scheme, phone in VARIANTS:
        files[variant(f"{FIGURES}/{name}-temperature", scheme, phone)] = figures.bars(
            groups, categories, label, scheme, phone
        )
    return FigureRef.of(f"../{FIGURES}/{name}-temperature", _chart_description(activation, ENGLISH))


def _chart_description(activation: Activation, words: Words) -> str:
    return words(
        "Bar chart of {name} of the scores {scores} divided by a temperature T of "
        "{temperatures}: a low temperature sharpens the distribution, a high one flattens it.",
        name=activation.name,
        scores=list(plots.SCORES),
        temperatures=words(", ").join(f"{t:g}" for t in plots.TEMPERATURES),
    )


def _probabilities(analysis: VectorAnalysis) -> bool:
    """Outputs that form a distribution get the bar chart at several temperatures."""
    return analysis.sums_to_one is True and analysis.component_range is not None
