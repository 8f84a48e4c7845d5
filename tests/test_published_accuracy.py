"""The accuracy figures the pages publish (``accuracy.json``, from ``make bench-accuracy``).

Each figure is re-measured on every 16th point of the benchmark grid, against the same
mpmath reference, for the short form and the accurate module, at every setting of the
parameters and in every region: no point may do worse than the published maximum, and the
report must have been measured on the code as it is now.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any, Final

import numpy as np
import pytest

from generator import implementations
from generator.implementations import forms
from generator.numerics import measure, report
from generator.numerics.grid import accuracy_grid
from generator.numerics.ulp import summarise
from generator.records.catalog import Activation, Kind
from tests.conftest import CATALOG, MEMO, each, elementwise_analysis

ELEMENTWISE = tuple(a for a in CATALOG if a.kind is Kind.ELEMENTWISE)
SUBSET: Final = accuracy_grid()[::16]
CODES: Final = {
    "accurate": implementations.functions,
    "short": forms.short_functions,
}


def _report() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(implementations.REPORT.read_text(encoding="utf-8"))
    return loaded


def test_every_elementwise_entry_is_measured() -> None:
    assert set(_report()["entries"]) == {a.id for a in ELEMENTWISE}


def test_regions_are_named_as_measured() -> None:
    assert set(report.REGIONS) == set(measure.REGIONS)


@each(ELEMENTWISE)
def test_measured_on_the_code_as_it_is(activation: Activation) -> None:
    entry = _report()["entries"][activation.id]
    assert entry["implementation"] == implementations.digest(activation.id), (
        "the accurate module changed since it was measured: run make bench-accuracy"
    )
    assert entry["short"] == forms.digest(forms.SHORT, activation.id), (
        "the short form changed since it was measured: run make bench-accuracy"
    )
    settings = [s["parameters"] for s in entry["settings"]]
    assert settings[0] == {p.name: float(p.default) for p in activation.parameters}
    assert len(settings) == (2 if activation.parameters else 1)


@each(ELEMENTWISE)
@pytest.mark.parametrize("who", list(CODES))
@pytest.mark.parametrize("quantity", measure.QUANTITIES)
def test_meets_its_published_accuracy(
    activation: Activation, who: str, quantity: measure.Quantity
) -> None:
    found = CODES[who](activation.id)
    assert found is not None
    function = dict(zip(measure.QUANTITIES, found, strict=True))[quantity]
    analysis = elementwise_analysis(activation)
    published_settings = _report()["entries"][activation.id]["settings"]
    for setting, values in zip(published_settings, measure.settings(activation), strict=True):
        keywords = {symbol.name: float(value) for symbol, value in values.items()}
        assert setting["parameters"] == keywords
        case = measure.case(activation, analysis, quantity, SUBSET, MEMO, values)
        zeros = np.array(setting["zeros"][quantity], dtype=np.float64)
        published = setting["results"][who]
        for name, dtype in measure.DTYPES.items():
            outcomes = measure.run_regions(partial(function, **keywords), case, dtype, zeros)
            for region, outcome in outcomes.items():
                assert not outcome.warnings, outcome.warnings
                summary = summarise(outcome.errors)
                bound = published[name][quantity][region]
                where = f"{name}, {region}, {keywords}"
                assert summary.non_finite <= bound["non_finite"], where
                assert summary.wrong_special <= bound["wrong_special"], where
                if summary.max_ulp is not None:
                    assert summary.max_ulp <= bound["max_ulp"] * (1 + 1e-9), where
                if summary.max_absolute is not None:
                    assert summary.max_absolute <= bound["max_absolute"] * (1 + 1e-9), where
