"""The families used to group activations in the navigation; an entry names one by slug."""

from __future__ import annotations

from typing import Final

from generator.records.catalog import Family

FAMILIES: Final = (
    Family(
        "sigmoid-like",
        "Sigmoid-like",
        "Bounded, S-shaped squashing functions and their piecewise-linear cousins.",
    ),
    Family(
        "relu",
        "ReLU family",
        "Piecewise-linear units: identity for positive inputs, something simple below zero.",
    ),
    Family(
        "exponential-linear",
        "Exponential-linear",
        "Linear for positive inputs, an exponential that saturates to a negative value below.",
    ),
    Family(
        "smooth-relu",
        "Smooth ReLU-like and self-gated",
        "Smooth approximations of ReLU, many of the form x times a gate g(x).",
    ),
    Family(
        "gated",
        "Gated linear units",
        "Split the input in two halves and let one half gate the other.",
    ),
    Family(
        "shrinkage",
        "Shrinkage",
        "Push small inputs to zero, as in sparse coding and denoising.",
    ),
    Family(
        "periodic-radial",
        "Periodic and radial",
        "Oscillating or bump-shaped functions: sinusoids, Gaussians and relatives.",
    ),
    Family(
        "vector",
        "Vector-valued (softmax family)",
        "Functions of a whole vector that return a probability distribution or its log.",
    ),
)

FAMILIES_BY_SLUG: Final = {family.slug: family for family in FAMILIES}
