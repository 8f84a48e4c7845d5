"""The tree is the pipeline: stages import only earlier stages, pages need no SymPy, modules
and functions stay small, and every stage package exports its one entry point."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path
from typing import Final

import pytest

PACKAGE: Final = Path(__file__).resolve().parents[1] / "generator"
# The stages in pipeline order; each may import the shared modules and earlier stages only.
STAGES: Final = ("catalog", "analysis", "present", "pages", "publish", "build")
SHARED: Final = (
    "records",
    "paths",
    "errors",
    "parallel",
    "deadlines",
    "numerics",
    "implementations",
)
ENTRY_POINTS: Final = {
    "catalog": ["load"],
    "analysis": ["analyse", "analyse_all"],  # one entry, and all of them cached in parallel
    "present": ["present_all"],
    "pages": ["render_pages"],
    "publish": ["publish"],
}
MAX_MODULE_LINES: Final = 300
MAX_FUNCTION_LINES: Final = 50
MODULES: Final = tuple(
    path
    for path in sorted(PACKAGE.rglob("*.py"))
    if "implementations" not in path.relative_to(PACKAGE).parts
)


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth of the file (lazy imports count too);
    ``from package import module`` counts as importing the module."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if _is_module(submodule) else node.module)
    return found


def _is_module(name: str) -> bool:
    if not name.startswith("generator."):
        return False
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _stage(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "generator" or len(parts) < 2:
        return None
    return parts[1]


def _ids(paths: tuple[Path, ...]) -> list[str]:
    return [str(path.relative_to(PACKAGE)) for path in paths]


@pytest.mark.parametrize("path", MODULES, ids=_ids(MODULES))
def test_a_stage_imports_only_earlier_stages(path: Path) -> None:
    own = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
    if own not in STAGES:
        return
    allowed = set(STAGES[: STAGES.index(own) + 1]) | set(SHARED)
    for module in _imports(path):
        stage = _stage(module)
        assert stage is None or stage in allowed, f"{own} reaches forward into {module}"


@pytest.mark.parametrize("path", MODULES, ids=_ids(MODULES))
def test_nothing_after_present_imports_sympy(path: Path) -> None:
    """pages/ and publish/ place and encode text; printing SymPy ends in present/."""
    if path.relative_to(PACKAGE).parts[0] not in ("pages", "publish"):
        return
    for module in _imports(path):
        assert module.split(".")[0] != "sympy", f"{path.name} imports {module}"
        assert _stage(module) not in ("analysis",), f"{path.name} imports {module}"


@pytest.mark.parametrize("path", MODULES, ids=_ids(MODULES))
def test_modules_and_functions_stay_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            assert node.end_lineno is not None
            length = node.end_lineno - node.lineno + 1
            assert length <= MAX_FUNCTION_LINES, f"{node.name} has {length} lines"


def test_no_import_cycle_between_modules() -> None:
    """Module-level imports inside the generator form no cycle."""
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(relative.parts).removesuffix(".__init__")
        graph[name] = {m for m in _imports(path) if m.startswith("generator.")}
    state: dict[str, str] = {}

    def visit(node: str, trail: tuple[str, ...]) -> None:
        state[node] = "open"
        for target in sorted(graph.get(node, ())):
            if target not in graph:
                continue
            assert state.get(target) != "open", " -> ".join((*trail, node, target))
            if target not in state:
                visit(target, (*trail, node))
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, ())


@pytest.mark.parametrize("stage", sorted(ENTRY_POINTS))
def test_each_stage_exports_its_entry_point(stage: str) -> None:
    package = importlib.import_module(f"generator.{stage}")
    assert package.__all__ == ENTRY_POINTS[stage]
    assert all(callable(getattr(package, name)) for name in package.__all__)
