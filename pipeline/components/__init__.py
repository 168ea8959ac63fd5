"""spaCy components of newsfacts. Importing this package registers their factories."""

from . import entities, entity_fixes, paragraphs, published  # noqa: F401  (registers factories)
