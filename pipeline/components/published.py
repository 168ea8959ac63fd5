"""``newsfacts_published``: infer when an undated article was written, from its own text.

Relative dates ("last year") can only be resolved against a publication date. When metadata and
the caller gave none, the article usually betrays it, and this component collects the signs
from the time expressions of ``newsfacts_times`` and the numbers of ``newsfacts_quantities``:

- a figure restated with a relative and an explicit year: the headline's "1417 defectors
  entered South Korea last year" is the body's "in 2016 was 1417", so it was written in 2017;
- a year that names last year's figure: "Only 67 arrived last year. The 2022 figure was ...";
- a rare name restated the same way: "The Ningbo defection two years ago" beside "In April
  2016, 12 waitresses ... in Ningbo";
- an anniversary at the top: "Twenty-five years on", "its twentieth anniversary", counted from
  the earliest year the article names;
- failing those, the latest year named, except years spoken of as ahead ("would run out in
  June 2020"), and never before a lower bound: a relative year set beside the nearest explicit
  one ("63 in 2021 and 67 last year": 2023 or later), a year spoken of as over ("by the end of
  2024 the ministry had registered"), a present figure set against a past year ("down 6.9
  points from 43.8 percent in 2023"), "since December 2023"; with no lower bound, the year after
  the latest named when the article speaks of "last year" but never of "this year";
- an anniversary of a dated event anywhere ("the tenth anniversary of the death of Kim Jong Il
  in December 2011").
The arithmetic is the pure :func:`pipeline.normalize.dates.infer_publication_year`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import LOWER, SHAPE
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extensions import register_extensions
from ..normalize.dates import PublicationSigns, infer_publication_year
from ..normalize.numbers import parse_number_words
from ..normalize.times import TimeValue
from ..spans import sentence_starts, token_positions
from .quantities import QUANTITIES_KEY
from .times import TIMES_KEY

_MAX_PAIRS = 1000
_FIGURE_NOUNS = frozenset({"figure", "total", "number", "tally", "count", "level", "numbers", "figures"})
_NAME_LABELS = frozenset({"GPE", "ORG", "FAC", "LOC", "EVENT", "PERSON"})
_ANNIVERSARY_AFTER = frozenset({"on", "later", "after", "since"})
_HEAD_SENTENCES = 3
_ANNIVERSARY_REACH = 12
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
_PLAN_WORDS = frozenset({"due", "expect", "expected", "schedule", "scheduled", "plan", "aim", "intend", "set"})
_CLAUSE_LINKS = frozenset({"advcl", "xcomp", "conj"})  # clauses whose time follows their head's
_CONTRAST_WORDS = frozenset({"from", "against"})


@dataclass
class _Sentences:
    """The signs gathered per sentence (by index in the document)."""

    relative: list[tuple[int, int]] = field(default_factory=list)  # (sentence, offset in years)
    explicit: list[tuple[int, int]] = field(default_factory=list)  # (sentence, year)
    appositive: set[int] = field(default_factory=set)  # relative phrases naming an explicit year beside them
    figures: dict[int, set[float]] = field(default_factory=dict)  # restatable figures (not small)
    counted: set[int] = field(default_factory=set)  # sentences with any count or percentage
    names: dict[int, set[str]] = field(default_factory=dict)  # names of places, bodies, events
    named_relative: list[tuple[int, str, int]] = field(default_factory=list)  # (sentence, name, offset)
    relative_at: list[int] = field(default_factory=list)  # token index of each relative year
    explicit_at: list[int] = field(default_factory=list)  # token index of each explicit year
    prospective: set[int] = field(default_factory=set)  # explicit years spoken of as ahead ("will run until 2022")
    after_december: list[int] = field(default_factory=list)  # "since December 2023": written in 2024 or later


class PublishedInference:
    def __init__(self, min_restated_figure: int, times_key: str = TIMES_KEY,
                 quantities_key: str = QUANTITIES_KEY) -> None:
        self.min_restated_figure = min_restated_figure
        self.times_key = times_key
        self.quantities_key = quantities_key

    def __call__(self, doc: Doc) -> Doc:
        if doc._.published:
            return doc
        year = self.infer_year(doc)
        if year is not None:
            doc._.published = f"{year:04d}"
            doc._.published_source = "inferred"
        return doc

    def infer_year(self, doc: Doc) -> int | None:
        sentence_of = _sentence_index(doc)
        signs = self._gather(doc, sentence_of)
        return infer_publication_year(
            PublicationSigns(
                restatements=_pairs(signs.relative, signs.explicit, signs.figures),
                year_references=_year_references(doc, sentence_of, signs),
                name_restatements=_name_pairs(signs),
                anniversaries=_anniversaries(doc, sentence_of, signs),
                relative_offsets=[offset for _, offset in signs.relative],
                explicit_years=[year for index, (_, year) in enumerate(signs.explicit)
                                if index not in signs.prospective],
                lower_bounds=[*_lower_bounds(signs), *_completed_years(doc, signs), *_contrasts(doc, sentence_of, signs),
                              *signs.after_december],
            )
        )

    def _gather(self, doc: Doc, sentence_of: list[int]) -> _Sentences:
        signs = _Sentences()
        times = sorted(doc.spans.get(self.times_key, []), key=lambda span: span.start)
        for index, span in enumerate(times):
            value = TimeValue(**span._.time)
            sentence = sentence_of[span.start]
            if value.kind == "absolute":
                if value.month == 12 and span.start > 0 and doc[span.start - 1].lower_ == "since":
                    signs.after_december.append(value.years + 1)  # "the first launch since December 2023"
                if _prospective(span.root):
                    signs.prospective.add(len(signs.explicit))
                signs.explicit.append((sentence, value.years))
                signs.explicit_at.append(span.root.i)
            elif _is_relative_year(span, value):
                if any(_appositive(span, other) for other in times[max(0, index - 1) : index + 2]):
                    signs.appositive.add(len(signs.relative))
                signs.relative.append((sentence, value.years))
                signs.relative_at.append(span.start)
                name = _named_event(span)
                if name is not None and value.years < 0:  # "The Ningbo defection two years ago"
                    signs.named_relative.append((sentence, name, value.years))
        for span in doc.spans.get(self.quantities_key, []):
            quantity = span._.quantity
            if span.label_ in {"count", "percent"}:
                signs.counted.add(sentence_of[span.start])
                if quantity["value"] >= self.min_restated_figure:
                    signs.figures.setdefault(sentence_of[span.start], set()).add(quantity["value"])
        for ent in doc.ents:
            if ent.label_ in _NAME_LABELS:
                signs.names.setdefault(sentence_of[ent.start], set()).add(ent.text.lower())
        return signs


def _is_relative_year(span: Span, value: TimeValue) -> bool:
    """"last year", "this year", "two years ago", "April last year": a year counted from the
    publication date. Not "now" or "on Monday" (no year of their own) nor "last April"."""
    if value.kind != "relative" or value.month_offset is not None or value.which is not None:
        return False
    return "year" in span.text.lower() or value.years != 0


def _sentence_index(doc: Doc) -> list[int]:
    """For each token, the index of its sentence."""
    starts = sentence_starts(doc)
    index: list[int] = []
    for sentence, (start, end) in enumerate(zip(starts, [*starts[1:], len(doc)])):
        index += [sentence] * (end - start)
    return index


def _pairs(relative: list[tuple[int, int]], explicit: list[tuple[int, int]],
           shared: dict[int, set]) -> list[tuple[int, int]]:
    """(offset, year) for a relative and an explicit year in two sentences that share a figure
    (or a name); linear through an index, and capped: enough votes to decide."""
    by_item: dict[object, list[tuple[int, int]]] = {}
    for sentence, year in explicit:
        for item in shared.get(sentence, ()):
            by_item.setdefault(item, []).append((sentence, year))
    pairs: list[tuple[int, int]] = []
    for sentence, offset in relative:
        seen: set[tuple[int, int]] = set()
        for item in shared.get(sentence, ()):
            for other, year in by_item.get(item, ()):
                if other != sentence and (other, year) not in seen:
                    seen.add((other, year))
                    pairs.append((offset, year))
                    if len(pairs) >= _MAX_PAIRS:
                        return pairs
    return pairs


def _name_pairs(signs: _Sentences) -> list[tuple[int, int]]:
    """(offset, year) for a named thing dated by a relative year in one sentence and named in a
    sentence with an explicit year ("In April 2016, 12 waitresses ... in Ningbo")."""
    return [
        (offset, year)
        for sentence, name, offset in signs.named_relative
        for other, year in signs.explicit
        if other != sentence and name in signs.names.get(other, ())
    ][:_MAX_PAIRS]


def _named_event(span: Span) -> str | None:
    """"The Ningbo defection two years ago": the name of the thing a relative year dates, when
    the time modifies a noun that a name qualifies."""
    noun = span.root.head
    if noun.pos_ != "NOUN" or noun.i >= span.start:
        return None
    for child in noun.lefts:
        if child.ent_type_ in _NAME_LABELS and child.dep_ not in {"det", "poss"}:
            return child.text.lower()
    return None


def _year_references(doc: Doc, sentence_of: list[int], signs: _Sentences) -> list[tuple[int, int]]:
    """"Only 67 arrived last year. The 2022 figure was ...": (offset, year) when one of the two
    sentences after a relative year with a figure names "the YEAR figure"."""
    relative = {sentence: offset for sentence, offset in signs.relative if offset < 0 and sentence in signs.counted}
    found = []
    for token in (doc[i] for i in token_positions(doc, SHAPE, ["dddd"])):
        if not token.text.isdigit():
            continue
        head = token.head
        if token.dep_ in {"nummod", "compound", "amod"} and head.lower_ in _FIGURE_NOUNS and head.i > token.i:
            if any(child.lower_ == "the" for child in head.children):
                sentence = sentence_of[token.i]
                earlier = next((s for s in (sentence - 1, sentence - 2) if s in relative), None)
                if earlier is not None:
                    found.append((relative[earlier], int(token.text)))
    return found


def _anniversaries(doc: Doc, sentence_of: list[int], signs: _Sentences) -> list[int]:
    """"Twenty-five years on", "marks 20 years", "its twentieth anniversary" in the first
    sentences: so many years after the earliest year the article names."""
    if not signs.explicit:
        return []
    earliest = min(year for _, year in signs.explicit)
    found = [
        earliest + years
        for token in doc[: _head_end(sentence_of)]
        if (years := _anniversary_years(token))
    ]
    return found + _dated_anniversaries(doc, signs)


def _head_end(sentence_of: list[int]) -> int:
    """The index of the first token after the first sentences."""
    return next((i for i, sentence in enumerate(sentence_of) if sentence >= _HEAD_SENTENCES), len(sentence_of))


def _dated_anniversaries(doc: Doc, signs: _Sentences) -> list[int]:
    """"days before the tenth anniversary of the death of Kim Jong Il in December 2011": an
    anniversary of a dated event, anywhere in the article, is so many years after its year."""
    year_at = {position: year for (_, year), position in zip(signs.explicit, signs.explicit_at)}
    found = []
    for token in (doc[i] for i in token_positions(doc, LOWER, ["anniversary"])):
        if token.i == 0:
            continue
        years = _ordinal_value(doc[token.i - 1].lower_)
        # the year that closes the anniversary's phrase (the parse often hangs it on the verb)
        after = doc[token.i + 1 : min(token.sent.end, token.i + _ANNIVERSARY_REACH)]
        dated = next((year_at[t.i] for t in after if t.i in year_at), None)
        if years and dated is not None:
            found.append(dated + years)
    return found


def _anniversary_years(token) -> int | None:
    """The N of "N years on/later/have passed/marks N years" or "Nth anniversary", at ``token``."""
    doc = token.doc
    if token.lower_ == "anniversary" and token.i > 0:
        return _ordinal_value(doc[token.i - 1].lower_)
    if token.lower_ != "years" or token.i == 0:
        return None
    words = [t.lower_ for t in doc[max(0, token.i - 3) : token.i]]
    value = None
    for size in (3, 2, 1):
        text = words[-size:]
        value = float(text[-1]) if size == 1 and text[-1].isdigit() else parse_number_words(text)
        if value:
            break
    if not value:
        return None
    following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    verb = doc[token.i - 2].lower_ if token.i >= 2 else ""  # "marks 20 years"
    passed = following in {"have", "has"} and token.i + 2 < len(doc) and doc[token.i + 2].lower_ == "passed"
    if following in _ANNIVERSARY_AFTER or passed or verb in {"marks", "marked", "celebrates", "celebrated"}:
        return int(value)
    return None


_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "fifteenth": 15, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40,
    "fiftieth": 50, "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "eightieth": 80, "hundredth": 100,
}  # fmt: skip


def _ordinal_value(word: str) -> int | None:
    """"20th" -> 20, "twentieth" -> 20."""
    if word[:-2].isdigit() and word[-2:] in {"st", "nd", "rd", "th"}:
        return int(word[:-2])
    return _ORDINALS.get(word)


def _lower_bounds(signs: _Sentences) -> list[int]:
    """"63 in 2021 and 67 last year": a past relative year beside an explicit one in a sentence
    is a later year. Only the nearest explicit year counts: in "rose 21 percent in 2024 ... from
    282 in 2023 to 303 last year" last year is after 2023, and may well be 2024. (Not "this
    year": "2,183 this year, says the 2014 survey" names one year twice.)"""
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for (sentence, year), position in zip(signs.explicit, signs.explicit_at):
        by_sentence.setdefault(sentence, []).append((position, year))
    bounds = []
    for index, ((sentence, offset), position) in enumerate(zip(signs.relative, signs.relative_at)):
        if offset >= 0 or index in signs.appositive or sentence not in by_sentence:
            continue
        _, year = min(by_sentence[sentence], key=lambda item: abs(item[0] - position))
        bounds.append(year - offset + 1)
    return bounds


def _prospective(token: Token) -> bool:
    """A year spoken of as ahead ("will run until 2022", "would run out in June 2020", "is due
    to end in 2030"): it says nothing about when the article was written."""
    for ancestor in (token, *token.ancestors):
        if ancestor.pos_ not in {"VERB", "AUX"}:
            continue
        if any(child.dep_ == "aux" and child.lower_ in _FUTURE_AUX for child in ancestor.children):
            return True
        if ancestor.dep_ == "xcomp" and ancestor.head.lemma_.lower() in _PLAN_WORDS:
            return True
        if ancestor.dep_ not in _CLAUSE_LINKS:  # "stocks bought in 2018 would run out": 2018 is past
            return False
    return False


def _completed_years(doc: Doc, signs: _Sentences) -> list[int]:
    """"By the end of 2024 the ministry had registered 34,314": a year spoken of as over, in the
    past tense, was over when the article was written."""
    bounds = []
    for index, ((_, year), position) in enumerate(zip(signs.explicit, signs.explicit_at)):
        token = doc[position]
        if index in signs.prospective or token.i < 2:
            continue
        if doc[token.i - 1].lower_ != "of" or doc[token.i - 2].lower_ not in {"end", "all", "whole"}:
            continue
        verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if verb is not None and (verb.tag_ == "VBD" or any(c.lower_ == "had" for c in verb.children)):
            bounds.append(year + 1)
    return bounds


def _contrasts(doc: Doc, sentence_of: list[int], signs: _Sentences) -> list[int]:
    """"The figure is down 6.9 points from 43.8 percent in 2023", "This year the payment was
    raised to $900, from $700 in 2023": a present value set against a past year's is later than
    that year. Only when the sentence names no other year and speaks of now (a present-tense
    verb, "now" or "this year")."""
    years_in: dict[int, int] = {}
    for sentence, _ in signs.explicit:
        years_in[sentence] = years_in.get(sentence, 0) + 1
    current = {sentence for sentence, offset in signs.relative if offset == 0}
    bounds = []
    for (sentence, year), position in zip(signs.explicit, signs.explicit_at):
        if years_in[sentence] != 1:
            continue
        window = doc[max(0, position - 7) : position]
        if not any(t.lower_ in _CONTRAST_WORDS for t in window) or any(t.lower_ == "to" for t in window):
            continue
        root = doc[position].sent.root
        if sentence in current or root.tag_ in {"VBZ", "VBP"} or any(
            c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBZ", "VBP"} for c in root.children
        ):
            bounds.append(year + 1)
    return bounds


def _appositive(relative: Span, other: Span) -> bool:
    """"last year (2016)", "2016, last year": the two name the same year."""
    if other is relative or TimeValue(**other._.time).kind != "absolute":
        return False
    first, second = (relative, other) if relative.start < other.start else (other, relative)
    between = relative.doc[first.end : second.start]
    return len(between) <= 2 and all(t.is_punct for t in between)


@Language.factory(
    "newsfacts_published",
    assigns=["doc._.published", "doc._.published_source"],
    requires=["doc.spans", "span._.time", "span._.quantity", "doc.ents", "doc.sents"],
    # Small numbers (ages, days, "ten workers") repeat by chance, so they cannot date an article.
    default_config={"min_restated_figure": 100, "times_key": TIMES_KEY, "quantities_key": QUANTITIES_KEY},
)
def make_published(nlp: Language, name: str, min_restated_figure: int, times_key: str,
                   quantities_key: str) -> PublishedInference:
    """Infer an undated article's year into ``doc._.published`` (never overriding a given one)."""
    register_extensions()
    return PublishedInference(min_restated_figure, times_key, quantities_key)
