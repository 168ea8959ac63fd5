"""Worker processes for ``--jobs N``: chunks of articles out, chunks of output lines back, in order.

Why not spaCy's ``n_process``: its workers neither guard each article nor stop when the main
process dies, and a failure inside them can leave the main process waiting forever. Here each
worker runs :func:`pipeline.batch.process_chunk` (every article guarded) on one chunk at a time;
the main process waits on the result pipes and on the workers' process sentinels together, so a
worker that dies is noticed at once. Its chunk is redone one article per task, and an article
that kills a worker on its own gets an error line instead of another try.

Workers die with their parent: ``prctl(PR_SET_PDEATHSIG, SIGKILL)`` on Linux, a thread watching
the parent's pid elsewhere. They ignore SIGINT (a Ctrl-C reaches the whole process group; the
main process decides) and are stopped by the main process on the way out, whatever the reason.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

_PR_SET_PDEATHSIG = 1
_STOP_TIMEOUT = 5.0
_PARENT_POLL_SECONDS = 1.0

ChunkFunction = Callable[[Sequence[Any]], list[Any]]
CrashResult = Callable[[Any, str], Any]


@dataclass
class _Task:
    sequence: int  # which chunk of the input this belongs to
    slots: list[int]  # positions inside that chunk
    items: list[Any]
    retry: bool = False  # a single item redone after its chunk killed a worker


@dataclass
class _Worker:
    process: Any
    connection: Connection
    task: _Task | None = None


@dataclass
class _Pending:
    results: list[Any]
    missing: int = field(init=False)

    def __post_init__(self) -> None:
        self.missing = len(self.results)


class WorkerPool:
    """``jobs`` processes mapping ``function`` over chunks; results come back in input order.

    ``function`` must not raise for an item it was given; ``crashed(item, why)`` gives the
    result for an item whose worker died with it.
    """

    def __init__(self, function: ChunkFunction, jobs: int, crashed: CrashResult) -> None:
        self.function = function
        self.jobs = jobs
        self.crashed = crashed
        self.context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        self.workers: list[_Worker] = []

    def __enter__(self) -> WorkerPool:
        for _ in range(self.jobs):
            self.workers.append(self._start())
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.stop(orderly=kind is None)

    def map(self, chunks: Iterable[list[Any]]) -> Iterator[list[Any]]:
        """Results of each chunk, in the order of ``chunks``; reads ``chunks`` only as workers
        free up, and holds at most ``4 * jobs`` chunks between reading and yielding, so that a
        slow chunk does not let finished ones pile up."""
        source = iter(enumerate(chunks))
        retries: deque[_Task] = deque()
        pending: dict[int, _Pending] = {}
        next_out = 0
        exhausted = False
        window = 4 * self.jobs
        while True:
            for worker in self.workers:
                if worker.task is None and (retries or not (exhausted or len(pending) >= window)):
                    task = retries.popleft() if retries else self._next_task(source, pending)
                    if task is None:
                        exhausted = True
                        continue
                    self._send(worker, task)
            while next_out in pending and pending[next_out].missing == 0:
                yield pending.pop(next_out).results
                next_out += 1
            busy = [worker for worker in self.workers if worker.task is not None]
            if not busy:
                return
            self._collect(busy, pending, retries)

    def stop(self, *, orderly: bool) -> None:
        """Orderly: ask idle workers to finish. Otherwise (an interruption, an error) end them now."""
        for worker in self.workers:
            if orderly and worker.task is None:
                try:
                    worker.connection.send(None)
                except OSError:
                    pass
            else:
                worker.process.terminate()
        deadline = time.monotonic() + _STOP_TIMEOUT
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
        self.workers = []

    def _next_task(self, source: Iterator[tuple[int, list[Any]]], pending: dict[int, _Pending]) -> _Task | None:
        for sequence, items in source:
            items = list(items)
            pending[sequence] = _Pending([None] * len(items))
            if items:
                return _Task(sequence, list(range(len(items))), items)
        return None

    def _send(self, worker: _Worker, task: _Task) -> None:
        worker.task = task
        try:
            worker.connection.send(task.items)
        except OSError:
            pass  # the worker is dead: its sentinel says so in _collect

    def _collect(self, busy: list[_Worker], pending: dict[int, _Pending], retries: deque[_Task]) -> None:
        waiting = {worker.connection: worker for worker in busy}
        waiting.update({worker.process.sentinel: worker for worker in busy})
        for ready in wait(list(waiting)):
            worker = waiting[ready]
            if worker.task is None:
                continue  # both its pipe and its sentinel were ready: already handled
            results = self._receive(worker)
            if results is None:
                self._replace(worker, pending, retries)
            else:
                self._store(worker.task, results, pending)
                worker.task = None

    def _receive(self, worker: _Worker) -> list[Any] | None:
        if not worker.connection.poll():
            return None  # only the sentinel is ready: the worker died
        try:
            return worker.connection.recv()
        except Exception:  # noqa: BLE001 - EOF or a message cut short: the worker died sending it
            return None

    def _store(self, task: _Task, results: list[Any], pending: dict[int, _Pending]) -> None:
        chunk = pending[task.sequence]
        for slot, result in zip(task.slots, results):
            chunk.results[slot] = result
            chunk.missing -= 1

    def _replace(self, worker: _Worker, pending: dict[int, _Pending], retries: deque[_Task]) -> None:
        """A worker died with a task: redo it item by item; an item alone that killed it fails."""
        task, worker.task = worker.task, None
        worker.process.join()
        why = f"the worker process died (exit code {worker.process.exitcode}) while processing this article"
        worker.connection.close()
        self.workers[self.workers.index(worker)] = self._start()
        if task.retry or len(task.items) == 1:
            self._store(task, [self.crashed(item, why) for item in task.items], pending)
            return
        for slot, item in zip(task.slots, task.items):
            retries.append(_Task(task.sequence, [slot], [item], retry=True))

    def _start(self) -> _Worker:
        """Fork (or spawn) one worker with SIGINT blocked until it has set its own handlers."""
        ours, theirs = self.context.Pipe(duplex=True)
        process = self.context.Process(
            target=_serve, args=(theirs, self.function, os.getpid()), daemon=True, name="newsfacts-worker"
        )
        sys.stdout.flush()
        sys.stderr.flush()
        blocked = hasattr(signal, "pthread_sigmask")
        if blocked:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            process.start()
        finally:
            if blocked:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
        theirs.close()
        return _Worker(process, ours)


def _serve(connection: Connection, function: ChunkFunction, parent: int) -> None:
    """A worker's life: run ``function`` on each chunk received until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    die_with_parent(parent)
    _fresh_standard_streams()
    while True:
        try:
            items = connection.recv()
        except (EOFError, OSError):
            return  # the main process is gone
        if items is None:
            return
        connection.send(function(items))


def _fresh_standard_streams() -> None:
    """New stream objects: a forked copy may hold a lock taken by another thread of the parent
    (a progress bar drawing), and stdout may be the output (``-o -``), which workers never write."""
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the worker
    sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115


def die_with_parent(parent: int) -> None:
    """End this process as soon as ``parent`` ends, however it ends (even SIGKILL)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # it died before prctl took effect
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="parent-watch").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_POLL_SECONDS)
    os._exit(1)
