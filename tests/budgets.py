"""What the built site may weigh, in bytes: asserted by the tests, reported by `make
bench-weight` (bench/weight.py), which counts a reader's cold load of each page."""

from __future__ import annotations

from typing import Final

KB: Final = 1000
# A cold load of one page: its HTML, our CSS and JavaScript, KaTeX's CSS and the figures,
# not Material's own bundle and not fonts (both fetched once for the whole site).
PAGE_BUDGETS: Final = {"activation page": 150 * KB, "home page": 250 * KB, "comparison": 400 * KB}
SEARCH_BUDGET: Final = 150 * KB  # search/search_index.json, fetched by every page
