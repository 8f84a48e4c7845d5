"""The mark a formula leaves in page text until KaTeX typesets it.

Templates and the present stage write ``placeholder(tex)`` wherever math goes; the publish
stage finds every :data:`PLACEHOLDER`, typesets all distinct formulas in one batch and
swaps the HTML in. The TeX is base64-encoded, so no Markdown or HTML reading of the page
can touch it on the way.
"""

from __future__ import annotations

import base64
import re
from typing import Final

PLACEHOLDER: Final = re.compile(r"@@tex-(inline|display):([A-Za-z0-9_=-]+)@@")


def placeholder(tex: str, *, display: bool) -> str:
    """The marker a template emits for one formula."""
    encoded = base64.urlsafe_b64encode(tex.encode()).decode()
    return f"@@tex-{'display' if display else 'inline'}:{encoded}@@"


def decode(match: re.Match[str]) -> tuple[str, bool]:
    """The TeX of a :data:`PLACEHOLDER` match, and whether it is display math."""
    return base64.urlsafe_b64decode(match.group(2)).decode(), match.group(1) == "display"
