"""The declared catalog fields are the ones the loader reads, requires and documents."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.catalog.files import MAX_FILE_BYTES, catalog_files, read_catalog_file
from generator.catalog.latex_whitelist import latex_problem
from generator.catalog.limits import NAME_CHARACTERS, SUMMARY
from generator.catalog.loader import load_entry
from generator.catalog.reserved import name_problem
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


# --- what a catalog file may hold: plain YAML, bounded, named, whitelisted LaTeX ------------


def _relu_with(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "relu.yaml"
    text = (PATHS.catalog / "relu.yaml").read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_the_limits_are_stated_in_the_readme() -> None:
    readme = (PATHS.root / "README.md").read_text(encoding="utf-8")
    assert SUMMARY in readme
    for limit in (f"{MAX_FILE_BYTES // 1024} KiB", f"at most {NAME_CHARACTERS} characters"):
        assert limit in SUMMARY


def test_every_shipped_symbol_is_accepted_latex() -> None:
    """The whitelist covers the catalog: each entry, parameter and constant symbol passes."""
    symbols = []
    for path in sorted(PATHS.catalog.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        symbols.append(data["symbol"])
        symbols += [p["symbol"] for p in (data.get("parameters") or {}).values() if "symbol" in p]
        constants = (data.get("constants") or {}).values()
        symbols += [c["symbol"] for c in constants if isinstance(c, dict) and "symbol" in c]
    assert len(symbols) > 62
    assert [s for s in symbols if latex_problem(s)] == []


@pytest.mark.parametrize(
    ("latex", "message"),
    [
        pytest.param(r"\href{https://e.com}{x}", r"'\href'", id="href"),
        pytest.param(r"\url{https://e.com}", r"'\url'", id="url"),
        pytest.param(r"\htmlClass{c}{x}", r"'\htmlClass'", id="htmlClass"),
        pytest.param(r"\htmlId{i}{x}", r"'\htmlId'", id="htmlId"),
        pytest.param(r"\includegraphics{x.png}", r"'\includegraphics'", id="includegraphics"),
        pytest.param(r"\def\a{b}", r"'\def'", id="def"),
        pytest.param(r"\newcommand{\a}{b}", r"'\newcommand'", id="newcommand"),
        pytest.param(r"\operatorname{ELU", "never closed", id="open-brace"),
        pytest.param(r"\operatorname}{ELU", "no '{' before it", id="close-brace"),
        pytest.param(r"x\\y", r"'\\'", id="line-break"),
        pytest.param("x\\", "lone backslash", id="lone-backslash"),
        pytest.param("$x$", "'$'", id="dollar"),
        pytest.param("α", "write Greek letters as", id="unicode-greek"),
        pytest.param("<b>x</b>", "'<'", id="markup"),
    ],
)
def test_latex_outside_the_whitelist_is_refused(latex: str, message: str) -> None:
    problem = latex_problem(latex)
    assert problem is not None
    assert message in problem


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        pytest.param("name: ReLU", "name: &n ReLU", "name", "anchors", id="anchor"),
        pytest.param("name: ReLU", "name: !!str ReLU", "name", "tags are not", id="std-tag"),
        pytest.param("name: ReLU\n", "name: ReLU\n---\n", "<syntax>", "second", id="two-docs"),
        pytest.param("id: relu\n", "id: relu\n? [a]\n: b\n", "<top level>", "not plain", id="key"),
        pytest.param("name: ReLU\n", "<<: {name: X}\n", "<<", "merge keys", id="merge-key"),
        pytest.param(
            "    module: torch.nn.ReLU\n",
            "    module: torch.nn.ReLU\n    module: torch.nn.ReLU6\n",
            "frameworks.pytorch.module",
            "written twice",
            id="nested-duplicate",
        ),
    ],
)
def test_yaml_beyond_plain_data_is_refused_by_field(
    tmp_path: Path, old: str, new: str, field: str, message: str
) -> None:
    with pytest.raises(CatalogError) as caught:
        load_entry(_relu_with(tmp_path, old, new))
    assert caught.value.field == field
    assert message in caught.value.problem


@pytest.mark.parametrize(
    ("typed", "spelling"),
    [
        pytest.param("1e-14", "1.0e-14", id="no-dot"),
        pytest.param("1.0e308", "1.0e+308", id="unsigned-exponent"),
        pytest.param("-2E5", "-2.0e+5", id="negative"),
    ],
)
def test_a_number_yaml_reads_as_text_gets_its_yaml_spelling(
    tmp_path: Path, typed: str, spelling: str
) -> None:
    path = tmp_path / "leaky_relu.yaml"
    text = (PATHS.catalog / "leaky_relu.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("default: 0.01", f"default: {typed}"), encoding="utf-8")
    with pytest.raises(CatalogError, match=re.escape(f"write it as {spelling}")):
        load_entry(path)


def test_an_over_long_value_is_never_quoted_whole(tmp_path: Path) -> None:
    """A bounded prefix, one line: not 60,000 characters of name in the message."""
    path = _relu_with(tmp_path, "name: ReLU", "name: [" + "ab, " * 15_000 + "]")
    with pytest.raises(CatalogError) as caught:
        load_entry(path)
    assert caught.value.field == "name"
    assert "a list of 15000 items" in caught.value.problem
    assert len(str(caught.value)) < 300


def test_catalog_files_refuses_a_fifo_without_opening_it(tmp_path: Path) -> None:
    """Listing only stats: were the FIFO opened for reading, this test would hang."""
    shutil.copy(PATHS.catalog / "relu.yaml", tmp_path / "relu.yaml")
    os.mkfifo(tmp_path / "tanh.yaml")
    with pytest.raises(CatalogError, match="FIFO") as caught:
        catalog_files(tmp_path)
    assert caught.value.path == tmp_path / "tanh.yaml"
    assert caught.value.field == "<file>"
    with pytest.raises(CatalogError, match="FIFO"):
        read_catalog_file(tmp_path / "tanh.yaml")
    (tmp_path / "tanh.yaml").unlink()
    assert catalog_files(tmp_path) == (tmp_path / "relu.yaml",)


@pytest.mark.parametrize(
    ("name", "gated", "message"),
    [
        pytest.param("lambda", False, "keyword", id="keyword"),
        pytest.param("case", False, "keyword", id="soft-keyword"),
        pytest.param("max", False, "builtin", id="builtin"),
        pytest.param("np", False, "printed code", id="numpy"),
        pytest.param("jnp", False, "printed code", id="jax-numpy"),
        pytest.param("df", False, "printed code", id="derivative"),
        pytest.param("constructor", False, "printed code", id="javascript"),
        pytest.param("pi", False, "already means", id="constant"),
        pytest.param("phi", False, "function formulas call", id="named-function"),
        pytest.param("a", True, "half of a gated", id="gated-half"),
    ],
)
def test_reserved_names(name: str, gated: bool, message: str) -> None:
    problem = name_problem(name, gated=gated)
    assert problem is not None
    assert message in problem


def test_ordinary_names_are_free() -> None:
    """Controls: the names the catalog uses, and a and b outside a gated entry."""
    for name in ("alpha", "beta", "negative_slope", "lambd", "scale", "value", "init", "a"):
        assert name_problem(name) is None, name
