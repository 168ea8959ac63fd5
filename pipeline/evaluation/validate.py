"""Check hand-written expected files before they are trusted (``newsfacts validate-expected``).

An expected file is gold only if it fits the schema and its article: every quoted ``evidence``
occurs in the article body (the text offsets count into), the article beside it exists, and a
date in the article's front matter is the expected ``published``. Each problem is one line
naming the file and the key, so a new article is fixed before its first score is recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..reader import ARTICLE_SUFFIXES, discover_files, read_path
from .errors import InputError
from .expected import EXPECTED_SUFFIX, ExpectedArticle, article_id, expected_files, read_expected

_QUOTED = ("year_counts", "percentages", "events")
_QUOTE_SHOWN = 60


@dataclass
class Validation:
    checked: int = 0
    problems: list[str] = field(default_factory=list)


def validate_paths(paths: Iterable[Path]) -> Validation:
    """Every expected file named or under a folder named, and every article of such a folder
    without an expected file."""
    result = Validation()
    for path in paths:
        if path.is_dir():
            files = expected_files(path)
            result.problems += _articles_without_expected(path)
        elif path.name.endswith(EXPECTED_SUFFIX):
            files = [path]
        else:
            result.problems.append(f"{path}: not an expected file (NAME{EXPECTED_SUFFIX}) nor a folder")
            continue
        for file in files:
            result.checked += 1
            result.problems += validate_file(file)
    return result


def validate_file(path: Path) -> list[str]:
    """The problems of one expected file: its schema first, then its fit with the article."""
    try:
        expected = read_expected(path)
    except InputError as exc:
        return exc.problems
    articles = [path.with_name(article_id(path) + suffix) for suffix in sorted(ARTICLE_SUFFIXES)]
    found = [article for article in articles if article.is_file()]
    if len(found) != 1:
        names = " or ".join(article.name for article in articles)
        return [f"{path}: {'no article' if not found else 'two articles'} beside it ({names})"]
    return _against_article(path, expected, found[0])


def _against_article(path: Path, expected: ExpectedArticle, article_path: Path) -> list[str]:
    (article,) = read_path(article_path)
    unreadable = [f"{path}: its article {article_path}: {e.code}: {e.message}" for e in article.errors
                  if e.code not in {"front_matter_invalid", "published_invalid"}]  # fmt: skip
    if unreadable or not article.text:
        return unreadable or [f"{path}: its article {article_path} has no text"]
    problems = []
    for kind in _QUOTED:
        for index, fact in enumerate(getattr(expected, kind)):
            if fact.evidence not in article.text:
                problems.append(f"{path}: {kind}[{index}].evidence: not in the article body: \"{_short(fact.evidence)}\"")
    if article.published is not None and article.published != expected.published:
        problems.append(f"{path}: published: {expected.published!r}, but the article's front matter says {article.published!r}")
    return problems


def _articles_without_expected(folder: Path) -> list[str]:
    problems = []
    for found in discover_files(folder):
        if isinstance(found, Path) and found.suffix.lower() in ARTICLE_SUFFIXES:
            expected = found.with_name(found.stem + EXPECTED_SUFFIX)
            if not expected.exists():
                problems.append(f"{found}: no expected file ({expected.name})")
    return problems


def _short(text: str) -> str:
    return text if len(text) <= _QUOTE_SHOWN else text[: _QUOTE_SHOWN - 3] + "..."
