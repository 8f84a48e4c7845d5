"""The hand-written NumPy modules: contract, awkward inputs, and the published accuracy.

Accuracy is checked on every 16th point of the benchmark grid, against the same mpmath
reference, so no point can do worse here than the published maximum (``accuracy.json``,
written by ``make bench-accuracy``) unless the module changed since it was measured.
"""

from __future__ import annotations

import ast
import builtins
import hashlib
import json
import symtable
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from generator import implementations
from generator.numerics import measure
from generator.numerics.grid import accuracy_grid
from generator.records.catalog import Activation, Kind
from tests.conftest import CATALOG, each
from tests.stability import (
    FINITE_EXTREMES,
    call,
    catalog_signature,
    check_awkward_inputs,
    imported_modules,
    signature_of,
)

ELEMENTWISE = tuple(a for a in CATALOG if a.kind is Kind.ELEMENTWISE)
IMPLEMENTED = tuple(a for a in ELEMENTWISE if implementations.source(a.id) is not None)
SUBSET = accuracy_grid()[::16]


def _report() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(implementations.REPORT.read_text(encoding="utf-8"))
    return loaded


@each(IMPLEMENTED)
def test_signature_matches_the_catalog(activation: Activation) -> None:
    module = implementations.module(activation.id)
    assert module is not None
    expected = catalog_signature(activation)
    for function in (module.f, module.df):
        found = signature_of(function)
        assert found == expected
        assert function.__doc__, "say in one line how it stays accurate"


def _published(activation: Activation) -> str:
    text = implementations.source(activation.id)
    assert text is not None
    return text


@each(IMPLEMENTED)
def test_published_source_imports_nothing_but_numpy(activation: Activation) -> None:
    imported = imported_modules(_published(activation))
    assert imported <= {"numpy", "numpy.typing", "scipy.special", "scipy", "__future__"}


@each(IMPLEMENTED)
def test_published_source_defines_every_name_it_uses(activation: Activation) -> None:
    """No kernels import left, every global a function reads defined, no kernel copied in idle."""
    text = _published(activation)
    assert "generator.implementations.kernels" not in text
    table = symtable.symtable(text, f"{activation.id}.py", "exec")
    defined = {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported()}
    undefined = {
        f"{scope.get_name()}: {name}"
        for scope, name in _globals_read(table)
        if name not in defined and not hasattr(builtins, name)
    }
    assert not undefined, f"used but not defined: {sorted(undefined)}"
    # Exactly the kernels it uses: each definition copied in is read somewhere else.
    module_text = implementations.module_source(activation.id) or ""
    copied = _top_level(text) - _top_level(module_text)
    read = {name for scope, name in _globals_read(table) if scope.get_name() != name}
    read |= {n.id for n in ast.walk(ast.parse(module_text)) if isinstance(n, ast.Name)}
    assert copied <= read, f"copied in but never used: {sorted(copied - read)}"


def _globals_read(table: symtable.SymbolTable) -> Iterator[tuple[symtable.SymbolTable, str]]:
    """(scope, name) for every global name a function (at any depth) refers to."""
    for child in table.get_children():
        for symbol in child.get_symbols():
            if symbol.is_global() and symbol.is_referenced():
                yield child, symbol.get_name()
        yield from _globals_read(child)


def _top_level(text: str) -> set[str]:
    names = set()
    for node in ast.parse(text).body:
        if isinstance(node, ast.FunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return names


@each(IMPLEMENTED)
def test_published_source_computes_what_the_module_does(activation: Activation) -> None:
    """The inlined file, run on its own, is bit for bit the imported module, in both formats."""
    namespace: dict[str, Any] = {"__name__": f"published_{activation.id}"}
    exec(compile(_published(activation), f"<published {activation.id}>", "exec"), namespace)
    module = implementations.module(activation.id)
    assert module is not None
    points = np.concatenate([SUBSET, FINITE_EXTREMES, [np.inf, -np.inf, np.nan]])
    for dtype in (np.float64, np.float32):
        x = points.astype(dtype)
        for quantity in measure.QUANTITIES:
            ours, theirs = call(namespace[quantity], x), call(getattr(module, quantity), x)
            assert ours.dtype == theirs.dtype == dtype
            assert ours.tobytes() == theirs.tobytes(), f"{quantity} in {dtype.__name__}"


def test_kernels_import_is_checked() -> None:
    """The inliner refuses what it could not publish correctly."""
    kernels = "import numpy as np\n\nLIMIT = 1.0\n\n\ndef helper(x):\n    return x + LIMIT\n"
    module = "import numpy as np\n\nfrom generator.implementations.kernels import helper\n"
    assert "def helper" in implementations.inline_kernels(module + "\nf = helper\n", kernels)
    assert "LIMIT = 1.0" in implementations.inline_kernels(module + "\nf = helper\n", kernels)
    with pytest.raises(ValueError, match="LIMIT"):  # its own LIMIT would shadow the kernel's
        implementations.inline_kernels(module + "\nLIMIT = 2.0\n", kernels)
    with pytest.raises(ValueError, match="helper"):  # renamed, the copy would not match
        implementations.inline_kernels(module.replace("helper", "helper as h"), kernels)
    with pytest.raises(ValueError, match="missing"):
        implementations.inline_kernels(module.replace("helper", "missing"), kernels)
    with pytest.raises(ValueError, match=r"generator\.numerics"):
        implementations.inline_kernels("from generator.numerics import ulp\n", kernels)


def test_editing_a_kernel_changes_the_digest_of_its_users() -> None:
    kernels = implementations.KERNELS.read_text(encoding="utf-8")
    silu = implementations.module_source("silu") or ""
    relu = implementations.module_source("relu") or ""
    edited = kernels.replace("def x_sigmoid(x, u, u_lo):", "def x_sigmoid(x, u, u_lo):  # edited")
    assert edited != kernels
    assert implementations.inline_kernels(silu, edited) != implementations.inline_kernels(
        silu, kernels
    )
    assert implementations.inline_kernels(relu, edited) == relu  # no kernels: unchanged
    published = implementations.source("silu") or ""
    assert implementations.digest("silu") == hashlib.sha256(published.encode()).hexdigest()[:16]


@each(IMPLEMENTED)
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_awkward_inputs(activation: Activation, dtype: type[np.floating]) -> None:
    """No warning, finite for finite, NaN for NaN, the limits at ±inf, −0.0 like 0.0."""
    found = implementations.functions(activation.id)
    assert found is not None
    check_awkward_inputs(activation, found, dtype)


def test_int_input_gives_float64() -> None:
    for activation in IMPLEMENTED:
        found = implementations.functions(activation.id)
        assert found is not None
        assert np.asarray(found[0]([1, 2])).dtype == np.float64, activation.id
