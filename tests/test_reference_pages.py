"""The guide, the cheat sheet, the Data page and activations.csv, from a built docs/ tree."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import jinja2
import pytest

from generator.build.pipeline import build_docs
from generator.catalog.schema import FIELDS
from generator.records.published import CSV_COLUMNS, JSON_FIELDS
from tests.conftest import CATALOG, PATHS, site_view


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reference") / "docs"
    build_docs(PATHS.moved(docs=root))
    return root


# Objects whose inner keys the Data page describes in prose rather than field by field.
OPAQUE = frozenset(
    {"parameters", "defaults", "arguments", "select", "range", "component_range", "latex"}
    | {"properties.saturation", "properties.gradient_at_kinks", "properties.gaussian_moments"}
    | {"frameworks.*.tolerance", "texts.*.framework_notes"}
)


def _paths(value: object, prefix: str = "") -> set[str]:
    """Dotted key paths of a JSON record; framework names collapse to ``*``."""
    if not isinstance(value, dict):
        return set()
    found = set()
    for key, inner in value.items():
        if prefix in ("frameworks.", "texts."):  # framework names, languages
            key = "*"
        path = prefix + key
        found.add(path)
        if key not in OPAQUE and path not in OPAQUE:
            found |= _paths(inner, path + ".")
    return found


def test_data_page_documents_every_json_field_and_no_other(docs: Path) -> None:
    records = json.loads((docs / "activations.json").read_text(encoding="utf-8"))["activations"]
    present = set().union(*(_paths(record) for record in records))
    documented = {field.name for field in JSON_FIELDS}
    assert present - documented == set(), "fields missing from the Data page"
    assert documented - present == set(), "the Data page documents fields that do not exist"
    page = (docs / "data.md").read_text(encoding="utf-8")
    for field in JSON_FIELDS:
        assert f"`{field.name}`" in page


def test_data_page_lists_every_catalog_field(docs: Path) -> None:
    page = (docs / "data.md").read_text(encoding="utf-8")
    section = page[page.index("## The catalog files") :]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    assert len(rows) == len(FIELDS)
    for row, field in zip(rows, FIELDS, strict=True):
        assert all(f"`{name}`" in row.split(" | ")[0] for name in field.names), row


def test_csv_has_a_row_per_activation_and_agrees_with_the_json(docs: Path) -> None:
    rows = list(csv.DictReader((docs / "activations.csv").open(encoding="utf-8")))
    assert [row["id"] for row in rows] == [a.id for a in CATALOG]
    assert tuple(rows[0]) == tuple(column.name for column in CSV_COLUMNS)
    records = json.loads((docs / "activations.json").read_text(encoding="utf-8"))["activations"]
    for row, record in zip(rows, records, strict=True):
        if record["kind"] == "vector":
            continue
        properties = record["properties"]
        for column in ("bounded_below", "bounded_above", "self_gated"):
            expected = {True: "true", False: "false", None: ""}[properties[column]]
            assert row[column] == expected, (record["id"], column)
        moments = properties["gaussian_moments"]
        for column, key in (("mean", "mean"), ("second_moment", "second")):
            assert float(row[column]) == moments[key]["value"], (record["id"], column)
    relu = next(row for row in rows if row["id"] == "relu")
    assert relu["range"] == "[0, inf)"
    assert relu["non_differentiable_at"] == "0"


def test_cheat_sheet_has_a_card_per_activation(docs: Path) -> None:
    page = (docs / "cheatsheet.md").read_text(encoding="utf-8")
    for activation in CATALOG:
        assert f'href="../activations/{activation.id}/"' in page
        assert (docs / "assets" / "figures" / f"{activation.id}-card.svg").is_file()


def test_guide_links_resolve_and_quote_computed_ranges(docs: Path) -> None:
    page = (docs / "guide.md").read_text(encoding="utf-8")
    assert "MISSING" not in page, "guide.md.j2 names an id that is not in the catalog"
    assert "[Sigmoid](activations/sigmoid.md)" in page
    assert "[SwiGLU](activations/swiglu.md)" in page
    assert 'class="katex"' in page, "ranges are typeset from the analysis"


def test_guide_marks_an_activation_the_catalog_lacks() -> None:
    from generator.pages.markdown import template_environment
    from generator.pages.reference import reference_pages

    environment = template_environment(PATHS.templates)
    loader = jinja2.DictLoader({"guide.md.j2": "{{ link('no_such_unit') }} {{ range('relu') }}"})
    assert environment.loader is not None
    environment.loader = jinja2.ChoiceLoader([loader, environment.loader])
    guide = reference_pages(replace(site_view(), entries=()), environment)["guide.md"]
    assert guide == "`no_such_unit` (MISSING from this catalog) `relu` (MISSING from this catalog)"
