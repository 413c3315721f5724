"""A per-document time budget: one pathological input must not hold a run for hours.

The pipeline is pure Python with no natural checkpoints, so the budget is an interval timer (SIGALRM) that
raises inside whatever step is running. Signals reach only a process's main thread: that is where the
in-process and process-pool engines run documents; Dask runs tasks in worker threads, where the budget
is not enforced (the body-size limit still is).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from relasi.model import Article, Document, Dropped


class OverBudget(BaseException):
    """Raised inside a step when the document's time is up. A BaseException, so that no step's own
    `except Exception` can swallow it."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget in this block after `seconds` (no budget: None or 0, or not the main thread)."""
    usable = (seconds and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def within_budget(run: Callable[[Document], Article | Dropped], seconds: float | None,
                  doc: Document) -> Article | Dropped:
    """`run(doc)`, or a Dropped("over_budget") when it takes longer than `seconds`."""
    try:
        with time_budget(seconds):
            return run(doc)
    except OverBudget:
        return Dropped(doc.source, "pipeline", "over_budget", f"not done within {seconds:g} s")
