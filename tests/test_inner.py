"""Inner functions: derivatives printed in u, u′, u″ (GELU-tanh's u = √(2/π)(x + 0.044715x³)),
each printed form proved, with the definitions put back, to be the analysis' derivative."""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

import pytest
import sympy as sp

from generator.catalog.loader import load_entry
from generator.catalog.named import elementary
from generator.errors import CatalogError
from generator.present import formulas, latex
from generator.present.proofs import InnerForm, prove_inner
from generator.records.catalog import Activation, X
from tests.conftest import CATALOG, PATHS, each, elementwise_analysis

BY_ID = {activation.id: activation for activation in CATALOG}
INNER = tuple(a for a in CATALOG if a.display.inner)
# The flat expansion of GELU-tanh's f″ is over 400 TeX characters; in u, u′, u″ it is short.
SHORT = 200


def test_the_catalog_names_inner_functions() -> None:
    assert {"acon_c", "gelu_tanh", "smish", "soboleva_tanh"} <= {a.id for a in INNER}
    assert [i.latex for i in BY_ID["soboleva_tanh"].display.inner] == ["N", "D"]


def test_gelu_tanh_second_derivative_is_printed_in_u() -> None:
    gelu = BY_ID["gelu_tanh"]
    analysis = elementwise_analysis(gelu)
    printed = formulas._print(gelu, analysis)
    assert printed.second is not None
    assert r"u^{\prime}" in printed.second
    assert r"u^{\prime\prime}" in printed.second
    assert "0.044715" not in printed.second, "the cubic is inside u, stated below"
    _, second = formulas._derivatives(gelu, analysis)
    shown = latex.expression(gelu, second.printed)
    assert len(shown) < SHORT, shown
    flat = latex.expression(gelu, analysis.second_derivative)
    assert len(flat) > 2 * len(shown)
    assert printed.inner[0].startswith("u = ")
    assert [line.partition(" = ")[0] for line in printed.inner] == [
        "u",
        r"u^{\prime}",
        r"u^{\prime\prime}",
    ]
    assert "0.044715" in printed.inner[0], "numbers print as typed"


def test_soboleva_tanh_reads_as_the_quotient_rule() -> None:
    printed = formulas._print(BY_ID["soboleva_tanh"], elementwise_analysis(BY_ID["soboleva_tanh"]))
    assert printed.first is not None
    assert printed.first.endswith(r"= \frac{D N^{\prime} - D^{\prime} N}{D^{2}}")
    names = [line.partition(" = ")[0] for line in printed.inner]
    primes = ["", r"^{\prime}", r"^{\prime\prime}"]
    assert names == [f"{name}{prime}" for prime in primes for name in ("N", "D")]


def test_a_linear_inner_function_is_written_as_u_not_x_times_its_slope() -> None:
    """ACON-C's u = β(p₁ − p₂)x: u″ = 0 is never printed, and xu′ reads u."""
    acon = BY_ID["acon_c"]
    printed = formulas._print(acon, elementwise_analysis(acon))
    assert printed.first is not None
    assert printed.second is not None
    for line in (printed.first, printed.second):
        derivative = line.partition(" = ")[2]
        assert r"\sigma\left(u\right)" in derivative, line
        assert "x" not in derivative, f"x is written as u/u′: {line}"
        assert r"\prime\prime" not in derivative, line
    assert [line.partition(" = ")[0] for line in printed.inner] == ["u", r"u^{\prime}"]


def test_a_linear_inner_function_is_never_divided_by_its_slope() -> None:
    """Where x stands alone (not times u′), writing it u/u′ would divide by a u′ that may be
    0 (ACON-C with p₁ = p₂): that form is not among those tried."""
    acon = BY_ID["acon_c"]
    (u,) = acon.display.inner
    x, slope = acon.variable, u.derivative_symbol(1)
    assert formulas._in_linear_inner(x * slope + 1, x, (u,)) == [u.symbol + 1]
    assert formulas._in_linear_inner(x + u.symbol, x, (u,)) == []
    assert formulas._in_linear_inner(x**2 * slope, x, (u,)) == []


@each(INNER)
def test_substituted_back_it_is_the_analysed_derivative(activation: Activation) -> None:
    """At random points and the defaults: f′ and f″ in u, u′, u″ with u, u′, u″ put back."""
    analysis = elementwise_analysis(activation)
    values = activation.display.values
    rng = random.Random(activation.id)
    points = [sp.Rational(rng.randint(-400, 400), 100) for _ in range(6)]
    for shown, target in zip(
        formulas._derivatives(activation, analysis),
        (analysis.derivative, analysis.second_derivative),
        strict=True,
    ):
        assert shown.shown is not None
        assert shown.where
        back = shown.printed.xreplace({form.symbol: form.value for form in shown.where})
        assert not back.free_symbols - {X, *activation.defaults, *values}
        exact = elementary(back.subs(values)).subs(activation.defaults)
        reference = target.subs(activation.defaults)
        for point in points:
            a, b = (sp.N(e.subs(X, point), 30) for e in (exact, reference))
            assert abs(a - b) < 1e-20, (activation.id, point, a, b)


def _with_inner(tmp_path: Path, entry: str, inner: str) -> Path:
    source = (PATHS.catalog / f"{entry}.yaml").read_text(encoding="utf-8")
    source = re.sub(r"^inner:\n(  .*\n)+", "", source, flags=re.M)
    path = tmp_path / f"{entry}.yaml"
    path.write_text(source.replace("\nframeworks:", f"\ninner: {inner}\nframeworks:", 1))
    return path


@pytest.mark.parametrize(
    ("entry", "inner", "message"),
    [
        ("gelu_tanh", "{u: sqrt(2/pi) * (x + 0.05 * x**3)}", r"'inner\.u'.*does not occur"),
        ("gelu_tanh", "{u: tanh(x)}", r"'inner\.u'.*does not occur in `expression`"),
        ("smish", "{u: log(1 + exp(x))}", r"'inner\.u'.*does not occur in `display`"),
        ("gelu_tanh", "{x: sqrt(2/pi) * (x + 0.044715 * x**3)}", r"'inner\.x'.*single letter"),
        ("gelu_tanh", "{uv: sqrt(2/pi) * (x + 0.044715 * x**3)}", r"'inner\.uv'.*single letter"),
        ("soboleva_tanh", "{a: exp(a * x) - exp(-b * x)}", r"'inner\.a'.*single letter"),
        ("gelu_tanh", "{W: sqrt(2/pi) * (x + 0.044715 * x**3)}", r"'inner\.W'.*named function"),
        ("gelu_tanh", "{u: sqrt(2/pi) * (x + y)}", r"'inner\.u'.*unknown symbol 'y'"),
        ("gelu_tanh", "{u: __import__('os')}", r"'inner\.u'.*not allowed"),
        ("gelu_tanh", "{u: 2/pi}", r"'inner\.u'.*function of x"),
        ("gelu_tanh", "[u]", r"'inner'.*must be a mapping"),
    ],
)
def test_a_bad_inner_field_names_the_field(
    entry: str, inner: str, message: str, tmp_path: Path
) -> None:
    path = _with_inner(tmp_path, entry, inner)
    with pytest.raises(CatalogError, match=rf"{entry}\.yaml: field {message}"):
        load_entry(path)


def test_inner_is_not_for_an_entry_printing_its_own_derivative(tmp_path: Path) -> None:
    path = _with_inner(tmp_path, "gelu", "{u: x / sqrt(2)}")
    with pytest.raises(CatalogError, match=r"'inner'.*derivative_display"):
        load_entry(path)


def test_an_inner_function_as_written_loads(tmp_path: Path) -> None:
    """The same field in flow style, and one found by ``subs`` (a part of a sum)."""
    path = _with_inner(tmp_path, "soboleva_tanh", "{N: exp(a*x) - exp(-b*x), D: exp(c*x)}")
    inner = load_entry(path).display.inner
    assert [i.latex for i in inner] == ["N", "D"]


def _printed_forms(activation: Activation) -> tuple[tuple[InnerForm, ...], list[sp.Expr]]:
    first, second = formulas._derivatives(activation, elementwise_analysis(activation))
    return tuple(dict.fromkeys(first.where + second.where)), [first.printed, second.printed]


def _targets(activation: Activation) -> tuple[sp.Expr, sp.Expr]:
    analysis = elementwise_analysis(activation)
    return analysis.derivative, analysis.second_derivative


@each(INNER)
def test_the_printed_forms_are_proved(activation: Activation) -> None:
    forms, printed = _printed_forms(activation)
    prove_inner(activation, forms, tuple(zip(printed, _targets(activation), strict=True)))


def test_a_wrong_inner_derivative_cannot_pass_the_proof() -> None:
    gelu = BY_ID["gelu_tanh"]
    forms, printed = _printed_forms(gelu)
    wrong = tuple(
        replace(form, value=2 * form.value) if form.order == 1 else form for form in forms
    )
    pairs = tuple(zip(printed, _targets(gelu), strict=True))
    with pytest.raises(CatalogError, match=r"gelu_tanh\.yaml.*'inner\.u'.*u′ that is not its"):
        prove_inner(gelu, wrong, pairs)


def test_a_wrong_printed_derivative_cannot_pass_the_proof() -> None:
    gelu = BY_ID["gelu_tanh"]
    forms, (first, second) = _printed_forms(gelu)
    u2 = gelu.display.inner[0].derivative_symbol(2)
    pairs = ((first, _targets(gelu)[0]), (second + u2 / 100, _targets(gelu)[1]))
    with pytest.raises(CatalogError, match=r"gelu_tanh\.yaml.*'inner'.*f″ that is not"):
        prove_inner(gelu, forms, pairs)


def test_a_wrong_derivation_stops_the_printing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Printing proves what it prints: a broken derivative of u fails the build."""
    smish = BY_ID["smish"]

    def wrong(expression: sp.Expr, x: sp.Symbol, order: int, defaults: object) -> sp.Expr:
        value: sp.Expr = sp.diff(expression, x, order) + order * x
        return value

    monkeypatch.setattr(formulas, "derivative", wrong)
    with pytest.raises(CatalogError, match=r"smish\.yaml: field 'inner\.u'.*not its derivative"):
        formulas._print(smish, elementwise_analysis(smish))


def test_the_cache_key_holds_the_inner_functions() -> None:
    gelu = BY_ID["gelu_tanh"]
    assert "inner" in gelu.display.key()
    plain = replace(gelu.display, inner=())
    assert plain.key() != gelu.display.key()
