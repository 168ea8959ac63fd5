"""The corpus overview table in ``corpus/README.md``, built from the expected-facts files.

Run ``python -m pipeline.evaluation.corpus corpus`` to rewrite the table between its markers; a
test fails when the committed table is stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..frontmatter import split_front_matter
from .expected import load_expected

BEGIN, END = "<!-- corpus-table:begin -->", "<!-- corpus-table:end -->"


def render_corpus_table(folder: str | Path) -> str:
    folder = Path(folder)
    rows = [
        "| article | words | phenomena | year_counts | percentages | people | organizations | events |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    totals = [0, 0, 0, 0, 0, 0]
    for article_id, expected in load_expected(folder).items():
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


def update_readme(folder: str | Path) -> bool:
    """Rewrite the table in ``folder/README.md``; True when it changed."""
    readme = Path(folder) / "README.md"
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    updated = text[:start] + "\n" + render_corpus_table(folder) + "\n" + text[end:]
    if updated != text:
        readme.write_text(updated, encoding="utf-8")
    return updated != text


if __name__ == "__main__":
    print("updated" if update_readme(sys.argv[1] if len(sys.argv) > 1 else "corpus") else "up to date")
