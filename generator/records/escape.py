"""Catalog text as inert page text: it reads the same on the page and can never become markup.

A catalog string lands in Markdown that Python-Markdown and its extensions read, then in HTML
(text and attributes). :func:`text` makes it inert for both at once: every character that
could open Markdown syntax (emphasis, code, links, images, raw HTML, attribute lists, table
cells, admonitions, the formula placeholders) becomes a numeric character reference, which
Markdown passes through and the browser shows as the character. The first character is
always encoded unless it is a letter, so no string can begin a list, a heading or a block.
"""

from __future__ import annotations

import html
from typing import Final

# Characters with a meaning to Markdown and the site's extensions, to HTML, or to the
# formula placeholders. The test suite renders each through mkdocs.yml's extensions.
_ACTIVE: Final = frozenset("\\`*_[]{}<>!#|@$&\"'")


def _reference(character: str) -> str:
    return f"&#{ord(character)};"


def text(value: str) -> str:
    """Inline page text for Markdown or HTML, on one line: whitespace runs become one space."""
    collapsed = " ".join(value.split())
    return "".join(
        _reference(character)
        if character in _ACTIVE or (position == 0 and not character.isalpha())
        else character
        for position, character in enumerate(collapsed)
    )


def attribute(value: str) -> str:
    """An HTML attribute value (or a front-matter field a theme puts in one): quotes escaped,
    and ``@`` too, so that no formula placeholder can be spelt in it."""
    return html.escape(" ".join(value.split()), quote=True).replace("@", "&#64;")


def code(value: str) -> str:
    """Inline code that no backtick or markup in ``value`` can end early."""
    return f"<code>{text(value)}</code>"


def link(label: str, url: str) -> str:
    """A link whose label is :func:`text` and whose address stays in its attribute."""
    return f'<a href="{attribute(url)}">{text(label)}</a>'
