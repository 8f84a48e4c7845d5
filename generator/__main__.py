"""Command line: ``python -m generator docs|site [--catalog DIR] [--docs DIR] [--site DIR]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.catalog.loader import ENTRIES
from generator.errors import BuildError, CatalogError
from generator.site import ROOT, build_docs, build_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    parser.add_argument(
        "command", choices=("docs", "site"), help="docs: Markdown only; site: docs + mkdocs"
    )
    parser.add_argument("--catalog", type=Path, default=ENTRIES, help="folder of catalog files")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="where to write Markdown")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="where to build the site")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    arguments = parser.parse_args(argv)
    try:
        if arguments.command == "docs":
            count = build_docs(arguments.catalog, arguments.docs, arguments.jobs)
        else:
            count = build_site(arguments.catalog, arguments.docs, arguments.site, arguments.jobs)
    except CatalogError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"built {count} activations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
