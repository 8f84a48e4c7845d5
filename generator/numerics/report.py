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
from generator.implementations import forms
from generator.numerics.ulp import Summary

TARGET_ULP: Final = {"float64": 2.0, "float32": 0.5}  # the accurate modules' targets
CONTENDERS: Final = {
    "short": "Short NumPy",
    "accurate": "Accurate NumPy",
    "naive": "Naive formula",
    "pytorch": "PyTorch",
}
REGIONS: Final = {"centre": "|x|\u00a0≤\u00a010", "tails": "10\u00a0<\u00a0|x|\u00a0≤\u00a0750"}


@dataclass(frozen=True)
class Measured:
    """One contender's errors: ``(dtype, quantity, region) → Summary``."""

    who: str
    label: str
    summaries: tuple[tuple[str, str, str, Summary], ...]

    def summary(self, dtype: str, quantity: str, region: str) -> Summary:
        return next(s for d, q, r, s in self.summaries if (d, q, r) == (dtype, quantity, region))


@dataclass(frozen=True)
class Setting:
    """Every contender at one setting of the parameters (the first is the defaults)."""

    parameters: tuple[tuple[str, float], ...]
    measured: tuple[Measured, ...]

    def of(self, who: str) -> Measured | None:
        return next((m for m in self.measured if m.who == who), None)


@dataclass(frozen=True)
class Accuracy:
    """Everything the page says about one activation's numerical accuracy."""

    settings: tuple[Setting, ...]
    current: bool  # the accurate module was measured as it is now
    short_current: bool  # and the short form
    grid: tuple[int, str]  # how many points, and how they are spread
    versions: str

    @property
    def defaults(self) -> Setting:
        return self.settings[0]

    def shortfalls(self) -> tuple[tuple[str, str, str | None, str | None, float], ...]:
        """Targets the accurate module misses at the defaults: (f or f′, dtype, how many
        non-finite outputs or None, the ULP figure or None, the target)."""
        ours = self.defaults.of("accurate")
        if ours is None:
            return ()
        missed: list[tuple[str, str, str | None, str | None, float]] = []
        for dtype, target in TARGET_ULP.items():
            for quantity in ("f", "df"):
                name = "f" if quantity == "f" else "f′"
                summaries = [ours.summary(dtype, quantity, region) for region in REGIONS]
                non_finite = sum(s.non_finite for s in summaries)
                worst = max((s.max_ulp for s in summaries if s.max_ulp is not None), default=None)
                if non_finite:
                    missed.append((name, dtype, f"{non_finite}", None, target))
                if worst is not None and worst > target:
                    shown = f"{worst:.3g}"
                    if float(shown) <= target:  # just over: show the digits that make it a miss
                        shown = f"{worst:.10f}".rstrip("0")
                    missed.append((name, dtype, None, shown, target))
        return tuple(missed)


def load(path: Path = implementations.REPORT) -> dict[str, Accuracy]:
    if not path.is_file():
        return {}
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    versions = ", ".join(f"{name} {version}" for name, version in raw["versions"].items())
    grid = (int(raw["grid"]["points"]), str(raw["grid"]["description"]))
    return {
        activation_id: Accuracy(
            settings=tuple(_setting(setting) for setting in entry["settings"]),
            current=entry["implementation"] == implementations.digest(activation_id),
            short_current=entry["short"] == forms.digest(forms.SHORT, activation_id),
            grid=grid,
            versions=versions,
        )
        for activation_id, entry in raw["entries"].items()
    }


def _setting(raw: dict[str, Any]) -> Setting:
    return Setting(
        parameters=tuple((name, float(value)) for name, value in raw["parameters"].items()),
        measured=tuple(_measured(who, results) for who, results in raw["results"].items()),
    )


def _measured(who: str, results: dict[str, dict[str, dict[str, dict[str, Any]]]]) -> Measured:
    fields = Summary.__dataclass_fields__
    summaries = tuple(
        (dtype, quantity, region, Summary(**{k: v for k, v in values.items() if k in fields}))
        for dtype, by_quantity in results.items()
        for quantity, by_region in by_quantity.items()
        for region, values in by_region.items()
    )
    return Measured(who, CONTENDERS.get(who, who), summaries)
