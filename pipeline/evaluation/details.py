"""Which misses, false facts and wrong fields a report shows: filters, and held-out hygiene.

Filters narrow what is shown, never what is scored or the verdict. Held-out articles are
scored like any other, but what they got wrong is not shown unless asked for
(``--show-heldout``): reading it is how a held-out set stops being unseen (corpus/README.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .gate import Evaluation
from .scoring import ArticleScore, Finding
from .sets import is_heldout

PUBLISHED_GATE = "published"


@dataclass(frozen=True)
class View:
    """What the details show."""

    kinds: frozenset[str] = frozenset()  # empty: every kind (and the publication year)
    articles: tuple[str, ...] = ()  # exact ids, or substrings of ids when no id equals them
    errors_only: bool = False  # only what counts against a threshold that failed
    show_heldout: bool = False


@dataclass
class ArticleDetails:
    """One article's details, once, however many sets score it."""

    score: ArticleScore
    sets: list[str]
    heldout: bool
    failed_gates: set[str] = field(default_factory=set)  # of the sets that hold it
    findings: list[Finding] = field(default_factory=list)  # after the view's filters
    published_wrong: bool = False  # shown: the year found is not the one expected

    @property
    def article_id(self) -> str:
        return self.score.article_id

    @property
    def shown(self) -> bool:
        return bool(self.findings or self.published_wrong)


@dataclass
class Details:
    view: View
    articles: list[ArticleDetails]  # the articles the view keeps (with --errors-only, those with something shown)
    hidden: list[ArticleDetails]  # held-out ones, their details withheld


def collect(evaluation: Evaluation, view: View) -> Details:
    """Each scored article once (in the order of the first set that scores it), filtered."""
    by_file: dict[Path, ArticleDetails] = {}
    for result in evaluation.sets:
        failed = result.failed_gates()
        for article in result.score.articles:
            file = result.scored.expected_path(article.expected_id).resolve()
            entry = by_file.get(file)
            if entry is None:
                entry = by_file[file] = ArticleDetails(article, [], heldout=False)
            entry.sets.append(result.name)
            entry.heldout = entry.heldout or is_heldout(result.name, file)
            entry.failed_gates |= failed
    chosen = _matching(list(by_file.values()), view.articles)
    for entry in chosen:
        _filter(entry, view)
    hidden = [entry for entry in chosen if entry.heldout and not view.show_heldout]
    visible = [entry for entry in chosen if not (entry.heldout and not view.show_heldout)]
    kept = [entry for entry in visible if entry.shown or not view.errors_only]
    return Details(view=view, articles=kept, hidden=hidden)


def _matching(entries: list[ArticleDetails], wanted: Iterable[str]) -> list[ArticleDetails]:
    """The articles named: by exact id when one has it (``hwang-jang-yop`` is not
    ``hwang-jang-yop-defection-retrospective``), else every id containing the text."""
    wanted = list(wanted)
    if not wanted:
        return entries
    ids = {entry.article_id for entry in entries}
    exact = {text for text in wanted if text in ids}
    partial = [text for text in wanted if text not in exact]
    return [e for e in entries if e.article_id in exact or any(text in e.article_id for text in partial)]


def _filter(entry: ArticleDetails, view: View) -> None:
    findings = entry.score.findings
    if view.kinds:
        findings = [f for f in findings if f.kind in view.kinds]
    if view.errors_only:
        findings = [f for f in findings if f.gate in entry.failed_gates]
    entry.findings = findings
    entry.published_wrong = (
        entry.score.published_year_correct is False
        and not view.kinds
        and (not view.errors_only or PUBLISHED_GATE in entry.failed_gates)
    )
