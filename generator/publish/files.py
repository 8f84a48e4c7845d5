"""Everything under ``docs/``: typeset pages, figures, data files and static assets."""

from __future__ import annotations

import json
from collections.abc import Mapping

from generator.errors import BuildError
from generator.paths import Paths
from generator.publish.katex import typeset
from generator.records.services import Memo
from generator.records.views import SiteView


def publish(pages: Mapping[str, str], site: SiteView, paths: Paths, memo: Memo) -> dict[str, bytes]:
    """The whole ``docs/`` tree, by path."""
    entries = [entry.activation for entry in site.entries]
    typeset_pages = typeset(pages, paths.katex_script, memo, entries)
    files = dict(site.files)
    files |= {path: text.encode("utf-8") for path, text in typeset_pages.items()}
    files["activations.json"] = _json(site.catalog_json)
    files["activations.csv"] = site.properties_csv.encode()
    return files | static_files(paths)


def static_files(paths: Paths) -> dict[str, bytes]:
    """The site's own stylesheet and scripts, KaTeX's CSS and fonts, all served from the site."""
    katex = paths.katex / "dist"
    if not katex.is_dir():
        raise BuildError(f"{katex} is missing: run 'npm ci' (make site does this)")
    files = {
        f"assets/{path.relative_to(paths.static)}": path.read_bytes()
        for path in sorted(paths.static.rglob("*"))
        if path.is_file()
    }
    files["assets/katex/katex.min.css"] = (katex / "katex.min.css").read_bytes()
    for font in sorted((katex / "fonts").glob("*.woff2")):
        files[f"assets/katex/fonts/{font.name}"] = font.read_bytes()
    return files


def _json(data: Mapping[str, object]) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode()
