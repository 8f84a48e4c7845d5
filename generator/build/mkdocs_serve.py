"""The ``mkdocs serve`` that ``make serve`` runs as its child, serving both editions.

``mkdocs serve`` serves one configuration, and the Chinese edition is a second one, built
into the English site's zh/ folder. So this runs MkDocs's own live-reload server over one
temporary folder, built as ``make site`` builds ``site/`` (English, then Chinese under
/zh/, not strict), and rebuilds both editions whenever a file under ``docs/`` or the theme
overrides changes. Every page served carries the reload script, so the browser reloads
whichever edition it shows. Ctrl-C (SIGINT) stops the server and removes the folder.

Run as ``python -m generator.build.mkdocs_serve --docs DOCS --address HOST:PORT``.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.livereload import LiveReloadServer

from generator.build.mkdocs_site import edition_configs
from generator.paths import Paths


def serve(paths: Paths, docs: Path, host: str, port: int) -> None:
    """Build both editions, serve them on ``host:port`` and rebuild on every change."""
    site = Path(tempfile.mkdtemp(prefix="mkdocs_"))
    url = f"http://{host}:{port}/"

    def build() -> None:
        logging.getLogger("mkdocs").info("Building both editions...")
        for config in edition_configs(paths, docs, site, strict=False, site_url=url):
            mkdocs_build(config)

    server = LiveReloadServer(builder=build, host=host, port=port, root=str(site))
    server.error_handler = lambda code: _error_page(site, code)
    try:
        build()
        for watched in (docs, paths.overrides, paths.mkdocs_config, paths.mkdocs_chinese_config):
            server.watch(str(watched))
        try:
            server.serve()  # type: ignore[no-untyped-call]  # MkDocs leaves it untyped
        except KeyboardInterrupt:
            logging.getLogger("mkdocs").info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(site, ignore_errors=True)


def _error_page(site: Path, code: int) -> bytes | None:
    """The site's own 404 page; the English one, as MkDocs tells the handler the code alone,
    not the address."""
    page = site / f"{code}.html"
    return page.read_bytes() if code == 404 and page.is_file() else None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m generator.build.mkdocs_serve")
    parser.add_argument("--docs", type=Path, required=True, help="the generated Markdown")
    parser.add_argument("--address", default="127.0.0.1:8000", help="HOST:PORT")
    arguments = parser.parse_args(argv)
    host, _, port = arguments.address.rpartition(":")
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    serve(Paths.default(), arguments.docs.resolve(), host or "127.0.0.1", int(port))


if __name__ == "__main__":
    main()
