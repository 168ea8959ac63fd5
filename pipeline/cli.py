"""The ``newsfacts`` command: Typer parses and reports, plain functions do the work."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import nlp as nlp_module
from .evaluation.thresholds import DEFAULT_SET
from .nlp import DEFAULT_MODEL
from .normalize.dates import normalize_published

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
    jobs: Annotated[int, typer.Option(min=1, help="Processes for the spaCy pipeline.")] = 1,
) -> None:
    """Extract facts from articles: one JSON line per article, in input order.

    Exit status: 0 when every article was processed cleanly, 1 when some carry errors (their
    lines are still written), 2 for usage errors.
    """
    from . import batch

    default_published = None
    if published is not None:
        try:
            default_published = normalize_published(published)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--published") from None
    try:
        nlp = nlp_module.load(model)
    except (OSError, ValueError) as exc:
        raise typer.BadParameter(f"cannot load model {model!r}: {exc}", param_hint="--model") from None
    with _progress() as advance:
        summary = batch.extract(
            paths, output, nlp, published=default_published, n_process=jobs, on_record=advance
        )
    _stderr(summary.line())
    raise typer.Exit(0 if summary.clean else 1)


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


@contextmanager
def _progress() -> Iterator[Callable[[object], None]]:
    """A Rich progress bar on stderr when it is a terminal; otherwise a callback doing nothing."""
    if not sys.stderr.isatty():
        yield lambda record: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("extract", total=None)
        yield lambda record: bar.advance(task)


def main() -> None:
    app()
