"""Check a LaTeX ``symbol`` field against the small subset of LaTeX a function's name needs.

The symbol is typeset by KaTeX on every page that names the entry. KaTeX knows commands
that link (``\\href``, ``\\url``), set HTML classes and ids (``\\htmlClass``), load images
(``\\includegraphics``) or define macros (``\\def``, ``\\newcommand``), and a catalog file is
data: so only the commands below are accepted, braces must balance, and the characters are
ASCII letters, digits and the punctuation formulas use.
"""

from __future__ import annotations

import re
from typing import Final

from generator.catalog.quoting import quoted

_GREEK: Final = frozenset(
    [
        "alpha",
        "beta",
        "gamma",
        "delta",
        "epsilon",
        "varepsilon",
        "zeta",
        "eta",
        "theta",
        "vartheta",
        "iota",
        "kappa",
        "lambda",
        "mu",
        "nu",
        "xi",
        "pi",
        "varpi",
        "rho",
        "varrho",
        "sigma",
        "varsigma",
        "tau",
        "upsilon",
        "phi",
        "varphi",
        "chi",
        "psi",
        "omega",
        "Gamma",
        "Delta",
        "Theta",
        "Lambda",
        "Xi",
        "Pi",
        "Sigma",
        "Upsilon",
        "Phi",
        "Psi",
        "Omega",
    ]
)
_OPERATORS: Final = frozenset(
    [
        "sin",
        "cos",
        "tan",
        "cot",
        "sec",
        "csc",
        "sinh",
        "cosh",
        "tanh",
        "coth",
        "arcsin",
        "arccos",
        "arctan",
        "log",
        "ln",
        "exp",
        "max",
        "min",
        "sup",
        "inf",
        "lim",
        "det",
        "sgn",
    ]
)
_MARKUP: Final = frozenset(
    [
        "operatorname",
        "mathrm",
        "mathit",
        "mathbf",
        "mathsf",
        "mathcal",
        "mathbb",
        "text",
        "textrm",
        "textit",
        "prime",
        "cdot",
        "times",
        "pm",
        "mp",
        "infty",
        "ell",
        "partial",
        "nabla",
        "circ",
        "odot",
        "otimes",
        "oplus",
        "hat",
        "tilde",
        "bar",
        "dot",
        "ddot",
        "vec",
        "overline",
        "underline",
        "frac",
        "tfrac",
        "dfrac",
        "sqrt",
    ]
)
# Every command the shipped catalog uses is in one of the sets above.
COMMANDS: Final = _GREEK | _OPERATORS | _MARKUP
# Control symbols: thin, medium, thick and negative space, a space, and escaped _ { } |.
SYMBOLS: Final = frozenset([",", ";", "!", ":", "_", "{", "}", "|"]) | {" "}
_CHARACTERS: Final = re.compile(r"[A-Za-z0-9 {}_^\\,.;:!'()\[\]+\-*/=|]*")
_TOKEN: Final = re.compile(r"\\([A-Za-z]+|.?)|([{}])", re.DOTALL)


def latex_problem(text: str) -> str | None:
    """Why ``text`` is not an accepted symbol, or None when it is."""
    if not _CHARACTERS.fullmatch(text):
        bad = next(c for c in text if not _CHARACTERS.fullmatch(c))
        return (
            f"character {quoted(bad)} is not allowed in LaTeX here (ASCII letters, digits, "
            "spaces and {}_^\\,.;:!'()[]+-*/=| only; write Greek letters as \\alpha)"
        )
    depth = 0
    for match in _TOKEN.finditer(text):
        command, brace = match.groups()
        if command is not None:
            problem = _command_problem(command)
            if problem:
                return problem
        elif brace == "{":
            depth += 1
        else:
            depth -= 1
            if depth < 0:
                return "has a '}' with no '{' before it: braces must balance"
    if depth:
        return "has a '{' that is never closed: braces must balance"
    return None


def _command_problem(command: str) -> str | None:
    if command in COMMANDS or command in SYMBOLS:
        return None
    if not command:
        return "ends in a lone backslash"
    return (
        f"uses the LaTeX command {quoted(chr(92) + command)}, which is not allowed in a "
        "symbol (Greek letters, \\operatorname, \\mathrm, \\text, \\prime and a few more are)"
    )
