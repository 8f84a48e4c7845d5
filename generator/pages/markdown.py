"""Views filled into the Jinja2 templates: one Markdown text per page, math still marked.

Nothing here computes: every value comes ready from the present stage.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Final

import jinja2
import markupsafe

from generator.catalog.families import FAMILIES
from generator.pages.reference import entry_helpers, reference_pages
from generator.present.comparison import chips
from generator.present.words import EDITIONS, family_in
from generator.records import escape
from generator.records.markup import placeholder
from generator.records.views import SiteView

_NAME_BREAK = re.compile(r"(\.|&#95;)(?=[A-Za-z])")  # "_" is "&#95;" once escaped
PICKER_LIMITS = (2, 6)  # how many activations the comparison page's picker overlays


def render_pages(site: SiteView, templates: Path, language: str = "en") -> dict[str, str]:
    """Every generated Markdown page of one edition, by path under its docs folder: English
    from ``templates``, another language from ``templates/<language>/`` (which has every
    page template; only the partials, ``_*.j2``, may be shared)."""
    environment = template_environment(templates, language)
    words = EDITIONS[language]
    groups = [
        (
            family_in(known, words),
            [e.overview for e in site.entries if e.activation.family == known],
        )
        for known in FAMILIES
    ]
    groups = [(family, rows) for family, rows in groups if rows]
    pages = {
        "index.md": environment.get_template("index.md.j2").render(
            groups=groups, **entry_helpers(site)
        ),
        "properties.md": environment.get_template("properties.md.j2").render(
            examples=site.examples
        ),
        "comparison.md": environment.get_template("comparison.md.j2").render(
            headers=site.comparison_headers,
            chips=chips(words),
            rows=site.comparison_rows,
            picker=site.picker,
            minimum=PICKER_LIMITS[0],
            maximum=PICKER_LIMITS[1],
            overlays=site.overlays,
        ),
    }
    family_template = environment.get_template("family.md.j2")
    overlays = {overlay.family.slug: overlay for overlay in site.overlays}
    for family, rows in groups:
        pages[f"families/{family.slug}.md"] = family_template.render(
            family=family, rows=rows, overlay=overlays.get(family.slug)
        )
    template = environment.get_template("activation.md.j2")
    for entry in site.entries:
        pages[entry.page] = template.render(**entry.page_context)
    return pages | reference_pages(site, environment)


def identifier(value: str) -> str:
    """Inline code for a dotted name (``torch.nn.functional.gelu``) that a narrow column
    wraps only after a dot or an underscore followed by a letter (``<wbr>``); tables.css
    keeps the browser from breaking it anywhere else."""
    return _NAME_BREAK.sub(r"\1<wbr>", escape.code(value))


class _EditionLoader(jinja2.BaseLoader):
    """A page template from the edition's own folder; a partial (``_figure.md.j2``) from
    there, else the shared one. Never a page in another language."""

    def __init__(self, templates: Path, language: str) -> None:
        own = templates if language == "en" else templates / language
        self._own = jinja2.FileSystemLoader(own)
        self._shared = jinja2.FileSystemLoader(templates)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        try:
            return self._own.get_source(environment, template)
        except jinja2.TemplateNotFound:
            if not template.startswith("_"):
                raise
            return self._shared.get_source(environment, template)


# How much deeper than the English one each edition's docs sit: its pages reach the shared
# assets (figures, scripts, stylesheets) at the site root through this many more "../".
UP: Final = {"en": "", "zh": "../"}


def template_environment(templates: Path, language: str = "en") -> jinja2.Environment:
    """Jinja2 set up for Markdown output, with the math and table-cell filters."""
    environment = jinja2.Environment(
        loader=_EditionLoader(templates, language),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # the output is Markdown; catalog text goes through |text
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["tex"] = lambda value: placeholder(value, display=False)
    environment.filters["texblock"] = lambda value: placeholder(value, display=True)
    environment.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)
    # Catalog text: inert in Markdown and HTML alike (text, table cells, attributes).
    environment.filters["text"] = escape.text
    # The generator's own Markdown in a table cell.
    environment.filters["cell"] = lambda value: str(markupsafe.escape(value)).replace("|", "&#124;")
    environment.filters["attribute"] = escape.attribute
    environment.filters["code"] = identifier
    environment.filters["link"] = escape.link
    environment.globals["up"] = UP[language]
    return environment
