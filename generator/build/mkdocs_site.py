"""``mkdocs build --strict`` through MkDocs's own API, dated by the last commit, then
lightened (``generator.build.lighten``)."""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
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
    os.environ.setdefault("SOURCE_DATE_EPOCH", _build_date(paths.root))
    try:
        config = load_config(
            str(paths.mkdocs_config), docs_dir=str(docs), site_dir=str(output), strict=True
        )
        mkdocs_build(config)
        lighten(output)
    except MkDocsException as error:
        raise BuildError(
            f"mkdocs build --strict failed ({error}); site/ was left as it was"
        ) from None
    finally:
        logger.removeHandler(handler)


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
