"""``activations.csv``: the properties table as plain values, one row per activation.

Built from the same analyses as the pages and ``activations.json``; undetermined values
are empty cells, ranges are written in interval notation with ``inf``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Final

import sympy as sp

from generator.present.data import continuity_class
from generator.records.analysis import Analysis, ElementwiseAnalysis, Properties, VectorAnalysis
from generator.records.catalog import Activation
from generator.records.published import CSV_COLUMNS

COLUMNS: Final = tuple(column.name for column in CSV_COLUMNS)

Cell = str | bool | None


def properties_csv(records: Sequence[tuple[Activation, Analysis]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for activation, analysis in records:
        row = _row(activation, analysis)
        writer.writerow([_text(row.get(column)) for column in COLUMNS])
    return buffer.getvalue()


def _row(activation: Activation, analysis: Analysis) -> dict[str, Cell]:
    row: dict[str, Cell] = {
        "id": activation.id,
        "name": activation.name,
        "family": activation.family.slug,
        "kind": activation.kind.value,
    }
    for framework in ("pytorch", "keras", "jax"):
        entry = activation.framework(framework)
        row[framework] = None if entry is None else (entry.module or entry.function)
    if isinstance(analysis, ElementwiseAnalysis):
        row |= _elementwise(analysis.properties)
    elif isinstance(analysis, VectorAnalysis):
        row["range"] = interval(analysis.component_range)
        row["continuity_class"] = "C^inf" if analysis.smoothness else None
    return row


def _elementwise(p: Properties) -> dict[str, Cell]:
    return {
        "range": interval(p.range),
        "bounded_below": p.bounded_below,
        "bounded_above": p.bounded_above,
        "monotonicity": p.monotonicity.value if p.monotonicity else None,
        "zero_centred": p.zero_centred,
        "odd": p.odd,
        "continuity_class": continuity_class(p.smoothness),
        "non_differentiable_at": (
            None if p.kinks is None else " ".join(_number(k.at) for k in p.kinks) or "none"
        ),
        "saturates_left": p.left.saturation.value if p.left.saturation else None,
        "saturates_right": p.right.saturation.value if p.right.saturation else None,
        "self_gated": p.self_gated,
        "f_at_0": None if p.value_at_zero is None else _number(p.value_at_zero),
        "derivative_at_0": None if p.derivative_at_zero is None else _number(p.derivative_at_zero),
    }


def interval(domain: sp.Set | None) -> str | None:
    """``[-1, inf)``, ``(0, 1)``, ``{0, 1}``; unions joined by `` U ``."""
    if domain is None:
        return None
    if isinstance(domain, sp.Union):
        return " U ".join(filter(None, (interval(part) for part in domain.args)))
    if isinstance(domain, sp.Interval):
        left = "(" if domain.left_open else "["
        right = ")" if domain.right_open else "]"
        return f"{left}{_number(domain.start)}, {_number(domain.end)}{right}"
    if isinstance(domain, sp.FiniteSet):
        return "{" + ", ".join(_number(v) for v in sorted(domain.args, key=float)) + "}"
    return str(domain)


def _number(value: sp.Expr) -> str:
    if value == sp.oo:
        return "inf"
    if value == -sp.oo:
        return "-inf"
    if isinstance(value, sp.Integer):
        return str(value)
    return f"{float(value):.10g}"


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
