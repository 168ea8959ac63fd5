"""``newsfacts_entity_fixes``: repair the two entity errors the small model makes on this news.

- A Korean personal name labelled ORG ("Jang Song Thaek") becomes PERSON, judged by name shape
  (a known surname and romanized syllables) and the absence of organization head words.
- A "person" followed by a venue noun ("the Ryukyung restaurant") is the venue: an ORG covering
  both tokens.
The rule that changed an entity is kept in its ``id_`` and later becomes the fact's ``rule``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import data
from ..normalize.names import looks_like_korean_name

RULE_KOREAN_NAME = "newsfacts_entity_fixes:korean_name"
RULE_VENUE = "newsfacts_entity_fixes:venue"


class EntityFixes:
    def __init__(self) -> None:
        self.surnames = {row.surname for row in data.surnames()} | {
            variant for row in data.surnames() for variant in row.variants
        }
        self.venues = data.entity_words("venue")
        self.org_heads = data.entity_words("org_head")

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = filter_spans([self._fix(ent) for ent in doc.ents])
        return doc

    def _fix(self, ent: Span) -> Span:
        if ent.label_ == "ORG" and self._is_person_name(ent):
            return Span(ent.doc, ent.start, ent.end, label="PERSON", span_id=RULE_KOREAN_NAME)
        if ent.label_ == "PERSON":
            following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
            if following is not None and following.lower_ in self.venues:
                return Span(ent.doc, ent.start, ent.end + 1, label="ORG", span_id=RULE_VENUE)
            if any(token.lower_ in self.org_heads for token in ent):
                return Span(ent.doc, ent.start, ent.end, label="ORG", span_id=RULE_VENUE)
        return ent

    def _is_person_name(self, ent: Span) -> bool:
        words = _name_words(ent)
        if any(word.lower() in self.org_heads for word in words):
            return False
        return looks_like_korean_name(words, self.surnames)


def _name_words(span: Span) -> list[str]:
    """Words of a name: drops a leading "the", re-joins hyphenated parts ("Yong", "-", "ho")."""
    words: list[str] = []
    for token in span:
        if token.i == span.start and token.lower_ == "the":
            continue
        if words and (token.text == "-" or words[-1].endswith("-")):
            words[-1] += token.text
        else:
            words.append(token.text)
    return words


@Language.factory(
    "newsfacts_entity_fixes",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={},
)
def make_entity_fixes(nlp: Language, name: str) -> EntityFixes:
    return EntityFixes()
