"""The ``Doc`` extensions newsfacts reads and writes; registered once, idempotently."""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS: dict[str, object] = {
    # Set by the caller before the pipeline runs (metadata or --published), or inferred.
    "published": None,
    "published_source": "unknown",
    # Per entity cluster id ("people:0"): its name, aliases, titles or acronym; set by
    # newsfacts_entities. The cluster id is the ``kb_id_`` of each of its mentions' spans.
    "entity_clusters": None,
}


def _facts(doc: Doc) -> list:
    from .facts import doc_to_facts  # the record builder imports the components: import late

    return doc_to_facts(doc)


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Doc.has_extension("facts"):
        # The article's facts as Pydantic records, built on demand from the annotations.
        Doc.set_extension("facts", getter=_facts)
