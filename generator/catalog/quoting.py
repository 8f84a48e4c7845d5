"""Quote a piece of catalog text in an error message: short, on one line, never whole.

A message is one line of a terminal: a field of 200,000 characters, or one holding a newline
or an escape sequence, is shown as a bounded, visible prefix.
"""

from __future__ import annotations

from typing import Final

SHOWN_CHARACTERS: Final = 60


def shown(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    """At most ``limit`` characters of ``text``, invisible ones escaped, ``…`` marking a cut."""
    cut = text[: limit + 1]
    visible = "".join(c if c.isprintable() else repr(c)[1:-1] for c in cut)
    return visible if len(visible) <= limit else visible[: limit - 1] + "…"


def quoted(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    """:func:`shown`, in single quotes."""
    return f"'{shown(text, limit)}'"
