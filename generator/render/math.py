"""Math typeset at build time: templates leave placeholders, one KaTeX process fills them.

Pages need no JavaScript to show math. Templates call ``tex``/``texblock``, which only
mark the spot; :func:`typeset` then renders every distinct formula of every page in a
single batched node process and swaps the HTML in.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from generator.cache import read_blob, write_blob
from generator.errors import BuildError

SCRIPT: Final = Path(__file__).with_name("katex_render.cjs")
KATEX_PACKAGE: Final = SCRIPT.parents[2] / "node_modules" / "katex" / "package.json"
CACHE: Final = SCRIPT.parents[2] / ".cache" / "katex"
_PLACEHOLDER: Final = re.compile(r"@@tex-(inline|display):([A-Za-z0-9_=-]+)@@")
_TAG_OR_ENTITY: Final = re.compile(r"(<[^>]*>|&#?[A-Za-z0-9]+;)")
# Characters Markdown would read as markup inside the HTML's text: escape them as entities.
_MARKDOWN_SPECIAL: Final = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~^$:"}


def placeholder(tex: str, *, display: bool) -> str:
    """The marker a template emits for one formula."""
    encoded = base64.urlsafe_b64encode(tex.encode()).decode()
    return f"@@tex-{'display' if display else 'inline'}:{encoded}@@"


def typeset(pages: Mapping[str, str]) -> dict[str, str]:
    """Replace every placeholder in every page with KaTeX HTML (one node process)."""
    formulas: dict[tuple[str, bool], str] = {}
    for path, text in pages.items():
        for match in _PLACEHOLDER.finditer(text):
            formulas.setdefault(_decode(match), path)
    rendered = _cached_render(formulas)

    def replace(match: re.Match[str]) -> str:
        tex, display = _decode(match)
        html = _protect(rendered[tex, display])
        return f'<div class="math-display">{html}</div>' if display else html

    return {path: _PLACEHOLDER.sub(replace, text) for path, text in pages.items()}


def _decode(match: re.Match[str]) -> tuple[str, bool]:
    return base64.urlsafe_b64decode(match.group(2)).decode(), match.group(1) == "display"


def _cached_render(formulas: Mapping[tuple[str, bool], str]) -> dict[tuple[str, bool], str]:
    """KaTeX HTML for every formula; only those never rendered before go to node.

    One store per KaTeX version and render script, so an upgrade starts afresh.
    """
    store = CACHE / f"{_renderer_digest()}.json"
    blob = read_blob(store)
    known: dict[str, str] = json.loads(blob) if blob is not None else {}
    keys = {formula: _cache_key(*formula) for formula in formulas}
    missing = {f: page for f, page in formulas.items() if keys[f] not in known}
    if missing:
        known |= {keys[f]: html for f, html in zip(missing, _render(missing), strict=True)}
        write_blob(store, json.dumps(known, sort_keys=True).encode())
    return {formula: known[keys[formula]] for formula in formulas}


def _cache_key(tex: str, display: bool) -> str:
    return ("D" if display else "I") + tex


def _renderer_digest() -> str:
    digest = hashlib.sha256(SCRIPT.read_bytes())
    version = KATEX_PACKAGE.read_bytes() if KATEX_PACKAGE.is_file() else b"missing"
    digest.update(version)
    return digest.hexdigest()[:24]


def _render(formulas: Mapping[tuple[str, bool], str]) -> list[str]:
    if not formulas:
        return []
    node = shutil.which("node")
    if node is None:
        raise BuildError("node is not installed; it is needed to render math with KaTeX")
    request = [{"tex": tex, "display": display} for tex, display in formulas]
    result = subprocess.run(
        [node, str(SCRIPT)],
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
