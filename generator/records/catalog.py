"""The catalog's records: one validated activation with its formula parsed into SymPy,
and the symbols every formula is written in."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Final

import sympy as sp

from generator.records.frameworks import FrameworkEntry
from generator.records.texts import EntryTexts

# The variable every elementwise formula is written in.
X: Final = sp.Symbol("x", real=True)
# Names a vector formula is written in: component i of x, summed over j = 1..n.
VECTOR_NAMES: Final = {
    "x": sp.IndexedBase("x", real=True),
    "i": sp.Symbol("i", integer=True, positive=True),
    "j": sp.Symbol("j", integer=True, positive=True),
    "n": sp.Symbol("n", integer=True, positive=True),
}
# What a derivative identity may refer to besides the parameters: the value itself.
F: Final = sp.Symbol("f", real=True)
S: Final = sp.IndexedBase("s", real=True)


class Kind(Enum):
    """How the formula is applied to a tensor.

    Elementwise: f(x) on every entry. Gated: the input is split in halves a and b along one
    axis and the output is a ⊗ g(b), with the gate g(x) the formula. Vector: the formula is
    component i of a map from R^n to R^n (softmax).
    """

    ELEMENTWISE = "elementwise"
    GATED = "gated"
    VECTOR = "vector"

    @property
    def scalar(self) -> bool:
        """Whether the formula is a function of one real x (analysed as such)."""
        return self is not Kind.VECTOR


@dataclass(frozen=True)
class Family:
    slug: str
    title: str
    blurb: str


@dataclass(frozen=True)
class Parameter:
    name: str
    default: sp.Rational
    description: str
    latex: str

    @property
    def symbol(self) -> sp.Symbol:
        return sp.Symbol(self.name, real=True)


class TypedNumber(sp.Symbol):
    """The symbol a :class:`Number` is kept as: sorted among numbers in a product, so a
    printed term reads 3·0.044715·√2·π x², not 3√2·π·0.044715 x²."""

    @classmethod
    def class_key(cls) -> tuple[int, int, str]:
        return 1, 0, "Number"


class InnerSymbol(sp.Symbol):
    """The symbol an :class:`Inner` function (u) or its derivative (u′) is printed as: sorted
    after products and powers in a product, so a term reads x(1 − tanh²u)u′."""

    @classmethod
    def class_key(cls) -> tuple[int, int, str]:
        return 3, 5, "InnerSymbol"


@dataclass(frozen=True)
class Number:
    """A number the catalog typed or named, which printed formulas keep as a symbol.

    A decimal typed in a formula (LeCun's 1.7159) is printed as typed, so f′ reads
    2·1.7159/3, not 17159/15000; a named constant (SELU's λ) is printed by its symbol and its
    value is stated once below the definition. ``value`` is exact: the digits as written.
    """

    symbol: sp.Symbol
    value: sp.Rational
    latex: str  # how a formula shows it: "1.7159", or "\\lambda" for a constant
    digits: str  # the value as typed, in plain decimal notation
    name: str | None = None  # the constant's name in formulas; None for a typed decimal


@dataclass(frozen=True)
class Inner:
    """A function inside the formula, named by one letter so derivatives print in it.

    GELU-tanh's ``u = √(2/π)(x + 0.044715x³)``: f′ and f″ are printed in u, u′ and u″ (as
    ``u``, ``u^{\\prime}``, ``u^{\\prime\\prime}``) and the page states what each is.
    ``expression`` is in x, the parameters, the named numbers and functions, as the formula
    it replaces is (numbers as their symbols); ``symbol`` is the real symbol it becomes
    (named as printed, so the pages' printer needs no name for it), ``latex`` its name.
    """

    symbol: InnerSymbol
    latex: str
    expression: sp.Expr

    def derivative_symbol(self, order: int) -> InnerSymbol:
        """u (order 0), u′, u″ as real symbols named as printed: ``u^{\\prime}``."""
        if order == 0:
            return self.symbol
        primes = "\\prime" * order
        return InnerSymbol(f"{self.latex}^{{{primes}}}", real=True)


@dataclass(frozen=True)
class Display:
    """The entry's formulas in the form readers know, each proved equal to ``expression``.

    ``expression`` is the catalog formula with every :class:`Number` kept as its symbol;
    ``definition`` is the optional ``display`` form (x·Φ(x) for GELU) or that same formula;
    ``derivative`` is the optional ``derivative_display`` form of f′. They may use the named
    functions of ``generator.catalog.named``. ``identity`` is the derivative identity as
    printed (numbers as symbols, named functions kept). The build proves ``definition`` and
    ``derivative`` equal to the exact formula before printing either.
    """

    expression: sp.Expr
    definition: sp.Expr
    derivative: sp.Expr | None
    identity: sp.Expr | None
    numbers: tuple[Number, ...]
    given: tuple[str, ...] = ()  # which of the fields "display", "derivative_display" are set
    inner: tuple[Inner, ...] = ()  # the ``inner`` functions f′ and f″ are printed in

    @property
    def values(self) -> dict[sp.Symbol, sp.Rational]:
        return {number.symbol: number.value for number in self.numbers}

    @property
    def constants(self) -> tuple[Number, ...]:
        return tuple(number for number in self.numbers if number.name is not None)

    def key(self) -> str:
        """Exact text of everything printed from here, for the formulas' cache key."""
        lines = [
            sp.srepr(self.expression),
            sp.srepr(self.definition),
            sp.srepr(self.derivative),
            sp.srepr(self.identity),
            *(f"number {sp.srepr(n.symbol)} {n.digits} {n.latex} {n.name}" for n in self.numbers),
            *(f"inner {sp.srepr(i.symbol)} {i.latex} {sp.srepr(i.expression)}" for i in self.inner),
        ]
        return "\n".join(lines)


@dataclass(frozen=True)
class Reference:
    authors: tuple[str, ...]
    title: str
    year: int
    venue: str
    url: str


@dataclass(frozen=True)
class KinkConvention:
    """What autograd returns at a point where the derivative does not exist."""

    at: sp.Expr
    pytorch: sp.Expr | None
    jax: sp.Expr | None
    keras: sp.Expr | None
    note: str

    def value(self, framework: str) -> sp.Expr | None:
        found: sp.Expr | None = getattr(self, framework)
        return found


@dataclass(frozen=True)
class Difference:
    """A deliberate departure of one framework from the mathematical definition."""

    framework: str
    description: str


@dataclass(frozen=True)
class Activation:
    """One catalog entry, validated, with its formula parsed into SymPy."""

    id: str
    name: str
    aliases: tuple[str, ...]
    family: Family
    kind: Kind
    symbol_latex: str
    summary: str
    variable: sp.Symbol
    expression: sp.Expr
    parameters: tuple[Parameter, ...]
    derivative_identity: sp.Expr | None
    kinks: tuple[KinkConvention, ...]
    frameworks: tuple[FrameworkEntry, ...]
    differences: tuple[Difference, ...]
    adaptive: str | None  # what is learned or drawn at random, for such entries
    shape: str | None  # for entries that change the width of their input
    pros: tuple[str, ...]
    cons: tuple[str, ...]
    uses: tuple[str, ...]
    references: tuple[Reference, ...]
    source: Path
    display: Display
    translations: tuple[EntryTexts, ...] = ()  # the entry's prose in other languages

    def texts(self, language: str = "en") -> EntryTexts:
        """The entry's prose in ``language``: its own fields for English, else a
        translation (KeyError where it has none)."""
        if language == "en":
            return EntryTexts(
                language="en",
                aliases=self.aliases,
                summary=self.summary,
                adaptive=self.adaptive,
                shape=self.shape,
                pros=self.pros,
                cons=self.cons,
                uses=self.uses,
                parameters=tuple(parameter.description for parameter in self.parameters),
                kink_notes=tuple(kink.note for kink in self.kinks),
                differences=tuple(difference.description for difference in self.differences),
                framework_notes=tuple(
                    (entry.framework, entry.note) for entry in self.frameworks if entry.note
                ),
                source=self.source,
            )
        for texts in self.translations:
            if texts.language == language:
                return texts
        raise KeyError(f"{self.id} has no {language} texts")

    @property
    def defaults(self) -> dict[sp.Symbol, sp.Rational]:
        return {parameter.symbol: parameter.default for parameter in self.parameters}

    def at_defaults(self) -> sp.Expr:
        """The formula with every parameter replaced by its (exact) default."""
        substituted: sp.Expr = self.expression.subs(self.defaults)
        return substituted

    def framework(self, name: str) -> FrameworkEntry | None:
        return next((entry for entry in self.frameworks if entry.framework == name), None)

    def mathematics(self) -> str:
        """The fields that derivation, figures, formulas and curves read, as exact text.

        Cache keys use it: prose (summary, pros, references, notes) is left out, so a
        reworded summary derives and draws nothing again.
        """
        lines = [
            self.id,
            self.name,
            self.kind.value,
            self.family.slug,
            self.symbol_latex,
            sp.srepr(self.variable),
            sp.srepr(self.expression),
            sp.srepr(self.derivative_identity),
            *(f"parameter {p.name} {sp.srepr(p.default)} {p.latex}" for p in self.parameters),
            *(
                f"kink {sp.srepr(k.at)} {sp.srepr(k.pytorch)} {sp.srepr(k.jax)} {sp.srepr(k.keras)}"
                for k in self.kinks
            ),
        ]
        return "\n".join(lines)


Catalog = tuple[Activation, ...]  # every entry, validated, in id order
