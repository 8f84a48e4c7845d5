"""Display forms and printed numbers: every textbook form proved, every printed number one a
reader would write, and no definition that only repeats its own name."""

from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path

import pytest
import sympy as sp

from generator.build.pipeline import build_docs
from generator.catalog.expressions import DISPLAY_FUNCTIONS, ExpressionError, parse_expression
from generator.catalog.loader import load_entry
from generator.catalog.named import NAMED, NamedFunction, elementary
from generator.errors import CatalogError
from generator.pages import render_pages
from generator.present import formulas, latex
from generator.present.printers import latex_expression, latex_number
from generator.present.proofs import prove_display
from generator.records.analysis import ElementwiseAnalysis
from generator.records.catalog import Activation, X
from generator.records.markup import PLACEHOLDER, decode
from tests.conftest import CATALOG, PATHS, SCALAR, analysis_of, each, site_view

BY_ID = {activation.id: activation for activation in CATALOG}
DISPLAYED = tuple(a for a in CATALOG if a.display.given)
# Range estimates are printed to six significant digits; typed decimals may be longer.
ESTIMATE_DIGITS = 6
MAX_INTEGER_DIGITS = 6
_DECIMAL = re.compile(r"(?<![\d.])(\d+\.\d+)")
# Proved digits of an irrational value, truncated and marked (−0.2784645427610737951…): a
# stated number of significant digits, up to the 20 a value's own row may show.
_PROVED = re.compile(r"(?<![\d.])(\d+\.\d+)\\ldots")
PROVED_DIGITS = 20
_INTEGER = re.compile(r"(?<![\d.])(\d+)(?![\d.])")


# --- every display form is proved, a wrong one stops the build -----------------------------


def test_the_catalog_uses_display_forms() -> None:
    shown = {a.id for a in DISPLAYED}
    assert {"gelu", "geglu", "silu", "swiglu", "mish", "tanh", "sinc", "arctan"} <= shown
    assert BY_ID["selu"].display.constants, "SELU names λ and α"


@each(DISPLAYED)
def test_every_display_form_is_proved_equal_to_the_expression(activation: Activation) -> None:
    prove_display(activation)  # raises CatalogError naming the field otherwise


@each(DISPLAYED)
def test_display_forms_agree_with_the_expression_at_points(activation: Activation) -> None:
    """The proof's conclusion checked numerically, so a wrong proof could not slip by."""
    display, values = activation.display, activation.display.values
    pairs = [(display.definition, activation.expression)]
    if display.derivative is not None:
        pairs.append((display.derivative, sp.diff(activation.expression, X)))
    for form, target in pairs:
        exact = elementary(form.subs(values)).subs(activation.defaults)
        for point in (sp.Rational(-13, 10), sp.Rational(2, 5), sp.Rational(21, 10)):
            a, b = (
                sp.N(exact.subs(X, point), 30),
                sp.N(target.subs(activation.defaults).subs(X, point), 30),
            )
            assert abs(a - b) < 1e-25, (activation.id, point)


@pytest.mark.parametrize(
    ("field", "text"),
    [("display", "x * Phi(2 * x)"), ("derivative_display", "Phi(x) + phi(x)")],
)
def test_a_wrong_display_form_names_the_file_and_the_field(
    field: str, text: str, tmp_path: Path
) -> None:
    path = tmp_path / "gelu.yaml"
    source = (PATHS.catalog / "gelu.yaml").read_text(encoding="utf-8")
    path.write_text(re.sub(rf"^{field}: .*$", f"{field}: {text}", source, flags=re.M))
    activation = load_entry(path)
    with pytest.raises(CatalogError, match=rf"gelu\.yaml.*'{field}'.*not equal.*at x = "):
        prove_display(activation)


def test_a_wrong_display_form_fails_the_build(tmp_path: Path) -> None:
    catalog = tmp_path / "catalog"
    shutil.copytree(PATHS.catalog, catalog)
    path = catalog / "silu.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("x * sigma(x)", "x * sigma(2*x)"))
    with pytest.raises(CatalogError, match=r"silu\.yaml: field 'display': is not equal"):
        build_docs(PATHS.moved(catalog=catalog, docs=tmp_path / "docs"))
    assert not (tmp_path / "docs").exists()


@pytest.mark.parametrize(
    "text",
    ["__import__('os')", "Phi", "Phi.__class__", "sigma(x, y=1)", "lambda x: x", "'x'"],
)
def test_named_functions_are_parsed_against_the_whitelist(text: str) -> None:
    with pytest.raises(ExpressionError):
        parse_expression(text, {"x": X}, functions=DISPLAY_FUNCTIONS)


def test_named_functions_are_not_allowed_in_the_expression(tmp_path: Path) -> None:
    path = tmp_path / "silu.yaml"
    source = (PATHS.catalog / "silu.yaml").read_text(encoding="utf-8")
    path.write_text(source.replace("expression: x / (1 + exp(-x))", "expression: x * sigma(x)"))
    with pytest.raises(CatalogError, match=r"'expression'.*function 'sigma' is not allowed"):
        load_entry(path)


@pytest.mark.parametrize("name", [n for n in NAMED if n != "W"])
def test_named_functions_differentiate_as_their_elementary_forms(name: str) -> None:
    function = NAMED[name](2 * X)
    assert isinstance(function, NamedFunction)
    difference = elementary(sp.diff(function, X)) - sp.diff(function.elementary(), X)
    assert sp.simplify(difference) == 0


def test_typed_decimals_keep_every_digit() -> None:
    scale = BY_ID["selu"].display.constants[0]
    assert scale.value == sp.Rational("1.0507009873554804934193349852946")
    assert scale.digits == "1.0507009873554804934193349852946"


@pytest.mark.parametrize(
    ("constants", "message"),
    [
        ("{lambda: 1.05}", r"'constants\.lambda'.*Python keyword"),
        ("{alpha: 0}", r"'constants\.alpha'.*must not be 0"),
        ("{alpha: {value: 1.5, colour: red}}", r"'constants\.alpha\.colour'.*not a known"),
    ],
)
def test_bad_constants_name_the_field(constants: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "selu.yaml"
    source = (PATHS.catalog / "selu.yaml").read_text(encoding="utf-8")
    start, end = source.index("constants:"), source.index("expression:")
    path.write_text(source[:start] + f"constants: {constants}\n" + source[end:])
    with pytest.raises(CatalogError, match=message):
        load_entry(path)


def test_a_default_may_be_an_exact_fraction(tmp_path: Path) -> None:
    path = tmp_path / "rrelu.yaml"
    source = (PATHS.catalog / "rrelu.yaml").read_text(encoding="utf-8")
    assert "default: 1/3" in source
    path.write_text(source.replace("default: 1/3", "default: 1/0"))
    with pytest.raises(CatalogError, match=r"'parameters\.upper\.default'.*divides by zero"):
        load_entry(path)


# --- numbers and conditions as readers write them ------------------------------------------


def test_gelu_reads_x_phi() -> None:
    printed = _formulas(BY_ID["gelu"])
    assert printed.definition == r"\operatorname{GELU}(x) = x \Phi\left(x\right)"
    assert printed.first == (
        r"\operatorname{GELU}^{\prime}(x) = x \varphi\left(x\right) + \Phi\left(x\right)"
    )


def test_selu_names_its_constants_and_states_them_once() -> None:
    selu = BY_ID["selu"]
    printed = _formulas(selu)
    assert printed.definition.startswith(r"\operatorname{SELU}(x) = \lambda \begin{cases}")
    assert printed.constants == (
        r"\lambda = 1.0507009873554804934193349852946",
        r"\alpha = 1.6732632423543772848170429916717",
    )
    assert printed.first is not None
    assert r"\lambda \alpha e^{x} & x < 0" in printed.first
    analysis = analysis_of(selu)
    assert isinstance(analysis, ElementwiseAnalysis)
    low = analysis.properties.left.value_limit
    assert low is not None
    assert latex.number(selu, low) == r"- \lambda \alpha \approx -1.7581"
    limit = analysis.properties.right.derivative_limit
    assert limit is not None
    assert latex.number(selu, limit) == r"\lambda"


def test_typed_decimals_stay_decimals() -> None:
    lecun = _formulas(BY_ID["lecun_tanh"])
    assert lecun.first is not None
    assert r"2 \cdot 1.7159" in lecun.first
    assert "17159" not in lecun.first.replace("1.7159", "")
    assert lecun.identity is not None
    assert "17159" not in lecun.identity
    assert "51477" not in lecun.identity
    quick = _formulas(BY_ID["quick_gelu"])
    assert quick.first is not None
    assert "0.002" not in quick.first
    assert "851" not in quick.first


def test_rrelu_slope_is_an_exact_fraction() -> None:
    rrelu = BY_ID["rrelu"]
    assert rrelu.at_defaults().subs(X, -1) == -sp.Rational(11, 48)
    assert latex_number(sp.Rational(11, 48)) == r"\frac{11}{48}"


def test_values_are_simplified() -> None:
    mish = analysis_of(BY_ID["mish"])
    assert isinstance(mish, ElementwiseAnalysis)
    slope = mish.properties.derivative_at_zero
    assert slope is not None
    assert latex_number(slope) == r"\frac{3}{5}"  # tanh(log 2)


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("hardshrink", r"x & |x| > \lambda \\ 0 & |x| \leq \lambda"),
        ("softshrink", r"x - \lambda & x > \lambda \\ x + \lambda & x < - \lambda"),
        ("hardtanh", r"x & a \leq x \leq b"),
        ("threshold", r"v & x \leq \theta"),
        ("sparse_plus", r"\frac{\left(x + 1\right)^{2}}{4} & -1 < x < 1 \\ x & x \geq 1"),
    ],
)
def test_conditions_read_as_written_by_hand(entry: str, expected: str) -> None:
    assert expected in latex.definition(BY_ID[entry])


def test_a_derivative_condition_leaves_out_the_kinks() -> None:
    printed = _formulas(BY_ID["hardshrink"])
    assert printed.first is not None
    assert printed.first.endswith(r"1 & |x| > \lambda \\ 0 & |x| < \lambda \end{cases}")


def test_conditions_with_a_parameter_are_solved_for_x() -> None:
    lam = sp.Symbol("lambd", real=True)
    formula = sp.Piecewise((X, (lam < -X) | (lam < X)), (0, True))
    printed = latex_expression(formula, symbol_names={lam: r"\lambda"}, defaults={lam: 1})
    assert printed == r"\begin{cases} x & |x| > \lambda \\ 0 & |x| \leq \lambda \end{cases}"


@each(SCALAR)
def test_printed_derivatives_are_the_analysed_ones(activation: Activation) -> None:
    """f′ and f″ derived again from the display form equal the analysis' at points."""
    analysis = analysis_of(activation)
    assert isinstance(analysis, ElementwiseAnalysis)
    first, second = formulas._derivatives(activation, analysis)
    values = activation.display.values
    for shown, analysed in (
        (first.value, analysis.derivative),
        (second.value, analysis.second_derivative),
    ):
        exact = elementary(shown.subs(values)).subs(activation.defaults)
        reference = analysed.subs(activation.defaults)
        for point in (sp.Rational(-13, 10), sp.Rational(2, 5), sp.Rational(21, 10)):
            a, b = (sp.N(e.subs(X, point), 30) for e in (exact, reference))
            assert abs(a - b) < 1e-20, (activation.id, point)


# --- every built page ----------------------------------------------------------------------


@cache
def _pages() -> dict[str, str]:
    return render_pages(site_view(), PATHS.templates)


def _typed_digits(text: str) -> int:
    return max((_significant(found) for found in _DECIMAL.findall(text)), default=0)


def _significant(decimal: str) -> int:
    return len(decimal.replace(".", "").lstrip("0")) or 1


def _formulas_of(page: str) -> list[str]:
    return [decode(match)[0] for match in PLACEHOLDER.finditer(page)]


def _too_long(pages: dict[str, str]) -> list[str]:
    """Formulas with a float longer than the entry's own decimals (six
    digits for estimates) or an integer or fraction part over six digits."""
    every_file = "\n".join(p.read_text(encoding="utf-8") for p in PATHS.catalog.glob("*.yaml"))
    longest = max(_typed_digits(every_file), ESTIMATE_DIGITS)
    problems = []
    for name, page in pages.items():
        allowed = longest
        entry = BY_ID.get(Path(name).stem) if name.startswith("activations/") else None
        if entry is not None:
            allowed = max(_typed_digits(entry.source.read_text(encoding="utf-8")), ESTIMATE_DIGITS)
        for tex in _formulas_of(page):
            proved = [d for d in _PROVED.findall(tex) if _significant(d) > PROVED_DIGITS]
            typed = _DECIMAL.findall(_PROVED.sub("", tex))
            long_decimals = proved + [d for d in typed if _significant(d) > allowed]
            long_integers = [i for i in _INTEGER.findall(tex) if len(i) > MAX_INTEGER_DIGITS]
            if long_decimals or long_integers:
                problems.append(f"{name}: {tex}")
    return problems


def test_no_page_prints_more_digits_than_the_catalog_types() -> None:
    """No 4583333333333333/20000000000000000, no 1.7580993408473767818340515842446."""
    problems = _too_long(_pages())
    assert not problems, "\n".join(problems[:20])


def _bare(tex: str) -> str:
    text = re.sub(r"\\(left|right|operatorname)", "", tex)
    text = re.sub(r"[{}\s\\]", "", text)
    return text.replace("arctan", "atan").lower()


@each(CATALOG)
def test_no_definition_repeats_its_own_name(activation: Activation) -> None:
    definition = latex.definition(activation).split(r"\qquad")[-1]
    name, _, shown = definition.partition(" = ")
    assert _bare(shown) != _bare(name), definition


def test_activation_pages_state_named_values_and_identities() -> None:
    page = "\n".join(_formulas_of(_pages()["activations/selu.md"]))
    assert r"\lambda \alpha" in page
    assert "1.7580993408473767818340515842446" not in page
    assert "2101401974710961" not in page


def _formulas(activation: Activation) -> formulas.Formulas:
    return formulas._print(activation, analysis_of(activation))
