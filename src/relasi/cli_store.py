"""`relasi ingest`, `relasi events`, `relasi stats`, `relasi export`: the commands that use the database.

The database location is read here and only here (`--db`, else env RELASI_DB, else relasi.db in the
working directory) and passed down. Store errors become one-line ClickExceptions at this edge.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from relasi.model import PLOVER_TYPES

if TYPE_CHECKING:  # the store (and SQLAlchemy) load only when a command runs: `relasi --help` stays fast
    from relasi.store.database import Database

DEFAULT_DB = "relasi.db"
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def db_option(function: Callable) -> Callable:
    return click.option(
        "--db", "db_target", envvar="RELASI_DB", default=DEFAULT_DB, show_default=True, metavar="PATH|URL",
        help="SQLite file, or a postgresql:// URL. Env: RELASI_DB.")(function)


@contextmanager
def _opened(target: str, create: bool) -> Iterator[Database]:
    from relasi.store import StoreError, open_database

    try:
        db = open_database(target, create=create)
    except StoreError as error:
        raise click.ClickException(str(error)) from error
    try:
        yield db
    finally:
        db.close()


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not _DATE.match(value):
        raise click.BadParameter("use YYYY-MM-DD (or YYYY-MM, YYYY)")
    return value


class _Registered(click.Choice):
    """A Choice read from a registry when used, so formats registered after import still count."""

    def __init__(self, registry: Callable[[], dict[str, Any]]) -> None:
        self._registry = registry
        super().__init__([])

    @property  # type: ignore[override]
    def choices(self) -> list[str]:
        return sorted(self._registry())

    @choices.setter
    def choices(self, _value: Any) -> None:
        pass


# -- ingest ---------------------------------------------------------------------------------------------

@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--lang", type=click.Choice(["auto", "id", "en"]), default="auto", show_default=True,
              help="Language of the input.")
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
    with _opened(db_target, create=True) as db, _Reporter(paths) as reporter:
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


# -- events ---------------------------------------------------------------------------------------------

_TABLE_COLUMNS = (("date", 10), ("source", 7), ("target", 7), ("cameo", 5), ("plover", 9), ("gold", 5))


@click.command()
@db_option
@click.option("--actor", metavar="CODE", help="Either side of the dyad (ISO3 or IGO code).")
@click.option("--source", metavar="CODE", help="Source actor code.")
@click.option("--target", metavar="CODE", help="Target actor code.")
@click.option("--type", "plover", type=click.Choice(PLOVER_TYPES, case_sensitive=False), help="PLOVER type.")
@click.option("--cameo", metavar="PREFIX", help="CAMEO code prefix: 04 matches 040-046.")
@click.option("--since", callback=_iso_date, metavar="DATE", help="Event date on or after (YYYY-MM-DD).")
@click.option("--until", callback=_iso_date, metavar="DATE", help="Event date on or before (YYYY-MM-DD).")
@click.option("--all", "include_all", is_flag=True,
              help="Include events that are not counted (intended, hypothetical, negated, denied, no PLOVER type).")
@click.option("--limit", type=click.IntRange(min=0), help="At most N events.")
@click.option("--grouped", is_flag=True,
              help="One row per real-world event: per story, date, source, target and CAMEO code, with its "
                   "mentions, articles and sources counted (GDELT-style).")
@click.option("--group", "group_id", type=int, metavar="ID", help="The evidence sentences of one grouped event.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True)
def events(db_target: str, actor: str | None, source: str | None, target: str | None, plover: str | None,
           cameo: str | None, since: str | None, until: str | None, include_all: bool, limit: int | None,
           grouped: bool, group_id: int | None, fmt: str) -> None:
    """List stored events, oldest first. By default only counted events (asserted, not negated)."""
    from relasi.store.queries import EVENT_COLUMNS, EventFilter, iter_event_rows, iter_events

    if grouped:
        if include_all or group_id is not None:
            raise click.UsageError("--grouped lists counted events only; it takes neither --all nor --group")
        _grouped(db_target, actor, source, target, plover, cameo, since, until, limit, fmt)
        return
    flt = EventFilter(actor=_code(actor), source=_code(source), target=_code(target),
                      plover=plover.upper() if plover else None, cameo=cameo, since=since, until=until,
                      include_all=include_all, limit=limit, group_id=group_id)
    out = sys.stdout
    with _opened(db_target, create=False) as db:
        if fmt == "jsonl":
            for event in iter_events(db, flt):
                out.write(json.dumps(event, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS)
            writer.writeheader()
            writer.writerows(iter_event_rows(db, flt))
        else:
            _print_table(iter_event_rows(db, flt))
    out.flush()


def _code(value: str | None) -> str | None:
    return value.strip().upper() if value else None


_GROUP_TABLE = (("id", 6), ("date", 10), ("source", 7), ("target", 7), ("cameo", 5), ("plover", 9),
                ("ment", 4), ("art", 4), ("src", 4))


def _grouped(db_target: str, actor: str | None, source: str | None, target: str | None, plover: str | None,
             cameo: str | None, since: str | None, until: str | None, limit: int | None, fmt: str) -> None:
    from relasi.store.stories import GROUP_COLUMNS, GroupFilter, iter_groups

    flt = GroupFilter(actor=_code(actor), source=_code(source), target=_code(target),
                      plover=plover.upper() if plover else None, cameo=cameo, since=since, until=until, limit=limit)
    out = sys.stdout
    shown = 0
    with _opened(db_target, create=False) as db:
        rows = iter_groups(db, flt)
        if fmt == "jsonl":
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            writer = csv.DictWriter(out, fieldnames=GROUP_COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        else:
            head = "  ".join(name.ljust(size) for name, size in _GROUP_TABLE)
            click.echo(f"{head}  evidence (first of num_mentions; relasi events --group ID lists all)")
            room = max(20, 120 - len(head) - 2)
            for row in rows:
                cells = (row["id"], row["date"] or "", row["source_code"], row["target_code"], row["cameo"],
                         row["plover"] or "", row["num_mentions"], row["num_articles"], row["num_sources"])
                line = "  ".join(str(cell).ljust(size) for cell, (_, size) in zip(cells, _GROUP_TABLE, strict=True))
                sentence = " ".join((row["sentence"] or "").split())
                if len(sentence) > room:
                    sentence = sentence[:room - 1] + "…"
                click.echo(f"{line}  {sentence}")
                shown += 1
            click.echo(f"({shown} grouped events)", err=True)
    out.flush()


def _print_table(rows: Iterator[dict[str, Any]]) -> None:
    """Fixed-width columns, so the table streams: no need to see every row to size the columns."""
    width = 110
    head = "  ".join(name.ljust(size) for name, size in _TABLE_COLUMNS)
    click.echo(f"{head}  sentence")
    room = max(20, width - len(head) - 2)
    shown = 0
    for row in rows:
        goldstein = "" if row["goldstein"] is None else f"{row['goldstein']:.1f}"
        cells = (row["date"] or "", row["source_code"], row["target_code"], row["cameo"], row["plover"] or "",
                 goldstein)
        line = "  ".join(str(cell).ljust(size)[:max(size, len(str(cell)))]
                         for cell, (_, size) in zip(cells, _TABLE_COLUMNS, strict=True))
        sentence = " ".join(row["sentence"].split())
        if len(sentence) > room:
            sentence = sentence[:room - 1] + "…"
        click.echo(f"{line}  {sentence}")
        shown += 1
    click.echo(f"({shown} events)", err=True)


# -- stats ----------------------------------------------------------------------------------------------

@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object instead of text.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Rows in the top lists.")
def stats(db_target: str, as_json: bool, top: int) -> None:
    """What the database holds: documents, articles, events by type, top actors and dyads, drops, runs."""
    from relasi.store.queries import stats as read_stats

    with _opened(db_target, create=False) as db:
        data = read_stats(db, top=top)
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    docs, evs = data["documents"], data["events"]
    lines = [
        f"database   {data['database']} (schema v{data['schema_version']})",
        f"documents  {docs['all']} ({docs['ok']} ok, {docs['dropped']} dropped)",
        f"articles   {data['articles']} in {data['stories']} stories (near-duplicates share one)",
        f"events     {evs['counted']} counted, {evs['all']} in all",
        f"grouped    {data['event_groups']} real-world events (relasi events --grouped)",
    ]
    lines += _section("by PLOVER type (counted)", [(k or "-", n) for k, n in data["by_plover"].items()])
    lines += _section("top actors", [(a["code"], a["events"]) for a in data["top_actors"]])
    lines += _section("top dyads", [(f"{d['source']} -> {d['target']}", d["events"]) for d in data["top_dyads"]])
    lines += _section("dropped by reason", list(data["dropped_by_reason"].items()))
    runs = [(f"#{r['id']} {r['started'][:19]} {r['status']}",
             f"{r['documents']} documents, {r['articles']} articles, {r['events']} events, "
             f"{r['dropped']} dropped, {r['skipped']} skipped") for r in data["last_runs"]]
    lines += _section("last runs", runs)
    click.echo("\n".join(lines))


def _section(title: str, rows: list[tuple[Any, Any]]) -> list[str]:
    if not rows:
        return []
    width = max(len(str(k)) for k, _ in rows)
    return [title] + [f"  {str(k).ljust(width)}  {v}" for k, v in rows]


# -- export ---------------------------------------------------------------------------------------------

def _export_formats() -> dict[str, Any]:
    from relasi.store.export import EXPORTERS

    return EXPORTERS


@click.command()
@db_option
@click.option("--format", "fmt", required=True, type=_Registered(_export_formats),
              help="csv or jsonl (parquet when the scale extras are installed).")
@click.option("--table", type=click.Choice(["events", "articles", "documents", "mentions", "event_groups", "all"]),
              default=None, help="What to write (default: events; for parquet, all tables).")
@click.option("--out", required=True, metavar="FILE|DIR", help="Output file, or - for stdout; a directory for parquet.")
def export(db_target: str, fmt: str, table: str | None, out: str) -> None:
    """Write a whole table (events: counted or not) to FILE."""
    from relasi.store.export import EXPORTERS

    table = table or ("all" if fmt == "parquet" else "events")
    if table == "all" and fmt != "parquet":
        raise click.UsageError("--table all writes one folder per table: use it with --format parquet")
    with _opened(db_target, create=False) as db:
        try:
            count = EXPORTERS[fmt](db, table, out)
        except OSError as error:
            raise click.ClickException(f"cannot write {out}: {error.strerror or error}") from error
        except ValueError as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"relasi: wrote {count} {'rows' if table == 'all' else table} to {out}", err=True)


def register(group: click.Group) -> None:
    for command in (ingest, events, stats, export):
        group.add_command(command)
