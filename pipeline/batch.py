"""Articles in, one :class:`ArticleRecord` per article out, in input order.

The engine only moves articles through ``nlp.pipe`` and takes each ``Doc``'s ``doc._.facts``
(built by :func:`pipeline.facts.doc_to_facts`); it never reads spaCy annotations itself. A
failure on one article (bad input or a crash inside the pipeline) becomes that article's error,
never the run's.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from spacy.language import Language
from spacy.tokens import Doc

from .reader import ArticleInput, iter_articles
from .records import ArticleError, ArticleInfo, ArticleRecord

DEFAULT_BATCH_SIZE = 32


@dataclass
class RunSummary:
    articles: int = 0
    articles_with_errors: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, record: ArticleRecord) -> None:
        self.articles += 1
        self.articles_with_errors += bool(record.errors)
        self.facts.update(fact.kind for fact in record.facts)

    @property
    def clean(self) -> bool:
        return self.articles_with_errors == 0

    def line(self) -> str:
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(self.facts.items())) or "none"
        return (
            f"{self.articles} articles, facts: {kinds}; "
            f"{self.articles_with_errors} with errors; {self.seconds:.1f} s"
        )


def process_articles(
    articles: Iterable[ArticleInput],
    nlp: Language,
    *,
    published: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
) -> Iterator[ArticleRecord]:
    """Yield one record per article, in order. ``published`` is the default date (--published).

    Articles stream through one ``nlp.pipe`` call (so ``n_process`` workers start once), each
    doc carrying its article's position as context. When the stream breaks on a bad article,
    every article fed but not yet returned is run again on its own (yielding the exception as
    the failing article's error) and a new stream takes the rest.
    """
    pending: dict[int, ArticleInput] = {}
    numbered = enumerate(articles)
    fed = 0

    def feed() -> Iterator[tuple[Doc, int]]:
        nonlocal fed
        for index, article in numbered:
            pending[index] = article
            fed += 1
            if article.processable:
                yield _make_doc(nlp, article, published), index

    while True:
        fed_before = fed
        try:
            for doc, index in nlp.pipe(feed(), as_tuples=True, batch_size=batch_size, n_process=n_process):
                yield from _drain(pending, nlp, published, before=index)
                article = pending.pop(index)
                yield _record(article, doc, None, _known_published(article, published))
            break
        except Exception:  # noqa: BLE001 - one bad article must not end the run
            if fed == fed_before:
                raise  # the pipeline cannot start at all: not an article's fault
            yield from _drain(pending, nlp, published, before=None)
    yield from _drain(pending, nlp, published, before=None)  # unprocessable articles at the end


def _drain(
    pending: dict[int, ArticleInput], nlp: Language, published: str | None, before: int | None
) -> Iterator[ArticleRecord]:
    """Records for pending articles before ``before`` (all when None), each run on its own."""
    for index in sorted(pending):
        if before is not None and index >= before:
            break
        article = pending.pop(index)
        known = _known_published(article, published)
        if not article.processable:
            yield _record(article, None, None, known)
            continue
        doc, error = _run_alone(nlp, _make_doc(nlp, article, published))
        yield _record(article, doc, error, known)


def _run_alone(nlp: Language, doc: Doc) -> tuple[Doc | None, str | None]:
    try:
        return nlp(doc), None
    except Exception as exc:  # noqa: BLE001
        return None, f"{type(exc).__name__}: {exc}"


def _known_published(article: ArticleInput, default: str | None) -> tuple[str | None, str]:
    """The date from metadata, else the caller's default; inference happens in the pipeline."""
    if article.published:
        return article.published, "metadata"
    if default:
        return default, "argument"
    return None, "unknown"


def _make_doc(nlp: Language, article: ArticleInput, published: str | None) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.published, doc._.published_source = _known_published(article, published)
    return doc


def _record(
    article: ArticleInput, doc: Doc | None, error: str | None, known: tuple[str | None, str]
) -> ArticleRecord:
    errors = list(article.errors)
    facts = []
    published, source = known
    if error is not None:
        errors.append(ArticleError(code="processing_failed", message=error))
    if doc is not None:
        published, source = doc._.published, doc._.published_source
        try:
            facts = doc._.facts
        except Exception as exc:  # noqa: BLE001
            errors.append(ArticleError(code="processing_failed", message=f"{type(exc).__name__}: {exc}"))
    info = ArticleInfo(
        id=article.id,
        path=article.path,
        title=article.title,
        published=published,
        published_source=source if published else "unknown",
        metadata=article.metadata,
    )
    return ArticleRecord(article=info, facts=facts, errors=errors)


def extract(
    paths: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    nlp: Language,
    *,
    published: str | None = None,
    n_process: int = 1,
    on_record: Callable[[ArticleRecord], None] | None = None,
) -> RunSummary:
    """Read ``paths``, write one JSON line per article to ``output`` ("-" for stdout)."""
    summary = RunSummary()
    started = time.perf_counter()
    with open_output(output) as stream:
        records = process_articles(iter_articles(paths), nlp, published=published, n_process=n_process)
        for record in records:
            stream.write(record.model_dump_json() + "\n")
            summary.add(record)
            if on_record is not None:
                on_record(record)
    summary.seconds = time.perf_counter() - started
    return summary


@contextmanager
def open_output(output: str | os.PathLike[str]) -> Iterator[IO[str]]:
    """Write to a temporary file renamed into place at the end: never a truncated result file."""
    if str(output) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(output)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
