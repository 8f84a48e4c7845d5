"""Pages stage: view records for each page, filled into Jinja2 templates as Markdown.

Nothing here touches the disk except reading templates; the result is a mapping from page
path to Markdown text (with math placeholders still in it).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import jinja2
import markupsafe
import sympy as sp

from generator import comparison
from generator.analysis.calculus import equal
from generator.catalog.families import FAMILIES
from generator.catalog.loader import F
from generator.model import (
    Activation,
    Analysis,
    ElementwiseAnalysis,
    Family,
    Kind,
    Monotonicity,
    Saturation,
    VectorAnalysis,
)
from generator.numerics.report import Accuracy
from generator.render import latex
from generator.render.accuracy import accuracy_view
from generator.render.code import Snippet
from generator.render.formulas import formulas
from generator.render.framework_code import framework_snippets
from generator.render.jscode import slider
from generator.render.math import placeholder
from generator.render.text import (
    FRAMEWORK_TITLES,
    monotonicity,
    properties_rows,
    smoothness,
    value_range,
    yes_no,
)

TEMPLATES: Final = Path(__file__).parent / "templates"
KIND_TEXT: Final = {
    Kind.ELEMENTWISE: "elementwise, ℝ → ℝ",
    Kind.GATED: "gated: splits its input in halves a and b and returns a ⊗ g(b)",
    Kind.VECTOR: "vector, ℝⁿ → ℝⁿ",
}


@dataclass(frozen=True)
class FigureRef:
    light: str
    dark: str
    alt: str


@dataclass(frozen=True)
class Entry:
    """One activation with everything derived from it, as the templates need it."""

    activation: Activation
    analysis: Analysis
    snippet: Snippet
    accuracy: Accuracy | None  # measured by make bench-accuracy; None: not measured
    figure: FigureRef
    thumbnail: str
    card: str  # f and f′ small, for the cheat sheet
    extra_figure: FigureRef | None

    @property
    def page(self) -> str:
        return f"activations/{self.activation.id}.md"

    @property
    def elementwise(self) -> ElementwiseAnalysis | None:
        return self.analysis if isinstance(self.analysis, ElementwiseAnalysis) else None

    @property
    def vector(self) -> VectorAnalysis | None:
        return self.analysis if isinstance(self.analysis, VectorAnalysis) else None


@dataclass(frozen=True)
class Overlay:
    """The static overlay of one family on the comparison page."""

    family: Family
    figure: FigureRef


def render_pages(entries: Sequence[Entry], overlays: Sequence[Overlay] = ()) -> dict[str, str]:
    """Every generated Markdown page, by path under ``docs/``."""
    environment = template_environment()
    groups = [
        (family, [_overview_row(entry) for entry in entries if entry.activation.family == family])
        for family in FAMILIES
    ]
    groups = [(family, rows) for family, rows in groups if rows]
    pages = {
        "index.md": environment.get_template("index.md.j2").render(groups=groups),
        "properties.md": environment.get_template("properties.md.j2").render(
            examples=_examples(entries)
        ),
        "comparison.md": environment.get_template("comparison.md.j2").render(
            headers=comparison.HEADERS,
            rows=comparison.table_rows(entries),
            picker=comparison.picker_groups(entries),
            minimum=2,
            maximum=6,
            overlays=overlays,
        ),
    }
    family_template = environment.get_template("family.md.j2")
    for family, rows in groups:
        pages[f"families/{family.slug}.md"] = family_template.render(family=family, rows=rows)
    template = environment.get_template("activation.md.j2")
    for entry in entries:
        pages[entry.page] = template.render(**_activation_context(entry, entries))
    return pages


def template_environment() -> jinja2.Environment:
    """Jinja2 set up for Markdown output, with the math and table-cell filters."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown; catalog prose goes through |e
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["tex"] = lambda value: placeholder(value, display=False)
    environment.filters["texblock"] = lambda value: placeholder(value, display=True)
    environment.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)
    environment.filters["cell"] = lambda value: str(markupsafe.escape(value)).replace("|", "&#124;")
    return environment


def _activation_context(entry: Entry, entries: Sequence[Entry]) -> dict[str, object]:
    activation = entry.activation
    context: dict[str, object] = {
        "a": activation,
        "entry": entry,
        "definition": formulas(activation, entry.analysis).definition,
        "parameters": [
            {
                "name": p.name,
                "symbol": p.latex,
                "default": _number(p.default),
                "description": p.description,
            }
            for p in activation.parameters
        ],
        "frameworks": [_framework_row(activation, f.framework) for f in activation.frameworks],
        "frameworks_titles": FRAMEWORK_TITLES,
        "tolerance": _tolerance_text(activation),
        "kind_text": KIND_TEXT[activation.kind],
        "framework_code": framework_snippets(activation),
        "accuracy": None if entry.accuracy is None else accuracy_view(entry.accuracy),
        "gate_of": next((e for e in entries if e.activation.id == entry.snippet.gate_of), None),
        "missing_frameworks": [
            FRAMEWORK_TITLES[name]
            for name in FRAMEWORK_TITLES
            if activation.framework(name) is None
        ],
    }
    context["explorer"] = _explorer(activation, entry.elementwise)
    if entry.elementwise is not None:
        context |= _elementwise_context(activation, entry.elementwise)
    if entry.vector is not None:
        context |= _vector_context(activation, entry.vector, entries)
    return context


def _explorer(
    activation: Activation, analysis: ElementwiseAnalysis | None
) -> list[dict[str, object]] | None:
    """The sliders of the page's explorer; None for entries without parameters."""
    if analysis is None or not activation.parameters:
        return None
    return [
        {"slider": slider(activation, p, analysis.derivative), "symbol": p.latex}
        for p in activation.parameters
    ]


def _elementwise_context(
    activation: Activation, analysis: ElementwiseAnalysis
) -> dict[str, object]:
    printed = formulas(activation, analysis)
    identity = None
    if activation.derivative_identity is not None:
        function = latex.name(activation)
        names = {**latex.symbol_names(activation), F: f"{function}(x)"}
        identity = f"{function}'(x) = " + sp.latex(
            activation.derivative_identity, symbol_names=names
        )
    kinks = []
    for kink in analysis.properties.kinks or ():
        convention = kink.convention
        kinks.append(
            {
                "at": sp.latex(kink.at),
                "continuous": kink.continuous,
                "left": latex.expression(activation, kink.left_derivative),
                "right": latex.expression(activation, kink.right_derivative),
                "pytorch": (
                    latex.expression(activation, convention.pytorch)
                    if convention and convention.pytorch is not None
                    else None
                ),
                "jax": (
                    latex.expression(activation, convention.jax)
                    if convention and convention.jax is not None
                    else None
                ),
                "note": convention.note if convention else "",
            }
        )
    return {
        "first": printed.first,
        "second": printed.second,
        "identity": identity,
        "properties": properties_rows(analysis.properties),
        "kinks": kinks,
    }


def _vector_context(
    activation: Activation, analysis: VectorAnalysis, entries: Sequence[Entry]
) -> dict[str, object]:
    symbol = activation.symbol_latex
    jacobian = sp.latex(analysis.jacobian_entry)
    matches = [
        other
        for other in entries
        if other.activation.kind is Kind.ELEMENTWISE
        and _agree_at_probes(other.activation.at_defaults(), analysis.two_class_reduction)
        and equal(other.activation.at_defaults(), analysis.two_class_reduction)
    ]
    facts = (
        ("Each component lies in", value_range(analysis.component_range)),
        ("Components sum to 1", yes_no(analysis.sums_to_one)),
        ("Unchanged by adding a constant to every input", yes_no(analysis.shift_invariant)),
        ("Continuity class", smoothness(analysis.smoothness)),
    )
    return {
        "jacobian": (
            f"\\frac{{\\partial s_i}}{{\\partial x_j}} = {jacobian},\\qquad s = {symbol}(x)"
        ),
        "reduction": f"{symbol}([x, 0])_1 = {sp.latex(analysis.two_class_reduction)}",
        "reduction_matches": matches,
        "dimension": analysis.dimension_checked,
        "facts": facts,
        "kinks": [],
    }


def _agree_at_probes(first: sp.Expr, second: sp.Expr) -> bool:
    """A cheap numeric filter before the symbolic check: most pairs differ at x = 1/3."""
    x = sp.Symbol("x", real=True)
    for probe in (sp.Rational(1, 3), sp.Rational(-7, 5)):
        a, b = sp.N(first.subs(x, probe)), sp.N(second.subs(x, probe))
        if not (a.is_number and b.is_number) or abs(a - b) > 1e-9:
            return False
    return True


def _framework_row(activation: Activation, name: str) -> dict[str, object]:
    entry = activation.framework(name)
    assert entry is not None
    overrides = dict(entry.defaults)
    defaults = []
    for p in activation.parameters:
        value = overrides.get(p.name, p.default)
        if value is None:
            defaults.append(f"{p.name}: required")
        elif value != p.default:
            defaults.append(f"**{p.name} = {_number(value)}** (differs)")
        else:
            defaults.append(f"{p.name} = {_number(value)}")
    defaults += [f"{key} = {value!r}" for key, value in entry.fixed]
    return {
        "title": FRAMEWORK_TITLES[name],
        "function": entry.function,
        "module": entry.module,
        "defaults": ", ".join(defaults),
        "note": entry.note,
    }


def _tolerance_text(activation: Activation) -> str | None:
    """The asserted agreement with PyTorch, in words: "f exactly, the gradient within …"."""
    entry = activation.framework("pytorch")
    if entry is None or entry.tolerance is None:
        return None
    bound = entry.tolerance
    parts = []
    for label, relative, absolute in (
        ("f", bound.f_relative, bound.f_absolute),
        ("the gradient", bound.df_relative, bound.df_absolute),
    ):
        if relative == 0 and absolute == 0:
            parts.append(f"{label} exactly")
            continue
        terms = [
            f"{absolute:.2g}" if absolute else "",
            f"{relative:.2g}·|exact|" if relative else "",
        ]
        parts.append(f"{label} within {' + '.join(t for t in terms if t)}")
    return ", ".join(parts)


def _overview_row(entry: Entry) -> dict[str, object]:
    activation = entry.activation
    if entry.elementwise is not None:
        properties = entry.elementwise.properties
        value_range_text = value_range(properties.range)
        monotonic = monotonicity(properties.monotonicity)
        continuity = smoothness(properties.smoothness)
    else:
        assert entry.vector is not None
        value_range_text = value_range(entry.vector.component_range) + " per component"
        monotonic = "—"
        continuity = smoothness(entry.vector.smoothness)
    return {
        "entry": entry,
        "formula": formulas(activation, entry.analysis).definition,
        "range": value_range_text,
        "monotonic": monotonic,
        "continuity": continuity,
        "use": activation.uses[0],
    }


def _examples(entries: Sequence[Entry]) -> dict[str, list[Entry]]:
    """Computed lists the properties page cites (e.g. which entries saturate)."""
    lists: dict[str, list[Entry]] = {
        "saturating": [],
        "unbounded": [],
        "zero_centred": [],
        "not_zero_centred": [],
        "kinked": [],
        "non_monotonic": [],
        "hard_left": [],
        "smooth": [],
        "self_gated": [],
    }
    for entry in entries:
        analysis = entry.elementwise
        if analysis is None:
            continue
        p = analysis.properties
        if p.left.saturation is Saturation.SOFT and p.right.saturation is Saturation.SOFT:
            lists["saturating"].append(entry)
        if p.bounded_above is False:
            lists["unbounded"].append(entry)
        if p.zero_centred is True:
            lists["zero_centred"].append(entry)
        if p.zero_centred is False:
            lists["not_zero_centred"].append(entry)
        if p.kinks:
            lists["kinked"].append(entry)
        if p.monotonicity is Monotonicity.NOT_MONOTONIC:
            lists["non_monotonic"].append(entry)
        if p.left.saturation is Saturation.HARD:
            lists["hard_left"].append(entry)
        if p.smoothness is not None and p.smoothness.infinite:
            lists["smooth"].append(entry)
        if p.self_gated:
            lists["self_gated"].append(entry)
    return lists


def _number(value: sp.Expr) -> str:
    """Defaults as people write them: 0.01, not 1/100."""
    return str(int(value)) if value.is_Integer else repr(float(value))
