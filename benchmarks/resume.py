"""SIGKILL a large run at a random moment, resume it, and compare with an uninterrupted run.

Opt-in (minutes): ``make bench-resume`` or

    python benchmarks/resume.py [--articles 3000] [--jobs 2] [--workdir /tmp/newsfacts-resume] [--seed 8]

Builds an archive of ``--articles`` articles from the corpus texts with small variations (a
dateline, a changed figure, a closing line) in nested folders, then runs ``newsfacts extract``
three times: uninterrupted; killed with SIGKILL at a random moment; resumed with ``--resume``.
Reports the time and the peak memory of each run (the main process's RSS, and the PSS of the
whole process tree, which counts the pages forked workers share once; sampled from /proc, so
Linux only), the main process's RSS at 10, 50 and 90% of the lines written, whether any worker
outlived the killed main process, and whether the resumed file equals the uninterrupted one.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/newsfacts-resume"))
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    shutil.rmtree(args.workdir, ignore_errors=True)
    archive = make_archive(args.workdir / "archive", args.articles, rng)
    whole, killed = args.workdir / "whole.jsonl", args.workdir / "killed.jsonl"

    report: dict[str, object] = {"articles": args.articles, "jobs": args.jobs}
    report["uninterrupted"] = run(extract_command(archive, whole, args.jobs), whole)
    kill_after = rng.uniform(0.2, 0.8) * report["uninterrupted"]["seconds"]
    report["killed"] = run(extract_command(archive, killed, args.jobs), killed, kill_after=kill_after)
    report["resumed"] = run(extract_command(archive, killed, args.jobs, "--resume"), killed)
    lines = killed.read_bytes().splitlines()
    ids = {json.loads(line)["article"]["id"] for line in lines}
    report["resumed_file"] = {
        "lines": len(lines),
        "distinct_ids": len(ids),
        "identical_to_uninterrupted": killed.read_bytes() == whole.read_bytes(),
    }
    print(json.dumps(report, indent=2))


def make_archive(folder: Path, count: int, rng: random.Random) -> Path:
    """``count`` articles in folders of 500: corpus bodies with a dateline, a figure changed
    and a closing line, so that no two are the same text."""
    sys.path.insert(0, str(ROOT))
    from pipeline.reader import iter_articles

    bodies = [a.text for a in iter_articles([ROOT / "corpus"]) if a.processable]
    for number in range(count):
        text = bodies[number % len(bodies)]
        digits = [i for i, ch in enumerate(text) if ch.isdigit()]
        if digits:
            at = rng.choice(digits)
            text = text[:at] + str(rng.randint(0, 9)) + text[at + 1 :]
        text = f"SEOUL, desk {number}.\n\n{text}\n\nReported by the archive team ({number}).\n"
        path = folder / f"batch-{number // 500:02d}" / f"article-{number:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def extract_command(archive: Path, out: Path, jobs: int, *more: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "extract", str(archive), "-o", str(out), "--jobs", str(jobs), "-q", *more]


def run(command: list[str], out: Path, kill_after: float | None = None) -> dict[str, object]:
    """Run ``command``; sample the process tree's memory; SIGKILL it after ``kill_after`` s."""
    partial = out.with_name(out.name + ".partial")
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT)
    sampler = _Sampler(process.pid, partial)
    sampler.start()
    workers: list[int] = []
    if kill_after is not None:
        time.sleep(kill_after)
        workers = _children(process.pid)
        process.send_signal(signal.SIGKILL)
    code = process.wait()
    seconds = time.monotonic() - started
    sampler.stop()
    result: dict[str, object] = {"exit_code": code, "seconds": round(seconds, 1), **sampler.summary()}
    if kill_after is not None:
        time.sleep(2)
        data = partial.read_bytes()
        result |= {
            "killed_after_seconds": round(kill_after, 1),
            "lines_in_partial": data.count(b"\n"),
            "partial_ends_with_a_complete_line": data == b"" or data.endswith(b"\n"),
            "workers_left_alive": [pid for pid in workers if _alive(pid)],
        }
    return result


class _Sampler(threading.Thread):
    """Every 0.25 s: the RSS of the main process and of the whole tree, and the lines written."""

    def __init__(self, pid: int, partial: Path) -> None:
        super().__init__(daemon=True)
        self.pid, self.partial = pid, partial
        self.samples: list[tuple[int, float, float]] = []  # (lines, main MiB, tree MiB)
        self.running = True

    def run(self) -> None:
        while self.running:
            main = _memory_mib(self.pid, "VmRSS")
            if main:
                tree = sum(_memory_mib(pid, "Pss", "smaps_rollup") for pid in [self.pid, *_children(self.pid)])
                self.samples.append((_lines(self.partial), main, tree))
            time.sleep(0.25)

    def stop(self) -> None:
        self.running = False
        self.join()

    def summary(self) -> dict[str, object]:
        if not self.samples:
            return {}
        by_progress = {}
        top = max(lines for lines, _, _ in self.samples)
        for share in (0.1, 0.5, 0.9):
            reached = [sample for sample in self.samples if top and sample[0] >= share * top]
            if reached:
                by_progress[f"main_rss_mib_at_{int(share * 100)}pct_of_lines"] = round(reached[0][1])
        return {
            "peak_main_rss_mib": round(max(s[1] for s in self.samples)),
            "peak_tree_pss_mib": round(max(s[2] for s in self.samples)),
            **by_progress,
        }


def _lines(path: Path) -> int:
    try:
        with open(path, "rb") as stream:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))
    except OSError:
        return 0


def _memory_mib(pid: int, field: str, source: str = "status") -> float:
    """A field of /proc/PID/status (VmRSS) or smaps_rollup (Pss: shared pages counted once
    across the forked workers, not once per process)."""
    try:
        for line in Path(f"/proc/{pid}/{source}").read_text(encoding="utf-8").splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text(encoding="utf-8").rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


if __name__ == "__main__":
    main()
