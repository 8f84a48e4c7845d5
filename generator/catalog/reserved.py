"""Names a parameter or a named constant may not take.

A parameter's name is printed into Python (``def f(x, alpha=1.0)``, ``torch.nn.ELU(alpha=…)``)
and JavaScript (``p.alpha``), and both it and a constant's name are read in formulas. So a
name may not be a Python keyword or soft keyword, a builtin, a name the printed code imports
or defines, or a name formulas already give a meaning to.
"""

from __future__ import annotations

import builtins
import keyword
from typing import Final

from generator.catalog.expressions import CONSTANTS, DISPLAY_FUNCTIONS

# What the printed code and its examples define or import: generator/present/code.py
# (np, f, df, unit, axis, and a, b in a gated unit), framework_code.py (torch, keras, jax,
# x, y, layer), the implementations (numpy, npt) and the other usual module names.
PRINTED_CODE: Final = frozenset(
    [
        "np",
        "numpy",
        "npt",
        "scipy",
        "math",
        "f",
        "df",
        "unit",
        "axis",
        "x",
        "y",
        "layer",
        "torch",
        "nn",
        "jax",
        "jnp",
        "keras",
        "tf",
        "lax",
        "functional",
    ]
)
# What the JavaScript printer reads parameters from (p.name) and what an object has already.
JAVASCRIPT: Final = frozenset({"p", "constructor", "prototype", "math"})
# The names formulas give a meaning to: the variable, f and s in identities, the indices
# i, j, n of vector entries, the integration variable t.
FORMULA_NAMES: Final = frozenset({"x", "f", "s", "i", "j", "n", "t"})
GATED_HALVES: Final = frozenset({"a", "b"})
_BUILTINS: Final = frozenset(name for name in dir(builtins) if not name.startswith("_"))


def name_problem(name: str, *, gated: bool = False) -> str | None:
    """Why ``name`` cannot be a parameter or constant name, or None when it can."""
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        return f"'{name}' is a Python keyword, which printed code cannot use: choose another name"
    if name in _BUILTINS:
        return f"'{name}' is a Python builtin, which printed code relies on: choose another name"
    if name in PRINTED_CODE or name in JAVASCRIPT:
        return f"'{name}' is a name the printed code uses: choose another name"
    if name in FORMULA_NAMES or name in CONSTANTS:
        return f"'{name}' already means something in formulas: choose another name"
    if name in DISPLAY_FUNCTIONS:
        return f"'{name}' is a function formulas call: choose another name"
    if gated and name in GATED_HALVES:
        return f"'{name}' names a half of a gated unit's input in its code: choose another name"
    return None
