"""``newsfacts_lemmatizer``: spaCy's English rule lemmatizer, answering each (word, POS,
morphology) once.

spaCy's lemmatizer makes a ``Token`` for every word of every document and asks its tables
about it (about 8 ms on a 600-token article, as long as the tagger and the attribute ruler
together). In ``rule`` and ``lookup`` modes a lemma depends only on the word, its POS and its
morphology, so the same question has the same answer: this one reads those from the
document's array, asks the parent once per distinct triple, and writes the lemmas back as one
array. Every other mode, and ``overwrite`` as the parent has it, are the parent's own.

:func:`pipeline.nlp.add_components` puts it in place of the model's lemmatizer, with the
model's tables; serialization (the tables) is the parent's.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab
from thinc.api import Model

_PURE_MODES = frozenset({"rule", "lookup"})  # a lemma depends on word, POS and morphology alone
_MOST_LEMMAS = 200_000  # distinct (word, POS, morphology) remembered before starting afresh


class CachedLemmatizer(EnglishLemmatizer):
    """An ``EnglishLemmatizer`` that lemmatizes each distinct (word, POS, morphology) once."""

    def __init__(self, vocab: Vocab, model: Model | None, name: str = "lemmatizer", *, mode: str = "rule",
                 overwrite: bool = False, scorer: Callable | None = None) -> None:
        super().__init__(vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.mode not in _PURE_MODES or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            self._lemmatize(doc)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _lemmatize(self, doc: Doc) -> None:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = self._lemmas
        if len(lemmas) > _MOST_LEMMAS:
            lemmas.clear()
        strings = doc.vocab.strings
        column = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if self.overwrite or lemma == 0:
                key = (orth, pos, morph)
                found = lemmas.get(key)
                if found is None:
                    found = lemmas[key] = strings.add(self.lemmatize(doc[i])[0])
                column[i] = found
        doc.from_array([LEMMA], numpy.asarray(column, dtype="uint64").reshape(-1, 1))


@Language.factory(
    "newsfacts_lemmatizer",
    assigns=["token.lemma"],
    default_config={"model": None, "mode": "rule", "overwrite": False,
                    "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
)
def make_lemmatizer(nlp: Language, model: Model | None, name: str, mode: str, overwrite: bool,
                    scorer: Callable | None) -> CachedLemmatizer:
    """spaCy's English ``lemmatizer``, answering each distinct word once; same config, same tables."""
    return CachedLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)
