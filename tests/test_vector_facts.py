"""Softmax-like maps: "components sum to 1" decided for each, and true to the numbers."""

from __future__ import annotations

import numpy as np
import sympy as sp

from generator.analysis.vector import components
from generator.records.catalog import Activation
from tests.conftest import VECTOR, each, vector_analysis

DIMENSION = 4


@each(VECTOR)
def test_sums_to_one_is_decided_and_true(activation: Activation) -> None:
    analysis = vector_analysis(activation)
    assert analysis.sums_to_one is not None
    outputs = components(activation.at_defaults(), DIMENSION)
    inputs = sorted({s for o in outputs for s in o.atoms(sp.Indexed)}, key=str)
    total = sp.lambdify(inputs, sp.Add(*outputs), modules="numpy")
    rng = np.random.default_rng(7)
    sums = [total(*rng.normal(0, 3, DIMENSION)) for _ in range(20)]
    assert np.allclose(sums, 1.0, rtol=1e-12) == analysis.sums_to_one


def test_log_softmax_does_not_sum_to_one() -> None:
    entry = next(a for a in VECTOR if a.id == "log_softmax")
    assert vector_analysis(entry).sums_to_one is False
