"""How wide a formula will be once typeset, estimated from its TeX.

KaTeX typesets at build time without a layout engine, so the width of a formula is
estimated here: glyphs at their approximate advance widths, fractions as wide as their
wider part, scripts at 70 %, cases and aligned blocks as their widest row. The estimate was
calibrated against Chromium's measurements of every formula of the site (median ratio
0.99, within about 20 %); the browser test measures the real widths at 390 px and 1400 px,
so a bad estimate fails there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

TOKEN: Final = re.compile(r"\\[A-Za-z]+|\\.|[{}^_&]|\s+|.", re.DOTALL)
_FUNCTIONS: Final = {
    "sin", "cos", "tan", "tanh", "sinh", "cosh", "log", "exp", "arctan", "erf", "min", "max",
}  # fmt: skip
_WIDE: Final = {"prime": 0.3, "cdot": 0.78, "quad": 1.0, "qquad": 2.0, "infty": 1.0, "pi": 0.57}
_ZERO: Final = {
    "left",
    "right",
    "displaystyle",
    "operatorname",
    "mathrm",
    "bigl",
    "bigr",
    "Bigl",
    "Bigr",
    "limits",
}
BINARY: Final = set("+-=<>") | {"leq", "geq", "neq", "cdot", "to", "otimes", "approx"}


def tex_width(tex: str) -> float:
    """An estimate of the typeset width of ``tex`` in em (display style)."""
    tokens = [t for t in TOKEN.findall(tex) if not t.isspace()]
    width, _ = _measure(tokens, 0, 1.0)
    return width


def _measure(tokens: Sequence[str], start: int, scale: float) -> tuple[float, int]:
    """Width of tokens from ``start`` to the closing brace (or the end), and where it ended."""
    width = 0.0
    index = start
    while index < len(tokens):
        token = tokens[index]
        if token == "}":
            return width, index + 1
        if token == "{":
            inner, index = _measure(tokens, index + 1, scale)
            width += inner
            continue
        if token in ("^", "_"):
            script, index = _argument(tokens, index + 1, scale * 0.7)
            width += script
            continue
        if token == "\\frac":
            top, index = _argument(tokens, index + 1, scale)
            bottom, index = _argument(tokens, index, scale)
            width += max(top, bottom) + 0.3 * scale
            continue
        if token == "\\sqrt":
            inner, index = _argument(tokens, index + 1, scale)
            width += inner + 0.85 * scale
            continue
        if token == "\\text" or token == "\\mathrm":
            inner, index = _argument(tokens, index + 1, scale)
            width += inner
            continue
        if token == "\\begin":
            width += _environment(tokens, index, scale)
            index = _environment_end(tokens, index)
            continue
        width += _glyph(token) * scale
        index += 1
    return width, index


def _argument(tokens: Sequence[str], index: int, scale: float) -> tuple[float, int]:
    """A braced group or a single token."""
    if index < len(tokens) and tokens[index] == "{":
        return _measure(tokens, index + 1, scale)
    if index < len(tokens):
        return _glyph(tokens[index]) * scale, index + 1
    return 0.0, index


def _environment(tokens: Sequence[str], index: int, scale: float) -> float:
    """``cases`` or ``aligned``: the widest row (cells side by side), plus the brace."""
    name_end = tokens.index("}", index)
    name = "".join(tokens[index + 2 : name_end])
    body = tokens[name_end + 1 : _matching_end(tokens, index)]
    rows: list[list[str]] = [[]]
    for token in body:
        if token == "\\\\":
            rows.append([])
        else:
            rows[-1].append(token)
    widest = max((_measure(row, 0, scale)[0] for row in rows), default=0.0)
    return widest + (1.0 * scale if name == "cases" else 0.0)


def _matching_end(tokens: Sequence[str], index: int) -> int:
    """The position of the ``\\end`` that closes the ``\\begin`` at ``index``."""
    depth = 0
    for position in range(index, len(tokens)):
        if tokens[position] == "\\begin":
            depth += 1
        elif tokens[position] == "\\end":
            depth -= 1
            if depth == 0:
                return position
    return len(tokens)


def _environment_end(tokens: Sequence[str], index: int) -> int:
    """Just after the ``}`` of the ``\\end{…}`` closing the environment at ``index``."""
    end = _matching_end(tokens, index)
    try:
        return tokens.index("}", end) + 1
    except ValueError:
        return len(tokens)


def _glyph(token: str) -> float:
    if token.startswith("\\"):
        name = token[1:]
        if name in _ZERO:
            return 0.0
        if name in _WIDE:
            return _WIDE[name] + (0.44 if name in BINARY else 0.0)
        if name in BINARY:
            return 1.22
        if name in _FUNCTIONS:
            return 0.5 * len(name) + 0.17
        if name in (",", ":", ";", "!"):
            return 0.2
        return 0.6  # a Greek letter or symbol
    if token in "+-=<>":
        return 1.22  # the sign and the spaces around it
    if token in "()[]|":
        return 0.39
    if token == "&":
        return 0.0
    if token.isdigit() or token == ".":
        return 0.5
    return 0.55
