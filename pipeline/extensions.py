"""The ``Doc`` and ``Span`` extensions newsfacts reads and writes; registered once, idempotently.

Span values are plain JSON-able dicts, so that they travel with a ``Doc`` through
serialization and worker processes.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_EXTENSIONS: dict[str, object] = {
    # Set by the caller before the pipeline runs (metadata or --published), or inferred.
    "published": None,
    "published_source": "unknown",
    # Per entity cluster id ("people:0"): its name, aliases, titles or acronym; set by
    # newsfacts_entities. The cluster id is the ``kb_id_`` of each of its mentions' spans.
    "entity_clusters": None,
}


SPAN_EXTENSIONS: tuple[str, ...] = (
    "time",  # newsfacts_times: what a time expression fixes (pipeline.normalize.times.TimeValue)
    "quantity",  # newsfacts_quantities: value, kind (count, percent, money ...), qualifier, range end
    "year_count",  # newsfacts_year_counts: the fields of one year_count fact
    "percentage",  # newsfacts_percentages: the fields of one percentage fact
    "event",  # newsfacts_events: the fields of one defection event
)


def _facts(doc: Doc) -> list:
    from .facts import doc_to_facts  # the record builder imports the components: import late

    return doc_to_facts(doc)


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Doc.has_extension("facts"):
        # The article's facts as Pydantic records, built on demand from the annotations.
        Doc.set_extension("facts", getter=_facts)
