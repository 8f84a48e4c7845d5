"""Build stage: the only code that touches ``docs/``, ``site/`` and ``.cache/``.

``pipeline.build_site`` and ``pipeline.build_docs`` run every stage in order. This package
imports nothing itself, so the no-op check (``stamps``) can run before SymPy is loaded.
"""
