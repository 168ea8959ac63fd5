"""``newsfacts_entities``: one cluster per real person or organization, aliases linked.

Reads the PERSON and ORG entities (and the phrase-named organizations of
``newsfacts_org_ruler``), trims each mention ("the", a possessive), notes what the text says
around it (a title before a name, an acronym in parentheses after it, an owner such as
"China's", a renaming cue such as "under the name") and hands it to the clusters of
:mod:`pipeline.clusters`.

It writes every mention to ``doc.spans["people"]`` or ``doc.spans["organizations"]``, with the
producing rule as the span's ``id_`` and its cluster's id ("people:0", "organizations:3") as its
``kb_id_``; ``doc._.entity_clusters`` maps each cluster id to the entity's stable id (the gazetteer's,
or one derived from its name: the same in every article), name, aliases, titles and acronym.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .. import data
from ..clusters import Cluster, Known, OrgClusters, PeopleClusters, person_name_key
from ..extensions import register_extensions
from ..kinds import ORGANIZATIONS, PEOPLE
from ..lexicon import NameLexicon
from ..normalize.names import is_acronym, surface_key
from ..spans import POSSESSIVES, TokenOwners, name_words, trim_name
from .rulers import ORG_CANDIDATES_KEY
from .tables import Tables, TableComponent


class EntityClusters(TableComponent):
    TABLES = {
        data.ALIAS_CUES: data.AliasCue,
        data.GAZETTEER: data.GazetteerEntry,
        data.SURNAMES: data.Surname,
        data.ENTITY_WORDS: data.EntityWord,
    }

    def __init__(self, nlp: Language, candidates_key: str = ORG_CANDIDATES_KEY, max_title_tokens: int = 12) -> None:
        self.nlp = nlp
        self.candidates_key = candidates_key
        self.max_title_tokens = max_title_tokens
        self.lexicon = NameLexicon()
        self.known_people: dict[str, Known] = {}
        self.known_orgs: dict[str, Known] = {}
        self.alias_cues = PhraseMatcher(nlp.vocab, attr="LOWER")

    def build(self, tables: Tables) -> None:
        self.lexicon = NameLexicon.from_rows(tables[data.SURNAMES], tables[data.ENTITY_WORDS])
        self.known_people, self.known_orgs = {}, {}
        for row in tables[data.GAZETTEER]:
            known = Known(row.id, row.name)
            for form in row.forms:
                if row.label == "PERSON":
                    self.known_people.setdefault(person_name_key(form.split(), self.lexicon), known)
                else:
                    self.known_orgs.setdefault(surface_key(form), known)
        self.alias_cues = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.alias_cues.add("alias_cue", [self.nlp.make_doc(row.cue) for row in tables[data.ALIAS_CUES]])

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_initialized()
        people = PeopleClusters(self.lexicon, self.known_people)
        orgs = OrgClusters(self.lexicon, self.known_orgs)
        cue_ends = {end for _match, _start, end in self.alias_cues(doc)}
        for mention in self._mentions(doc):
            span = trim_name(mention)
            if span is None:
                continue
            before = span.start - 1
            renamed = span.start in cue_ends or (before in cue_ends and doc[before].lower_ == "the")
            if span.label_ == "PERSON":
                words = name_words(span)
                if any(w[:1].isupper() for w in words):
                    people.add(span, words, self._titles(span), renamed)
            else:
                words = [t.text for t in span]
                orgs.add(span, words, possessive_owner(span), parenthesised_acronym(span), renamed)
        people.finish()
        orgs.finish()
        doc.spans[PEOPLE] = _spans(doc, PEOPLE, people.clusters)
        doc.spans[ORGANIZATIONS] = _spans(doc, ORGANIZATIONS, orgs.clusters)
        doc._.entity_clusters = {
            **{cluster_id(PEOPLE, c): _person_info(c, people.stable_id(c)) for c in people.clusters},
            **{cluster_id(ORGANIZATIONS, c): _org_info(c, orgs.stable_id(c)) for c in orgs.clusters},
        }
        return doc

    def _mentions(self, doc: Doc) -> list[Span]:
        """PERSON and ORG entities plus phrase-named organizations, longest first where they
        overlap; an organization overlapping a person gives way to the person."""
        people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        orgs = [ent for ent in doc.ents if ent.label_ == "ORG"] + list(doc.spans.get(self.candidates_key, []))
        owners = TokenOwners(doc, people)
        orgs = [span for span in filter_spans(orgs) if not owners.overlapping(span)]
        starts = {span.start for span in orgs}
        orgs = [span for span in orgs if not _owns_the_next(span, starts)]
        return sorted(people + orgs, key=lambda span: span.start)

    def _titles(self, span: Span) -> list[str]:
        """Title words just before the name ("leader Kim Jong Un") and an apposition after it."""
        titles = []
        doc, start = span.doc, span.start
        while start > 0 and self.lexicon.has_role(doc[start - 1].text, "title"):
            start -= 1
        if start < span.start:
            titles.append(doc[start : span.start].text)
        for child in span.root.children:
            if child.dep_ == "appos" and child.i >= span.end:
                tokens = [t for t in child.subtree if not _in_coordination(t, child)]
                is_title = any(self.lexicon.has_role(t.text, "title") for t in tokens)  # not "60", "four in all"
                if 0 < len(tokens) <= self.max_title_tokens and is_title:
                    titles.append(doc[tokens[0].i : tokens[-1].i + 1].text)
        return titles


def _owns_the_next(span: Span, starts: set[int]) -> bool:
    """"the U.S. Treasury Department's Financial Crimes Enforcement Network": a body named only
    as the owner of the next one is no mention of its own (its other mentions still count)."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text in POSSESSIVES and span.end + 1 in starts


def cluster_id(kind: str, cluster: Cluster) -> str:
    """A cluster's id within its article: the kind and its position ("people:0")."""
    return f"{kind}:{cluster.order}"


def possessive_owner(span: Span) -> str | None:
    """"China's Foreign Ministry" -> "China": the country a generic body belongs to."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text not in POSSESSIVES:
        return None
    owner = doc[span.start - 2]
    if owner.ent_type_ != "GPE":
        return None
    start = owner.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[start : owner.i + 1].text


def parenthesised_acronym(span: Span) -> str | None:
    """"National Intelligence Service (NIS)" -> "NIS"; "the Political Bureau (Politburo)" ->
    "Politburo": a short name in parentheses right after the full one."""
    doc = span.doc
    if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
        candidate = doc[span.end + 1]
        if is_acronym(candidate.text) or (candidate.is_title and candidate.is_alpha and len(span) > 1):
            return candidate.text
    return None


def _in_coordination(token: Token, apposition: Token) -> bool:
    """Tokens of a conjunct hanging off the apposition ("... and a colonel of ...")."""
    while token.i != apposition.i and token.head.i != token.i:
        if token.dep_ in {"conj", "cc"} and token.head.i == apposition.i:
            return True
        token = token.head
    return False


def _spans(doc: Doc, kind: str, clusters: list[Cluster]) -> list[Span]:
    spans = [
        Span(doc, m.start, m.end, label=cluster.label, kb_id=cluster_id(kind, cluster), span_id=m.id_)
        for cluster in clusters
        for m in cluster.mentions
    ]
    return sorted(spans, key=lambda s: (s.start, s.end))


def _person_info(cluster: Cluster, entity_id: str) -> dict[str, Any]:
    return {"kind": PEOPLE, "id": entity_id, "name": cluster.canonical, "aliases": cluster.aliases,
            "titles": list(cluster.titles)}


def _org_info(cluster: Cluster, entity_id: str) -> dict[str, Any]:
    return {"kind": ORGANIZATIONS, "id": entity_id, "name": cluster.canonical, "aliases": cluster.aliases,
            "acronym": cluster.acronym}


@Language.factory(
    "newsfacts_entities",
    assigns=["doc.spans", "doc._.entity_clusters"],
    requires=["doc.ents", "token.dep"],
    default_config={"candidates_key": ORG_CANDIDATES_KEY, "max_title_tokens": 12},
)
def make_entities(nlp: Language, name: str, candidates_key: str, max_title_tokens: int) -> EntityClusters:
    """Cluster PERSON/ORG mentions (and ``doc.spans[candidates_key]``) into one record per entity."""
    register_extensions()
    return EntityClusters(nlp, candidates_key, max_title_tokens)
