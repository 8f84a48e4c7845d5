"""Properties as short page text: every value computed, ``None`` shown as not determined;
said in the edition's language (:class:`~generator.present.words.Words`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Final

import sympy as sp

from generator.present import latex
from generator.present.numbers import (
    DETAIL_DIGITS,
    TABLE_DIGITS,
    certified_digits,
    enclosure_of,
    is_short,
    latex_digits,
)
from generator.present.printers import latex_interval, latex_number
from generator.present.words import Words
from generator.records.analysis import (
    Enclosure,
    Extreme,
    Method,
    Moment,
    Moments,
    Monotonicity,
    Properties,
    Saturation,
    Smoothness,
    Tail,
)
from generator.records.catalog import Activation
from generator.records.markup import placeholder

NOT_DETERMINED: Final = "*not determined*"  # a message: words(NOT_DETERMINED)
# How the pages name the frameworks, in the order they are listed.
FRAMEWORK_TITLES: Final = {"pytorch": "PyTorch", "keras": "Keras 3", "jax": "JAX"}
# An exact closed form longer than this (SELU's, in its 32-digit constants) is shown by its
# digits alone in a table cell.
CLOSED_FORM_CHARACTERS: Final = 60
_OPERATOR: Final = re.compile(r"\\operatorname\{([A-Za-z]+)\}")
# Prints one computed value as LaTeX: plainly, or in an entry's named numbers (−λα ≈ −1.7581).
NumberPrinter = Callable[[sp.Expr], str]


def function_name(activation: Activation) -> str:
    """The symbol as plain text (``logsoftmax`` for ``\\operatorname{logsoftmax}``), for
    figure labels, where LaTeX is not typeset."""
    found = _OPERATOR.fullmatch(activation.symbol_latex)
    return found.group(1) if found else activation.id


def tex(value: str) -> str:
    return placeholder(value, display=False)


def yes_no(answer: bool | None, words: Words) -> str:
    if answer is None:
        return words(NOT_DETERMINED)
    return words("yes") if answer else words("no")


def exact_value(value: sp.Expr | None, words: Words, number: NumberPrinter = latex_number) -> str:
    """A computed value (f(0), f′(0)) as page text."""
    return words(NOT_DETERMINED) if value is None else tex(number(value))


def value_range(domain: sp.Set | None, words: Words, extremes: tuple[Extreme, ...] = ()) -> str:
    return words(NOT_DETERMINED) if domain is None else tex(range_latex(domain, extremes))


def range_text(
    properties: Properties, words: Words, interval: Callable[[sp.Set], str] = latex_interval
) -> str:
    """The range as page text; until a range is proved, SymPy's numerical estimate, labelled.
    ``interval`` prints a range without interior extremes (SELU's in its λ and α)."""
    if properties.range is None and properties.range_estimate is not None:
        estimate = tex("\\approx " + latex_interval(properties.range_estimate))
        return words("not determined symbolically; numerically {estimate}", estimate=estimate)
    if properties.range is None:
        return words(NOT_DETERMINED)
    return tex(range_latex(properties.range, properties.extremes, interval))


def range_latex(
    domain: sp.Set,
    extremes: tuple[Extreme, ...] = (),
    interval: Callable[[sp.Set], str] = latex_interval,
) -> str:
    """The range in bracket notation; an end that is an interior minimum or maximum is
    printed as the digits proved (−0.169971…), the same in every table and on every page;
    its closed form, if any, is on the page's Minimum/Maximum row."""
    values = {extreme.value: extreme for extreme in extremes}
    if not isinstance(domain, sp.Interval) or not (domain.inf in values or domain.sup in values):
        return interval(domain)
    low = _end(domain.inf, values)
    high = _end(domain.sup, values)
    return f"{'(' if domain.left_open else '['}{low}, {high}{')' if domain.right_open else ']'}"


def _end(value: sp.Expr, extremes: dict[sp.Expr, Extreme]) -> str:
    if value in (sp.oo, -sp.oo):
        return latex_number(value)
    extreme = extremes.get(value)
    if extreme is None or is_short(value):
        return latex_number(value)
    return latex_digits(extreme.value_enclosure, TABLE_DIGITS)


def extreme_text(extreme: Extreme, words: Words) -> str:
    """ "−W(e^{−1}) = −0.2784645427610737951… at x = …, exact" or "… certified to 20 digits"."""
    value = _known(extreme.value, extreme.value_enclosure, extreme.value_method)
    at = _known(extreme.at, extreme.at_enclosure, extreme.at_method)
    methods = {extreme.value_method, extreme.at_method}
    if methods == {Method.EXACT}:
        how = words("exact (SymPy)")
    else:
        digits = min(
            certified_digits(extreme.value_enclosure),
            certified_digits(extreme.at_enclosure),
        )
        how = words("certified to {digits} digits (Arb interval arithmetic)", digits=digits)
    return words("{value} at {at}; {how}", value=tex(value), at=tex("x = " + at), how=how)


def _known(value: sp.Expr, enclosure: Enclosure, method: Method) -> str:
    """An exact short value as is; an exact closed form with its digits; a certified value
    as its proved digits."""
    if method is Method.CERTIFIED:
        return latex_digits(enclosure, DETAIL_DIGITS)
    if is_short(value):
        return latex_number(value)
    return f"{latex_number(value)} = {latex_digits(enclosure_of(value), DETAIL_DIGITS)}"


def moment_text(moment: Moment | None, words: Words) -> str:
    """An expectation under N(0, 1): exact (with its digits when irrational) or certified."""
    if moment is None:
        return words(NOT_DETERMINED)
    if moment.method is Method.CERTIFIED:
        assert moment.enclosure is not None
        value = tex(latex_digits(moment.enclosure, TABLE_DIGITS))
        return words("{value} (certified)", value=value)
    if is_short(moment.value):
        return words("{value} (exact)", value=tex(latex_number(moment.value)))
    digits = latex_digits(enclosure_of(moment.value), TABLE_DIGITS)
    closed = latex_number(moment.value)
    if len(closed) > CLOSED_FORM_CHARACTERS or "ldots" in closed:
        # the closed form is on record in activations.json
        return words("{value} (exact)", value=tex(digits))
    return words("{value} (exact)", value=tex(closed + " = " + digits))


def gain_text(activation: Activation, moments: Moments | None, words: Words) -> str:
    """1/√E[f(X)²], and beside it what PyTorch's calculate_gain returns, where it has one."""
    ours = moments.gain if moments else None
    text = moment_text(ours, words)
    entry = activation.framework("pytorch")
    if ours is None or entry is None or entry.gain is None:
        return text
    theirs = sp.simplify(entry.gain.value.subs(activation.defaults))
    call = f"`calculate_gain('{entry.gain.nonlinearity}')`"
    if ours.method is Method.EXACT and sp.simplify(ours.value - theirs) == 0:
        return words("{value}, the same as PyTorch's {call}", value=text, call=call)
    return words(
        "{value}; PyTorch's {call} returns {theirs}",
        value=text,
        call=call,
        theirs=tex(latex_number(theirs)),
    )


MONOTONICITY: Final = {  # messages
    Monotonicity.STRICTLY_INCREASING: "strictly increasing",
    Monotonicity.NON_DECREASING: "non-decreasing",
    Monotonicity.STRICTLY_DECREASING: "strictly decreasing",
    Monotonicity.NON_INCREASING: "non-increasing",
    Monotonicity.NOT_MONOTONIC: "not monotonic",
}


def monotonicity(value: Monotonicity | None, words: Words) -> str:
    return words(NOT_DETERMINED) if value is None else words(MONOTONICITY[value])


def smoothness(value: Smoothness | None, words: Words) -> str:
    if value is None:
        return words(NOT_DETERMINED)
    if value.infinite:
        return words("{label} (smooth)", label=tex("C^{\\infty}"))
    if value.order < 0:
        return words("discontinuous")
    label = tex(f"C^{{{value.order}}}")
    if value.at_least:
        return words("at least {label}; higher orders not determined", label=label)
    return label


def saturation(tail: Tail, words: Words, number: NumberPrinter = latex_number) -> str:
    if tail.saturation is None:
        return words(NOT_DETERMINED)
    if tail.value_bounds is not None:
        return words("no: {how}", how=oscillation(tail.value_bounds, words, number))
    if tail.derivative_limit is None:
        return words("no: f′ keeps oscillating")
    limit = tex(f"f'(x) \\to {number(tail.derivative_limit)}")
    if tail.saturation is Saturation.HARD:
        return words("hard: f′ is exactly 0 beyond some point")
    if tail.saturation is Saturation.SOFT:
        return words("soft: {limit}", limit=limit)
    return words("no: {how}", how=limit)


def oscillation(
    bounds: tuple[sp.Expr, sp.Expr], words: Words, number: NumberPrinter = latex_number
) -> str:
    """f has no limit: "f oscillates between −1 and 1", or with growing amplitude."""
    low, high = bounds
    if low == -sp.oo and high == sp.oo:
        return words("f oscillates with growing amplitude")
    return words(
        "f oscillates between {low} and {high}", low=tex(number(low)), high=tex(number(high))
    )


EXTREMES: Final = {"minimum": "Minimum", "maximum": "Maximum"}  # messages, by Extreme.kind


def properties_rows(
    activation: Activation, properties: Properties, words: Words
) -> tuple[tuple[str, str], ...]:
    """(label, value) rows for the properties table of one elementwise page; values in the
    entry's named numbers (SELU's f′(+∞) is λ)."""
    number = partial(latex.number, activation)
    kinks = properties.kinks
    if kinks is None:
        kink_text = words(NOT_DETERMINED)
    elif not kinks:
        kink_text = words("none")
    else:
        kink_text = words(", ").join(tex(f"x = {number(kink.at)}") for kink in kinks)
    extremes = tuple(
        (words(EXTREMES[extreme.kind]), extreme_text(extreme, words))
        for extreme in properties.extremes
    )
    moments = properties.moments
    return (
        (words("Range"), range_text(properties, words, partial(latex.interval, activation))),
        *extremes,
        (words("Bounded below"), yes_no(properties.bounded_below, words)),
        (words("Bounded above"), yes_no(properties.bounded_above, words)),
        (words("Monotonicity"), monotonicity(properties.monotonicity, words)),
        (
            words("Mean E[f(X)], X ~ N(0, 1)"),
            moment_text(moments.mean if moments else None, words),
        ),
        (words("Second moment E[f(X)²]"), moment_text(moments.second if moments else None, words)),
        (
            words("Mean squared slope E[f′(X)²]"),
            moment_text(moments.slope_second if moments else None, words),
        ),
        (words("Variance-preserving gain 1/√E[f(X)²]"), gain_text(activation, moments, words)),
        (words("Odd (f(−x) = −f(x))"), yes_no(properties.odd, words)),
        (words("Continuity class"), smoothness(properties.smoothness, words)),
        (words("Not differentiable at"), kink_text),
        (words("Saturates as x → −∞"), saturation(properties.left, words, number)),
        (words("Saturates as x → +∞"), saturation(properties.right, words, number)),
        ("f(0)", exact_value(properties.value_at_zero, words, number)),
        ("f′(0)", _derivative_at_zero(properties, words, number)),
        (words("Approximates the identity near 0"), yes_no(properties.identity_near_zero, words)),
        (words("Self-gated (x times a soft gate)"), yes_no(properties.self_gated, words)),
    )


def _derivative_at_zero(properties: Properties, words: Words, number: NumberPrinter) -> str:
    if properties.kinks is not None and any(kink.at == 0 for kink in properties.kinks):
        return words("does not exist (kink at 0)")
    return exact_value(properties.derivative_at_zero, words, number)
