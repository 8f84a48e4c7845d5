"""Properties as short page text: every value computed, ``None`` shown as not determined."""

from __future__ import annotations

import re
from typing import Final

import sympy as sp

from generator.present.printers import latex_interval, latex_number
from generator.records.analysis import Monotonicity, Properties, Saturation, Smoothness, Tail
from generator.records.catalog import Activation
from generator.records.markup import placeholder

NOT_DETERMINED: Final = "*not determined*"
# How the pages name the frameworks, in the order they are listed.
FRAMEWORK_TITLES: Final = {"pytorch": "PyTorch", "keras": "Keras 3", "jax": "JAX"}
_OPERATOR: Final = re.compile(r"\\operatorname\{([A-Za-z]+)\}")


def function_name(activation: Activation) -> str:
    """The symbol as plain text (``logsoftmax`` for ``\\operatorname{logsoftmax}``), for
    figure labels, where LaTeX is not typeset."""
    found = _OPERATOR.fullmatch(activation.symbol_latex)
    return found.group(1) if found else activation.id


def tex(value: str) -> str:
    return placeholder(value, display=False)


def yes_no(answer: bool | None) -> str:
    return NOT_DETERMINED if answer is None else ("yes" if answer else "no")


def exact_value(value: sp.Expr | None) -> str:
    """A computed value (f(0), f′(0)) as page text."""
    return NOT_DETERMINED if value is None else tex(latex_number(value))


def value_range(domain: sp.Set | None) -> str:
    return NOT_DETERMINED if domain is None else tex(latex_interval(domain))


def monotonicity(value: Monotonicity | None) -> str:
    return NOT_DETERMINED if value is None else value.value


def smoothness(value: Smoothness | None) -> str:
    if value is None:
        return NOT_DETERMINED
    if value.infinite:
        return tex("C^{\\infty}") + " (smooth)"
    if value.order < 0:
        return "discontinuous"
    label = tex(f"C^{{{value.order}}}")
    if value.at_least:
        return f"at least {label}; higher orders not determined"
    return label


def saturation(tail: Tail) -> str:
    if tail.saturation is None:
        return NOT_DETERMINED
    if tail.derivative_limit is None:
        return "no: f′ keeps oscillating"
    limit = tex(f"f'(x) \\to {latex_number(tail.derivative_limit)}")
    if tail.saturation is Saturation.HARD:
        return "hard: f′ is exactly 0 beyond some point"
    if tail.saturation is Saturation.SOFT:
        return f"soft: {limit}"
    return f"no: {limit}"


def properties_rows(properties: Properties) -> tuple[tuple[str, str], ...]:
    """(label, value) rows for the properties table of one elementwise page."""
    kinks = properties.kinks
    if kinks is None:
        kink_text = NOT_DETERMINED
    elif not kinks:
        kink_text = "none"
    else:
        kink_text = ", ".join(tex(f"x = {latex_number(kink.at)}") for kink in kinks)
    if properties.range is None and properties.range_estimate is not None:
        estimate = tex("\\approx " + latex_interval(properties.range_estimate))
        range_text = f"not determined symbolically; numerically {estimate}"
    else:
        range_text = value_range(properties.range)
    return (
        ("Range", range_text),
        ("Bounded below", yes_no(properties.bounded_below)),
        ("Bounded above", yes_no(properties.bounded_above)),
        ("Monotonicity", monotonicity(properties.monotonicity)),
        ("Zero-centred (f(0) = 0, both signs)", yes_no(properties.zero_centred)),
        ("Odd (f(−x) = −f(x))", yes_no(properties.odd)),
        ("Continuity class", smoothness(properties.smoothness)),
        ("Not differentiable at", kink_text),
        ("Saturates as x → −∞", saturation(properties.left)),
        ("Saturates as x → +∞", saturation(properties.right)),
        ("f(0)", exact_value(properties.value_at_zero)),
        ("f′(0)", _derivative_at_zero(properties)),
        ("Approximates the identity near 0", yes_no(properties.identity_near_zero)),
        ("Self-gated (x times a soft gate)", yes_no(properties.self_gated)),
    )


def _derivative_at_zero(properties: Properties) -> str:
    if properties.kinks is not None and any(kink.at == 0 for kink in properties.kinks):
        return "does not exist (kink at 0)"
    return exact_value(properties.derivative_at_zero)
