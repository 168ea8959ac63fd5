"""Time and peak memory of one long article, at several lengths, per pipeline step.

Opt-in (minutes at 1M characters): ``make bench-scaling`` or

    python benchmarks/scaling.py [--sizes 50000 200000 1000000] [--model NAME] [--corpus corpus]

Each length runs in a fresh process, so each peak RSS belongs to that length alone. The article
is the corpus's own text repeated (paragraphs, names, years and figures as in real news) and cut
at a word boundary. Reported per length: the seconds of each step of the engine (reading the
file, ``make_doc``, every component, the records, the JSON line) and their sum, and the peak RSS
of the process, also minus its RSS after loading the model.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_SIZES = (50_000, 200_000, 1_000_000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--model", default=None)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: measure one size here
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, Path(args.corpus), args.model)))
        return
    rows = []
    for size in args.sizes:
        command = [sys.executable, __file__, "--one", str(size), "--corpus", args.corpus]
        if args.model:
            command += ["--model", args.model]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    print(json.dumps(rows, indent=2))


def long_text(size: int, corpus: Path) -> str:
    """Corpus bodies joined by blank lines, repeated up to ``size`` characters, cut at a space."""
    from pipeline.reader import iter_articles

    bodies = [a.text.strip() for a in iter_articles([corpus]) if a.processable]
    text = ""
    while len(text) < size:
        text += "\n\n".join(bodies) + "\n\n"
    cut = text.rfind(" ", 0, size)
    return text[:cut]


def measure(size: int, corpus: Path, model: str | None) -> dict[str, object]:
    """One article of ``size`` characters through every step of the engine, each step timed."""
    import pipeline

    nlp = pipeline.load(model or pipeline.DEFAULT_MODEL)
    nlp.max_length = max(nlp.max_length, size + 1)
    text = long_text(size, corpus)
    list(nlp.pipe(["Warm-up: Kim Jong Un met officials in Pyongyang in 2016."]))
    baseline = _rss_mib()
    steps = _steps(nlp, text)
    return {
        "characters": len(text),
        "seconds": round(sum(v for k, v in steps.items() if k not in ("facts", "line_bytes")), 2),
        "steps_seconds": steps,
        "rss_after_load_mib": round(baseline, 1),
        "peak_rss_mib": round(_rss_mib(), 1),
        "peak_over_load_mib": round(_rss_mib() - baseline, 1),
    }


def _steps(nlp, text: str) -> dict[str, float]:
    """Seconds per step, in the engine's order: read, make_doc, each component, records, line.

    The same steps as :func:`pipeline.batch.process_chunk`, timed one by one.
    """
    from pipeline.batch import _known_published, _record, to_line
    from pipeline.reader import iter_articles

    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        path.write_text(text, encoding="utf-8")
        (article,), timings["reader"] = _timed(lambda: list(iter_articles([path], max_chars=len(text) + 1)))
    doc, timings["make_doc"] = _timed(lambda: nlp.make_doc(article.text))
    for name, component in nlp.pipeline:
        doc, timings[name] = _timed(lambda: component(doc))
    record, timings["records"] = _timed(lambda: _record(article, doc, None, _known_published(article, None)))
    line, timings["json_line"] = _timed(lambda: to_line(record))
    timings["facts"] = len(record.facts)
    timings["line_bytes"] = len(line.encode("utf-8"))
    return timings


def _timed(work):
    started = time.perf_counter()
    result = work()
    return result, round(time.perf_counter() - started, 3)


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
