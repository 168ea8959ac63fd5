"""Real signals to a real ``newsfacts extract`` process: nothing finished is lost, no worker is
left behind, and ``--resume`` ends with the lines of an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch import extract
from pipeline.reader import iter_articles
from tests.conftest import CORPUS

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc"),
]
TIMEOUT = 60


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """30 short articles cut from the corpus: a run long enough to interrupt, short to redo."""
    folder = tmp_path_factory.mktemp("signals") / "in"
    folder.mkdir()
    texts = [a.text[:800] for a in iter_articles([CORPUS]) if a.processable][:30]
    for number, text in enumerate(texts):
        (folder / f"{number:02d}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def uninterrupted(articles, nlp, tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("whole") / "facts.jsonl"
    extract([articles], out, nlp)
    return out.read_bytes()


def start(folder: Path, out: Path, jobs: int, *more: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "pipeline", "extract", str(folder), "-o", str(out), "--jobs", str(jobs)]
    command += ["--batch-size", "1", *more]
    # Its own session, as a shell job would be: a Ctrl-C goes to the whole group.
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, encoding="utf-8", start_new_session=True)


def wait_for_lines(partial: Path, count: int, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if partial.exists() and partial.read_bytes().count(b"\n") >= count:
            return
        assert process.poll() is None, process.stderr.read()
        time.sleep(0.02)
    pytest.fail(f"no {count} lines in {partial} after {TIMEOUT} s")


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text(encoding="utf-8").rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until_gone(pids: list[int]) -> list[int]:
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [pid for pid in pids if alive(pid)]


def complete_lines(path: Path) -> list[dict]:
    data = path.read_bytes()
    assert data.endswith(b"\n"), "the last line is cut"
    return [json.loads(line) for line in data.splitlines()]


SIGNALS = {
    "SIGINT": lambda process: os.killpg(process.pid, signal.SIGINT),  # Ctrl-C: the whole process group
    "SIGTERM": lambda process: process.send_signal(signal.SIGTERM),
    "SIGKILL": lambda process: process.send_signal(signal.SIGKILL),
}


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("name", list(SIGNALS))
def test_a_signal_keeps_complete_lines_leaves_no_worker_and_resume_finishes(articles, uninterrupted, tmp_path, name, jobs):
    out = tmp_path / "facts.jsonl"
    partial = tmp_path / "facts.jsonl.partial"
    process = start(articles, out, jobs)
    try:
        wait_for_lines(partial, 2, process)
        workers = children(process.pid)
        assert len(workers) == (jobs if jobs > 1 else 0)
        SIGNALS[name](process)
        process.wait(TIMEOUT)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    stderr = process.stderr.read()
    if name == "SIGKILL":
        assert process.returncode == -signal.SIGKILL
    else:
        assert process.returncode == 3, stderr
        assert f"interrupted ({name})" in stderr and f"complete lines are in {partial}" in stderr
    assert wait_until_gone(workers) == [], "workers outlived the main process"
    kept = complete_lines(partial)
    assert 2 <= len(kept) < 30 and not out.exists()

    resumed = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(articles), "-o", str(out), "--jobs", str(jobs), "--resume"],
        capture_output=True, encoding="utf-8", timeout=TIMEOUT, check=False,
    )  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(kept)} resumed" in resumed.stderr
    assert out.read_bytes() == uninterrupted and not partial.exists()
