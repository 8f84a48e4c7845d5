"""What to draw for each activation: curves and kink markers, derived from the analysis."""

from __future__ import annotations

from typing import Final

import numpy as np
import sympy as sp

from generator.analysis.pieces import boundaries, split
from generator.analysis.vector import components
from generator.present.figures.svg import FloatArray, Marker, Plot, sample
from generator.present.text import function_name
from generator.present.words import EDITIONS, Words
from generator.records.analysis import ElementwiseAnalysis, VectorAnalysis
from generator.records.catalog import VECTOR_NAMES, Activation, Kind

# The vector and temperatures of the softmax bar chart.
SCORES: Final = (2.0, 1.0, 0.2, -1.0)
TEMPERATURES: Final = (0.5, 1.0, 2.0)


def elementwise_plot(activation: Activation, analysis: ElementwiseAnalysis) -> Plot:
    x = activation.variable
    defaults = activation.defaults
    kinks = analysis.properties.kinks or ()
    jumps = tuple(float(kink.at) for kink in kinks if not kink.continuous)
    corners = tuple(float(kink.at) for kink in kinks)
    second = analysis.second_derivative.subs(defaults)
    name = "g" if activation.kind is Kind.GATED else "f"
    curves = [
        sample(activation.at_defaults(), x, f"{name}(x)", jumps),
        sample(analysis.derivative.subs(defaults), x, f"{name}′(x)", corners),
    ]
    # f″ may jump where the formula changes branch even when f′ is continuous (ELU).
    branches = tuple(float(p) for p in boundaries(split(activation.at_defaults(), x)))
    curvature = sample(second, x, f"{name}″(x)", tuple(sorted({*corners, *branches})))
    # Drawn unless it is 0 all over the plot (piecewise-linear units): a sampled check,
    # where proving f″ ≡ 0 symbolically took SymPy's simplify half a minute for the site.
    if np.any(np.nan_to_num(curvature.y) != 0):
        curves.append(curvature)
    markers = []
    for kink in kinks:
        at = float(kink.at)
        markers.append(Marker(at, float(kink.left_derivative), filled=False, curve=1))
        markers.append(Marker(at, float(kink.right_derivative), filled=False, curve=1))
        if kink.convention is not None and kink.convention.pytorch is not None:
            value = float(kink.convention.pytorch.subs(defaults))
            markers.append(Marker(at, value, filled=True, curve=1))
    descriptions = tuple(
        (language, _describe(activation, len(curves), bool(kinks), words))
        for language, words in EDITIONS.items()
    )
    return Plot(tuple(curves), tuple(markers), descriptions)


def _describe(activation: Activation, count: int, kinks: bool, words: Words) -> str:
    if count == 3:
        text = words(
            "Plot of {name}: f (solid line), its derivative f′ (dashed) and second derivative "
            "f″ (dotted), for x from −5 to 5.",
            name=activation.name,
        )
    else:
        text = words(
            "Plot of {name}: f (solid line) and its derivative f′ (dashed), for x from −5 to 5.",
            name=activation.name,
        )
    if kinks:
        text += words(
            " Hollow circles mark the one-sided limits of f′ at a kink; the filled dot is"
            " the value PyTorch's autograd returns there."
        )
    return text


def vector_plot(activation: Activation, analysis: VectorAnalysis) -> Plot:
    x = sp.Symbol("x", real=True)
    reduction = analysis.two_class_reduction
    component = f"{function_name(activation)}([x, 0])₁"
    curves = (
        sample(reduction, x, component),
        sample(analysis.two_class_derivative, x, f"∂/∂x {component}"),
    )
    descriptions = tuple(
        (
            language,
            words(
                "Plot of the first component of {name} applied to the vector [x, 0] (solid "
                "line) and its derivative (dashed), for x from −5 to 5.",
                name=activation.name,
            ),
        )
        for language, words in EDITIONS.items()
    )
    return Plot(curves, (), descriptions)


def temperature_groups(activation: Activation) -> tuple[tuple[str, FloatArray], ...]:
    """The catalog formula evaluated on SCORES / T for each temperature T."""
    dimension = len(SCORES)
    outputs = components(activation.at_defaults(), dimension)
    inputs = [VECTOR_NAMES["x"][k] for k in range(1, dimension + 1)]
    groups = []
    for temperature in TEMPERATURES:
        point = {inputs[k]: SCORES[k] / temperature for k in range(dimension)}
        values = np.array([float(output.subs(point)) for output in outputs])
        groups.append((f"T = {temperature:g}", values))
    return tuple(groups)
