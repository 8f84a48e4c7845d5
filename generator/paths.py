"""Where everything lives: one :class:`Paths` value, handed to the stages that need a path.

Nothing else in the generator computes a location. The cache folder can be moved with the
``ACTIVATIONS_CACHE`` environment variable, which the test suite uses to run hermetically
in a temporary folder of its own instead of the developer's ``.cache/``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

PACKAGE: Final = Path(__file__).resolve().parent
ROOT: Final = PACKAGE.parent
CACHE_VARIABLE: Final = "ACTIVATIONS_CACHE"


@dataclass(frozen=True)
class Paths:
    """The repository's folders; ``catalog``, ``docs``, ``site`` and ``cache`` can be moved."""

    root: Path
    catalog: Path
    docs: Path
    site: Path
    cache: Path

    @classmethod
    def default(cls) -> Paths:
        cache = os.environ.get(CACHE_VARIABLE)
        return cls(
            root=ROOT,
            catalog=PACKAGE / "catalog" / "entries",
            docs=ROOT / "docs",
            site=ROOT / "site",
            cache=Path(cache).resolve() if cache else ROOT / ".cache",
        )

    def moved(self, **folders: Path) -> Paths:
        """The same paths with some folders elsewhere (``catalog=…``, ``docs=…``)."""
        return replace(self, **folders)

    @property
    def package(self) -> Path:
        return self.root / "generator"

    @property
    def mkdocs_config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def mkdocs_chinese_config(self) -> Path:
        """The Chinese edition's: mkdocs.yml with docs/zh/ into site/zh/, in Chinese."""
        return self.root / "mkdocs.zh.yml"

    @property
    def katex(self) -> Path:
        """KaTeX as installed by ``npm ci``: its stylesheet, fonts and package.json."""
        return self.root / "node_modules" / "katex"

    @property
    def templates(self) -> Path:
        return self.package / "pages" / "templates"

    @property
    def static(self) -> Path:
        return self.package / "publish" / "static"

    @property
    def overrides(self) -> Path:
        """Material's ``custom_dir``: the templates the site changes (mkdocs.yml names it)."""
        return self.package / "publish" / "overrides"

    @property
    def katex_script(self) -> Path:
        return self.package / "publish" / "katex_render.cjs"

    @property
    def implementations(self) -> Path:
        return self.package / "implementations"

    @property
    def accuracy_report(self) -> Path:
        """``make bench-accuracy``'s measurements, which the pages publish."""
        return self.implementations / "accuracy.json"

    @property
    def stamps(self) -> Path:
        """One record per output folder pair of the last build (the no-op check)."""
        return self.cache / "site-stamps"
