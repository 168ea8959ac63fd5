"""``newsfacts_year_counts``: counts tied to a year (or a month of a year) in their own sentence.

Reads the counts of ``newsfacts_quantities`` and the times of ``newsfacts_times`` and pairs them
through :mod:`pipeline.pairing` (adjacency first, then the parse). Relative and anchored times
are resolved against ``doc._.published`` ("last year" in a 2017 article is 2016); in an article
whose year is unknown they stay unresolved and give no fact rather than a guessed one.

Each fact is written to ``doc.spans["year_counts"]`` as the span from the count to its time,
with ``span._.year_count`` a list of the facts it states (one per year for "seven in each of
2012 and 2013"): year, month, count, qualifier, count_max, cumulative, subject, source, rule.
Counts that are the head-count of one defection (``doc.spans["events"]``) are left to the event.
"""

# No "from __future__ import annotations": spaCy builds a model of initialize()'s signature.
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import data
from ..attribution import REPORTING_LEMMAS, entity_names, source_of
from ..extensions import register_extensions
from ..kinds import EVENTS, YEAR_COUNTS
from ..normalize.numbers import as_count
from ..pairing import Pairing, TimeRef, figure_times, pair_sentence, time_refs
from .quantities import QUANTITIES_KEY
from .tables import Tables, TableComponent
from .times import TIMES_KEY

_PERFECT_AUX = frozenset({"have", "has", "had", "'ve"})


class YearCounts(TableComponent):
    TABLES = {data.YEAR_COUNTS: data.Cue}

    def __init__(self, spans_key: str = YEAR_COUNTS, quantities_key: str = QUANTITIES_KEY,
                 times_key: str = TIMES_KEY, events_key: str = EVENTS) -> None:
        self.spans_key = spans_key
        self.quantities_key = quantities_key
        self.times_key = times_key
        self.events_key = events_key
        self.cues: dict[str, frozenset[str]] = {}

    def build(self, tables: Tables) -> None:
        roles: dict[str, set[str]] = {}
        for cue in tables[data.YEAR_COUNTS]:
            roles.setdefault(cue.role, set()).add(cue.phrase)
        self.cues = {role: frozenset(phrases) for role, phrases in roles.items()}

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_initialized()
        figures = [span for span in doc.spans.get(self.quantities_key, []) if span.label_ in {"count", "percent"}]
        if not any(span.label_ == "count" for span in figures) or not doc.spans.get(self.times_key):
            doc.spans[self.spans_key] = []  # no count, or no time to tie one to
            return doc
        published = doc._.published
        refs = time_refs(doc, list(doc.spans.get(self.times_key, [])), published)
        event_counts = _event_counts(doc, self.events_key)
        names = entity_names(doc)
        figures_by_sentence: dict[int, list[Span]] = {}
        for span in figures:
            figures_by_sentence.setdefault(span.sent.start, []).append(span)
        found: dict[tuple[int, int], list[dict[str, Any]]] = {}
        subjects: dict[int, str] = {}
        stated: set[tuple[int, int, str]] = set()  # (year, count, qualifier) already stated
        for start, figures in figures_by_sentence.items():
            sentence_refs = figure_times(refs.get(start, []))
            counts = [f for f in figures if f.label_ == "count" and not event_counts & set(range(f.start, f.end))]
            if not counts or not sentence_refs:
                continue
            paired = pair_sentence(figures, sentence_refs)
            sentence = counts[0].sent
            source = source_of(sentence, names)
            for count in counts:
                pairing = paired.get(count.start)
                if pairing is None or _states_no_year(count, pairing):
                    continue
                for ref, year, month in _years(pairing, published):
                    fact = self._fact(count, ref, year, month, pairing, subjects, source)
                    if fact is None or (year, fact["count"], fact["qualifier"]) in stated:
                        continue  # the same figure stated again (headline, then body) is one fact
                    stated.add((year, fact["count"], fact["qualifier"]))
                    first, last = min(count.start, ref.span.start), max(count.end, ref.span.end)
                    found.setdefault((first, last), []).append(fact)
        spans = []
        for (first, last), facts in sorted(found.items()):
            span = Span(doc, first, last, label="YEAR_COUNT", span_id=facts[0]["rule"])
            span._.year_count = facts
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc

    def _fact(self, count: Span, ref: TimeRef, year: int, month: int | None, pairing: Pairing,
              subjects: dict[int, str], source: str | None) -> dict[str, Any] | None:
        quantity = count._.quantity
        value = as_count(quantity["value"])
        if value is None:
            return None
        maximum = as_count(quantity["max"]) if quantity["max"] is not None else None
        return {
            "year": year,
            "month": month,
            "count": value,
            "qualifier": quantity["qualifier"],
            "count_max": maximum,
            "cumulative": pairing.since or pairing.running or self._cumulative(count, ref),
            "subject": self._subject(count, subjects),
            "source": source,
            "count_start": count.start_char,
            "count_end": count.end_char,
            "rule": f"{self.spans_key}:{pairing.rule}",
        }

    def _cumulative(self, count: Span, ref: TimeRef) -> bool:
        """A running total: "the cumulative number", "so far", a total with a perfect tense or
        "now" ("In all, 32,476 had arrived", "the total number ... to have settled exceeded
        30,000", "bringing the number who have resettled to 33,247"), or a perfect tense up to
        the end of a year ("the 947 who had come to the South by the end of 1998")."""
        region = _neighbourhood(count)
        words = " ".join(t.lower_ for t in region)
        if any(_has_phrase(words, cue) for cue in self.cues.get("cumulative", ())) or _refers_to_a_total(count):
            return True
        if _since_clause(count):  # "Since it began keeping such records in July 1997, the agency had placed 188"
            return True
        perfect = any(
            t.tag_ == "VBN" and any(c.lower_ in _PERFECT_AUX for c in t.children) and not self._change_verb(t)
            for t in region
        )
        total = any(_has_phrase(words, cue) for cue in self.cues.get("total", ()))
        year_end = _by_the_end(ref) and ref.resolved is not None and ref.resolved.month is None
        return (total and (perfect or ref.now)) or (perfect and (ref.now or year_end))

    def _change_verb(self, token: Token) -> bool:
        """"had fallen to 63": a perfect tense of a change says nothing of a running total."""
        return token.lemma_.lower() in self.cues.get("change_verb", frozenset())

    def _subject(self, count: Span, subjects: dict[int, str]) -> str:
        """What is counted, as a short noun phrase; a count in a list takes its list's."""
        noun = _counted_noun(count[-1], self.cues.get("number_noun", frozenset()))
        if noun is None:
            head = count[-1]
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
                if head.i in subjects:
                    return subjects[head.i]
            return ""
        phrase = _noun_phrase(noun)
        subjects[count[-1].i] = phrase
        return phrase


def _years(pairing: Pairing, published: str | None) -> list[tuple[TimeRef, int, int | None]]:
    """(time, year, month) for each year the figure is tied to; a span of years only when each
    year is meant ("in each of the past two years")."""
    out = []
    for ref in pairing.refs:
        if pairing.since or ref.now:
            if published:
                out.append((ref, int(published[:4]), None))
        elif ref.value.kind == "span":
            if ref.each:
                out += [(ref, year, None) for year in ref.years]
        elif ref.resolved is not None:
            named = not ref.month_span and ref.value.weekday is None  # "said last Friday" names no month
            out.append((ref, ref.resolved.year, ref.resolved.month if named else None))
    return out


def _event_counts(doc: Doc, key: str) -> set[int]:
    """Tokens of the numbers that belong to a defection: its head-count, the people it is made
    of ("13 workers (12 female employees and one male manager)") and the group it is told of."""
    tokens: set[int] = set()
    for span in doc.spans.get(key, []):
        event = span._.event or {}
        for part in (event.get("count_span"), event.get("who_span"), *event.get("group_spans", ())):
            if part:
                tokens.update(range(part[0], part[1]))
    return tokens


def _states_no_year(count: Span, pairing: Pairing) -> bool:
    """A rate ("some 1,000 a year", "more than 1,000 arrived every year") tied to no one year
    (unless a year is glued to the figure: "reached each year ...: 2020: 840,000"), or
    a number naming who speaks ("two UN agencies said last Friday") rather than counting."""
    token = count[-1]
    owners = {token.i, token.head.i}
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    owners.add(verb.i)
    yearly = any(
        t.lower_ == "year" and t.head.i in owners and any(c.lower_ in {"every", "each", "a", "per"} for c in t.children)
        for t in count.sent
    )
    if yearly and len(pairing.refs) == 1 and pairing.refs[0].value.kind != "span" and pairing.rule != "local":
        return True
    noun = token.head
    return token.dep_ == "nummod" and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in REPORTING_LEMMAS


def _neighbourhood(count: Span) -> list[Token]:
    """The words on the count's way up the parse, with their children and grandchildren: where
    "cumulative", "total" or a perfect tense that bears on the count sits."""
    region: dict[int, Token] = {}
    token = count[-1]
    while True:
        region[token.i] = token
        for child in token.children:
            region[child.i] = child
            for grandchild in child.children:
                region[grandchild.i] = grandchild
        if token.head.i == token.i:
            break
        token = token.head
    return [region[i] for i in sorted(region)]


def _since_clause(count: Span) -> bool:
    """A "since" clause on the count's verb: a running total from then until now."""
    token = count[-1]
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            for child in token.children:
                if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in child.children):
                    return True
    return False


def _refers_to_a_total(count: Span) -> bool:
    """"The running total had been 32,476 in 2018. It first exceeded 30,000 in November 2016.":
    a pronoun subject after a sentence about a running total."""
    verb = count[-1]
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children):
        return False
    sentence = count.sent
    if sentence.start == 0:
        return False
    previous = sentence.doc[sentence.start - 1].sent
    text = previous.text.lower()
    return "running total" in text or "cumulative" in text


def _clause(token: Token) -> list[Token]:
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return list(verb.subtree)


def _has_phrase(words: str, phrase: str) -> bool:
    return f" {phrase} " in f" {words} "


def _by_the_end(ref: TimeRef) -> bool:
    doc = ref.span.doc
    before = [t.lower_ for t in doc[max(0, ref.span.start - 4) : ref.span.start]]
    return "end" in before or before[-2:] == ["as", "of"]


def _counted_noun(token: Token, number_nouns: frozenset[str]) -> Token | None:
    """The noun a count counts: "1,417 defectors", "845 of last year's defectors", "the number
    of defectors ... was 1417", "women numbered 969"."""
    if token.dep_ == "nummod" and token.head.pos_ in {"NOUN", "PROPN"}:
        return _through_number_noun(token.head, number_nouns)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    counted = [c for c in verb.children if c.dep_ == "dobj" and c.i < token.i and c.pos_ in {"NOUN", "PROPN"}
               and any(g.dep_ == "nummod" for g in c.children)]
    if counted:  # "trained 120 nurses in 2018, 145 in 2019": an elided item counts the same
        return _through_number_noun(counted[0], number_nouns)
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects and subjects[0].pos_ in {"NOUN", "PROPN"}:
        return _through_number_noun(subjects[0], number_nouns)
    return None


def _through_number_noun(noun: Token, number_nouns: frozenset[str]) -> Token:
    """"the number of defectors" -> "defectors"."""
    if noun.lower_ in number_nouns:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return noun


def _noun_phrase(noun: Token) -> str:
    """The noun with its left modifiers: "North Korean defectors"."""
    left = [t for t in noun.lefts if t.dep_ in {"amod", "compound", "nmod"} and not t.like_num]
    start = min([noun.i, *[t.left_edge.i for t in left]])
    return noun.doc[start : noun.i + 1].text


@Language.factory(
    "newsfacts_year_counts",
    assigns=["doc.spans", "span._.year_count"],
    requires=["doc.spans", "span._.quantity", "span._.time", "doc._.published", "token.dep"],
    default_config={"spans_key": YEAR_COUNTS, "quantities_key": QUANTITIES_KEY, "times_key": TIMES_KEY,
                    "events_key": EVENTS},
)
def make_year_counts(nlp: Language, name: str, spans_key: str, quantities_key: str, times_key: str,
                     events_key: str) -> YearCounts:
    """Counts tied to a year in their own sentence, into ``doc.spans[spans_key]``."""
    register_extensions()
    return YearCounts(spans_key, quantities_key, times_key, events_key)
