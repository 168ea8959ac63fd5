"""Problems with the files an evaluation reads, one line each, naming the file and the key.

A raw Pydantic dump names neither the file nor, readably, the key: a person fixing a
hand-written expected file needs ``corpus/x.expected.json: year_counts[3].count: ...``.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from ..kinds import KINDS

# Pydantic's wording where a shorter one says more to someone editing a JSON file by hand.
_MESSAGES = {"extra_forbidden": "unknown key", "missing": "missing key"}
MAX_PROBLEMS_SHOWN = 20


class InputError(ValueError):
    """Files that cannot be read or do not validate: every problem, one line each."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(shown(self.problems)))


def shown(problems: Sequence[str], limit: int = MAX_PROBLEMS_SHOWN) -> list[str]:
    """At most ``limit`` problems and a line counting the rest: a broken file of a million
    lines must not bury the terminal."""
    if len(problems) <= limit:
        return list(problems)
    return [*problems[:limit], f"... and {len(problems) - limit} more problems"]


def key_path(loc: Sequence[int | str]) -> str:
    """Pydantic's location as a person writes it: ``year_counts[3].count``.

    The tag Pydantic adds after an item of the facts union (``facts[0].year_counts.count``) is
    left out: the item's own ``kind`` already says which it is.
    """
    text = ""
    for index, part in enumerate(loc):
        if isinstance(part, int):
            text += f"[{part}]"
        elif part == "[key]":
            continue
        elif index >= 2 and loc[index - 2] == "facts" and isinstance(loc[index - 1], int) and part in KINDS:
            continue
        else:
            text += f".{part}" if text else str(part)
    return text


def validation_problems(source: str, error: ValidationError, prefix: Sequence[int | str] = ()) -> list[str]:
    """One line per Pydantic error: ``SOURCE: KEY: message``."""
    problems = []
    for item in error.errors():
        loc = (*prefix, *item["loc"])
        message = _MESSAGES.get(item["type"], item["msg"]).removeprefix("Value error, ")
        if item["loc"] and item["loc"][-1] == "[key]":
            message = f"not a known key: {message}"
        where = key_path(loc)
        problems.append(f"{source}: {where}: {message}" if where else f"{source}: {message}")
    return problems
