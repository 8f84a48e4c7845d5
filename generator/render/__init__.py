"""Rendering stage: LaTeX, figures, code and math HTML — pure functions of the analysis."""
