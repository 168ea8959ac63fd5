"""newsfacts: checked, structured facts from news articles about North Korea."""

from __future__ import annotations

from .nlp import DEFAULT_MODEL, load

__all__ = ["DEFAULT_MODEL", "load", "__version__"]
__version__ = "0.1.0"
