"""``newsfacts_quantities``: every number in the text, what kind of number it is, and its hedge.

Each number expression ("1,417", "1.4 million", "twenty-three", "a dozen", "some 500 to 600",
"between 10 and 20", "two or three") becomes a span in ``doc.spans["quantities"]`` labelled with
its kind, with ``span._.quantity``:

``{"value": 500.0, "max": 600.0 or None, "kind": "count", "qualifier": "range", "points": False}``

Kinds: ``count`` (a count of something: what year_counts are made of), ``percent``, ``money``,
``measure`` (tonnes, kilometres), ``duration`` ("15 years in prison"), ``age``, ``rate`` ("40 a
day"), ``multiplier`` ("5.3-fold"), ``fraction`` ("one in five"), ``label`` (a number in a name:
"Office 39", "Table 2", "Resolution 2397"), ``citation`` ("[12]"), ``clock`` ("10 a.m."),
``ordinal``. Vague amounts ("hundreds of", "dozens") are no numbers. Tokens of a time
expression (``doc.spans["times"]``) are never numbers here.

The words around a number that decide its kind and qualifier are data (``quantities.jsonl``,
``qualifiers.jsonl``, after the table in ``corpus/GUIDELINES.md``); the code reads tokens.
"""

# No "from __future__ import annotations": spaCy builds a model of initialize()'s signature.
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import data
from ..extensions import register_extensions
from ..normalize.numbers import SCALES, is_number_word, parse_digits, parse_quantity
from ..spans import token_texts
from .tables import Tables, TableComponent
from .times import TIMES_KEY

QUANTITIES_KEY = "quantities"
_RANGE_JOINERS = frozenset({"to", "-", "–", "—", "or"})
_STARTERS = frozenset({"a", "an", "half"})
_DIGIT_STARTS = frozenset("0123456789.")  # what a number in digits begins with (cheap test first)
_UNIT_KINDS = frozenset({"duration", "measure", "money", "multiplier"})  # named by a word after the number
_RANGE_VERBS = frozenset({"range", "vary"})
_CONTRASTS = frozenset({"against", "versus", "vs", "vs."})
_HEDGES = frozenset({"more", "less", "fewer", "than", "about", "around", "some", "nearly", "almost", "over", "under", "roughly", "just"})
_CONTRAST_KINDS = frozenset({"rate", "money", "measure", "percent", "duration"})


class QuantityFinder(TableComponent):
    TABLES = {data.QUANTITIES: data.Cue, data.QUALIFIERS: data.QualifierCue}

    def __init__(self, spans_key: str = QUANTITIES_KEY, times_key: str = TIMES_KEY) -> None:
        self.spans_key = spans_key
        self.times_key = times_key
        self.roles: dict[str, frozenset[str]] = {}
        self.qualifiers: dict[str, dict[tuple[str, ...], str]] = {}

    def build(self, tables: Tables) -> None:
        roles: dict[str, set[str]] = {}
        for cue in tables[data.QUANTITIES]:
            roles.setdefault(cue.role, set()).add(cue.phrase)
        self.roles = {role: frozenset(words) for role, words in roles.items()}
        self.qualifiers = {"before": {}, "after": {}, "verb": {}}
        for cue in tables[data.QUALIFIERS]:
            self.qualifiers[cue.position][tuple(cue.phrase.split())] = cue.qualifier

    def role(self, name: str) -> frozenset[str]:
        return self.roles.get(name, frozenset())

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_initialized()
        taken = [False] * len(doc)
        for span in doc.spans.get(self.times_key, []):
            for i in range(span.start, span.end):
                taken[i] = True
        months = _month_bounds(doc.spans.get(self.times_key, []))
        spans = []
        i = 0
        words = token_texts(doc)
        while i < len(doc):
            found = None if taken[i] or not _may_start_a_number(words[i]) else self._number_at(doc, i, taken)
            if found is None:
                i += 1
                continue
            start, end, value = found
            end, maximum = self._range_end(doc, start, end, value, taken)
            kind, points = self._kind(doc, start, end, months, time_follows=end < len(doc) and taken[end])
            qualifier = "range" if maximum is not None else self._qualifier(doc, start, end)
            span = Span(doc, start, end, label=kind)
            span._.quantity = {"value": value, "max": maximum, "kind": kind, "qualifier": qualifier, "points": points}
            spans.append(span)
            i = end
        _share_list_kinds(doc, spans)
        _share_contrast_kinds(doc, spans)
        doc.spans[self.spans_key] = spans
        return doc

    # finding numbers ------------------------------------------------------------------------
    def _number_at(self, doc: Doc, i: int, taken: list[bool]) -> tuple[int, int, float] | None:
        """(start, end, value) of the number expression starting at token ``i``, if any."""
        found = self._digits_or_words_at(doc, i, taken)
        return _with_a_half(doc, found, taken) if found is not None else None

    def _digits_or_words_at(self, doc: Doc, i: int, taken: list[bool]) -> tuple[int, int, float] | None:
        token = doc[i]
        if token.text[:1] in _DIGIT_STARTS and parse_digits(token.text) is not None:
            end = i + 1
            while end < len(doc) and not taken[end] and doc[end].lower_ in SCALES:
                end += 1
            value = parse_quantity([t.text for t in doc[i:end]])
            return (i, end, value) if value is not None else None
        starts_words = is_number_word(token.text) and token.lower_ not in {"and", "-", "a", "an", "half"}
        opens_phrase = token.lower_ in _STARTERS and i + 1 < len(doc) and doc[i + 1].lower_ in {*SCALES, "dozen", "a"}
        if not (starts_words or opens_phrase):
            return None
        end = i
        while end < len(doc) and not taken[end] and is_number_word(doc[end].text):
            end += 1
        while end > i:  # the longest run that parses: "two hundred and" -> "two hundred"
            value = parse_quantity([t.text for t in doc[i:end]]) if doc[end - 1].text not in {"-", "and"} else None
            if value is not None:
                return i, end, value
            end -= 1
        return None

    def _range_end(self, doc: Doc, start: int, end: int, low: float, taken: list[bool]) -> tuple[int, float | None]:
        """"500 to 600", "10-20", "two or three", "between 10 and 20": one quantity with a
        maximum. Not "from 50% to 60%" (a change) nor "forty to twenty-three" (two counts)."""
        between = start > 0 and doc[start - 1].lower_ == "between"
        if end + 1 >= len(doc) or taken[end] or taken[end + 1]:
            return end, None
        joiner = doc[end].lower_
        if not ((between and joiner == "and") or (not between and joiner in _RANGE_JOINERS)):
            return end, None
        if start > 0 and doc[start - 1].lower_ == "from" and not _spans_a_range(doc, start - 1):
            return end, None
        found = self._number_at(doc, end + 1, taken)
        if found is None:
            return end, None
        _, second_end, high = found
        if high <= low or (joiner in {"-", "–", "—"} and _continues_with_digits(doc, second_end)):
            return end, None  # "02-1234-5678" is a phone number, not a range
        return second_end, high

    # what kind of number ----------------------------------------------------------------------
    def _kind(self, doc: Doc, start: int, end: int, months: tuple[set[int], set[int]], *,
              time_follows: bool) -> tuple[str, bool]:
        """``time_follows``: the words after the number are a time expression ("up from 67 a
        year earlier"), so no unit of it ("40 a year" is a rate)."""
        before = _words_before(doc, start, 4)
        after = _words_after(doc, end, 4) if not time_follows else []
        first = doc[start]
        if _in_brackets(doc, start, end):
            return "citation", False
        if _is_note_mark(doc, start, end):
            return "citation", False  # "valid for six months.4"
        if _is_list_marker(doc, start, end):
            return "label", False  # "2. Ryu Sun-hui crossed ...": an item number at a line's start
        if after[:1] and after[0] in {"%", "pct"} or _starts_with(after, ["percent"]) or _starts_with(after, ["per", "cent"]):
            return "percent", False
        if _starts_with(after, ["percentage", "point"]) or _starts_with(after, ["percentage", "points"]):
            return "percent", True
        if first.ent_type_ == "ORDINAL" or first.text[-2:].lower() in {"st", "nd", "rd", "th"}:
            return "ordinal", False
        if (before[-1:] and before[-1] in self.role("currency_symbol")) or first.text.startswith("$"):
            return "money", False
        if after[:1] and after[0] in self.role("currency") or _starts_with(after, ["us", "dollars"]):
            return "money", False
        if _currency_after_names(doc, end, self.role("currency")):
            return "money", False  # "9,250 North Korean won"
        if after[:1] and after[0] in self.role("time_of_day"):
            return "clock", False
        if self._is_age(doc, start, end, before, after):
            return "age", False
        if before[-2:] == [",", "at"] and (end >= len(doc) or doc[end].is_punct):
            return "age", False  # "died in October 2010, at 87."
        unit = after[1] if after[:1] == ["-"] and len(after) > 1 else (after[0] if after else "")
        if unit in self.role("measure"):
            return "measure", False
        if unit in self.role("multiplier") or first.text.lower().endswith("-fold"):
            return "multiplier", False
        if unit in self.role("duration"):
            return "duration", False
        if any(_starts_with(after, rate.split()) for rate in self.role("rate")):
            return "rate", False
        if after[:1] == ["per"] or before[-1:] == ["per"]:
            return "rate", False  # "513 per 100,000 people": both numbers make the rate
        if end < len(doc) and doc[end].tag_ == "NNS" and any(_starts_with(after[1:], rate.split()) for rate in self.role("rate")):
            return "rate", False  # "40 trucks a day"
        if self._is_fraction(doc, end, after):
            return "fraction", False
        if self._is_label(doc, start, before):
            return "label", False
        if first.lower_ == "one" and end - start == 1 and after[:1] and after[0] in self.role("pronoun_after"):
            return "pronoun", False  # "one of the", "one another"
        if _is_compound_modifier(doc, end):
            return "compound", False  # "two-way trade", "a five-point plan"
        if self._is_reference(doc, start, end, before):
            return "reference", False
        if before[-2:-1] and before[-1] == "of" and before[-2] in self.role("collective"):
            return "size", False  # "in groups of three or four", "a family of four"
        if _is_day_of_a_date(doc, start, end, months):
            return "date", False  # "from August 20 to 22"
        return "count", False

    def _is_reference(self, doc: Doc, start: int, end: int, before: list[str]) -> bool:
        """"the two sides", "the two Koreas", "their three children", "one outlet": a number in
        words after a determiner refers to things already known; "one" before a singular noun
        is an article, adjectives between them or not ("one such crossing"). Digits after "the"
        ("the 947 North Koreans who ...") stay counts."""
        in_words = all(not t.like_num or not t.text[:1].isdigit() for t in doc[start:end])
        if in_words and before[-1:] and before[-1] in self.role("reference_before"):
            return True
        noun = doc[end] if end < len(doc) else None
        first = doc[start]
        if first.dep_ == "nummod" and end <= first.head.i <= end + 2:
            noun = first.head  # "one such crossing", "one new case"
        return first.lower_ == "one" and end - start == 1 and noun is not None and noun.tag_ in {"NN", "NNP"}

    def _is_age(self, doc: Doc, start: int, end: int, before: list[str], after: list[str]) -> bool:
        """"a 35-year-old", "aged 35", "35 years old", "Hwang, then 73,", "Kim Woo-joo, 29"."""
        if any(_ends_with(before, phrase.split()) for phrase in self.role("age_before")):
            return True  # "aged 35", "the youngest was 19", "children under five", "both 36"
        if any(_starts_with(after, phrase.replace("-", " - ").split()) for phrase in self.role("age_after")):
            return True
        if start >= 2 and doc[start - 1].text == "," and end - start == 1:
            after_ok = end >= len(doc) or doc[end].text in {",", ".", ")", ";"}
            value = parse_digits(doc[start].text)
            named = doc[start - 2].ent_type_ == "PERSON"
            noun = doc[start - 2].tag_ in {"NN", "NNP"} and value is not None and value <= 110 and end < len(doc) and doc[end].text == ","
            return after_ok and (named or noun)  # "Kim Woo-joo, 29.", "the trader, 52, was"
        return False

    def _is_fraction(self, doc: Doc, end: int, after: list[str]) -> bool:
        """"one in five", "two out of three": a proportion, not a count ("2706 in 2011" is one)."""
        for phrase in self.role("fraction_after"):
            words = phrase.split()
            if _starts_with(after, words):
                following = end + len(words)
                if following >= len(doc):
                    return False
                value = parse_quantity([doc[following].text])
                return value is not None and value <= 1000 and not _is_year_like(doc[following].text)
        return False

    def _is_label(self, doc: Doc, start: int, before: list[str]) -> bool:
        """A number in a name: "Office 39", "Unit 180", "Table 2", "No. 5", or one inside a named
        entity ("Resolution 2397" as LAW)."""
        token = doc[start]
        if token.ent_type_ in {"ORG", "LAW", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT"}:
            return True
        if not before:
            return False
        previous = doc[start - 1]
        if before[-1] in self.role("label") and (previous.is_title or previous.text.endswith(".") or previous.text == "#"):
            return True  # "Office 39", "p. 112", "no. 5"
        if before[-1] in self.role("label") and token.dep_ == "nummod" and token.head.i == start - 1:
            return True  # "pursuant to resolution 1718": the number names the word before it, counts come first
        following = doc[start + 1] if start + 1 < len(doc) else None
        return (
            following is not None and following.is_title and following.lower_ in self.role("label_after")
            and "," not in token.text and not following.is_sent_start
        )  # "the 1718 Committee"

    def _qualifier(self, doc: Doc, start: int, end: int) -> str:
        """From the words just before ("more than"), just after ("or more"), or the verb taking
        the number as its object ("exceeded 30,000", "passing the 33,000 mark")."""
        before = _words_before(doc, start, 4)
        for size in (4, 3, 2, 1):
            qualifier = self.qualifiers["before"].get(tuple(before[-size:])) if len(before) >= size else None
            if qualifier:
                return qualifier
        after = _words_after(doc, end, 2)
        for size in (2, 1):
            qualifier = self.qualifiers["after"].get(tuple(after[:size])) if len(after) >= size else None
            if qualifier:
                return qualifier
        head = doc[end - 1]
        for _ in range(3):  # the number, the noun it counts ("mark"), the verb
            if head.dep_ in {"dobj", "attr", "pobj", "nummod", "npadvmod"} and head.head.i != head.i:
                head = head.head
                if head.pos_ in {"VERB", "AUX"}:
                    return self.qualifiers["verb"].get((head.lemma_.lower(),), "exact")
            else:
                break
        return "exact"


def _share_list_kinds(doc: Doc, spans: list[Span]) -> None:
    """A list of numbers takes the kind its last member names: "73.1, 75.6 and 78.2 percent"
    are three percentages; and the number after a fraction's "in" is part of it ("two out of
    three")."""
    for index in range(len(spans) - 2, -1, -1):
        span, following = spans[index], spans[index + 1]
        between = doc[span.end : following.start]
        listed = all(t.text in {",", "and", "or"} for t in between) and len(between) <= 2
        if span.label_ == "count" and following.label_ == "percent" and listed and between:
            _relabel(span, "percent", points=following._.quantity["points"])
        elif span.label_ == "count" and following.label_ in _UNIT_KINDS and listed and between:
            _relabel(span, following.label_)  # "one, two and three years", "5, 10 and 15 tonnes"
        elif span.label_ == "fraction" and following.label_ == "count" and following.start - span.end <= 2:
            _relabel(following, "fraction")
    for span, following in zip(spans, spans[1:]):  # "aged 12 and 15": a word before names them all
        between = doc[span.end : following.start]
        listed = 0 < len(between) <= 2 and all(t.text in {",", "and", "or"} for t in between)
        if span.label_ == "age" and following.label_ == "count" and listed:
            _relabel(following, "age")


def _with_a_half(doc: Doc, found: tuple[int, int, float], taken: list[bool]) -> tuple[int, int, float]:
    """"two and a half (times)": 2.5."""
    start, end, value = found
    words = [t.lower_ for t in doc[end : end + 3]]
    if words == ["and", "a", "half"] and not any(taken[end : end + 3]):
        return start, end + 3, value + 0.5
    return found


def _spans_a_range(doc: Doc, from_index: int) -> bool:
    """"estimates ranged from 40,000 to 100,000": a range, not a change from one to the other."""
    head = doc[from_index].head
    return head.lemma_.lower() in _RANGE_VERBS or (from_index > 0 and doc[from_index - 1].lemma_.lower() in _RANGE_VERBS)


def _is_note_mark(doc: Doc, start: int, end: int) -> bool:
    """A note number glued to the full stop after a word: "months.4"."""
    if end - start != 1 or start < 2 or doc[start - 1].text != "." or doc[start - 1].whitespace_:
        return False
    word = doc[start - 2]
    return not word.whitespace_ and word.is_alpha and word.is_lower and len(word) >= 3


def _is_list_marker(doc: Doc, start: int, end: int) -> bool:
    """"2." or "3)" opening a line: an item number."""
    if end - start != 1 or end >= len(doc) or doc[end].text not in {".", ")"}:
        return False
    return start == 0 or "\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_


def _currency_after_names(doc: Doc, end: int, currencies: frozenset[str]) -> bool:
    """"9,250 North Korean won", "500 Chinese yuan": a currency after one or two names."""
    for size in (1, 2):
        if end + size < len(doc) and all(t.is_title for t in doc[end : end + size]):
            if doc[end + size].lower_ in currencies:
                return True
    return False


def _share_contrast_kinds(doc: Doc, spans: list[Span]) -> None:
    """"40 trucks a day by December, against more than 100 before": a bare number set against
    another takes its kind (here a rate, not a count of 100)."""
    for index, span in enumerate(spans):
        if span.label_ != "count" or index == 0:
            continue
        if span.end < len(doc) and doc[span.end].tag_.startswith("NN"):
            continue  # "against 300 workers": a count of its own
        words = [t.lower_ for t in doc[max(span.sent.start, span.start - 4) : span.start]]
        while words and words[-1] in _HEDGES:
            words.pop()
        if not (words[-1:] and words[-1] in _CONTRASTS or words[-2:] in (["compared", "with"], ["compared", "to"])):
            continue
        earlier = spans[index - 1]
        if earlier.sent == span.sent and earlier.label_ in _CONTRAST_KINDS:
            _relabel(span, earlier.label_, points=earlier._.quantity["points"])


def _relabel(span: Span, kind: str, points: bool = False) -> None:
    span.label_ = kind
    span._.quantity = {**span._.quantity, "kind": kind, "points": points}


def _is_compound_modifier(doc: Doc, end: int) -> bool:
    """"two-way", "five-point": a number glued by a hyphen to a lower-case word."""
    if end + 1 >= len(doc) or doc[end].text != "-" or doc[end - 1].whitespace_:
        return False
    word = doc[end + 1]
    return word.is_alpha and word.is_lower and not is_number_word(word.text) and word.lower_ != "plus"


def _is_year_like(text: str) -> bool:
    return len(text) == 4 and text.isdigit()


def _words_before(doc: Doc, start: int, size: int) -> list[str]:
    return [t.lower_ for t in doc[max(0, start - size) : start]]


def _words_after(doc: Doc, end: int, size: int) -> list[str]:
    return [t.lower_ for t in doc[end : end + size]]


def _ends_with(words: list[str], suffix: list[str]) -> bool:
    return len(words) >= len(suffix) and words[len(words) - len(suffix) :] == suffix


def _starts_with(words: list[str], prefix: list[str]) -> bool:
    return len(words) >= len(prefix) and words[: len(prefix)] == prefix


def _in_brackets(doc: Doc, start: int, end: int) -> bool:
    return start > 0 and end < len(doc) and doc[start - 1].text == "[" and doc[end].text == "]"


def _continues_with_digits(doc: Doc, end: int) -> bool:
    return end + 1 < len(doc) and doc[end].text in {"-", "–"} and doc[end + 1].text.isdigit()


def count_token(span: Span) -> Token:
    """The token that stands for a quantity in the parse: its last word ("million", "600")."""
    return span[-1]


@Language.factory(
    "newsfacts_quantities",
    assigns=["doc.spans", "span._.quantity"],
    requires=["doc.spans", "token.dep", "token.ent_type"],
    default_config={"spans_key": QUANTITIES_KEY, "times_key": TIMES_KEY},
)
def make_quantities(nlp: Language, name: str, spans_key: str, times_key: str) -> QuantityFinder:
    """Every number, with its value, kind and qualifier, into ``doc.spans[spans_key]``."""
    register_extensions()
    return QuantityFinder(spans_key, times_key)


def _month_bounds(times: list[Span]) -> tuple[set[int], set[int]]:
    """Where the time expressions that name a month start and end."""
    months = [span for span in times if span._.time and span._.time.get("month")]
    return {span.start for span in months}, {span.end for span in months}


def _is_day_of_a_date(doc: Doc, start: int, end: int, months: tuple[set[int], set[int]]) -> bool:
    """"from August 20 to 22" (the second day) and "10-13 January 2021" (the first day, the
    date after it holding the second): days, not counts. ``months``: where the time
    expressions naming a month start and end (:func:`_month_bounds`)."""
    value = parse_digits(doc[start].text)
    if value is None or value > 31:
        return False
    starts, ends = months
    joiners = {"to", "-", "–", "and", "through", "until"}
    if end < len(doc) and doc[end].lower_ in joiners and end + 1 in starts:
        return True
    if start < 2 or doc[start - 1].lower_ not in joiners:
        return False
    return start - 1 in ends


def _may_start_a_number(text: str) -> bool:
    """The cheap test of :meth:`QuantityFinder._digits_or_words_at` on a token's text alone."""
    return text[:1] in _DIGIT_STARTS or text.lower() in _STARTERS or is_number_word(text)
