"""Present stage: analyses become what readers see, as text and bytes.

``present_all`` is the entry point. It is the last stage that touches SymPy: LaTeX, plain
text, JavaScript and figures are printed here, so the pages and the publisher only place
and encode what they are given.
"""

from generator.present.site import present_all

__all__ = ["present_all"]
