"""Views filled into the Jinja2 templates: one Markdown text per page, math still marked.

Nothing here computes: every value comes ready from the present stage.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jinja2
import markupsafe

from generator.catalog.families import FAMILIES
from generator.pages.reference import reference_pages
from generator.present.comparison import CHIPS
from generator.records import escape
from generator.records.markup import placeholder
from generator.records.views import SiteView

_NAME_BREAK = re.compile(r"(\.|&#95;)(?=[A-Za-z])")  # "_" is "&#95;" once escaped
PICKER_LIMITS = (2, 6)  # how many activations the comparison page's picker overlays


def render_pages(site: SiteView, templates: Path) -> dict[str, str]:
    """Every generated Markdown page, by path under ``docs/``."""
    environment = template_environment(templates)
    groups = [
        (family, [e.overview for e in site.entries if e.activation.family == family])
        for family in FAMILIES
    ]
    groups = [(family, rows) for family, rows in groups if rows]
    pages = {
        "index.md": environment.get_template("index.md.j2").render(groups=groups),
        "properties.md": environment.get_template("properties.md.j2").render(
            examples=site.examples
        ),
        "comparison.md": environment.get_template("comparison.md.j2").render(
            headers=site.comparison_headers,
            chips=CHIPS,
            rows=site.comparison_rows,
            picker=site.picker,
            minimum=PICKER_LIMITS[0],
            maximum=PICKER_LIMITS[1],
            overlays=site.overlays,
        ),
    }
    family_template = environment.get_template("family.md.j2")
    overlays = {overlay.family: overlay for overlay in site.overlays}
    for family, rows in groups:
        pages[f"families/{family.slug}.md"] = family_template.render(
            family=family, rows=rows, overlay=overlays.get(family)
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


def template_environment(templates: Path) -> jinja2.Environment:
    """Jinja2 set up for Markdown output, with the math and table-cell filters."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
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
    return environment
