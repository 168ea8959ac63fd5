"""Small hand-made corpora for evaluation tests: expected files, articles and output lines in a
temporary folder, so that no test needs the model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

EVIDENCE = {"text": "x", "start": 0, "end": 1, "sentence": "x", "rule": "test"}


def expected_data(**parts: Any) -> dict[str, Any]:
    base = {"published": "2017", "phenomena": [], "year_counts": [], "percentages": [], "people": [],
            "organizations": [], "events": [], "notes": ""}  # fmt: skip
    return base | parts


def gold_year_count(year: int, count: int, evidence: str = "x", **parts: Any) -> dict[str, Any]:
    return {"year": year, "month": None, "count": count, "qualifier": "exact", "count_max": None,
            "cumulative": False, "subject": "x", "evidence": evidence} | parts  # fmt: skip


def year_count(year: int, count: int, sentence: str = "x", rule: str = "test", **parts: Any) -> dict[str, Any]:
    evidence = EVIDENCE | {"sentence": sentence, "rule": rule}
    return {"kind": "year_counts", "year": year, "count": count, "subject": "x", "evidence": evidence} | parts


def person(name: str) -> dict[str, Any]:
    return {"kind": "people", "name": name, "mentions": [EVIDENCE], "evidence": EVIDENCE}


def write_article(folder: Path, name: str, expected: dict[str, Any] | None = None, text: str = "x") -> Path:
    """``NAME.txt`` (and ``NAME.expected.json`` when given) in ``folder``; the article's path."""
    folder.mkdir(parents=True, exist_ok=True)
    if expected is not None:
        (folder / f"{name}.expected.json").write_text(json.dumps(expected), encoding="utf-8")
    article = folder / f"{name}.txt"
    article.write_text(text, encoding="utf-8")
    return article


def line(article_id: str, path: Path | str | None, *facts: dict[str, Any], published: str | None = "2017") -> dict[str, Any]:
    return {"article": {"id": article_id, "path": None if path is None else str(path), "published": published},
            "facts": list(facts), "errors": []}  # fmt: skip


def write_lines(path: Path, *lines: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(item) + "\n" for item in lines), encoding="utf-8")
    return path


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def mini_corpus(root: Path) -> list[dict[str, Any]]:
    """A corpus laid out like ``corpus/``: development articles ``a`` and ``ab``, held-out ``h``,
    each with one miss and one false fact; the output lines of an ``extract`` over it."""
    lines = []
    for folder, name in ((root, "a"), (root, "ab"), (root / "heldout", "h")):
        gold = expected_data(year_counts=[gold_year_count(2016, 1417, evidence=f"{name} quote")], people=[["Kim Jong Un"]])
        path = write_article(folder, name, gold)
        found = year_count(2015, 99, sentence=f"{name}: In 2015 there were 99.", rule="year_counts:parse")
        lines.append(line(path.relative_to(root).with_suffix("").as_posix(), path, found, person("Kim Jong Un")))
    return lines
