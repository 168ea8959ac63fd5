"""Whether a trigger word tells a defection: negated, hypothetical, adjectival, a return, a
statistic, a capture with no escape; and the status of the defection told.

Pure functions over an annotated ``Doc`` and a :class:`Cues` table from ``event_cues.jsonl``;
``newsfacts_events`` calls them. Who left is read by :mod:`pipeline.participants`, where by
:mod:`pipeline.event_places`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .normalize.numbers import parse_quantity
from .spans import covering

_NORTH = frozenset({"north", "pyongyang"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PERSONAL = frozenset({"he", "she", "they", "him", "her", "them", "who"})
_CLAUSES = frozenset({"ccomp", "advcl", "conj", "parataxis", "xcomp", "relcl", "acl"})
_SUPERLATIVE_WORDS = frozenset({"first", "only", "last", "latest", "most"})


@dataclass(frozen=True)
class Cues:
    """The words of ``event_cues.jsonl``, by role."""

    roles: dict[str, frozenset[str]] = field(default_factory=dict)

    def has(self, role: str, word: str) -> bool:
        return word.lower() in self.roles.get(role, frozenset())

    def phrase_in(self, role: str, text: str) -> bool:
        padded = f" {' '.join(text.lower().split())} "
        return any(f" {phrase} " in padded for phrase in self.roles.get(role, ()))


# which triggers count -----------------------------------------------------------------------------
def is_hypothetical(trigger: Token, cues: Cues) -> bool:
    """"could defect", "fears that more will flee", "planning to defect", "if they escape"; a
    noun is read from the verb it serves ("if Kang's defection is confirmed")."""
    token = _governing_verb(trigger) if trigger.pos_ in {"NOUN", "PROPN"} else trigger
    for _ in range(4):
        for child in token.children:
            if child.dep_ in {"aux", "mark", "advmod"} and cues.has("hypothetical", child.lower_):
                return True
            if child.dep_ == "neg":
                return True
        if token.dep_ in {"xcomp", "ccomp", "advcl", "acl"} and cues.has("hypothetical", token.head.lemma_):
            return True
        if token.dep_ in {"xcomp", "ccomp", "advcl", "conj", "acl", "relcl"} and token.head.i != token.i:
            token = token.head
        else:
            break
    return False


def _governing_verb(token: Token) -> Token:
    """The verb a noun phrase belongs to: "confirmed" for "defection" in "if Kang's defection is
    confirmed"; the noun itself when no verb is above it."""
    verb = token
    for _ in range(6):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb if verb.pos_ in {"VERB", "AUX"} else token


def returns_north(trigger: Token, cues: Cues, kind: str = "defect") -> bool:
    """"went back", "swam back to the North", "climbing ... into the North": a return, no
    defection. (Being sent back is a failed defection, read elsewhere.)"""
    if kind in {"sent_back", "repatriated", "caught"}:
        return False
    words = " ".join(t.lower_ for t in trigger.subtree)
    if cues.phrase_in("return_north", words):
        return True
    for token in trigger.subtree:
        if token.lower_ in _NORTH and token.head.lower_ in {"into", "to"} and token.head.head.i == trigger.i:
            return True
    return False


def is_adjectival(trigger: Token) -> bool:
    """"defecting diplomats", "the defected officials", "the price of escaping": no event of its
    own (a superlative, "the highest-ranking diplomat to defect", is read by
    :func:`superlative_noun`)."""
    if trigger.dep_ in {"amod", "compound", "acomp"}:
        return True
    return trigger.tag_ == "VBG" and trigger.dep_ in {"pcomp", "pobj"} and trigger.head.lower_ == "of"


def superlative_noun(trigger: Token) -> Token | None:
    """The noun a superlative infinitive ranks: "the most senior figure ever to defect", "one of
    the first diplomats to seek refuge", "the highest-ranking envoy known to have defected".
    Such a phrase ranks someone among defectors; it tells a defection only of the person it is
    said of, and dates nothing but that person's own."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    if not infinitive:
        return None
    candidates: list[Token] = []
    clause = trigger
    for _ in range(3):  # "known to have defected" hangs on "known", which hangs on the noun
        if clause.dep_ in {"relcl", "acl"} and clause.head.pos_ in {"NOUN", "PROPN", "NUM", "PRON", "ADJ"}:
            candidates.append(clause.head)
            break
        if clause.dep_ not in {"advcl", "xcomp", "ccomp"} or clause.head.i == clause.i:
            break
        verb = clause.head
        candidates += [c for c in verb.children if c.dep_ in {"attr", "oprd", "dobj", "acomp"}]
        clause = verb
    candidates += [c for c in trigger.children if c.dep_ in _SUBJECTS]
    ever = any(c.lower_ == "ever" and c.dep_ == "advmod" for c in trigger.children)
    for noun in candidates:
        ranked = [t for t in noun.subtree if t.i < trigger.i and not trigger.left_edge.i <= t.i <= trigger.right_edge.i]
        if ever or any(t.tag_ in {"JJS", "RBS"} or t.lower_ in _SUPERLATIVE_WORDS for t in ranked):
            return noun
    return None


def has_escape_context(trigger: Token, who: Span | None, cues: Cues) -> bool:
    """A capture or a return is a failed defection only when the clause of those caught tells of
    an escape or a border ("caught ... as they tried to cross", "sent two fishermen back across
    the border", "crossed the river but were caught", "handed back to the North": from the South
    they had reached). Not the captors' words, the source's, a
    named body's or another subject's clause: "Ukrainian forces captured two soldiers ...,
    according to South Korea's intelligence service" is no escape; nor is "the couple reached
    South Korea; their daughter ... was sent back"."""
    if who is None:
        return False
    words = [t.lower_ for t in _clause_of_the_caught(trigger) if not who.start <= t.i < who.end and t.ent_type_ != "ORG"]
    return any(cues.has("escape_context", w) for w in words) or cues.phrase_in("escape_phrase", " ".join(words))


def _clause_of_the_caught(trigger: Token) -> list[Token]:
    """The trigger's clause with the subject of a verb that shares it ("crossed ... but were
    caught"), without the captor (the subject of an active capture, the agent of a passive one),
    the attribution ("according to ...") and clauses of other subjects."""
    skip: set[int] = set()
    for child in trigger.children:
        own_subject = [c for c in child.children if c.dep_ in _SUBJECTS]
        other = own_subject and own_subject[0].lower_ not in _PERSONAL
        if child.dep_ == "nsubj" or child.dep_ == "agent" or (child.dep_ in _CLAUSES and other):
            skip.update(t.i for t in child.subtree)
    for token in trigger.subtree:
        if token.lower_ == "according" and token.i not in skip:  # "..., according to South Korea's NIS"
            skip.update(t.i for t in token.subtree)
    tokens = [t for t in trigger.subtree if t.i not in skip]
    shares_subject = trigger.dep_ == "conj" and not any(c.dep_ in _SUBJECTS for c in trigger.children)
    if shares_subject:  # "crossed the Yalu but were caught": the first verb's words are theirs
        head = trigger.head
        tokens += [t for t in head.subtree if not trigger.left_edge.i <= t.i <= trigger.right_edge.i
                   and t.lower_ != "according" and not any(a.lower_ == "according" for a in t.ancestors)]
    return tokens


def is_category(who: Span, people: list[Span], cues: Cues) -> bool:
    """Nobody in particular left: "no one was arrested", "every North Korean resident who comes
    south", "any soldier captured", "neither man", and a bare plural with no number, determiner
    or name ("diplomats and students reached the South")."""
    if cues.has("universal", who[0].lower_) or cues.has("universal", who.root.lower_):
        return True
    root = who.root
    if root.tag_ not in {"NNS", "NNPS"} or covering(people, root.i):
        return False
    determined = any(c.dep_ in {"det", "poss", "nummod", "quantmod", "predet"} or c.like_num for c in root.children)
    return not determined and not any(t.like_num for t in who)


def is_share_of_aggregate(head: Token, cues: Cues, batch: int) -> bool:
    """"Only three of the 236 crossed directly", "three of those who came last year", "two of
    last year's arrivals": a share of a statistic, not a group that left together ("two of the
    four asked to stay" is)."""
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    opening = head.sent[0]
    if of is None and opening.lower_ == "of" and opening.i < head.i:
        of = opening  # "Of the 236 arrivals in 2024, 210 were women, and only three crossed directly"
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is None:
        return False
    if whole.lower_ == "those" and any(c.dep_ in {"relcl", "acl"} for c in whole.children):
        return True  # "those who came last year": everyone who did
    numbers = [whole] if whole.like_num else [c for c in whole.children if c.dep_ == "nummod" and c.like_num]
    size = parse_quantity([numbers[0].text]) if numbers else None
    if size is not None and size >= batch:
        return True
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "these", "those", "both"} for c in whole.children)
    generic = cues.has("generic_plural", whole.lower_)
    return generic and not numbers and not definite  # "of last year's arrivals"


def poses_as_defector(trigger: Token, cues: Cues) -> bool:
    """"The pair had entered the South ... posing as ordinary defectors": agents on a mission
    who pretend to defect have not defected (GUIDELINES, fourth round)."""
    for token in trigger.sent:
        if not cues.has("sham", token.lower_):
            continue
        for child in token.children:
            if child.lower_ == "as" and any(cues.has("defector_word", t.lower_) for t in child.subtree):
                return True
    return False


def is_trip(trigger: Token, cues: Cues) -> bool:
    """"Kim Jong Un left North Korea by train for a summit in Vladivostok", "the delegation
    crossed the MDL on foot for talks": a journey with a purpose named, not a defection."""
    for token in _own_words(trigger):
        if token.dep_ == "prep" and token.lower_ == "for":
            if any(c.dep_ == "pobj" and (cues.has("trip", c.lemma_) or cues.has("trip", c.lower_)) for c in token.children):
                return True
    return False


def flees_something_else(trigger: Token, cues: Cues) -> bool:
    """"escaped a fire", "fled the scene", "disappeared from public view": what was left is a
    danger or the public eye, not the country, the army or a post."""
    if any(child.dep_ == "dobj" and cues.has("not_fled", child.lemma_) for child in trigger.children):
        return True
    for token in _own_words(trigger):  # "went missing from public view": "from" hangs on "missing"
        if token.dep_ == "prep" and token.lower_ == "from":
            if any(c.dep_ == "pobj" and cues.has("not_fled", c.lemma_) for c in token.children):
                return True
    return False


def _own_words(trigger: Token) -> list[Token]:
    """The trigger's clause without the clauses under it (no relative or complement clause)."""
    found, stack = [], [trigger]
    while stack:
        token = stack.pop()
        found.append(token)
        stack += [c for c in token.children if c.dep_ not in _CLAUSES]
    return found


def is_quantified_category(who: Span) -> bool:
    """"More members of North Korea's elite", "many soldiers", "most defectors": a category."""
    return who[0].lower_ in {"more", "many", "most", "some", "several", "fewer", "few", "other", "numerous"}


def is_aggregate(who: Span, count: int | None, kind: str, trigger: Token, cues: Cues, has_month: bool) -> bool:
    """"1,417 defectors entered South Korea in 2016", "figures showed that four soldiers crossed
    in 2017": a statistic (a year_count), not one defection."""
    generic = cues.has("generic_plural", who.root.lower_) or cues.phrase_in("generic_plural", who.text)
    if is_quantified_category(who):
        return True
    if count is None:
        return generic  # "elites have defected", "the defectors who reached South Korea": a category
    if count >= 50:
        return True
    statistic = any(t.lemma_.lower() in {"show", "figure", "data", "statistic", "count", "total", "record"}
                    for t in trigger.sent if t.i < trigger.i)
    if generic and kind == "arrive":
        # a statistic, unless one small group's journey ("Three North Koreans reached South Korea by sea in May")
        journey = count <= _SMALL_GROUP and (has_month or _by_vehicle(trigger, cues))
        return statistic or not journey
    return generic and statistic and not has_month


_SMALL_GROUP = 20  # people who arrive together: one boat, one family, one group of workers


def _by_vehicle(trigger: Token, cues: Cues) -> bool:
    """"reached South Korea by boat", "on a fishing boat": the way of one journey, not a statistic."""
    return any(cues.has("vehicle", t.lemma_) or t.lower_ == "sea" and t.head.lower_ == "by" for t in trigger.subtree)


def turned_back(sentences: list[Span], cues: Cues) -> bool:
    """A crossing undone at once: the next sentence has them go back ("about 20 soldiers
    crossed the MDL ... They also withdrew after warning shots", "He returned north an hour
    later"), and nothing in the telling speaks of defecting."""
    last = sentences[-1]
    doc = last.doc
    if last.end >= len(doc) or any(cues.has("defection_word", t.lower_) for s in sentences for t in s):
        return False
    following = doc[last.end].sent
    for token in following:
        if token.dep_ in _SUBJECTS and token.lower_ in {"they", "he", "she"} and token.head.dep_ == "ROOT":
            verb = token.head
            went = " ".join(t.lower_ for t in verb.subtree if t.i >= verb.i)
            return cues.has("withdraw", verb.lemma_) or cues.phrase_in("return_north", f"{verb.lower_} {went}")
    return False


def tells_again(trigger: Token, cues: Cues) -> bool:
    """"In 2017 she fled a second time", "he defected again": another defection of someone whose
    earlier one was told, not a retelling of it."""
    for child in trigger.children:
        if child.dep_ in {"advmod", "npadvmod", "prep", "dobj"}:
            if cues.phrase_in("again", " ".join(t.lower_ for t in child.subtree)):
                return True
    return False


def status(sentences: list[Span], failed: bool, cues: Cues) -> str:
    if failed:
        return "failed"
    text = " ".join(s.text for s in sentences)
    return "reported" if cues.phrase_in("reported", text) else "completed"
