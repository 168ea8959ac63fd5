"""Per-kind precision, recall and F1, matched one-to-one as corpus/GUIDELINES.md describes.

Matching is a maximum bipartite matching between extracted and expected facts of one kind in
one article, so that the score does not depend on the order facts come in; a second extracted
record for an already matched expected fact counts as false.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, Literal

from ..kinds import EVENTS, KINDS, ORGANIZATIONS, PEOPLE, PERCENTAGES, YEAR_COUNTS
from ..normalize.names import surface_key
from ..records import ArticleRecord, DefectionEvent, Organization, Percentage, Person, YearCount
from .expected import ExpectedArticle

PERCENT_TOLERANCE = 0.05
# The fields compared on matched facts ("field agreement"): right fact, right details.
FIELDS: dict[str, tuple[str, ...]] = {
    YEAR_COUNTS: ("qualifier", "month", "cumulative"),
    PERCENTAGES: ("direction", "year", "base_year"),
    EVENTS: ("month", "places", "people"),
}


@dataclass
class KindScore:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    # field -> [matched facts on which it agrees, matched facts]
    fields: dict[str, list[int]] = field(default_factory=dict)

    @property
    def agreement(self) -> float | None:
        """Share of field comparisons on matched facts that agree; None when none were made."""
        agreed = sum(a for a, _ in self.fields.values())
        total = sum(t for _, t in self.fields.values())
        return agreed / total if total else None

    def field_agreement(self, name: str) -> float | None:
        agreed, total = self.fields.get(name, (0, 0))
        return agreed / total if total else None

    @property
    def precision(self) -> float | None:
        """None when nothing was extracted: there is no precision to speak of."""
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else None

    @property
    def recall(self) -> float | None:
        """None when nothing was expected."""
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else None

    @property
    def f1(self) -> float:
        """1.0 when nothing was expected and nothing extracted; 0.0 when nothing matched."""
        if self.true_positives == 0:
            return 0.0 if self.false_positives or self.false_negatives else 1.0
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r)

    def add(self, other: KindScore) -> None:
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.false_negatives += other.false_negatives
        for name, (agreed, total) in other.fields.items():
            counts = self.fields.setdefault(name, [0, 0])
            counts[0] += agreed
            counts[1] += total


@dataclass(frozen=True)
class Finding:
    """One thing an article got wrong, with what a person needs to look it up: the sentence the
    program read (or the expected file's quote, for a miss) and the rule that fired."""

    kind: str
    what: Literal["missed", "false", "field"]
    fact: str  # the fact as `_describe` writes it (the expected one for a miss or a wrong field)
    field: str | None = None  # for a wrong field: its name, and both values
    expected: Any = None
    found: Any = None
    evidence: str | None = None  # the found fact's evidence text; for a miss, the expected quote
    sentence: str | None = None  # the found fact's evidence sentence
    rule: str | None = None  # the found fact's evidence.rule

    @property
    def gate(self) -> str:
        """The threshold this finding counts against (see :mod:`pipeline.evaluation.thresholds`)."""
        return f"fields.{self.kind}.{self.field}" if self.what == "field" else f"f1.{self.kind}"


@dataclass
class ArticleScore:
    article_id: str
    kinds: dict[str, KindScore] = field(default_factory=dict)
    missed: dict[str, list[str]] = field(default_factory=dict)
    false: dict[str, list[str]] = field(default_factory=dict)
    published_expected: str | None = None
    published_found: str | None = None
    published_source: str = "unknown"
    findings: list[Finding] = field(default_factory=list)
    expected_id: str = ""  # the expected file's id (relative to the folder scored); "" until scored
    has_record: bool = True

    @property
    def published_year_correct(self) -> bool | None:
        """Whether the year found is the expected one; None when no year is expected."""
        if self.published_expected is None:
            return None
        return (self.published_found or "")[:4] == self.published_expected[:4]


@dataclass
class CorpusScore:
    kinds: dict[str, KindScore]
    articles: list[ArticleScore]
    unmatched_records: list[str] = field(default_factory=list)
    missing_records: list[str] = field(default_factory=list)

    @property
    def published_correct(self) -> int:
        return sum(a.published_found == a.published_expected for a in self.articles)

    @property
    def published_scored(self) -> int:
        """Articles with an expected publication year: the ones the published gate counts."""
        return sum(a.published_year_correct is not None for a in self.articles)

    @property
    def published_year_correct(self) -> int:
        return sum(a.published_year_correct is True for a in self.articles)

    @property
    def published_accuracy(self) -> float | None:
        """Share of articles with an expected year whose year was found; None when none has one."""
        return self.published_year_correct / self.published_scored if self.published_scored else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kinds": {
                kind: {
                    "field_agreement": {name: round(s.field_agreement(name), 4) for name in s.fields
                                        if s.field_agreement(name) is not None},
                    "precision": None if s.precision is None else round(s.precision, 4),
                    "recall": None if s.recall is None else round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "true_positives": s.true_positives,
                    "false_positives": s.false_positives,
                    "false_negatives": s.false_negatives,
                }
                for kind, s in self.kinds.items()
            },
            "published": {"correct": self.published_correct, "articles": len(self.articles)},
            "articles": [
                {
                    "id": a.article_id,
                    "missed": a.missed,
                    "false": a.false,
                    "published": {"expected": a.published_expected, "found": a.published_found},
                }
                for a in self.articles
            ],
            "records_without_expected": self.unmatched_records,
            "expected_without_records": self.missing_records,
        }


def max_matching(
    left: Sequence[Any], right: Sequence[Any], fits: Callable[[Any, Any], bool],
    prefer: Callable[[Any, Any], int] | None = None,
) -> dict[int, int]:
    """A maximum bipartite matching: left index -> right index.

    With ``prefer``, pairs that agree on more fields are taken first (greedily), so that two
    facts with the same value pair with the expected facts they agree with; the greedy choice
    is kept only when it matches as many facts as the best matching does, so the score never
    depends on it.
    """
    best = _augmenting(left, right, fits)
    if prefer is None:
        return best
    pairs = sorted(((prefer(l, r), i, j) for i, l in enumerate(left) for j, r in enumerate(right) if fits(l, r)),
                   key=lambda p: (-p[0], p[1], p[2]))
    greedy: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in pairs:
        if i not in greedy and j not in taken:
            greedy[i] = j
            taken.add(j)
    return greedy if len(greedy) == len(best) else best


def _augmenting(left: Sequence[Any], right: Sequence[Any], fits: Callable[[Any, Any], bool]) -> dict[int, int]:
    """Maximum bipartite matching by augmenting paths."""
    edges = [[j for j, r in enumerate(right) if fits(l, r)] for l in left]
    owner: dict[int, int] = {}

    def claim(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or claim(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(left)):
        claim(i, set())
    return {i: j for j, i in owner.items()}


def _forms(record: Person | Organization) -> set[str]:
    names = [record.name, *record.aliases]
    if isinstance(record, Organization) and record.acronym:
        names.append(record.acronym)
    return {surface_key(n) for n in names}


def _entity_fits(record: Person | Organization, forms: list[str]) -> bool:
    return bool(_forms(record) & {surface_key(f) for f in forms})


def _event_fits(record: DefectionEvent, expected) -> bool:
    if expected.count is None and expected.year is None:
        return bool({surface_key(p) for p in record.people} & {surface_key(p) for p in expected.people})
    if expected.count is not None and record.count != expected.count:
        return False
    return expected.year is None or record.year == expected.year


def _agreement(kind: str, pairs: list[tuple[Any, Any]]) -> dict[str, list[int]]:
    """For each compared field of ``kind``: [pairs on which found and expected agree, pairs]."""
    counts = {}
    for name in FIELDS.get(kind, ()):
        agreed = sum(_same(name, getattr(found, name), getattr(expected, name)) for found, expected in pairs)
        counts[name] = [agreed, len(pairs)]
    return counts


def _agreeing(kind: str, found: Any, expected: Any) -> int:
    """How many compared fields agree (and, for percentages, whether both are points)."""
    count = sum(_same(name, getattr(found, name), getattr(expected, name)) for name in FIELDS.get(kind, ()))
    if kind == PERCENTAGES:
        count += 2 * (found.points == expected.points)
    return count


def _same(name: str, found: Any, expected: Any) -> bool:
    if name in {"places", "people"}:
        return {surface_key(v) for v in found} == {surface_key(v) for v in expected}
    return found == expected


def _describe(kind: str, item: Any) -> str:
    if kind == YEAR_COUNTS:
        return f"{item.year}{'-%02d' % item.month if item.month else ''}: {item.count} ({item.qualifier})"
    if kind == PERCENTAGES:
        return f"{item.value}% ({item.direction})"
    if kind in {PEOPLE, ORGANIZATIONS}:
        return item.name if hasattr(item, "name") else " / ".join(item)
    return f"{item.description} (count {item.count}, year {item.year})"


def _found_finding(kind: str, extracted: Any, /, **extra: Any) -> Finding:
    """A finding about an extracted fact: where it was read and by which rule."""
    proof = extracted.evidence
    return Finding(kind=kind, evidence=proof.text, sentence=proof.sentence, rule=proof.rule, **extra)


def _findings(kind: str, facts: list[Any], wanted: list[Any], matched: dict[int, int]) -> list[Finding]:
    """Misses, false facts and, on matched pairs, each compared field that differs."""
    hit = set(matched.values())
    findings = [
        Finding(kind=kind, what="missed", fact=_describe(kind, e), evidence=getattr(e, "evidence", None))
        for j, e in enumerate(wanted) if j not in hit
    ]  # fmt: skip
    findings += [_found_finding(kind, f, what="false", fact=_describe(kind, f)) for i, f in enumerate(facts) if i not in matched]
    for i, j in sorted(matched.items()):
        found, gold = facts[i], wanted[j]
        for name in FIELDS.get(kind, ()):
            if not _same(name, getattr(found, name), getattr(gold, name)):
                findings.append(_found_finding(kind, found, what="field", fact=_describe(kind, gold), field=name,
                                               expected=getattr(gold, name), found=getattr(found, name)))
    return findings


def _in_expected_spelling(events: list[DefectionEvent], people: list[Person], expected: ExpectedArticle) -> list[DefectionEvent]:
    """Events whose people are written as the expected file writes them when both name the same
    person of the article: an event names a person by its record's canonical name, which may
    be the gazetteer's spelling ("Ryu Hyun-woo") where the annotator kept the text's ("Ryu Hyon
    U"). People are compared as persons, not as spellings."""
    wanted = {surface_key(name): name for event in expected.events for name in event.people}
    wanted.update({surface_key(forms[0]): forms[0] for forms in expected.people if forms})
    spelling: dict[str, str] = {}
    for person in people:
        forms = _forms(person)
        match = next((wanted[key] for key in forms if key in wanted), None)
        if match is not None:
            spelling[surface_key(person.name)] = match
    return [event.model_copy(update={"people": [spelling.get(surface_key(p), p) for p in event.people]})
            for event in events]


def score_article(record: ArticleRecord, expected: ExpectedArticle) -> ArticleScore:
    facts = {kind: [f for f in record.facts if f.kind == kind] for kind in KINDS}
    facts[EVENTS] = _in_expected_spelling(facts[EVENTS], facts[PEOPLE], expected)
    wanted: dict[str, list[Any]] = {kind: getattr(expected, kind) for kind in KINDS}
    fits: dict[str, Callable[[Any, Any], bool]] = {
        YEAR_COUNTS: lambda f, e: isinstance(f, YearCount) and (f.year, f.count) == (e.year, e.count),
        PERCENTAGES: lambda f, e: isinstance(f, Percentage) and abs(f.value - e.value) <= PERCENT_TOLERANCE,
        PEOPLE: _entity_fits,
        ORGANIZATIONS: _entity_fits,
        EVENTS: _event_fits,
    }
    score = ArticleScore(
        article_id=record.article.id,
        published_expected=expected.published,
        published_found=record.article.published,
        published_source=record.article.published_source,
    )
    for kind in KINDS:
        matched = max_matching(facts[kind], wanted[kind], fits[kind], prefer=lambda f, e, k=kind: _agreeing(k, f, e))
        hit = set(matched.values())
        score.kinds[kind] = KindScore(
            true_positives=len(matched),
            false_positives=len(facts[kind]) - len(matched),
            false_negatives=len(wanted[kind]) - len(matched),
            fields=_agreement(kind, [(facts[kind][i], wanted[kind][j]) for i, j in matched.items()]),
        )
        missed = [_describe(kind, e) for j, e in enumerate(wanted[kind]) if j not in hit]
        false = [_describe(kind, f) for i, f in enumerate(facts[kind]) if i not in matched]
        if missed:
            score.missed[kind] = missed
        if false:
            score.false[kind] = false
        score.findings += _findings(kind, facts[kind], wanted[kind], matched)
    return score


def match_records(records: Sequence[ArticleRecord], expected_ids: Iterable[str]) -> dict[str, ArticleRecord]:
    """Expected id -> its record: the record whose id equals it, else the one record whose id
    ends with ``/`` + it, or whose article file does (an article naming its own id in front
    matter). Record ids are relative to the folder ``extract`` read, expected ids to the folder
    ``--expected`` names (``heldout/NAME`` against ``NAME``). Raises ValueError when an
    expected file fits more than one record."""
    exact: dict[str, list[ArticleRecord]] = defaultdict(list)
    by_suffix: dict[str, list[ArticleRecord]] = defaultdict(list)
    for record in records:
        exact[record.article.id].append(record)
        for suffix in _suffixes(record):
            by_suffix[suffix].append(record)
    wanted = list(expected_ids)
    taken = {id(record) for expected_id in wanted for record in exact.get(expected_id, [])}
    matched: dict[str, ArticleRecord] = {}
    for expected_id in wanted:
        candidates = exact.get(expected_id) or [r for r in by_suffix.get(expected_id, []) if id(r) not in taken]
        if len(candidates) > 1:
            ids = ", ".join(repr(record.article.id) for record in candidates)
            raise ValueError(f"the expected facts {expected_id!r} fit {len(candidates)} records ({ids}): ids must tell them apart")
        if candidates:
            matched[expected_id] = candidates[0]
    return matched


def _suffixes(record: ArticleRecord) -> set[str]:
    """What follows each ``/`` of the record's id, and of its article file's path without the
    extension (not for a line of a collection, which has no file of its own)."""
    names = [record.article.id]
    path = PurePosixPath((record.article.path or "").replace("\\", "/"))
    if path.suffix.lower() in _ARTICLE_SUFFIXES:
        names.append("/" + path.with_suffix("").as_posix())
    suffixes = set()
    for name in names:
        parts = name.split("/")
        suffixes.update("/".join(parts[start:]) for start in range(1, len(parts)))
    return suffixes - {""}


_ARTICLE_SUFFIXES = (".txt", ".md")


def score_corpus(records: Sequence[ArticleRecord], expected: dict[str, ExpectedArticle]) -> CorpusScore:
    """Score every record that has an expected file; report the ones on either side without."""
    totals = {kind: KindScore() for kind in KINDS}
    articles = []
    matched = {id(record): expected_id for expected_id, record in match_records(records, expected).items()}
    seen = set()
    unmatched = []
    for record in records:
        expected_id = matched.get(id(record))
        if expected_id is None:
            unmatched.append(record.article.id)
            continue
        seen.add(expected_id)
        gold = expected[expected_id]
        article = score_article(record, gold)
        article.expected_id = expected_id
        for kind, kind_score in article.kinds.items():
            totals[kind].add(kind_score)
        articles.append(article)
    missing = sorted(set(expected) - seen)
    for article_id in missing:  # an article never extracted misses all its facts
        gold = expected[article_id]
        empty = ArticleRecord.model_validate({"article": {"id": article_id}})
        article = score_article(empty, gold)
        article.expected_id, article.has_record = article_id, False
        for kind, kind_score in article.kinds.items():
            totals[kind].add(kind_score)
        articles.append(article)
    return CorpusScore(kinds=totals, articles=articles, unmatched_records=unmatched, missing_records=missing)
