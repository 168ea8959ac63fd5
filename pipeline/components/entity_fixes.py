"""``newsfacts_entity_fixes``: a thin component applying the repairs of :mod:`pipeline.entity_repairs`.

Order: drop sentence-initial common words ("Rice was selling ..."), apply the span repairs
named in ``repairs`` (the first that changes an entity decides it), add the Korean names the
model missed (in either order), make a byline's names people and a dateline's agency an
organization, and keep a heading's names only when the body names them too. Gazetteer names (``doc.spans[gazetteer_key]``, set by
``newsfacts_entity_ruler``) are left as they are: the gazetteer already decided them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .. import data
from ..entity_repairs import (
    SPAN_REPAIRS,
    byline_names,
    dateline_agencies,
    is_common_word,
    missed_korean_names,
    repair_span,
    surnamed_people,
    unconfirmed_heading_names,
    western_order_korean_names,
)
from ..lexicon import NameLexicon
from ..normalize.names import surface_key
from ..spans import DocWords, TokenOwners
from .rulers import GAZETTEER_KEY
from .tables import Tables, TableComponent


class EntityFixes(TableComponent):
    TABLES = {data.SURNAMES: data.Surname, data.ENTITY_WORDS: data.EntityWord}

    def __init__(self, repairs: list[str], gazetteer_key: str = GAZETTEER_KEY) -> None:
        unknown = [name for name in repairs if name not in SPAN_REPAIRS]
        if unknown:
            raise ValueError(f"unknown repairs {unknown}; known: {list(SPAN_REPAIRS)}")
        self.repairs = [SPAN_REPAIRS[name] for name in repairs]
        self.gazetteer_key = gazetteer_key
        self.lexicon = NameLexicon()

    def build(self, tables: Tables) -> None:
        self.lexicon = NameLexicon.from_rows(tables[data.SURNAMES], tables[data.ENTITY_WORDS])

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_initialized()
        protected = {surface_key(span.text) for span in doc.spans.get(self.gazetteer_key, [])}
        names = self.lexicon.surnames | {token.text for ent in doc.ents if len(ent) > 1 for token in ent}
        words = DocWords(doc)
        lower_words = {text for text in words.text if text.islower()}
        fixed = []
        for ent in doc.ents:
            if surface_key(ent.text) in protected:
                fixed.append(ent)
            elif not is_common_word(ent, names, lower_words):
                repaired = repair_span(ent, self.repairs, self.lexicon)
                if repaired is not None:
                    fixed.append(repaired)
        fixed += missed_korean_names(doc, fixed, protected, self.lexicon, words)
        fixed += western_order_korean_names(doc, fixed, protected, self.lexicon, words)
        bylines = byline_names(doc, words) + surnamed_people(doc, self.lexicon, words) + dateline_agencies(doc, words)
        if bylines:  # a byline's names are people whatever the model made of them
            owners = TokenOwners(doc, bylines)
            fixed = [span for span in fixed if not owners.overlapping(span)] + bylines
        named = protected | {surface_key(span.text) for span in bylines}
        fixed = unconfirmed_heading_names(doc, filter_spans(fixed), named, words)
        doc.ents = filter_spans(fixed)
        return doc


@Language.factory(
    "newsfacts_entity_fixes",
    assigns=["doc.ents"],
    requires=["doc.ents", "token.dep", "token.is_sent_start"],
    default_config={"repairs": list(SPAN_REPAIRS), "gazetteer_key": GAZETTEER_KEY},
)
def make_entity_fixes(nlp: Language, name: str, repairs: list[str], gazetteer_key: str) -> EntityFixes:
    """Repair the model's entities; ``repairs`` names the span repairs to apply, in order."""
    return EntityFixes(repairs, gazetteer_key)
