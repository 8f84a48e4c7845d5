"""The cut KaTeX stylesheet typesets every formula exactly as KaTeX's own does.

The site ships only the KaTeX rules its math can match (generator/publish/katex_css.py).
Here the pages that between them hold every class any formula uses are loaded twice, with
the shipped stylesheet and with KaTeX's whole one put in its place, at desktop and phone
width: every element of every formula must have the same box, font and colour both times.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

import pytest
from playwright.sync_api import Browser, Route

from generator.paths import Paths
from generator.publish.katex_css import classes_in
from tests.browser import TIMEOUT_MS, serve

WIDTHS: Final = (1400, 390)
FULL_CSS: Final = Paths.default().katex / "dist" / "katex.min.css"
_CLASS: Final = re.compile(r"\.(-?[A-Za-z_][\w-]*)")

# Every element inside a formula: where it is drawn within its formula (the page's flow
# above it, a lazy figure loading or not, moves the whole formula, not its parts) and how
# its text looks.
BOXES: Final = """() => Array.from(document.querySelectorAll('.katex, .katex *'), (element) => {
    const box = element.getBoundingClientRect();
    const formula = (element.parentElement && element.parentElement.closest('.katex')
        || element).getBoundingClientRect();
    const style = getComputedStyle(element);
    // An element not drawn (display: none, KaTeX's MathML) has no box to compare.
    const drawn = box.width > 0 || box.height > 0;
    return (drawn ? [box.x - formula.x, box.y - formula.y, box.width, box.height]
            .map((v) => v.toFixed(2)).join(' ') : 'not drawn')
        + ' ' + [style.fontFamily, style.fontSize, style.fontStyle, style.fontWeight,
                 style.color, style.borderBottomWidth, style.display].join(' ');
})"""


def covering_pages(site: Path) -> list[str]:
    """Few pages that between them carry every class of KaTeX's stylesheet the site uses."""
    styled = frozenset(_CLASS.findall(FULL_CSS.read_text(encoding="utf-8")))
    classes = {
        index.parent.relative_to(site).as_posix(): styled
        & classes_in([index.read_text(encoding="utf-8")])
        for index in sorted(site.rglob("index.html"))
    }
    missing = frozenset().union(*classes.values())
    chosen: list[str] = []
    while missing:
        best = max(classes, key=lambda page: len(classes[page] & missing))
        chosen.append(best)
        missing -= classes[best]
    return chosen


def _router(base_url: str, whole: bool) -> Callable[[Route], None]:
    """Requests for the site go through (KaTeX's stylesheet swapped for its whole one when
    ``whole``); any other request is stopped."""

    def route(route: Route) -> None:
        if whole and route.request.url.endswith("/katex.min.css"):
            route.fulfill(body=FULL_CSS.read_bytes(), content_type="text/css")
        elif route.request.url.startswith(base_url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    return route


@pytest.fixture(scope="module")
def boxes(browser: Browser, site: Path) -> Iterator[dict[tuple[str, int, bool], list[str]]]:
    """Each covering page's formula boxes, by (page, width, whole KaTeX stylesheet)."""
    measured: dict[tuple[str, int, bool], list[str]] = {}
    with serve(site) as base_url:
        for whole in (False, True):
            context = browser.new_context(service_workers="block", reduced_motion="reduce")
            context.set_default_timeout(TIMEOUT_MS)

            context.route("**/*", _router(base_url, whole))
            page = context.new_page()
            for path in covering_pages(site):
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": 900})
                    page.goto(f"{base_url}{path}/".replace("/./", "/"), wait_until="load")
                    page.evaluate("() => document.fonts.ready")
                    measured[path, width, whole] = page.evaluate(BOXES)
            context.close()
        yield measured


@pytest.mark.parametrize("width", WIDTHS)
def test_every_formula_is_drawn_as_with_katex_whole_stylesheet(
    boxes: dict[tuple[str, int, bool], list[str]], site: Path, width: int
) -> None:
    for path in covering_pages(site):
        cut, whole = boxes[path, width, False], boxes[path, width, True]
        assert cut, f"{path}: no formula measured"
        differing = [(a, b) for a, b in zip(cut, whole, strict=True) if a != b]
        assert not differing, (
            f"{path} at {width} px: {len(differing)} elements differ, {differing[:3]}"
        )
