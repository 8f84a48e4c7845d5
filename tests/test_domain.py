"""Every formula is proved real and finite on all of ℝ (parameters at their defaults), or
refused with what fails and where; see generator/analysis/domain.py."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import sympy as sp

from generator.analysis.domain import check_domain
from generator.catalog.expressions import parse_expression
from generator.records.catalog import VECTOR_NAMES, X
from tests.conftest import CATALOG
from tests.test_bad_input import (
    Case,
    Corrupt,
    error_line,
    existing_output,
    run_generator,
    setting,
    snapshot,
)
from tests.test_bad_input import catalog as catalog  # the fixture: a private catalog copy

ALPHA = sp.Symbol("alpha", real=True)


def problem(text: str, alpha: int | None = None) -> str | None:
    """check_domain of ``text`` in x (and alpha, at the default ``alpha``)."""
    expression = parse_expression(text, {"x": X, "alpha": ALPHA})
    defaults = {} if alpha is None else {ALPHA: sp.Integer(alpha)}
    return check_domain(expression, defaults, X)


@pytest.mark.parametrize(
    ("text", "alpha", "expected"),
    [
        ("log(x)", None, "log(x) is not real for x ≤ 0"),
        ("1/x", None, "1/x is undefined at x = 0"),
        ("sqrt(x)", None, "sqrt(x) is not real for x < 0"),
        ("x**(1/3)", None, "x**(1/3) is not real for x < 0"),
        ("tan(x)", None, "tan(x) is undefined at x = π/2 ≈ 1.5708 and other points"),
        ("cot(x)", None, "cot(x) is undefined at x = 0 and other points"),
        ("x**x", None, "x**x is not real for x ≤ 0"),
        ("acosh(x)", None, "acosh(x) is not real for x < 1"),
        ("1/(x**2 - 1)", None, "1/(x**2 - 1) is undefined at x = 1 and other points"),
        ("log(sin(x))", None, "log(sin(x)) is not real at x = 0 and other points"),
        ("x + log(alpha)", -1, "log(alpha) is not real at the default alpha = -1"),
        ("x / alpha", 0, "1/alpha is undefined at the default alpha = 0"),
        ("x**alpha", 1, None),  # an integer power at the default: fine
        ("1/(x - alpha)", 2, "1/(-alpha + x) is undefined at x = 2 (with the default alpha = 2)"),
        ("Piecewise((log(x), x > -1), (0, True))", None, "log(x) is not real for -1 < x ≤ 0"),
    ],
)
def test_refused_where_it_fails(text: str, alpha: int | None, expected: str | None) -> None:
    assert problem(text, alpha) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Piecewise((log(x), x > 0), (0, True))",
        "Piecewise((x, x > 0), (1/x, x < -1), (0, True))",
        "Piecewise((Piecewise((log(x), x > 1), (1/x, x < -1), (0, True)), x > -5), (0, True))",
        "Piecewise((x, x >= 0), (x / sqrt(1 - x), True))",  # 1 − x > 0 where x < 0
        "log(1 + exp(x))",
        "1 / sqrt(1 + x**2)",
        "Max(0, x)**(1/2)",
        "log(x**12 - 3*x**7 + 5)",  # solveset: no real x makes it ≤ 0
        "1 / (sin(x)**2 + cos(3*x) + 2)",
        "1 / (sin(x**3 + x) + 2)",  # only interval arithmetic proves this one
        "2**x",
        "log(" + "exp(" * 20 + "x" + ")" * 21,
    ],
)
def test_accepted_when_proved(text: str) -> None:
    assert problem(text) is None


def test_innermost_failure_is_reported() -> None:
    """A tower of logarithms fails first at its third level, and says so at once."""
    message = problem("log(" * 30 + "2 + x**2" + ")" * 30)
    assert message == "log(log(log(x**2 + 2))) is not real for -sqrt(-2 + E) ≤ x ≤ sqrt(-2 + E)"


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("log(1 + x*tanh(x))", "needs x*tanh(x) + 1 > 0"),
        ("1/(x**1000 + x**999 + 1)", "needs x**1000 + x**999 + 1 ≠ 0"),  # beyond the degree bound
        ("tan(x**5 + 3*x**3 + x + 1)", "needs cos(x**5 + 3*x**3 + x + 1) ≠ 0"),
    ],
)
def test_unproved_is_refused_as_unproved(text: str, needs: str) -> None:
    """What no method proves is not published, and the message says it is unproved."""
    message = problem(text)
    assert message is not None
    assert message.startswith("cannot prove ")
    assert needs in message


def test_non_real_and_infinite_values_are_refused() -> None:
    assert problem("x * oo") == "is not finite: it contains oo"
    imaginary = check_domain(sp.I * X, {}, X)
    assert imaginary is not None
    assert "imaginary unit" in imaginary
    assert check_domain(sp.zoo * X, {}, X) == "is not finite: it contains zoo"


def test_piecewise_without_a_branch_for_some_x_is_refused() -> None:
    assert check_domain(sp.Piecewise((X, X > 0)), {}, X) == (
        "is undefined for x ≤ 0: no branch of a Piecewise applies"
    )
    covered = sp.Piecewise((X, X > 0), (0, X <= 0))
    assert check_domain(covered, {}, X) is None


def test_vector_formulas() -> None:
    """A sum of exponentials is positive; a sum of raw components is not known to be."""
    names = dict(VECTOR_NAMES)
    good = parse_expression("x[i] - log(Sum(exp(x[j]), (j, 1, n)))", names)
    bad = parse_expression("x[i] - log(Sum(x[j], (j, 1, n)))", names)
    assert check_domain(good, {}, None) is None
    message = check_domain(bad, {}, None)
    assert message is not None
    assert message.startswith("cannot prove log(Sum(x[j], (j, 1, n)))")


def test_every_shipped_entry_is_proved_defined() -> None:
    started = time.perf_counter()
    problems = {
        activation.id: check_domain(
            activation.expression,
            {parameter.symbol: parameter.default for parameter in activation.parameters},
            activation.variable if activation.kind.scalar else None,
        )
        for activation in CATALOG
    }
    elapsed = time.perf_counter() - started
    assert len(problems) == 62
    assert {key: value for key, value in problems.items() if value} == {}
    print(f"domain check of {len(problems)} entries: {elapsed:.3f} s")  # shown with -s


def both(*corruptions: Corrupt) -> Corrupt:
    """Apply several corruptions to the same file, in order."""

    def corrupt(path: Path) -> None:
        for corruption in corruptions:
            corruption(path)

    return corrupt


CASES = [
    Case("log-of-x", "tanh", "expression", setting("expression", value="log(x)")),
    Case("reciprocal", "tanh", "expression", setting("expression", value="1/x")),
    Case("square-root", "tanh", "expression", setting("expression", value="sqrt(x)")),
    Case("tangent", "tanh", "expression", setting("expression", value="tan(x)")),
    Case("x-to-the-x", "tanh", "expression", setting("expression", value="x**x")),
    Case("acosh", "tanh", "expression", setting("expression", value="acosh(x)")),
    Case("imaginary", "tanh", "expression", setting("expression", value="sqrt(-1)*x")),
    Case(
        "log-of-negative-default",
        "snake",
        "expression",
        both(
            setting("expression", value="x + log(alpha) * sin(x)"),
            setting("parameters", "alpha", "default", value=-1),
        ),
    ),
    Case(
        "divide-by-zero-default",
        "snake",
        "expression",
        setting("parameters", "alpha", "default", value=0),
    ),
]
MESSAGES = {
    "log-of-x": "log(x) is not real for x ≤ 0",
    "reciprocal": "1/x is undefined at x = 0",
    "tangent": "tan(x) is undefined at x = π/2",
    "log-of-negative-default": "log(alpha) is not real at the default alpha = -1",
    "divide-by-zero-default": "1/alpha is undefined at the default alpha = 0",
}


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_undefined_formula_is_refused(case: Case, catalog: Path, tmp_path: Path) -> None:
    """Exit 2, one ``error: <file>: field 'expression': …`` line, no traceback, docs/ kept."""
    path = catalog / f"{case.file}.yaml"
    case.corrupt(path)
    docs = tmp_path / "docs"
    before = existing_output(docs, "sentinel.txt")

    result = run_generator("docs", "--catalog", str(catalog), "--docs", str(docs))

    error = error_line(result)
    assert result.returncode == 2, result.stderr
    assert error.startswith(f"error: {path}: field '{case.field}': "), result.stderr
    assert MESSAGES.get(case.id, "") in error
    assert "built" not in result.stdout
    assert snapshot(docs) == before
