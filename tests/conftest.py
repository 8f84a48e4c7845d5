"""Shared fixtures: the catalog, its analyses and its views, computed once per test session.

The suite is hermetic: every run uses a cache folder of its own (``ACTIVATIONS_CACHE``),
never the developer's ``.cache/``, so a stale cache cannot make a test pass. ``make test``
creates that folder and fills it with one derivation of the catalog before pytest starts;
a bare ``pytest`` gets a fresh temporary folder, shared by its xdist workers (they inherit
the environment) and removed when the run ends.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from functools import cache

import pytest

from generator.paths import CACHE_VARIABLE

if CACHE_VARIABLE not in os.environ:  # set before any generator module reads Paths
    os.environ[CACHE_VARIABLE] = tempfile.mkdtemp(prefix="activations-test-cache-")
    _OWN_CACHE: str | None = os.environ[CACHE_VARIABLE]
else:
    _OWN_CACHE = None

from generator.analysis import analyse
from generator.build.cache import Cache
from generator.build.progress import Progress
from generator.catalog import load
from generator.paths import Paths
from generator.records.analysis import Analysis, ElementwiseAnalysis, VectorAnalysis
from generator.records.catalog import Activation, Kind
from generator.records.views import SiteView

# The browser tests' fixtures (browser, site, tabs), by name in any module that wants them.
pytest_plugins = ("tests.browser",)

PATHS = Paths.default()
MEMO = Cache(PATHS.cache)
CATALOG = load(PATHS.catalog)
SCALAR = tuple(a for a in CATALOG if a.kind.scalar)  # elementwise, and the gates of gated units
VECTOR = tuple(a for a in CATALOG if a.kind is Kind.VECTOR)


def pytest_unconfigure(config: pytest.Config) -> None:
    """The run's own cache goes when the run ends (only the process that made it)."""
    if _OWN_CACHE is not None and not hasattr(config, "workerinput"):
        shutil.rmtree(_OWN_CACHE, ignore_errors=True)


@cache
def analysis_of(activation: Activation) -> Analysis:
    """From the run's cache when ``make test`` has just filled it, else derived here."""
    return MEMO.cached("analysis", [activation.mathematics()], lambda: analyse(activation))


def elementwise_analysis(activation: Activation) -> ElementwiseAnalysis:
    result = analysis_of(activation)
    assert isinstance(result, ElementwiseAnalysis)
    return result


def vector_analysis(activation: Activation) -> VectorAnalysis:
    result = analysis_of(activation)
    assert isinstance(result, VectorAnalysis)
    return result


@cache
def site_view() -> SiteView:
    """The present stage's view of the whole catalog (without measured accuracy)."""
    from generator.present import present_all

    analyses = [analysis_of(a) for a in CATALOG]
    steps = Progress.silent().stage("drawing", len(CATALOG))
    (english, *_) = present_all(CATALOG, analyses, {}, MEMO, steps)
    return english


def each(activations: tuple[Activation, ...]) -> pytest.MarkDecorator:
    """Parametrize a test over catalog entries, with the activation id as the test id."""
    return pytest.mark.parametrize("activation", activations, ids=[a.id for a in activations])
