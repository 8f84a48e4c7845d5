"""What the built site may weigh, in bytes: asserted by the tests, reported by `make
bench-weight` (bench/weight.py), which counts a reader's cold load of each page."""

from __future__ import annotations

from typing import Final

KB: Final = 1000
# A cold load of one page: its HTML, our CSS and JavaScript, KaTeX's CSS and the figures,
# not Material's own bundle and not fonts (both fetched once for the whole site).
PAGE_BUDGETS: Final = {"activation page": 150 * KB, "home page": 250 * KB, "comparison": 400 * KB}
SEARCH_BUDGET: Final = 150 * KB  # search/search_index.json, fetched by every page
# zh/search/search_index.json: the same pages in Chinese, where a character takes three bytes
# of UTF-8 and each word break jieba makes (U+200B, which the search splits on) three more.
SEARCH_BUDGETS: Final = {
    "search/search_index.json": SEARCH_BUDGET,
    "zh/search/search_index.json": 200 * KB,
}
