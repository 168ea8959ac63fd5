"""``newsfacts_times``: time expressions into ``doc.spans["times"]``, each with ``span._.time``.

The phrases are found by a ``Matcher`` over the patterns of ``times.jsonl`` ("November 2016",
"FY2021", "April last year", "the previous year", "the 2010s" ...) and read by the pure
:func:`pipeline.normalize.times.parse_time`; ``span._.time`` holds the resulting value as a dict.
Resolution against the publication date happens later, in the components that pair times with
figures, because the date may itself be inferred from the text.

A lone four-digit number is a year only when the sentence reads it as one ("in 2016", "the 2014
survey", "2016's"); "2016 defectors", "was 1417" and "to 2000 in 2019" are counts, judged by
:func:`reads_as_year`.
"""

# No "from __future__ import annotations": spaCy builds a model of initialize()'s signature.
from dataclasses import asdict

from spacy.attrs import LOWER, SHAPE
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .. import data
from ..extensions import register_extensions
from ..normalize.numbers import is_number_word, parse_digits
from ..normalize.times import parse_month, parse_time, parse_year
from ..prefilter import required_values
from .tables import Tables, TableComponent

TIMES_KEY = "times"
_YEAR_PREPOSITIONS = frozenset(
    {"in", "since", "until", "till", "by", "from", "to", "of", "during", "before", "after", "between", "through",
     "and", "or", ",", "for", "as", "into", "throughout", "early", "late", "mid", "around", "circa", "c."}
)  # fmt: skip
_COUNT_VERBS = frozenset(
    {"reached", "reach", "totaled", "totalled", "numbered", "exceeded", "topped", "hit", "counted", "recorded",
     "registered"}
)  # fmt: skip
_CHANGE_VERBS = frozenset(
    {"rose", "fell", "dropped", "climbed", "increased", "decreased", "grew", "declined", "jumped", "slid", "plunged",
     "surged", "shrank", "rise", "fall", "drop", "climb", "increase", "decrease", "grow", "decline", "risen", "fallen"}
)  # fmt: skip
_QUALIFIER_WORDS = frozenset(
    {"than", "about", "nearly", "almost", "some", "around", "roughly", "approximately", "over", "under", "least",
     "estimated", "just", "only"}
)  # fmt: skip
_DETERMINERS = frozenset({"the", "its", "their", "this", "that", "last", "whose"})
_NAMED_LABELS = frozenset({"ORG", "PERSON", "FAC", "LAW", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP", "GPE"})


class TimeFinder(TableComponent):
    TABLES = {data.TIMES: data.TokenPattern}

    def __init__(self, nlp: Language, spans_key: str = TIMES_KEY) -> None:
        self.vocab = nlp.vocab
        self.spans_key = spans_key
        self.groups: list[_AnchorGroup] = []

    def build(self, tables: Tables) -> None:
        self.groups = _AnchorGroup.of(self.vocab, [(row.id, row.pattern) for row in tables[data.TIMES]])

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_initialized()
        found = []
        tagged = doc.has_annotation("POS")
        positions = _Positions(doc)
        for group in self.groups:  # each group's matcher only where its anchor word is
            matcher = group.matcher if tagged else group.untagged
            for window in group.windows(doc, positions):
                for match in matcher(window, as_spans=True):
                    span = Span(doc, match.start, match.end, label="TIME", span_id=match.label_)
                    if _is_time(span):
                        found.append(span)
        found.sort(key=lambda span: (span.start, span.end))  # the order of one matcher over the doc
        spans = []
        for span in filter_spans(found):
            value = parse_time([t.text for t in span])
            if value is not None:
                span._.time = asdict(value)
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


class _Positions:
    """Where each lower-cased word and each token shape of a doc is, read in one pass over its
    array (by the string store's hashes)."""

    def __init__(self, doc: Doc) -> None:
        self.lowers: dict[int, list[int]] = {}
        self.shapes: dict[int, list[int]] = {}
        for i, (lower, shape) in enumerate(doc.to_array([LOWER, SHAPE]).tolist() if len(doc) else []):
            self.lowers.setdefault(lower, []).append(i)
            self.shapes.setdefault(shape, []).append(i)

    def of(self, key: str, values: frozenset[str]) -> list[int]:
        table = self.lowers if key == "LOWER" else self.shapes
        return sorted(i for value in values for i in table.get(get_string_id(value), ()))


class _AnchorGroup:
    """The patterns that share an anchor: a word or token shape without which none of them can
    match (a month, "year", a four-digit shape ...), the rarest each pattern requires. Their
    matcher runs only on the stretches around the anchor; most of a news text holds none."""

    def __init__(self, vocab, anchor: tuple[str, frozenset[str]] | None) -> None:
        self.anchor = anchor
        self.matcher = Matcher(vocab, validate=True)
        self.untagged = Matcher(vocab, validate=True)  # for docs with no part-of-speech tags
        self.reach = 1

    @classmethod
    def of(cls, vocab, rows: list[tuple[str, list[dict]]]) -> list["_AnchorGroup"]:
        groups: dict[tuple[str, frozenset[str]] | None, _AnchorGroup] = {}
        for rule, pattern in rows:
            choices = [choice for token in pattern if token.get("OP") is None
                       for choice in [required_values(token)] if choice is not None]
            anchor = min(choices, key=lambda choice: sum(v in _COMMON for v in choice[1]) > 0) if choices else None
            if any(token.get("OP") in {"+", "*"} for token in pattern):
                anchor = None  # no bound on how far such a match reaches: run it everywhere
            group = groups.setdefault(anchor, cls(vocab, anchor))
            group.matcher.add(rule, [pattern])
            group.untagged.add(rule, [[{k: v for k, v in token.items() if k != "POS"} for token in pattern]])
            group.reach = max(group.reach, len(pattern))
        return list(groups.values())

    def windows(self, doc: Doc, positions: _Positions) -> list[Span]:
        if self.anchor is None:
            return [doc[:]] if len(doc) else []
        ranges: list[list[int]] = []
        for i in positions.of(*self.anchor):
            start, end = max(0, i - self.reach + 1), min(len(doc), i + self.reach)
            if ranges and start <= ranges[-1][1]:
                ranges[-1][1] = end
            else:
                ranges.append([start, end])
        return [doc[start:end] for start, end in ranges]


# Values too common to stand for a pattern when a rarer token of it can: "the" in "the
# previous year" (take "year"), "two" in "two years ago", a one- or two-digit number.
_COMMON = frozenset({"the", "a", "an", "to", "that", "this", "at", "from", "between", "so", "last", "next",
                     "past", "same", "earlier", "later", "one", "two", "three", "four", "five", "six", "seven",
                     "eight", "nine", "ten", "eleven", "twelve", "few", "several", "d", "dd", "of", "in"})  # fmt: skip


def _is_time(span: Span) -> bool:
    """Drop matches that are not times here: a count written like a year, a name with a year
    or a month in it ("the 1951 Refugee Convention", "March First Movement")."""
    if any(token.ent_type_ in _NAMED_LABELS for token in span) and not _mislabelled_fiscal_year(span):
        return False
    if _before_an_event(span):
        return False
    if len(span) == 1 and parse_year(span[0].text) is not None:
        return reads_as_year(span[0])
    if len(span) == 1 and parse_month(span[0].text) is not None:
        return _reads_as_month(span[0])
    return True


def _before_an_event(span: Span) -> bool:
    """"a year before the pandemic", "the year after the war": counted from an event named as
    the object of "before"/"after", not from a year the text named ("1,000 a year before the
    pandemic" is a rate, at that). "Four years after two defectors were elected" (a clause)
    is read elsewhere."""
    last = span[-1]
    if last.lower_ not in {"before", "after"}:
        return False
    return any(child.dep_ == "pobj" and child.i >= span.end for child in last.children)


def _mislabelled_fiscal_year(span: Span) -> bool:
    """"FY2024" that the model took for a product on its own is a fiscal year; inside a longer
    name ("the FY2024 Appropriations Act") it stays part of the name."""
    value = parse_time([t.text for t in span])
    if value is None or not value.fiscal:
        return False
    doc = span.doc
    return span[0].ent_iob_ == "B" and (span.end == len(doc) or doc[span.end].ent_iob_ != "I")


def reads_as_year(token: Token) -> bool:
    """A four-digit number in the year range that the sentence reads as a year.

    A count when it modifies a plural noun ("2016 defectors"), follows a qualifier ("more than
    2000") or a verb that takes a figure ("was 2000", "rose to 2000"), or is followed by "in
    YEAR" ("2000 in 2019"); a year after a month or a year preposition ("in 2016"), before "'s",
    or modifying a singular noun ("the 2014 survey").
    """
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    after_next = doc[token.i + 2] if token.i + 2 < len(doc) else None
    if before is not None and parse_month(before.text) is not None:
        return True
    if before is not None and before.lower_ in {"in", "since", "until", "during", "before", "after", "from"}:
        return True  # "in 2020", even before a word the parser took for a plural noun
    if after is not None and after.text in {"'s", "’s"}:
        return True
    if before is not None and before.lower_ in _DETERMINERS and token.ent_type_ == "DATE":
        return True  # "the 2023 arrivals", "its 2019 figures": the model reads a date, not a count
    if after is not None and after.tag_ in {"NNS", "NNPS"} and not after.is_title:
        return False  # "2016 defectors"
    if token.dep_ == "nummod" and token.head.i > token.i and token.head.tag_ in {"NNS", "NNPS"}:
        return False
    if before is not None and before.lower_ in _QUALIFIER_WORDS:
        return False
    if after is not None and after_next is not None and after.lower_ in {"in", "by", "during"}:
        if parse_year(after_next.text) is not None or after_next.lower_ in {"last", "this"}:
            return False  # "2000 in 2019", "2000 last year"
    if before is not None and before.lower_ in _COUNT_VERBS:
        return False
    if before is not None and before.lower_ == "to" and token.i > 1 and doc[token.i - 2].lower_ in _CHANGE_VERBS:
        return False  # "rose to 2000"
    return True


def _reads_as_month(token: Token) -> bool:
    """"in April", "since March" and "April 2016" read as months; "May" the verb, a person called
    "April" and "March" the noun do not."""
    if token.pos_ in {"AUX", "VERB"} or token.tag_ == "MD":
        return False
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and before.lower_ in {"in", "since", "until", "till", "by", "from", "to", "early", "late",
                                                 "mid", "of", "last", "this", "next", "during", "between", "and",
                                                 "through", "before", "after", "end", "since", "mid-"}:
        return True
    if after is not None and (parse_digits(after.text) is not None or is_number_word(after.text)):
        return True
    return token.ent_type_ == "DATE"


@Language.factory(
    "newsfacts_times",
    assigns=["doc.spans", "span._.time"],
    requires=["token.dep", "token.tag", "token.ent_type"],
    default_config={"spans_key": TIMES_KEY},
)
def make_times(nlp: Language, name: str, spans_key: str) -> TimeFinder:
    """Find time expressions ("November 2016", "last year", "the 2010s") into ``doc.spans``."""
    register_extensions()
    return TimeFinder(nlp, spans_key)
