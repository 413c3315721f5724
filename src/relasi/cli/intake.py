"""`relasi process` and `relasi ingest`: reading inputs, coding them, printing or storing the result."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any

import click

from relasi.cli.options import db_option, duration, fetch_options, fetch_settings, lang_option, opened
from relasi.model import Dropped
from relasi.sources.urls import is_url

if TYPE_CHECKING:
    from relasi.store.database import Database


@click.command()
@click.argument("paths", nargs=-1)
@lang_option
def process(paths: tuple[str, ...], lang: str) -> None:
    """Print one JSON object per document (JSON Lines) with body, metadata, mentions and events.

    PATHS are files, directories or - for one document on stdin. Needs no database.
    """
    from relasi.budget import within_budget
    from relasi.jsonlines import article_line
    from relasi.pipeline import Pipeline
    from relasi.settings import Settings
    from relasi.sources import iter_documents

    settings = Settings(lang=lang)
    pipeline = Pipeline(settings)
    failed = 0
    out = sys.stdout
    for item in iter_documents(paths or ("-",), max_bytes=settings.max_bytes):
        result = item if isinstance(item, Dropped) else within_budget(pipeline.run, settings.max_seconds, item)
        if isinstance(result, Dropped):
            failed += 1
            click.echo(f"relasi: {result.message()}", err=True)
            continue
        out.write(article_line(result) + "\n")
    out.flush()
    if failed:
        sys.exit(1)


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--feeds", "feeds_file", type=click.Path(dir_okay=False, exists=True), default=None,
              help="A file of feed (RSS, Atom) and sitemap URLs, one per line: their new items are fetched.")
@db_option
@lang_option
@fetch_options
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
def ingest(paths: tuple[str, ...], feeds_file: str | None, db_target: str, lang: str, batch_size: int | None,
           engine: str | None, workers: int | None, scheduler: str | None, task_size: int,
           dedup_threshold: float | None, dedup_window: str | None, parquet_dir: str | None,
           **fetching: Any) -> None:
    """Read PATHS (files, directories, http(s) URLs of pages), code them and store articles and events.

    With --feeds FILE, the feeds and sitemaps it lists are polled and their items not stored before are
    fetched too. Rerunning the same command adds nothing new (pages fetched before are asked for only if
    changed; a changed page or file replaces its earlier version); after a crash or Ctrl-C it resumes where
    the last committed batch ended. Inputs that fail are reported on stderr and retried on the next run.
    Near-duplicate articles (the same story from other outlets, light rewrites) are put in one story, and
    their events counted once per story (`relasi events --grouped`, `relasi stories`).
    """
    from relasi.engine import EngineError, make_engine
    from relasi.ingest import DEFAULT_BATCH_SIZE
    from relasi.settings import Settings
    from relasi.store.stories import DEFAULT_WINDOW_DAYS, StoryIndex

    if not paths and not feeds_file:
        raise click.UsageError("name PATHS (files, folders, URLs) or --feeds FILE")
    if scheduler and engine not in (None, "dask"):
        raise click.UsageError("--scheduler needs --engine dask")
    engine = engine or ("dask" if scheduler else "local")
    stories = StoryIndex(**({} if dedup_threshold is None else {"threshold": dedup_threshold}),
                         window_days=_window(dedup_window, DEFAULT_WINDOW_DAYS))
    settings = Settings(lang=lang)
    files = tuple(path for path in paths if not is_url(path))
    urls = [path for path in paths if is_url(path)]
    feeds = _url_list(feeds_file) if feeds_file else []
    web_summary = None
    with opened(db_target, create=True) as db, _Reporter(files if not (urls or feeds) else ()) as reporter:
        sink = _parquet_sink(db, parquet_dir)
        web = _web_intake(db, urls, feeds, fetching) if urls or feeds else None
        try:
            report = _run(db, files, web, settings, batch_size or DEFAULT_BATCH_SIZE, reporter,
                          make_engine(engine, workers=workers, scheduler=scheduler, task_size=task_size),
                          stories, sink, inputs=(*paths, *feeds))
        except KeyboardInterrupt:
            reporter.close()
            click.echo("relasi: interrupted; stored batches are kept, run the same command to resume",
                       err=True)
            sys.exit(130)
        except EngineError as error:
            raise click.ClickException(str(error)) from error
        finally:
            if web is not None:
                web_summary = web.fetcher.summary()
                web.fetcher.close()
    _summary(report, db.display, engine)      # after the progress bar is gone
    if web_summary is not None:
        click.echo(f"relasi: web: {web_summary}", err=True)
    if sink is not None:
        click.echo(f"relasi: wrote {sink.batches} Parquet partitions per table to {parquet_dir}"
                   f" ({', '.join(f'{n} {table}' for table, n in sink.rows.items())})", err=True)
    if report.dropped_total:
        sys.exit(1)


def _url_list(path: str) -> list[str]:
    from relasi.sources.urls import read_url_list

    try:
        return read_url_list(path)
    except OSError as error:
        raise click.ClickException(f"cannot read {path}: {error.strerror or error}") from error


def _web_intake(db: Database, urls: list[str], feeds: list[str], fetching: dict[str, Any]) -> Any:
    from relasi.sources.fetch import Fetcher
    from relasi.sources.web import WebIntake

    return WebIntake(Fetcher(fetch_settings(**fetching)), db, pages=urls, feeds=feeds)


def _run(db: Database, files: tuple[str, ...], web: Any, settings: Any, batch_size: int, reporter: Any,
         engine: Any, stories: Any, sink: Any, inputs: tuple[str, ...]) -> Any:
    """One ingest of files and web inputs; the web state is saved once the run has committed everything."""
    from functools import partial
    from itertools import chain

    from relasi.ingest import ingest_items, pipeline_runner
    from relasi.sources import iter_documents

    items = iter_documents(files, max_bytes=settings.max_bytes) if files else iter(())
    on_outcome, after_batch = reporter.outcome, sink
    if web is not None:
        items = chain(items, web.items())
        on_outcome = _both(reporter.outcome, web.outcome)
        after_batch = _both(sink, web.batch_done)
    report = ingest_items(items, db, inputs=inputs, make_runner=partial(pipeline_runner, settings), engine=engine,
                          batch_size=batch_size, on_outcome=on_outcome, on_processed=reporter.processed,
                          stories=stories, after_batch=after_batch)
    if web is not None:
        web.finish()
    return report


def _both(*calls: Any) -> Any:
    present = [call for call in calls if call is not None]

    def call_all(*args: Any) -> None:
        for call in present:
            call(*args)

    return call_all if present else None


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
         f" {report.skipped} skipped (done before), {report.updated} updated (changed since)")
    echo(f"relasi: stories: {report.stories} new, {report.near_duplicates} near-duplicates joined a story,"
         f" {report.linked} exact duplicates")
    if report.dropped:
        reasons = ", ".join(f"{reason} {n}" for reason, n in sorted(report.dropped.items()))
        echo(f"relasi: dropped {report.dropped_total}: {reasons}")
    echo(f"relasi: {report.documents_per_second:.1f} documents/s ({report.seconds:.1f} s, engine {engine})")


@click.command()
@click.argument("feeds_file", metavar="FILE", type=click.Path(dir_okay=False, exists=True))
@click.option("--every", "every", default="15m", show_default=True, callback=duration, metavar="DURATION",
              help="Time between two polls: 30s, 15m, 2h, 1d.")
@click.option("--once", is_flag=True, help="Poll once and exit (for cron).")
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help="Documents per transaction (default 200). A crash loses at most one batch of work.")
@db_option
@lang_option
@fetch_options
def watch(feeds_file: str, every: float, once: bool, batch_size: int | None, db_target: str, lang: str,
          **fetching: Any) -> None:
    """Poll the feeds and sitemaps listed in FILE (one URL a line) and ingest what is new, until stopped.

    Each poll is one ingest run: new items are fetched (politely: robots.txt, a delay per host, conditional
    requests), coded and committed. Ctrl-C (or SIGTERM) stops at once and keeps what was committed; after a
    crash the next `relasi watch` goes on where it was: seen items, ETags and Last-Modified dates live in the
    database. The feed file is read again at every poll, so feeds can be added while it runs.
    """
    import signal

    from relasi.engine import make_engine
    from relasi.ingest import DEFAULT_BATCH_SIZE
    from relasi.settings import Settings

    settings = Settings(lang=lang)
    previous = signal.signal(signal.SIGTERM, _interrupt)     # a service manager's stop is a Ctrl-C
    polls = 0
    try:
        with opened(db_target, create=True) as db:
            while True:
                feeds = _url_list(feeds_file)
                web = _web_intake(db, [], feeds, fetching)
                try:
                    with _Reporter() as reporter:
                        report = _run(db, (), web, settings, batch_size or DEFAULT_BATCH_SIZE, reporter,
                                      make_engine("inprocess"), None, None, inputs=(feeds_file,))
                finally:
                    web.fetcher.close()
                polls += 1
                stamp = time.strftime("%Y-%m-%d %H:%M:%S")
                click.echo(f"relasi: {stamp} poll {polls}: {len(feeds)} feeds; {web.fetcher.summary()}; "
                           f"{report.articles} new articles, {report.events} events, {report.updated} updated, "
                           f"{report.dropped_total} dropped", err=True)
                if once:
                    return
                time.sleep(every)
    except KeyboardInterrupt:
        click.echo("relasi: watch stopped; everything committed is kept, run it again to go on", err=True)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def register(group: click.Group) -> None:
    for command in (process, ingest, watch):
        group.add_command(command)
