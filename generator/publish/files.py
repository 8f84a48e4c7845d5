"""Everything under ``docs/``: typeset pages, figures, data files and static assets."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

from generator.errors import BuildError
from generator.paths import Paths
from generator.publish.katex import typeset
from generator.publish.katex_css import classes_in, trimmed
from generator.records.services import Memo
from generator.records.views import SiteView


def publish(
    pages: Mapping[str, str], sites: Sequence[SiteView], paths: Paths, memo: Memo
) -> dict[str, bytes]:
    """The whole ``docs/`` tree, by path: every edition's pages (the first edition's view
    holds the shared figures and data; another's, its own figures)."""
    site = sites[0]
    entries = [entry.activation for entry in site.entries]
    typeset_pages = typeset(pages, paths.katex_script, memo, entries)
    files: dict[str, bytes] = {}
    for edition in sites:
        files |= edition.files
    files |= {path: text.encode("utf-8") for path, text in typeset_pages.items()}
    files["activations.json"] = _json(site.catalog_json)
    files["activations.csv"] = site.properties_csv.encode()
    return files | static_files(paths, classes_in(typeset_pages.values()))


def static_files(paths: Paths, used: frozenset[str]) -> dict[str, bytes]:
    """The site's own stylesheets and scripts, and KaTeX's CSS and fonts cut to what the
    math (whose elements carry the classes ``used``) needs, all served from the site."""
    katex = paths.katex / "dist"
    if not katex.is_dir():
        raise BuildError(f"{katex} is missing: run 'npm ci' (make site does this)")
    files = {
        f"assets/{path.relative_to(paths.static)}": path.read_bytes()
        for path in sorted(paths.static.rglob("*"))
        if path.is_file()
    }
    ours = [data.decode() for path, data in files.items() if path.endswith(".css")]
    css = trimmed((katex / "katex.min.css").read_text(encoding="utf-8"), used, ours)
    files["assets/katex/katex.min.css"] = css.encode()
    for font in sorted(set(_FONT.findall(css))):
        files[f"assets/katex/fonts/{font}"] = (katex / "fonts" / font).read_bytes()
    return files


_FONT = re.compile(r"url\(fonts/([\w-]+\.woff2)\)")


def _json(data: Mapping[str, object]) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode()
