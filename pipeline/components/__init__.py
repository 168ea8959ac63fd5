"""spaCy components of newsfacts. Importing this package registers their factories."""

from . import entities, entity_fixes, paragraphs, published, rulers, special_cases  # noqa: F401  (registers factories)
