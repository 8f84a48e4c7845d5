"""Command line: ``python -m generator docs|site|serve [--catalog DIR] [--docs DIR] …``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.build import stamps
from generator.paths import Paths


def main(argv: list[str] | None = None) -> int:
    default = Paths.default()
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument(
        "command",
        choices=("docs", "site", "serve"),
        help="docs: Markdown only; site: docs + mkdocs; serve: regenerate on save, live reload",
    )
    parser.add_argument("--catalog", type=Path, default=default.catalog, help="catalog folder")
    parser.add_argument("--docs", type=Path, default=default.docs, help="where to write Markdown")
    parser.add_argument("--site", type=Path, default=default.site, help="where to build the site")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    parser.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser.add_argument("--address", default="127.0.0.1:8000", help="serve: host:port")
    arguments = parser.parse_args(argv)
    paths = default.moved(catalog=arguments.catalog, docs=arguments.docs, site=arguments.site)
    if arguments.command == "site" and not arguments.force and stamps.up_to_date(paths):
        print("site is up to date")
        return 0

    from generator.build.pipeline import build_docs, build_site  # heavy: SymPy, MkDocs
    from generator.build.progress import Progress
    from generator.errors import BuildError, CatalogError

    progress = Progress(enabled=not arguments.quiet)
    try:
        if arguments.command == "serve":
            from generator.build.serve import serve

            return serve(paths, arguments.address, progress)
        if arguments.command == "docs":
            count = build_docs(paths, arguments.jobs, progress)
        else:
            count = build_site(paths, arguments.jobs, progress)
            stamps.remember(paths)
    except CatalogError as error:
        progress.interrupt()
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BuildError as error:
        progress.interrupt()
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"built {count} activations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
