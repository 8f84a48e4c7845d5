"""The immutable records handed from stage to stage.

``catalog`` holds what the loader reads, ``analysis`` what SymPy derives from it, and
``views`` what the present stage hands to the pages and the publisher: text and bytes
only, so nothing after it needs SymPy.
"""
