"""The accurate NumPy modules, one per activation id, found by file name.

Each module is what a reader copies who needs the last bit (the page folds it below the
short form of ``short/``, see ``forms.py``). It imports the double-double kernels it needs from
``kernels.py`` (one copy of each, shared) and otherwise nothing but NumPy (and
``scipy.special`` where no NumPy function will do); ``source`` publishes it with those
kernels copied in, so what readers copy stands alone. It defines

- ``f(x, **params)`` and ``df(x, **params)``, with the catalog's parameter names and
  defaults as keyword arguments;
- accepting anything array-like; float32 input is computed in float64 and rounded once, so
  the result is float32; everything else is computed and returned in float64;
- never a warning and never a non-finite output for a finite input; NaN in gives NaN out;
  ±inf gives the limits.

An activation without a module gets code printed by SymPy, flagged as such on its page.
The measured accuracy of every module is in ``accuracy.json`` (``make bench-accuracy``).
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib
import symtable
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Final

FOLDER: Final = Path(__file__).parent
REPORT: Final = FOLDER / "accuracy.json"
KERNELS: Final = FOLDER / "kernels.py"  # shared by the modules, copied into what is published


def module_source(activation_id: str) -> str | None:
    """The module's own text, importing its kernels, or ``None`` when the activation has none."""
    if activation_id == KERNELS.stem or activation_id.startswith("_"):
        return None  # the shared kernels and this package are no activation's module
    path = FOLDER / f"{activation_id}.py"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def source(activation_id: str) -> str | None:
    """The published module: one file with the kernels it uses copied in, importing only NumPy.

    The ``from generator.implementations.kernels import ...`` statement is replaced by the
    kernels' constants and functions, with every kernel they call in turn, in the order they
    stand in ``kernels.py``. ``None`` when the activation has no module.
    """
    text = module_source(activation_id)
    return None if text is None else inline_kernels(text, KERNELS.read_text(encoding="utf-8"))


def digest(activation_id: str) -> str | None:
    """A short hash of the published source: the accuracy report says what it measured.

    It covers the kernels copied in, so editing a kernel marks every module using it stale.
    """
    text = source(activation_id)
    return None if text is None else hashlib.sha256(text.encode()).hexdigest()[:16]


def inline_kernels(text: str, kernels: str) -> str:
    """``text`` with its kernels import replaced by the source of what it needs from ``kernels``."""
    tree = ast.parse(text)
    imports = [node for node in tree.body if _imports_kernels(node)]
    if not imports:
        return text
    if len(imports) > 1:
        raise ValueError(f"import the kernels in one statement, not {len(imports)}")
    statement = imports[0]
    assert isinstance(statement, ast.ImportFrom)
    definitions = _definitions(kernels)
    wanted = []
    for alias in statement.names:
        if alias.asname is not None or alias.name not in definitions:
            raise ValueError(f"not a kernel to import as is: {alias.name}")
        wanted.append(alias.name)
    needed = _closure(wanted, definitions)
    clashes = needed & _top_level_names(tree)
    if clashes:
        raise ValueError(f"the module defines names the kernels need: {', '.join(sorted(clashes))}")
    ordered = [name for name in definitions if name in needed]
    constants = [definitions[n].text for n in ordered if not definitions[n].function]
    functions = [definitions[n].text for n in ordered if definitions[n].function]
    block = "\n\n\n".join(filter(None, ["\n".join(constants), *functions]))
    lines = text.splitlines(keepends=True)
    before = "".join(lines[: statement.lineno - 1]).rstrip("\n")
    after = "".join(lines[statement.end_lineno or statement.lineno :]).lstrip("\n")
    gap = "\n\n\n" if functions and not constants else "\n\n"  # laid out as ruff format does
    return f"{before}{gap}{block}\n\n\n{after}" if before else f"{block}\n\n\n{after}"


def _imports_kernels(node: ast.stmt) -> bool:
    """True for ``from generator.implementations.kernels import ...``; other imports of the
    project are refused, since nothing would copy them in."""
    if isinstance(node, ast.ImportFrom):
        if node.module == f"{__name__}.{KERNELS.stem}":
            return True
        named, relative = node.module or ".", node.level > 0
    elif isinstance(node, ast.Import):
        named, relative = ", ".join(alias.name for alias in node.names), False
    else:
        return False
    if relative or named == "generator" or named.startswith("generator."):
        raise ValueError(f"only the kernels can be imported from the project, not {named}")
    return False


@dataclass(frozen=True)
class _Definition:
    text: str  # its lines in kernels.py, with the comment lines just above it
    uses: frozenset[str]  # the global names it reads
    function: bool


@functools.lru_cache(maxsize=4)
def _definitions(kernels: str) -> dict[str, _Definition]:
    """Each top-level function and constant of ``kernels``, in the order they are written."""
    lines = kernels.splitlines()
    found: dict[str, _Definition] = {}
    for node in ast.parse(kernels).body:
        if isinstance(node, ast.FunctionDef):
            names = [node.name]
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        else:
            continue  # the docstring and ``import numpy as np``
        start = node.lineno - 1
        while start > 0 and lines[start - 1].lstrip().startswith("#"):
            start -= 1
        text = "\n".join(lines[start : node.end_lineno])
        uses = _globals_read(symtable.symtable(text, "kernels.py", "exec"))
        for name in names:
            found[name] = _Definition(text, uses, isinstance(node, ast.FunctionDef))
    return found


def _globals_read(table: symtable.SymbolTable) -> frozenset[str]:
    """The global names a definition reads: not its parameters or locals."""
    names = {s.get_name() for s in table.get_symbols() if s.is_referenced() and s.is_global()}
    if table.get_type() == "module":  # a constant's own expression
        names |= {s.get_name() for s in table.get_symbols() if s.is_referenced()}
    for child in table.get_children():
        names |= _globals_read(child)
    return frozenset(names)


def _closure(names: list[str], definitions: dict[str, _Definition]) -> set[str]:
    """The named kernels and everything they use from ``definitions``, transitively."""
    needed: set[str] = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        if name not in needed:
            needed.add(name)
            pending.extend(n for n in definitions[name].uses if n in definitions)
    return needed


def _top_level_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    return names


def module(activation_id: str) -> ModuleType | None:
    """The imported module (it imports its kernels), or ``None`` when the activation has none."""
    if module_source(activation_id) is None:
        return None
    return importlib.import_module(f"{__name__}.{activation_id}")


def functions(activation_id: str) -> tuple[Callable[..., object], Callable[..., object]] | None:
    """``(f, df)`` of the activation's module, or ``None`` when it has none."""
    found = module(activation_id)
    if found is None:
        return None
    return found.f, found.df
