"""Split an optional YAML front-matter block (between two ``---`` lines) from an article body."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

_DELIMITER = "---"
# "title: Defector lawmakers: Thae loses" is what a writer means as one key and one value, though
# YAML refuses a colon inside a plain value. Such lines are read as written; a value opening with
# a YAML indicator ("[", "{", a quote...) is left to YAML, so real mistakes are still reported.
_PLAIN_PAIR = re.compile(r"^([A-Za-z_][\w-]*):[ \t]+([^\s\[\]{}'\"|>&*!%@`#,-].*?)\s*$")


class FrontMatterError(ValueError):
    """The block is there but cannot be read as ``key: value`` pairs."""


class _Loader(yaml.SafeLoader):
    """Safe YAML, except that a date which does not exist (``2017-02-30``) stays a string.

    PyYAML raises a bare ValueError for it while building the value; kept as text, the date
    check refuses it as ``published_invalid`` like any other bad date.
    """


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)


@dataclass(frozen=True)
class Split:
    meta: dict[str, str] = field(default_factory=dict)
    body: str = ""
    error: str | None = None
    body_offset: int = 0  # characters of the text before the body: evidence offsets + this index the text


def _after(text: str, body: str, meta: dict[str, str] | None = None, error: str | None = None) -> Split:
    """A split whose body is the tail of ``text``, so its offset is what precedes it."""
    return Split(meta=meta or {}, body=body, error=error, body_offset=len(text) - len(body))


def split_front_matter(text: str) -> Split:
    """Return the metadata and the body; a broken block is reported in ``error``, never raised.

    The body is what follows the closing delimiter, so evidence offsets count from there. When the
    block is never closed the whole text is kept as the body, so nothing is lost.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != _DELIMITER:
        return Split(body=text)
    for index in range(1, len(lines)):
        if lines[index].strip() == _DELIMITER:
            block = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            try:
                return _after(text, body, meta=parse_block(block))
            except FrontMatterError as exc:
                return _after(text, body, error=str(exc))
    return Split(body=text, error="front matter opened with '---' is never closed")


def parse_block(block: str) -> dict[str, str]:
    """Parse YAML ``key: value`` pairs into strings; nested values are refused."""
    if _flow_depth(block) > _MAX_FLOW_DEPTH:
        raise FrontMatterError("front matter is nested too deeply to read")
    try:
        data = yaml.load(block, Loader=_Loader) if block.strip() else {}  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        data = _plain_pairs(block)
        if data is None:
            raise FrontMatterError(f"front matter is not valid YAML: {_first_line(exc)}") from None
    except RecursionError:
        raise FrontMatterError("front matter is nested too deeply to read") from None
    except Exception as exc:  # noqa: BLE001 - whatever YAML raises is this article's error, not the run's
        raise FrontMatterError(f"front matter cannot be read: {type(exc).__name__}: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError("front matter must be 'key: value' pairs")
    meta: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, (dict, list)):
            raise FrontMatterError(f"front matter key {key!r} must hold a single value")
        meta[str(key)] = _as_text(value)
    return meta


# PyYAML takes time quadratic in the depth of "[[[[..." (1.4 s at a few thousand) before giving
# up; pairs of single values never nest, so a deep block is refused before YAML sees it.
_MAX_FLOW_DEPTH = 32
_FLOW = re.compile(r"[\[\]{}]")


def _flow_depth(block: str) -> int:
    """The deepest nesting of ``[`` and ``{`` (quotes ignored: a rough, linear bound)."""
    depth = deepest = 0
    for match in _FLOW.finditer(block):
        depth = depth + 1 if match.group() in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


def _plain_pairs(block: str) -> dict[str, str] | None:
    """Every line a ``key: plain text`` pair, keys unique; else None."""
    pairs: dict[str, str] = {}
    for line in block.splitlines():
        if not line.strip():
            continue
        match = _PLAIN_PAIR.match(line)
        if match is None or match.group(1) in pairs:
            return None
        pairs[match.group(1)] = match.group(2)
    return pairs or None


def _as_text(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return "" if value is None else str(value)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0]
