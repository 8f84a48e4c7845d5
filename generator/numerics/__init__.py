"""Accuracy of the published NumPy code: the grid, the exact reference and the ULP measure.

``make bench-accuracy`` uses all of it to write ``implementations/accuracy.json``; the tests
use the same pieces on a smaller grid; the site only reads the report (``report.py``).
"""
