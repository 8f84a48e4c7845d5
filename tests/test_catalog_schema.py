"""The declared catalog fields are the ones the loader reads, requires and documents."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.catalog.loader import load_entry
from generator.catalog.schema import FIELDS, NAMES, markdown_table
from generator.errors import CatalogError
from tests.conftest import PATHS

REQUIRED = tuple(name for field in FIELDS if field.required == "yes" for name in field.names)


def test_the_readme_field_table_is_the_declared_one() -> None:
    readme = (PATHS.root / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme, "regenerate it from generator/catalog/schema.py"


def test_the_catalog_uses_exactly_the_declared_fields() -> None:
    used: set[str] = set()
    for path in sorted(PATHS.catalog.glob("*.yaml")):
        used |= set(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert used == set(NAMES)


@pytest.mark.parametrize("name", REQUIRED)
def test_a_required_field_left_out_names_itself(name: str, tmp_path: Path) -> None:
    path = tmp_path / "relu.yaml"
    shutil.copy(PATHS.catalog / "relu.yaml", path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data[name]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CatalogError, match=rf"'{name}'.*missing"):
        load_entry(path)


@pytest.mark.parametrize("name", NAMES)
def test_a_misspelt_field_is_pointed_at_the_declared_one(name: str, tmp_path: Path) -> None:
    path = tmp_path / "relu.yaml"
    text = (PATHS.catalog / "relu.yaml").read_text(encoding="utf-8")
    path.write_text(text + f"{name}s: 1\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=rf"'{name}s'.*did you mean '{name}'"):
        load_entry(path)
