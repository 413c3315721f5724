"""Ingest: sources → pipeline → store, in batches, resumable.

    iter_documents(paths)          stream of Document | Dropped (read failures), never the whole corpus
      → skip_done                  drops sources already stored with the same content (no pipeline run)
      → map_in_order(engine)       Document → Record | Dropped, results in input order: where the pipeline
                                   ran (in the worker), each article is turned into the rows the writer
                                   stores, its MinHash signature included (store/records.py, relasi.dedup)
      → batches of `batch_size`    each written by the Writer in one transaction, documents rows, stories
                                   (near-duplicates) and aggregated event groups included

Because a source is marked done in the same transaction that stores its article, an ingest killed at
any point resumes by running again: committed batches are skipped, the rest is redone, nothing is half
stored. The engine is pluggable: `local_engine` runs the pipeline in this process; a process pool or a
Dask engine only has to satisfy `Engine` (take Documents, yield one result per Document, in order).
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING

from relasi.budget import within_budget
from relasi.dedup import DedupConfig, Signed
from relasi.model import Article, Document, Dropped
from relasi.settings import Settings
from relasi.store.records import Record

if TYPE_CHECKING:   # the store's SQL modules load in the process that writes, not in the workers
    from relasi.store.database import Database
    from relasi.store.stories import StoryIndex
    from relasi.store.writer import Item, Outcome, Writer

Runner = Callable[[Document], Article | Dropped]   # (or a Record or a dedup.Signed result: see map_in_order)
RunnerFactory = Callable[[], Runner]          # picklable (a partial of a module function) for process pools
Engine = Callable[[Iterable[Document], RunnerFactory], Iterator[Article | Dropped]]

DEFAULT_BATCH_SIZE = 200


def pipeline_runner(settings: Settings) -> Runner:
    """The real pipeline, within the per-document time budget; built once per process (it loads the language
    packs lazily)."""
    from relasi.pipeline import Pipeline

    return partial(within_budget, Pipeline(settings).run, settings.max_seconds)


def recording_runner(make_inner: RunnerFactory, config: DedupConfig) -> Runner:
    """A RunnerFactory-compatible wrapper (use it through functools.partial, which pickles): the inner runner's
    articles come out as the store's Records, signed with `config`. It runs next to the pipeline, so the work
    and the transfer to the single writer are those of plain rows."""
    inner = make_inner()

    def run(doc: Document) -> Record | Dropped:
        result = inner(doc)
        return Record.of(result, config) if isinstance(result, Article) else result

    return run  # type: ignore[return-value]


def run_one(runner: Runner, doc: Document) -> Article | Dropped:
    """Run the pipeline on one document; a bug on one input becomes a Dropped instead of ending the ingest.

    Without this, one document that trips a step would stop every rerun at the same place.
    """
    try:
        return runner(doc)
    except ImportError:
        raise  # a missing module is broken configuration, not a property of this document
    except Exception as error:  # noqa: BLE001 - reported as error:<Type> and retried on the next run
        detail = " ".join(str(error).split())[:200]
        return Dropped(doc.source, "pipeline", f"error:{type(error).__name__}", detail)


def local_engine(documents: Iterable[Document], make_runner: RunnerFactory) -> Iterator[Article | Dropped]:
    """The in-process engine: one pipeline, one document at a time."""
    runner = make_runner()
    for doc in documents:
        yield run_one(runner, doc)


@dataclass(slots=True)
class IngestReport:
    run_id: int
    documents: int = 0                # inputs handled in this run (stored, linked or dropped)
    articles: int = 0                 # new articles
    linked: int = 0                   # documents whose body was already stored (exact duplicates)
    stories: int = 0                  # new articles that started a story
    near_duplicates: int = 0          # new articles that joined an earlier story
    events: int = 0                   # new events (all, counted or not)
    skipped: int = 0                  # sources already done before this run
    updated: int = 0                  # sources stored before whose content changed: re-coded, replacing it
    dropped: Counter[str] = field(default_factory=Counter)   # by reason
    seconds: float = 0.0
    status: str = "running"

    @property
    def dropped_total(self) -> int:
        return sum(self.dropped.values())

    @property
    def documents_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "repeated":
            self.skipped += 1
            return
        self.documents += 1
        self.updated += outcome.updated
        if outcome.status == "stored":
            self.articles += 1
            self.events += outcome.events
            if outcome.near_duplicate:
                self.near_duplicates += 1
            elif outcome.story_id is not None:
                self.stories += 1
        elif outcome.status == "linked":
            self.linked += 1
        elif outcome.dropped is not None:
            self.dropped[outcome.dropped.reason] += 1


OnOutcome = Callable[["Outcome"], None]
OnBatch = Callable[[int, list["Outcome"]], None]     # (run id, the committed batch's outcomes)


def ingest(paths: Sequence[str], db: Database, *, settings: Settings | None = None,
           make_runner: RunnerFactory | None = None, engine: Engine = local_engine,
           batch_size: int = DEFAULT_BATCH_SIZE, on_outcome: OnOutcome | None = None,
           on_processed: Callable[[], None] | None = None, stories: StoryIndex | None = None,
           after_batch: OnBatch | None = None) -> IngestReport:
    """Ingest files and directories into `db`; see the module doc. Returns what this run did.

    `on_outcome` hears about each input once its batch is committed (or it was skipped);
    `on_processed` is called as each input leaves the pipeline, before its batch is written (progress);
    `after_batch` gets each committed batch's outcomes (the Parquet writer uses it); `stories` sets the
    near-duplicate threshold and window (defaults: relasi.dedup, relasi.store.stories).
    """
    from relasi.sources import iter_documents

    settings = settings or Settings()
    items = iter_documents(paths, max_bytes=settings.max_bytes)
    make_runner = make_runner or partial(pipeline_runner, settings)
    return ingest_items(items, db, inputs=paths, make_runner=make_runner, engine=engine,
                        batch_size=batch_size, on_outcome=on_outcome, on_processed=on_processed,
                        stories=stories, after_batch=after_batch)


def ingest_items(items: Iterable[Document | Dropped], db: Database, *, inputs: Sequence[str],
                 make_runner: RunnerFactory, engine: Engine = local_engine,
                 batch_size: int = DEFAULT_BATCH_SIZE, on_outcome: OnOutcome | None = None,
                 on_processed: Callable[[], None] | None = None, stories: StoryIndex | None = None,
                 after_batch: OnBatch | None = None) -> IngestReport:
    """The ingest loop over already-read items (what `ingest` does after reading)."""
    from relasi.store.stories import ensure_config
    from relasi.store.writer import Writer

    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    writer = Writer(db, stories)
    # Records and their signatures are made the database's way (stored on first use), on the workers.
    make_runner = partial(recording_runner, make_runner, ensure_config(db, writer.stories.default_config))
    report = IngestReport(writer.start_run(inputs))
    started = time.perf_counter()

    def note(outcome: Outcome) -> None:
        report.add(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    results: Iterator[Item] | None = None
    try:
        todo = skip_done(items, db, batch_size, on_skip=note)
        results = map_in_order(todo, make_runner, engine)
        if on_processed is not None:
            results = _tap(results, on_processed)
        for batch in _batched(results, batch_size):
            outcomes = writer.write_batch(report.run_id, batch)
            for outcome in outcomes:
                note(outcome)
            if after_batch is not None:
                after_batch(report.run_id, outcomes)
        report.status = "ok"
    except KeyboardInterrupt:
        report.status = "interrupted"      # recorded below, once the traceback has let go of its frames
    except BaseException:
        report.status = "failed"
        report.seconds = time.perf_counter() - started
        _finish(writer, report)
        raise
    report.seconds = time.perf_counter() - started
    if report.status == "interrupted":
        # Stop the workers here, in this thread (not whenever the generator happens to be collected), and let go
        # of the write a Ctrl-C may have cut between BEGIN and COMMIT: its connection holds SQLite's lock until
        # it is collected, and the traceback kept it alive up to here.
        import gc

        if results is not None and hasattr(results, "close"):
            results.close()
        gc.collect()
    _finish(writer, report)
    if report.status == "interrupted":
        raise KeyboardInterrupt
    return report


def _finish(writer: Writer, report: IngestReport) -> None:
    """Record how the run ended. Should that fail after an interrupt, the run's row keeps "running", which costs
    nothing (every finished batch marked its sources done, so the same command resumes) and must not turn the
    interrupt into a crash."""
    import sqlalchemy.exc

    try:
        writer.finish_run(report.run_id, status=report.status, skipped=report.skipped)
    except sqlalchemy.exc.OperationalError as error:
        if report.status == "ok":
            raise
        print(f"relasi: run {report.run_id}: not marked {report.status} ({str(error.orig)[:80]})", file=sys.stderr)


Pending = tuple[Document | Dropped, str | None]     # an input and the sha1 of its content


def content_sha1(doc: Document) -> str:
    return hashlib.sha1(doc.content.encode("utf-8", "surrogatepass")).hexdigest()


def skip_done(items: Iterable[Document | Dropped], db: Database, chunk: int,
              on_skip: OnOutcome | None = None) -> Iterator[Pending]:
    """Pass on the inputs not yet stored, with their content sha1; one lookup per `chunk` inputs.

    Read failures always pass (they are retried and reported every run); a source stored with other
    content passes too, and the writer refuses it loudly rather than dropping it here in silence.
    """
    from relasi.store.queries import done_sources
    from relasi.store.writer import Outcome

    for group in _batched(items, chunk):
        pairs: list[Pending] = [_with_sha1(item) for item in group]
        with db.read() as conn:
            done = done_sources(conn, [(item.source, sha1) for item, sha1 in pairs
                                       if isinstance(item, Document)])
        for item, sha1 in pairs:
            if isinstance(item, Document) and item.source in done:
                if on_skip is not None:
                    on_skip(Outcome(item.source, "repeated"))
                continue
            yield item, sha1


def _with_sha1(item: Document | Dropped) -> Pending:
    if not isinstance(item, Document):
        return item, None
    sha1 = content_sha1(item)
    if item.source == "-":
        # stdin has no name of its own: its content is its identity, so two different pipes are two sources.
        item = replace(item, source=f"stdin:{sha1}")
    return item, sha1


def map_in_order(pending: Iterable[Pending], make_runner: RunnerFactory,
                 engine: Engine = local_engine) -> Iterator[Item]:
    """Run the engine over the Documents and pair each result with its input, read failures kept in place.

    The engine sees only Documents; the inputs it has pulled wait in a queue (as long as its look-ahead)
    until their results come back, so the output keeps the input order without holding the corpus.
    """
    from relasi.store.writer import Item

    queue: deque[Pending] = deque()

    def documents() -> Iterator[Document]:
        for item, sha1 in pending:
            queue.append((item, sha1))
            if isinstance(item, Document):
                yield item

    for result in engine(documents(), make_runner):
        while queue and isinstance(queue[0][0], Dropped):
            yield _dropped_item(queue.popleft()[0])
        if not queue:
            raise RuntimeError("the engine returned more results than it was given documents")
        doc, sha1 = queue.popleft()
        if isinstance(result, Signed):
            yield Item(doc.source, sha1, result.result, result.signature)
        else:
            yield Item(doc.source, sha1, result)
    while queue:
        item = queue.popleft()[0]
        if isinstance(item, Document):
            raise RuntimeError(f"the engine returned no result for {item.source}")
        yield _dropped_item(item)


def _dropped_item(dropped: Document | Dropped) -> Item:
    from relasi.store.writer import Item

    assert isinstance(dropped, Dropped)
    return Item(dropped.source, None, dropped)


def _tap(items: Iterator[Item], call: Callable[[], None]) -> Iterator[Item]:
    for item in items:
        call()
        yield item


def _batched(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
