"""Command line: ``python -m generator docs|site|serve [--catalog DIR] [--docs DIR] …``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import fingerprint

ENTRIES = Path(__file__).parent / "catalog" / "entries"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument(
        "command",
        choices=("docs", "site", "serve"),
        help="docs: Markdown only; site: docs + mkdocs; serve: regenerate on save, live reload",
    )
    parser.add_argument("--catalog", type=Path, default=ENTRIES, help="folder of catalog files")
    root = fingerprint.ROOT
    parser.add_argument("--docs", type=Path, default=root / "docs", help="where to write Markdown")
    parser.add_argument("--site", type=Path, default=root / "site", help="where to build the site")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    parser.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    parser.add_argument("--address", default="127.0.0.1:8000", help="serve: host:port")
    arguments = parser.parse_args(argv)
    where = (arguments.catalog, arguments.docs, arguments.site)
    if arguments.command == "site" and not arguments.force and fingerprint.up_to_date(*where):
        print("site is up to date")
        return 0

    from generator.errors import BuildError, CatalogError
    from generator.progress import Progress
    from generator.site import build_docs, build_site  # heavy: SymPy, matplotlib, MkDocs

    progress = Progress(enabled=not arguments.quiet)
    try:
        if arguments.command == "serve":
            from generator.serve import serve

            return serve(arguments.catalog, arguments.docs, arguments.address, progress)
        if arguments.command == "docs":
            count = build_docs(arguments.catalog, arguments.docs, arguments.jobs, progress)
        else:
            count = build_site(*where, arguments.jobs, progress)
            fingerprint.remember(*where)
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
