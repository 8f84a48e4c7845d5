"""The accuracy report (``implementations/accuracy.json``) read for the pages.

The report is measured by ``make bench-accuracy``, never by the site build: the pages only
publish it, and say so when the code has changed since it was measured.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from generator import implementations
from generator.numerics.ulp import Summary

TARGET_ULP: Final = {"float64": 2.0, "float32": 0.5}
CONTENDERS: Final = {
    "ours": "This page's NumPy code",
    "naive": "Naive formula",
    "pytorch": "PyTorch",
}


@dataclass(frozen=True)
class Measured:
    """One contender's errors: ``(dtype, quantity) → Summary``."""

    who: str
    label: str
    summaries: tuple[tuple[str, str, Summary], ...]

    def summary(self, dtype: str, quantity: str) -> Summary:
        return next(s for d, q, s in self.summaries if (d, q) == (dtype, quantity))


@dataclass(frozen=True)
class Accuracy:
    """Everything the page says about one activation's numerical accuracy."""

    measured: tuple[Measured, ...]
    current: bool  # measured on the module as it is now
    grid: str
    versions: str

    def ours(self) -> Measured | None:
        return next((m for m in self.measured if m.who == "ours"), None)

    def shortfalls(self) -> tuple[str, ...]:
        """Targets our code misses, as sentences with the figure."""
        ours = self.ours()
        if ours is None:
            return ()
        missed = []
        for dtype, quantity, summary in ours.summaries:
            target = TARGET_ULP[dtype]
            name = "f" if quantity == "f" else "f′"
            if summary.non_finite:
                missed.append(f"{name} in {dtype}: {summary.non_finite} non-finite outputs")
            if summary.max_ulp is not None and summary.max_ulp > target:
                shown = f"{summary.max_ulp:.3g}"
                if float(shown) <= target:  # just over: show the digits that make it a miss
                    shown = f"{summary.max_ulp:.10f}".rstrip("0")
                missed.append(f"{name} in {dtype}: {shown} ULP (target {target:g})")
        return tuple(missed)


def load(path: Path = implementations.REPORT) -> dict[str, Accuracy]:
    if not path.is_file():
        return {}
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    versions = ", ".join(f"{name} {version}" for name, version in raw["versions"].items())
    grid = f"{raw['grid']['points']:,} points: {raw['grid']['description']}"
    return {
        activation_id: Accuracy(
            measured=tuple(_measured(who, results) for who, results in entry["results"].items()),
            current=entry["implementation"] == implementations.digest(activation_id),
            grid=grid,
            versions=versions,
        )
        for activation_id, entry in raw["entries"].items()
    }


def _measured(who: str, results: dict[str, dict[str, dict[str, Any]]]) -> Measured:
    fields = Summary.__dataclass_fields__
    summaries = tuple(
        (dtype, quantity, Summary(**{k: v for k, v in values.items() if k in fields}))
        for dtype, by_quantity in results.items()
        for quantity, values in by_quantity.items()
    )
    return Measured(who, CONTENDERS.get(who, who), summaries)
