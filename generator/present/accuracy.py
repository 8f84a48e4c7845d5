"""The "Numerical accuracy" table of a page, as text cells, from the measured report."""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.numerics.report import TARGET_ULP, Accuracy
from generator.numerics.ulp import Summary

COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("float64", "f", "f, float64"),
    ("float64", "df", "f′, float64"),
    ("float32", "f", "f, float32"),
    ("float32", "df", "f′, float32"),
)


@dataclass(frozen=True)
class AccuracyView:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    shortfalls: tuple[str, ...]
    current: bool
    grid: str
    versions: str
    targets: str


def accuracy_view(accuracy: Accuracy) -> AccuracyView:
    return AccuracyView(
        headers=tuple(label for _, _, label in COLUMNS),
        rows=tuple(
            (_label(m.who, m.label, accuracy), tuple(_cell(m.summary(d, q)) for d, q, _ in COLUMNS))
            for m in accuracy.measured
        ),
        shortfalls=accuracy.shortfalls(),
        current=accuracy.current,
        grid=accuracy.grid,
        versions=accuracy.versions,
        targets=", ".join(f"{ulp:g} ULP in {dtype}" for dtype, ulp in TARGET_ULP.items()),
    )


def _label(who: str, label: str, accuracy: Accuracy) -> str:
    """Without a written module, the page's code is the naive formula: say so in the row."""
    if who == "naive" and accuracy.ours() is None:
        return f"{label} (this page's code)"
    return label


def _cell(summary: Summary) -> str:
    """``max / p99`` in ULP, then the absolute error where ULPs do not apply, then failures."""
    parts = []
    if summary.max_ulp is not None and summary.p99_ulp is not None:
        parts.append(f"{_figure(summary.max_ulp)} / {_figure(summary.p99_ulp)}")
    if summary.max_absolute:
        parts.append(f"abs. {summary.max_absolute:.1e}")
    failures = summary.non_finite + summary.wrong_special
    if failures:
        parts.append(f"**{failures} NaN/inf**")
    return "<br>".join(parts) or "exact"


def _figure(ulp: float) -> str:
    if ulp == 0:
        return "0"
    if not math.isfinite(ulp):
        return "∞"
    if ulp < 100:
        return f"{ulp:.2f}"
    mantissa, exponent = f"{ulp:.1e}".split("e")
    return f"{mantissa}e{int(exponent)}"
