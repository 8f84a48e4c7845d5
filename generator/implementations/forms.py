"""The short forms a reader pastes: NumPy in ``short/``, framework code in ``pytorch/`` etc.

Each page's first code tab is the short NumPy form, ``short/<id>.py``; the accurate module
(the folder above) is folded below it. It defines ``f(x, **params)`` and ``df(x,
**params)`` with the catalog's names and defaults, in at most ``MAX_BODY_LINES`` lines of
code and ``MAX_LINE`` characters a line, importing only NumPy and ``scipy.special``; keeps
the input's dtype (float32 stays float32, integers give float64); never warns, never
overflows and never returns NaN or inf for a finite input whose exact value fits; gives the
limits at ±inf; and returns PyTorch's value at a kink. It is not written for the last bit:
its accuracy is measured and published, as the accurate module's is.

Each framework tab shows a call of the built-in and, from ``<framework>/<id>.py``, ``f``
alone, written with that framework's tensor operations for a custom layer or a framework
without the function (autograd gives f′, and must be finite wherever f′ is). One file per
form, found by the entry's id.
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import io
import tokenize
from collections.abc import Callable
from pathlib import Path
from typing import Final

FOLDER: Final = Path(__file__).parent
SHORT: Final = "short"
FRAMEWORKS: Final = ("pytorch", "jax", "keras")
MAX_BODY_LINES: Final = 12
MAX_LINE: Final = 80  # what the code box shows at desktop width (ruff.toml there)


def source(folder: str, activation_id: str) -> str | None:
    """The text of ``folder/<id>.py`` (``short`` or a framework), ``None`` when there is none."""
    if not activation_id.isidentifier() or activation_id.startswith("_"):
        return None  # no form's file name: the package's own __init__, or not an id at all
    path = FOLDER / folder / f"{activation_id}.py"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def digest(folder: str, activation_id: str) -> str | None:
    """A short hash of the form as published: the accuracy report says what it measured."""
    text = source(folder, activation_id)
    return None if text is None else hashlib.sha256(text.encode()).hexdigest()[:16]


def function(folder: str, activation_id: str, name: str = "f") -> Callable[..., object] | None:
    """``name`` from the imported form (importing the framework), ``None`` without a form."""
    if source(folder, activation_id) is None:
        return None
    found: Callable[..., object] = getattr(
        importlib.import_module(f"{__package__}.{folder}.{activation_id}"), name
    )
    return found


def short_functions(activation_id: str) -> tuple[Callable[..., object], ...] | None:
    """``(f, df)`` of the short NumPy form, or ``None`` when the entry has none."""
    f, df = function(SHORT, activation_id, "f"), function(SHORT, activation_id, "df")
    return None if f is None or df is None else (f, df)


def body_lines(text: str) -> int:
    """Lines of code a reader reads: not blank, not a comment, an import, a ``def`` line or a
    docstring (the count the issue's "a dozen lines" means)."""
    tree = ast.parse(text)
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            skipped |= set(range(node.lineno, (node.end_lineno or node.lineno) + 1))
        elif isinstance(node, ast.FunctionDef):
            first = node.body[0]
            skipped |= set(range(node.lineno, first.lineno))
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skipped |= set(range(first.lineno, (first.end_lineno or first.lineno) + 1))
    if tree.body and isinstance(tree.body[0], ast.Expr):  # a module docstring
        docstring = tree.body[0]
        skipped |= set(range(docstring.lineno, (docstring.end_lineno or docstring.lineno) + 1))
    layout = (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT)
    code = {
        token.start[0]
        for token in tokenize.generate_tokens(io.StringIO(text).readline)
        if token.type not in (*layout, tokenize.ENDMARKER) and token.string
    }
    return len(code - skipped)
