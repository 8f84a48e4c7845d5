"""Math typeset at build time: templates leave placeholders, one KaTeX process fills them.

Pages need no JavaScript to show math. Templates call ``tex``/``texblock``, which only
mark the spot; :func:`typeset` then renders every distinct formula of every page in a
single batched node process and swaps the HTML in (small inline math, an interval or a
number, is written as text instead: ``generator.publish.plain_math``). A display formula
too wide for a phone (or a desktop column) is rendered a second time broken into lines
(``generator.present.breaking``), and the stylesheet shows the layout that fits.

A formula KaTeX rejects, or a run past the :data:`~generator.deadlines.TYPESET`
limit, is blamed on a catalog entry where one can be found: first a LaTeX field of an
entry whose page holds the formula, rendered on its own (``symbol``, a parameter's or a
constant's ``symbol``), then that entry's page as a whole; only a formula on no entry's
page is reported by the page that holds it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Final

from generator.deadlines import TYPESET
from generator.errors import DETAIL_CHARACTERS, BuildError, CatalogError
from generator.present.breaking import layouts
from generator.publish.plain_math import plain_math
from generator.records.catalog import Activation
from generator.records.markup import PLACEHOLDER, decode
from generator.records.services import Memo
from generator.records.views import page_of

Formula = tuple[str, bool]  # TeX, and whether it is display math

_TAG_OR_ENTITY: Final = re.compile(r"(<[^>]*>|&#?[A-Za-z0-9]+;)")
# Characters Markdown would read as markup inside the HTML's text: escape them as entities.
_MARKDOWN_SPECIAL: Final = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-.!|~^$:"}


MATHML: Final = '<span class="katex-mathml">'
MATHML_UNSEARCHED: Final = '<span class="katex-mathml" data-search-exclude>'


def typeset(
    pages: Mapping[str, str],
    script: Path,
    memo: Memo,
    entries: Sequence[Activation] = (),
    limit: float | None = None,
) -> dict[str, str]:
    """Replace every placeholder in every page with KaTeX HTML (one node process for the
    formulas not in the cache; ``script`` is the node renderer), within ``limit`` seconds
    (default: :data:`~generator.deadlines.TYPESET`). A failure names the catalog
    file and field of one of ``entries`` where it can."""
    limit = TYPESET.seconds() if limit is None else limit
    formulas: dict[Formula, list[str]] = {}
    for path, text in pages.items():
        for match in PLACEHOLDER.finditer(text):
            tex, display = decode(match)
            if not display and plain_math(tex) is not None:
                continue
            for variant in layouts(tex) if display else (tex,):
                holders = formulas.setdefault((variant, display), [])
                if path not in holders:
                    holders.append(path)
    rendered = _cached_render(formulas, _Renderer(script, limit), entries, memo)

    # Search indexes the text of a page (Material's data-search-exclude opts an element
    # out): inline math keeps its glyphs (σ(x) reads well in a result) but not the TeX in
    # KaTeX's MathML annotation; display math, a long run of glyphs, is left out whole.
    def replace(match: re.Match[str]) -> str:
        tex, display = decode(match)
        if not display:
            plain = plain_math(tex)
            if plain is not None:
                return _protect(plain)
            return _protect(rendered[tex, display]).replace(MATHML, MATHML_UNSEARCHED, 1)
        desktop, phone = layouts(tex)
        html = rendered[desktop, True]
        if desktop != phone:
            html = both_layouts(html, rendered[phone, True])
        return f'<div class="math-display" data-search-exclude>{_protect(html)}</div>'

    return {path: PLACEHOLDER.sub(replace, text) for path, text in pages.items()}


_LAYOUT: Final = '<span class="katex-html" aria-hidden="true">'
_CLOSING: Final = "</span></span>"  # after the drawing: the ends of .katex and .katex-display


def both_layouts(desktop: str, phone: str) -> str:
    """One formula holding both drawings KaTeX made of it, the desktop's and the phone's,
    and the desktop's MathML only: extra.css shows the drawing that fits the screen, and
    a screen reader reads the formula once, whatever the width."""
    mathml, wide = _drawing(desktop)
    _, narrow = _drawing(phone)
    return (
        f'{mathml}<span class="katex-html math-desktop" aria-hidden="true">{wide}'
        f'<span class="katex-html math-phone" aria-hidden="true">{narrow}{_CLOSING}'
    )


def _drawing(html: str) -> tuple[str, str]:
    """KaTeX's display HTML cut in two: up to its drawing (the MathML), and the drawing's
    content with the drawing's own closing tag."""
    if html.count(_LAYOUT) != 1 or not html.endswith(_CLOSING):
        raise BuildError(f"KaTeX's display HTML has an unexpected shape: {_bounded(html)}")
    head, drawing = html.split(_LAYOUT)
    return head, drawing[: -len(_CLOSING)]


class _RenderError(Exception):
    """KaTeX rejected the formula at ``index`` of a batch (None: it ran out of time)."""

    def __init__(self, index: int | None, problem: str) -> None:
        super().__init__(problem)
        self.index = index
        self.problem = problem


class _Renderer:
    """Runs the node renderer over a batch of formulas, each run within the limit."""

    def __init__(self, script: Path, limit: float) -> None:
        self.script = script
        self.limit = limit

    def __call__(self, formulas: Sequence[Formula]) -> list[str]:
        """The HTML of each formula; :class:`_RenderError` at the first that KaTeX rejects, or
        when the run outlasts the limit."""
        if not formulas:
            return []
        node = shutil.which("node")
        if node is None:
            raise BuildError("node is not installed; it is needed to render math with KaTeX")
        request = [{"tex": tex, "display": display} for tex, display in formulas]
        try:
            result = subprocess.run(
                [node, str(self.script)],
                input=json.dumps(request),
                capture_output=True,
                text=True,
                check=False,
                timeout=self.limit,
            )
        except subprocess.TimeoutExpired:
            raise _RenderError(None, f"took KaTeX longer than {self.limit:g} s") from None
        if result.returncode != 0:
            raise BuildError(f"KaTeX failed to start: {_bounded(result.stderr.strip())}")
        reply = json.loads(result.stdout)
        if "error" in reply:
            message = _bounded(str(reply["error"]["message"]))
            raise _RenderError(int(reply["error"]["index"]), f"is not valid LaTeX: {message}")
        html: list[str] = reply["html"]
        return html

    def fails(self, formulas: Sequence[Formula]) -> str | None:
        """What goes wrong rendering ``formulas`` as one batch; None if nothing does."""
        try:
            self(formulas)
        except _RenderError as failure:
            return failure.problem
        return None


def _cached_render(
    formulas: Mapping[Formula, Sequence[str]],
    render: _Renderer,
    entries: Sequence[Activation],
    memo: Memo,
) -> dict[Formula, str]:
    """KaTeX HTML for every formula (``formulas`` maps each to the pages that hold it);
    only those never rendered before go to node."""
    known = {formula: memo.lookup("katex", _key(*formula)) for formula in formulas}
    missing = [f for f in formulas if not isinstance(known[f], str)]
    try:
        html = render(missing)
    except _RenderError as failure:
        culprits = missing if failure.index is None else [missing[failure.index]]
        raise _blame(culprits, failure.problem, formulas, entries, render.fails) from None
    for formula, text in zip(missing, html, strict=True):
        memo.store("katex", _key(*formula), text)
        known[formula] = text
    return {formula: str(html) for formula, html in known.items()}


def _key(tex: str, display: bool) -> list[str]:
    return ["display" if display else "inline", tex]


def _blame(
    culprits: Sequence[Formula],
    problem: str,
    holders: Mapping[Formula, Sequence[str]],
    entries: Sequence[Activation],
    fails: Callable[[Sequence[Formula]], str | None],
) -> Exception:
    """The error for a batch that failed with ``problem`` on one of ``culprits``: the
    first LaTeX field in a culprit that fails on its own, of an entry whose page holds a
    culprit or of any other entry (a symbol is shown on the overview pages too); else the
    first entry whose page's culprits fail; else the page of the first culprit."""
    pages = {page for formula in culprits for page in holders[formula]}
    on_page = [a for a in entries if page_of(a.id) in pages]
    for activation in [*on_page, *(a for a in entries if page_of(a.id) not in pages)]:
        for field, tex in latex_fields(activation):
            if any(tex in formula for formula, _ in culprits):
                found = fails([(tex, False)])
                if found is not None:
                    return CatalogError(activation.source, field, f"{_quoted(tex)} {found}")
    for activation in on_page:
        own = [f for f in culprits if page_of(activation.id) in holders[f]]
        found = problem if own == list(culprits) else fails(own)
        if found is not None:
            what = f"the formula {_quoted(own[0][0])}" if len(own) == 1 else "formulas"
            return CatalogError(activation.source, None, f"its page holds {what} that {found}")
    (tex, _), page = culprits[0], holders[culprits[0]][0]
    if len(culprits) == 1:
        return BuildError(f"{page}: formula {_quoted(tex)} {problem}")
    return BuildError(f"{len(culprits)} formulas (the first on {page}) {problem}")


def latex_fields(activation: Activation) -> list[tuple[str, str]]:
    """The catalog fields of ``activation`` that are LaTeX, with their text, by field name."""
    fields = [("symbol", activation.symbol_latex)]
    fields += [(f"parameters.{p.name}.symbol", p.latex) for p in activation.parameters]
    fields += [(f"constants.{c.name}.symbol", c.latex) for c in activation.display.constants]
    return fields


def _quoted(tex: str) -> str:
    return repr(_bounded(tex))


def _bounded(text: str) -> str:
    """``text`` on one line, cut to :data:`~generator.errors.DETAIL_CHARACTERS`."""
    line = " ".join(text.split())
    return line if len(line) <= DETAIL_CHARACTERS else line[:DETAIL_CHARACTERS] + "…"


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
