"""Small inline math written as text (generator/publish/plain_math.py) shows what KaTeX shows.

Every inline formula of every page that the text renderer takes is rendered by KaTeX too,
and the characters a reader sees (KaTeX's visible HTML, without its MathML) must be the
same, in the same order; spacing is the fonts' business and is not compared.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from functools import cache
from html.parser import HTMLParser
from typing import Final

import pytest

from generator.pages import render_pages
from generator.publish.plain_math import plain_math
from generator.records.markup import PLACEHOLDER, decode
from tests.conftest import PATHS, site_view

# Formulas the renderer must leave to KaTeX: what it would get wrong or cannot do.
NOT_PLAIN: Final = (
    r"\frac{1}{2}",
    r"x - 1",  # a minus between terms needs KaTeX's spacing
    r"\operatorname{ReLU}(x)",
    r"\mathbb{R}",  # KaTeX's double-struck R is the letter R in its AMS font
    r"^2",
    r"\left(0, 1\right)",
    r"x<1",
    r"\{0\}",
)


class _Visible(HTMLParser):
    """The text of HTML outside KaTeX's MathML (which only screen readers get)."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hidden or ("class", "katex-mathml") in attrs:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.text.append(data)


def visible(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    return re.sub(r"\s+", "", "".join(parser.text))


@cache
def site_inline_formulas() -> tuple[str, ...]:
    pages = render_pages(site_view(), PATHS.templates)
    found = {
        tex
        for text in pages.values()
        for match in PLACEHOLDER.finditer(text)
        for tex, display in [decode(match)]
        if not display
    }
    return tuple(sorted(found))


def katex(formulas: list[str]) -> list[str]:
    node = shutil.which("node")
    assert node, "node is needed to render KaTeX"
    request = [{"tex": tex, "display": False} for tex in formulas]
    result = subprocess.run(
        [node, str(PATHS.katex_script)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=True,
    )
    html: list[str] = json.loads(result.stdout)["html"]
    return html


def test_most_inline_math_on_the_site_is_written_as_text() -> None:
    formulas = site_inline_formulas()
    plain = [tex for tex in formulas if plain_math(tex) is not None]
    assert len(plain) >= len(formulas) // 3, f"only {len(plain)} of {len(formulas)} as text"


def test_text_math_shows_the_characters_katex_shows() -> None:
    plain = [tex for tex in site_inline_formulas() if plain_math(tex) is not None]
    rendered = katex(plain)
    differ = [
        f"{tex!r}: KaTeX {visible(html)!r}, text {visible(plain_math(tex) or '')!r}"
        for tex, html in zip(plain, rendered, strict=True)
        if visible(html) != visible(plain_math(tex) or "")
    ]
    assert not differ, f"{len(differ)} of {len(plain)} differ:\n  " + "\n  ".join(differ[:20])


@pytest.mark.parametrize("tex", NOT_PLAIN)
def test_what_needs_katex_is_left_to_it(tex: str) -> None:
    assert plain_math(tex) is None


def test_text_math_is_marked_up_as_text() -> None:
    assert plain_math(r"[-0.5, \infty)") == '<span class="math-text">[−0.5, ∞)</span>'
    assert plain_math(r"C^{\infty}") == '<span class="math-text"><i>C</i><sup>∞</sup></span>'
    assert plain_math(r"x = -1") == '<span class="math-text"><i>x</i> = −1</span>'
