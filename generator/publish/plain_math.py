"""Small inline math as plain HTML text: [0, ∞), C<sup>∞</sup>, x = −1, 0.2821…

Most inline formulas on the site are an interval, a number or a smoothness class, and KaTeX
spends about 800 bytes of spans on each (a fifth of the comparison page was ``[0, \\infty)``
and ``C^{\\infty}``). Those render here as text in KaTeX's own fonts (extra.css), so they
look the same and a screen reader reads them as written. Anything outside this small
grammar (fractions, sums, functions) returns None and goes to KaTeX. The tests check that
every formula rendered here shows the same characters KaTeX would.
"""

from __future__ import annotations

import re
from typing import Final

_SYMBOLS: Final = {
    r"\infty": "∞",
    r"\ldots": "…",
    r"\pm": "±",
    r"\alpha": "α",
    r"\beta": "β",
    r"\gamma": "γ",
    r"\lambda": "λ",
    r"\sigma": "σ",
}
_ITALIC: Final = frozenset("αβγλσ")  # KaTeX sets lower-case Greek in italic, like letters
_RELATIONS: Final = {"=": "=", r"\to": "→", r"\approx": "≈", r"\leq": "≤", r"\geq": "≥"}
# Longest first, so \infty is one token and not a backslash command cut short.
_TOKEN: Final = re.compile(
    "|".join(
        [
            r"\s+",
            r"\d+(?:\.\d+)?",
            *(re.escape(name) for name in sorted(_SYMBOLS, key=len, reverse=True)),
            *(re.escape(name) for name in sorted(_RELATIONS, key=len, reverse=True)),
            r"\^\{[^{}]*\}|\^.",
            r"[A-Za-z]",
            r"[\[\]()',\-]",
        ]
    )
)
_OPENERS: Final = frozenset("[(,")


def plain_math(tex: str) -> str | None:
    """``tex`` as HTML text when it is only numbers, letters, intervals, relations and simple
    superscripts; None when it needs KaTeX."""
    text = _render(tex)
    return f'<span class="math-text">{text}</span>' if text else None


def _render(tex: str) -> str | None:
    tokens = _tokens(tex)
    if tokens is None:
        return None
    html: list[str] = []
    previous = ""  # the last thing written, to tell a sign from a minus between terms
    for token in tokens:
        if token.isspace():
            continue
        if token.startswith("^"):
            inner = _render(token[2:-1] if token.startswith("^{") else token[1:])
            if inner is None or not previous or previous in _OPENERS:
                return None
            html.append(f"<sup>{inner}</sup>")
        elif token in _RELATIONS:
            html.append(f" {_RELATIONS[token]} ")
            previous = ","  # what follows a relation may be a sign
            continue
        elif token == "-":
            if previous and previous not in _OPENERS:
                return None  # a binary minus needs KaTeX's spacing
            html.append("−")
        elif token == ",":
            html.append(", ")
        elif token == "'":
            html.append("<sup>′</sup>")  # TeX's f' is f^{\prime}, a raised prime
        elif token in _SYMBOLS:
            symbol = _SYMBOLS[token]
            html.append(f"<i>{symbol}</i>" if symbol in _ITALIC else symbol)
        elif token.isalpha():
            html.append(f"<i>{token}</i>")
        else:
            html.append(token)
        previous = token
    return "".join(html).strip() or None


def _tokens(tex: str) -> list[str] | None:
    """``tex`` cut into tokens of the grammar, or None if something else is in it."""
    tokens = []
    position = 0
    while position < len(tex):
        match = _TOKEN.match(tex, position)
        if match is None:
            return None
        tokens.append(match.group(0))
        position = match.end()
    return tokens
