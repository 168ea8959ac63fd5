"""The ``newsfacts`` command: Typer parses and reports, plain functions do the work."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

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
    model: Annotated[str, typer.Option(help="Installed spaCy pipeline (package name or path).")] = "",
    published: Annotated[
        Optional[str], typer.Option(help="Publication date for articles that carry none (YYYY[-MM[-DD]]).")
    ] = None,
    jobs: Annotated[int, typer.Option(min=1, help="Processes for the spaCy pipeline.")] = 1,
) -> None:
    """Extract facts from articles: one JSON line per article, in input order.

    Exit status: 0 when every article was processed cleanly, 1 when some carry errors (their
    lines are still written), 2 for usage errors.
    """
    from . import batch, nlp as nlp_module

    default_published = None
    if published is not None:
        try:
            default_published = normalize_published(published)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--published") from None
    try:
        nlp = nlp_module.load(model or nlp_module.DEFAULT_MODEL)
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
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    thresholds: Annotated[
        Optional[Path], typer.Option(help="JSON file of minimum F1 per kind and set; exit 1 when under.", exists=True, dir_okay=False)
    ] = None,
    scored_set: Annotated[str, typer.Option("--set", help="Which set's thresholds to apply.")] = "corpus",
) -> None:
    """Score extracted facts against hand-written expected facts: precision, recall, F1 per kind."""
    from .evaluation import load_expected, score_corpus
    from .evaluation.report import render_details, render_table
    from .evaluation.thresholds import check_thresholds, load_thresholds
    from .records import ArticleRecord

    records = []
    for number, line in enumerate(facts.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                records.append(ArticleRecord.model_validate_json(line))
            except ValueError as exc:
                raise typer.BadParameter(f"line {number} is not an article record: {exc}", param_hint="FACTS") from None
    score = score_corpus(records, load_expected(expected))
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


class _progress:
    """A Rich progress bar on stderr when it is a terminal; otherwise nothing."""

    def __enter__(self):
        if not sys.stderr.isatty():
            self._bar = None
            return lambda record: None
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self._bar = Progress(
            SpinnerColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn(),
            console=Console(stderr=True), transient=True,
        )
        self._bar.start()
        task = self._bar.add_task("extract", total=None)
        return lambda record: self._bar.advance(task)

    def __exit__(self, *exc_info) -> None:
        if self._bar is not None:
            self._bar.stop()


def main() -> None:
    app()
