"""Grouping the mentions of one article into one cluster per real person or organization.

"Thae Yong-ho" = "Thae Yong Ho" = "Thae"; "the Unification Ministry" = "the Ministry of
Unification"; "NIS" = "National Intelligence Service" (by its initials, a parenthesis after the
full name, or the gazetteer). A cluster is identified by its position among the article's
clusters, never by its name: two people who share a name stay two clusters.

Every lookup goes through an index (a key, a family name, an acronym, a last word), so an article
with thousands of mentions clusters in time linear in its mentions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Span

from .lexicon import NameLexicon
from .normalize.names import (
    initials,
    inverted_forms,
    is_acronym,
    korean_person_key,
    looks_like_korean_name,
    family_first,
    person_key,
    surface_key,
    western_order_korean,
)


@dataclass(eq=False)
class Cluster:
    """One real entity: its surface forms in order of appearance and its mentions."""

    label: str
    order: int  # position among the article's clusters of its kind: the cluster's identity
    forms: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    canonical_hint: str | None = None  # from the gazetteer
    titles: list[str] = field(default_factory=list)
    other_names: set[str] = field(default_factory=set)  # "under the name X": never canonical
    declared_acronym: str | None = None  # "(NIS)" after the full name, even if never used again
    owners: set[str] = field(default_factory=set)  # "China's" Foreign Ministry
    known_id: str | None = None  # the gazetteer's id, when the entity is known
    written_western: bool = False  # a Korean name seen given name first ("Hye-jin Yoon")

    @property
    def canonical(self) -> str:
        if self.canonical_hint:
            return self.canonical_hint
        names = [f for f in self.forms if not is_acronym(f) and f not in self.other_names] or self.forms
        # The fullest form, the first seen among near ties: "Thae Yong-ho" and "Thae Yong Ho" tie,
        # "Im Ji-hyun" and "Lim Ji-hyun" differ by a romanization, not by fullness.
        letters = {f: len(f.replace(" ", "").replace("-", "")) for f in names}
        fullest = max(letters.values())
        return next(f for f in self.forms if f in letters and letters[f] >= fullest - 1)

    @property
    def acronym(self) -> str | None:
        if self.label != "ORG":
            return None
        return next((f for f in self.forms if is_acronym(f)), self.declared_acronym)

    @property
    def aliases(self) -> list[str]:
        """Surface forms seen, other than the canonical name and the acronym."""
        canonical, acronym = self.canonical, self.acronym
        return [f for f in self.forms if f not in (canonical, acronym)]

    @property
    def fullest_name(self) -> list[str]:
        """The longest non-acronym form, as words."""
        names = [form.split() for form in self.forms if not is_acronym(form)]
        return max(names, key=len, default=[])


@dataclass(frozen=True)
class Known:
    """A gazetteer entry as the clusters need it."""

    id: str
    name: str


def stable_id(cluster: Cluster, key: str) -> str:
    """The id of an entity across articles: the gazetteer's, else one derived from a key that
    ignores romanization, case, hyphens and word order ("person:thae-yongo")."""
    if cluster.known_id:
        return cluster.known_id
    prefix = "person" if cluster.label == "PERSON" else "org"
    slug = "".join(c if c.isalnum() else "-" for c in key.lower())
    return f"{prefix}:{'-'.join(part for part in slug.split('-') if part)}"


def _latest(clusters: list[Cluster] | None, accept=lambda cluster: True) -> Cluster | None:
    """The most recently created of ``clusters`` that ``accept`` allows."""
    return max((c for c in clusters or () if accept(c)), key=lambda c: c.order, default=None)


class _Clusters:
    """Clusters of one kind with the indexes that find them."""

    label = ""

    def __init__(self, lexicon: NameLexicon) -> None:
        self.lexicon = lexicon
        self.clusters: list[Cluster] = []
        self.by_key: dict[str, list[Cluster]] = defaultdict(list)
        self.last_touched: Cluster | None = None  # "under the name ..." renames this one

    def new(self) -> Cluster:
        cluster = Cluster(label=self.label, order=len(self.clusters))
        self.clusters.append(cluster)
        return cluster

    def add_key(self, cluster: Cluster, key: str) -> None:
        if key not in cluster.keys:
            cluster.keys.add(key)
            self.by_key[key].append(cluster)

    def add_mention(self, cluster: Cluster, span: Span, surface: str | None) -> None:
        cluster.mentions.append(span)
        if surface is not None and surface not in cluster.forms:
            cluster.forms.append(surface)
            self.form_added(cluster, surface)
        self.last_touched = cluster

    def form_added(self, cluster: Cluster, form: str) -> None:
        """Hook for the indexes that depend on forms."""

    def merge(self, target: Cluster, other: Cluster) -> None:
        """Fold ``other`` into ``target`` (mentions, forms, titles) and drop it."""
        target.mentions = sorted(target.mentions + other.mentions, key=lambda m: m.start)
        for form in other.forms:
            if form not in target.forms:
                target.forms.append(form)
                self.form_added(target, form)
        target.titles += [title for title in other.titles if title not in target.titles]
        target.declared_acronym = target.declared_acronym or other.declared_acronym
        self.clusters.remove(other)

    def merge_known(self) -> None:
        """Two clusters the gazetteer knows as one entity ("Standing Committee" and "the
        Presidium of the SPA" it was called before) are one."""
        first: dict[str, Cluster] = {}
        for cluster in list(self.clusters):
            if cluster.known_id is None:
                continue
            if cluster.known_id in first:
                self.merge(first[cluster.known_id], cluster)
            else:
                first[cluster.known_id] = cluster

    def renumber(self) -> None:
        for order, cluster in enumerate(self.clusters):
            cluster.order = order


class PeopleClusters(_Clusters):
    label = "PERSON"

    def __init__(self, lexicon: NameLexicon, known: dict[str, Known] | None = None) -> None:
        super().__init__(lexicon)
        self.known = known or {}  # person key of any gazetteer form -> entry
        self.by_family: dict[str, list[Cluster]] = defaultdict(list)

    def add(self, span: Span, words: list[str], titles: list[str], renamed: bool) -> None:
        key = self.key(words)
        entry = self.known.get(key) if len(words) > 1 else None
        cluster = _latest(self.by_key.get(key))
        if cluster is None and entry is not None:  # "Thae Ku-min" after "Thae Yong-ho"
            cluster = _latest(self.by_key.get(f"id:{entry.id}"))
        western = western_order_korean(words, self.lexicon.surnames)
        if cluster is None and len(words) == 1:
            cluster = _latest(self.by_family.get(self.lexicon.family(words[0])))  # a lone "Thae"
        if cluster is None and renamed and self.last_touched is not None:
            cluster = self.last_touched
            cluster.other_names.add(" ".join(words))
        if cluster is None:
            cluster = self.new()
        self.add_key(cluster, key)
        if entry is not None and cluster.known_id is None:
            cluster.known_id, cluster.canonical_hint = entry.id, entry.name
            self.add_key(cluster, f"id:{entry.id}")
        self.add_mention(cluster, span, " ".join(words))
        if western is not None:
            cluster.written_western = True
        if cluster.written_western and cluster.known_id is None:
            self.family_name_first(cluster)
        cluster.titles.extend(title for title in titles if title not in cluster.titles)

    def family_name_first(self, cluster: Cluster) -> None:
        """A Korean name the text wrote given name first is listed family name first: the
        text's own family-first form when it has one ("Lee Young-hwan" beside "Hubert
        Younghwan Lee"), else one made from it ("Hye-jin Yoon" -> "Yoon Hye-jin")."""
        korean = [f for f in cluster.forms if looks_like_korean_name(f.split(), self.lexicon.surnames)]
        if korean:
            cluster.canonical_hint = korean[0]
            return
        for form in cluster.forms:
            western = western_order_korean(form.split(), self.lexicon.surnames)
            if western is not None and len(form.split()) == 2:
                cluster.canonical_hint = family_first(*western)
                cluster.forms.insert(0, cluster.canonical_hint)
                self.form_added(cluster, cluster.canonical_hint)
                return

    def finish(self) -> None:
        """A lone family name met before the full name ("Kim's Watch" in a headline, "Kim Jong
        Un" in the body) joins the one cluster of that family, when there is only one."""
        self.merge_known()
        for cluster in list(self.clusters):
            if any(len(form.split()) > 1 for form in cluster.forms):
                continue
            family = self.lexicon.family(cluster.forms[0]) if cluster.forms else ""
            fuller = [c for c in self.by_family.get(family, ()) if c is not cluster
                      and any(len(form.split()) > 1 for form in c.forms)]
            if len(fuller) == 1:
                self.merge(fuller[0], cluster)
        self.renumber()

    def key(self, words: list[str]) -> str:
        return person_name_key(words, self.lexicon)

    def stable_id(self, cluster: Cluster) -> str:
        names = [f for f in cluster.forms if len(f.split()) > 1] or cluster.forms
        return stable_id(cluster, self.key(cluster.canonical.split()) if cluster.canonical in names else self.key(names[0].split()))

    def form_added(self, cluster: Cluster, form: str) -> None:
        parts = form.split()
        if len(parts) < 2:
            return
        family = parts[0] if looks_like_korean_name(parts, self.lexicon.surnames) else parts[-1]
        if family == parts[0] and western_order_korean(parts, self.lexicon.surnames) is not None:
            family = parts[-1]
        group = self.by_family[self.lexicon.family(family)]
        if cluster not in group:
            group.append(cluster)


def person_name_key(words: list[str], lexicon: NameLexicon) -> str:
    """Romanization-insensitive: "Thae Yong-ho", "Thae Yong Ho" and "Tae Yongho" agree, and so
    do "Yoon Hye-jin" and "Hye-jin Yoon"."""
    if len(words) > 1 and looks_like_korean_name(words, lexicon.surnames):
        return korean_person_key(lexicon.family(words[0]), words[1:])
    western = western_order_korean(words, lexicon.surnames)
    if western is not None:
        family, given = western
        return korean_person_key(lexicon.family(family), given)
    return person_key(words)


def org_name_key(words: list[str], lexicon: NameLexicon) -> str:
    """"Unification Ministry" and "the Ministry of Unification" agree: both give the order
    that ends with the head word ("unification ministry")."""
    forms = [" ".join(words), *inverted_forms(words, lexicon.role("org_head"))]
    ending = [form for form in forms if lexicon.has_role(form.split()[-1], "org_head")]
    return surface_key(ending[0] if ending else forms[0])


class OrgClusters(_Clusters):
    label = "ORG"

    def __init__(self, lexicon: NameLexicon, known: dict[str, Known] | None = None) -> None:
        super().__init__(lexicon)
        self.known = known or {}  # surface key of any gazetteer form -> entry
        self.by_word: dict[str, list[Cluster]] = defaultdict(list)  # any word of a form
        self.by_first: dict[str, list[Cluster]] = defaultdict(list)  # the first word of a full name
        self.by_initials: dict[str, list[Cluster]] = defaultdict(list)  # of a full-name form
        self.by_acronym_form: dict[str, list[Cluster]] = defaultdict(list)  # an acronym form
        self.by_last_word: dict[str, list[Cluster]] = defaultdict(list)  # of the fullest name
        self._last_word: dict[Cluster, str] = {}  # which by_last_word bucket a cluster is in

    def add(self, span: Span, words: list[str], owner: str | None, acronym: str | None, renamed: bool) -> None:
        surface = span.text
        if len(words) == 1 and self.lexicon.has_role(words[0], "org_head"):
            cluster = _latest(self.by_word.get(words[0].lower()))  # a bare "Ministry" refers back
            if cluster is not None:
                self.add_mention(cluster, span, None)
            return

        def fits(cluster: Cluster) -> bool:
            return owner is None or not cluster.owners or owner in cluster.owners

        keys = self.keys(words, surface)
        cluster = _latest([c for key in keys for c in self.by_key.get(key, ())], fits)
        if cluster is None:
            cluster = self.by_acronym(surface, words, fits)
        if cluster is None and acronym and is_acronym(acronym):  # "FBI" met first, then "... (FBI)"
            cluster = _latest([c for c in self.by_acronym_form.get(_acronym_key(acronym), []) if all(map(is_acronym, c.forms))], fits)
        if cluster is None:
            cluster = self.by_shared_ending(words, fits)
        if cluster is None:
            cluster = self.by_first_word(words, fits)
        if cluster is None and renamed and self.last_touched is not None:
            cluster = self.last_touched
            cluster.other_names.add(surface)
        if cluster is None:
            cluster = self.new()
        for key in keys:
            self.add_key(cluster, key)
        entry = self.known.get(surface_key(surface))
        if entry is not None and cluster.known_id is None:
            cluster.known_id, cluster.canonical_hint = entry.id, entry.name
        self.add_mention(cluster, span, surface)
        if owner is not None:
            cluster.owners.add(owner)
        if acronym:  # "(NIS)", or a short name "(Politburo)"
            self.add_key(cluster, surface_key(acronym))
            if is_acronym(acronym):
                cluster.declared_acronym = cluster.declared_acronym or acronym

    def keys(self, words: list[str], surface: str) -> set[str]:
        keys = {surface_key(surface)}
        for index, word in enumerate(words):
            if self.lexicon.has_role(word, "mission"):  # "North Korea's embassy in London" = "the embassy in London"
                keys.add(surface_key(" ".join(words[index:])))
        keys |= {surface_key(form) for form in inverted_forms(words, self.lexicon.role("org_head"))}
        entry = self.known.get(surface_key(surface))
        if entry is not None:  # every name of a known body, "National Unification Board" too
            keys.add(f"id:{entry.id}")
        return keys

    def stable_id(self, cluster: Cluster) -> str:
        names = [f for f in cluster.forms if not is_acronym(f)]
        return stable_id(cluster, org_name_key((names[0] if cluster.canonical not in names else cluster.canonical).split(), self.lexicon)
                         if names else surface_key(cluster.forms[0]))

    def by_acronym(self, surface: str, words: list[str], fits) -> Cluster | None:
        """"NIS" after "National Intelligence Service", or the other way round. A full name joins
        an acronym only while the acronym stands alone: once "MSS" is the Ministry of State
        Security, a "Ministry of Social Security" is another body."""
        found: list[Cluster] = []
        if is_acronym(surface):
            found += self.by_initials.get(_acronym_key(surface), [])
        for variant in _initial_variants(words):
            found += [c for c in self.by_acronym_form.get(variant, []) if all(map(is_acronym, c.forms))]
        return _latest(found, fits)

    def by_shared_ending(self, words: list[str], fits) -> Cluster | None:
        """"the Red Cross" and "the Korean Red Cross": one name ends the other; only when one body
        fits. Compared with each body's fullest name, so "National Security Council" never joins
        a "UN Security Council" that was also called "Security Council"."""
        if len(words) < 2:
            return None
        candidates = [c for c in self.by_last_word.get(words[-1].lower(), []) if fits(c)]
        matches = [c for c in candidates if _one_ends_the_other(c.fullest_name, words)]
        return matches[0] if len(matches) == 1 else None

    def finish(self) -> None:
        self.merge_known()
        self.renumber()

    def by_first_word(self, words: list[str], fits) -> Cluster | None:
        """"Lazarus" after "Lazarus Group", "Sony" after "Sony Pictures Entertainment": a lone
        word that opens the full name of exactly one body."""
        if len(words) != 1 or is_acronym(words[0]):
            return None
        candidates = [c for c in self.by_first.get(words[0].lower(), []) if fits(c)]
        return candidates[0] if len(candidates) == 1 else None

    def form_added(self, cluster: Cluster, form: str) -> None:
        words = form.split()
        for word in {w.lower() for w in words}:
            if cluster not in self.by_word[word]:
                self.by_word[word].append(cluster)
        if len(words) > 1 and not is_acronym(form) and cluster not in self.by_first[words[0].lower()]:
            self.by_first[words[0].lower()].append(cluster)
        if is_acronym(form):
            self.by_acronym_form[_acronym_key(form)].append(cluster)
            return
        for variant in _initial_variants(words):
            if cluster not in self.by_initials[variant]:
                self.by_initials[variant].append(cluster)
        fullest = cluster.fullest_name
        if len(fullest) >= 2 and self._last_word.get(cluster) != fullest[-1].lower():
            if cluster in self._last_word:
                self.by_last_word[self._last_word[cluster]].remove(cluster)
            self._last_word[cluster] = fullest[-1].lower()
            self.by_last_word[fullest[-1].lower()].append(cluster)


def _initial_variants(words: list[str]) -> set[str]:
    """The initials of a full name, with and without "of", and without a leading owner ("US
    Federal Bureau of Investigation" is also "FBI")."""
    variants = {initials(words, skip_stopwords=True), initials(words, skip_stopwords=False)}
    if len(words) >= 3 and is_acronym(words[0]):
        variants |= {initials(words[1:], skip_stopwords=True), initials(words[1:], skip_stopwords=False)}
    return variants


def _acronym_key(acronym: str) -> str:
    return acronym.replace(".", "").upper()


def _one_ends_the_other(fullest: list[str], words: list[str]) -> bool:
    return len(fullest) >= 2 and (_ends_with(fullest, words) or _ends_with(words, fullest))


def _ends_with(longer: list[str], shorter: list[str]) -> bool:
    tail = longer[len(longer) - len(shorter) :]
    return len(longer) > len(shorter) and [w.lower() for w in tail] == [w.lower() for w in shorter]
