"""Long display formulas broken over lines, so each fits a phone's column.

A formula wider than the budget (its width estimated by :mod:`texwidth`) is broken where a
textbook breaks it, before a ``+`` or ``−`` of a sum: ``f(x) = a + b + c`` becomes an
``aligned`` block with ``+ c`` on a continuation line. A product with no sum at its top
(``(σ − 1)(6xσ² − 6xσ + x − 6)σ``) is broken inside its widest bracketed sum, whose
``\\left( … \\right)`` becomes a ``\\bigl( … \\bigr)`` that may span lines, or else
between its factors; a quotient with a long sum on top becomes ``\\frac{1}{d}\\Bigl(a + b
\\Bigr)``, broken the same way. The breaking works on the printed TeX, so the terms keep
the order and signs the printer chose.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from generator.present.texwidth import BINARY, TOKEN, tex_width

# What fits the narrowest column the site supports: 358 px at a 390 px viewport, where an
# estimated em measures about 18.3 px (KaTeX's 1.21 em of 16 px, at the phone size of 0.9 in
# extra.css, and the estimate's own scale), so 19.4 em; 18 leaves room for its error.
BUDGET_EM: Final = 18.0
# The narrowest desktop column (a viewport of 45 em or more, where extra.css shows the
# desktop layout) is 686 px: 33.8 estimated em; 31 leaves room for the estimate's error.
DESKTOP_EM: Final = 31.0


def fit(lhs: str, body: str, budget: float = BUDGET_EM) -> str:
    """``lhs = body`` on one line if it fits ``budget`` em, else broken before the terms of
    a sum: the first line starts with ``lhs =`` (alone, if not even the first term fits
    after it), the others a ``\\qquad`` in, as in ``multline``."""
    line = f"{lhs} = {body}"
    if tex_width(line) <= budget or "\\begin" in body:
        return line
    head = f"{lhs} = "
    room = budget - max(tex_width(head), tex_width(CONTINUATION))
    segments = _segments(_tokens(body), room)
    alone = tex_width(head + segments[0]) > budget  # the head on a line of its own
    if len(segments) < 2 and not alone:
        return line
    lines = ["", segments[0]] if alone else [segments[0]]
    for segment in segments[1:]:
        joined = f"{lines[-1]} {segment.removeprefix(TIMES)}"
        indent = head if len(lines) == 1 else CONTINUATION
        if tex_width(indent + joined) > budget:
            lines.append(segment)
        else:
            lines[-1] = joined
    first, *rest = lines
    continued = "".join(f" \\\\ &{CONTINUATION}{line}" for line in rest)
    return f"\\begin{{aligned}} &{head}{first}{continued} \\end{{aligned}}"


def where_clause(forms: Sequence[str]) -> tuple[str, bool]:
    """The inner functions a derivative is printed in (``u = …``), as one display formula:
    "where u = …, u′ = …" on one line where that fits a phone (so the page
    needs no second layout of it), else one row each, aligned on ``=``; and whether it is
    the rows (the page then writes "where" above them)."""
    line = "\\text{where}\\quad " + ",\\quad ".join(forms)
    if tex_width(line) <= BUDGET_EM:
        return line, False
    rows = " \\\\ ".join(form.replace(" = ", " &= ", 1) for form in forms)
    return f"\\begin{{aligned}} {rows} \\end{{aligned}}", True


def layouts(tex: str) -> tuple[str, str]:
    """The display formula ``tex`` laid out for a desktop column and for a phone's: each
    the formula itself where it fits, broken into lines where it does not."""
    return layout(tex, DESKTOP_EM), layout(tex, BUDGET_EM)


def layout(tex: str, budget: float) -> str:
    """``tex`` within ``budget`` em: two statements (``a \\otimes g(b), \\qquad g(x) = …``)
    one above the other, an equation broken by :func:`fit`; anything else as it is."""
    if tex_width(tex) <= budget:
        return tex
    tokens = _tokens(tex)
    statements = _statements(tokens)
    if len(statements) > 1:
        rows = ", \\\\ ".join(layout(statement, budget) for statement in statements)
        return f"\\begin{{gathered}} {rows} \\end{{gathered}}"
    equals = _top_level(tokens, {"="})
    if not equals:
        return tex
    lhs, body = "".join(tokens[: equals[0]]).strip(), "".join(tokens[equals[0] + 1 :]).strip()
    return fit(lhs, body, budget)


def _statements(tokens: Sequence[str]) -> list[str]:
    """``tex`` cut at its top-level ``, \\qquad`` (the site's separator of statements)."""
    commas = [i for i in _top_level(tokens, {","}) if _next(tokens, i) == "\\qquad"]
    pieces, start = [], 0
    for comma in commas:
        pieces.append("".join(tokens[start:comma]).strip())
        start = tokens.index("\\qquad", comma) + 1
    pieces.append("".join(tokens[start:]).strip())
    return pieces


def _next(tokens: Sequence[str], index: int) -> str:
    """The first token after ``index`` that is not a space."""
    return next((t for t in tokens[index + 1 :] if not t.isspace()), "")


def _top_level(tokens: Sequence[str], wanted: set[str]) -> list[int]:
    """Positions of the ``wanted`` tokens outside every brace, bracket pair and environment."""
    found, depth = [], 0
    for index, token in enumerate(tokens):
        if token in ("{", "\\left", "\\begin"):
            depth += 1
        elif token in ("}", "\\right", "\\end"):
            depth -= 1
        elif depth == 0 and token in wanted:
            found.append(index)
    return found


# The shortest piece a cut may leave on either side, in em: 1 − tanh² x stays whole.
MIN_PIECE_EM: Final = 3.0
# Continuation lines start this far in from the left of the first line.
CONTINUATION: Final = "\\qquad "


def _tokens(tex: str) -> list[str]:
    """Every token, spaces included, so that joining them gives back the text as printed."""
    tokens: list[str] = TOKEN.findall(tex)
    return tokens


def _segments(tokens: list[str], room: float = BUDGET_EM, depth: int = 3) -> list[str]:
    """The body cut before each top-level ``+``/``−``; a body with none is opened at its
    widest bracketed sum or quotient first, and a piece still wider than ``room`` is opened
    in turn."""
    cuts = _cuts(tokens)
    if not cuts:
        opened = _opened(tokens) if depth else None
        if opened is None:
            return _factors(tokens)
        tokens, cuts = opened
    bounds = [0, *cuts, len(tokens)]
    segments = []
    for start, end in itertools.pairwise(bounds):
        piece = tokens[start:end]
        if depth and tex_width("".join(piece)) > room:
            segments += _segments(piece, room, depth - 1)
        else:
            segments.append("".join(piece).strip())
    return segments


def _factors(tokens: Sequence[str]) -> list[str]:
    """A product cut between its factors, where nothing else can be cut: each piece after
    the first starts with ``TIMES``, dropped again if it stays on the same line."""
    pieces: list[str] = []
    start = 0
    depth = 0
    for index, token in enumerate(tokens):
        if depth == 0 and index > start and token in _FACTOR_STARTS:
            before, after = "".join(tokens[start:index]), "".join(tokens[index:])
            if min(tex_width(before), tex_width(after)) >= MIN_PIECE_EM:
                pieces.append(before.strip())
                start = index
        if token in ("{", "\\left", "\\bigl", "\\Bigl"):
            depth += 1
        elif token in ("}", "\\right", "\\bigr", "\\Bigr"):
            depth -= 1
    pieces.append("".join(tokens[start:]).strip())
    return [pieces[0], *(TIMES + piece for piece in pieces[1:])]


_FACTOR_STARTS: Final = {
    "\\left", "\\bigl", "\\Bigl", "\\tanh", "\\sigma", "\\operatorname", "\\frac"
}  # fmt: skip
# How a line continuing a product starts.
TIMES: Final = "\\times "


def _cuts(tokens: Sequence[str]) -> list[int]:
    """Positions of the binary ``+`` and ``−`` at the top level of ``tokens`` that leave no
    piece shorter than ``MIN_PIECE_EM`` (no line ends in ``(1`` or starts with ``+ 2)``)."""
    kept: list[int] = []
    candidates = _signs(tokens)
    for cut in candidates:
        before = tex_width("".join(tokens[kept[-1] if kept else 0 : cut]))
        after = tex_width("".join(tokens[cut:]))
        if before >= MIN_PIECE_EM and after >= MIN_PIECE_EM:
            kept.append(cut)
    return kept


def _signs(tokens: Sequence[str]) -> list[int]:
    """Positions of the binary ``+`` and ``−`` at the top level of ``tokens``."""
    cuts = []
    depth = 0
    previous = ""
    for index in range(len(tokens)):
        token = tokens[index]
        if token in ("{", "\\left"):
            depth += 1
        elif token in ("}", "\\right"):
            depth -= 1
        elif depth == 0 and token in ("+", "-") and previous and _after_operand(previous):
            cuts.append(index)
        if not token.isspace():
            previous = token
    return cuts


def _after_operand(previous: str) -> bool:
    """A sign after an operand is binary; after ``(``, ``=`` or another sign it is unary."""
    return previous not in ("(", "[", "{", "&", "=", "+", "-") and previous not in _BINARY_NAMES


_BINARY_NAMES: Final = {f"\\{name}" for name in BINARY if len(name) > 1}


def _opened(tokens: list[str]) -> tuple[list[str], list[int]] | None:
    """The tokens with their widest top-level bracketed sum made breakable, and the cut
    positions inside it; None if there is none. ``\\left( … \\right)`` becomes
    ``\\Bigl( … \\Bigr)`` (which may span lines), ``\\frac{sum}{d}`` becomes
    ``\\frac{1}{d} \\Bigl( sum \\Bigr)`` and ``\\frac{product}{d}`` becomes
    ``\\frac{1}{d} product``, whose own brackets can then be opened."""
    best: tuple[float, list[str], list[int]] | None = None
    for group in _groups(tokens):
        inner = tokens[group.inner_start : group.inner_end]
        cuts = _cuts(inner)
        width = tex_width("".join(inner))
        product = group.fraction and "\\left" in inner  # brackets to open once it is out
        if not (cuts or product) or (best is not None and width <= best[0]):
            continue
        opener, closer = _brackets(tokens, group, inner, bool(cuts))
        before = [*tokens[: group.start], *opener]
        opened = [*before, *inner, *closer, *tokens[group.end :]]
        best = (width, opened, [len(before) + cut for cut in cuts])
    return None if best is None else (best[1], best[2])


def _brackets(
    tokens: Sequence[str], group: _Group, inner: Sequence[str], is_sum: bool
) -> tuple[list[str], list[str]]:
    """What goes before and after the inside of ``group`` once it may span lines."""
    if not group.fraction:
        size = "Big" if "\\frac" in inner else "big"
        return [f"\\{size}l", tokens[group.start + 1]], [f"\\{size}r", tokens[group.inner_end + 1]]
    reciprocal = ["\\frac", "{", "1", "}", *tokens[group.inner_end + 1 : group.end]]
    if is_sum:
        return [*reciprocal, " ", "\\Bigl", "("], ["\\Bigr", ")"]
    if inner and (inner[0].isdigit() or inner[0] == "\\frac"):
        return [*reciprocal, " \\cdot "], []  # ½·2·1.7159, not ½ 2·1.7159
    return [*reciprocal, " "], []


@dataclass(frozen=True)
class _Group:
    """A top-level ``\\left( … \\right)`` or ``\\frac{…}{…}`` in a token list: where it
    starts and ends (exclusive), and where its inside (the numerator, for a fraction) lies."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    fraction: bool


def _groups(tokens: Sequence[str]) -> list[_Group]:
    groups = []
    depth = 0
    for index, token in enumerate(tokens):
        if depth == 0 and token == "\\left":
            close = _matching(tokens, index, "\\left", "\\right")
            groups.append(_Group(index, close + 2, index + 2, close, fraction=False))
        elif depth == 0 and token == "\\frac" and tokens[index + 1 : index + 2] == ["{"]:
            numerator = _matching(tokens, index + 1, "{", "}")
            if tokens[numerator + 1 : numerator + 2] == ["{"]:
                denominator = _matching(tokens, numerator + 1, "{", "}")
                groups.append(_Group(index, denominator + 1, index + 2, numerator, fraction=True))
        if token in ("{", "\\left"):
            depth += 1
        elif token in ("}", "\\right"):
            depth -= 1
    return groups


def _matching(tokens: Sequence[str], index: int, opener: str, closer: str) -> int:
    """The position of the ``closer`` that balances the ``opener`` at ``index``."""
    depth = 0
    for position in range(index, len(tokens)):
        if tokens[position] == opener:
            depth += 1
        elif tokens[position] == closer:
            depth -= 1
            if depth == 0:
                return position
    return len(tokens) - 1
