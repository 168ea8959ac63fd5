"""Whether a trigger word tells a defection: negated, hypothetical, adjectival, a return, a
statistic, a capture with no escape; and the status of the defection told.

Pure functions over an annotated ``Doc`` and a :class:`Cues` table from ``event_cues.jsonl``;
``newsfacts_events`` calls them. Who left is read by :mod:`pipeline.participants`, where by
:mod:`pipeline.event_places`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

_NORTH = frozenset({"north", "pyongyang"})


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
    """"could defect", "fears that more will flee", "planning to defect", "if they escape"."""
    token = trigger
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
    """"defecting diplomats", "the defected officials", "the price of escaping", "the
    highest-ranking diplomat to defect since ...": no event of its own."""
    if trigger.dep_ in {"amod", "compound", "acomp"}:
        return True
    if trigger.dep_ in {"relcl", "acl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        noun = trigger.head
        superlative = any(t.tag_ in {"JJS", "RBS"} or t.lower_ in {"first", "only", "last", "latest", "most"}
                          for t in noun.subtree if t.i < noun.i)
        if superlative:
            return True
    return trigger.tag_ == "VBG" and trigger.dep_ in {"pcomp", "pobj"} and trigger.head.lower_ == "of"


def has_escape_context(trigger: Token, who: Span | None, cues: Cues) -> bool:
    """A capture or a return is a failed defection only when the sentence tells of an escape or
    a border ("caught ... as they tried to cross", "sent two fishermen back across the border")."""
    words = [t.lower_ for t in trigger.sent if t.i not in range(who.start, who.end)] if who is not None else []
    return any(cues.has("escape_context", w) for w in words)


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
    if generic and kind == "arrive":
        return True
    statistic = any(t.lemma_.lower() in {"show", "figure", "data", "statistic", "count", "total", "record"}
                    for t in trigger.sent if t.i < trigger.i)
    return generic and statistic and not has_month


def status(sentences: list[Span], failed: bool, cues: Cues) -> str:
    if failed:
        return "failed"
    text = " ".join(s.text for s in sentences)
    return "reported" if cues.phrase_in("reported", text) else "completed"
