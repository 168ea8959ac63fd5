"""spaCy components of newsfacts. Importing this package registers their factories."""

from . import attribute_index, entities, entity_fixes, events, lemma_cache, paragraphs, percentages, published, quantities, rulers, times, tokenizer, year_counts  # noqa: F401  (registers factories)
