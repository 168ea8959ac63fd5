"""``newsfacts_lemmatizer`` gives spaCy's English lemmas, asking once per word, POS and morphology."""

from __future__ import annotations

import pytest
import spacy
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.lookups import Lookups
from spacy.tokens import Doc

import pipeline
from pipeline.components.lemma_cache import CachedLemmatizer


def _lookups() -> Lookups:
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"defectors": "defector", "fled": "flee", "crossed": "cross"})
    return lookups


def _lemmatizers(overwrite: bool = False) -> tuple[EnglishLemmatizer, CachedLemmatizer]:
    vocab = spacy.blank("en").vocab
    both = (EnglishLemmatizer(vocab, None, mode="lookup", overwrite=overwrite),
            CachedLemmatizer(vocab, None, mode="lookup", overwrite=overwrite))
    for lemmatizer in both:
        lemmatizer.initialize(lookups=_lookups())
    return both


def _doc(vocab, lemmas: list[str] | None = None) -> Doc:
    return Doc(vocab, words=["Defectors", "fled", "and", "defectors", "crossed"], lemmas=lemmas)


def test_lemmas_are_the_parent_lemmatizers():
    reference, cached = _lemmatizers()
    assert [t.lemma_ for t in cached(_doc(cached.vocab))] == [t.lemma_ for t in reference(_doc(reference.vocab))]


def test_a_word_seen_before_is_not_asked_again():
    _, cached = _lemmatizers()
    asked = []
    parent = cached.lemmatize
    cached.lemmatize = lambda token: asked.append(token.text) or parent(token)
    cached(_doc(cached.vocab))
    cached(_doc(cached.vocab))
    assert asked == ["Defectors", "fled", "and", "defectors", "crossed"]


def test_a_lemma_already_set_is_kept_unless_told_to_overwrite():
    lemmas = ["x", "", "", "", ""]
    _, keeping = _lemmatizers()
    assert keeping(_doc(keeping.vocab, lemmas))[0].lemma_ == "x"
    _, overwriting = _lemmatizers(overwrite=True)
    assert overwriting(_doc(overwriting.vocab, lemmas))[0].lemma_ == "Defectors"


def test_an_empty_doc_passes_through():
    _, cached = _lemmatizers()
    assert len(cached(Doc(cached.vocab, words=[]))) == 0


@pytest.mark.model
def test_the_model_lemmatizes_fresh_text_as_spacy_does(nlp):
    model = spacy.load(pipeline.DEFAULT_MODEL)
    assert nlp.get_pipe_meta("lemmatizer").factory == "newsfacts_lemmatizer"
    text = "Two soldiers were crossing; the better-known defectors had fled earlier, wasn't it?"
    for _ in range(2):  # the second time from what it remembers
        assert [t.lemma_ for t in nlp(text)] == [t.lemma_ for t in model(text)]
