"""When a defection happened: the time of its trigger's clause, or of the sentence its telling
points back to.

An event's date is when the people left (GUIDELINES, events), so a time is not the event's when
it dates something else in the sentence: the news ("In June, officials said a diplomat had
defected"), a life ("Hwang (17 February 1923 - 10 October 2010) ... ever to defect"), or only the
return of people caught ("In November, the government sent the pair back": the year stands, the
month of their flight is unknown).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .defections import Cues
from .pairing import TimeRef, pair

_REPORTING = frozenset({"say", "tell", "report", "confirm", "announce", "disclose"})
_CASE_WORDS = frozenset({"case", "incident", "instance", "occasion"})
_CHAIN = frozenset({"ccomp", "xcomp", "conj", "advcl"})
_LIFE_WORDS = frozenset({"born", "b.", "died", "d."})
_DASHES = frozenset({"–", "-", "—"})
_DEEDS = frozenset({"crossing", "escape", "defection", "flight"})
_TIME_UNITS = frozenset({"month", "year", "week", "day"})  # "That month, two fishermen ...": the month just named


Date = tuple[int | None, int | None, int | None]  # year, month, day


def trigger_time(trigger: Token, refs: list[TimeRef], figures: list[Span], cues: Cues) -> Date:
    """The year, month and day of the time the trigger's clause carries (see the module
    docstring); the day only tells two defections of one month apart."""
    usable = [ref for ref in refs if not in_lifespan(ref.span) and not _counts_on(ref)]
    anchor = trigger.doc[trigger.i : trigger.i + 1]
    pairing = pair(anchor, usable, {}, [anchor], figures)
    if pairing is None or len(pairing.refs) != 1 or pairing.refs[0].resolved is None:
        return None, None, None
    ref = pairing.refs[0]
    year, month, day = ref.resolved.year, ref.resolved.month, ref.resolved.day
    if dates_the_report(trigger, ref) or dates_a_return(ref, cues):
        month = day = None
    return year, month, day


def _counts_on(ref: TimeRef) -> bool:
    """"several weeks earlier", "days later": no date of their own (the report's time or a month
    after them in the sentence dates the event)."""
    return ref.value.kind == "anchored" and ref.value.which in {"after", "before"}


def dates_the_report(trigger: Token, ref: TimeRef) -> bool:
    """The time modifies a verb of saying above the trigger: it dates the news, not the escape."""
    token = trigger
    while token.dep_ in _CHAIN and token.head.i != token.i:
        token = token.head
        if token.i == ref.attach and token.lemma_.lower() in _REPORTING:
            return True
    return False


def dates_a_return(ref: TimeRef, cues: Cues) -> bool:
    """The time modifies a verb of sending people back ("In November, the government sent the
    pair back after they were captured"): the return's month, not the flight's."""
    verb = ref.span.doc[ref.attach]
    return cues.has("repatriation", verb.lemma_) or cues.has("repatriation", verb.lower_)


def in_lifespan(span: Span) -> bool:
    """A date inside a parenthesis that gives a life ("(17 February 1923 – 10 October 2010)",
    "(born 1923)"): it dates no defection."""
    doc, sentence = span.doc, span.sent
    opening = next((t for t in reversed(doc[sentence.start : span.start]) if t.text in {"(", ")"}), None)
    closing = next((t for t in doc[span.end : sentence.end] if t.text in {"(", ")"}), None)
    if opening is None or closing is None or opening.text != "(" or closing.text != ")":
        return False
    inside = doc[opening.i + 1 : closing.i]
    years = [t for t in inside if t.like_num and len(t.text) == 4]
    return any(t.lower_ in _LIFE_WORDS for t in inside) or (len(years) >= 2 and any(t.text in _DASHES for t in inside))


def date_by_reference(sentence: Span, who: Span | None, trigger: Token,
                      refs: dict[int, list[TimeRef]]) -> tuple[int | None, int | None]:
    """An event whose own sentence has no time takes the time of the sentence before when its
    telling points back to it: "In that case ...", "That month, ...", "Two of the four ...",
    "The most dramatic came that November." before it, or "also" ("Three women are also said to
    have slipped out ..." after the January unrest)."""
    doc = sentence.doc
    previous = doc[sentence.start - 1].sent if sentence.start > 0 else None
    if previous is None or not points_back(sentence, who, trigger, previous):
        return None, None
    dated = [r for r in refs.get(previous.start, []) if r.resolved is not None and _names_a_time(r)]
    if not dated:
        return None, None
    return dated[-1].resolved.year, dated[-1].resolved.month


def points_back(sentence: Span, who: Span | None, trigger: Token, previous: Span) -> bool:
    """Whether the telling refers to the sentence before (see :func:`date_by_reference`)."""
    words = [t.lower_ for t in sentence[:4]]
    partitive = who is not None and len(who) > 2 and who[1].lower_ == "of" and who[2].lower_ == "the"
    that_case = "that" in words and any(w in _CASE_WORDS for w in words)
    that_time = any(w in {"that", "same"} and following in _TIME_UNITS for w, following in zip(words, words[1:]))
    return partitive or that_case or that_time or introduces_a_case(previous) or told_also(trigger)


def told_also(trigger: Token) -> bool:
    """"Three women are also said to have slipped out": "also" on the trigger's clause adds one
    more happening to those just told."""
    token = trigger
    for _ in range(4):
        if any(c.dep_ == "advmod" and c.lower_ in {"also", "likewise"} for c in token.children):
            return True
        if token.dep_ not in _CHAIN or token.head.i == token.i:
            return False
        token = token.head
    return False


def _names_a_time(ref: TimeRef) -> bool:
    """A time that names a year or a month, not "now" or "this week"."""
    return ref.value.kind in {"absolute", "anchored"} or (ref.value.kind == "relative" and ref.value.month is not None)


def reference_sentences(sentence: Span, who: Span | None, trigger: Token) -> list[Span]:
    """The sentence the telling points back to ("In that case", "Two of the four", "also") is
    part of the telling."""
    if sentence.start == 0:
        return []
    previous = sentence.doc[sentence.start - 1].sent
    return [previous] if points_back(sentence, who, trigger, previous) else []


def introduces_a_case(sentence: Span) -> bool:
    """"The most dramatic came that November.", "The west coast saw its own crossing earlier this
    year.": a short sentence whose subject is a superlative or an ordinal, or that speaks of one
    crossing or escape by name of the deed alone, introducing the case the next sentence tells."""
    if len(sentence) > 12:
        return False
    ranked = any(t.dep_ in {"nsubj", "nsubjpass"} and any(c.tag_ in {"JJS", "RBS"} or c.lower_ in {"first", "latest", "last"}
                                                          for c in t.subtree) for t in sentence)
    return ranked or any(t.tag_ == "NN" and t.lemma_.lower() in _DEEDS for t in sentence)
