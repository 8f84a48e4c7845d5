"""End to end: a corrupt catalog file is reported by file and field, and nothing is written.

Each case copies the real catalog into a temporary folder, corrupts one file and runs the
command line in a subprocess, exactly as a user would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.paths import Paths

ROOT = Path(__file__).resolve().parents[1]
ENTRIES = Paths.default().catalog
SENTINEL = b"left here before the build\n"
PAYLOAD_TARGET = "pwned"
# Progress lines a build prints before it stops ("deriving: 3/62 relu"), in a log.
PROGRESS = re.compile(r"^[a-z]+: ( *\d+/\d+|done in )")

Corrupt = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    """One corruption of one catalog file and the field the error must name."""

    id: str
    file: str
    field: str
    corrupt: Corrupt
    in_tmp: bool = False  # run from tmp_path instead of the project root


def edit(change: Callable[[Any], Any]) -> Corrupt:
    """Load the YAML file, let ``change`` return the new document, write it back."""

    def corrupt(path: Path) -> None:
        document = change(yaml.safe_load(path.read_text(encoding="utf-8")))
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        path.write_text(text, encoding="utf-8")

    return corrupt


def setting(*keys: str | int, value: object) -> Corrupt:
    """Set the field at ``keys`` (mapping keys and list positions) to ``value``."""

    def change(document: Any) -> Any:
        parent = document
        for key in keys[:-1]:
            parent = parent[key]
        parent[keys[-1]] = value
        return document

    return edit(change)


def removing(*keys: str | int) -> Corrupt:
    """Delete the field at ``keys``."""

    def change(document: Any) -> Any:
        parent = document
        for key in keys[:-1]:
            parent = parent[key]
        del parent[keys[-1]]
        return document

    return edit(change)


def raw(content: bytes) -> Corrupt:
    """Replace the whole file with ``content``, bypassing YAML."""

    def corrupt(path: Path) -> None:
        path.write_bytes(content)

    return corrupt


def code_payload(path: Path) -> None:
    """An expression that would create a file in tmp_path if anything evaluated it."""
    target = path.parent.parent / PAYLOAD_TARGET
    payload = f'__import__("os").system("touch {target}")'
    setting("expression", value=payload)(path)


CASES = [
    # Reading the file.
    Case("invalid-yaml-syntax", "relu", "<syntax>", raw(b"id: relu\nname: [ReLU\n")),
    Case("not-utf8", "relu", "<syntax>", raw("id: relu\nname: ReLU\xa0\n".encode("latin-1"))),
    Case("empty-file", "relu", "<top level>", raw(b"")),
    Case("top-level-list", "relu", "<top level>", edit(lambda document: [document])),
    # Shape of the fields.
    Case("unknown-field", "relu", "colour", setting("colour", value="blue")),
    Case("missing-summary", "relu", "summary", removing("summary")),
    Case("pros-not-a-list", "relu", "pros", setting("pros", value=5)),
    Case("empty-alias", "relu", "aliases[0]", setting("aliases", 0, value="")),
    Case(
        "year-as-string",
        "softmax",
        "references[0].year",
        setting("references", 0, "year", value="1990"),
    ),
    Case(
        "reference-not-https",
        "sigmoid",
        "references[0].url",
        setting("references", 0, "url", value="http://doi.org/10.1038/323533a0"),
    ),
    Case("bad-family", "relu", "family", setting("family", value="rectifiers")),
    Case("bad-kind", "relu", "kind", setting("kind", value="scalar")),
    Case("id-not-file-name", "relu", "id", setting("id", value="rectifier")),
    # Expressions.
    Case("expression-syntax", "sigmoid", "expression", setting("expression", value="1 / (1 + ")),
    Case("unknown-symbol", "tanh", "expression", setting("expression", value="y * x")),
    Case("unknown-function", "tanh", "expression", setting("expression", value="gamma(x)")),
    Case("code-in-expression", "relu", "expression", code_payload, in_tmp=True),
    Case("constant-expression", "tanh", "expression", setting("expression", value="1")),
    Case(
        "float-overflow-in-expression",
        "tanh",
        "expression",
        setting("expression", value="1e999 * tanh(x)"),
    ),
    # Parameters and frameworks.
    Case(
        "default-not-a-number",
        "leaky_relu",
        "parameters.negative_slope.default",
        setting("parameters", "negative_slope", "default", value="small"),
    ),
    Case(
        "default-infinite",
        "leaky_relu",
        "parameters.negative_slope.default",
        setting("parameters", "negative_slope", "default", value=float("inf")),
    ),
    Case(
        "parameter-description-misspelt",
        "leaky_relu",
        "parameters.negative_slope.description",
        edit(
            lambda document: {
                **document,
                "parameters": {
                    "negative_slope": {
                        "default": 0.01,
                        "symbol": "\\alpha",
                        "descripton": "Slope for negative inputs.",
                    }
                },
            }
        ),
    ),
    Case(
        "unknown-framework",
        "relu",
        "frameworks.mxnet",
        setting("frameworks", "mxnet", value={"function": "mxnet.nd.relu"}),
    ),
    Case(
        "framework-argument-of-unknown-parameter",
        "leaky_relu",
        "frameworks.keras.function_arguments.slope",
        setting("frameworks", "keras", "function_arguments", value={"slope": {"default": 0.2}}),
    ),
    Case(
        "framework-default-nan",
        "leaky_relu",
        "frameworks.keras.function_arguments.negative_slope.default",
        setting(
            "frameworks",
            "keras",
            "function_arguments",
            "negative_slope",
            "default",
            value=float("nan"),
        ),
    ),
    Case(
        "framework-argument-neither-fixed-nor-a-mapping",
        "softplus",
        "frameworks.jax.arguments.beta",
        setting("frameworks", "jax", "arguments", "beta", value="absent"),
    ),
    Case(
        "framework-argument-unknown-form",
        "prelu",
        "frameworks.keras.arguments.init.form",
        setting("frameworks", "keras", "arguments", "init", "form", value="callable"),
    ),
    Case(
        "framework-layer-arguments-without-a-layer",
        "leaky_relu",
        "frameworks.jax.module_arguments",
        setting(
            "frameworks", "jax", "module_arguments", value={"negative_slope": {"default": 0.1}}
        ),
    ),
    Case(
        "selector-passes-the-default",
        "gelu",
        "frameworks.jax.select.approximate.value",
        setting("frameworks", "jax", "select", "approximate", "value", value=True),
    ),
    Case(
        "selector-without-its-default",
        "gelu",
        "frameworks.jax.select.approximate.default",
        removing("frameworks", "jax", "select", "approximate", "default"),
    ),
    Case(
        "framework-without-tolerance",
        "gelu",
        "frameworks.keras.tolerance",
        removing("frameworks", "keras", "tolerance"),
    ),
    Case(
        "kink-without-a-shipping-frameworks-value",
        "leaky_relu",
        "kinks[0].keras",
        removing("kinks", 0, "keras"),
    ),
    Case(
        "kink-value-for-a-framework-that-does-not-ship-it",
        "prelu",
        "kinks[0].jax",
        setting("kinks", 0, "jax", value=0),
    ),
    # Claims the analysis checks.
    Case(
        "kink-where-differentiable",
        "tanh",
        "kinks[0].at",
        setting("kinks", value=[{"at": 0, "pytorch": 0, "keras": 0, "jax": 0, "note": "x"}]),
    ),
    Case("kinks-removed", "relu", "kinks", removing("kinks")),
    Case("kink-without-note", "relu", "kinks[0].note", removing("kinks", 0, "note")),
    Case(
        "wrong-derivative-identity",
        "sigmoid",
        "derivative_identity",
        setting("derivative_identity", value="f * (1 + f)"),
    ),
    Case(
        "wrong-jacobian",
        "softmax",
        "derivative_identity",
        setting("derivative_identity", value="s[i] * (KroneckerDelta(i, j) + s[j])"),
    ),
    Case(
        "vector-without-jacobian", "softmax", "derivative_identity", removing("derivative_identity")
    ),
]


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    """A private copy of the shipped catalog, free to corrupt."""
    folder = tmp_path / "catalog"
    folder.mkdir()
    for path in sorted(ENTRIES.glob("*.yaml")):
        shutil.copy(path, folder / path.name)
    return folder


def existing_output(folder: Path, name: str) -> dict[str, bytes]:
    """Create ``folder`` holding one sentinel file; returns its snapshot."""
    folder.mkdir()
    (folder / name).write_bytes(SENTINEL)
    return snapshot(folder)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def run_generator(*arguments: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGUMENTS`` in a fresh interpreter, output captured."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "generator", *arguments],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def error_line(result: subprocess.CompletedProcess[str]) -> str:
    """The one line the build printed that is not progress; no traceback anywhere."""
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    lines = [line for line in result.stderr.splitlines() if not PROGRESS.match(line)]
    assert len(lines) == 1, result.stderr[-3000:]
    return lines[0]


def test_pristine_copy_builds(catalog: Path, tmp_path: Path) -> None:
    """Control: the uncorrupted copy builds, so each failure below is due to its corruption."""
    docs = tmp_path / "docs"
    existing_output(docs, "sentinel.txt")
    result = run_generator("docs", "--catalog", str(catalog), "--docs", str(docs))
    assert result.returncode == 0, result.stderr
    assert f"built {len(list(catalog.glob('*.yaml')))} activations" in result.stdout
    assert not (docs / "sentinel.txt").exists()  # docs/ was replaced as a whole
    assert (docs / "index.md").is_file()


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_bad_catalog_file(case: Case, catalog: Path, tmp_path: Path) -> None:
    """Exit 2 with ``error: <file>: field '<field>': ...``, no traceback, docs/ untouched."""
    path = catalog / f"{case.file}.yaml"
    case.corrupt(path)
    docs = tmp_path / "docs"
    before = existing_output(docs, "sentinel.txt")

    result = run_generator(
        "docs",
        "--catalog",
        str(catalog),
        "--docs",
        str(docs),
        cwd=tmp_path if case.in_tmp else ROOT,
    )

    error = error_line(result)
    assert result.returncode == 2, result.stderr
    assert error.startswith(f"error: {path}: field '{case.field}': "), result.stderr
    assert f"{case.file}.yaml" in result.stderr
    assert "built" not in result.stdout
    assert snapshot(docs) == before
    assert not list(tmp_path.glob(".docs-*")), "a scratch folder was left behind"
    assert not (tmp_path / PAYLOAD_TARGET).exists(), "catalog text was executed"


def test_site_command_leaves_site_alone(catalog: Path, tmp_path: Path) -> None:
    """``site`` on a bad catalog exits non-zero and leaves docs/ and site/ as they were."""
    path = catalog / "relu.yaml"
    removing("summary")(path)
    docs = tmp_path / "docs"
    site = tmp_path / "site"
    docs_before = existing_output(docs, "sentinel.txt")
    site_before = existing_output(site, "index.html")

    result = run_generator(
        "site", "--catalog", str(catalog), "--docs", str(docs), "--site", str(site)
    )

    assert result.returncode != 0
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert f"{path}: field 'summary': " in result.stderr
    assert snapshot(site) == site_before
    assert snapshot(docs) == docs_before
    assert not list(tmp_path.glob(".site-*")), "a scratch folder was left behind"
    assert not list(tmp_path.glob(".docs-*")), "a scratch folder was left behind"
