"""Command line: ``python -m generator docs|site|serve [--catalog DIR] [--docs DIR] …``.

Every failure ends in one line on stderr, never a traceback: ``error: <file>: field
'<field>': <problem>`` and exit 2 for the catalog's fault, ``error: <problem>`` and exit 1
for anything else (with the traceback too when ACTIVATIONS_DEBUG=1), exit 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from generator.build import stamps
from generator.errors import BuildError, CatalogError, describe
from generator.paths import Paths

DEBUG_VARIABLE = "ACTIVATIONS_DEBUG"


def main(argv: list[str] | None = None) -> int:
    """Run the command; the exit status (0 built, 1 failed, 2 bad catalog, 130 interrupted)."""
    try:
        return _command(argv)
    except KeyboardInterrupt:
        print("\ninterrupted" if sys.stderr.isatty() else "interrupted", file=sys.stderr)
        return 130


def _command(argv: list[str] | None) -> int:
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
    from generator.build.progress import Progress

    progress = Progress(enabled=not arguments.quiet)
    try:
        if arguments.command == "site" and not arguments.force and stamps.up_to_date(paths):
            print("site is up to date")
            return 0
        from generator.build.pipeline import build_docs, build_site  # heavy: SymPy, MkDocs

        if arguments.command == "serve":
            from generator.build.serve import serve

            return serve(paths, arguments.address, progress)
        if arguments.command == "docs":
            count = build_docs(paths, arguments.jobs, progress)
        else:
            count = build_site(paths, arguments.jobs, progress)  # writes its stamp
    except CatalogError as error:
        progress.interrupt()
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BuildError as error:
        progress.interrupt()
        print(f"error: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # a bug: no entry to blame, so no catalog error
        progress.interrupt()
        return _internal_error(error)
    print(f"built {count} activations")
    return 0


def _internal_error(error: Exception) -> int:
    """One line naming the exception; the traceback only when asked for."""
    if os.environ.get(DEBUG_VARIABLE) == "1":
        traceback.print_exception(error, file=sys.stderr)
        hint = ""
    else:
        hint = f" (set {DEBUG_VARIABLE}=1 for the traceback)"
    print(f"error: the build failed unexpectedly: {describe(error)}{hint}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
