"""Shared fixtures: the catalog and its analyses are computed once per test session."""

from __future__ import annotations

from functools import cache

import pytest

from generator import cache as analysis_cache
from generator.analysis import analyse
from generator.catalog.loader import load_catalog
from generator.model import Activation, Analysis, ElementwiseAnalysis, Kind, VectorAnalysis

CATALOG = load_catalog()
SCALAR = tuple(a for a in CATALOG if a.kind.scalar)  # elementwise, and the gates of gated units
VECTOR = tuple(a for a in CATALOG if a.kind is Kind.VECTOR)


@cache
def analysis_of(activation: Activation) -> Analysis:
    """From the build's content-addressed cache when ``make test`` has just filled it."""
    stored = analysis_cache.load(activation)
    if stored is not None:
        return stored
    result = analyse(activation)
    analysis_cache.store(activation, result)
    return result


def elementwise_analysis(activation: Activation) -> ElementwiseAnalysis:
    result = analysis_of(activation)
    assert isinstance(result, ElementwiseAnalysis)
    return result


def vector_analysis(activation: Activation) -> VectorAnalysis:
    result = analysis_of(activation)
    assert isinstance(result, VectorAnalysis)
    return result


def each(activations: tuple[Activation, ...]) -> pytest.MarkDecorator:
    """Parametrize a test over catalog entries, with the activation id as the test id."""
    return pytest.mark.parametrize("activation", activations, ids=[a.id for a in activations])
