"""newsfacts: checked, structured facts from news articles about North Korea."""

from __future__ import annotations

from .nlp import DEFAULT_MODEL, add_components, load

__all__ = ["DEFAULT_MODEL", "add_components", "load", "__version__"]
__version__ = "0.2.0"
