"""Static overlays for the comparison page: f and f′ of every member of a family, one figure.

Drawn in the style of ``figures`` (same axes, limits, rc settings and light/dark schemes) and
cached the same way: the key is the drawing code, matplotlib's version and each member's
catalog cache key, so an unchanged family is not even sampled again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from matplotlib.figure import Figure

from generator.present.figures import svg as figures
from generator.present.figures.entry import PlotMaker
from generator.present.figures.svg import Curve, Scheme
from generator.records.analysis import Analysis
from generator.records.catalog import Activation, Kind
from generator.records.services import Memo

# Enough distinct hues for the largest family; past them the dash pattern changes.
PALETTES: Final = {
    "light": (
        "#1565c0", "#d84315", "#2e7d32", "#6a1b9a", "#00838f",
        "#c62828", "#f9a825", "#4e342e", "#ad1457", "#546e7a",
    ),
    "dark": (
        "#64b5f6", "#ffab40", "#81c784", "#ce93d8", "#4dd0e1",
        "#ef9a9a", "#fff176", "#bcaaa4", "#f48fb1", "#b0bec5",
    ),
}  # fmt: skip
DASHES: Final = ("-", "--", ":")


def family_overlay(
    members: Sequence[tuple[Activation, Analysis]], scheme: Scheme, memo: Memo, plot_of: PlotMaker
) -> bytes:
    """f (left) and f′ (right) of every member, from the cache when unchanged."""

    def curves(activation: Activation, analysis: Analysis) -> tuple[Curve, Curve]:
        plot = plot_of(activation, analysis)
        return plot.curves[0], plot.curves[1]

    parts = [scheme.name, *(activation.mathematics() for activation, _ in members)]
    return memo.cached(
        "figures",
        ["overlay", *parts],
        lambda: _draw([(gated_label(a), *curves(a, analysis)) for a, analysis in members], scheme),
    )


def description(family_title: str, members: Sequence[Activation]) -> str:
    names = ", ".join(activation.name for activation in members)
    return (
        f"Overlay of the {family_title} family: f on the left and f′ on the right, for x from"
        f" −5 to 5, of {names}."
    )


def _draw(members: Sequence[tuple[str, Curve, Curve]], scheme: Scheme) -> bytes:
    palette = PALETTES[scheme.name]
    with figures._style(scheme):
        rows = (len(members) + 4) // 5  # legend rows, five names to a row
        height = 3.4 + 0.25 * rows
        figure = Figure(figsize=(9.6, height))
        left, right = figure.subplots(1, 2)
        for axes, title in ((left, "f(x)"), (right, "f′(x)")):
            figures._axes_through_origin(axes, scheme)
            axes.set_title(title, color=scheme.text, fontsize=11)
        for index, (name, f, df) in enumerate(members):
            colour = palette[index % len(palette)]
            dash = DASHES[(index // len(palette)) % len(DASHES)]
            left.plot(f.x, f.y, dash, color=colour, linewidth=1.8, label=name)
            right.plot(df.x, df.y, dash, color=colour, linewidth=1.8)
        figure.legend(
            loc="lower center",
            ncol=min(len(members), 5),
            labelcolor=scheme.text,
            fontsize=10,
            handlelength=2.4,
        )
        figure.tight_layout(rect=(0, (0.25 * rows + 0.12) / height, 1, 1))
        return figures._svg(figure)


def gated_label(activation: Activation) -> str:
    """Gated units are drawn by their gate g. A ``$`` is escaped: matplotlib would read the
    text between two of them as mathtext."""
    name = activation.name.replace("$", r"\$")
    return f"{name} (gate)" if activation.kind is Kind.GATED else name
