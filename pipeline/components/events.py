"""``newsfacts_events``: one record per defection: who left, how many, when, where, status.

Triggers are found by a ``DependencyMatcher`` over the patterns of ``events.jsonl`` (a verb of
defection, a crossing of a border, an arrival in the South, leaving a post, a capture or a
forced return); the words that qualify them are ``event_cues.jsonl``. For each trigger the
pure readers of :mod:`pipeline.defections` find who left and how many; the counts and dates come
from ``newsfacts_quantities`` and ``newsfacts_times`` through :mod:`pipeline.pairing`, never
re-parsed.

Not events: negated or hypothetical defections, returns to the North and crossings undone at
once, statistics ("1,417 defectors entered in 2016", "three of the 236", a batch of 500
returned), nobody in particular ("no one", "any soldier who crosses", a bare plural), agents
posing as defectors, captures with no escape in the clause of those caught, and defections
named only as a category ("elite defections have risen"). One defection told again ("the
soldier", "they", a named person again, several triggers on one subject, the headline then the
body) is merged into one record; "a second time" is another. The sentences that tell it
(:mod:`pipeline.telling`) give its places; its date is when they left
(:mod:`pipeline.event_dates`).

Each event goes to ``doc.spans["events"]`` (the span of its first telling) with ``span._.event``
the record's fields; ``count_span`` tells ``newsfacts_year_counts`` which count is an event's
head-count.
"""

# No "from __future__ import annotations": spaCy builds a model of initialize()'s signature.
from typing import Any

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span, Token

from .. import data
from ..attribution import entity_names, source_of
from ..spans import Mentions, headline, starting_in
from ..defections import (
    Cues,
    has_escape_context,
    is_adjectival,
    is_aggregate,
    is_category,
    is_hypothetical,
    is_share_of_aggregate,
    flees_something_else,
    is_trip,
    poses_as_defector,
    returns_north,
    status,
    superlative_noun,
    tells_again,
    turned_back,
)
from ..event_dates import date_by_reference, reference_sentences, trigger_time
from ..event_merge import Event, absorb, counts_agree, same_date_and_count, same_who, tells_the_same, told_in_the_sentence
from ..event_places import places_in
from ..participants import (
    antecedent,
    companion,
    companion_names,
    count_of,
    in_all,
    is_animate,
    is_mistagged_verb,
    is_definite,
    is_pronoun,
    organizations_in,
    participants,
    people_in,
    phrase,
    pronoun_antecedent,
    People,
    ranked_person,
)
from ..extensions import register_extensions
from ..kinds import EVENTS, ORGANIZATIONS, PEOPLE
from ..pairing import time_refs
from ..prefilter import SentenceDocs, SentenceIndex, hashed, node_words
from ..telling import continuations
from .quantities import QUANTITIES_KEY
from .tables import Tables, TableComponent
from .times import TIMES_KEY

_FAILED_KINDS = frozenset({"caught", "repatriated", "sent_back"})
_ORDER = ("defect", "cross", "south", "leave_post", "vanish", "arrive", "asylum", "stay_south", "caught", "repatriated",
          "sent_back", "defection", "cases")


class Events(TableComponent):
    TABLES = {data.EVENTS: data.TokenPattern, data.EVENT_CUES: data.Cue}

    def __init__(self, nlp: Language, spans_key: str = EVENTS, quantities_key: str = QUANTITIES_KEY,
                 times_key: str = TIMES_KEY, max_batch: int = 50) -> None:
        self.vocab = nlp.vocab
        self.spans_key = spans_key
        self.quantities_key = quantities_key
        self.times_key = times_key
        self.max_batch = max_batch
        self.matchers: list[tuple[DependencyMatcher, list[frozenset[int]]]] = []
        self.cues = Cues()

    def build(self, tables: Tables) -> None:
        self.matchers = []
        for row in tables[data.EVENTS]:  # one matcher per pattern, run only where its words are
            matcher = DependencyMatcher(self.vocab, validate=True)
            matcher.add(row.id, [row.pattern])
            self.matchers.append((matcher, hashed(node_words(row.pattern))))
        roles: dict[str, set[str]] = {}
        for cue in tables[data.EVENT_CUES]:
            roles.setdefault(cue.role, set()).add(cue.phrase)
        self.cues = Cues({role: frozenset(words) for role, words in roles.items()})

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_initialized()
        if not doc.has_annotation("DEP") or not doc.has_annotation("POS"):
            doc.spans[self.spans_key] = []  # events are read from the parse: none without one
            return doc
        triggers = self._triggers(doc)
        if not triggers:
            doc.spans[self.spans_key] = []  # no word of leaving: no defection to read
            return doc
        published = doc._.published
        refs = time_refs(doc, list(doc.spans.get(self.times_key, [])), published)
        quantities = Mentions(doc.spans.get(self.quantities_key, []))
        people = People(doc.spans.get(PEOPLE, []))
        clusters = doc._.entity_clusters or {}
        events: list[Event] = []
        title = headline(doc)
        for trigger, kind in triggers:
            if (is_adjectival(trigger) or is_hypothetical(trigger, self.cues) or returns_north(trigger, self.cues, kind)
                    or poses_as_defector(trigger, self.cues) or is_trip(trigger, self.cues)
                    or flees_something_else(trigger, self.cues)):
                continue
            if kind == "cases" and not _follows_a_defection(trigger.sent, events):
                continue  # "Other cases, including ..." are defections only right after one
            ranked = superlative_noun(trigger)
            if ranked is not None:  # "X became one of the first diplomats to defect": X's defection only
                person = ranked_person(ranked, people)
                heads = [antecedent(person, doc, people)] if person is not None else []
            else:
                heads = self._participant_heads(trigger, kind, people)
            for index, head in enumerate(heads):
                event = self._read(trigger, kind, head, quantities, people, clusters, refs, listed=len(heads) > 1)
                if event is not None and len(heads) > 1:  # places of one item of a list: its own words
                    end = heads[index + 1].left_edge.i if index + 1 < len(heads) else head.right_edge.i + 1
                    event.item = doc[head.left_edge.i : max(end, head.i + 1)]
                if event is not None and ranked is not None and event.who is not None and is_pronoun(event.who):
                    event.year = event.month = event.day = None  # "making him one of the most senior ... ever to defect"
                if event is not None:
                    event.headline = title is not None and trigger.sent.start == title.start
                    self._merge(events, event, quantities, people, clusters)
        events = [event for event in events if not turned_back(event.sentences, self.cues)]
        for event in events:
            if event.year is None:
                event.year, event.month = date_by_reference(event.sentences[0], event.who, event.first, refs)
            _add_continuations(event, events, refs, self.cues, people, clusters)
        for event in events:
            _add_introduction(event, events, people, clusters)
        for event in events:  # "He was accompanied by Kim Duk-hong"
            for sentence in list(event.sentences):
                following = doc[sentence.end].sent if sentence.end < len(doc) else None
                if following is not None:
                    name = companion(following, people, clusters)
                    if name and name not in event.people:
                        event.people.append(name)
                        event.count = (event.count or 1) + 1 if event.count is not None else None
        ents, organizations, names = Mentions(doc.ents), list(doc.spans.get(ORGANIZATIONS, [])), entity_names(doc)  # once per doc
        doc.spans[self.spans_key] = [self._span(doc, event, clusters, ents, organizations, names, quantities)
                                     for event in events]
        return doc

    def _triggers(self, doc: Doc) -> list[tuple[Token, str]]:
        """Each trigger token once, with the first pattern it matches in :data:`_ORDER`."""
        found: dict[int, str] = {}
        sentences = SentenceIndex(doc)
        sentence_docs = SentenceDocs(doc, sentences.bounds)
        for matcher, gates in self.matchers:
            for k in sentences.holding(gates):  # only where one sentence holds the pattern's words
                for match_id, tokens in matcher(sentence_docs[k]):
                    kind = self.vocab.strings[match_id].split(":", 1)[1]
                    index = sentence_docs.start(k) + tokens[0]
                    if index not in found or _ORDER.index(kind) < _ORDER.index(found[index]):
                        found[index] = kind
        return [(doc[i], found[i]) for i in sorted(found)]

    def _participant_heads(self, trigger: Token, kind: str, people: list[Span]) -> list[Token | None]:
        """Who left; a list ("defections by ranking officials, including Thae Yong Ho and a
        colonel of the General Bureau of Reconnaissance") gives one event each."""
        head = participants(trigger, kind, self.cues, people)
        if head is None and trigger.pos_ == "NOUN" and not is_mistagged_verb(trigger, self.cues):
            return _including(trigger)
        if head is None:
            return [None] if trigger.pos_ == "VERB" else []
        head = antecedent(head, trigger.doc, people)
        listed = _including(head) or (_including(trigger) if trigger.pos_ == "NOUN" and not is_mistagged_verb(
            trigger, self.cues) else [])
        if listed:
            return listed
        if trigger.pos_ == "NOUN" and trigger.tag_ == "NNS" and not is_mistagged_verb(trigger, self.cues):
            return []  # "elite defections have risen": a category
        return [head]

    def _read(self, trigger: Token, kind: str, head: Token | None, quantities: list[Span], people: list[Span],
              clusters: dict, refs: dict, listed: bool = False) -> Event | None:
        """What one trigger says of a defection by ``head`` (one of a list when ``listed``), or
        None when it tells none: nobody in particular, a share of a statistic, an aggregate, a
        batch returned, an arrest with no escape. A capture of someone told before ("Police
        detained her") is kept only if it joins their escape (``needs_story``)."""
        sentence = trigger.sent
        who = phrase(head, group=not listed) if head is not None else None
        if who is not None and who.start < trigger.i < who.end:  # a misparse hung the verb inside the subject's phrase
            start = _noun_start(head) if is_mistagged_verb(trigger, self.cues) else who.start
            end = trigger.i
            while end > start + 1 and who.doc[end - 1].lower_ in {",", "who", "that", "which", "had", "has", "have"}:
                end -= 1  # "Thae Yong-ho, the minister ..., who fled"
            who = who.doc[start:end]
        count, count_span = (None, None)
        if who is not None:
            if not is_animate(who, people, self.cues, trigger) or is_category(who, people, self.cues):
                return None
            if is_share_of_aggregate(head, self.cues, self.max_batch):
                return None  # "Only three of the 236 crossed the border directly"
            count, count_span = count_of(who, quantities, self.cues, trigger, people, head, group=not listed)
            stated = in_all(sentence)
            if stated is not None and (count is None or stated[0] >= count):
                count, count_span = stated  # "... with his wife and their two sons, four people in all"
        figures = starting_in(quantities, sentence.start, sentence.end)  # not q.sent: linear
        year, month, day = trigger_time(trigger, refs.get(sentence.start, []), figures, self.cues)
        if who is not None and is_aggregate(who, count, kind, trigger, self.cues, month is not None):
            return None
        failed = kind in _FAILED_KINDS
        if failed and (who is None or count is not None and count >= self.max_batch):
            return None  # a batch returned after fleeing separately is a count
        told_before = who is not None and (is_pronoun(who) or is_definite(who, trigger))
        untold = failed and not has_escape_context(trigger, who, self.cues)
        if untold and not told_before:
            return None  # an arrest, no escape
        event = Event(first=trigger, sentences=[sentence], who=who, count=count, count_span=count_span,
                       year=year, month=month, day=day, failed=failed, triggers=[trigger.text], needs_story=untold)
        if who is not None:
            event.people = people_in(who, people, clusters)
            event.people += [name for name in companion_names(trigger, people, clusters) if name not in event.people]
        return event

    def _merge(self, events: list[Event], new: Event, quantities: list[Span], people: list[Span],
               clusters: dict) -> None:
        """One defection told again is one record: the same person; "he", "they", "the soldier"
        after it; the same head-count on the same date; the headline's defection in the body.
        A defection told only by reference ("the two ...") that links to none is dropped."""
        again = tells_again(new.first, self.cues)
        same = next((old for old in reversed(events) if same_who(old, new)), None)  # "who had sailed south ... were sent back"
        if same is None and not again:
            same = next((old for old in reversed(events) if new.people and set(new.people) & set(old.people)), None)
        if same is None and new.who is not None and is_pronoun(new.who):
            same = self._by_antecedent(events, new, quantities, people, clusters, again)
            if same is None:
                return
        elif same is None and new.who is not None and is_definite(new.who, new.first) and not new.people:
            same = told_in_the_sentence(events, new) or next(
                (old for old in reversed(events[-3:]) if counts_agree(new, old)), None)
            if same is None and new.count is None:
                return  # "the soldier" with no soldier told before: nothing to add
        if same is None:
            same = next((old for old in events if same_date_and_count(new, old)), None)
        if same is None:
            only_headline = bool(events) and all(old.headline for old in events)
            same = next((old for old in events if old.headline and not new.headline
                         and tells_the_same(old, new, first_after=only_headline)), None)
        if same is None:
            if new.who is not None and not new.needs_story:
                events.append(new)
            return
        absorb(same, new)

    def _by_antecedent(self, events: list[Event], new: Event, quantities: list[Span], people: list[Span],
                       clusters: dict, again: bool = False) -> Event | None:
        """"He" or "they": an event told earlier in the same sentence ("sent the pair back after
        they were captured"), else the event of the subject of the sentence before, or a new one
        for that subject (also when the sentence tells another flight: "she fled a second time")."""
        sentence = new.first.sent
        for old in reversed(events):
            if any(s.start == sentence.start for s in old.sentences) and old.first.i < new.first.i:
                return old
        head = pronoun_antecedent(new.who, people, self.cues)
        if head is None:
            last = events[-1] if events and counts_agree(new, events[-1]) else None
            if again and last is not None and not new.needs_story:  # "In 2017 she fled a second time"
                new.people = list(last.people)
                events.append(new)
                return new
            return last
        who = phrase(head)
        if any(t.lower_ == "other" for t in who):
            return None  # "the other two said they wanted to go home": another group, no defection
        plural = head.morph.get("Number") == ["Plur"] and not any(t.like_num for t in who)
        if plural and not people_in(who, people, clusters):
            return None  # "they" for "the defected high-ranking officials": a category
        named = people_in(who, people, clusters)
        for old in [] if again else reversed(events):
            if old.who is not None and old.who.start <= head.i < old.who.end:
                return old
            if named and set(named) & set(old.people):  # "Hwang and Kim spent 34 days ..., they landed"
                return old
        if is_definite(who) and not again:  # "... the two men were allowed to fly ... they landed in Seoul"
            count, _ = count_of(who, quantities, self.cues, new.first, people)
            recent = [old for old in events[-3:] if count is None or old.count in {None, count}]
            return recent[-1] if recent else None
        if not is_animate(who, people, self.cues) or new.needs_story:
            return None
        new.who = who
        new.count, new.count_span = count_of(who, quantities, self.cues, new.first, people)
        new.people = people_in(who, people, clusters)
        events.append(new)
        return new

    def _span(self, doc: Doc, event: Event, clusters: dict, ents: Mentions, organizations: list[Span],
              names: dict[int, str], quantities: Mentions) -> Span:
        """The event as a span (its first telling) with the record's fields."""
        first = event.who if event.who is not None else doc[event.first.i : event.first.i + 1]
        start, end = min(first.start, event.first.i), max(first.end, event.first.i + 1)
        span = Span(doc, start, end, label="EVENT", span_id=f"{self.spans_key}:{event.triggers[0]}")
        span._.event = {
            "count": event.count,
            "year": event.year,
            "month": event.month,
            "places": places_in(_place_sentences(event), self.cues, ents),
            "people": event.people,
            "affiliations": organizations_in(event.who, organizations, clusters) if event.who is not None else [],
            "description": event.who.text if event.who is not None else event.first.sent.text.strip()[:120],
            "status": status(event.sentences, event.failed, self.cues),
            "composition": _composition(event.who),
            "trigger": event.first.text,
            "source": source_of(event.sentences[0], names),
            "count_span": list(event.count_span) if event.count_span else None,
            "who_span": [event.who.start, event.who.end] if event.who is not None else None,
            "group_spans": _group_spans(event, quantities),
            "sentences": [[s.start_char, s.end_char] for s in event.sentences],
            "rule": f"{self.spans_key}:{'+'.join(event.triggers)}",
        }
        return span


def _add_continuations(event: Event, events: list[Event], refs: dict, cues: Cues, people: list[Span],
                       clusters: dict) -> None:
    """The sentences that go on telling an event (see :mod:`pipeline.telling`), and the people
    named where they refer back ("The official, a man in his fifties surnamed Kang")."""
    told = {s.start for other in events if other is not event for s in other.sentences}
    for sentence, referent in continuations(event.sentences, event.who, event.count, event.year, told, refs, cues):
        event.sentences.append(sentence)
        if referent is not None and referent.dep_ in {"nsubj", "nsubjpass"}:
            event.people += [n for n in people_in(phrase(referent), people, clusters) if n not in event.people]


def _group_spans(event: Event, quantities: Mentions) -> list[list[int]]:
    """The numbers that tell who the event's people are, not figures of their own: those in the
    whole phrase of who left ("a fishing boat carrying two families, young children among them,
    crossed"), and the group that "the four" points back to ("a boat carrying four men sailed
    into Samcheok. Two of the four asked to stay")."""
    if event.who is None:
        return []
    root = event.who.root
    start, end = min(event.who.start, root.left_edge.i), max(event.who.end, root.right_edge.i + 1)
    found = [[q.start, q.end] for q in starting_in(quantities, start, end) if q.end <= end]
    named = {q._.quantity["value"] for q in starting_in(quantities, event.who.start, event.who.end)}
    for sentence in reference_sentences(event.sentences[0], event.who, event.first) or event.introduction:
        found += [[q.start, q.end] for q in starting_in(quantities, sentence.start, sentence.end)
                  if q._.quantity["value"] in named]
    return found


def _place_sentences(event: Event) -> list[Span]:
    """The words whose places are the event's: its sentences, the sentence its telling points
    back to ("Two of the four ...", "In that case ..."), and of a sentence that lists several
    defectors only the words of this one's item."""
    first = event.sentences[0]
    pointed = reference_sentences(first, event.who, event.first) or event.introduction
    if event.item is not None and event.item.sent.start == first.start:
        return pointed + [event.item] + event.sentences[1:]
    return pointed + event.sentences


def _add_introduction(event: Event, events: list[Event], people: list[Span], clusters: dict) -> None:
    """The sentence just before the telling that introduced those who left is part of it: the
    one "the three" stands for ("One woman from Hyesan ... taking her two children ... the three
    crossed the Yalu River"), or one that names the same defector ("a lawmaker disclosed that Jo
    Song-gil, the former acting ambassador in Italy, was living in the South. Jo left his post in
    Rome ..."). (Not the sentence a "he" stands for: it often tells something else, "... swam back
    to the North across the Han River estuary. He had reached South Korea three years earlier".)"""
    first = event.sentences[0]
    if first.start == 0 or event.who is None:
        return
    previous = first.doc[first.start - 1].sent
    if any(s.start == previous.start for other in events for s in other.sentences):
        return
    introduced = is_definite(event.who, event.first) and not is_pronoun(event.who)
    named = bool(set(people_in(previous, people, clusters)) & set(event.people))
    if introduced or named:
        event.introduction = [previous]


def _follows_a_defection(sentence: Span, events: list[Event]) -> bool:
    """The sentence before tells a defection: "Other high-profile cases including a cadre ...
    and an official with Office 39" after "a series of defections by ranking officials"."""
    if sentence.start == 0:
        return False
    previous = sentence.doc[sentence.start - 1].sent
    return any(s.start == previous.start for event in events for s in event.sentences)


def _noun_start(head: Token) -> int:
    """Where the words before a noun that belong to it begin ("a young man"), not an opening
    time phrase a misparse hung on it ("In July 2020, a young man")."""
    start = head.i
    while start > head.sent.start and head.doc[start - 1].pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM"} \
            and head.doc[start - 1].ent_type_ != "DATE":
        start -= 1
    return start


def _including(token: Token) -> list[Token]:
    """The listed heads after "including" ("Thae Yong Ho, ... and a colonel of the GBR"), or the
    objects of "have included" after "Defections by diplomats"."""
    objects: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"including", "among"}:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            break
    if not objects and token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_.lower() in {"include", "comprise"}:
        objects = [c for c in token.head.children if c.dep_ == "dobj"]
    if not objects or objects[0].pos_ == "PRON":
        return []  # "nine North Koreans, women and children among them": no list of defectors
    first = objects[0]
    listed = [first]
    for item in [first, *[c for c in first.children if c.dep_ == "appos"]]:
        listed += [c for c in item.children if c.dep_ == "conj"]
    for token in first.subtree:  # "a cadre ... who was dispatched to Russia and a European-based official", "official" hung on "Russia"
        if token.dep_ == "conj" and token not in listed and token.head.pos_ == "PROPN" and token.head.ent_type_ != "PERSON" \
                and token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children):
            listed.append(token)
    return listed


def _composition(who: Span | None) -> str | None:
    """"13 North Korean workers (12 female employees and one male manager)": the parenthesis."""
    if who is None:
        return None
    doc = who.doc
    for token in doc[who.start : min(len(doc), who.end + 1)]:
        if token.text == "(":
            close = next((t.i for t in doc[token.i : token.i + 15] if t.text == ")"), None)
            if close is not None:
                return doc[token.i + 1 : close].text
    return None


@Language.factory(
    "newsfacts_events",
    assigns=["doc.spans", "span._.event"],
    requires=["doc.spans", "span._.quantity", "span._.time", "doc._.published", "token.dep", "doc.ents"],
    default_config={"spans_key": EVENTS, "quantities_key": QUANTITIES_KEY, "times_key": TIMES_KEY, "max_batch": 50},
)
def make_events(nlp: Language, name: str, spans_key: str, quantities_key: str, times_key: str,
                max_batch: int) -> Events:
    """Defections, one record each, into ``doc.spans[spans_key]``."""
    register_extensions()
    return Events(nlp, spans_key, quantities_key, times_key, max_batch)
