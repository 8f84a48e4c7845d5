"""Publish stage: pages and views become the files of ``docs/``, as ``{path: bytes}``.

``publish`` is the entry point: math typeset by KaTeX, the data files encoded, the site's
own stylesheets and scripts and KaTeX's fonts copied in. Nothing is written here.
"""

from generator.publish.files import publish

__all__ = ["publish"]
