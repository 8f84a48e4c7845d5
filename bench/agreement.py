"""`make bench-agreement`: how closely PyTorch, Keras and JAX match each formula, measured.

For every entry and every call it names (function and layer), in float64, on the grid of
``generator.numerics.agreement`` (and random vectors for vector kinds): the largest error
of f and of autograd's f′, split into absolute where |exact| < 1 and relative where
|exact| ≥ 1, beside the ``tolerance`` the catalog states, which the tests assert. Prints
one line per entry and framework and the bound to state where the catalog's is missing or
does not hold.

    python bench/agreement.py [--only id,id]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.analysis import analyse  # noqa: E402
from generator.catalog.loader import load_catalog  # noqa: E402
from generator.numerics import agreement  # noqa: E402
from generator.numerics.frameworks import (  # noqa: E402
    outputs_and_jacobians,
    values_and_gradients,
)
from generator.records.analysis import ElementwiseAnalysis  # noqa: E402
from generator.records.catalog import Activation, Kind  # noqa: E402
from generator.records.frameworks import FrameworkEntry, Tolerance  # noqa: E402


def measure(activation: Activation, entry: FrameworkEntry) -> tuple[agreement.Errors, bool]:
    """The largest errors over every call and setting, and whether the stated bound holds."""
    worst = agreement.Errors(0.0, 0.0, 0.0, 0.0)
    holds = True
    kinds = [kind for kind, _ in entry.named_calls]
    if activation.kind is Kind.VECTOR:
        points = agreement.vectors()
        expected = agreement.exact_vector(activation, points)
        for kind in kinds:
            found = outputs_and_jacobians(activation, entry.framework, points, kind)
            flat = (found[0].ravel(), found[1].ravel())
            exact = (expected[0].ravel(), expected[1].ravel())
            worst = worst.worst(agreement.errors(flat, exact))
            holds &= agreement.within(flat, exact, entry.tolerance)
        return worst, holds
    analysis = analyse(activation)
    assert isinstance(analysis, ElementwiseAnalysis)
    for setting in agreement.settings(activation, entry):
        values = agreement.parameter_values(activation, setting)
        grid = agreement.grid(activation, values)
        grid = grid[agreement.intended(activation, entry.framework, values, grid)]
        x = activation.variable
        exact = (
            agreement.exact(activation.expression.subs(values), x, grid),
            agreement.exact(analysis.derivative.subs(values), x, grid),
        )
        for kind in kinds:
            found = values_and_gradients(activation, entry.framework, values, grid, kind)
            worst = worst.worst(agreement.errors(found, exact))
            holds &= agreement.within(found, exact, entry.tolerance)
    return worst, holds


def yaml_bound(tolerance: Tolerance) -> str:
    terms = [f"{name}: {value:.1e}" for name, value in asdict(tolerance).items() if value]
    return "{" + ", ".join(terms) + "}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated entry ids")
    arguments = parser.parse_args()
    only = set(arguments.only.split(",")) if arguments.only else None
    np.seterr(all="ignore")
    for activation in load_catalog():
        if only and activation.id not in only:
            continue
        for entry in activation.frameworks:
            errors, holds = measure(activation, entry)
            fitted = errors.fitted()
            verdict = "ok" if holds else "state"
            print(
                f"{activation.id:16} {entry.framework:8} {verdict:5} measured "
                f"{yaml_bound(fitted)}  stated {yaml_bound(entry.tolerance)}",
                flush=True,
            )


if __name__ == "__main__":
    main()
