"""spaCy components of newsfacts. Importing this package registers their factories."""

from . import entities, entity_fixes, events, paragraphs, percentages, published, quantities, rulers, times, tokenizer, year_counts  # noqa: F401  (registers factories)
