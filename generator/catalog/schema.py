"""The catalog's fields, declared once: the loader's "did you mean" and the README's field
table are generated from this list, and a test holds the loader to it (every declared field
is read, every required one is required, nothing else is accepted)."""

from __future__ import annotations

from typing import Final

from generator.catalog.expressions import CONSTANTS, FUNCTIONS
from generator.catalog.limits import SUMMARY
from generator.catalog.named import MEANINGS
from generator.records.published import CatalogField

_EXPRESSION: Final = (
    "the formula in `x` and the parameter names; functions allowed: "
    f"`{' '.join(FUNCTIONS)}`, constants `{' '.join(CONSTANTS)}`; "
    "`Piecewise((x, x > 0), (alpha*(exp(x) - 1), True))` for branches; decimals are "
    "exact as typed and printed as typed"
)
_NAMED: Final = ", ".join(f"`{name}` ({meaning})" for name, meaning in MEANINGS.items())
FIELDS: Final = (
    CatalogField(
        ("id", "name", "summary"),
        "yes",
        ("identifier (lower-case, `_`), display name, one or two sentences"),
    ),
    CatalogField(
        ("aliases",),
        "no",
        ("other names"),
    ),
    CatalogField(
        ("family",),
        "yes",
        ("a slug from `generator/catalog/families.py`"),
    ),
    CatalogField(
        ("kind",),
        "yes",
        (
            "`elementwise` (f(x) per entry), `gated` (input split in halves a, b; "
            "output a ⊗ g(b); `expression` is the gate g(x)) or `vector` (component i"
            " of a map ℝⁿ → ℝⁿ, written with `x[i]`, `x[j]`, `Sum(..., (j, 1, n))`)"
        ),
    ),
    CatalogField(
        ("symbol",),
        "yes",
        (
            "LaTeX for the function's name, e.g. `\\operatorname{ELU}`: Greek letters, "
            "`\\operatorname`, `\\mathrm`, `\\text`, `\\prime` and a few more commands "
            "(`generator/catalog/latex_whitelist.py`), braces balanced"
        ),
    ),
    CatalogField(
        ("expression",),
        "yes",
        _EXPRESSION,
    ),
    CatalogField(
        ("parameters",),
        "no",
        (
            "`name: {default, description, symbol}`; the name is PyTorch's argument "
            "name and the default PyTorch's where PyTorch ships the activation (a number, "
            "or an exact fraction such as `1/3`); `symbol` is LaTeX (`\\alpha`); no name "
            "may be a Python keyword or builtin or a name the printed code uses (`np`, `torch`…)"
        ),
    ),
    CatalogField(
        ("constants",),
        "no",
        (
            "named constants, `name: {value, symbol}` (or `name: value`), e.g. SELU's "
            "`scale: {value: 1.0507009873554804934193349852946, symbol: \\lambda}`: "
            "formulas use the name, the value keeps every digit typed, pages print the "
            "symbol and state the value once below the definition"
        ),
    ),
    CatalogField(
        ("display", "derivative_display"),
        "no",
        (
            "f, and f′, in the form textbooks print (`x * Phi(x)` for GELU); may also "
            f"call {_NAMED}, and `Integral(..., (t, 0, x))`; the build fails unless "
            "SymPy proves each equal to `expression` (or to its derivative)"
        ),
    ),
    CatalogField(
        ("inner",),
        "no",
        (
            "functions inside the formula to print f′ and f″ in, `name: formula` in the order "
            "written, e.g. `u: sqrt(2/pi) * (x + 0.044715 * x**3)` for GELU-tanh: each name "
            "one letter no parameter or constant uses, each formula as it occurs in `display` "
            "(else `expression`); pages print f′ and f″ in u, u′, u″ and state those below, and "
            "the build fails unless SymPy proves each printed form, with them put back, equal "
            "to f′ and f″"
        ),
    ),
    CatalogField(
        ("derivative_identity",),
        "no",
        (
            "f′ in terms of the value `f` (and x, the named functions of `display`), e.g. "
            "`f * (1 - f)`, `Piecewise((1, x > 0), (f + alpha, True))`; for vector kinds "
            "the Jacobian in terms of the outputs `s[i]`, `s[j]`; the build fails unless "
            "SymPy confirms it"
        ),
    ),
    CatalogField(
        ("kinks",),
        "when f has kinks",
        (
            "one `{at, pytorch, keras, jax, note}` per point where f is not "
            "differentiable: `at` is a formula (may use parameters), `pytorch`/`keras`/`jax` "
            "the value that framework's autograd returns there, required for each framework "
            "that ships the entry (asserted by the tests); the build fails if the list "
            "disagrees with the kinks SymPy finds"
        ),
    ),
    CatalogField(
        ("frameworks",),
        "yes",
        (
            "`pytorch`/`keras`/`jax` → `function` and/or `module` (dotted names); "
            "`arguments` (both calls), `function_arguments`, `module_arguments`: only where "
            "a call takes a parameter differently, `name: fixed` (no such argument: the form "
            "is fixed at our default) or `name: {keyword, default, form}` (the framework's "
            "keyword and its own default, `required` when it has none; `form` is `number`, "
            "`tensor` or `initializer`); `select: {keyword: {value, default}}`, what to pass "
            "for this form beside the framework's default (`{approximate: {value: false, "
            "default: true}}`); `tolerance: {f_relative, f_absolute, df_relative, "
            "df_absolute}`, the agreement with the exact formula in float64 the tests assert "
            "(omitted bounds are 0; `make bench-agreement` measures them); `note`; "
            "`pytorch` may give `gain: {nonlinearity, value}`, what "
            "`torch.nn.init.calculate_gain` returns (exact, may use the parameters; "
            "checked against PyTorch in the tests)"
        ),
    ),
    CatalogField(
        ("differences",),
        "no",
        ("`{framework, description}` for deliberate departures (PyTorch's Softplus threshold)"),
    ),
    CatalogField(
        ("adaptive",),
        "no",
        ("what is learned or drawn at random (PReLU, RReLU)"),
    ),
    CatalogField(
        ("shape",),
        "no",
        ("for entries that change the width of their input"),
    ),
    CatalogField(
        ("pros", "cons", "uses"),
        "yes",
        ("lists of sentences"),
    ),
    CatalogField(
        ("references",),
        "yes",
        ("`{authors, title, year, venue, url}`; url must be https, to a named host"),
    ),
)
NAMES: Final = tuple(name for field in FIELDS for name in field.names)


def markdown_table() -> str:
    """The README's field table."""
    lines = ["| field | required | what |", "|---|---|---|"]
    for field in FIELDS:
        names = ", ".join(f"`{name}`" for name in field.names)
        lines.append(f"| {names} | {field.required} | {field.meaning} |")
    return "\n".join(lines) + f"\n\n{SUMMARY}"
