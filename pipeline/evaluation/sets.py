"""What a scored set is: a folder of expected files, which output lines it answers for, and
which of its articles are held out.

An output line belongs to a set when its article file lies where the set's expected files do
(the folder, or below it for a recursive set): such a line without an expected file means an
article the set does not score, so the gate fails rather than silently score fewer articles.
A line from elsewhere (a held-out article when scoring the top folder alone) is only counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..records import ArticleRecord
from .expected import EXPECTED_SUFFIX, ExpectedArticle, expected_files, load_expected

HELDOUT = "heldout"  # the folder (and the set) of articles no rule may be tuned on
_COLLECTION_LINE = re.compile(r"^(?P<file>.+\.jsonl):\d+$", re.IGNORECASE)


@dataclass(frozen=True)
class ScoredSet:
    """A set of articles the quality gate scores: a folder, with or without its sub-folders."""

    folder: Path
    recursive: bool = True

    def load(self) -> dict[str, ExpectedArticle]:
        return load_expected(self.folder, recursive=self.recursive)

    def has_expected_files(self) -> bool:
        return bool(expected_files(self.folder, recursive=self.recursive))

    def holds(self, record: ArticleRecord) -> bool:
        """True when the record's article file (or collection) lies in this set's folder."""
        file = article_file(record)
        if file is None:
            return False
        folder = self.folder.resolve()
        return file.parent == folder or (self.recursive and folder in file.parents)

    def expected_path(self, expected_id: str) -> Path:
        return self.folder / f"{expected_id}{EXPECTED_SUFFIX}"

    def describe(self) -> str:
        return f"{self.folder}" + ("" if self.recursive else ", top folder only")


def article_file(record: ArticleRecord) -> Path | None:
    """The file a record was read from, resolved against the working directory (the one
    ``extract`` ran in, for relative paths); a collection line's is its collection."""
    path = record.article.path
    if not path:
        return None
    line = _COLLECTION_LINE.match(path)
    return Path(line.group("file") if line else path).resolve()


def is_heldout(set_name: str, expected_file: Path) -> bool:
    """A held-out article: in a set named ``heldout`` or with its expected file in a
    ``heldout`` folder. Erring towards held-out only hides more."""
    return set_name == HELDOUT or HELDOUT in expected_file.resolve().parent.parts


def corpus_sets(root: str | Path) -> dict[str, ScoredSet]:
    """The sets of a corpus laid out like ``corpus/``, each with its thresholds in
    ``root/thresholds.json``: the whole corpus, the development articles (the top folder) and
    the held-out articles (``heldout/``)."""
    root = Path(root)
    return {
        "corpus": ScoredSet(root),
        "development": ScoredSet(root, recursive=False),
        HELDOUT: ScoredSet(root / HELDOUT),
    }
