"""KaTeX's stylesheet cut to the rules the site's math uses: 25 KB on every page became 6.

KaTeX's CSS styles every construct KaTeX can typeset (matrices, accents, colour boxes,
sizes 1 to 11); a page here uses a few dozen classes. A rule is kept when one of its
selectors can match: every class it requires appears in some typeset formula (a class
inside ``:not(…)`` is not required). A ``@font-face`` is kept when a kept rule or one of
the site's own stylesheets names its family, with only the woff2 source, the one format
the site ships. Any other at-rule is kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

_CLASS_ATTRIBUTE: Final = re.compile(r'class="([^"]*)"')
_CLASS: Final = re.compile(r"\.(-?[A-Za-z_][\w-]*)")
_NEGATION: Final = re.compile(r":not\([^()]*\)")
_FAMILY: Final = re.compile(r"KaTeX_\w+")
_FACE_FAMILY: Final = re.compile(r"font-family:\s*(KaTeX_\w+)")
_WOFF2: Final = re.compile(r"url\([^)]*\.woff2\)\s*format\([\"']woff2[\"']\)")


def classes_in(pages: Iterable[str]) -> frozenset[str]:
    """Every class any element of ``pages`` (HTML or Markdown holding HTML) carries."""
    return frozenset(
        name
        for page in pages
        for attribute in _CLASS_ATTRIBUTE.finditer(page)
        for name in attribute.group(1).split()
    )


def trimmed(css: str, used: frozenset[str], stylesheets: Iterable[str] = ()) -> str:
    """``css`` with only the rules an element carrying classes of ``used`` can match, and
    the font faces those rules or ``stylesheets`` (the site's own CSS) name."""
    kept: list[str] = []
    faces: list[str] = []
    for rule in _rules(css):
        if rule.startswith("@font-face"):
            faces.append(rule)
        elif rule.startswith("@"):
            kept.append(rule)
        else:
            selectors, body = rule.split("{", 1)
            matching = [s for s in _split_selectors(selectors) if _can_match(s, used)]
            if matching:
                kept.append(",".join(matching) + "{" + body)
    named = set(_FAMILY.findall("".join(kept))) | {
        family for sheet in stylesheets for family in _FAMILY.findall(sheet)
    }
    fonts = [_woff2_only(face) for face in faces if _face_family(face) in named]
    return "".join(fonts + kept)


def _rules(css: str) -> list[str]:
    """The top-level rules of ``css``, each with its braces (a nested block stays whole)."""
    rules: list[str] = []
    depth, start = 0, 0
    for index, character in enumerate(css):
        if character == "{":
            depth += 1
        elif character == "}":
            depth -= 1
            if depth == 0:
                rules.append(css[start : index + 1].strip())
                start = index + 1
    if css[start:].strip():
        raise ValueError(f"KaTeX's stylesheet ends inside a rule: {css[start : start + 60]!r}")
    return rules


def _split_selectors(selectors: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside ``:not(…)``)."""
    parts: list[str] = []
    depth, start = 0, 0
    for index, character in enumerate(selectors):
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
        elif character == "," and depth == 0:
            parts.append(selectors[start:index])
            start = index + 1
    parts.append(selectors[start:])
    return [part.strip() for part in parts if part.strip()]


def _can_match(selector: str, used: frozenset[str]) -> bool:
    return all(name in used for name in _CLASS.findall(_NEGATION.sub("", selector)))


def _face_family(face: str) -> str | None:
    found = _FACE_FAMILY.search(face)
    return found.group(1) if found else None


def _woff2_only(face: str) -> str:
    """A ``@font-face`` whose ``src`` lists only its woff2 file (the others are not shipped)."""
    source = _WOFF2.search(face)
    if source is None:
        return face
    return re.sub(r"src:[^;}]*", "src:" + source.group(0), face, count=1)
