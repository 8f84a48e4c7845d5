"""Page weight: a cold load of the pages most readers open, and of the activation pages
with the most HTML (long formulas drawn twice), against tests/budgets.py.

The numbers come from bench/weight.py's own measurement (a fresh Chromium context per page,
scrolled to its end), so the test and `make bench-weight` cannot disagree; the benchmark
weighs every page and reports the heaviest.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Final

from tests.browser import ROOT

WEIGHED: Final = (
    "",
    "comparison/",
    "activations/gelu/",
    "activations/relu/",
    "activations/silu/",
    "activations/softmax/",
    "activations/elu/",  # explorer pages: their scripts count
    "activations/hardshrink/",
)


def bench_weight() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_weight", ROOT / "bench" / "weight.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def heaviest_activation_pages(site: Path, count: int = 4) -> list[str]:
    """The ``count`` activation pages whose HTML is largest: the likeliest to break a budget."""
    pages = sorted(
        (site / "activations").glob("*/index.html"), key=lambda page: -page.stat().st_size
    )
    return [f"activations/{page.parent.name}/" for page in pages[:count]]


def test_the_pages_most_read_and_the_heaviest_load_within_their_budgets(site: Path) -> None:
    weight = bench_weight()
    heaviest = [page for page in heaviest_activation_pages(site) if page not in WEIGHED]
    loads = weight.measure(site, [*WEIGHED, *heaviest])
    assert [load.page for load in loads] == [*WEIGHED, *heaviest]
    assert all(load.counted > 10_000 for load in loads), "a page loaded almost nothing"
    problems = weight.over_budget(loads, site)
    assert not problems, "\n  ".join(["over budget:", *problems])
