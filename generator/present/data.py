"""The machine-readable catalog, ``activations.json``: one record per activation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

import sympy as sp

from generator.present.formulas import Formulas, formulas
from generator.present.printers import json_number, latex_interval
from generator.records.analysis import (
    Analysis,
    ElementwiseAnalysis,
    Enclosure,
    Extreme,
    Method,
    Moment,
    Moments,
    Properties,
    Smoothness,
    Tail,
)
from generator.records.catalog import Activation
from generator.records.frameworks import FRAMEWORKS, Argument
from generator.records.published import SCHEMA_VERSION
from generator.records.services import Memo
from generator.records.views import Snippet

Json = dict[str, object]


def catalog_json(records: Sequence[tuple[Activation, Analysis, Snippet]], memo: Memo) -> Json:
    return {
        "schema_version": SCHEMA_VERSION,
        "activations": [_record(*record, memo) for record in records],
    }


def _record(activation: Activation, analysis: Analysis, snippet: Snippet, memo: Memo) -> Json:
    printed = formulas(activation, analysis, memo)
    record: Json = {
        "id": activation.id,
        "name": activation.name,
        "aliases": list(activation.aliases),
        "family": activation.family.slug,
        "kind": activation.kind.value,
        "variable": "x",
        "expression": sp.srepr(activation.expression),
        "parameters": {p.name: json_number(p.default) for p in activation.parameters},
        "summary": activation.summary,
        "texts": _texts(activation),
        "frameworks": _frameworks(activation),
        "references": [
            {
                "authors": list(r.authors),
                "title": r.title,
                "year": r.year,
                "venue": r.venue,
                "url": r.url,
            }
            for r in activation.references
        ],
        "numpy": {
            "source": snippet.source,
            "accurate": snippet.accurate,
            "printed_from_formula": snippet.printed,
        },
    }
    return record | _derived(analysis, printed)


def _texts(activation: Activation) -> Json:
    """The entry's prose by language: English, and each translation the catalog has."""
    return {
        texts.language: {
            "aliases": list(texts.aliases),
            "summary": texts.summary,
            "adaptive": texts.adaptive,
            "shape": texts.shape,
            "pros": list(texts.pros),
            "cons": list(texts.cons),
            "uses": list(texts.uses),
            "parameters": dict(
                zip((p.name for p in activation.parameters), texts.parameters, strict=True)
            ),
            "kink_notes": list(texts.kink_notes),
            "differences": [
                {"framework": difference.framework, "description": description}
                for difference, description in zip(
                    activation.differences, texts.differences, strict=True
                )
            ],
            "framework_notes": dict(texts.framework_notes),
        }
        for texts in (activation.texts(), *activation.translations)
    }


def _frameworks(activation: Activation) -> Json:
    return {
        entry.framework: {
            "function": entry.function.dotted if entry.function else None,
            "module": entry.module.dotted if entry.module else None,
            "defaults": {
                p.name: _framework_default(entry.calls[0].argument(p.name))
                for p in activation.parameters
            },
            "arguments": {
                kind: {
                    a.parameter: {
                        "keyword": a.keyword,
                        "default": _framework_default(a),
                        "form": a.form,
                    }
                    for a in call.arguments
                }
                for kind, call in entry.named_calls
            },
            "select": {
                s.keyword: {"value": s.value, "default": s.default} for s in entry.selectors
            },
            "tolerance": asdict(entry.tolerance),
        }
        for entry in activation.frameworks
    }


def _derived(analysis: Analysis, printed: Formulas) -> Json:
    """What SymPy derived: f′ (or the Jacobian), f″, their LaTeX and the properties."""
    if isinstance(analysis, ElementwiseAnalysis):
        return {
            "derivative": sp.srepr(analysis.derivative),
            "second_derivative": sp.srepr(analysis.second_derivative),
            "latex": {
                "function": printed.definition,
                "derivative": printed.first,
                "second_derivative": printed.second,
                # The named inner functions f′ and f″ are written in (GELU-tanh's u, u′, u″)
                # and the named constants' values (SELU's λ, α).
                "where": list(printed.inner),
                "constants": list(printed.constants),
            },
            "properties": _properties(analysis.properties),
        }
    return {
        "derivative": sp.srepr(analysis.jacobian_entry),
        "second_derivative": None,
        "latex": {
            "function": printed.definition,
            "jacobian": sp.latex(analysis.jacobian_entry),
        },
        "properties": {
            "component_range": _set(analysis.component_range),
            "sums_to_one": analysis.sums_to_one,
            "shift_invariant": analysis.shift_invariant,
            "two_class_reduction": sp.srepr(analysis.two_class_reduction),
            "continuity_class": "C^inf" if analysis.smoothness else None,
        },
    }


def _properties(p: Properties) -> Json:
    """``null`` wherever SymPy could not decide."""
    return {
        "range": _set(p.range),
        **verdicts(p),
        "non_differentiable_at": (
            None if p.kinks is None else [json_number(kink.at) for kink in p.kinks]
        ),
        "gradient_at_kinks": (
            None
            if p.kinks is None
            else [
                {
                    "at": json_number(kink.at),
                    "left": json_number(kink.left_derivative),
                    "right": json_number(kink.right_derivative),
                    **{
                        framework: (
                            sp.sstr(value)
                            if kink.convention
                            and (value := kink.convention.value(framework)) is not None
                            else None
                        )
                        for framework in FRAMEWORKS
                    },
                }
                for kink in p.kinks
            ]
        ),
        "saturation": {"minus_infinity": _tail(p.left), "plus_infinity": _tail(p.right)},
        "f_at_0": json_number(p.value_at_zero),
        "derivative_at_0": json_number(p.derivative_at_zero),
        "identity_near_0": p.identity_near_zero,
        "self_gated": p.self_gated,
        "extremes": [_extreme(extreme) for extreme in p.extremes],
        "gaussian_moments": None if p.moments is None else _moments(p.moments),
    }


def _known(value: sp.Expr, enclosure: Enclosure | None, method: Method) -> Json:
    """A number with its proof: the float, the exact form (null if only certified), and the
    enclosure's ends as exact decimal strings (null where there is none)."""
    return {
        "value": json_number(value),
        "exact": sp.sstr(value) if method is Method.EXACT else None,
        "method": method.value,
        "enclosure": None
        if enclosure is None
        else [sp.sstr(enclosure.low), sp.sstr(enclosure.high)],
    }


def _extreme(extreme: Extreme) -> Json:
    return {
        "kind": extreme.kind,
        "value": _known(extreme.value, extreme.value_enclosure, extreme.value_method),
        "at": _known(extreme.at, extreme.at_enclosure, extreme.at_method),
    }


def _moments(moments: Moments) -> Json:
    def one(moment: Moment) -> Json:
        return _known(moment.value, moment.enclosure, moment.method)

    return {
        "mean": one(moments.mean),
        "second": one(moments.second),
        "slope_second": one(moments.slope_second),
        "gain": None if moments.gain is None else one(moments.gain),
    }


def verdicts(p: Properties) -> dict[str, bool | str | None]:
    """The yes/no and one-word properties, the same in activations.json and .csv."""
    return {
        "bounded_below": p.bounded_below,
        "bounded_above": p.bounded_above,
        "monotonicity": p.monotonicity.value if p.monotonicity else None,
        "odd": p.odd,
        "continuity_class": continuity_class(p.smoothness),
    }


def _framework_default(argument: Argument) -> float | str | None:
    """The framework's own default; "required" if it has none, null if it takes no such
    argument (the form is fixed at this entry's default)."""
    if argument.keyword is None:
        return None
    if argument.default is None:
        return "required"
    if isinstance(argument.default, str):
        return argument.default
    return json_number(argument.default)


def continuity_class(smoothness: Smoothness | None) -> str | None:
    """``C^1``, ``C^inf``, ``discontinuous``; ``C^2+`` when only a lower bound is known."""
    if smoothness is None:
        return None
    if smoothness.infinite:
        return "C^inf"
    if smoothness.order < 0:
        return "discontinuous"
    return f"C^{smoothness.order}" + ("+" if smoothness.at_least else "")


def _tail(tail: Tail) -> Json:
    return {
        "kind": tail.saturation.value if tail.saturation else None,
        "limit_of_f": json_number(tail.value_limit),
        "limit_of_derivative": json_number(tail.derivative_limit),
    }


def _set(domain: sp.Set | None) -> Json | None:
    """A range as the pages typeset it and as SymPy's exact ``srepr``."""
    if domain is None:
        return None
    return {"latex": latex_interval(domain), "sympy": sp.srepr(domain)}
