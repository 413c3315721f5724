"""`relasi process` and `relasi ingest`: reading inputs, coding them, printing or storing the result."""

from __future__ import annotations

import json
import sys
import time
from typing import TYPE_CHECKING, Any

import click

from relasi.cli.options import db_option, lang_option, opened
from relasi.model import Dropped

if TYPE_CHECKING:
    from relasi.store.database import Database


@click.command()
@click.argument("paths", nargs=-1)
@lang_option
def process(paths: tuple[str, ...], lang: str) -> None:
    """Print one JSON object per document (JSON Lines) with body, metadata, mentions and events.

    PATHS are files, directories or - for one document on stdin. Needs no database.
    """
    from relasi.pipeline import Pipeline
    from relasi.settings import Settings
    from relasi.sources import iter_documents

    settings = Settings(lang=lang)
    pipeline = Pipeline(settings)
    failed = 0
    out = sys.stdout
    for item in iter_documents(paths or ("-",), max_bytes=settings.max_bytes):
        result = item if isinstance(item, Dropped) else pipeline.run(item)
        if isinstance(result, Dropped):
            failed += 1
            click.echo(f"relasi: {result.message()}", err=True)
            continue
        out.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
    out.flush()
    if failed:
        sys.exit(1)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@lang_option
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help="Documents per transaction (default 200). A crash loses at most one batch of work.")
@click.option("--engine", type=click.Choice(["local", "dask", "inprocess"]), default=None,
              help="Where the pipeline runs: local process pool (default), a Dask cluster, or this process.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (local pool, or a Dask LocalCluster). Default: one per core.")
@click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
              help="Dask scheduler of a running cluster (implies --engine dask).")
@click.option("--task-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Documents sent to a worker per task.")
@click.option("--dedup-threshold", type=click.FloatRange(min=0.0, max=1.0, min_open=True), default=None,
              help="Similarity (estimated Jaccard of character 8-grams) from which an article joins an "
                   "earlier story as a near-duplicate. Default 0.4.")
@click.option("--dedup-window", metavar="DAYS|any", default=None,
              help="Look for near-duplicates among articles published within DAYS days (default 14), or any.")
@click.option("--parquet", "parquet_dir", metavar="DIR", default=None,
              help="Also write each committed batch as Parquet partitions: DIR/documents, mentions, events.")
def ingest(paths: tuple[str, ...], db_target: str, lang: str, batch_size: int | None, engine: str | None,
           workers: int | None, scheduler: str | None, task_size: int, dedup_threshold: float | None,
           dedup_window: str | None, parquet_dir: str | None) -> None:
    """Read PATHS (files or directories), code them and store articles and events in the database.

    Rerunning the same command adds nothing new; after a crash or Ctrl-C it resumes where the last
    committed batch ended. Inputs that fail are reported on stderr and retried on the next run.
    Near-duplicate articles (the same story from other outlets, light rewrites) are put in one story, and
    their events counted once per story (`relasi events --grouped`, `relasi stories`).
    """
    from relasi.engine import EngineError, make_engine
    from relasi.ingest import DEFAULT_BATCH_SIZE
    from relasi.ingest import ingest as run_ingest
    from relasi.settings import Settings
    from relasi.store.stories import DEFAULT_WINDOW_DAYS, StoryIndex

    if scheduler and engine not in (None, "dask"):
        raise click.UsageError("--scheduler needs --engine dask")
    engine = engine or ("dask" if scheduler else "local")
    stories = StoryIndex(**({} if dedup_threshold is None else {"threshold": dedup_threshold}),
                         window_days=_window(dedup_window, DEFAULT_WINDOW_DAYS))
    settings = Settings(lang=lang)
    with opened(db_target, create=True) as db, _Reporter(paths) as reporter:
        sink = _parquet_sink(db, parquet_dir)
        try:
            report = run_ingest(paths, db, settings=settings, batch_size=batch_size or DEFAULT_BATCH_SIZE,
                                on_outcome=reporter.outcome, on_processed=reporter.processed,
                                engine=make_engine(engine, workers=workers, scheduler=scheduler, task_size=task_size),
                                stories=stories, after_batch=sink)
        except KeyboardInterrupt:
            reporter.close()
            click.echo("relasi: interrupted; stored batches are kept, run the same command to resume",
                       err=True)
            sys.exit(130)
        except EngineError as error:
            raise click.ClickException(str(error)) from error
    _summary(report, db.display, engine)      # after the progress bar is gone
    if sink is not None:
        click.echo(f"relasi: wrote {sink.batches} Parquet partitions per table to {parquet_dir}"
                   f" ({', '.join(f'{n} {table}' for table, n in sink.rows.items())})", err=True)
    if report.dropped_total:
        sys.exit(1)


def _window(value: str | None, default: int) -> int | None:
    if value is None:
        return default
    if value.strip().lower() == "any":
        return None
    try:
        days = int(value)
    except ValueError:
        raise click.BadParameter("a number of days, or any", param_hint="--dedup-window") from None
    if days < 0:
        raise click.BadParameter("a number of days, or any", param_hint="--dedup-window")
    return days


def _parquet_sink(db: Database, out: str | None) -> Any:
    if out is None:
        return None
    try:
        import pyarrow  # noqa: F401
    except ImportError as error:
        raise click.ClickException("--parquet needs pyarrow: pip install 'relasi[scale]'") from error
    from relasi.store.parquet import ParquetSink

    return ParquetSink(db, out)


class _Reporter:
    """Dropped inputs as one stderr line each; a progress bar when stderr is a terminal.

    The bar's total comes from counting the inputs in a background thread (relasi.sources.count), so the
    ingest starts at once; until the count is in, or when it cannot be known (WARC), the bar pulses.
    """

    def __init__(self, paths: tuple[str, ...] = ()) -> None:
        self._paths = paths
        self._progress: Any = None
        self._task: Any = None
        self._processed = 0
        self._stored = 0
        self._skipped = 0
        self._started = time.monotonic()

    def __enter__(self) -> _Reporter:
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                SpinnerColumn(), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[line]}"),
                TimeElapsedColumn(), TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self._progress.start()
            self._task = self._progress.add_task("ingest", total=None, line="starting")
            if self._paths:
                import threading

                threading.Thread(target=self._count, daemon=True).start()
        return self

    def _count(self) -> None:
        from relasi.sources.count import count_inputs

        total = count_inputs(self._paths)
        progress = self._progress
        if total is not None and progress is not None:
            progress.update(self._task, total=total)

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def processed(self) -> None:
        self._processed += 1
        self._refresh()

    def outcome(self, outcome: Any) -> None:
        if outcome.status == "repeated":
            self._skipped += 1
        if outcome.dropped is not None:
            line = f"relasi: {outcome.dropped.message()}"
            if self._progress is not None:
                self._progress.console.print(line, markup=False, highlight=False)
            else:
                click.echo(line, err=True)
        self._stored += 1
        self._refresh()

    def _refresh(self) -> None:
        if self._progress is None:
            return
        rate = self._processed / max(time.monotonic() - self._started, 1e-9)
        line = f"{self._stored} committed or skipped, {rate:.1f}/s"
        self._progress.update(self._task, completed=self._processed + self._skipped, line=line)


def _summary(report: Any, where: str, engine: str = "inprocess") -> None:
    echo = lambda text: click.echo(text, err=True)  # noqa: E731
    echo(f"relasi: stored in {where}: {report.documents} documents, {report.articles} new articles"
         f" ({report.linked} already stored), {report.events} events;"
         f" {report.skipped} skipped (done before)")
    echo(f"relasi: stories: {report.stories} new, {report.near_duplicates} near-duplicates joined a story,"
         f" {report.linked} exact duplicates")
    if report.dropped:
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(report.dropped.items()))
        echo(f"relasi: dropped {report.dropped_total}: {reasons}")
    echo(f"relasi: {report.documents_per_second:.1f} documents/s ({report.seconds:.1f} s, engine {engine})")


def register(group: click.Group) -> None:
    for command in (process, ingest):
        group.add_command(command)
