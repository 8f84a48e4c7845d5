"""An entry's displayed formulas, printed once and kept across builds.

Printing f′ and f″ as LaTeX takes SymPy most of a page's rendering time; the result depends
only on the entry's analysis, its display forms (cache key) and the printing code, so it is
cached with them. Before anything is printed the entry's display forms are proved equal to
its formula (``generator.present.proofs``): a wrong one stops the build here.

The derivatives the analysis derived are of the exact formula, in which 1.7159 is 17159/10000
and SELU's λα a 64-digit fraction. Entries with typed decimals, named constants or named
functions have theirs derived again from the display form, the numbers kept as symbols and
the functions as Φ, σ (so GELU″ reads (2 − x²)φ(x)); the same function, printed as typed.

An entry with ``inner`` functions has its derivatives printed in them: GELU-tanh's f″ reads
(1 − tanh²u)(xu″ − 2xu′² tanh u + 2u′)/2, with u, u′ and u″ stated once below it, where the
flat expansion of the same f″ is three times as long. Each printed form is proved, with the
definitions put back in, to be the analysis' derivative.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import sympy as sp

from generator.analysis.derivatives import derivative, display_pieces
from generator.analysis.pieces import canonical
from generator.catalog.display import replace_inner
from generator.catalog.named import NamedFunction
from generator.errors import CatalogError
from generator.present import latex
from generator.present.proofs import InnerForm, prove_display, prove_inner
from generator.records.analysis import ElementwiseAnalysis, Piece
from generator.records.catalog import Activation, Inner, InnerSymbol
from generator.records.services import Memo


@dataclass(frozen=True)
class Formulas:
    definition: str
    first: str | None  # None for vector entries, whose derivative is a Jacobian
    second: str | None
    identity: str | None = None  # f′ in terms of f (σ′ = σ(1 − σ)), where the entry gives one
    constants: tuple[str, ...] = ()  # the named constants' values, stated once below the formula
    inner: tuple[str, ...] = ()  # "u = …", "u^{\\prime} = …": what f′ and f″ are printed in


@dataclass(frozen=True)
class _Derivative:
    value: sp.Expr  # in x
    pieces: tuple[Piece, ...] | None  # of ``printed``
    excluded: tuple[sp.Expr, ...]  # where it does not exist
    shown: sp.Expr | None = None  # as printed, in the inner functions (None: ``value``)
    where: tuple[InnerForm, ...] = ()  # the inner functions and derivatives it is printed in

    @property
    def printed(self) -> sp.Expr:
        return self.value if self.shown is None else self.shown


def formulas(activation: Activation, analysis: object, memo: Memo) -> Formulas:
    parts = [activation.mathematics(), activation.display.key()]
    return memo.cached("formulas", parts, lambda: _print(activation, analysis))


def _print(activation: Activation, analysis: object) -> Formulas:
    prove_display(activation)
    definition, constants = latex.definition(activation), latex.constants(activation)
    if not isinstance(analysis, ElementwiseAnalysis):
        return Formulas(definition, None, None, None, constants)
    first, second = _derivatives(activation, analysis)
    where = tuple(dict.fromkeys(first.where + second.where))
    if activation.display.inner:
        targets = (analysis.derivative, analysis.second_derivative)
        prove_inner(
            activation, where, tuple(zip((first.printed, second.printed), targets, strict=True))
        )
    return Formulas(
        definition=definition,
        first=latex.derivative_line(activation, 1, first.printed, first.pieces, first.excluded),
        second=latex.derivative_line(activation, 2, second.printed, second.pieces, second.excluded),
        identity=latex.identity(activation),
        constants=constants,
        inner=tuple(
            f"{form.latex} = {latex.expression(activation, form.value)}"
            for form in sorted(where, key=lambda form: form.order)
        ),
    )


def _derivatives(
    activation: Activation, analysis: ElementwiseAnalysis
) -> tuple[_Derivative, _Derivative]:
    """f′ and f″ to print: the analysis' own, or derived again from the display form."""
    x, display = activation.variable, activation.display
    kinks = tuple(kink.at for kink in analysis.properties.kinks or ())
    corners = kinks + analysis.no_second_derivative_at
    if display.inner:
        return _in_inner_functions(activation, kinks, corners)
    named = display.definition.has(NamedFunction)
    source = display.definition if named else display.expression
    if display.derivative is None and source == activation.expression:
        return (
            _Derivative(analysis.derivative, analysis.derivative_pieces, kinks),
            _Derivative(analysis.second_derivative, analysis.second_derivative_pieces, corners),
        )
    defaults = {**activation.defaults, **display.values}
    if display.derivative is not None:
        first = display.derivative
        second = derivative(display.derivative, x, 1, defaults)
    else:
        first = derivative(source, x, 1, defaults)
        second = derivative(source, x, 2, defaults)
    return (
        _Derivative(first, display_pieces(first, x, kinks), kinks),
        _Derivative(second, display_pieces(second, x, corners), corners),
    )


def _in_inner_functions(
    activation: Activation, kinks: tuple[sp.Expr, ...], corners: tuple[sp.Expr, ...]
) -> tuple[_Derivative, _Derivative]:
    """f′ and f″ of the display form in its inner functions: each replaced by an undefined
    U(x), differentiated, and U, U′, U″ replaced by the symbols u, u′, u″ printed."""
    x, display = activation.variable, activation.display
    source, applied = display.definition, {}
    for inner in display.inner:
        function = sp.Function(inner.symbol.name, real=True)(x)
        replaced = replace_inner(source, inner.expression, function)
        if replaced is None:  # the loader checked it occurs: only a changed loader gets here
            raise CatalogError(activation.source, f"inner.{inner.symbol.name}", "does not occur")
        source, applied[inner] = replaced, function
    named = {
        sp.Derivative(function, (x, order)): inner.derivative_symbol(order)
        for inner, function in applied.items()
        for order in (1, 2)
    }
    plain = {function: inner.symbol for inner, function in applied.items()}
    # A linear inner function (ACON-C's u = β(p₁ − p₂)x) has u″ = 0 and xu′ = u.
    linear = tuple(inner for inner in display.inner if _linear(inner.expression, x))
    vanishing = {inner.derivative_symbol(2): sp.Integer(0) for inner in linear}
    forms = _Forms(activation)
    derived, found = canonical(source), []
    for excluded in (kinks, corners):
        derived = sp.piecewise_fold(sp.diff(derived, x))
        shown = _tidy(
            activation, derived.xreplace(named).xreplace(plain).xreplace(vanishing), linear
        )
        if shown.has(sp.Derivative, sp.Subs, *applied.values()):
            raise CatalogError(activation.source, "inner", "the derivative is not one of u, u′, u″")
        where = forms.used(shown)
        value = shown.xreplace({form.symbol: form.value for form in where})
        found.append(_Derivative(value, display_pieces(shown, x, excluded), excluded, shown, where))
    return found[0], found[1]


class _Forms:
    """The inner functions and their derivatives in x, derived once each as asked for."""

    def __init__(self, activation: Activation) -> None:
        self._activation = activation
        self._found: dict[tuple[int, int], InnerForm] = {}

    def used(self, shown: sp.Expr) -> tuple[InnerForm, ...]:
        """u for every inner function, and each derivative ``shown`` is written in."""
        forms = []
        for index, inner in enumerate(self._activation.display.inner):
            for order in (0, 1, 2):
                if order == 0 or shown.has(inner.derivative_symbol(order)):
                    forms.append(self._form(index, order))
        return tuple(forms)

    def _form(self, index: int, order: int) -> InnerForm:
        if (index, order) not in self._found:
            activation = self._activation
            inner = activation.display.inner[index]
            value = inner.expression
            if order:
                defaults = {**activation.defaults, **activation.display.values}
                value = derivative(inner.expression, activation.variable, order, defaults)
            self._found[index, order] = InnerForm(inner, order, value)
        return self._found[index, order]


def _linear(inner: sp.Expr, x: sp.Symbol) -> bool:
    """Whether ``inner`` is a multiple of x: u = xu′, so x may be written u/u′."""
    return bool(sp.simplify(inner - x * sp.diff(inner, x)) == 0)


def _tidy(activation: Activation, expression: sp.Expr, linear: tuple[Inner, ...] = ()) -> sp.Expr:
    """The shortest printed (:func:`_cost`) of a few equal forms: as derived, common factors
    taken out, the sum collected on the inner symbols, factored; each also with its signs
    and common numbers taken out of the factors of products (:func:`_plain`). With a
    ``linear`` inner function u, each is tried with xu′ written as u as well."""
    if isinstance(expression, sp.Piecewise):
        return sp.Piecewise(*((_tidy(activation, e, linear), c) for e, c in expression.args))
    inner = activation.display.inner
    named = {i.derivative_symbol(order) for i in inner for order in (0, 1, 2)}
    starts = [expression, *_in_linear_inner(expression, activation.variable, linear)]
    forms: list[sp.Expr] = []
    for start in starts:
        names = sorted(named & start.free_symbols, key=str)
        forms += [start, sp.factor_terms(start)]
        forms.append(sp.factor_terms(sp.collect(sp.expand(start), names)))
        forms.append(_apart_from_inner(start, named))
        with contextlib.suppress(sp.PolynomialError, NotImplementedError, ValueError, TypeError):
            forms.append(sp.factor(start))
    forms += [_plain(form) for form in forms]
    shortest: sp.Expr = min(forms, key=lambda form: _cost(activation, form))
    return shortest


def _cost(activation: Activation, form: sp.Expr) -> tuple[int, int, str]:
    """Fractions inside a fraction's numerator (never what a textbook prints), then the
    printed length with each operation worth four characters, so that an expanded product
    (−p₂xg′ + p₁xg′ …) does not win over (p₁ − p₂)xg′ by a few characters."""
    nested = 0
    for node in sp.preorder_traversal(form):
        numerator, denominator = sp.fraction(node) if node.is_Mul else (node, 1)
        if denominator != 1 and numerator.is_Add:
            nested += any(sp.fraction(term)[1] != 1 for term in numerator.args)
    length = len(latex.expression(activation, form)) + 4 * int(sp.count_ops(form))
    return nested, length, str(form)


def _in_linear_inner(expression: sp.Expr, x: sp.Symbol, linear: tuple[Inner, ...]) -> list[sp.Expr]:
    """``expression`` with x written u/u′ for each ``linear`` inner function u, where that
    leaves no division by u′ (which may be 0: ACON-C with p₁ = p₂)."""
    written = []
    for function in linear:
        slope = function.derivative_symbol(1)
        form = expression.xreplace({x: function.symbol / slope})
        if not sp.denom(sp.together(form)).has(slope):
            written.append(form)
    return written


def _apart_from_inner(expression: sp.Expr, named: set[InnerSymbol]) -> sp.Expr:
    """A sum's terms in the inner symbols factored together, the others left apart:
    p₂ + (p₁ − p₂)σ(u)(1 + u(1 − σ(u))), not p₂ + (p₁ − p₂)σ(u) + (p₁ − p₂)uσ(u)(1 − σ(u))."""
    terms = sp.Add.make_args(expression)
    inner = [term for term in terms if term.free_symbols & named]
    rest = [term for term in terms if not term.free_symbols & named]
    if len(inner) < 2 or not rest:
        return expression
    factored: sp.Expr = sp.Add(*rest) + sp.factor_terms(sp.Add(*inner))
    return factored


def _plain(expression: sp.Expr) -> sp.Expr:
    """(tanh²u/2 − 1/2)(−2u′ − x…) as (1 − tanh²u)(2u′ + x…)/2: in every product, each
    sum's leading minus sign and common number taken out to the product's coefficient."""
    if not expression.args or not isinstance(expression, sp.Expr):
        return expression
    args = [_plain(argument) for argument in expression.args]
    if not expression.is_Mul:
        rebuilt: sp.Expr = expression.func(*args)
        return rebuilt
    coefficient, factors = sp.Integer(1), []
    for factor in args:
        if factor.is_Add:
            content, factor = factor.primitive()
            if _leads_with_minus(factor):
                content, factor = -content, -factor
            coefficient *= content
        factors.append(factor)
    product: sp.Expr = sp.Mul(coefficient, *factors)
    return product


def _leads_with_minus(total: sp.Expr) -> bool:
    """More terms subtracted than added, or as many and the number term subtracted: the
    sum reads better negated (tanh²u − 1 as −(1 − tanh²u))."""
    terms = sp.Add.make_args(total)
    negative = sum(1 for term in terms if term.could_extract_minus_sign())
    if 2 * negative != len(terms):
        return 2 * negative > len(terms)
    return any(term.is_number and term.is_negative for term in terms)
