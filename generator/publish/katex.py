"""Math typeset at build time: templates leave placeholders, one KaTeX process fills them.

Pages need no JavaScript to show math. Templates call ``tex``/``texblock``, which only
mark the spot; :func:`typeset` then renders every distinct formula of every page in a
single batched node process and swaps the HTML in. A display formula too wide for a phone
(or a desktop column) is rendered a second time broken into lines
(``generator.present.breaking``), and the stylesheet shows the layout that fits.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from generator.errors import BuildError
from generator.present.breaking import layouts
from generator.records.markup import PLACEHOLDER, decode
from generator.records.services import Memo

_TAG_OR_ENTITY: Final = re.compile(r"(<[^>]*>|&#?[A-Za-z0-9]+;)")
# Characters Markdown would read as markup inside the HTML's text: escape them as entities.
_MARKDOWN_SPECIAL: Final = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~^$:"}


def typeset(pages: Mapping[str, str], script: Path, memo: Memo) -> dict[str, str]:
    """Replace every placeholder in every page with KaTeX HTML (one node process for the
    formulas not in the cache; ``script`` is the node renderer)."""
    formulas: dict[tuple[str, bool], str] = {}
    for path, text in pages.items():
        for match in PLACEHOLDER.finditer(text):
            tex, display = decode(match)
            for variant in layouts(tex) if display else (tex,):
                formulas.setdefault((variant, display), path)
    rendered = _cached_render(formulas, script, memo)

    def replace(match: re.Match[str]) -> str:
        tex, display = decode(match)
        if not display:
            return _protect(rendered[tex, display])
        desktop, phone = layouts(tex)
        html = _protect(rendered[desktop, True])
        if desktop == phone:
            return f'<div class="math-display">{html}</div>'
        narrow = _protect(rendered[phone, True])
        # Both layouts are in the page; extra.css shows the one that fits the screen.
        return (
            f'<div class="math-display math-desktop">{html}</div>'
            f'<div class="math-display math-phone">{narrow}</div>'
        )

    return {path: PLACEHOLDER.sub(replace, text) for path, text in pages.items()}


def _cached_render(
    formulas: Mapping[tuple[str, bool], str], script: Path, memo: Memo
) -> dict[tuple[str, bool], str]:
    """KaTeX HTML for every formula; only those never rendered before go to node."""
    known = {formula: memo.lookup("katex", _key(*formula)) for formula in formulas}
    missing = {f: page for f, page in formulas.items() if not isinstance(known[f], str)}
    for formula, html in zip(missing, _render(missing, script), strict=True):
        memo.store("katex", _key(*formula), html)
        known[formula] = html
    return {formula: str(html) for formula, html in known.items()}


def _key(tex: str, display: bool) -> list[str]:
    return ["display" if display else "inline", tex]


def _render(formulas: Mapping[tuple[str, bool], str], script: Path) -> list[str]:
    if not formulas:
        return []
    node = shutil.which("node")
    if node is None:
        raise BuildError("node is not installed; it is needed to render math with KaTeX")
    request = [{"tex": tex, "display": display} for tex, display in formulas]
    result = subprocess.run(
        [node, str(script)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BuildError(f"KaTeX failed to start: {result.stderr.strip()}")
    reply = json.loads(result.stdout)
    if "error" in reply:
        index = reply["error"]["index"]
        (tex, _), page = list(formulas.items())[index]
        raise BuildError(f"{page}: formula {tex!r} is not valid LaTeX: {reply['error']['message']}")
    html: list[str] = reply["html"]
    return html


def _protect(html: str) -> str:
    """Entity-escape Markdown syntax in the text between tags, so Markdown leaves it be.

    Newlines go too: KaTeX's SVG paths (square roots) break lines inside attributes, and a
    line break inside a table cell would end the Markdown table row.
    """
    parts = _TAG_OR_ENTITY.split(" ".join(html.splitlines()))
    return "".join(
        part if part.startswith(("<", "&")) else "".join(_MARKDOWN_SPECIAL.get(c, c) for c in part)
        for part in parts
    )
