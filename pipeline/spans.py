"""Small helpers on spaCy spans, shared by every component (no component imports another)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable
from functools import cached_property

from spacy.attrs import ORTH, SENT_START
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
NUMERIC_LABELS = frozenset({"CARDINAL", "ORDINAL", "DATE", "TIME", "QUANTITY", "MONEY", "PERCENT"})


def spans_overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def relabel(span: Span, label: str, rule: str) -> Span:
    """The same tokens under another label, with the rule that relabelled them as ``id_``."""
    return Span(span.doc, span.start, span.end, label=label, span_id=rule)


def name_words(span: Span) -> list[str]:
    """Words of a name as written: "Yong-ho" stays one word, a leading "the" goes."""
    words = span.text.split()
    return words[1:] if words and words[0].lower() == "the" else words


def trim_name(span: Span) -> Span | None:
    """Without a leading article, a trailing possessive or punctuation, or line breaks the model
    took in ("Ministry of Unification\n"); None when nothing is left. The label and the rule (``id_``) stay."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_, span_id=span.id_ or "ner")


class TokenOwners:
    """Which span covers each token: overlap questions in time linear in the span's length,
    whatever the number of spans (a long article has thousands)."""

    def __init__(self, doc: Doc, spans: Iterable[Span]) -> None:
        self._owner: list[Span | None] = [None] * len(doc)
        for span in spans:
            for i in range(span.start, span.end):
                self._owner[i] = span

    def overlapping(self, span: Span) -> list[Span]:
        """The spans sharing a token with ``span``, each once, in order."""
        found: list[Span] = []
        for owner in self._owner[span.start : span.end]:
            if owner is not None and (not found or found[-1] is not owner):
                found.append(owner)
        return found


def headline(doc: Doc) -> Span | None:
    """The first line, when it is a headline: no closing punctuation, then a line break."""
    if not len(doc):
        return None
    first = doc[0].sent
    text = first.text.rstrip()
    after = first.text[len(text):] + doc[first.end - 1].whitespace_
    if first.end < len(doc):
        after += doc[first.end].text
    if text and text[-1] not in '.!?"”' and "\n" in after:
        return first
    return None


def headline_end(doc: Doc) -> int:
    """The character offset where the headline ends, or 0 when the text opens without one."""
    line = headline(doc)
    return line.end_char if line is not None else 0


class DocWords:
    """The texts of a doc's tokens as plain strings, read once: scanning them for a cue word costs
    nothing, where each ``for token in doc`` builds a Python object per token."""

    def __init__(self, doc: Doc) -> None:
        self.text: list[str] = token_texts(doc)
        self.lower: list[str] = [text.lower() for text in self.text]  # a lexeme's LOWER is str.lower()
        # a token's trailing whitespace is one space at most: line breaks are tokens of their own
        self.newline_after: list[bool] = ["\n" in text and text.isspace() for text in self.text]

    def where(self, words: Collection[str], *, lower: bool = False) -> list[int]:
        """Indices of the tokens whose text (or lower-case text) is one of ``words``."""
        column = self.lower if lower else self.text
        return [i for i, text in enumerate(column) if text in words]


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, read from the doc's array: no Python object per token."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()] if len(doc) else []


def sentence_starts(doc: Doc) -> list[int]:
    """The index of each sentence's first token (token 0 always), read from the doc's array."""
    return [i for i, start in enumerate(doc.to_array(SENT_START).tolist()) if start == 1 or i == 0] if len(doc) else []


def token_positions(doc: Doc, attr: int, values: Collection[str]) -> list[int]:
    """Indices of the tokens whose ``attr`` (``LOWER``, ``SHAPE``, ``ORTH``) is one of ``values``,
    read from the doc's array: no Python object per token."""
    wanted = {get_string_id(value) for value in values}
    return [i for i, value in enumerate(doc.to_array(attr).tolist()) if value in wanted] if len(doc) else []


def entity_bounds(token: Token) -> tuple[int, int]:
    """(start, end) of the entity ``token`` is in, read from the IOB tags around it: linear in
    the entity, where ``doc.ents`` rebuilds every entity of the document."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


class Mentions(list):
    """A document's spans of one kind (people, quantities) with indexes built once, so that
    finding those in a sentence is a bisection, not a scan of the whole document's list: the
    difference between linear and quadratic time on a long article. A plain list also works
    with :func:`starting_in` and :func:`covering` (scanned at each call)."""

    @cached_property
    def by_start(self) -> tuple[list[int], list[int]]:
        order = sorted(range(len(self)), key=lambda k: self[k].start)
        return [self[k].start for k in order], order

    @cached_property
    def covered(self) -> frozenset[int]:
        return frozenset(i for span in self for i in range(span.start, span.end))


def starting_in(spans: list[Span], start: int, end: int) -> list[Span]:
    """The spans that start at a token in ``[start, end)``, in their list's order."""
    if not isinstance(spans, Mentions):
        return [span for span in spans if start <= span.start < end]
    starts, order = spans.by_start
    picked = sorted(order[bisect_left(starts, start) : bisect_left(starts, end)])
    return [spans[k] for k in picked]


def covering(spans: list[Span], i: int) -> bool:
    """Whether one of the spans holds token ``i``."""
    if isinstance(spans, Mentions):
        return i in spans.covered
    return any(span.start <= i < span.end for span in spans)
