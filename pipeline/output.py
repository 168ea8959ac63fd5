"""Where the lines go, and whether ``-o`` may be used at all.

Lines are appended and flushed to ``OUT.partial`` as articles finish; ``OUT`` appears, by rename,
only when the run completes. An interrupted run (Ctrl-C, SIGTERM, SIGKILL, a full disk) leaves
``OUT.partial`` with complete lines, which ``--resume`` reads back: an article whose id and
content hash (``article.sha256``) match a line there is not processed again. Lines are written
in input order, so a resumed run normally ends with a plain rename too; when it cannot (an
edited article was redone, an unreadable one retried) the file is rewritten in input order
first, so a resumed run ends with exactly the lines of an uninterrupted one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

PARTIAL_SUFFIX = ".partial"


def partial_path(target: str | os.PathLike[str]) -> Path:
    target = Path(target)
    return target.with_name(target.name + PARTIAL_SUFFIX)


# -- checking -o before any work ------------------------------------------------------------


def output_problem(output: str, inputs: Iterable[str | os.PathLike[str]], *, resume: bool = False) -> str | None:
    """Why ``output`` cannot take this run's lines, in one line; None when it can.

    Refused: an input file (it would be overwritten), a path inside an input folder (the next
    run would read it back as input), a directory, and a place that cannot be written.
    """
    if output == "-":
        return "--resume needs an output file, not stdout" if resume else None
    target = Path(output)
    for path in (target, partial_path(target)):
        if path.is_dir():
            return f"{path} is a directory; -o names the output file"
    problem = _input_clash(target, inputs)
    return problem if problem is not None else _unwritable(target)


def _input_clash(target: Path, inputs: Iterable[str | os.PathLike[str]]) -> str | None:
    resolved = Path(os.path.realpath(target))
    for raw in inputs:
        item = Path(raw)
        if item.is_dir():
            folder = Path(os.path.realpath(item))
            if resolved == folder or folder in resolved.parents:
                return f"{target} lies inside the input folder {item}: a later run would read it back as input"
        elif resolved == Path(os.path.realpath(item)) or _same_file(target, item):
            return f"{target} is an input file: writing it would destroy the article"
    return None


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def _unwritable(target: Path) -> str | None:
    """Try for real (root ignores permission bits, a read-only file system does not)."""
    for path in (target, partial_path(target)):
        if path.exists() and not os.access(path, os.W_OK):
            return f"cannot write {path}: it is read-only"
    folder = Path(os.path.abspath(target)).parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        return f"cannot write {target}: {folder} is not a folder"
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return f"cannot write {target}: {exc.strerror or exc} in {folder}"
    return None


# -- writing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DoneLine:
    """A line an earlier run left in OUT.partial, as far as a resumed run needs it."""

    offset: int
    error_codes: tuple[str, ...]
    facts: dict[str, int]


@dataclass
class StdoutOutput:
    """``-o -``: each line flushed as it is written; nothing to resume or rename."""

    notes: list[str] = field(default_factory=list)
    lines: int = 0
    name: str = "stdout"

    def take(self, id_: str, sha256: str | None) -> DoneLine | None:
        return None

    def keep(self, done: DoneLine, position: int) -> None:
        raise AssertionError("stdout has no earlier lines")

    def write(self, line: str, position: int) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()
        self.lines += 1

    def finish(self) -> None:
        sys.stdout.flush()

    def close(self) -> None:
        pass


class PartialOutput:
    """``OUT.partial``: lines appended and flushed in input order, renamed to ``OUT`` at the end."""

    def __init__(self, target: Path, *, resume: bool) -> None:
        self.target = target
        self.partial = partial_path(target)
        self.name = str(target)
        self.notes: list[str] = []
        self.done: dict[tuple[str, str], deque[DoneLine]] = {}
        self.offsets: list[int] = []  # each complete line in the file, in file order
        self.chosen: dict[int, int] = {}  # input position -> offset of its line
        self.size = 0
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self._remove_stale_temporaries()
        if resume:
            self._load_earlier_lines()
        elif self.partial.exists():
            self.notes.append(f"started over: {self.partial} from an earlier run was replaced (--resume continues one)")
        self.file = open(self.partial, "ab" if resume else "wb", buffering=0)  # noqa: SIM115 - closed in close()
        self.size = self.file.seek(0, os.SEEK_END)

    @property
    def lines(self) -> int:
        return len(self.offsets)

    def take(self, id_: str, sha256: str | None) -> DoneLine | None:
        """The earlier line for this article, if one matches its id and content hash."""
        waiting = self.done.get((id_, sha256)) if sha256 else None
        return waiting.popleft() if waiting else None

    def keep(self, done: DoneLine, position: int) -> None:
        self.chosen[position] = done.offset

    def write(self, line: str, position: int) -> None:
        """Append one complete line with a single write where possible, straight to the OS."""
        data = memoryview((line + "\n").encode("utf-8"))
        self.chosen[position] = self.size
        self.offsets.append(self.size)
        while data:
            written = self.file.write(data)
            data = data[written:]
            self.size += written

    def finish(self) -> None:
        """Make ``OUT`` from the partial file: a rename when its lines are already the run's."""
        os.fsync(self.file.fileno())
        self.file.close()
        order = [self.chosen[position] for position in range(len(self.chosen))]
        if order != self.offsets:
            self._rewrite(order)
        os.replace(self.partial, self.target)

    def close(self) -> None:
        if not self.file.closed:
            self.file.close()

    def _rewrite(self, order: list[int]) -> None:
        """Lines in input order, without those of articles edited or retried since."""
        temporary = self.partial.with_name(self.partial.name + ".tmp")
        with open(self.partial, "rb") as source, open(temporary, "wb") as sink:
            for offset in order:
                source.seek(offset)
                sink.write(source.readline())
            sink.flush()
            os.fsync(sink.fileno())
        os.replace(temporary, self.partial)

    def _load_earlier_lines(self) -> None:
        if not self.partial.exists() and self.target.exists():
            shutil.copyfile(self.target, self.partial)
            self.notes.append(f"resuming from the finished {self.target}")
        if not self.partial.exists():
            self.notes.append(f"nothing to resume: no {self.partial}; starting from the first article")
            return
        complete = 0
        with open(self.partial, "rb") as stream:
            for raw in stream:
                if not raw.endswith(b"\n"):
                    break
                self._index(raw, complete)
                complete += len(raw)
        if complete < self.partial.stat().st_size:
            os.truncate(self.partial, complete)
            self.notes.append(f"dropped an incomplete last line from {self.partial}")
        reusable = sum(len(lines) for lines in self.done.values())
        self.notes.append(f"resuming: {reusable} of {len(self.offsets)} lines in {self.partial} can be kept")

    def _index(self, raw: bytes, offset: int) -> None:
        self.offsets.append(offset)
        try:
            record = json.loads(raw)
            article = record["article"]
            key = (article["id"], article["sha256"])
            codes = tuple(error["code"] for error in record.get("errors", []))
            facts = dict(Counter(fact["kind"] for fact in record.get("facts", [])))
        except (ValueError, KeyError, TypeError):
            return  # not a line this program wrote: it will not be kept
        if key[1]:
            self.done.setdefault(key, deque()).append(DoneLine(offset, codes, facts))

    def _remove_stale_temporaries(self) -> None:
        """Hidden ``.OUT.PID.tmp`` files that runs before 0.2 left when killed: nothing reads them."""
        pattern = re.compile(rf"^\.{re.escape(self.target.name)}\.(\d+)\.tmp$")
        for path in self.target.parent.iterdir():
            match = pattern.match(path.name)
            if match and not _alive(int(match.group(1))):
                path.unlink(missing_ok=True)
                self.notes.append(f"removed {path}, left by an interrupted run")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


Sink = StdoutOutput | PartialOutput


@contextmanager
def open_output(output: str | os.PathLike[str], *, resume: bool = False) -> Iterator[Sink]:
    """The line sink for ``output`` ("-" for stdout): ``OUT`` appears only when the block ends
    normally; an exception leaves ``OUT.partial`` with the complete lines written so far."""
    sink = StdoutOutput() if str(output) == "-" else PartialOutput(Path(output), resume=resume)
    try:
        yield sink
        sink.finish()
    finally:
        sink.close()
