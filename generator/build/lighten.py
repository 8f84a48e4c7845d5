"""The built site made lighter without changing what a reader sees or can do.

MkDocs and Material write generous HTML: deep indentation (the sidebar of 62 links was a
fifth of each page's bytes in spaces), a highlighting span around every name and bracket in code,
source maps of the theme's bundle (1.3 MB no reader needs), and a search index with every
non-ASCII character escaped. This runs on the finished
site, outside mkdocs.yml, so the site still builds with MkDocs alone, only heavier.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Final

# Text whose whitespace means something, kept as it is; or a run of blank lines and
# indentation, which becomes one line break (a browser renders either as one space).
_VERBATIM_OR_BLANK_RUN: Final = re.compile(
    r"(<(pre|code|script|style|textarea)\b.*?</\2>)|[ \t]*\n\s*", re.DOTALL | re.IGNORECASE
)
_CODE_BLOCK: Final = re.compile(r'<div class="highlight"><pre>.*?</pre>', re.DOTALL)
# Pygments' spans for plain names, whitespace, punctuation and operators: Material colours
# a name as the code around it, and extra.css gives punctuation and operators that colour
# too, so without the span each looks the same (a third of a page's code in bytes).
_PLAIN_TOKEN: Final = re.compile(r'<span class="[nwpo]">([^<]*)</span>')
# The last line of a minified file: "//# sourceMappingURL=x.map" or "/*# sourceMappingURL=x.map */".
_SOURCE_MAP_COMMENT: Final = re.compile(
    rb"\n?(//# sourceMappingURL=[^\n]*|/\*# sourceMappingURL=[^\n]*?\*/)\s*$"
)


def lighten(site: Path) -> None:
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        lighter = compact_html(text)
        if lighter != text:
            path.write_text(lighter, encoding="utf-8")
    drop_source_maps(site)
    for index in sorted(site.rglob("search/search_index.json")):
        index.write_text(unescaped_json(index.read_text(encoding="utf-8")), encoding="utf-8")


def unescaped_json(text: str) -> str:
    """The search index with non-ASCII characters as UTF-8, not ``\\uXXXX`` (Material writes
    every Chinese character in six bytes; it takes three), and without the word breaks
    (U+200B) that jieba's segmentation puts where a space or punctuation already breaks
    the text: only a break between two Chinese characters tells lunr where a word ends."""
    index = json.loads(text)
    for doc in index.get("docs", ()):
        for field in ("title", "text"):
            if isinstance(doc.get(field), str):
                doc[field] = _LONE_BREAK.sub("", doc[field])
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


_HAN: Final = "\u3400-\u4dbf\u4e00-\u9fff"
_LONE_BREAK: Final = re.compile(f"\u200b(?![{_HAN}])|(?<![{_HAN}])\u200b")


def compact_html(html: str) -> str:
    """``html`` with runs of blank lines and indentation as one line break, and code blocks
    without the spans around plain names, whitespace, punctuation and operators."""
    html = _CODE_BLOCK.sub(lambda block: _PLAIN_TOKEN.sub(r"\1", block.group(0)), html)
    return _VERBATIM_OR_BLANK_RUN.sub(lambda match: match.group(1) or "\n", html)


def drop_source_maps(site: Path) -> None:
    """Remove the source maps and the comments that point to them, so no browser asks for a
    file that is not there."""
    for path in sorted(site.rglob("*.map")):
        path.unlink()
    for path in sorted((*site.rglob("*.js"), *site.rglob("*.css"))):
        text = path.read_bytes()
        kept = _SOURCE_MAP_COMMENT.sub(b"", text)
        if kept != text:
            path.write_bytes(kept)
