"""``mkdocs build --strict`` through MkDocs's own API, dated by the last commit, then
lightened (``generator.build.lighten``)."""

from __future__ import annotations

import logging
import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.build.lighten import lighten
from generator.errors import BuildError
from generator.paths import Paths


def run_mkdocs(paths: Paths, docs: Path, output: Path) -> None:
    """``mkdocs build --strict`` on ``docs`` into ``output``, through MkDocs's own API."""
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        for config in edition_configs(paths, docs, output, strict=True):
            mkdocs_build(config)
        lighten(output)
    except MkDocsException as error:
        raise BuildError(
            f"mkdocs build --strict failed ({error}); site/ was left as it was"
        ) from None
    finally:
        logger.removeHandler(handler)


def edition_configs(
    paths: Paths, docs: Path, output: Path, *, strict: bool, site_url: str | None = None
) -> tuple[MkDocsConfig, ...]:
    """The MkDocs configuration of each edition, to be built in this order: English from
    ``docs`` into ``output``, then, if ``docs`` has a zh/ folder, Chinese from it into
    ``output/zh``, under the English site's address."""
    if "SOURCE_DATE_EPOCH" not in os.environ:  # asked of git once, not at every serve rebuild
        os.environ["SOURCE_DATE_EPOCH"] = _build_date(paths.root)
    english = load_config(
        str(paths.mkdocs_config),
        docs_dir=str(docs),
        site_dir=str(output),
        strict=strict,
        **({"site_url": site_url} if site_url else {}),
    )
    if not (docs / "zh").is_dir():
        return (english,)
    chinese = load_config(
        str(paths.mkdocs_chinese_config),
        docs_dir=str(docs / "zh"),
        site_dir=str(output / "zh"),
        site_url=f"{english.site_url or ''}zh/",
        strict=strict,
    )
    chinese["nav"] = navigation(docs / "zh", chinese["extra"].get("sections", {}))
    logging.getLogger("jieba").setLevel(logging.WARNING)  # imported by Material's search
    return english, chinese


def navigation(docs: Path, sections: Mapping[str, str]) -> list[object]:
    """The navigation MkDocs would make of ``docs`` (the pages, the home page first, then a
    section per folder), with each folder's section titled from ``sections``."""
    pages = sorted(docs.glob("*.md"), key=lambda page: (page.name != "index.md", page.name))
    nav: list[object] = [page.name for page in pages]
    for folder in sorted(path for path in docs.iterdir() if path.is_dir()):
        members = sorted(folder.glob("*.md"))
        if members:
            title = sections.get(folder.name, folder.name.capitalize())
            nav.append({title: [f"{folder.name}/{page.name}" for page in members]})
    return nav


def _build_date(root: Path) -> str:
    """Seconds since 1970 of the last commit: the date MkDocs writes into sitemap.xml.

    MkDocs reads SOURCE_DATE_EPOCH; without it every build would stamp today's date and two
    builds of the same sources would differ.
    """
    result = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=False
    )
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else "0"
