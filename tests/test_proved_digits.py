"""Certified and irrational numbers print only the digits their enclosure proves."""

from __future__ import annotations

import pytest
import sympy as sp

from generator.present.numbers import certified_digits, latex_digits, truncated
from generator.records.analysis import Enclosure

R = sp.Rational


def test_only_shared_digits_are_printed() -> None:
    assert truncated(Enclosure(R(-169971, 10**6) - R(1, 10**9), R(-169971, 10**6)), 6) == (
        "−0.169971…"
    )


def test_an_enclosure_straddling_a_round_number_is_printed_rounded() -> None:
    assert truncated(Enclosure(R(4999999, 10**7), R(5000001, 10**7)), 3) == "0.500"


def test_a_tiny_value_is_printed_with_its_exponent() -> None:
    tiny = Enclosure(R(12, 10**33), R(121, 10**34))
    assert latex_digits(tiny, 6) == "1.2\\ldots \\times 10^{-32}"


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (1 + R(140, 10**34), 1 + R(141, 10**34), "1 + 1.4\\ldots \\times 10^{-32}"),
        (1 - R(69, 10**34), 1 - R(68, 10**34), "1 - 6\\ldots \\times 10^{-33}"),
        (-2 - R(69, 10**34), -2 - R(68, 10**34), "-2 - 6\\ldots \\times 10^{-33}"),
    ],
)
def test_a_hair_from_an_integer_is_printed_as_the_integer_and_its_offset(
    low: sp.Rational, high: sp.Rational, expected: str
) -> None:
    """SELU's E[f(X)²] with the published constants: 1.00000… would hide the offset."""
    assert latex_digits(Enclosure(low, high), 6) == expected


def test_a_value_merely_close_to_an_integer_is_printed_as_digits() -> None:
    assert latex_digits(Enclosure(R(99990, 10**5), R(99991, 10**5)), 6) == "0.9999\\ldots"


def test_an_enclosure_proves_as_many_digits_as_its_ends_share() -> None:
    assert certified_digits(Enclosure(R(3141592, 10**6), R(3141593, 10**6))) == 6
    assert certified_digits(Enclosure(R(-1, 10), R(1, 10))) == 0
