"""The catalog strings pages show as they are: names and aliases, reference links and
LaTeX symbols, each checked against what it may hold (the pages escape them as well)."""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urlsplit

from generator.catalog.fields import Fields
from generator.catalog.latex_whitelist import latex_problem
from generator.catalog.limits import NAME_CHARACTERS, SYMBOL_CHARACTERS, URL_CHARACTERS
from generator.catalog.quoting import quoted, shown

# A name or alias: letters of any script (Greek too), digits, spaces and the punctuation the
# shipped names use (GELU (tanh approximation), x·σ(1.702x), hard_tanh).
_NAME_PUNCTUATION: Final = frozenset(" -(),.'/+_·²′")
# Characters no link may hold: they end an attribute or a Markdown link, or start markup.
_URL_FORBIDDEN: Final = frozenset("<>\"'\\`{}|^ ")
_HOST: Final = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


def latex_symbol(fields: Fields, key: str) -> str:
    """A LaTeX symbol from the whitelisted subset (``generator.catalog.latex_whitelist``)."""
    symbol = fields.text(key, limit=SYMBOL_CHARACTERS)
    if problem := latex_problem(symbol):
        raise fields.fail(key, problem)
    return symbol


def optional_latex_symbol(fields: Fields, key: str) -> str | None:
    if fields.has(key):
        return latex_symbol(fields, key)
    fields.absent(key)
    return None


def aliases(fields: Fields) -> tuple[str, ...]:
    aliases = fields.text_list("aliases", required=False, limit=NAME_CHARACTERS)
    for position, alias in enumerate(aliases):
        display_name(fields, f"aliases[{position}]", alias)
    return aliases


def display_name(fields: Fields, key: str, name: str) -> str:
    """A name as pages show it: letters, digits, spaces and a little punctuation."""
    for character in name:
        if not (character.isalnum() or character in _NAME_PUNCTUATION):
            allowed = "".join(sorted(_NAME_PUNCTUATION - {" "}))
            raise fields.fail(
                key,
                f"character {quoted(character)} (U+{ord(character):04X}) is not allowed in a "
                f"name: letters, digits, spaces and {allowed} only",
            )
    return name


def url(fields: Fields, key: str) -> str:
    """An https link to a named host, with nothing in it that could end an attribute or a
    Markdown link or start markup."""
    url = fields.text(key, limit=URL_CHARACTERS)
    bad = next((c for c in url if c in _URL_FORBIDDEN or not c.isprintable()), None)
    if bad is not None:
        problem = f"must not hold {quoted(bad)} (write it percent-encoded, like %20)"
        raise fields.fail(key, problem)
    if not url.isascii():
        raise fields.fail(key, "must be ASCII (percent-encode other characters)")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise fields.fail(key, f"is not a link ({shown(str(error))})") from None
    if parts.scheme != "https":
        raise fields.fail(key, "must be an https:// link")
    host = parts.hostname or ""
    if parts.username is not None or parts.password is not None or port is not None:
        raise fields.fail(key, "must not name a user, a password or a port")
    if not _HOST.fullmatch(host):
        raise fields.fail(key, f"must name a host such as doi.org, not {quoted(host)}")
    return url
