"""Help-center generator: an MkDocs plugin for localized help articles."""

from __future__ import annotations

__all__ = ["__version__"]
__version__ = "0.1.0"
