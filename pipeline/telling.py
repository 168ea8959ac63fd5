"""Which sentences go on telling one defection after its trigger's sentence.

A defection is often told over several sentences: "Four North Korean workers slipped out of
their dormitory ... The four, all men in their thirties, belonged to a team ..."; "... a small
wooden boat across the border. Military radar first detected the boat ... as it moved south
across the NLL". Such a sentence refers back to those who left: "he", "she" or "they" as a
subject, "the four" (their number), "the official" (the noun that named them), "the men", "the
group", or "the boat" they came in. A sentence dated in another year tells another episode ("In
January 2018 he held those crutches aloft ..."), and a sentence another event tells is that
event's. Pure functions; ``newsfacts_events`` adds what they find to the event.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .defections import Cues
from .normalize.numbers import parse_quantity
from .pairing import TimeRef

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PERSONAL = frozenset({"he", "she", "they"})
_DEFINITE = frozenset({"the", "these", "this", "both"})
_GROUPS = frozenset({"group", "family", "men", "women", "couple", "pair", "two", "three", "defectors", "escapees"})
_REPORTING = frozenset({"say", "tell", "add", "report"})
_AHEAD = 3


def continuations(sentences: list[Span], who: Span | None, count: int | None, year: int | None, told: set[int],
                  refs: dict[int, list[TimeRef]], cues: Cues) -> list[tuple[Span, Token | None]]:
    """The sentences after the telling that go on with the same people (skipping up to three
    in a row that do not refer back, a quote or a detail), each with the phrase that refers to
    them (None for a pronoun)."""
    doc = sentences[0].doc
    by_vehicle = any(cues.has("vehicle", t.lemma_.lower()) for s in sentences for t in s)
    found: list[tuple[Span, Token | None]] = []
    position = sentences[-1].end
    missed = 0
    while position < len(doc) and missed < _AHEAD:
        following = doc[position].sent
        position = following.end
        if following.start in told or another_time(following, year, refs):
            break
        referent = refers_back(following, who, count, by_vehicle, cues)
        if referent is False:
            missed += 1
        else:
            found.append((following, referent))
            missed = 0
    return found


def another_time(sentence: Span, year: int | None, refs: dict[int, list[TimeRef]]) -> bool:
    """The sentence is dated in another year than the event: another episode."""
    if year is None:
        return False
    return any(r.resolved is not None and r.resolved.year != year and r.value.kind != "span"
               for r in refs.get(sentence.start, []))


def refers_back(sentence: Span, who: Span | None, count: int | None, by_vehicle: bool, cues: Cues) -> Token | None | bool:
    """The phrase of ``sentence`` that refers to those who left (None for "he", "she", "they"),
    or False when none does. ``by_vehicle``: the telling names the boat (or jeep) they came in."""
    for token in sentence:
        if token.dep_ in _SUBJECTS and token.lower_ in _PERSONAL and _main_clause(token):
            return None
        if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children):
            continue
        lemma = token.lemma_.lower()
        if by_vehicle and cues.has("vehicle", lemma):
            return token  # "the boat", "the vessel"
        if token.dep_ not in _SUBJECTS:
            continue
        if token.like_num and count is not None and _number(token) == count:
            return token  # "The four, all men in their thirties"
        if who is not None and lemma == who.root.lemma_.lower() and token.pos_ == "NOUN":
            return token  # "The official, a man in his fifties surnamed Kang"
        if token.lower_ in _GROUPS and (count is None or count >= 2):
            return token  # "the men were believed to be sheltering"
    return False


def _main_clause(token: Token) -> bool:
    """The subject of the sentence, or of what it reports ("They left ..., the source said"), but
    not of the reporting itself ('"... a Hamgyong accent," she said': the one who speaks)."""
    verb = token.head
    if verb.dep_ == "ROOT":
        return verb.lemma_.lower() not in _REPORTING or any(c.dep_ == "ccomp" and any(
            g.dep_ in _SUBJECTS and g.lower_ in _PERSONAL for g in c.children) for c in verb.children)
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _REPORTING


def _number(token: Token) -> int | None:
    value = parse_quantity([token.text])
    return int(value) if value is not None and value == int(value) else None
