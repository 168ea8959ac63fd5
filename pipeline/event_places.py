"""Where a defection happened: the places named in the sentences that tell it.

Pure functions over an annotated ``Doc``; ``newsfacts_events`` calls :func:`places_in`.
"""

from __future__ import annotations

from spacy.tokens import Span

from .defections import Cues
from .spans import Mentions, starting_in

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NOT_PLACES = frozenset({"the north", "the south", "north", "south"})
_THE_COUNTRY = frozenset({"north korea", "dprk"})
_INFORMANTS = frozenset({"source", "sources", "official", "officials", "analyst", "analysts", "researcher", "spokesperson",
                         "spokesman", "spokeswoman", "resident", "residents", "trader", "traders", "activist", "expert"})


def places_in(sentences: list[Span], cues: Cues | None = None, ents: list[Span] | None = None) -> list[str]:
    """Every place named in the event's sentences, as written: not the country they fled
    ("North Korea's former deputy ambassador"), not where an informant is ("a source in North
    Hamgyong Province told Daily NK"), not a capital standing for its government ("Seoul sent");
    with the common noun it names when one follows ("the Han River estuary"). ``ents``: the
    document's entities, when the caller has them (as :class:`~pipeline.spans.Mentions`, each
    sentence's are found by bisection)."""
    found: list[str] = []
    ents = ents if ents is not None else Mentions(sentences[0].doc.ents if sentences else ())  # once: Span.ents rebuilds them
    for sentence in sentences:
        for ent in (e for e in starting_in(ents, sentence.start, sentence.end) if e.end <= sentence.end):
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            text = text[:-2] if text.endswith(("'s", "’s")) else text
            after = ent.doc[ent.end] if ent.end < len(ent.doc) and ent.end < sentence.end else None
            if after is not None and cues is not None and after.is_lower and cues.has("place_noun", after.text):
                text = f"{text} {after.text}"  # "the Han River estuary", "the Amur region"
            if ent.label_ not in _PLACE_LABELS or text.lower() in _NOT_PLACES:
                continue
            if text.lower() in _THE_COUNTRY and not _left_or_reached(ent):
                continue
            if _where_an_informant_is(ent) or _acts(ent):
                continue
            for name in _split_at_in(text):
                if name not in found:
                    found.append(name)
    return found


def _split_at_in(text: str) -> list[str]:
    """"Sokcho in Gangwon Province", taken for one name, is two places."""
    parts = [part.strip() for part in text.split(" in ")]
    return parts if all(part[:1].isupper() for part in parts) else [text]


def _left_or_reached(ent: Span) -> bool:
    """"left North Korea", "fled from North Korea": the country is where they fled from; named
    any other way ("North Korea's former deputy ambassador", "North Korea said") it is not."""
    root = ent.root
    return root.dep_ == "dobj" or root.dep_ == "pobj" and root.head.lower_ in {"from", "out", "of"} and root.head.head.pos_ == "VERB"


def _where_an_informant_is(ent: Span) -> bool:
    head = ent.root.head
    return head.dep_ == "prep" and head.head.lower_ in _INFORMANTS


def _acts(ent: Span) -> bool:
    """"Seoul sent two fishermen back", "South Korea's decision": a government, not a place."""
    root = ent.root
    if root.dep_ in _SUBJECTS:
        return True
    return root.dep_ == "poss" and root.head.dep_ in _SUBJECTS
