"""The corpus overview table in ``corpus/README.md``, built from the expected-facts files.

Run ``python -m pipeline.evaluation.corpus corpus`` to rewrite the tables between their markers;
a test fails when a committed table is stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..frontmatter import split_front_matter
from .expected import load_expected
from .sets import HELDOUT, ScoredSet, corpus_sets

BEGIN, END = "<!-- corpus-table:begin -->", "<!-- corpus-table:end -->"


def render_corpus_table(folder: str | Path) -> str:
    folder = Path(folder)
    rows = [
        "| article | words | phenomena | year_counts | percentages | people | organizations | events |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    totals = [0, 0, 0, 0, 0, 0]
    for article_id, expected in load_expected(folder, recursive=False).items():
        text = split_front_matter((folder / f"{article_id}.txt").read_text(encoding="utf-8")).body
        counts = [
            len(re.findall(r"\S+", text)),
            len(expected.year_counts),
            len(expected.percentages),
            len(expected.people),
            len(expected.organizations),
            len(expected.events),
        ]
        totals = [a + b for a, b in zip(totals, counts)]
        phenomena = ", ".join(sorted(expected.phenomena))
        rows.append(f"| `{article_id}` | {counts[0]} | {phenomena} | " + " | ".join(map(str, counts[1:])) + " |")
    rows.append(f"| **total** | {totals[0]} | | " + " | ".join(map(str, totals[1:])) + " |")
    return "\n".join(rows)


def corpus_folders(root: str | Path) -> dict[str, Path]:
    """The folders of a corpus: development articles at the top, held-out ones in ``heldout/``.

    Held-out articles are never used to tune rules (see corpus/README.md).
    """
    root = Path(root)
    return {"development": root, HELDOUT: root / HELDOUT}


def scored_sets(root: str | Path) -> dict[str, ScoredSet]:
    """What the quality gate scores, each with its thresholds in ``root/thresholds.json``: the
    whole corpus, the development articles alone and the held-out articles alone."""
    return corpus_sets(root)


def _markers(name: str) -> tuple[str, str]:
    return BEGIN.replace("table", f"table:{name}"), END.replace("table", f"table:{name}")


def update_readme(root: str | Path) -> bool:
    """Rewrite each set's table in ``root/README.md``; True when anything changed."""
    readme = Path(root) / "README.md"
    original = text = readme.read_text(encoding="utf-8")
    for name, folder in corpus_folders(root).items():
        begin, end = _markers(name)
        start, stop = text.index(begin) + len(begin), text.index(end)
        text = text[:start] + "\n" + render_corpus_table(folder) + "\n" + text[stop:]
    if text != original:
        readme.write_text(text, encoding="utf-8")
    return text != original


def readme_table(root: str | Path, name: str) -> str:
    """The table for set ``name`` as it stands in the README."""
    text = (Path(root) / "README.md").read_text(encoding="utf-8")
    begin, end = _markers(name)
    return text[text.index(begin) + len(begin) : text.index(end)].strip()


if __name__ == "__main__":
    print("updated" if update_readme(sys.argv[1] if len(sys.argv) > 1 else "corpus") else "up to date")
