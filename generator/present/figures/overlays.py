"""Static overlays for the comparison page: f and f′ of the members of a family, a few a figure.

Drawn in the style of ``figures`` (same axes, limits, rc settings and light/dark schemes) and
cached the same way: the key is the drawing code, matplotlib's version and each member's
catalog cache key, so an unchanged family is not even sampled again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, TypeVar

from matplotlib.figure import Figure

from generator.present.figures import svg as figures
from generator.present.figures.entry import PlotMaker
from generator.present.figures.svg import Curve, Scheme
from generator.present.words import ENGLISH, Words
from generator.records.analysis import Analysis
from generator.records.catalog import Activation, Kind
from generator.records.services import Memo

T = TypeVar("T")

MOST: Final = 8  # curves in one figure: each gets a colour of its own, none repeats
# Eight hues told apart on either background; every other curve is dashed as well, for
# readers who see fewer colours.
PALETTES: Final = {
    "light": (
        "#1565c0", "#e65100", "#2e7d32", "#6a1b9a",
        "#00838f", "#c2185b", "#6d4c41", "#37474f",
    ),
    "dark": (
        "#64b5f6", "#ffb74d", "#81c784", "#ce93d8",
        "#4dd0e1", "#f48fb1", "#bcaaa4", "#eeeeee",
    ),
}  # fmt: skip
DASHES: Final = ("-", "--")


def split(members: Sequence[T]) -> list[Sequence[T]]:
    """Consecutive groups of at most ``MOST`` members, as even as possible (20: 7, 7, 6)."""
    count = -(-len(members) // MOST)
    size, longer = divmod(len(members), count)
    groups, start = [], 0
    for index in range(count):
        end = start + size + (index < longer)
        groups.append(members[start:end])
        start = end
    return groups


def family_overlay(
    members: Sequence[tuple[Activation, Analysis]],
    scheme: Scheme,
    memo: Memo,
    plot_of: PlotMaker,
    phone: bool = False,
    words: Words = ENGLISH,
) -> bytes:
    """f and f′ of at most ``MOST`` members, side by side (or stacked for phones), from the
    cache when unchanged; a gated unit's legend says "(gate)" in ``words``' language."""
    if len(members) > MOST:
        raise ValueError(f"{len(members)} curves in one overlay: split() them first")

    def curves(activation: Activation, analysis: Analysis) -> tuple[Curve, Curve]:
        plot = plot_of(activation, analysis)
        return plot.curves[0], plot.curves[1]

    labels = [gated_label(activation, words) for activation, _ in members]
    parts = [scheme.name, str(phone), *labels]
    parts += [activation.mathematics() for activation, _ in members]
    return memo.cached(
        "figures",
        ["overlay", *parts],
        lambda: _draw(
            [
                (label, *curves(activation, analysis))
                for label, (activation, analysis) in zip(labels, members, strict=True)
            ],
            scheme,
            phone,
        ),
    )


def description(
    family_title: str, members: Sequence[Activation], words: Words, part: int = 0, parts: int = 1
) -> str:
    """The alt text; which part ("part 1 of 3") where the family takes several figures."""
    names = words(", ").join(activation.name for activation in members)
    if parts > 1:
        return words(
            "Overlay of the family “{family}” (part {part} of {parts}): f and f′, for x from "
            "−5 to 5, of {names}.",
            family=family_title,
            part=part,
            parts=parts,
            names=names,
        )
    return words(
        "Overlay of the family “{family}”: f and f′, for x from −5 to 5, of {names}.",
        family=family_title,
        names=names,
    )


def _draw(members: Sequence[tuple[str, Curve, Curve]], scheme: Scheme, phone: bool) -> bytes:
    palette = PALETTES[scheme.name]
    columns = 2 if phone else min(len(members), 4)
    rows = -(-len(members) // columns)  # of the legend, below the plots
    legend = 0.25 * rows + 0.12  # inches
    with figures._style(scheme):
        if phone:
            figure = Figure(figsize=(figures.PHONE_SIZE[0], 5.0 + legend))
            top, bottom = figure.subplots(2, 1)
            panels = ((top, "f(x)", "f"), (bottom, "f′(x)", "df"))
        else:
            figure = Figure(figsize=(9.6, 3.4 + legend))
            left, right = figure.subplots(1, 2)
            panels = ((left, "f(x)", "f"), (right, "f′(x)", "df"))
        for axes, title, _ in panels:
            figures._axes_through_origin(axes, scheme)
            axes.set_title(title, color=scheme.text, fontsize=11)
        for index, (name, f, df) in enumerate(members):
            style = {"color": palette[index], "linewidth": 1.8}
            dash = DASHES[index % len(DASHES)]
            for (axes, _, which), curve in zip(panels, (f, df), strict=True):
                label = name if which == "f" else None
                axes.plot(curve.x, curve.y, dash, label=label, gid=f"{which}-{index}", **style)
        figure.legend(
            loc="lower center",
            ncol=columns,
            labelcolor=scheme.text,
            fontsize=10,
            handlelength=2.4,
        )
        figure.tight_layout(rect=(0, legend / figure.get_figheight(), 1, 1))
        return figures._svg(figure)


def gated_label(activation: Activation, words: Words = ENGLISH) -> str:
    """Gated units are drawn by their gate g. A ``$`` is escaped: matplotlib would read the
    text between two of them as mathtext."""
    name = activation.name.replace("$", r"\$")
    return words("{name} (gate)", name=name) if activation.kind is Kind.GATED else name
