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

from generator.present.data import verdicts
from generator.present.printers import text_interval, text_number
from generator.records.analysis import Analysis, ElementwiseAnalysis, Properties, VectorAnalysis
from generator.records.catalog import Activation
from generator.records.published import CSV_COLUMNS

COLUMNS: Final = tuple(column.name for column in CSV_COLUMNS)

# What makes a spreadsheet read a cell as a formula.
_FORMULA_STARTS: Final = frozenset("=+-@\t\r")
CsvValue = str | bool | None  # a field before it is text: None is empty, booleans true/false


def properties_csv(records: Sequence[tuple[Activation, Analysis]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for activation, analysis in records:
        row = _row(activation, analysis)
        writer.writerow([_field(row.get(column)) for column in COLUMNS])
    return buffer.getvalue()


def _row(activation: Activation, analysis: Analysis) -> dict[str, CsvValue]:
    row: dict[str, CsvValue] = {
        "id": activation.id,
        "name": _text(activation.name),
        "family": activation.family.slug,
        "kind": activation.kind.value,
    }
    for framework in ("pytorch", "keras", "jax"):
        entry = activation.framework(framework)
        call = None if entry is None else (entry.module or entry.function)
        row[framework] = None if call is None else call.dotted
    if isinstance(analysis, ElementwiseAnalysis):
        row |= _elementwise(analysis.properties)
    elif isinstance(analysis, VectorAnalysis):
        domain = analysis.component_range
        row["range"] = None if domain is None else text_interval(domain)
        row["continuity_class"] = "C^inf" if analysis.smoothness else None
    return row


def _elementwise(p: Properties) -> dict[str, CsvValue]:
    return {
        "range": None if p.range is None else text_interval(p.range),
        **verdicts(p),
        "non_differentiable_at": (
            None if p.kinks is None else " ".join(text_number(k.at) for k in p.kinks) or "none"
        ),
        "saturates_left": p.left.saturation.value if p.left.saturation else None,
        "saturates_right": p.right.saturation.value if p.right.saturation else None,
        "self_gated": p.self_gated,
        "mean": None if p.moments is None else _float(p.moments.mean.value),
        "second_moment": None if p.moments is None else _float(p.moments.second.value),
        "slope_second_moment": None if p.moments is None else _float(p.moments.slope_second.value),
        "gain": None
        if p.moments is None or p.moments.gain is None
        else _float(p.moments.gain.value),
        "f_at_0": None if p.value_at_zero is None else text_number(p.value_at_zero),
        "derivative_at_0": None
        if p.derivative_at_zero is None
        else text_number(p.derivative_at_zero),
    }


def _float(value: sp.Expr) -> str:
    """A moment to 17 significant digits: enough to tell any two floats apart."""
    return repr(float(value))


def _text(value: str) -> str:
    """Catalog text as a cell a spreadsheet shows as text: one starting like a formula
    (``=``, ``+``, ``-``, ``@``) is prefixed with an apostrophe, as spreadsheets expect."""
    return f"'{value}" if value[:1] in _FORMULA_STARTS else value


def _field(value: CsvValue) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
