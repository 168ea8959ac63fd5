"""Articles in, one :class:`ArticleRecord` per article out, in input order.

The engine only moves articles through ``nlp.pipe`` and hands each ``Doc`` to
:func:`pipeline.facts.doc_to_facts`; it never reads spaCy annotations itself. A failure on one
article (bad input or a crash inside the pipeline) becomes that article's error, never the run's.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO

from spacy.language import Language
from spacy.tokens import Doc

from .facts import doc_to_facts
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
    """Yield one record per article, in order. ``published`` is the default date (--published)."""
    iterator = iter(articles)
    while chunk := list(islice(iterator, batch_size)):
        docs = _analyse(nlp, [_make_doc(nlp, a, published) for a in chunk if a.processable], n_process)
        outcomes = iter(docs)
        for article in chunk:
            if not article.processable:
                yield _record(article, None, None, _known_published(article, published))
                continue
            doc, error = next(outcomes)
            yield _record(article, doc, error, _known_published(article, published))


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


def _analyse(nlp: Language, docs: list[Doc], n_process: int) -> list[tuple[Doc | None, str | None]]:
    """Run the pipeline on a batch; if the batch fails, retry one by one to isolate the culprit."""
    try:
        return [(doc, None) for doc in nlp.pipe(docs, n_process=n_process)]
    except Exception:  # noqa: BLE001 - one bad article must not end the run
        results: list[tuple[Doc | None, str | None]] = []
        for doc in docs:
            try:
                results.append((nlp(doc), None))
            except Exception as exc:  # noqa: BLE001
                results.append((None, f"{type(exc).__name__}: {exc}"))
        return results


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
            facts = doc_to_facts(doc)
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
