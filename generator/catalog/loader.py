"""Discover, parse and validate the catalog: one YAML file per activation."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Final

import sympy as sp

from generator.catalog import schema, strings
from generator.catalog.display import read_constants, read_display
from generator.catalog.expressions import (
    FUNCTIONS,
    NAMED_FUNCTIONS,
    ExpressionError,
    parse_expression,
)
from generator.catalog.families import FAMILIES_BY_SLUG
from generator.catalog.fields import Fields, read_fields
from generator.catalog.files import catalog_files
from generator.catalog.frameworks import read_frameworks
from generator.catalog.limits import NAME_CHARACTERS
from generator.catalog.named import elementary
from generator.catalog.quoting import quoted
from generator.catalog.reserved import name_problem
from generator.catalog.translations import read_translations
from generator.deadlines import LOAD, entry_work
from generator.errors import CatalogError
from generator.paths import Paths
from generator.records.catalog import (
    VECTOR_NAMES,
    Activation,
    Catalog,
    Difference,
    Display,
    F,
    Kind,
    KinkConvention,
    Parameter,
    Reference,
    S,
    X,
)
from generator.records.frameworks import FRAMEWORKS

_ID: Final = re.compile(r"^[a-z][a-z0-9_]*$")
_PARAMETER: Final = re.compile(r"^[a-z][a-z0-9_]*$")
_RESERVED: Final = frozenset({"x", "f", "s", "i", "j", "n", "t", "pi", "E", "oo"})
Functions = Mapping[str, Callable[..., sp.Basic]]


def load_catalog(folder: Path | None = None) -> Catalog:
    """Every ``*.yaml`` file in ``folder`` (default: the repository's), validated, in id order."""
    folder = folder or Paths.default().catalog
    paths = catalog_files(folder)
    if not paths:
        raise CatalogError(folder, "<catalog>", "holds no *.yaml files")
    limit = LOAD.seconds()
    activations = tuple(_load_in_time(path, limit) for path in paths)
    activations = tuple(sorted(activations, key=lambda activation: activation.id))
    chinese = read_translations(folder, activations)
    if chinese is None:
        return activations
    return tuple(
        replace(activation, translations=(chinese[activation.id],))
        if activation.id in chinese
        else activation
        for activation in activations
    )


def _load_in_time(path: Path, limit: float) -> Activation:
    """``load_entry`` within ``limit`` seconds; a surprise while reading names the file."""
    with entry_work(path, "reading it", limit):
        return load_entry(path)


def load_entry(path: Path) -> Activation:
    """Read one file; the first problem found raises :class:`CatalogError`."""
    fields = read_fields(path)
    activation = _activation(fields)
    fields.finish(known=schema.NAMES)
    return activation


def _identifier(fields: Fields) -> str:
    identifier = fields.text("id")
    if not _ID.match(identifier):
        raise fields.fail("id", "must be lower-case letters, digits and underscores")
    if identifier != fields.path.stem:
        raise fields.fail("id", f"'{identifier}' must match the file name '{fields.path.stem}'")
    return identifier


def _kind(fields: Fields) -> Kind:
    try:
        return Kind(fields.text("kind"))
    except ValueError:
        kinds = ", ".join(f"'{kind.value}'" for kind in Kind)
        raise fields.fail("kind", f"must be one of {kinds}") from None


def _activation(fields: Fields) -> Activation:
    identifier = _identifier(fields)
    family_slug = fields.text("family")
    if family_slug not in FAMILIES_BY_SLUG:
        raise fields.fail("family", f"'{family_slug}' is not one of {sorted(FAMILIES_BY_SLUG)}")
    kind = _kind(fields)
    parameters = _parameters(fields, kind)
    names, expression, identity, display = _formulas(fields, kind, parameters)
    frameworks = read_frameworks(fields, parameters)

    return Activation(
        id=identifier,
        name=strings.display_name(fields, "name", fields.text("name", limit=NAME_CHARACTERS)),
        aliases=strings.aliases(fields),
        family=FAMILIES_BY_SLUG[family_slug],
        kind=kind,
        symbol_latex=strings.latex_symbol(fields, "symbol"),
        summary=fields.text("summary"),
        variable=X,
        expression=expression,
        parameters=parameters,
        derivative_identity=identity,
        kinks=_kinks(
            fields,
            {**names, "x": X},
            shipped_by=tuple(entry.framework for entry in frameworks),
        ),
        frameworks=frameworks,
        differences=_differences(fields),
        adaptive=fields.optional_text("adaptive"),
        shape=fields.optional_text("shape"),
        pros=fields.text_list("pros"),
        cons=fields.text_list("cons"),
        uses=fields.text_list("uses"),
        references=_references(fields),
        source=fields.path,
        display=display,
    )


def _formulas(
    fields: Fields, kind: Kind, parameters: tuple[Parameter, ...]
) -> tuple[dict[str, sp.Basic], sp.Expr, sp.Expr | None, Display]:
    """The names formulas use, the exact formula and identity, and the display forms."""
    symbols: dict[str, sp.Basic] = {p.name: p.symbol for p in parameters}
    constants = read_constants(fields, _RESERVED | set(symbols))
    exact: dict[str, sp.Basic] = {c.name: c.value for c in constants if c.name}
    variables = {"x": X} if kind.scalar else VECTOR_NAMES
    names = {**symbols, **exact, **variables}
    expression = _formula(fields, "expression", names)
    if kind.scalar and X not in expression.free_symbols:
        raise fields.fail("expression", "must depend on x")
    # f′ in terms of f; a scalar identity may also use x and the named functions (SiLU′ =
    # f + σ(x)(1 − f)), which the analysis sees rewritten into the functions f is written in.
    identity_names = {**symbols, **({"f": F, "x": X} if kind.scalar else {**VECTOR_NAMES, "s": S})}
    identity = _optional_formula(
        fields, "derivative_identity", {**identity_names, **exact}, NAMED_FUNCTIONS
    )
    scalar_identity = identity_names if kind.scalar else None
    display = read_display(fields, {**symbols, **variables}, scalar_identity, constants)
    return names, expression, None if identity is None else elementary(identity), display


def _formula(
    fields: Fields, key: str, names: dict[str, sp.Basic], functions: Functions = FUNCTIONS
) -> sp.Expr:
    text = fields.formula(key)
    try:
        return parse_expression(text, names, functions=functions)
    except ExpressionError as error:
        raise fields.fail(key, f"{error} (in {quoted(text)})") from None


def _optional_formula(
    fields: Fields, key: str, names: dict[str, sp.Basic], functions: Functions = FUNCTIONS
) -> sp.Expr | None:
    if fields.has(key):
        return _formula(fields, key, names, functions)
    fields.absent(key)
    return None


def _parameters(fields: Fields, kind: Kind) -> tuple[Parameter, ...]:
    parameters = []
    for name, raw in fields.table("parameters", required=False).items():
        where = f"parameters.{name}"
        if not _PARAMETER.match(name) or name in _RESERVED:
            raise CatalogError(fields.path, where, "is not an allowed parameter name")
        if problem := name_problem(name, gated=kind is Kind.GATED):
            raise CatalogError(fields.path, where, problem)
        entry = Fields(fields.path, raw, where)
        default = entry.exact("default")
        symbol = strings.optional_latex_symbol(entry, "symbol") or f"\\mathrm{{{name}}}".replace(
            "_", "\\_"
        )
        parameters.append(Parameter(name, default, entry.text("description"), symbol))
        entry.finish()
    return tuple(parameters)


def _kinks(
    fields: Fields, names: dict[str, sp.Basic], *, shipped_by: tuple[str, ...]
) -> tuple[KinkConvention, ...]:
    """Each kink with what autograd returns there in every framework that ships the entry."""
    kinks = []
    for entry in fields.records("kinks", required=False):
        found: dict[str, sp.Expr | None] = {}
        for framework in FRAMEWORKS:
            if framework in shipped_by and not entry.has(framework):
                raise entry.fail(framework, f"is missing: the value {framework} autograd returns")
            if framework not in shipped_by and entry.has(framework):
                raise entry.fail(framework, f"is given, but {framework} does not ship this entry")
            found[framework] = _optional_formula(entry, framework, names)
        kinks.append(
            KinkConvention(
                at=_formula(entry, "at", names),
                pytorch=found["pytorch"],
                jax=found["jax"],
                keras=found["keras"],
                note=entry.text("note"),
            )
        )
        entry.finish()
    return tuple(kinks)


def _differences(fields: Fields) -> tuple[Difference, ...]:
    differences = []
    for entry in fields.records("differences", required=False):
        framework = entry.text("framework")
        if framework not in FRAMEWORKS:
            raise entry.fail("framework", f"is not one of {list(FRAMEWORKS)}")
        differences.append(Difference(framework, entry.text("description")))
        entry.finish()
    return tuple(differences)


def _references(fields: Fields) -> tuple[Reference, ...]:
    references = []
    for entry in fields.records("references"):
        year = entry.integer("year")
        if not 1800 <= year <= 2100:
            raise entry.fail("year", f"{year} is not a plausible year")
        url = strings.url(entry, "url")
        references.append(
            Reference(
                authors=entry.text_list("authors", limit=NAME_CHARACTERS),
                title=entry.text("title"),
                year=year,
                venue=entry.text("venue"),
                url=url,
            )
        )
        entry.finish()
    return tuple(references)
