"""Pages stage: Jinja2 templates filled with the present stage's views, as Markdown.

``render_pages`` is the entry point. No SymPy here (a test enforces it): every value the
templates place is text already.
"""

from generator.pages.markdown import render_pages

__all__ = ["render_pages"]
