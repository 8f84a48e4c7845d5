"""View data for the comparison page: the table of every activation and the picker.

Every cell is computed: the property texts come from ``generator.present.text``, the same
helpers the activation pages use, so the table and the pages cannot disagree. The table is
emitted as an HTML block (it needs a class and sort keys), so the Markdown the helpers
produce (``*not determined*``) is turned into HTML here.

Sort keys are numbers where the column is ordered (several, compared in turn, for a range;
ranks for yes/no and the like), text for names, "" where nothing is determined. Each row
also carries what the page's filter reads: the names it matches and the properties (chips)
that hold, from the same analysis as the cells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import markupsafe
import sympy as sp

from generator.catalog.families import FAMILIES
from generator.present.printers import sort_key_number
from generator.present.text import (
    FRAMEWORK_TITLES,
    moment_text,
    monotonicity,
    range_text,
    smoothness,
    value_range,
    yes_no,
)
from generator.present.words import Words, family_in
from generator.records import escape
from generator.records.analysis import (
    Analysis,
    ElementwiseAnalysis,
    Extreme,
    Moments,
    Monotonicity,
    Properties,
    Saturation,
    Smoothness,
    Tail,
    VectorAnalysis,
)
from generator.records.catalog import Activation, Family, Kind
from generator.records.views import Cell, Row

NOT_APPLICABLE: Final = "—"
_EMPHASIS: Final = re.compile(r"\*([^*]+)\*")


HEADERS: Final = (  # messages
    "Name",
    "Family",
    "Range",
    "Bounded below",
    "Bounded above",
    "Monotonic",
    "Continuity",
    "Mean under N(0, 1)",
    "Saturates left",
    "Saturates right",
    "Self-gated",
    "Frameworks",
)


# Ascending order of the ranked columns; a value missing here has no rank (sorted last).
_MONOTONIC: Final = (
    Monotonicity.STRICTLY_INCREASING,
    Monotonicity.NON_DECREASING,
    Monotonicity.NON_INCREASING,
    Monotonicity.STRICTLY_DECREASING,
    Monotonicity.NOT_MONOTONIC,
)
_SATURATION: Final = (Saturation.NONE, Saturation.SOFT, Saturation.HARD)


@dataclass(frozen=True)
class Chip:
    """A toggle of the comparison filter: only rows whose ``token`` property holds."""

    token: str
    label: str
    title: str  # what it means, shown on hover


@dataclass(frozen=True)
class TableRow(Row):
    """A comparison row with what the filter reads: ``names`` (name, aliases and family,
    joined by " | ") for the text box, ``properties`` (chip tokens that hold) for the chips."""

    names: str
    properties: tuple[str, ...]


CHIPS: Final = (  # labels and titles are messages
    Chip("bounded", "bounded", "Bounded below and above"),
    Chip("monotonic", "monotonic", "Monotonic (increasing or decreasing)"),
    Chip("smooth", "smooth", "C^∞: infinitely differentiable"),
    Chip("zero-centred", "zero-centred", "Mean exactly 0 under N(0, 1)"),
    Chip("self-gated", "self-gated", "x times a soft gate"),
)


def chips(words: Words) -> tuple[Chip, ...]:
    """The filter's chips, labelled in the edition's language; a framework's by its name."""
    return (
        *(Chip(c.token, words(c.label), words(c.title)) for c in CHIPS),
        *(
            Chip(key, title.split()[0], words("A built-in in {framework}", framework=title))
            for key, title in FRAMEWORK_TITLES.items()
        ),
    )


def headers(words: Words) -> tuple[str, ...]:
    return tuple(words(header) for header in HEADERS)


def html(markdown: str) -> str:
    """The helpers' page text as HTML: ``*x*`` becomes ``<em>x</em>``."""
    return _EMPHASIS.sub(r"<em>\1</em>", markdown)


def row(activation: Activation, analysis: Analysis, words: Words) -> Row:
    """The activation's row of the table; the page lists them in catalog order, and its
    JavaScript sorts on demand."""
    name = escape.text(activation.name)
    gate = (
        f' <span class="comparison-note">{escape.text(words("(gate g)"))}</span>'
        if activation.kind is Kind.GATED
        else ""
    )
    family = family_in(activation.family, words)
    cells = [
        Cell(f'<a href="../activations/{activation.id}/">{name}</a>{gate}', activation.name),
        _family(family),
    ]
    if isinstance(analysis, ElementwiseAnalysis):
        cells += _elementwise_cells(analysis.properties, words)
    else:
        cells += _vector_cells(analysis, words)
    shipped = [FRAMEWORK_TITLES[f.framework] for f in activation.frameworks]
    cells.append(Cell(words(", ").join(shipped) or NOT_APPLICABLE, str(len(shipped))))
    own = words.texts(activation).aliases if words.language != "en" else ()
    names = " | ".join(
        dict.fromkeys(
            (activation.name, *activation.aliases, *own, family.title, activation.family.title)
        )
    )
    return TableRow(activation.id, tuple(cells), names, chip_tokens(activation, analysis))


def chip_tokens(activation: Activation, analysis: Analysis) -> tuple[str, ...]:
    """The chip tokens that hold for this row, in the order of :func:`chips`."""
    facts = _facts(analysis)
    shipped = {entry.framework for entry in activation.frameworks}
    tokens = (*(chip.token for chip in CHIPS), *FRAMEWORK_TITLES)
    return tuple(token for token in tokens if token in shipped or facts.get(token, False))


def _facts(analysis: Analysis) -> dict[str, bool]:
    """The computed facts behind the property chips; a fact not determined is not shown."""
    if isinstance(analysis, VectorAnalysis):
        domain = analysis.component_range
        bounded = domain is not None and bool(domain.inf.is_finite and domain.sup.is_finite)
        return {"bounded": bounded, "smooth": _smooth(analysis.smoothness)}
    p = analysis.properties
    return {
        "bounded": bool(p.bounded_below and p.bounded_above),
        "monotonic": p.monotonicity not in (None, Monotonicity.NOT_MONOTONIC),
        "smooth": _smooth(p.smoothness),
        "zero-centred": mean_is_zero(p.moments),
        "self-gated": bool(p.self_gated),
    }


def _smooth(value: Smoothness | None) -> bool:
    return value is not None and value.infinite


def mean_is_zero(moments: Moments | None) -> bool:
    """E[f(X)] = 0 for X ~ N(0, 1), proved exactly (an enclosure cannot prove a zero)."""
    return moments is not None and moments.mean.enclosure is None and moments.mean.value == 0


def _family(family: Family) -> Cell:
    title = markupsafe.escape(family.title)
    order = next(index for index, known in enumerate(FAMILIES) if known.slug == family.slug)
    return Cell(f'<a href="../families/{family.slug}/">{title}</a>', f"{order}")


def _elementwise_cells(properties: Properties, words: Words) -> list[Cell]:
    if properties.range is None and properties.range_estimate is not None:
        estimate = Cell(
            html(range_text(properties, words)), _range(properties.range_estimate, words).sort
        )
    else:
        estimate = _range(properties.range, words, extremes=properties.extremes)
    return [
        estimate,
        _answer(properties.bounded_below, words),
        _answer(properties.bounded_above, words),
        Cell(
            html(monotonicity(properties.monotonicity, words)),
            _rank(properties.monotonicity, _MONOTONIC),
        ),
        _continuity(properties.smoothness, words),
        _mean(properties.moments, words),
        _saturation(properties.left, words),
        _saturation(properties.right, words),
        _answer(properties.self_gated, words),
    ]


def _vector_cells(analysis: VectorAnalysis, words: Words) -> list[Cell]:
    domain = analysis.component_range
    below = None if domain is None else bool(domain.inf.is_finite)
    above = None if domain is None else bool(domain.sup.is_finite)
    missing = Cell(NOT_APPLICABLE, "")
    return [
        _range(domain, words, per_component=True),
        _answer(below, words),
        _answer(above, words),
        missing,
        _continuity(analysis.smoothness, words),
        missing,
        missing,
        missing,
        missing,
    ]


def _range(
    domain: sp.Set | None,
    words: Words,
    per_component: bool = False,
    extremes: tuple[Extreme, ...] = (),
) -> Cell:
    """Sorted by the lower end, then the upper end: (−∞, …) first."""
    if domain is None:
        return Cell(html(value_range(None, words)), "")
    key = f"{sort_key_number(domain.inf)} {sort_key_number(domain.sup)}"
    shown = html(value_range(domain, words, extremes))
    if per_component:
        shown = words("{range} per component", range=shown)
    return Cell(shown, key)


def _mean(moments: Moments | None, words: Words) -> Cell:
    """E[f(X)] for X ~ N(0, 1), as on the page; sorted by its value."""
    if moments is None:
        return Cell(html(moment_text(None, words)), "")
    return Cell(html(moment_text(moments.mean, words)), sort_key_number(moments.mean.value))


def _answer(value: bool | None, words: Words) -> Cell:
    """Sorted no (0) before yes (1)."""
    return Cell(html(yes_no(value, words)), "" if value is None else str(int(value)))


def _continuity(value: Smoothness | None, words: Words) -> Cell:
    """Sorted by order: discontinuous, C⁰, C¹, …, C^∞."""
    if value is None:
        return Cell(html(smoothness(None, words)), "")
    order = 1000 if value.infinite else value.order
    return Cell(html(smoothness(value, words)), str(order))


SATURATION: Final = {  # messages, the short forms of the page's row
    Saturation.SOFT: "soft",
    Saturation.HARD: "hard",
}


def _saturation(tail: Tail, words: Words) -> Cell:
    """Short form of the page's saturation row: hard, soft or no (the page has the limit);
    sorted no, soft, hard."""
    if tail.saturation is None:
        return Cell(html(yes_no(None, words)), "")
    if tail.saturation is Saturation.NONE:
        text = words("no") if tail.derivative_limit is not None else words("no (f′ oscillates)")
    else:
        text = words(SATURATION[tail.saturation])
    return Cell(text, _rank(tail.saturation, _SATURATION))


def _rank(value: object, order: Sequence[object]) -> str:
    """The sort key of a ranked column: the position in ``order``, "" when not determined."""
    return str(order.index(value)) if value in order else ""
