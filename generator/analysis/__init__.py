"""Analysis stage: SymPy derives f′, f″ and the properties of every catalog entry.

``analyse_all`` is the entry point (cached, in parallel, each entry under a time limit);
``analyse`` derives one entry in this process.
"""

from generator.analysis.entry import analyse
from generator.analysis.runner import analyse_all

__all__ = ["analyse", "analyse_all"]
