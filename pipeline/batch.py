"""Articles in, one :class:`ArticleRecord` per article out, in input order.

The engine only moves articles through the pipeline and takes each ``Doc``'s ``doc._.facts``
(built by :func:`pipeline.facts.doc_to_facts`); it never reads spaCy annotations itself. Every
step of one article (doc creation, each component, the records, the JSON line) runs inside that
article's guard: whatever goes wrong becomes that article's error, never the run's.

:func:`records_for` is the whole engine for one chunk of articles and a loaded pipeline, a plain
function: :func:`extract` maps it over the input in-process (``--jobs 1``) or in worker
processes (:mod:`pipeline.workers`), and any other executor can map it over partitions.
"""

from __future__ import annotations

import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from .decoding import printable
from .output import Sink, open_output, partial_path
from .reader import DEFAULT_MAX_CHARS, ArticleInput, count_articles, list_sources, read_source
from .records import ArticleError, ArticleInfo, ArticleRecord
from .workers import WorkerPool

DEFAULT_BATCH_SIZE = 32
# A chunk also ends at this many characters, so that memory follows the longest article rather
# than 32 long ones at once.
CHUNK_CHARACTERS = 100_000

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome:
    """One article's output line and what the summary counts about it (cheap to send between
    processes: no spaCy or Pydantic objects)."""

    id: str
    line: str
    errors: tuple[tuple[str, str], ...] = ()
    facts: dict[str, int] = field(default_factory=dict)
    processed: bool = False  # it went through the pipeline (successfully or not)
    resumed: bool = False  # its line was kept from an earlier run

    @property
    def error_codes(self) -> tuple[str, ...]:
        return tuple(code for code, _message in self.errors)


@dataclass
class RunSummary:
    """Counts every input: processed, resumed, skipped (by reason), with errors."""

    articles: int = 0
    processed: int = 0
    resumed: int = 0
    articles_with_errors: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    duplicate_ids: Counter[str] = field(default_factory=Counter)
    facts: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    output: str = ""
    notes: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.articles += 1
        self.articles_with_errors += bool(outcome.errors)
        self.facts.update(outcome.facts)
        if outcome.resumed:
            self.resumed += 1
        elif outcome.processed:
            self.processed += 1
        else:
            self.skipped[_skip_reason(outcome.error_codes)] += 1

    @property
    def clean(self) -> bool:
        return self.articles_with_errors == 0

    def line(self) -> str:
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(self.facts.items())) or "none"
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{code} {n}" for code, n in self.skipped.most_common())
        parts = [
            f"{self.articles} articles, facts: {kinds}",
            f"{self.articles_with_errors} with errors",
            f"{self.processed} processed, {skipped} skipped" + (f" ({reasons})" if reasons else "")
            + (f", {self.resumed} resumed" if self.resumed else ""),
        ]
        if self.duplicate_ids:
            shown = ", ".join(sorted(self.duplicate_ids)[:5]) + (", ..." if len(self.duplicate_ids) > 5 else "")
            parts.append(f"{len(self.duplicate_ids)} duplicate ids ({shown})")
        parts.append(f"{self.seconds:.1f} s")
        if self.output:
            parts.append(f"output: {self.output}")
        return "; ".join(parts)


# Errors that leave the text to process: never the reason an article was skipped.
NON_FATAL_CODES = frozenset({"invalid_filename", "duplicate_id", "front_matter_invalid", "published_invalid"})


def _skip_reason(codes: Sequence[str]) -> str:
    return next((code for code in codes if code not in NON_FATAL_CODES), codes[0] if codes else "empty_article")


class RunIncomplete(Exception):
    """The run stopped before its end (interrupted, or an error that is no article's); the
    lines written so far are in ``partial``."""

    def __init__(self, cause: BaseException, summary: RunSummary, partial: str, lines: int) -> None:
        super().__init__(f"{type(cause).__name__}: {cause}")
        self.cause, self.summary, self.partial, self.lines = cause, summary, partial, lines


# -- one chunk: the pure part ---------------------------------------------------------------


def records_for(
    articles: Sequence[ArticleInput], nlp: Language, *, published: str | None = None
) -> list[ArticleRecord]:
    """One record per article, in order; ``published`` is the default date (--published).

    The processable articles go through ``nlp.pipe`` together; if anything in that fails, each
    is redone alone, component by component, so that a failure is the failing article's only.
    """
    todo = [article for article in articles if article.processable]
    annotated = _annotate_together(nlp, todo, published)
    if annotated is None:
        annotated = [_annotate_alone(nlp, article, published) for article in todo]
    results = dict(zip(map(id, todo), annotated))
    return [_guarded_record(article, *results.get(id(article), (None, None)), published) for article in articles]


def process_chunk(
    articles: Sequence[ArticleInput], nlp: Language, *, published: str | None = None
) -> list[Outcome]:
    """:func:`records_for`, each record made into its JSON line: what a worker sends back."""
    records = records_for(articles, nlp, published=published)
    return [outcome_of(record, article.processable) for article, record in zip(articles, records)]


def outcome_of(record: ArticleRecord, processed: bool) -> Outcome:
    line = to_line(record)
    return Outcome(
        id=record.article.id,
        line=line,
        errors=tuple((error.code, error.message) for error in record.errors),
        facts=dict(Counter(fact.kind for fact in record.facts)),
        processed=processed,
    )


def to_line(record: ArticleRecord) -> str:
    """The record as one JSON line; a record that cannot be written becomes its error line."""
    try:
        return record.model_dump_json()
    except Exception as exc:  # noqa: BLE001 - serialization is inside the article's guard too
        return _unwritable_record(record, exc).model_dump_json()


def _annotate_together(
    nlp: Language, articles: list[ArticleInput], published: str | None
) -> list[tuple[Doc | None, ArticleError | None]] | None:
    if not articles:
        return []
    try:
        docs = [_make_doc(nlp, article, published) for article in articles]
        return [(doc, None) for doc in nlp.pipe(docs, batch_size=len(docs))]
    except Exception:  # noqa: BLE001 - someone in the chunk failed: find out who, one by one
        return None


def _annotate_alone(
    nlp: Language, article: ArticleInput, published: str | None
) -> tuple[Doc | None, ArticleError | None]:
    if len(article.text) > nlp.max_length:
        message = f"the text has {len(article.text):,} characters, more than the pipeline's max_length {nlp.max_length:,}"
        return None, ArticleError(code="too_long", message=message)
    try:
        doc = _make_doc(nlp, article, published)
    except Exception as exc:  # noqa: BLE001
        return None, _failure(f"cannot make a Doc: {type(exc).__name__}: {exc}")
    for name, component in nlp.pipeline:
        try:
            doc = component(doc)
        except Exception as exc:  # noqa: BLE001
            return None, _failure(f"component {name!r} failed: {type(exc).__name__}: {exc}")
    return doc, None


def _failure(message: str, code: str = "processing_failed") -> ArticleError:
    return ArticleError(code=code, message=printable(message))


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


def _guarded_record(
    article: ArticleInput, doc: Doc | None, error: ArticleError | None, published: str | None
) -> ArticleRecord:
    try:
        return _record(article, doc, error, _known_published(article, published))
    except Exception as exc:  # noqa: BLE001
        errors = [*article.errors, _failure(f"cannot build the record: {type(exc).__name__}: {exc}")]
        info = ArticleInfo(id=printable(article.id), path=_printable_or_none(article.path), sha256=article.sha256)
        return ArticleRecord(article=info, errors=errors)


def _record(
    article: ArticleInput, doc: Doc | None, error: ArticleError | None, known: tuple[str | None, str]
) -> ArticleRecord:
    errors = list(article.errors)
    facts = []
    published, source = known
    if error is not None:
        errors.append(error)
    if doc is not None:
        published, source = doc._.published, doc._.published_source
        try:
            facts = doc._.facts
        except Exception as exc:  # noqa: BLE001
            errors.append(_failure(f"{type(exc).__name__}: {exc}"))
    info = ArticleInfo(
        id=article.id,
        path=article.path,
        title=article.title,
        published=published,
        published_source=source if published else "unknown",
        metadata=article.metadata,
        sha256=article.sha256,
        body_offset=article.body_offset,
    )
    return ArticleRecord(article=info, facts=facts, errors=errors)


def _unwritable_record(record: ArticleRecord, exc: Exception) -> ArticleRecord:
    """What is left of a record that JSON cannot carry: who it is, and why."""
    article = record.article
    info = ArticleInfo(id=printable(article.id), path=_printable_or_none(article.path), sha256=article.sha256)
    errors = [ArticleError(code=e.code, message=printable(e.message)) for e in record.errors]
    errors.append(_failure(f"the record cannot be written as JSON: {type(exc).__name__}: {printable(str(exc))}", "serialization_failed"))
    return ArticleRecord(article=info, errors=errors)


def _printable_or_none(text: str | None) -> str | None:
    return None if text is None else printable(text)


def crashed_outcome(article: ArticleInput, why: str) -> Outcome:
    """The line of an article whose worker process died with it."""
    errors = [*article.errors, _failure(why)]
    info = ArticleInfo(
        id=article.id, path=article.path, title=article.title, sha256=article.sha256, body_offset=article.body_offset
    )
    return outcome_of(ArticleRecord(article=info, errors=errors), processed=True)


# -- streams of articles --------------------------------------------------------------------


def chunked(
    items: Iterable[T], batch_size: int, size: Callable[[T], int] = lambda item: 0, limit: int = CHUNK_CHARACTERS
) -> Iterator[list[T]]:
    """Lists of at most ``batch_size`` items, ending early once their ``size`` reaches ``limit``."""
    chunk: list[T] = []
    total = 0
    for item in items:
        chunk.append(item)
        total += size(item)
        if len(chunk) >= batch_size or total >= limit:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk


def process_articles(
    articles: Iterable[ArticleInput],
    nlp: Language,
    *,
    published: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
) -> Iterator[ArticleRecord]:
    """Yield one record per article, in order (``n_process`` worker processes when above 1)."""
    chunks = chunked(articles, batch_size, _text_length)
    if n_process <= 1:
        for chunk in chunks:
            yield from records_for(chunk, nlp, published=published)
        return
    with _executor(nlp, published, n_process) as run:
        for outcomes in run(chunks):
            yield from (ArticleRecord.model_validate_json(outcome.line) for outcome in outcomes)


def _text_length(article: ArticleInput) -> int:
    return len(article.text)


# -- a run ----------------------------------------------------------------------------------


def extract(
    paths: Iterable[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    nlp: Language,
    *,
    published: str | None = None,
    n_process: int = 1,
    max_chars: int = DEFAULT_MAX_CHARS,
    resume: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_start: Callable[[int], None] | None = None,
    on_record: Callable[[Outcome], None] | None = None,
) -> RunSummary:
    """Read ``paths``, write one JSON line per article to ``output`` ("-" for stdout).

    ``on_start`` gets the number of articles before the first one is processed (inputs are
    listed first); ``on_record`` gets each article's outcome as its line is written (or kept,
    with ``resume``). Raises :class:`RunIncomplete` when the run cannot finish.
    """
    summary = RunSummary(output="stdout" if str(output) == "-" else str(output))
    started = time.perf_counter()
    sources = list_sources(paths)
    if on_start is not None:
        on_start(count_articles(sources))
    nlp.max_length = max(nlp.max_length, max_chars + 1)
    report = on_record or (lambda outcome: None)
    sink = None
    try:
        with open_output(output, resume=resume) as sink, _executor(nlp, published, n_process) as run:
            summary.notes.extend(sink.notes)
            articles = (article for source in sources for article in read_source(source, max_chars=max_chars))
            todo = _skip_resumed(_mark_duplicates(articles, summary), sink, summary, report)
            positions: deque[list[int]] = deque()
            for outcomes in run(_positioned_chunks(todo, batch_size, positions)):
                for position, outcome in zip(positions.popleft(), outcomes):
                    sink.write(outcome.line, position)
                    summary.add(outcome)
                    report(outcome)
    except BaseException as exc:  # noqa: BLE001 - Ctrl-C and SIGTERM included: say where the lines are
        summary.seconds = time.perf_counter() - started
        where = "stdout" if sink is None or sink.name == "stdout" else str(partial_path(output))
        raise RunIncomplete(exc, summary, where, 0 if sink is None else sink.lines) from exc
    summary.seconds = time.perf_counter() - started
    return summary


def _mark_duplicates(articles: Iterable[ArticleInput], summary: RunSummary) -> Iterator[ArticleInput]:
    """An id seen before gets a ``duplicate_id`` error naming where it was first used."""
    first_seen: dict[str, str | None] = {}
    for article in articles:
        if article.id in first_seen:
            summary.duplicate_ids[article.id] += 1
            article.add_error("duplicate_id", f"the id {article.id!r} is also the id of {first_seen[article.id]}")
        else:
            first_seen[article.id] = article.path
        yield article


def _skip_resumed(
    articles: Iterable[ArticleInput], sink: Sink, summary: RunSummary, report: Callable[[Outcome], None]
) -> Iterator[tuple[int, ArticleInput]]:
    """(input position, article) for each article that still needs its line."""
    for position, article in enumerate(articles):
        done = sink.take(article.id, article.sha256)
        if done is None:
            yield position, article
            continue
        sink.keep(done, position)
        outcome = Outcome(id=article.id, line="", errors=tuple((code, "") for code in done.error_codes), facts=done.facts, resumed=True)
        summary.add(outcome)
        report(outcome)


def _positioned_chunks(
    todo: Iterable[tuple[int, ArticleInput]], batch_size: int, positions: deque[list[int]]
) -> Iterator[list[ArticleInput]]:
    """Chunks of articles; their input positions queue up in ``positions`` in the same order."""
    for chunk in chunked(todo, batch_size, lambda pair: len(pair[1].text)):
        positions.append([position for position, _article in chunk])
        yield [article for _position, article in chunk]


ChunkRunner = Callable[[Iterable[list[ArticleInput]]], Iterator[list[Outcome]]]


@contextmanager
def _executor(nlp: Language, published: str | None, n_process: int) -> Iterator[ChunkRunner]:
    """Map :func:`process_chunk` over chunks, in this process or in workers stopped on the way
    out, whatever ends the run."""
    work = partial(process_chunk, nlp=nlp, published=published)
    if n_process <= 1:
        yield lambda chunks: map(work, chunks)
        return
    with WorkerPool(work, n_process, crashed_outcome) as pool:
        yield pool.map
