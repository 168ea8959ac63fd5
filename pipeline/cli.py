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
from typing import TYPE_CHECKING, Annotated, Optional

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
from .kinds import KINDS
from .nlp import DEFAULT_MODEL
from .normalize.dates import normalize_published
from .output import output_problem
from .reader import DEFAULT_MAX_CHARS

if TYPE_CHECKING:  # the evaluation modules load only for 'evaluate'
    from .evaluation.gate import Evaluation
    from .evaluation.sets import ScoredSet

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
    all_sets: Annotated[
        bool, typer.Option("--all-sets", help="Score the sets of a corpus laid out like corpus/: 'corpus' (every folder), "
                           "'development' (the top folder) and 'heldout' (heldout/), each against its own thresholds.")
    ] = False,
    thresholds: Annotated[
        Optional[Path], typer.Option(help="JSON file of minimums per set (F1 per kind, published year, field agreement).",
                                     exists=True, dir_okay=False)
    ] = None,
    scored_set: Annotated[str, typer.Option("--set", help="The name of the set scored: which thresholds apply.")] = DEFAULT_SET,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON (shape in the README); the verdict also goes to stderr.")] = False,
    summary: Annotated[bool, typer.Option("--summary", help="Verdict and summary tables only, no details.")] = False,
    kind: Annotated[Optional[list[str]], typer.Option(help="Details of this kind only (repeatable).")] = None,
    article: Annotated[Optional[list[str]], typer.Option(help="Details of this article only: its exact id, else every id containing the text (repeatable).")] = None,
    errors_only: Annotated[bool, typer.Option("--errors-only", help="Details only of what counts against a missed threshold.")] = False,
    show_heldout: Annotated[bool, typer.Option("--show-heldout", help="Also show what held-out articles got wrong (see corpus/README.md first).")] = False,
) -> None:
    """Score extracted facts against hand-written expected facts; gate the scores.

    Prints PASS or FAIL (and why) first, then per set precision, recall, F1,
    field agreement and publication-year accuracy, then each miss, false fact
    and wrong field with its sentence and rule. Held-out articles' details are
    hidden unless --show-heldout. Filters narrow the details, never the verdict.

    Exit status: 0 every threshold met (or none given); 1 a threshold missed,
    or nothing to trust (nothing scored, an expected file without an output
    line, an output line of the scored folder without an expected file, a
    threshold with nothing to measure); 2 usage (a bad option, or a file that
    cannot be read or does not validate: one line per problem).
    """
    from .evaluation.details import View, collect
    from .evaluation.json_report import report_json
    from .evaluation.report import render_report, render_verdict
    from .evaluation.run import scored_sets_for

    if all_sets and (not recursive or scored_set != DEFAULT_SET):
        raise typer.BadParameter("--all-sets scores the corpus, development and heldout sets: drop --no-recursive and --set",
                                 param_hint="--all-sets")
    unknown = sorted(set(kind or ()) - set(KINDS))
    if unknown:
        raise typer.BadParameter(f"unknown kind {', '.join(unknown)}: one of {', '.join(KINDS)}", param_hint="--kind")
    sets = scored_sets_for(expected, recursive=recursive, set_name=scored_set, all_sets=all_sets)
    evaluation = _evaluation_or_exit(facts, sets, thresholds)
    view = View(frozenset(kind or ()), tuple(article or ()), errors_only=errors_only, show_heldout=show_heldout)
    details = collect(evaluation, view)
    if as_json:
        data = report_json(evaluation, details)
        if summary:
            data["articles"] = []
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        _stderr(render_verdict(evaluation))
    else:
        typer.echo(render_report(evaluation, None if summary else details))
    raise typer.Exit(evaluation.exit_code)


@app.command("validate-expected")
def validate_expected(
    paths: Annotated[list[Path], typer.Argument(help="NAME.expected.json files, or folders of them (walked).", exists=True)],
) -> None:
    """Check expected files against the schema and against their article.

    Each quoted evidence must occur in the article body, the article (NAME.txt
    or NAME.md) must lie beside its expected file, and a front-matter date must
    be the expected 'published'; in a folder, an article without an expected
    file is a problem too. One line per problem, naming the file and the key.

    Exit status: 0 no problem; 1 some problem; 2 usage.
    """
    import warnings

    from .evaluation.validate import validate_paths

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DeprecationWarning)
        result = validate_paths(paths)
    for message in dict.fromkeys(str(warning.message) for warning in caught):
        _stderr(f"warning: {message}")
    for problem in result.problems:
        typer.echo(problem)
    count = len(result.problems)
    _stderr(f"{result.checked} expected files checked: {count or 'no'} problem{'' if count == 1 else 's'}")
    raise typer.Exit(1 if result.problems else 0)


def _evaluation_or_exit(facts: Path, sets: dict[str, ScoredSet], thresholds: Path | None) -> Evaluation:
    """The evaluation, with the deprecation warnings of old files shown (Python hides them by
    default); exit 2 with one line per problem when a file cannot be read or does not validate."""
    import warnings

    from .evaluation.errors import InputError, shown
    from .evaluation.run import evaluate_files

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", DeprecationWarning)
        try:
            return evaluate_files(facts, sets, thresholds)
        except InputError as exc:
            problems = shown(exc.problems)
        except ValueError as exc:  # an expected file that fits two records
            problems = [str(exc)]
        finally:
            for message in dict.fromkeys(str(warning.message) for warning in caught):
                _stderr(f"warning: {message}")
    for problem in problems:
        _stderr(f"Error: {problem}")
    raise typer.Exit(2)


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
