"""``newsfacts_entities``: one cluster per real person or organization, aliases linked.

Reads the PERSON and ORG entities and groups their mentions: "Thae Yong-ho" = "Thae Yong Ho" =
"Thae"; "the Unification Ministry" = "the Ministry of Unification"; "NIS" = "National
Intelligence Service" (by its initials, a parenthesis after the full name, or the gazetteer).
Each mention goes to ``doc.spans["people"]`` or ``doc.spans["organizations"]`` with the cluster's
canonical name as ``kb_id_`` and the producing rule as ``id_``; titles and acronyms go to
``doc._.entity_info``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .. import data
from ..extensions import register_extensions
from ..normalize.names import (
    expands_acronym,
    inverted_forms,
    is_acronym,
    korean_person_key,
    looks_like_korean_name,
    person_key,
    surface_key,
)
from .entity_fixes import name_words, spans_overlap

PEOPLE_KEY = "people"
ORGANIZATIONS_KEY = "organizations"
ORG_CANDIDATES_KEY = "org_candidates"  # filled by the span ruler newsfacts_org_ruler
_POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
_MAX_TITLE_TOKENS = 12


@dataclass
class Cluster:
    label: str
    forms: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    canonical_hint: str | None = None  # from the gazetteer
    titles: list[str] = field(default_factory=list)
    other_names: set[str] = field(default_factory=set)  # "under the name X": never canonical
    declared_acronym: str | None = None  # "(NIS)" after the full name, even if never used again
    owners: set[str] = field(default_factory=set)  # "China's" Foreign Ministry

    @property
    def canonical(self) -> str:
        if self.canonical_hint:
            return self.canonical_hint
        names = [f for f in self.forms if not is_acronym(f) and f not in self.other_names]
        names = names or self.forms
        # The fullest form; "Thae Yong-ho" and "Thae Yong Ho" tie, so the first seen wins.
        return max(names, key=lambda f: (len(f.replace(" ", "").replace("-", "")), -self.forms.index(f)))

    @property
    def acronym(self) -> str | None:
        if self.label != "ORG":
            return None
        return next((f for f in self.forms if is_acronym(f)), self.declared_acronym)

    @property
    def aliases(self) -> list[str]:
        """Surface forms seen, other than the canonical name and the acronym."""
        return [f for f in self.forms if f not in (self.canonical, self.acronym)]

    def add(self, span: Span, surface: str) -> None:
        self.mentions.append(span)
        if surface not in self.forms:
            self.forms.append(surface)

    @property
    def last_mention(self) -> int:
        return self.mentions[-1].start


class EntityClusters:
    def __init__(self, nlp: Language) -> None:
        self.alias_cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.alias_cues.add("alias_cue", [nlp.make_doc(cue) for cue in data.alias_cues()])
        words = data.entity_words_by_role()
        self.org_heads = words["org_head"]
        self.title_words = words["title"]
        self.mission_words = words["mission"]
        self.surname_group = data.surname_groups()
        self.surnames = {name.title() for name in self.surname_group}
        self.gazetteer: dict[str, str] = {}
        for row in data.org_aliases():
            for form in (row.name, *row.aliases):
                self.gazetteer[surface_key(form)] = row.name

    def __call__(self, doc: Doc) -> Doc:
        people: list[Cluster] = []
        orgs: list[Cluster] = []
        cue_ends = {end for _match, _start, end in self.alias_cues(doc)}
        for mention in _mentions(doc):
            span = _trim(mention)
            if span is None:
                continue
            before = span.start - 1
            renamed = span.start in cue_ends or (before in cue_ends and doc[before].lower_ == "the")
            if span.label_ == "PERSON":
                self._add_person(people, span, renamed)
            else:
                self._add_org(orgs, span, renamed)
        _name_owners_apart(orgs)
        doc.spans[PEOPLE_KEY] = _spans(doc, people, "PERSON")
        doc.spans[ORGANIZATIONS_KEY] = _spans(doc, orgs, "ORG")
        doc._.entity_info = {
            PEOPLE_KEY: {c.canonical: {"aliases": c.aliases, "titles": c.titles} for c in people},
            ORGANIZATIONS_KEY: {
                c.canonical: {"aliases": c.aliases, "acronym": c.acronym} for c in orgs
            },
        }
        return doc

    # people -------------------------------------------------------------------------------
    def _add_person(self, clusters: list[Cluster], span: Span, renamed: bool) -> None:
        words = name_words(span)
        if not any(w[:1].isupper() for w in words):
            return
        key = self._person_key(words)
        cluster = next((c for c in reversed(clusters) if key in c.keys), None)
        if cluster is None and len(words) == 1:
            cluster = self._by_surname(clusters, words[0])
        if cluster is None and renamed:
            cluster = _latest(clusters)
            if cluster is not None:
                cluster.other_names.add(" ".join(words))
        if cluster is None:
            cluster = Cluster(label="PERSON")
            clusters.append(cluster)
        cluster.keys.add(key)
        cluster.add(span, " ".join(words))
        for title in self._titles(span):
            if title not in cluster.titles:
                cluster.titles.append(title)

    def _person_key(self, words: list[str]) -> str:
        if len(words) > 1 and looks_like_korean_name(words, self.surnames):
            return korean_person_key(self.surname_group.get(words[0].lower(), words[0]), words[1:])
        return person_key(words)

    def _by_surname(self, clusters: list[Cluster], word: str) -> Cluster | None:
        """A lone "Thae" or "Trump" refers to the latest person of that family name."""
        group = self.surname_group.get(word.lower(), word.lower())
        for cluster in reversed(clusters):
            for form in cluster.forms:
                parts = form.split()
                if len(parts) < 2:
                    continue
                korean = looks_like_korean_name(parts, self.surnames)
                family = parts[0] if korean else parts[-1]
                if self.surname_group.get(family.lower(), family.lower()) == group:
                    return cluster
        return None

    def _titles(self, span: Span) -> list[str]:
        """Title words just before the name ("leader Kim Jong Un") and an apposition after it."""
        titles = []
        start = span.start
        while start > 0 and span.doc[start - 1].lower_ in self.title_words:
            start -= 1
        if start < span.start:
            titles.append(span.doc[start : span.start].text)
        for child in span.root.children:
            if child.dep_ == "appos" and child.i >= span.end:
                tokens = [t for t in child.subtree if not _in_coordination(t, child)]
                is_title = any(t.lower_ in self.title_words for t in tokens)  # not "60", "four in all"
                if 0 < len(tokens) <= _MAX_TITLE_TOKENS and is_title:
                    titles.append(span.doc[tokens[0].i : tokens[-1].i + 1].text)
        return titles

    # organizations ------------------------------------------------------------------------
    def _add_org(self, clusters: list[Cluster], span: Span, renamed: bool) -> None:
        words = [t.text for t in span]
        surface = span.text
        if len(words) == 1 and words[0].lower() in self.org_heads:
            cluster = self._by_head(clusters, words[0].lower())  # a bare "Ministry"
            if cluster is not None:
                cluster.mentions.append(span)
            return
        keys = self._org_keys(words, surface)
        owner = _possessive_owner(span)
        candidates = [c for c in clusters if owner is None or not c.owners or owner in c.owners]
        cluster = next((c for c in reversed(candidates) if keys & c.keys), None)
        if cluster is None:
            cluster = self._by_acronym(candidates, surface, words)
        if cluster is None:
            cluster = _by_shared_ending(candidates, surface.split())
        if cluster is None and renamed:
            cluster = _latest(clusters)
            if cluster is not None:
                cluster.other_names.add(surface)
        if cluster is None:
            cluster = Cluster(label="ORG")
            clusters.append(cluster)
        cluster.keys |= keys
        cluster.canonical_hint = cluster.canonical_hint or self.gazetteer.get(surface_key(surface))
        cluster.add(span, surface)
        if owner is not None:
            cluster.owners.add(owner)
        acronym = _parenthesised_acronym(span)
        if acronym:
            cluster.keys.add(surface_key(acronym))
            cluster.declared_acronym = cluster.declared_acronym or acronym

    def _org_keys(self, words: list[str], surface: str) -> set[str]:
        keys = {surface_key(surface)}
        for index, word in enumerate(words):
            if word.lower() in self.mission_words:  # "North Korea's embassy in London" = "the embassy in London"
                keys.add(surface_key(" ".join(words[index:])))
        keys |= {surface_key(form) for form in inverted_forms(words, self.org_heads)}
        canonical = self.gazetteer.get(surface_key(surface))
        if canonical:
            keys.add(surface_key(canonical))
        return keys

    def _by_acronym(self, clusters: list[Cluster], surface: str, words: list[str]) -> Cluster | None:
        """"NIS" after "National Intelligence Service", or the other way round. A full name joins
        an acronym only while the acronym stands alone: once "MSS" is the Ministry of State
        Security, a "Ministry of Social Security" is another body."""
        for cluster in reversed(clusters):
            only_acronyms = all(map(is_acronym, cluster.forms))
            for form in cluster.forms:
                if is_acronym(surface) and expands_acronym(surface, form.split()):
                    return cluster
                if only_acronyms and expands_acronym(form, words):
                    return cluster
        return None

    def _by_head(self, clusters: list[Cluster], head: str) -> Cluster | None:
        for cluster in reversed(clusters):
            if any(head in (w.lower() for w in form.split()) for form in cluster.forms):
                return cluster
        return None


def _possessive_owner(span: Span) -> str | None:
    """"China's Foreign Ministry" -> "China": the country a generic body belongs to."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text not in _POSSESSIVES:
        return None
    owner = doc[span.start - 2]
    if owner.ent_type_ != "GPE":
        return None
    start = owner.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[start : owner.i + 1].text


def _name_owners_apart(clusters: list[Cluster]) -> None:
    """Two bodies that share a name ("China's" and "Russia's Foreign Ministry") are named by
    their owner, so that the records tell them apart."""
    by_name: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        by_name.setdefault(cluster.canonical, []).append(cluster)
    for name, same in by_name.items():
        if len(same) < 2:
            continue
        for cluster in same:
            if cluster.owners:
                cluster.canonical_hint = f"{min(cluster.owners)}'s {name}"


def _by_shared_ending(clusters: list[Cluster], words: list[str]) -> Cluster | None:
    """"the Red Cross" and "the Korean Red Cross": one name ends the other; only when one body fits.

    Compared with each body's fullest name, so "National Security Council" never joins a "UN
    Security Council" that was also called "Security Council".
    """
    if len(words) < 2:
        return None
    fits = []
    for cluster in clusters:
        names = [form.split() for form in cluster.forms if not is_acronym(form)]
        fullest = max(names, key=len, default=[])
        if len(fullest) >= 2 and (_ends_with(fullest, words) or _ends_with(words, fullest)):
            fits.append(cluster)
    return fits[0] if len(fits) == 1 else None


def _ends_with(longer: list[str], shorter: list[str]) -> bool:
    tail = longer[len(longer) - len(shorter) :]
    return len(longer) > len(shorter) and [w.lower() for w in tail] == [w.lower() for w in shorter]


def _mentions(doc: Doc) -> list[Span]:
    """PERSON and ORG entities plus phrase-named organizations, longest first where they overlap."""
    people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    orgs = [ent for ent in doc.ents if ent.label_ == "ORG"] + list(doc.spans.get(ORG_CANDIDATES_KEY, []))
    orgs = [span for span in filter_spans(orgs) if not any(spans_overlap(span, p) for p in people)]
    return sorted(people + orgs, key=lambda span: span.start)


def _latest(clusters: list[Cluster]) -> Cluster | None:
    """The cluster mentioned last: what "under the name ..." renames."""
    return max(clusters, key=lambda c: c.last_mention, default=None)


def _trim(ent: Span) -> Span | None:
    """Drop a leading "the" and a trailing possessive; keep the rule id of the entity."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVES or doc[end - 1].is_punct):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=ent.label_, span_id=ent.id_ or "ner")


def _parenthesised_acronym(span: Span) -> str | None:
    """"National Intelligence Service (NIS)" -> "NIS"."""
    doc = span.doc
    if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
        candidate = doc[span.end + 1].text
        if is_acronym(candidate):
            return candidate
    return None


def _in_coordination(token: Token, apposition: Token) -> bool:
    """Tokens of a conjunct hanging off the apposition ("... and a colonel of ...")."""
    while token.i != apposition.i and token.head.i != token.i:
        if token.dep_ in {"conj", "cc"} and token.head.i == apposition.i:
            return True
        token = token.head
    return False


def _spans(doc: Doc, clusters: list[Cluster], label: str) -> list[Span]:
    spans = []
    for cluster in clusters:
        name = cluster.canonical  # derived from the forms: compute it once per cluster
        spans += [Span(doc, m.start, m.end, label=label, kb_id=name, span_id=m.id_) for m in cluster.mentions]
    return sorted(spans, key=lambda s: (s.start, s.end))


@Language.factory(
    "newsfacts_entities",
    assigns=["doc.spans", "doc._.entity_info"],
    requires=["doc.ents"],
    default_config={},
)
def make_entities(nlp: Language, name: str) -> EntityClusters:
    register_extensions()
    return EntityClusters(nlp)
