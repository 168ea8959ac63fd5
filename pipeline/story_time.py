"""The times a text counts from, beyond the publication date: the day of a dateline, and the
story's own time after "five weeks later".

Used by :func:`pipeline.pairing.time_refs` when it resolves time expressions.
"""

from __future__ import annotations

from spacy.tokens import Span

from .normalize.times import Resolved, TimeValue

_DATELINE_DASHES = frozenset({"--", "—", "–", "-"})


def narrative_sentences(spans: list[Span]) -> dict[int, tuple[int, str]]:
    """Sentences that open by counting on from the time told before ("Just over five weeks
    later, on the morning of December 21, ..."), by sentence start: where that phrase starts
    and "after" or "before". A month after it belongs to the story."""
    found: dict[int, tuple[int, str]] = {}
    for span in spans:
        value = TimeValue(**span._.time)
        if value.kind == "anchored" and value.which in {"after", "before"} and span.sent.start not in found:
            found[span.sent.start] = (span.start, value.which)
    return found


def in_the_story(value: TimeValue, direction: str, last_year: int, last_month: int | None) -> Resolved:
    """A month named without a year in a sentence that counts on from the story's time: the
    first such month after (or the last before) the month told last, not the latest before
    publication."""
    if value.month is None or last_month is None:
        return Resolved(last_year, value.month, value.day)
    if direction == "after":
        year = last_year if value.month >= last_month else last_year + 1
    else:
        year = last_year if value.month <= last_month else last_year - 1
    return Resolved(year, value.month, value.day)


def fullest_date(spans: list[Span], published: str | None) -> str | None:
    """The fullest date the text gives for resolving relative days and months (GUIDELINES,
    fourth round): the publication date, or the day of a dateline ("SOKCHO, South Korea, Oct.
    24 -- ...") in the year published when the publication date names no day."""
    if published is not None and len(published) >= 10:
        return published
    for span in spans:
        value = TimeValue(**span._.time)
        if value.day is None or value.month is None or not _in_dateline(span):
            continue
        year = value.years if value.kind == "absolute" else int(published[:4]) if published else None
        if year is not None and (published is None or int(published[:4]) == year):
            return f"{year:04d}-{value.month:02d}-{value.day:02d}"
    return published


def _in_dateline(span: Span) -> bool:
    """A date between a place in capitals and a dash at the start of a sentence near the top."""
    doc, sentence = span.doc, span.sent
    after = doc[span.end] if span.end < len(doc) else None
    return (sentence.start < 80 and after is not None and after.text in _DATELINE_DASHES and sentence[0].is_upper
            and len(sentence[0].text) > 1 and span.start - sentence.start <= 8)
