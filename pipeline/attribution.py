"""Who states a figure, when the sentence says so: "according to the Ministry of Unification",
"the NIS told lawmakers", "a survey by the Korea Hana Foundation", "KOTRA's estimates".

Pure over an annotated sentence: the speaker must be one of the article's person or
organization mentions, and the answer is that entity's canonical name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .kinds import ORGANIZATIONS, PEOPLE

REPORTING_LEMMAS = frozenset(
    {"say", "tell", "report", "announce", "estimate", "count", "show", "find", "put", "release", "publish", "record",
     "confirm", "disclose", "state", "note", "calculate", "compile", "register", "survey", "poll", "brief", "inform"}
)  # fmt: skip
SOURCE_NOUNS = frozenset(
    {"data", "figures", "figure", "statistics", "survey", "report", "study", "estimate", "estimates", "count", "poll",
     "assessment", "records", "tally", "numbers", "census", "analysis"}
)  # fmt: skip


def entity_names(doc: Doc) -> dict[int, str]:
    """Token index -> canonical name of the person or organization it is part of."""
    clusters = doc._.entity_clusters or {}
    names: dict[int, str] = {}
    for key in (PEOPLE, ORGANIZATIONS):
        for span in doc.spans.get(key, []):
            name = clusters.get(span.kb_id_, {}).get("name")
            if name:
                for i in range(span.start, span.end):
                    names[i] = name
    return names


def source_of(sentence: Span, names: dict[int, str]) -> str | None:
    """The canonical name of who states the figures of ``sentence``, or None."""
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < sentence.end and token.nbor(1).lower_ == "to":
            found = _entity_in(token.nbor(1).subtree, names)
            if found:
                return found
    for token in sentence:
        if token.pos_ in {"NOUN"} and token.lemma_.lower() in SOURCE_NOUNS:
            found = _owner(token, names)  # "KOTRA's estimates", "a survey by KHF", "figures from the MOU"
            if found:
                return found
    for token in sentence:
        if token.pos_ == "VERB" and token.lemma_.lower() in REPORTING_LEMMAS:
            for child in token.children:
                if child.dep_ in {"nsubj", "nsubjpass", "agent"}:
                    found = _entity_in(child.subtree, names)
                    if found:
                        return found
    return None


def _owner(noun: Token, names: dict[int, str]) -> str | None:
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.i in names):
            found = _entity_in(child.subtree, names)
            if found:
                return found
        if child.dep_ == "prep" and child.lower_ in {"by", "from", "of"}:
            found = _entity_in(child.subtree, names)
            if found:
                return found
    return None


def _entity_in(tokens, names: dict[int, str]) -> str | None:
    for token in tokens:
        if token.i in names:
            return names[token.i]
    return None
