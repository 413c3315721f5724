"""Engines: where the per-document pipeline runs. In this process, in a local process pool, or on Dask.

Every engine satisfies `relasi.ingest.Engine`: `engine(documents, make_runner)` yields one result per
document, in input order. `make_runner` is picklable (a functools.partial of a module function); each worker
calls it once and keeps the runner (and the language packs it loads) for all its tasks. The writer stays
single, in the calling process; engines only compute.

Two things keep a large corpus cheap and memory flat:
- documents travel in tasks of `task_size` (64 by default): a task per document would cost more in
  scheduling and pickling than the pipeline itself;
- at most `max_in_flight` tasks are submitted at a time (default: twice the workers, so a worker always has
  its next task queued), and results are taken in submission order. The engine therefore holds at most
  max_in_flight × task_size documents, whatever the size of the corpus.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from relasi.ingest import Runner, RunnerFactory, local_engine, run_one
from relasi.model import Document

DEFAULT_TASK_SIZE = 64
ENGINES: tuple[str, ...] = ("inprocess", "local", "dask")

Result = Any        # Article | Dropped | dedup.Signed: whatever the runner returns
Submit = Callable[[list[Document]], Any]   # -> a future with .result()


class EngineError(Exception):
    """An engine could not start (no Dask installed, scheduler unreachable, ...)."""


def default_workers() -> int:
    """The cores this process may use (the affinity mask, not the machine's count, where the OS has one)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # macOS, Windows
        return max(os.cpu_count() or 1, 1)


def _tasks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while task := list(islice(iterator, size)):
        yield task


def _in_order(tasks: Iterable[list[Document]], submit: Submit, max_in_flight: int) -> Iterator[Result]:
    """Submit tasks, never more than `max_in_flight` at once, and yield their results in submission order."""
    pending: deque[Any] = deque()
    for task in tasks:
        pending.append(submit(task))
        if len(pending) >= max_in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


# -- worker side ----------------------------------------------------------------------------------------

_RUNNERS: dict[str, Runner] = {}     # per worker process: runners by the token of their factory


def _runner_for(token: str, make_runner: RunnerFactory) -> Runner:
    runner = _RUNNERS.get(token)
    if runner is None:
        runner = _RUNNERS[token] = make_runner()
    return runner


def _run_task(token: str, make_runner: RunnerFactory, task: list[Document]) -> list[Result]:
    runner = _runner_for(token, make_runner)
    return [run_one(runner, doc) for doc in task]


def _init_pool_worker() -> None:
    # Ctrl-C reaches the whole process group; the parent decides what to do, the workers just finish.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int, every_s: float = 1.0) -> None:
    """A pool worker whose parent was killed (SIGTERM, SIGKILL, OOM) would wait on its task queue forever."""
    while True:
        time.sleep(every_s)
        if os.getppid() != parent:
            os._exit(1)


def _token(make_runner: RunnerFactory) -> str:
    return hashlib.sha1(pickle.dumps(make_runner)).hexdigest()


# -- engines ----------------------------------------------------------------------------------------------

def in_process_engine(documents: Iterable[Document], make_runner: RunnerFactory) -> Iterator[Result]:
    """One pipeline in this process (relasi.ingest.local_engine)."""
    return local_engine(documents, make_runner)


@dataclass(frozen=True, slots=True)
class ProcessPoolEngine:
    """A local pool of worker processes (`spawn`: no inherited locks, threads or database handles).

    An input that fits in one task runs in this process: starting workers would cost more than it saves.
    """

    workers: int | None = None
    task_size: int = DEFAULT_TASK_SIZE
    max_in_flight: int | None = None

    def __call__(self, documents: Iterable[Document], make_runner: RunnerFactory) -> Iterator[Result]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        tasks = _tasks(documents, self.task_size)
        first = next(tasks, None)
        if first is None:
            return
        second = next(tasks, None)
        workers = self.workers or default_workers()
        if second is None or workers == 1 and self.workers is None:
            yield from local_engine(first if second is None else _chain(first, second, tasks), make_runner)
            return
        token = _token(make_runner)
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_pool_worker)
        try:
            def submit(task: list[Document]) -> Any:
                return pool.submit(_run_task, token, make_runner, task)

            yield from _in_order(_prepend([first, second], tasks), submit, self.max_in_flight or 2 * workers)
        finally:
            # Interrupted or failed: drop queued tasks; running ones finish (at most `workers` tasks).
            pool.shutdown(wait=True, cancel_futures=True)


@dataclass(frozen=True, slots=True)
class DaskEngine:
    """Tasks on a Dask cluster: the one at `scheduler` (tcp://host:port), else a LocalCluster started here
    with `workers` single-threaded worker processes (the pipeline is pure Python: threads would share the
    GIL). Workers need relasi installed (the same version) to import the pipeline."""

    scheduler: str | None = None
    workers: int | None = None
    task_size: int = DEFAULT_TASK_SIZE
    max_in_flight: int | None = None

    def __call__(self, documents: Iterable[Document], make_runner: RunnerFactory) -> Iterator[Result]:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as error:
            raise EngineError("--engine dask needs dask[distributed]: pip install 'relasi[scale]'") from error
        cluster = None
        try:
            if self.scheduler:
                client = Client(self.scheduler, timeout="30s")
            else:
                cluster = LocalCluster(n_workers=self.workers or default_workers(), threads_per_worker=1,
                                       processes=True, dashboard_address=None, silence_logs=logging.ERROR)
                client = Client(cluster)
        except OSError as error:
            if cluster is not None:
                cluster.close()
            raise EngineError(f"cannot reach the Dask scheduler {self.scheduler}: {error}") from error
        try:
            threads = sum(client.nthreads().values()) or 1
            token = _token(make_runner)

            def submit(task: list[Document]) -> Any:
                return client.submit(_run_task, token, make_runner, task, pure=False)

            yield from _in_order(_tasks(documents, self.task_size), submit, self.max_in_flight or 2 * threads)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _prepend(first: list[list[Document]], rest: Iterator[list[Document]]) -> Iterator[list[Document]]:
    yield from first
    yield from rest


def _chain(first: list[Document], second: list[Document], rest: Iterator[list[Document]]) -> Iterator[Document]:
    yield from first
    yield from second
    for task in rest:
        yield from task


def make_engine(name: str, *, workers: int | None = None, scheduler: str | None = None,
                task_size: int = DEFAULT_TASK_SIZE) -> Callable[[Iterable[Document], RunnerFactory], Iterator[Result]]:
    """The engine called `name` (one of ENGINES), configured."""
    if name == "inprocess":
        return in_process_engine
    if name == "local":
        return ProcessPoolEngine(workers=workers, task_size=task_size)
    if name == "dask":
        return DaskEngine(scheduler=scheduler, workers=workers, task_size=task_size)
    raise ValueError(f"unknown engine {name!r}; one of {', '.join(ENGINES)}")
