"""Hand-written NumPy implementations, one module per activation id, found by file name.

Each module is what readers copy, so it stands alone: it imports nothing but NumPy (and
``scipy.special`` where no NumPy function will do) and defines

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

import hashlib
import importlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Final

FOLDER: Final = Path(__file__).parent
REPORT: Final = FOLDER / "accuracy.json"


def source(activation_id: str) -> str | None:
    """The module's source text, or ``None`` when the activation has none."""
    path = FOLDER / f"{activation_id}.py"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def digest(activation_id: str) -> str | None:
    """A short hash of the module's source: the accuracy report says what it measured."""
    text = source(activation_id)
    return None if text is None else hashlib.sha256(text.encode()).hexdigest()[:16]


def module(activation_id: str) -> ModuleType | None:
    if source(activation_id) is None:
        return None
    return importlib.import_module(f"{__name__}.{activation_id}")


def functions(activation_id: str) -> tuple[Callable[..., object], Callable[..., object]] | None:
    """``(f, df)`` of the activation's module, or ``None`` when it has none."""
    found = module(activation_id)
    if found is None:
        return None
    return found.f, found.df
