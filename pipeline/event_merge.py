"""One defection as it is being read (:class:`Event`), and how a retelling joins it.

A defection told again ("the soldier", "they", the same person, the headline then the body, two
triggers on one subject) is one record; :func:`absorb` adds what the retelling says. Used by
``newsfacts_events``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .participants import is_pronoun


@dataclass
class Event:
    """What is known so far of one defection."""

    first: Token
    sentences: list[Span] = field(default_factory=list)
    who: Span | None = None
    people: list[str] = field(default_factory=list)
    count: int | None = None
    count_span: tuple[int, int] | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None  # only to tell two defections of one month apart
    failed: bool = False
    triggers: list[str] = field(default_factory=list)
    headline: bool = False  # told in the headline: the body tells it again
    needs_story: bool = False  # "Police detained her": a failed defection only of someone told escaping
    item: Span | None = None  # one defector of a list: the words of the list that are its own
    introduction: list[Span] = field(default_factory=list)  # the sentence before that introduced them


def absorb(same: Event, new: Event) -> None:
    """Add what a retelling says to the event it retells."""
    if same is new:
        return
    for sentence in new.sentences:
        if all(sentence.start != s.start for s in same.sentences):
            same.sentences.append(sentence)
    more_named = len(new.people) > len(same.people) and new.count is not None and (same.count or 0) < new.count
    same.people += [p for p in new.people if p not in same.people]
    pronoun = new.who is not None and is_pronoun(new.who)
    if (same.count is None and not pronoun) or (same.headline and new.count is not None) or more_named:
        same.count, same.count_span = new.count, new.count_span or same.count_span  # "Hwang ... and Kim": two
    if same.year is None:
        same.year, same.month, same.day = new.year, new.month, new.day
    elif same.month is None and new.month is not None and abs((new.year or 0) - same.year) <= 1:
        same.year, same.month, same.day = new.year, new.month, new.day  # "in November 2020" beats "a little over a year ago"
    elif same.day is None and (same.year, same.month) == (new.year, new.month):
        same.day = new.day
    same.failed = same.failed or new.failed
    same.triggers.append(new.first.text)


def same_who(old: Event, new: Event) -> bool:
    """Several triggers on one subject ("two fishermen who had sailed south ... and asked to
    defect were sent back") tell one defection."""
    return old.who is not None and new.who is not None and (old.who.start, old.who.end) == (new.who.start, new.who.end)


def told_in_the_sentence(events: list[Event], new: Event) -> Event | None:
    """"Her mother had crossed the Tumen River in 1998, and the two reached South Korea
    together": a definite group in a sentence that already tells a defection goes on with it."""
    if any(t.lower_ == "other" for t in new.who):
        return None  # "the other two": another group
    start = new.first.sent.start
    return next((old for old in reversed(events) if any(s.start == start for s in old.sentences)), None)


def same_date_and_count(new: Event, old: Event) -> bool:
    """The same head-count in the same year (and month, when both name one), and no two
    different people: "a figure moving south ... on July 31" and "a soldier who crossed ... last
    Wednesday"."""
    if new.count is None or new.count != old.count or new.year is None or new.year != old.year:
        return False
    if new.month is not None and old.month is not None and new.month != old.month:
        return False
    if new.day is not None and old.day is not None and new.day != old.day:
        return False  # "early on Aug. 8" is not the crossing of Tuesday, Aug. 20
    return not (new.people and old.people and not set(new.people) & set(old.people))


def counts_agree(new: Event, old: Event) -> bool:
    return new.count is None or old.count is None or new.count == old.count


def tells_the_same(headline: Event, body: Event, first_after: bool) -> bool:
    """The headline's "Brothers flee ..." and the body's "Two brothers ... escaped": the same
    head noun, the same head-count of two or more, or the first defection the body tells."""
    if headline.count is not None and body.count is not None and headline.count != body.count:
        return False
    if headline.year is not None and body.year is not None and headline.year != body.year:
        return False
    if headline.who is None or body.who is None:
        return False
    same_noun = headline.who.root.lemma_.lower() == body.who.root.lemma_.lower()
    return same_noun or first_after or (headline.count is not None and headline.count >= 2 and headline.count == body.count)
