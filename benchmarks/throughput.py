"""Throughput of newsfacts against plain spaCy on the same texts, in one run.

The ratio is what matters (machines differ): newsfacts' full path (its components, the record
builder and JSON serialisation) against the bare model's ``nlp.pipe`` over the same texts.

    python benchmarks/throughput.py [--repeat 5] [--rounds 5] [--jobs 2] [--corpus corpus] [--model NAME]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

import spacy

import pipeline
from pipeline.batch import DEFAULT_BATCH_SIZE, process_articles
from pipeline.reader import ArticleInput, iter_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the corpus")
    parser.add_argument("--rounds", type=int, default=5, help="alternating timed rounds; the best counts")
    parser.add_argument("--model", default=pipeline.DEFAULT_MODEL)
    parser.add_argument("--jobs", type=int, default=1, help="also time newsfacts with this many processes")
    args = parser.parse_args()

    articles = [a for a in iter_articles([Path(args.corpus)]) if a.processable] * args.repeat
    texts = [a.text for a in articles]
    characters = sum(map(len, texts))

    plain = spacy.load(args.model)
    full = pipeline.load(args.model)
    for nlp in (plain, full):  # warm up: first calls allocate
        list(nlp.pipe(texts[:5]))

    # Paired: each batch of articles goes through both, back to back, the order alternating from
    # batch to batch, so that the machine's drifts in speed (20% and more between minutes on a
    # shared host) fall on both alike; each one's best round counts.
    plain_rounds, full_rounds = [], []
    batches = [articles[i : i + DEFAULT_BATCH_SIZE] for i in range(0, len(articles), DEFAULT_BATCH_SIZE)]
    for _ in range(args.rounds):
        plain_total = full_total = 0.0
        for number, batch in enumerate(batches):
            batch_texts = [a.text for a in batch]
            runs = [
                lambda: list(plain.pipe(batch_texts, batch_size=DEFAULT_BATCH_SIZE)),
                lambda: [r.model_dump_json() for r in process_articles(_copies(batch), full)],
            ]
            if number % 2:
                full_total += _timed(runs[1])
                plain_total += _timed(runs[0])
            else:
                plain_total += _timed(runs[0])
                full_total += _timed(runs[1])
        plain_rounds.append(plain_total)
        full_rounds.append(full_total)
    plain_seconds, full_seconds = min(plain_rounds), min(full_rounds)
    parallel_seconds = None
    if args.jobs > 1:
        parallel_seconds = _timed(
            lambda: [r.model_dump_json() for r in process_articles(_copies(articles), full, n_process=args.jobs)]
        )
    result = {
        "articles": len(texts),
        "characters": characters,
        "rounds": args.rounds,
        "plain_spacy_seconds": round(plain_seconds, 3),
        "newsfacts_seconds": round(full_seconds, 3),
        "plain_spacy_articles_per_second": round(len(texts) / plain_seconds, 1),
        "newsfacts_articles_per_second": round(len(texts) / full_seconds, 1),
        "newsfacts_to_plain_time_ratio": round(full_seconds / plain_seconds, 3),
        "ratio_per_round": [round(f / p, 3) for p, f in zip(plain_rounds, full_rounds)],
        "jobs": args.jobs,
        "newsfacts_parallel_seconds": None if parallel_seconds is None else round(parallel_seconds, 3),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "model": args.model,
    }
    print(json.dumps(result, indent=2))


def _copies(articles: list[ArticleInput]) -> list[ArticleInput]:
    return [ArticleInput(id=a.id, path=a.path, text=a.text, title=a.title, published=a.published) for a in articles]


def _timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
