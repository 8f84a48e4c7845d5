"""SVG figures: f, f′ (and f″) on the axes every activation shares, in light and dark.

Figures are drawn with matplotlib's object API (no pyplot state) inside an rc context, and
written with a fixed hash salt and no date, so the same input gives the same bytes.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Final

import matplotlib
import numpy as np
import numpy.typing as npt
import sympy as sp
from matplotlib.axes import Axes
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from generator.analysis.pieces import canonical

FloatArray = npt.NDArray[np.float64]

# Every activation is drawn on these axes so shapes compare at a glance.
X_LIMITS: Final = (-5.0, 5.0)
Y_LIMITS: Final = (-1.5, 3.0)
SAMPLES: Final = 1001
_GAP: Final = 1e-9
# Each figure is also drawn for phones: the same 11 pt text on a narrower canvas, so that it
# still reads at 10 CSS px or more when shrunk to a 390 px screen's column (358 px).
PHONE_SIZE: Final = (4.4, 3.3)  # inches


@dataclass(frozen=True)
class Scheme:
    """Colours for one of Material's schemes (``default`` is light, ``slate`` dark)."""

    name: str
    text: str
    grid: str
    axis: str
    lines: tuple[str, str, str]


LIGHT: Final = Scheme("light", "#212121", "#d9d9d9", "#616161", ("#1565c0", "#d84315", "#2e7d32"))
DARK: Final = Scheme("dark", "#e0e0e0", "#3d4250", "#9e9e9e", ("#64b5f6", "#ffab40", "#81c784"))
SCHEMES: Final = (LIGHT, DARK)


@dataclass(frozen=True)
class Curve:
    label: str
    x: FloatArray
    y: FloatArray


@dataclass(frozen=True)
class Marker:
    """A point drawn on a curve: hollow for a one-sided limit, filled for autograd's value."""

    x: float
    y: float
    filled: bool
    curve: int


@dataclass(frozen=True)
class Plot:
    curves: tuple[Curve, ...]
    markers: tuple[Marker, ...]
    descriptions: tuple[tuple[str, str], ...]  # (language, alt text), one per edition


def numeric(expression: sp.Expr, x: sp.Symbol) -> Callable[[FloatArray], FloatArray]:
    """A NumPy function of x; constants are broadcast to the input's shape."""
    function = sp.lambdify(x, canonical(expression), modules=["numpy", "scipy"])

    def evaluate(values: FloatArray) -> FloatArray:
        with np.errstate(all="ignore"):
            result = np.asarray(function(values), dtype=np.float64)
        return np.broadcast_to(result, values.shape).copy()

    return evaluate


def sample(expression: sp.Expr, x: sp.Symbol, label: str, breaks: tuple[float, ...] = ()) -> Curve:
    """Evaluate on the shared grid; the line is cut at ``breaks`` (jumps of this curve)."""
    grid = np.linspace(*X_LIMITS, SAMPLES)
    edges = [p + side * _GAP for p in breaks for side in (-1, 1)]
    xs = np.unique(np.concatenate([grid, np.array(edges, dtype=np.float64)]))
    for point in breaks:  # the break point itself would join the two sides again
        xs = xs[np.abs(xs - point) > _GAP / 2]
    ys = numeric(expression, x)(xs)
    for point in breaks:
        cut = int(np.searchsorted(xs, point))
        xs = np.insert(xs, cut, point)
        ys = np.insert(ys, cut, np.nan)
    return Curve(label, xs, ys)


@contextmanager
def _style(scheme: Scheme) -> Iterator[None]:
    with matplotlib.rc_context(
        {
            "svg.hashsalt": "activation-reference",
            "svg.fonttype": "none",
            "font.family": ["sans-serif"],
            # Written into every <text> of the SVG: matplotlib's default list is 150 bytes.
            "font.sans-serif": ["DejaVu Sans"],
            "font.size": 11,
            "text.color": scheme.text,
            "axes.labelcolor": scheme.text,
            "xtick.color": scheme.text,
            "ytick.color": scheme.text,
            "axes.edgecolor": scheme.axis,
            "legend.frameon": False,
        }
    ):
        yield


def _svg(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    FigureCanvasSVG(figure)
    with warnings.catch_warnings():
        # The Chinese edition's legends: the SVG keeps the text, which the reader's browser
        # sets in a font of its own that has the glyphs (DejaVu Sans, measuring it, has none).
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
        figure.savefig(buffer, format="svg", transparent=True, metadata={"Date": None})
    svg = _PREAMBLE.sub(b"", buffer.getvalue())
    return _INDENT.sub(b"\n", _TAG.sub(_tidied, svg))


# matplotlib writes coordinates to a millionth of a point, indents every element, names
# every group, breaks paths into a line per point and adds a DOCTYPE and RDF metadata. A
# hundredth of a point is far under a CSS pixel at any size the site shows, and an <img>
# needs none of the rest. Only tags are touched, never text a figure shows ("β = 1.702").
_TAG: Final = re.compile(rb"<[^>]*>")
_DECIMAL: Final = re.compile(rb"-?\d+\.\d{3,}")
_INDENT: Final = re.compile(rb"\n[ \t]+")
_PREAMBLE: Final = re.compile(rb"<!DOCTYPE[^>]*>\s*|<metadata>.*?</metadata>\s*", re.S)
_GROUP_NAME: Final = re.compile(rb'^<g id="[a-z.]+_\d+">$')  # matplotlib's own, not a gid
_STYLE_SPACE: Final = re.compile(rb"(?<=[:;]) +")


def _tidied(tag: re.Match[bytes]) -> bytes:
    text = _GROUP_NAME.sub(b"<g>", tag.group(0))
    text = _STYLE_SPACE.sub(b"", text.replace(b" \n", b" "))
    return _DECIMAL.sub(lambda number: b"%.2f" % float(number.group(0)), text)


def _axes_through_origin(axes: Axes, scheme: Scheme) -> None:
    axes.set_xlim(*X_LIMITS)
    axes.set_ylim(*Y_LIMITS)
    axes.spines["left"].set_position("zero")
    axes.spines["bottom"].set_position("zero")
    axes.spines["right"].set_visible(False)
    axes.spines["top"].set_visible(False)
    axes.grid(True, color=scheme.grid, linewidth=0.6)
    axes.set_axisbelow(True)
    axes.set_xticks(range(-5, 6))
    axes.set_yticks([-1, 0, 1, 2, 3])


def draw(plot: Plot, scheme: Scheme, phone: bool = False) -> bytes:
    """The main figure of a page: every curve, with a legend and markers at kinks."""
    with _style(scheme):
        figure = Figure(figsize=PHONE_SIZE if phone else (6.4, 3.6))
        axes = figure.add_subplot()
        _axes_through_origin(axes, scheme)
        styles = ("-", "--", ":")
        for index, curve in enumerate(plot.curves):
            axes.plot(
                curve.x,
                curve.y,
                styles[index],
                color=scheme.lines[index],
                linewidth=2.0,
                label=curve.label,
            )
        for marker in plot.markers:
            colour = scheme.lines[marker.curve]
            axes.plot(
                [marker.x],
                [marker.y],
                "o",
                markersize=6,
                markeredgecolor=colour,
                markerfacecolor=colour if marker.filled else "none",
                markeredgewidth=1.5,
            )
        axes.legend(loc="upper left", labelcolor=scheme.text)
        figure.tight_layout()
        return _svg(figure)


def sparkline(curve: Curve) -> bytes:
    """A thumbnail of f for overview tables; mid-tone colours read in both schemes."""
    with _style(LIGHT):
        figure = Figure(figsize=(1.2, 0.6))
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_xlim(*X_LIMITS)
        axes.set_ylim(*Y_LIMITS)
        axes.axhline(0, color="#9e9e9e", linewidth=0.6)
        axes.axvline(0, color="#9e9e9e", linewidth=0.6)
        axes.plot(curve.x, curve.y, color="#1e88e5", linewidth=1.6)
        axes.set_axis_off()
        return _svg(figure)


CARD_COLOURS: Final = ("#1e88e5", "#ef6c00")  # mid-tones: legible on white paper and on slate


def card(plot: Plot) -> bytes:
    """A small multiple for the cheat sheet: f solid and f′ dashed on the shared axes."""
    with _style(LIGHT):
        figure = Figure(figsize=(1.9, 1.25))
        axes = figure.add_axes((0.0, 0.0, 1.0, 1.0))
        axes.set_xlim(*X_LIMITS)
        axes.set_ylim(*Y_LIMITS)
        for value in (-4, -2, 2, 4):
            axes.axvline(value, color="#9e9e9e", linewidth=0.3, alpha=0.5)
        for value in (-1, 1, 2):
            axes.axhline(value, color="#9e9e9e", linewidth=0.3, alpha=0.5)
        axes.axhline(0, color="#9e9e9e", linewidth=0.7)
        axes.axvline(0, color="#9e9e9e", linewidth=0.7)
        for curve, colour, style in zip(plot.curves[:2], CARD_COLOURS, ("-", "--"), strict=False):
            axes.plot(curve.x, curve.y, style, color=colour, linewidth=1.4)
        axes.set_axis_off()
        return _svg(figure)


def bars(
    groups: tuple[tuple[str, FloatArray], ...],
    categories: tuple[str, ...],
    ylabel: str,
    scheme: Scheme,
    phone: bool = False,
) -> bytes:
    """Grouped bar chart: one group of bars per labelled vector (softmax at temperatures)."""
    with _style(scheme):
        figure = Figure(figsize=(PHONE_SIZE[0], 3.0) if phone else (6.4, 3.0))
        axes = figure.add_subplot()
        width = 0.8 / len(groups)
        positions = np.arange(len(categories), dtype=np.float64)
        for index, (label, values) in enumerate(groups):
            offset = (index - (len(groups) - 1) / 2) * width
            axes.bar(
                positions + offset,
                values,
                width,
                label=label,
                color=scheme.lines[index % len(scheme.lines)],
            )
        axes.set_xticks(positions, categories)
        axes.set_ylabel(ylabel)
        axes.set_ylim(0, 1)
        axes.grid(True, axis="y", color=scheme.grid, linewidth=0.6)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.legend(loc="upper right", labelcolor=scheme.text)
        figure.tight_layout()
        return _svg(figure)
