"""The ``newsfacts`` command: Typer parses and reports, plain functions do the work."""

from __future__ import annotations

import json
import signal
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text
from spacy.language import Language

from . import nlp as nlp_module
from .batch import DEFAULT_BATCH_SIZE, Outcome, RunIncomplete, RunSummary
from .batch import extract as run_extract
from .evaluation.thresholds import DEFAULT_SET
from .nlp import DEFAULT_MODEL
from .normalize.dates import normalize_published
from .output import output_problem
from .reader import DEFAULT_MAX_CHARS

app = typer.Typer(
    help="Turn news articles about North Korea into checked, structured facts (JSONL).",
    no_args_is_help=True,
    add_completion=False,
)


def _stderr(message: str) -> None:
    typer.echo(message, err=True)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .md), collections (.jsonl) or folders.")],
    output: Annotated[str, typer.Option("--output", "-o", help="Output JSONL file, or '-' for stdout.")],
    model: Annotated[str, typer.Option(help="Installed spaCy pipeline (package name or path).")] = DEFAULT_MODEL,
    published: Annotated[
        Optional[str], typer.Option(help="Publication date for articles that carry none (YYYY[-MM[-DD]]).")
    ] = None,
    jobs: Annotated[int, typer.Option(min=1, help="Worker processes for the spaCy pipeline.")] = 1,
    max_chars: Annotated[
        int, typer.Option(min=1, help="Longest article text processed; a longer one gets a 'too_long' error line.")
    ] = DEFAULT_MAX_CHARS,
    resume: Annotated[
        bool, typer.Option("--resume", help="Keep the lines already in OUT.partial (or OUT) whose article is unchanged; do the rest.")
    ] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per chunk handed to the pipeline.")] = DEFAULT_BATCH_SIZE,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary: only what stops the run.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also print each article's errors as its line is written.")] = False,
) -> None:
    """Extract facts from articles: one JSON line per article, in input order.

    Lines are appended to OUT.partial as articles finish; OUT appears when the run completes.
    Exit status: 0 every article processed cleanly; 1 some articles carry errors (all lines
    written); 2 usage or output-path error (nothing done); 3 the run could not complete
    (interrupted or failed: what was written is in OUT.partial; finish it with --resume).
    """
    if quiet and verbose:
        raise typer.BadParameter("choose one of --quiet and --verbose", param_hint="--quiet/--verbose")
    problem = output_problem(output, paths, resume=resume)
    if problem is not None:
        _stderr(f"Error: -o {output}: {problem}")
        raise typer.Exit(2)
    default_published = None
    if published is not None:
        try:
            default_published = normalize_published(published)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--published") from None
    with _signals_interrupt(), _Reporter(quiet=quiet, verbose=verbose) as reporter:
        nlp = _load_model(model)
        try:
            summary = run_extract(
                paths, output, nlp, published=default_published, n_process=jobs, max_chars=max_chars,
                resume=resume, batch_size=batch_size, on_record=reporter.record,
                on_start=reporter.start if reporter.shows_progress else None,
            )  # fmt: skip
        except RunIncomplete as stop:
            reporter.finish(stop.summary)
            _stderr(_incomplete(stop))
            if verbose and not isinstance(stop.cause, (KeyboardInterrupt, Interrupted)):
                _stderr("".join(traceback.format_exception(stop.cause)))
            raise typer.Exit(3) from None
        reporter.finish(summary)
    if not quiet:
        _stderr(summary.line())
    raise typer.Exit(0 if summary.clean else 1)


def _load_model(model: str) -> Language:
    """The pipeline, or exit 2 when it cannot load; exit 3 when interrupted meanwhile."""
    try:
        return nlp_module.load(model)
    except (OSError, ValueError) as exc:
        raise typer.BadParameter(f"cannot load model {model!r}: {exc}", param_hint="--model") from None
    except (KeyboardInterrupt, Interrupted) as exc:
        _stderr(f"interrupted ({exc or 'SIGINT'}) while loading the model: nothing was written")
        raise typer.Exit(3) from None


class Interrupted(BaseException):
    """SIGTERM or SIGHUP: stop like Ctrl-C does, keeping every complete line."""


@contextmanager
def _signals_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`Interrupted` while the run lasts (SIGINT already raises
    KeyboardInterrupt), so that the run ends in order: workers stopped, lines kept, exit 3."""
    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(number: int, frame: object) -> None:
        raise Interrupted(signal.Signals(number).name)

    previous = {number: signal.signal(number, interrupt) for number in wanted}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _incomplete(stop: RunIncomplete) -> str:
    if isinstance(stop.cause, KeyboardInterrupt):
        why = "interrupted (SIGINT)"
    elif isinstance(stop.cause, Interrupted):
        why = f"interrupted ({stop.cause})"
    else:
        why = f"the run could not complete: {stop}"
    if stop.partial == "stdout":
        return f"{why}: {stop.lines} lines were written to stdout"
    return f"{why}: {stop.lines} complete lines are in {stop.partial}; the same command with --resume finishes it"


@app.command()
def schema(
    out: Annotated[Path, typer.Option(help="Folder to write the JSON Schemas into.")] = Path("schemas"),
) -> None:
    """Write the JSON Schema of the output line record (and of expected-facts files)."""
    from .schema import write_schemas

    for path in write_schemas(out):
        _stderr(f"wrote {path}")


@app.command()
def evaluate(
    facts: Annotated[Path, typer.Argument(help="JSONL written by 'newsfacts extract'.", exists=True, dir_okay=False)],
    expected: Annotated[Path, typer.Option(help="Folder of NAME.expected.json files.", exists=True, file_okay=False)] = Path("corpus"),
    recursive: Annotated[bool, typer.Option(help="Also score the expected files in sub-folders.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    thresholds: Annotated[
        Optional[Path], typer.Option(help="JSON file of minimum F1 per kind and set; exit 1 when under.", exists=True, dir_okay=False)
    ] = None,
    scored_set: Annotated[str, typer.Option("--set", help="Which set's thresholds to apply.")] = DEFAULT_SET,
) -> None:
    """Score extracted facts against hand-written expected facts: precision, recall, F1 per kind."""
    from .evaluation.report import render_details, render_table
    from .evaluation.run import evaluate_file
    from .evaluation.thresholds import check_thresholds, load_thresholds

    try:
        score = evaluate_file(facts, expected, recursive=recursive)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="FACTS or --expected") from None
    if as_json:
        typer.echo(json.dumps(score.as_dict(), indent=2))
    else:
        typer.echo(render_table(score))
        details = render_details(score)
        if details:
            typer.echo("\n" + details)
    if thresholds is not None:
        try:
            minimums = load_thresholds(thresholds, scored_set)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--thresholds/--set") from None
        failures = check_thresholds(score, minimums)
        for failure in failures:
            _stderr(failure)
        raise typer.Exit(1 if failures else 0)


class _Reporter:
    """What a person sees while a run lasts: on a terminal, a progress bar with the total, rate
    and ETA (not with --quiet); with --verbose, each article's errors as its line is written,
    and the notes (resumed lines, a replaced OUT.partial) at the end."""

    def __init__(self, *, quiet: bool = False, verbose: bool = False, console: Console | None = None) -> None:
        self.quiet, self.verbose = quiet, verbose
        self.console = console if console is not None else Console(stderr=True)
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        self.resumed = 0

    def __enter__(self) -> _Reporter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop_bar()

    @property
    def shows_progress(self) -> bool:
        """A bar needs the total, which costs a pass over the collections: only on a terminal."""
        return not self.quiet and self.console.is_terminal

    def start(self, total: int) -> None:
        if not self.shows_progress:
            return
        columns = (
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
            TimeElapsedColumn(), _EtaColumn(),
        )  # fmt: skip
        self.bar = Progress(*columns, console=self.console, transient=True)
        self.bar.start()
        self.task = self.bar.add_task("articles", total=total)

    def record(self, outcome: Outcome) -> None:
        if outcome.resumed:
            self.resumed += 1
            if self.bar is not None:  # kept lines are no work: they shrink the total, not the rate
                total = self.bar.tasks[0].total
                self.bar.update(self.task, total=max(0, total - 1), description=f"articles ({self.resumed} resumed)")
            return
        if self.bar is not None:
            self.bar.advance(self.task)
        if self.verbose:
            for code, message in outcome.errors:
                self._say(f"{outcome.id}: {code}: {message}")

    def finish(self, summary: RunSummary) -> None:
        self._stop_bar()
        if not self.quiet:
            for note in summary.notes:
                self._say(f"note: {note}")

    def _say(self, text: str) -> None:
        if self.bar is not None:
            self.bar.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            _stderr(text)

    def _stop_bar(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


class _RateColumn(ProgressColumn):
    """Articles per second since the bar started: chunks finish in bursts, so Rich's estimate
    over the last few samples would swing wildly."""

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        return Text("- articles/s" if rate is None else f"{rate:.1f} articles/s")


class _EtaColumn(ProgressColumn):
    """Time left at the rate so far."""

    def render(self, task: Task) -> Text:
        rate = _rate(task)
        if rate is None or task.total is None:
            return Text("ETA -:--:--")
        return Text(f"ETA {timedelta(seconds=int(max(0.0, task.total - task.completed) / rate))}")


def _rate(task: Task) -> float | None:
    return task.completed / task.elapsed if task.completed and task.elapsed else None


def main() -> None:
    app()
