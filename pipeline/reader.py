"""Read articles from files and folders: ``.txt``/``.md`` articles and ``.jsonl`` collections.

The reader never raises for a bad input: every article it finds, and every path it cannot read,
comes out as one :class:`ArticleInput`, with its problems in ``errors``. That is what lets a run
over a large archive write exactly one output line per input article.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .decoding import DecodeError, decode_text
from .frontmatter import split_front_matter
from .normalize.dates import normalize_published
from .records import ArticleError

ARTICLE_SUFFIXES = frozenset({".txt", ".md"})
COLLECTION_SUFFIXES = frozenset({".jsonl"})
# Repository documentation that lives beside articles in a folder; read only when named directly.
_DOC_STEMS = frozenset({"README", "GUIDELINES", "LICENSE", "CHANGELOG", "CONTRIBUTING", "NOTES"})
_KNOWN_KEYS = ("id", "title", "published", "source")


@dataclass
class ArticleInput:
    """One article as read, before any NLP: ``text`` is the body that offsets count into."""

    id: str
    path: str | None
    text: str = ""
    title: str | None = None
    published: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    errors: list[ArticleError] = field(default_factory=list)

    @property
    def processable(self) -> bool:
        """True when there is text to analyse (it may still carry non-fatal errors)."""
        return bool(self.text.strip())

    def add_error(self, code: str, message: str) -> None:
        self.errors.append(ArticleError(code=code, message=message))


def iter_articles(paths: Iterable[str | os.PathLike[str]]) -> Iterator[ArticleInput]:
    """Yield articles from each path in order; folders are walked recursively in sorted order.

    A folder that cannot be listed yields one article carrying the error, in its place.
    """
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield from read_path(path)
            continue
        for found in discover_files(path):
            if isinstance(found, Path):
                yield from read_path(found)
            else:
                folder, error = found
                article = ArticleInput(id=folder.name, path=str(folder))
                code = "permission_denied" if isinstance(error, PermissionError) else "read_failed"
                article.add_error(code, f"cannot list folder {folder}: {error.strerror or error}")
                yield article


def discover_files(folder: Path) -> list[Path | tuple[Path, OSError]]:
    """Article and collection files under ``folder`` in sorted order, skipping hidden and doc
    files, with each sub-folder that could not be listed (and why) where it would have been."""
    found: list[tuple[str, Path | tuple[Path, OSError]]] = []

    def unlistable(error: OSError) -> None:
        where = Path(error.filename)
        found.append((where.relative_to(folder).as_posix(), (where, error)))

    for current, folders, files in os.walk(folder, onerror=unlistable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            file = Path(current) / name
            suffix = file.suffix.lower()
            if name.startswith("."):
                continue
            if (suffix in ARTICLE_SUFFIXES and file.stem.upper() not in _DOC_STEMS) or suffix in COLLECTION_SUFFIXES:
                found.append((file.relative_to(folder).as_posix(), file))
    return [item for _key, item in sorted(found, key=lambda pair: pair[0])]


def read_path(path: Path) -> Iterator[ArticleInput]:
    """Articles in one file (several for a collection), or one article carrying the read error."""
    data, error = _read_bytes(path)
    if error is not None:
        article = ArticleInput(id=path.stem, path=str(path))
        article.add_error(*error)
        yield article
        return
    if path.suffix.lower() in COLLECTION_SUFFIXES:
        yield from _read_collection(path, data)
    else:
        yield _read_article_file(path, data)


def _read_bytes(path: Path) -> tuple[bytes, tuple[str, str] | None]:
    try:
        return path.read_bytes(), None
    except FileNotFoundError:
        return b"", ("path_not_found", f"no such file or folder: {path}")
    except PermissionError:
        return b"", ("permission_denied", f"no permission to read {path}")
    except IsADirectoryError:
        return b"", ("read_failed", f"{path} is a directory")
    except OSError as exc:
        return b"", ("read_failed", f"cannot read {path}: {exc.strerror or exc}")


def _read_article_file(path: Path, data: bytes) -> ArticleInput:
    article = ArticleInput(id=path.stem, path=str(path))
    try:
        text = decode_text(data)
    except DecodeError as exc:
        article.add_error(exc.code, str(exc))
        return article
    split = split_front_matter(text)
    if split.error:
        article.add_error("front_matter_invalid", split.error)
    _apply_metadata(article, split.meta)
    article.text = split.body
    _finish(article, after="after its front matter" if split.meta or split.error else "")
    return article


def _read_collection(path: Path, data: bytes) -> Iterator[ArticleInput]:
    try:
        text = decode_text(data, refuse_control_characters=False)
    except DecodeError as exc:
        article = ArticleInput(id=path.stem, path=str(path))
        article.add_error(exc.code, str(exc))
        yield article
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _read_collection_line(path, number, line)


def _read_collection_line(path: Path, number: int, line: str) -> ArticleInput:
    location = f"{path}:{number}"
    article = ArticleInput(id=f"{path.stem}:{number}", path=location)
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        article.add_error("jsonl_line_invalid", f"line {number} is not valid JSON: {exc.msg} at column {exc.colno}")
        return article
    if not isinstance(item, dict):
        article.add_error("jsonl_line_invalid", f"line {number} must be a JSON object with 'id' and 'text'")
        return article
    meta = {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in item.items() if k != "text"}
    _apply_metadata(article, meta)
    text = item.get("text")
    if not isinstance(text, str):
        article.add_error("jsonl_line_invalid", f"line {number} has no string 'text'")
        return article
    article.text = text.replace("\r\n", "\n").replace("\r", "\n")
    _finish(article)
    return article


def _apply_metadata(article: ArticleInput, meta: dict[str, str]) -> None:
    if meta.get("id", "").strip():
        article.id = meta["id"].strip()
    if meta.get("title", "").strip():
        article.title = meta["title"].strip()
    if meta.get("source"):
        article.metadata["source"] = meta["source"]
    if meta.get("published", "").strip():
        try:
            article.published = normalize_published(meta["published"])
        except ValueError as exc:
            article.add_error("published_invalid", f"published date {meta['published']!r} is not a date: {exc}")
    for key, value in meta.items():
        if key not in _KNOWN_KEYS:
            article.metadata[key] = value


def _finish(article: ArticleInput, after: str = "") -> None:
    """Title from the first non-empty line when metadata gave none; flag empty articles."""
    if not article.text.strip():
        article.add_error("empty_article", " ".join(filter(None, ["the article has no text", after])))
        return
    if article.title is None:
        article.title = next(line.strip() for line in article.text.split("\n") if line.strip())
