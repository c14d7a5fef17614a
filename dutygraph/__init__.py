"""dutygraph: Chinese government work plans as a knowledge graph of responsibilities.

The library never imports heavy dependencies at import time; each component
imports what it needs when first used, so ``dutygraph --help`` starts fast.
"""

__version__ = "0.1.0"
