"""Scaling of the local process pool from 1 to 2 (or more) workers, wall clock, on generated articles.

    python bench/bench_engines.py                 # table
    python bench/bench_engines.py --json          # one JSON object on stdout
    python bench/bench_engines.py --workers 1,2,4 --count 800

Two measurements per worker count, both on the articles bench_scale.py generates (text pages):
- `engine`: the pool alone, results consumed and thrown away: how the pipeline itself scales;
- `ingest`: the whole `relasi ingest` loop into a fresh SQLite file: the single writer (this process)
  competes with the workers for the cores, which is what a user sees.
And once, `writer`: the ingest loop fed with results computed beforehand, i.e. what the single writer
(stories, groups and all) absorbs per CPU-second: the ceiling of any number of workers feeding one writer.
And the machine's own ceiling: a pure-Python loop in 1 and 2 processes (on virtual cores that share a
physical one, no pool can scale further than that). Rates count from the first result on, so worker start-up
(spawn, imports, language packs: a one-off of a few seconds) does not dilute them; the start-up time is
reported beside. Target: 2 workers at least 1.8x one worker. Wall-clock figures need idle cores: run it on a
quiet machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import generate  # noqa: E402

from relasi.engine import ProcessPoolEngine, default_workers  # noqa: E402
from relasi.ingest import ingest_items, pipeline_runner  # noqa: E402
from relasi.model import Document  # noqa: E402
from relasi.settings import Settings  # noqa: E402

SCALING_TARGET = 1.8
TASK_SIZE = 16     # small tasks: a short run still spreads evenly over the workers


def _documents(count: int) -> list[Document]:
    return [Document(source, text, "text") for source, text in generate(count, seed=3)]


def _engine_run(docs: list[Document], workers: int) -> dict[str, float]:
    engine = ProcessPoolEngine(workers=workers, task_size=TASK_SIZE)
    started = time.perf_counter()
    first = None
    done = 0
    for _result in engine(docs, partial(pipeline_runner, Settings())):
        done += 1
        if first is None:
            first = time.perf_counter()
    end = time.perf_counter()
    assert first is not None
    return {"per_s": (done - 1) / (end - first), "startup_s": first - started, "wall_s": end - started}


def _ingest_run(docs: list[Document], workers: int) -> dict[str, float]:
    from relasi.store import open_database

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.db")
        times: list[float] = []
        started = time.perf_counter()
        ingest_items(iter(docs), db, inputs=["bench"], make_runner=partial(pipeline_runner, Settings()),
                     engine=ProcessPoolEngine(workers=workers, task_size=TASK_SIZE),
                     on_processed=lambda: times.append(time.perf_counter()))
        end = time.perf_counter()
        db.close()
    return {"per_s": (len(times) - 1) / (end - times[0]), "startup_s": times[0] - started, "wall_s": end - started}


def _writer_run(docs: list[Document]) -> dict[str, float]:
    from relasi.dedup import DedupConfig, Signed, signature
    from relasi.pipeline import Pipeline
    from relasi.store import open_database

    pipeline, config = Pipeline(Settings()), DedupConfig().resolved()
    results = {}
    for doc in docs:
        result = pipeline.run(doc)
        results[doc.source] = Signed(result, signature(result.body, config)) if hasattr(result, "body") else result
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.db")
        wall, cpu = time.perf_counter(), time.process_time()
        ingest_items(iter(docs), db, inputs=["bench"], make_runner=partial(_replay, results))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        db.close()
    return {"per_cpu_s": len(docs) / cpu, "per_s": len(docs) / wall}


def _replay(results: dict[str, Any]) -> Any:
    return lambda doc: results[doc.source]


def _spin(iterations: int) -> int:
    total = 0
    for i in range(iterations):
        total += i * i % 7
    return total


def cpu_ceiling(workers: list[int], iterations: int = 4_000_000) -> dict[int, float]:
    """The machine's own scaling: a pure-Python loop in n processes, relative to one. Virtual cores that share
    physical ones (or a CPU quota) cap any pool below n; the engine's speed-up is judged against this."""
    import multiprocessing

    rates = {}
    for n in workers:
        started = time.perf_counter()
        with multiprocessing.get_context("spawn").Pool(n) as pool:
            pool.map(_spin, [iterations] * (2 * max(workers)))
        rates[n] = 2 * max(workers) * iterations / (time.perf_counter() - started)
    return {n: round(rates[n] / rates[workers[0]], 2) for n in workers}


def measure(workers: list[int], count: int) -> dict[str, Any]:
    docs = _documents(count)
    ceiling = cpu_ceiling(workers)
    runs: dict[str, dict[int, dict[str, float]]] = {"engine": {}, "ingest": {}}
    for n in workers:
        runs["engine"][n] = _engine_run(docs, n)
        runs["ingest"][n] = _ingest_run(docs, n)
    base = workers[0]
    speedup = {kind: {n: round(r[n]["per_s"] / r[base]["per_s"], 2) for n in workers} for kind, r in runs.items()}
    rounded = {kind: {n: {k: round(v, 2) for k, v in r.items()} for n, r in per.items()} for kind, per in runs.items()}
    two = speedup["engine"].get(2)
    writer = {k: round(v, 1) for k, v in _writer_run(docs).items()}
    return {"documents": count, "cores": default_workers(), "task_size": TASK_SIZE, "runs": rounded,
            "speedup": speedup, "writer": writer, "cpu_ceiling": ceiling, "target": SCALING_TARGET,
            "met": None if two is None else two >= SCALING_TARGET}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    parser.add_argument("--count", type=int, default=600, help="articles per run (default 600)")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = parser.parse_args(argv)
    result = measure([int(n) for n in args.workers.split(",")], args.count)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['documents']} generated articles, {result['cores']} cores available, tasks of {TASK_SIZE}")
    for kind, per in result["runs"].items():
        for n, run in per.items():
            print(f"  {kind:<7} {n} worker(s): {run['per_s']:7.1f} articles/s (x{result['speedup'][kind][n]}), "
                  f"start-up {run['startup_s']:.1f} s, wall {run['wall_s']:.1f} s")
    print(f"  the machine itself (a pure-Python loop): {result['cpu_ceiling']}")
    print(f"  writer alone: {result['writer']['per_cpu_s']} articles per CPU-second "
          f"({result['writer']['per_s']} per wall second)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
