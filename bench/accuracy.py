"""`make bench-accuracy`: error in ULPs of every elementwise implementation, in one run.

For each elementwise entry (a gated unit uses its gate's entry), on the fixed 20,000-point
grid over [−750, 750]: f and f′ in float64 and float32, split into |x| ≤ 10 and the tails,
for the short NumPy form (the page's first tab), the accurate module (folded below it), the
naive formula (SymPy's lambdify of the definition and of f′) and PyTorch, against mpmath at
≥ 50 digits (cached in .cache/). Entries with parameters are measured at the defaults and
at one other setting (each p becomes 5p/2 + 1/4). Writes
generator/implementations/accuracy.json, which the pages publish, and prints the table.

    python bench/accuracy.py [--only id,id] [--jobs N] [--report PATH]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import sympy as sp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator import implementations  # noqa: E402
from generator.analysis import analyse_all  # noqa: E402
from generator.analysis.pieces import canonical  # noqa: E402
from generator.build.cache import Cache  # noqa: E402
from generator.build.progress import Progress  # noqa: E402
from generator.catalog.loader import load_catalog  # noqa: E402
from generator.implementations import forms  # noqa: E402
from generator.numerics import measure  # noqa: E402
from generator.numerics.grid import accuracy_grid  # noqa: E402
from generator.numerics.ulp import summarise, zeros_on  # noqa: E402
from generator.paths import Paths  # noqa: E402
from generator.records.analysis import ElementwiseAnalysis  # noqa: E402
from generator.records.catalog import Activation, Kind  # noqa: E402

Array = np.ndarray[Any, np.dtype[np.float64]]
Function = Callable[[Array], object]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="comma-separated ids; others kept as they are")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--report", type=Path, default=implementations.REPORT)
    arguments = parser.parse_args()
    catalog = [a for a in load_catalog() if a.kind is Kind.ELEMENTWISE]
    if arguments.only:
        wanted = set(arguments.only.split(","))
        unknown = wanted - {a.id for a in catalog}
        if unknown:
            parser.error(f"not elementwise entries: {', '.join(sorted(unknown))}")
        catalog = [a for a in catalog if a.id in wanted]
    memo = Cache(Paths.default().cache)
    steps = Progress.silent().stage("deriving", len(catalog))
    analyses = analyse_all(catalog, memo, steps, jobs=arguments.jobs)
    grid = accuracy_grid()
    tasks = [
        (activation, analysis, quantity, setting)
        for activation, analysis in zip(catalog, analyses, strict=True)
        if isinstance(analysis, ElementwiseAnalysis)
        for setting in measure.settings(activation)
        for quantity in measure.QUANTITIES
    ]
    print(
        f"exact values: {len(tasks)} (entry, setting, quantity) on {grid.size} points", flush=True
    )
    with multiprocessing.get_context("forkserver").Pool(arguments.jobs) as pool:
        cases = pool.starmap(_case, [(a, an, q, v, grid) for a, an, q, v in tasks])
    by_entry: dict[tuple[str, int], dict[str, measure.Case]] = {}
    for (activation, _, quantity, setting), found in zip(tasks, cases, strict=True):
        index = measure.settings(activation).index(setting)
        by_entry.setdefault((activation.id, index), {})[quantity] = found
    report = _existing(arguments.report) if arguments.only else {}
    entries: dict[str, Any] = report.get("entries", {})
    for activation, analysis in zip(catalog, analyses, strict=True):
        if isinstance(analysis, ElementwiseAnalysis):
            settings = [
                _setting(activation, analysis, values, by_entry[(activation.id, index)])
                for index, values in enumerate(measure.settings(activation))
            ]
            entries[activation.id] = {
                "implementation": implementations.digest(activation.id),
                "short": forms.digest(forms.SHORT, activation.id),
                "settings": settings,
            }
    report = _header(grid) | {"entries": dict(sorted(entries.items()))}
    arguments.report.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    _print(report, [a.id for a in catalog])


def _case(
    activation: Activation,
    analysis: ElementwiseAnalysis,
    quantity: measure.Quantity,
    values: measure.Values,
    grid: Array,
) -> measure.Case:
    memo = Cache(Paths.default().cache)
    return measure.case(activation, analysis, quantity, grid, memo, values)


def _existing(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _header(grid: Array) -> dict[str, Any]:
    versions = {"numpy": np.__version__, "sympy": sp.__version__}
    torch = _torch()
    if torch is not None:
        versions["torch"] = torch.__version__
    return {
        "grid": {
            "points": int(grid.size),
            "description": (
                "4k log-spaced |x| in [1e-20, 1), 8k uniform in [-10, 10], 8k log-spaced |x| "
                "in [1, 750], both signs, every point a float32 number"
            ),
        },
        "reference": "mpmath, 50 significant digits, raised until two precisions agree",
        "versions": versions,
    }


def _setting(
    activation: Activation,
    analysis: ElementwiseAnalysis,
    values: measure.Values,
    cases: dict[str, measure.Case],
) -> dict[str, Any]:
    """Every contender's errors at one setting of the parameters, by dtype, quantity, region."""
    keywords = {symbol.name: float(value) for symbol, value in values.items()}
    contenders: dict[str, dict[str, Function]] = {}
    for who, found in (
        ("short", forms.short_functions(activation.id)),
        ("accurate", implementations.functions(activation.id)),
    ):
        if found is not None:
            contenders[who] = {
                q: _bound(fn, keywords) for q, fn in zip(measure.QUANTITIES, found, strict=True)
            }
    contenders["naive"] = _naive(activation, analysis, values)
    if activation.framework("pytorch") is not None:
        contenders["pytorch"] = _pytorch(activation, values)
    # Where f and f′ cross zero (±0.02 is measured by absolute error): the tests classify
    # their coarser grid by these, so what they measure is a subset of what is published.
    zeros = {q: zeros_on(c.grid, c.exact) for q, c in cases.items()}
    results: dict[str, Any] = {}
    for name, functions in contenders.items():
        results[name] = {}
        for dtype_name, dtype in measure.DTYPES.items():
            results[name][dtype_name] = {}
            for quantity, function in functions.items():
                outcomes = measure.run_regions(function, cases[quantity], dtype, zeros[quantity])
                results[name][dtype_name][quantity] = {
                    region: asdict(summarise(outcome.errors)) | {"warnings": list(outcome.warnings)}
                    for region, outcome in outcomes.items()
                }
    return {
        "parameters": keywords,
        "zeros": {q: z.tolist() for q, z in zeros.items()},
        "results": results,
    }


def _bound(function: Callable[..., object], keywords: dict[str, float]) -> Function:
    return lambda x: function(x, **keywords)


def _naive(
    activation: Activation, analysis: ElementwiseAnalysis, values: measure.Values
) -> dict[str, Function]:
    """What the printed code does: the formula as written, element by element."""
    modules = ["numpy", "scipy"]
    expressions = measure.expressions(activation, analysis, values)
    return {
        quantity: _broadcast(sp.lambdify(activation.variable, canonical(e), modules=modules))
        for quantity, e in expressions.items()
    }


def _broadcast(function: Callable[[Array], object]) -> Function:
    def call(x: Array) -> object:
        return np.broadcast_to(np.asarray(function(x)), x.shape)

    return call


def _torch() -> Any:
    try:
        import torch
    except ImportError:
        return None
    return torch


def _pytorch(activation: Activation, values: measure.Values) -> dict[str, Function]:
    """The torch.nn module and its autograd gradient, in the dtype of the input."""
    from generator.numerics.frameworks import pytorch_callable

    torch = _torch()

    def forward(x: Array) -> tuple[Any, Any]:
        dtype = torch.float32 if x.dtype == np.float32 else torch.float64
        call = pytorch_callable(activation, values, dtype)
        tensor = torch.tensor(x, dtype=dtype, requires_grad=True)
        return tensor, call(tensor)

    def f(x: Array) -> object:
        with torch.no_grad():
            return forward(x)[1].detach().numpy()

    def df(x: Array) -> object:
        tensor, output = forward(x)
        (gradient,) = torch.autograd.grad(output.sum(), tensor)
        return gradient.numpy()

    return {"f": f, "df": df}


def _print(report: dict[str, Any], ids: list[str]) -> None:
    """The maximum ULP error at the defaults, |x| ≤ 10 then the tails, per contender."""
    print(f"\n{'entry':<18}{'who':<10}" + "".join(f" {h:>15}" for h in _COLUMNS))
    for activation_id in ids:
        entry = report["entries"].get(activation_id)
        if entry is None:
            continue
        for who, by_dtype in entry["settings"][0]["results"].items():
            cells = [
                "/".join(_cell(by_dtype[dtype][quantity][region]) for region in measure.REGIONS)
                for dtype in measure.DTYPES
                for quantity in measure.QUANTITIES
            ]
            print(f"{activation_id:<18}{who:<10}" + "".join(f" {c:>15}" for c in cells))


_COLUMNS = ("f64 f", "f64 f'", "f32 f", "f32 f'")


def _cell(summary: dict[str, Any]) -> str:
    if summary["non_finite"] or summary["wrong_special"]:
        return "NaN"
    value = summary["max_ulp"]
    return "-" if value is None else f"{value:.2g}"


if __name__ == "__main__":
    main()
