"""Read articles from files and folders: ``.txt``/``.md`` articles and ``.jsonl`` collections.

The reader never raises for a bad input: every article it finds, and every path it cannot read,
comes out as one :class:`ArticleInput`, with its problems in ``errors``. That is what lets a run
over a large archive write exactly one output line per input article. Each file (and each line
of a collection) is read inside its own guard, so whatever goes wrong with one (a YAML or JSON
parser giving up, a date that does not exist) is that article's error and the stream goes on.

Inputs are listed first (:func:`list_sources`), then read one by one (:func:`read_source`): the
count is known before any work starts. Special files (FIFOs, sockets, devices) are never opened,
and a regular file is opened non-blocking in case it was swapped for one meanwhile.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import BinaryIO

from .decoding import DecodeError, decode_line, decode_text, has_lone_surrogate, printable
from .frontmatter import split_front_matter
from .normalize.dates import normalize_published
from .records import ArticleError

ARTICLE_SUFFIXES = frozenset({".txt", ".md"})
COLLECTION_SUFFIXES = frozenset({".jsonl"})
# Repository documentation that lives beside articles in a folder; read only when named directly.
_DOC_STEMS = frozenset({"README", "GUIDELINES", "LICENSE", "CHANGELOG", "CONTRIBUTING", "NOTES"})
_KNOWN_KEYS = ("id", "title", "published", "source")

# Far beyond any news article (about 15,000 words), far below what one process can annotate.
DEFAULT_MAX_CHARS = 100_000
# UTF-8 takes at most 4 bytes a character (UTF-32 too), a JSON escape at most 12 ("\ud83d\ude00");
# the margin is for front matter and the JSON keys around the text.
_BYTES_PER_CHAR, _JSON_BYTES_PER_CHAR, _MARGIN_BYTES = 4, 12, 65_536
_SNIFF_BYTES = 8192
_READ_CHUNK = 1 << 20


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
    sha256: str | None = None  # of the raw bytes read: the file, or the collection line
    body_offset: int = 0  # characters of decoded file text (front matter) before ``text``

    @property
    def processable(self) -> bool:
        """True when there is text to analyse (it may still carry non-fatal errors)."""
        return bool(self.text.strip())

    def add_error(self, code: str, message: str) -> None:
        """Record a problem; a message quoting an undecodable file name is escaped to be written."""
        self.errors.append(ArticleError(code=code, message=printable(message)))


@dataclass(frozen=True)
class Source:
    """One input found while listing: a file to read, or a folder that could not be listed."""

    path: Path
    id: str  # the default id of its article(s): relative to the input root, without extension
    collection: bool = False
    error: tuple[str, str] | None = None


def iter_articles(
    paths: Iterable[str | os.PathLike[str]], *, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[ArticleInput]:
    """Yield articles from each path in order; folders are walked recursively in sorted order.

    A folder that cannot be listed yields one article carrying the error, in its place.
    """
    for source in list_sources(paths):
        yield from read_source(source, max_chars=max_chars)


def list_sources(paths: Iterable[str | os.PathLike[str]]) -> list[Source]:
    """Every input to read, in order: a file named directly keeps its stem as id, a file found
    in a folder gets its path relative to that folder (without extension), so nested folders
    never collide."""
    sources: list[Source] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            sources.extend(discover_sources(path))
        else:
            sources.append(Source(path, path.stem, collection=_is_collection(path)))
    return sources


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
            if not name.startswith(".") and _is_input(file):
                found.append((file.relative_to(folder).as_posix(), file))
    return [item for _key, item in sorted(found, key=lambda pair: pair[0])]


def discover_sources(folder: Path) -> list[Source]:
    """:func:`discover_files` as sources, each with its id relative to ``folder``."""
    sources = []
    for found in discover_files(folder):
        if isinstance(found, Path):
            sources.append(Source(found, _relative_id(found, folder), collection=_is_collection(found)))
        else:
            where, error = found
            code = "permission_denied" if isinstance(error, PermissionError) else "read_failed"
            message = f"cannot list folder {where}: {error.strerror or error}"
            sources.append(Source(where, where.relative_to(folder).as_posix(), error=(code, message)))
    return sources


def _is_input(file: Path) -> bool:
    suffix = file.suffix.lower()
    return (suffix in ARTICLE_SUFFIXES and file.stem.upper() not in _DOC_STEMS) or suffix in COLLECTION_SUFFIXES


def _is_collection(path: Path) -> bool:
    return path.suffix.lower() in COLLECTION_SUFFIXES


def _relative_id(file: Path, root: Path) -> str:
    relative = file.relative_to(root)
    return relative.with_name(relative.stem).as_posix()


def count_articles(sources: Iterable[Source]) -> int:
    """How many articles the sources hold, for a progress total: one per file, one per line of
    a collection (counted without decoding; blank lines make it an upper bound)."""
    total = 0
    for source in sources:
        total += _count_lines(source.path) if source.collection and source.error is None else 1
    return total


def _count_lines(path: Path) -> int:
    stream, _size, _error = _open_regular(path)
    if stream is None:
        return 1
    lines, last = 0, b"\n"
    with stream:
        while chunk := stream.read(_READ_CHUNK):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return max(1, lines + (last != b"\n"))


def read_source(source: Source, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ArticleInput]:
    """The articles of one source (several for a collection); never raises for bad input."""
    if source.error is not None:
        yield _failed(source, *source.error)
        return
    yielded = 0
    try:
        for article in _read(source, max_chars):
            yielded += 1
            yield article
    except Exception as exc:  # noqa: BLE001 - the guard of last resort: this file's error, not the run's
        where = f" after {yielded} articles" if yielded else ""
        yield _failed(source, "read_failed", f"cannot read {source.path}{where}: {type(exc).__name__}: {exc}")


def read_path(path: Path, *, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[ArticleInput]:
    """Articles in one file named directly (its stem is the default id)."""
    yield from read_source(Source(path, path.stem, collection=_is_collection(path)), max_chars=max_chars)


def _read(source: Source, max_chars: int) -> Iterator[ArticleInput]:
    stream, size, error = _open_regular(source.path)
    if stream is None:
        yield _failed(source, *error)
        return
    with stream:
        if source.collection:
            yield from _read_collection(source, stream, max_chars)
        elif size > max_chars * _BYTES_PER_CHAR + _MARGIN_BYTES:
            yield _failed(source, "too_long", f"the file has {size:,} bytes, more than --max-chars {max_chars:,} characters can take")
        else:
            yield _guarded(partial(_read_article_file, source, stream, max_chars), source.id, str(source.path))


def _open_regular(path: Path) -> tuple[BinaryIO | None, int, tuple[str, str]]:
    """Open a regular file for reading; anything else is refused without being opened."""
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISREG(mode):
            flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
            descriptor = os.open(path, flags)
            info = os.fstat(descriptor)  # the file may have been swapped since the stat above
            if stat.S_ISREG(info.st_mode):
                return os.fdopen(descriptor, "rb"), info.st_size, ("", "")
            os.close(descriptor)
            mode = info.st_mode
    except FileNotFoundError:
        return None, 0, ("path_not_found", f"no such file or folder: {path}")
    except PermissionError:
        return None, 0, ("permission_denied", f"no permission to read {path}")
    except OSError as exc:
        return None, 0, ("read_failed", f"cannot read {path}: {exc.strerror or exc}")
    if stat.S_ISDIR(mode):
        return None, 0, ("read_failed", f"{path} is a directory")
    return None, 0, ("not_a_regular_file", f"{path} is a {_kind_of_file(mode)}, not a regular file: not opened")


def _kind_of_file(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"))
    return next((name for test, name in kinds if test(mode)), "special file")


def _failed(source: Source, code: str, message: str) -> ArticleInput:
    article = _new_article(source.id, str(source.path))
    article.add_error(code, message)
    return article


def _new_article(id_: str, path: str) -> ArticleInput:
    """An article whose id and path can be written: a file name that is not UTF-8 is escaped."""
    if not (has_lone_surrogate(id_) or has_lone_surrogate(path)):
        return ArticleInput(id=id_, path=path)
    article = ArticleInput(id=printable(id_), path=printable(path))
    article.add_error("invalid_filename", f"the file name is not UTF-8; its bytes are written as \\xNN: {article.path}")
    return article


def _guarded(read: Callable[[], ArticleInput], id_: str, path: str) -> ArticleInput:
    """Run one article's reading: any exception becomes that article's ``read_failed``, and
    what no output line can carry is escaped."""
    try:
        article = read()
    except Exception as exc:  # noqa: BLE001
        article = _new_article(id_, path)
        article.add_error("read_failed", f"cannot read {path}: {type(exc).__name__}: {exc}")
    _escape_lone_surrogates(article)
    return article


def _read_article_file(source: Source, stream: BinaryIO, max_chars: int) -> ArticleInput:
    data = stream.read()
    article = _new_article(source.id, str(source.path))
    article.sha256 = hashlib.sha256(data).hexdigest()
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
    article.body_offset = split.body_offset
    _finish(article, max_chars, after="after its front matter" if split.meta or split.error else "")
    return article


def _read_collection(source: Source, stream: BinaryIO, max_chars: int) -> Iterator[ArticleInput]:
    """One article per non-blank line, read line by line: memory holds one line at a time."""
    head = stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES] if hasattr(stream, "peek") else b""
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):  # UTF-16/32: decode whole, then split
        yield from _read_collection_text(source, stream.read(), max_chars)
        return
    if b"\x00" in head:
        yield _failed(source, "binary_file", "file holds NUL bytes: it looks binary, not text")
        return
    line_limit = max_chars * _JSON_BYTES_PER_CHAR + _MARGIN_BYTES
    number = 0
    for raw, complete in _physical_lines(stream, line_limit):
        if number == 0 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not complete:
            number += 1
            yield _collection_line_too_long(source, number, max_chars)
            continue
        for part in raw.split(b"\r"):  # a lone CR ends a line too, as in a decoded text
            number += 1
            if part.strip():
                read = partial(_read_collection_bytes, source, number, part, max_chars)
                yield _guarded(read, f"{source.id}:{number}", f"{source.path}:{number}")


def _physical_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[bytes, bool]]:
    """Lines without their ``\\n`` (and a CR before it); a line over ``limit`` bytes is skipped
    unread and given as ``(b"", False)``."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(_READ_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield b"", False
            continue
        yield line.rstrip(b"\n").removesuffix(b"\r"), True


def _read_collection_text(source: Source, data: bytes, max_chars: int) -> Iterator[ArticleInput]:
    try:
        text = decode_text(data, refuse_control_characters=False)
    except DecodeError as exc:
        yield _failed(source, exc.code, str(exc))
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            raw = line.encode("utf-8", "surrogatepass")
            read = partial(_read_collection_line, source, number, line, max_chars, raw)
            yield _guarded(read, f"{source.id}:{number}", f"{source.path}:{number}")


def _collection_line_too_long(source: Source, number: int, max_chars: int) -> ArticleInput:
    article = _new_article(f"{source.id}:{number}", f"{source.path}:{number}")
    article.add_error("too_long", f"line {number} is longer than --max-chars {max_chars:,} characters can take: not read")
    return article


def _read_collection_bytes(source: Source, number: int, raw: bytes, max_chars: int) -> ArticleInput:
    try:
        line = decode_line(raw)
    except DecodeError as exc:
        article = _new_article(f"{source.id}:{number}", f"{source.path}:{number}")
        article.sha256 = hashlib.sha256(raw).hexdigest()
        article.add_error(exc.code, f"line {number}: {exc}")
        return article
    return _read_collection_line(source, number, line, max_chars, raw)


def _read_collection_line(source: Source, number: int, line: str, max_chars: int, raw: bytes) -> ArticleInput:
    article = _new_article(f"{source.id}:{number}", f"{source.path}:{number}")
    article.sha256 = hashlib.sha256(raw).hexdigest()
    try:
        item = json.loads(line)
    except RecursionError:
        article.add_error("jsonl_line_invalid", f"line {number} is nested too deeply to read")
        return article
    except ValueError as exc:
        detail = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
        article.add_error("jsonl_line_invalid", f"line {number} is not valid JSON: {detail}")
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
    if "\x00" in article.text:
        article.text = ""
        article.add_error("binary_file", f"line {number}: the text holds NUL characters: it looks binary, not text")
        return article
    _finish(article, max_chars)
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
        except Exception as exc:  # noqa: BLE001 - ValueError, or whatever a date parser raises
            article.add_error("published_invalid", f"published date {meta['published']!r} is not a date: {exc}")
    for key, value in meta.items():
        if key not in _KNOWN_KEYS:
            article.metadata[key] = value


def _finish(article: ArticleInput, max_chars: int, after: str = "") -> None:
    """Refuse a text over the limit; title from the first non-empty line when metadata gave
    none; flag empty articles."""
    if len(article.text) > max_chars:
        article.add_error("too_long", f"the text has {len(article.text):,} characters, more than --max-chars {max_chars:,}")
        article.text = ""
        return
    if not article.text.strip():
        article.add_error("empty_article", " ".join(filter(None, ["the article has no text", after])))
        return
    if article.title is None:
        article.title = _first_line(article.text)


def _first_line(text: str) -> str:
    start = 0
    while True:
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if line.strip():
            return line.strip()
        start = end + 1


def _escape_lone_surrogates(article: ArticleInput) -> None:
    """A lone surrogate (a JSON ``"\\ud800"``) is no text: refuse the text, escape the rest."""
    fields = [article.id, article.title or "", *article.metadata.keys(), *article.metadata.values()]
    refused = has_lone_surrogate(article.text)
    if not refused and not any(has_lone_surrogate(value) for value in fields):
        return
    article.id = printable(article.id)
    article.title = None if article.title is None else printable(article.title)
    article.metadata = {printable(key): printable(value) for key, value in article.metadata.items()}
    where = "its text" if refused else "its id, title or metadata"
    article.add_error("undecodable", f"{where} holds a lone UTF-16 surrogate (like \\ud800), which is not text")
    if refused:
        article.text = ""
