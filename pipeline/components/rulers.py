"""``newsfacts_entity_ruler`` and ``newsfacts_org_ruler``: spaCy's ``span_ruler`` with our patterns.

Both are spaCy's own ``SpanRuler`` (matching, ``to_disk``/``from_disk`` of the patterns), with
two additions: ``initialize()`` without patterns loads the package's pattern file, validated;
and a ruler that was never initialized nor loaded does so on its first document.

The entity ruler matches the place names of ``entity_patterns.jsonl`` and every name of the
gazetteer's people and bodies (``gazetteer.jsonl``). It writes every name it finds to
``doc.spans["gazetteer"]`` and merges them into ``doc.ents`` by
:func:`merge_gazetteer_names`: a gazetteer name never cuts a longer name the model found ("the
Presidium of the Supreme People's Assembly"), but relabels the model's entity when the two are
the same name ("Panmunjom" PERSON -> LOC) and wins over numbers it overlaps ("Office 39") and
over pieces of itself ("Office of the UN" in "Office of the UN High Commissioner for Human
Rights").
"""

# No "from __future__ import annotations": spaCy builds a model of initialize()'s signature and
# needs its annotations as real types.
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import data
from ..normalize.names import surface_key
from ..spans import NUMERIC_LABELS, TokenOwners, relabel

GAZETTEER_KEY = "gazetteer"
ORG_CANDIDATES_KEY = "org_candidates"


class PackagedSpanRuler(SpanRuler):
    """A ``SpanRuler`` whose patterns default to a validated package data file."""

    PATTERNS_FILE: ClassVar[str]
    _loaded = False

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        patterns: Sequence[dict[str, Any]] | None = None,
    ) -> None:
        """Use ``patterns`` (validated like the package's), or the package's own file."""
        if patterns is None:
            rows = self.package_patterns()
        else:
            rows = [data.EntityPattern.model_validate(pattern) for pattern in patterns]
        super().initialize(get_examples or (lambda: []), nlp=nlp, patterns=[row.model_dump() for row in rows])
        self._loaded = True

    def package_patterns(self) -> list[data.EntityPattern]:
        return data.load_records(self.PATTERNS_FILE, data.EntityPattern)

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        super().add_patterns(patterns)
        self._loaded = True

    def from_disk(self, path: Any, *, exclude: Iterable[str] = ()) -> "PackagedSpanRuler":
        super().from_disk(path, exclude=exclude)
        self._loaded = True
        return self

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> "PackagedSpanRuler":
        super().from_bytes(bytes_data, exclude=exclude)
        self._loaded = True
        return self

    def __call__(self, doc: Doc) -> Doc:
        if not self._loaded:
            self.initialize(nlp=self.nlp)
        return super().__call__(doc)


class GazetteerRuler(PackagedSpanRuler):
    PATTERNS_FILE = data.ENTITY_PATTERNS

    def package_patterns(self) -> list[data.EntityPattern]:
        """The place names and every name of the gazetteer's people and bodies."""
        return super().package_patterns() + data.gazetteer_patterns(data.gazetteer())

    def set_annotations(self, doc: Doc, matches: list[Span]) -> None:
        names = filter_spans(matches)
        doc.spans[self.spans_key] = names
        doc.ents = merge_gazetteer_names(doc, list(doc.ents), names, relabel_rule=f"{self.name}:relabel")


class OrgRuler(PackagedSpanRuler):
    PATTERNS_FILE = data.ORG_PATTERNS


def merge_gazetteer_names(doc: Doc, ents: list[Span], names: list[Span], relabel_rule: str) -> list[Span]:
    """The model's entities with the gazetteer's names merged in (see the module docstring).

    "The same name" ignores a leading "the" and a trailing possessive ("the DMZ" = "DMZ").
    """
    owners = TokenOwners(doc, ents)
    replaced: dict[Span, Span | None] = {}
    added: list[Span] = []
    for name in names:
        overlapping = owners.overlapping(name)
        same = next((ent for ent in overlapping if surface_key(ent.text) == surface_key(name.text)), None)
        if same is not None:
            if same.label_ != name.label_:
                replaced[same] = relabel(same, name.label_, relabel_rule)
        elif all(ent.label_ in NUMERIC_LABELS or (name.start <= ent.start and ent.end <= name.end) for ent in overlapping):
            replaced.update({ent: None for ent in overlapping})  # "Office of the UN" inside the full name
            added.append(name)
    kept = [replaced.get(ent, ent) for ent in ents]
    return sorted([ent for ent in kept if ent is not None] + added, key=lambda span: span.start)


@Language.factory(
    "newsfacts_entity_ruler",
    assigns=["doc.ents", "doc.spans"],
    requires=[],
    default_config={"spans_key": GAZETTEER_KEY, "phrase_matcher_attr": None, "validate": False},
)
def make_entity_ruler(
    nlp: Language, name: str, spans_key: str, phrase_matcher_attr: str | None, validate: bool
) -> GazetteerRuler:
    """Gazetteer names into ``doc.spans[spans_key]`` and, merged, into ``doc.ents``."""
    return GazetteerRuler(
        nlp, name, spans_key=spans_key, phrase_matcher_attr=phrase_matcher_attr, validate=validate, overwrite=False
    )


@Language.factory(
    "newsfacts_org_ruler",
    assigns=["doc.spans"],
    requires=["doc.ents"],
    default_config={"spans_key": ORG_CANDIDATES_KEY, "phrase_matcher_attr": None, "validate": False},
)
def make_org_ruler(
    nlp: Language, name: str, spans_key: str, phrase_matcher_attr: str | None, validate: bool
) -> OrgRuler:
    """Organizations named by a phrase ("North Korea's embassy in London") into ``doc.spans``."""
    return OrgRuler(
        nlp, name, spans_key=spans_key, phrase_matcher_attr=phrase_matcher_attr, validate=validate, overwrite=True
    )
