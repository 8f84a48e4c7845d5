"""What every field of ``activations.json`` and column of ``activations.csv`` means, and
the shape of a catalog field's description (the fields themselves: ``catalog/schema.py``).

The Data page is rendered from these lists, and a test checks them against the files the
build writes, so the documentation cannot fall behind the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

SCHEMA_VERSION: Final = 3  # activations.json's layout; raised when a field changes meaning


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    meaning: str


@dataclass(frozen=True)
class CatalogField:
    """One row of the field table: the top-level keys it covers, whether they are required
    (``yes``, ``no`` or a condition) and what they hold, in Markdown."""

    names: tuple[str, ...]
    required: str
    meaning: str


JSON_FIELDS: Final = (
    Field("id", "string", "Identifier, also the page's file name: activations/<id>/."),
    Field("name", "string", "Display name."),
    Field("aliases", "list of strings", "Other names in use."),
    Field("family", "string", "Family slug (the home page groups by family)."),
    Field(
        "kind",
        "string",
        "elementwise, gated (input split in halves a, b; output a·g(b)) or vector.",
    ),
    Field("variable", "string", "The input variable of the expressions: x."),
    Field("expression", "string", "The definition, SymPy srepr; for gated units the gate g."),
    Field("parameters", "object", "Parameter name → default (PyTorch's where PyTorch ships it)."),
    Field("summary", "string", "One or two sentences."),
    Field(
        "texts",
        "object",
        "Language → the entry's prose in it: en (the English of the pages above) and zh "
        "(the Chinese edition's, written beside the entry in zh/<id>.yaml).",
    ),
    Field("texts.*", "object", "The prose in one language: the fields below."),
    Field(
        "texts.*.aliases",
        "list of strings",
        "Names in use in that language (for zh: Chinese names, besides the entry's own).",
    ),
    Field("texts.*.summary", "string", "One or two sentences."),
    Field("texts.*.adaptive", "string or null", "What is learned or drawn at random, if any."),
    Field("texts.*.shape", "string or null", "How the output's shape differs from the input's."),
    Field("texts.*.pros", "list of strings", "Advantages, in the page's order."),
    Field("texts.*.cons", "list of strings", "Drawbacks, in the page's order."),
    Field("texts.*.uses", "list of strings", "Where it is used."),
    Field("texts.*.parameters", "object", "Parameter name → what it does."),
    Field(
        "texts.*.kink_notes",
        "list of strings",
        "For each kink (properties.gradient_at_kinks, in order): what the frameworks return.",
    ),
    Field(
        "texts.*.differences",
        "list",
        "Deliberate departures of a framework from the definition: framework, description.",
    ),
    Field("texts.*.framework_notes", "object", "Framework → its note on the page."),
    Field("frameworks", "object", "pytorch / keras / jax → how that framework spells it."),
    Field("frameworks.*", "object", "One framework's record: the fields below."),
    Field("frameworks.*.function", "string or null", "Dotted name of the function."),
    Field("frameworks.*.module", "string or null", "Dotted name of the layer class."),
    Field(
        "frameworks.*.defaults",
        "object",
        'Parameter → the framework\'s own default for it ("required" if none, null if the '
        "framework takes no such argument); the function's where both exist.",
    ),
    Field(
        "frameworks.*.arguments",
        "object",
        "function / module → parameter → keyword (the framework's name, null if not taken), "
        "default and form (number, tensor or initializer).",
    ),
    Field(
        "frameworks.*.select",
        "object",
        "Keyword → value to pass for this form, and the framework's default (approximate, dim).",
    ),
    Field(
        "frameworks.*.tolerance",
        "object",
        "f_relative, f_absolute, df_relative, df_absolute: |framework − exact| ≤ absolute + "
        "relative·|exact| in float64, asserted by the tests (for vector kinds the gradient "
        "bounds hold for every Jacobian entry).",
    ),
    Field("references", "list", "Primary sources: authors, title, year, venue, url."),
    Field("numpy", "object", "The NumPy code shown on the page."),
    Field(
        "numpy.source",
        "string",
        "The short form shown first: a module defining f(x, **params) and df(x, **params), "
        "stable but not written for the last bit.",
    ),
    Field(
        "numpy.accurate",
        "string or null",
        "The accurate module (float64 within a few ULP, float32 correctly rounded), one "
        "self-contained file; null where none is written.",
    ),
    Field(
        "numpy.printed_from_formula",
        "boolean",
        "true when printed by SymPy rather than written for accuracy.",
    ),
    Field(
        "derivative",
        "string",
        "f′ (vector kinds: the Jacobian entry ∂sᵢ/∂xⱼ), SymPy srepr, symbolic in the parameters.",
    ),
    Field("second_derivative", "string or null", "f″, SymPy srepr; null for vector kinds."),
    Field(
        "latex",
        "object",
        "function, derivative, second_derivative (vector kinds: function, jacobian) as LaTeX, "
        "as the pages show them (a long one broken over aligned lines); where: the inner "
        "functions they are written in (u = …, u′ = …); constants: the named constants' "
        "values, one statement each (λ = …).",
    ),
    Field(
        "properties", "object", "Computed by SymPy at the default parameters; null where undecided."
    ),
    Field("properties.range", "object or null", "latex and sympy (srepr) of the set of values."),
    Field("properties.bounded_below", "boolean or null", "Whether f has a finite lower bound."),
    Field("properties.bounded_above", "boolean or null", "Whether f has a finite upper bound."),
    Field(
        "properties.monotonicity",
        "string or null",
        "strictly increasing, non-decreasing, …, not monotonic.",
    ),
    Field("properties.odd", "boolean or null", "f(−x) = −f(x)."),
    Field("properties.continuity_class", "string or null", "C^0, C^1, …, C^inf, or discontinuous."),
    Field("properties.non_differentiable_at", "list or null", "Points where f′ does not exist."),
    Field(
        "properties.gradient_at_kinks",
        "list or null",
        "At each such point: one-sided limits of f′ and what PyTorch, Keras and JAX "
        "autograd return.",
    ),
    Field(
        "properties.saturation",
        "object",
        "minus_infinity, plus_infinity → kind (hard, soft, none), limit_of_f, limit_of_derivative",
    ),
    Field("properties.f_at_0", "number or null", "f(0)."),
    Field("properties.derivative_at_0", "number or null", "f′(0) (null at a kink)."),
    Field("properties.identity_near_0", "boolean or null", "f(0) = 0 and f′(0) = 1."),
    Field(
        "properties.self_gated",
        "boolean or null",
        "x times a smooth gate that shuts at −∞ and opens at +∞.",
    ),
    Field(
        "properties.extremes",
        "list",
        "Interior global minima and maxima that are ends of the range: kind, and value and at "
        "(where), each as {value, exact (SymPy form, null if only certified), method (exact or "
        "certified), enclosure [low, high] (exact decimals proved to contain it)}.",
    ),
    Field(
        "properties.gaussian_moments",
        "object or null",
        "For X ~ N(0, 1): mean E[f(X)], second E[f(X)²], slope_second E[f′(X)²] and gain "
        "1/√E[f(X)²] (null when E[f(X)²] is 0), each as {value, exact, method, enclosure "
        "(null when exact)}.",
    ),
    Field(
        "properties.component_range", "object", "Vector kinds: the range of one output component."
    ),
    Field("properties.sums_to_one", "boolean", "Vector kinds: the outputs always sum to 1."),
    Field(
        "properties.shift_invariant",
        "boolean",
        "Vector kinds: adding a constant to every input changes nothing.",
    ),
    Field(
        "properties.two_class_reduction",
        "string",
        "Vector kinds: the first output for inputs [x, 0], SymPy srepr.",
    ),
)


@dataclass(frozen=True)
class Column:
    name: str
    meaning: str


CSV_COLUMNS: Final = (
    Column("id", "As in the JSON."),
    Column("name", "Display name."),
    Column("family", "Family slug."),
    Column("kind", "elementwise, gated or vector."),
    Column(
        "range",
        "Interval notation with inf, e.g. [0, inf); for vector kinds, one component's range.",
    ),
    Column("bounded_below", "true / false."),
    Column("bounded_above", "true / false."),
    Column("monotonicity", "As in the JSON."),
    Column("odd", "true / false."),
    Column("continuity_class", "C^0 … C^inf or discontinuous."),
    Column("non_differentiable_at", "Space-separated points, or none."),
    Column("saturates_left", "hard, soft or none, as x → −∞."),
    Column("saturates_right", "hard, soft or none, as x → +∞."),
    Column("self_gated", "true / false."),
    Column("mean", "E[f(X)] for X ~ N(0, 1), as a float."),
    Column("second_moment", "E[f(X)²] for X ~ N(0, 1)."),
    Column("slope_second_moment", "E[f′(X)²] for X ~ N(0, 1)."),
    Column("gain", "The variance-preserving gain 1/√E[f(X)²] for X ~ N(0, 1)."),
    Column("f_at_0", "f(0)."),
    Column("derivative_at_0", "f′(0); empty at a kink."),
    Column("pytorch", "torch.nn module (or function) name, empty if not shipped."),
    Column("keras", "Keras 3 name, empty if not shipped."),
    Column("jax", "JAX name, empty if not shipped."),
)
