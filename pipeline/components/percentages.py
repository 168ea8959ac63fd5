"""``newsfacts_percentages``: every percentage, with its direction and the years it compares.

Reads the percent quantities of ``newsfacts_quantities`` ("11%", "11 percent", "11 per cent",
"eleven percent", "11 percentage points") and, from the parse around each:

- ``direction``: ``increase``/``decrease`` when it is the size of a change ("a rise of 11%",
  "fell by 4.5 percentage points", "13.1% more than on Oct. 27", "down 9 percent"), ``share``
  when it is a part or a level ("72% of them", "accounted for 85 percent", "rose to 60.5%"),
  null for a rate that is neither (interest, a cap) or a gap between groups ("30 percent less
  than crews from Central Asia"); the cue words are data (``percentages.jsonl``);
- ``year``: the time of its own sentence, paired as counts are (:mod:`pipeline.pairing`);
- ``base_year``: for a change, the year it is measured against ("compared to 2015", "than in
  2019", "from the year before", "since last year", "year on year").
A range ("between 60 and 80 percent") is two percentages; a percentage stated twice with the
same value and years is one.
"""

# No "from __future__ import annotations": spaCy builds a model of initialize()'s signature.
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import data
from ..attribution import entity_names, source_of
from ..extensions import register_extensions
from ..kinds import PERCENTAGES
from ..spans import headline_end
from ..pairing import Pairing, TimeRef, figure_times, pair, pair_sentence, time_refs
from .quantities import QUANTITIES_KEY
from .tables import Tables, TableComponent
from .times import TIMES_KEY

_UNITS = frozenset({"%", "percent", "cent", "points", "point", "pct"})
_COMPARATIVES = frozenset({"more", "less", "higher", "lower", "above", "below", "up", "down", "fewer", "greater",
                           "smaller", "larger", "ahead", "cheaper", "bigger"})  # fmt: skip


class Percentages(TableComponent):
    TABLES = {data.PERCENTAGES: data.Cue}

    def __init__(self, spans_key: str = PERCENTAGES, quantities_key: str = QUANTITIES_KEY,
                 times_key: str = TIMES_KEY) -> None:
        self.spans_key = spans_key
        self.quantities_key = quantities_key
        self.times_key = times_key
        self.cues: dict[str, frozenset[str]] = {}

    def build(self, tables: Tables) -> None:
        roles: dict[str, set[str]] = {}
        for cue in tables[data.PERCENTAGES]:
            roles.setdefault(cue.role, set()).add(cue.phrase)
        self.cues = {role: frozenset(phrases) for role, phrases in roles.items()}

    def cue(self, role: str, word: str) -> bool:
        return word.lower() in self.cues.get(role, ())

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_initialized()
        figures = [span for span in doc.spans.get(self.quantities_key, []) if span.label_ in {"count", "percent"}]
        if not any(span.label_ == "percent" for span in figures):
            doc.spans[self.spans_key] = []  # no percentage: nothing to place in time
            return doc
        published = doc._.published
        refs = time_refs(doc, list(doc.spans.get(self.times_key, [])), published)
        names = entity_names(doc)
        by_sentence: dict[int, list[Span]] = {}
        for span in figures:
            by_sentence.setdefault(span.sent.start, []).append(span)
        found: list[Span] = []
        stated: set[tuple[Any, ...]] = set()
        for start, figures in by_sentence.items():
            percents = [f for f in figures if f.label_ == "percent"]
            if not percents:
                continue
            sentence_refs = figure_times(refs.get(start, []))
            paired = pair_sentence(figures, sentence_refs)
            source = source_of(percents[0].sent, names)
            previous_base: int | None = None
            for percent in percents:
                facts = self._facts(percent, sentence_refs, paired.get(percent.start), percents, published, source)
                for fact in facts:  # "35% more than it did in April, and corn about 20% more"
                    if fact["direction"] in {"increase", "decrease"}:
                        if fact["base_year"] is None and previous_base is not None and fact["year"] is not None:
                            fact["base_year"] = previous_base
                        previous_base = fact["base_year"] if fact["base_year"] is not None else previous_base
                facts = [f for f in facts if _statement(f) not in stated]
                stated.update(_statement(f) for f in facts)
                if facts:
                    span = Span(doc, percent.start, _unit_end(percent), label="PERCENTAGE", span_id=facts[0]["rule"])
                    span._.percentage = facts
                    found.append(span)
        doc.spans[self.spans_key] = _without_headline_repeats(doc, found)
        return doc

    def _facts(self, percent: Span, refs: list[TimeRef], pairing: Pairing | None, percents: list[Span],
               published: str | None, source: str | None) -> list[dict[str, Any]]:
        quantity = percent._.quantity
        anchor = _anchor(_list_head(percent, percents))
        times = {i for ref in refs for i in range(ref.span.start, ref.span.end)}
        direction = self._direction(anchor, times)
        base, since = self._base(anchor, refs, direction)
        year = None
        if pairing is not None and len(pairing.refs) == 1 and pairing.refs[0] is base:
            # "22 percent below the $2.79 billion recorded in 2019": look past the base
            pairing = pair(percent, [r for r in refs if r is not base], {}, percents)
        if pairing is not None and len(pairing.refs) == 1:
            own = pairing.refs[0]
            if own is not base and own.resolved is not None:
                year = own.resolved.year
        if since and published:
            year = int(published[:4])  # "up 50 per cent since last year": measured to the present
        base_year = base.resolved.year if base is not None and base.resolved is not None else None
        rule = pairing.rule if pairing else "no_time"
        if direction in {"increase", "decrease"}:
            for how, ends in (("period", _period_ends(anchor, refs)), ("summary", self._summarised_years(anchor, refs))):
                if ends is not None and base_year in {None, *ends} and year in {None, *ends}:
                    (base_year, year), rule = ends, how
                    break
        if base_year is None and direction in {"increase", "decrease"} and year is not None and self._year_on_year(percent):
            base_year = year - 1
        values = [quantity["value"]] + ([quantity["max"]] if quantity["max"] is not None else [])
        return [
            {
                "value": value,
                "direction": direction,
                "points": bool(quantity["points"]),
                "subject": _subject(anchor),
                "year": year,
                "base_year": base_year,
                "source": source,
                "rule": f"{self.spans_key}:{rule}",
            }
            for value in values
        ]

    def _direction(self, anchor: Token, times: set[int]) -> str | None:
        """increase / decrease / share / None, from the words that govern the percentage (and
        ``times``, the tokens of its sentence's time expressions)."""
        head = anchor.head
        if self._no_direction(anchor):
            return None
        if anchor.dep_ == "pobj" and head.dep_ in {"prep", "agent"}:
            governor = head.head
            word = head.lower_
            if word in {"of", "by"} and self._change(governor):
                return self._change(governor)
            if word in {"to", "from", "at", "for"} or word == "of":
                return "share"
            return "share"
        if anchor.dep_ in {"npadvmod", "advmod", "dobj", "attr", "nummod", "amod", "compound"}:
            if head.lower_ in _COMPARATIVES:
                if self._compared_with_a_group(head, times):
                    return None
                return self._change(head)
            if head.pos_ in {"VERB", "AUX"} and self._change(head):
                return self._change(head)
            if head.pos_ == "NOUN" and self._change(head) and anchor.dep_ in {"amod", "nummod", "compound"}:
                return self._change(head)  # "a 20 percent rise"
        return "share"

    def _change(self, token: Token) -> str | None:
        for word in (token.lower_, token.lemma_.lower()):
            if self.cue("increase", word):
                return "increase"
            if self.cue("decrease", word):
                return "decrease"
        return None

    def _no_direction(self, anchor: Token) -> bool:
        """"interest of 10 percent", "capped at 5 percent": a rate, neither a part nor a change."""
        for token in (anchor.head, anchor.head.head, anchor.head.head.head):
            if self.cue("no_direction", token.lower_) or self.cue("no_direction", token.lemma_.lower()):
                return True
        return False

    def _compared_with_a_group(self, comparative: Token, times: set[int]) -> bool:
        """"30 percent less than crews from Central Asia": compared with another group, not with
        another time ("than in 2019", "than it did in April", "than last year's", "than in
        FY2024" whatever the model labels it)."""
        for child in comparative.children:
            if child.lower_ in {"than", "of"}:
                objects = [t for t in child.subtree if t.i != child.i]
                if objects and not any(t.i in times or t.ent_type_ in {"DATE", "TIME"} or t.pos_ in {"VERB", "AUX"} or t.lower_ in
                                       {"year", "month", "week", "'s"} for t in objects):
                    return True
        return False

    def _base(self, anchor: Token, refs: list[TimeRef], direction: str | None) -> tuple[TimeRef | None, bool]:
        """The time a change is measured against ("compared to 2015", "than in 2019", "a drop of
        78% from 1,047 in 2019", "on last year's 2,022", "below its 2019 level"), and whether it
        runs to the present ("since last year")."""
        if direction not in {"increase", "decrease"}:
            return None, False
        inside: set[int] = set()
        since: set[int] = set()
        for governor in _governors(anchor):
            for child in _base_phrases(governor):
                tokens = {t.i for t in child.subtree}
                if child.lower_ != "since":  # "from 196 the year before": the base's time follows its figure
                    tokens |= _time_after(child, refs)
                (since if child.lower_ == "since" else inside).update(tokens)
            if governor.lower_ in {"below", "above"} and governor.dep_ == "prep":
                inside.update(t.i for t in governor.subtree)
        inside |= _after_than(anchor)
        candidates = [r for r in refs if r.base or r.span.root.i in inside]
        if candidates:
            return min(candidates, key=lambda r: abs(r.span.start - anchor.i)), False
        for ref in refs:
            if ref.span.root.i in since:
                return ref, True
        return None, False

    def _summarised_years(self, anchor: Token, refs: list[TimeRef]) -> tuple[int, int] | None:
        """A change named after the figures it sums up, set off by a comma ("stood at 95 billion
        won in FY2019 and 102 billion won in FY2024, a rise of 7 percent", "fell from 2,706 in
        2011 to 1,502 in 2012, a decline of 44.5%"): the two years named before it are its base
        and its year."""
        noun = next((t for t in _governors(anchor) if t.pos_ == "NOUN" and self._change(t) and _set_off(t)), None)
        if noun is None:
            return None
        years = {r.resolved.year for r in refs if r.span.end <= noun.i and r.resolved is not None}
        return (min(years), max(years)) if len(years) == 2 else None

    def _year_on_year(self, percent: Span) -> bool:
        text = percent.sent.text.lower()
        return any(cue in text for cue in self.cues.get("base_cue", ()))


_BASE_PREPOSITIONS = frozenset({"from", "on", "over", "than", "compared", "against", "since", "below", "above"})


def _base_phrases(governor: Token) -> list[Token]:
    """The prepositions that introduce a base under ``governor``, also below an "up"/"down"
    ("accounted for 41.2%, up from 28.5% in 2023")."""
    found = []
    for child in governor.children:
        if child.dep_ == "prep" and child.lower_ in _BASE_PREPOSITIONS:
            found.append(child)
        elif child.dep_ == "advmod" and child.lower_ in {"up", "down"}:
            found += [c for c in child.children if c.dep_ == "prep" and c.lower_ in _BASE_PREPOSITIONS]
    return found


def _set_off(noun: Token) -> bool:
    """A noun phrase set off from what comes before it: ", a drop of 62 percent"."""
    start = noun.left_edge.i
    return start > 0 and noun.doc[start - 1].text in {",", "\u2014", "\u2013", "-", ";"}


def _period_ends(anchor: Token, refs: list[TimeRef]) -> tuple[int, int] | None:
    """The first and last years of a change measured over a period given by its ends: "fell
    30 percent between 2015 and 2020", "the drop of 12 points between FY2020 and FY2023",
    "rose 9 percent from 2019 to 2022"."""
    near = {anchor.i} | {t.i for t in _governors(anchor)}
    for index, ref in enumerate(refs):
        if ref.attach not in near:
            continue
        if ref.value.kind == "span" and len(ref.years) > 1 and ref.span[0].lower_ in {"between", "from"}:
            return ref.years[0], ref.years[-1]
        if ref.preposition in {"between", "from"} and ref.resolved is not None:
            partner = next((r for r in refs[index + 1 :] if r.group == ref.group or r.preposition in {"to", "until"}), None)
            if partner is not None and partner.resolved is not None and partner.resolved.year > ref.resolved.year:
                return ref.resolved.year, partner.resolved.year
    return None


def _time_after(preposition: Token, refs: list[TimeRef]) -> set[int]:
    """The tokens of a time that directly follows a base phrase ("from 196 the year before"),
    its own preposition between them or not ("from 96.7 percent in 2022": the parser often
    hangs that "in" beside the "from")."""
    end = preposition.right_edge.i + 1
    doc = preposition.doc
    starts = {end}
    if end < len(doc) and doc[end].lower_ in {"in", "during"}:
        starts.add(end + 1)
    for ref in refs:
        if ref.span.start in starts:
            return set(range(ref.span.start, ref.span.end))
    return set()


def _governors(anchor: Token) -> list[Token]:
    """The words above a percentage up to its verb: "rise" and "was" in "was a rise of 11%"."""
    chain, token = [], anchor
    for _ in range(4):
        if token.head.i == token.i:
            break
        token = token.head
        chain.append(token)
        if token.pos_ in {"VERB", "AUX"}:
            break
    return chain


def _after_than(anchor: Token) -> set[int]:
    """The words after the "than" of a comparison: "35% more than it did in April"."""
    doc = anchor.doc
    for token in doc[anchor.i + 1 : min(len(doc), anchor.i + 5)]:
        if token.lower_ == "than":
            return set(range(token.i + 1, min(token.sent.end, token.i + 8)))
    return set()


def _without_headline_repeats(doc: Doc, spans: list[Span]) -> list[Span]:
    """A headline figure with no time of its own ("Record-Low 36.9% of South Koreans ...") is
    the body's figure with its time ("Just 36.9 percent ... now say"): one statement."""
    end = headline_end(doc)
    if not end:
        return spans
    body = [f for span in spans if span.start_char >= end for f in span._.percentage]
    kept = []
    for span in spans:
        if span.end_char <= end:
            span._.percentage = [
                f for f in span._.percentage
                if not any(f["value"] == b["value"] and f["points"] == b["points"] and f["year"] in {None, b["year"]}
                           for b in body)
            ]
            if not span._.percentage:
                continue
        kept.append(span)
    return kept


def _statement(fact: dict[str, Any]) -> tuple[Any, ...]:
    """What makes two percentages the same statement (headline, then body)."""
    return fact["value"], fact["points"], fact["direction"], fact["year"], fact["base_year"]


def _anchor(percent: Span) -> Token:
    """The word that stands for the percentage in the parse: "percent" in "85 percent", "cent"
    in "80 per cent", "points" in "4.5 percentage points", or the number itself when the unit
    hangs below it."""
    number = percent[-1]
    heads = {number.head.i, number.head.head.i}  # "14 and 15 percent": 15 -> 14 -> percent
    for following in percent.doc[percent.end : _unit_end(percent)]:
        if following.lower_ in _UNITS and following.i in heads:
            return following
    return number


def _list_head(percent: Span, percents: list[Span]) -> Span:
    """In "increases of 14 and 15 percent" the first number takes its reading from the last."""
    doc = percent.doc
    current = percent
    for other in sorted(percents, key=lambda p: p.start):
        if other.start < current.end:
            continue
        between = doc[current.end : other.start]
        if _unit_end(current) == current.end and 0 < len(between) <= 2 and all(t.text in {",", "and", "or"} for t in between):
            current = other
        else:
            break
    return current


def _unit_end(percent: Span) -> int:
    """The end of the percentage with its unit ("11%", "11 per cent", "4.5 percentage points")."""
    doc, end = percent.doc, percent.end
    while end < len(doc) and end < percent.end + 3 and doc[end].lower_ in {"%", "percent", "per", "cent", "pct",
                                                                          "percentage", "points", "point"}:
        end += 1
    return end


def _subject(anchor: Token) -> str:
    """What the percentage is of or about, as a short phrase: "of the population", "women"."""
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "among"}:
            objects = [t for t in child.children if t.dep_ == "pobj"]
            if objects:
                return anchor.doc[objects[0].left_edge.i : objects[0].i + 1].text
    verb = anchor
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.i != anchor.i:
            return anchor.doc[child.left_edge.i : child.i + 1].text
    return ""


@Language.factory(
    "newsfacts_percentages",
    assigns=["doc.spans", "span._.percentage"],
    requires=["doc.spans", "span._.quantity", "span._.time", "doc._.published", "token.dep"],
    default_config={"spans_key": PERCENTAGES, "quantities_key": QUANTITIES_KEY, "times_key": TIMES_KEY},
)
def make_percentages(nlp: Language, name: str, spans_key: str, quantities_key: str, times_key: str) -> Percentages:
    """Every percentage with its direction, year and base year, into ``doc.spans[spans_key]``."""
    register_extensions()
    return Percentages(spans_key, quantities_key, times_key)
