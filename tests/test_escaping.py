"""Catalog text is inert: read by the site's own Markdown, it makes no element and no link.

Each hostile string is put where the templates put catalog text (a heading, a paragraph, a
list item, a table cell, an admonition, a tab, an HTML attribute, a link label, inline
code) and rendered with the Markdown extensions of ``mkdocs.yml``. The HTML must hold
exactly the elements of the surrounding scaffold, and its text must be the string itself.
"""

from __future__ import annotations

import html.parser
from pathlib import Path

import markdown
import pytest
import yaml

from generator.records import escape
from generator.records.markup import PLACEHOLDER

ROOT = Path(__file__).resolve().parents[1]

HOSTILE = (
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    'x"><script>alert(1)</script>',
    "x' onmouseover='alert(1)",
    "[click](javascript:alert(1))",
    "![i](javascript:alert(1))",
    "[ref][1]\n\n[1]: javascript:alert(1)",
    "<https://example.com>",
    "`code` **bold** _em_ *em* ~~del~~",
    "a | b | c",
    "{: onclick=alert(1) } attribute list",
    "# heading",
    "- list item",
    "1. numbered",
    "> quote",
    '!!! danger "admonition"',
    '=== "tab"',
    "```\nfence\n```",
    "    indented code",
    "@@tex-inline:XGhyZWZ7amF2YXNjcmlwdDphbGVydCgxKX17eH0=@@",
    "&lt;script&gt; &amp; &#60;b&#62; &#x3C;",
    "back\\slash \\* \\_ \\[",
    "$x$ and $$y$$ \\(z\\)",
    "line one\nline two\n\n\nparagraph",
    "σ(x) · x², ½, ′, “quotes”, 中文",
    "javascript:alert(1)",
)

# Each context: the Markdown around the escaped string, and the tags it makes by itself.
CONTEXTS = {
    "heading": ("# {}", ["h1", "a"]),  # the toc extension's permalink
    "paragraph": ("{}", ["p"]),
    "list item": ("- {}", ["ul", "li"]),
    "table cell": (
        "| A | B |\n|---|---|\n| a | {} |",
        ["table", "thead", "tr", "th", "th", "tbody", "tr", "td", "td"],
    ),
    "admonition": ('!!! info "Note"\n    {}', ["div", "p", "p"]),
    "tab": ('=== "NumPy"\n\n    {}', ["div", "input", "div", "label", "div", "div", "p"]),
    "emphasis": ("*Venue:* *{}*.", ["p", "em", "em"]),
    "after text": ("**Also known as:** {}.", ["p", "strong"]),
}


class _Elements(html.parser.HTMLParser):
    """The start tags, their attributes and the text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        # A heading's id and its permalink follow its text (slugified): not markup.
        self.attributes.extend(
            (name, value)
            for name, value in attrs
            if name != "id" and not (name == "href" and (value or "").startswith("#"))
        )

    def handle_data(self, data: str) -> None:
        self.text.append(data.replace("¶", ""))


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: its ``!ENV`` values (site_url) read as None."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)


def _site_markdown() -> markdown.Markdown:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names: list[str] = []
    settings: dict[str, dict[str, object]] = {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            ((name, options),) = item.items()
            names.append(name)
            settings[name] = options or {}
        else:
            names.append(item)
    return markdown.Markdown(extensions=names, extension_configs=settings)


def _render(source: str) -> _Elements:
    parsed = _Elements()
    parsed.feed(_site_markdown().convert(source))
    parsed.close()
    return parsed


def _flat(value: str) -> str:
    return " ".join(value.split())


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("hostile", HOSTILE)
def test_text_makes_no_markup_and_reads_as_written(hostile: str, context: str) -> None:
    template, scaffold = CONTEXTS[context]
    plain = _render(template.format("PLAIN"))
    assert plain.tags == scaffold, "the scaffold itself changed"

    rendered = _render(template.format(escape.text(hostile)))

    assert rendered.tags == plain.tags
    assert rendered.attributes == plain.attributes
    text = _flat("".join(rendered.text))
    assert _flat(hostile) in text
    assert text.replace(_flat(hostile), "PLAIN") == _flat("".join(plain.text))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_attribute_stays_inside_its_quotes(hostile: str) -> None:
    """Front matter that a theme writes into ``content="..."`` and an image's alt text."""
    for source in (
        f'<meta name="description" content="{escape.attribute(hostile)}">',
        f'<img src="a.svg" alt="{escape.text(hostile)}">',
    ):
        parsed = _Elements()
        parsed.feed(source)
        assert len(parsed.tags) == 1
        assert [value for name, value in parsed.attributes if name in ("content", "alt")] == [
            _flat(hostile)
        ]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_link_label_and_code_stay_text(hostile: str) -> None:
    rendered = _render(
        f"- {escape.link(hostile, 'https://example.com/a?b=1&c=(2)')} {escape.code(hostile)}"
    )
    assert rendered.tags == ["ul", "li", "a", "code"]
    assert rendered.attributes == [("href", "https://example.com/a?b=1&c=(2)")]
    assert "".join(rendered.text).count(_flat(hostile)) == 2


def test_text_is_unchanged_for_plain_prose() -> None:
    """Ordinary sentences need no references beyond the ones quotes and apostrophes take."""
    sentence = "ReLU with a small slope (0.01) for negative inputs, x ≥ 0."
    assert escape.text(sentence) == sentence


@pytest.mark.parametrize("hostile", HOSTILE)
def test_no_escaped_text_spells_a_formula_placeholder(hostile: str) -> None:
    """The publish stage typesets every placeholder it finds, front matter included."""
    for escaped in (escape.text(hostile), escape.attribute(hostile), escape.code(hostile)):
        assert PLACEHOLDER.search(escaped) is None
