"""The issue-13 figures for the working tree next to an earlier revision, in the same run on the same machine.

    python bench/compare_revisions.py                       # against 28c8513 (main before the throughput work)
    python bench/compare_revisions.py --rev abc1234 --rounds 5 --json
    python bench/compare_revisions.py --documents 400 --seconds 0.5 --ingest 200    # a quick look

The revision is checked out with `git worktree` into a temporary folder; each side is measured by a fresh
interpreter of the same virtual environment that imports relasi from that side's `src/` and the measuring code
from this folder (so both sides are measured by the same code). The sides alternate over `--rounds` rounds (3),
and every figure is given as the best and the median round. The figures, as issue 13 states them:

1. plain text end to end: `Pipeline.run` on the example text pages repeated to `--documents` documents (2,000),
   articles per CPU-second of one core;
2. HTML: `relasi process` (pipeline + JSON line) against `trafilatura.extract` alone on the same pages in the same
   round (bench_pipeline.measure_html): the ratio of their times, on the example pages and on the news-site pages;
3. the main process's CPU time per document during `ingest_items` into a fresh SQLite file with a process pool of
   two workers, on `--ingest` generated articles (600): reading results from the workers, writing them, linking
   stories, from the first result to the last batch written, after a small ingest that loads what the writer
   reads once (the workers' own CPU time is not in it);
4. start-up: wall-clock seconds (and the child's CPU seconds) of `relasi process` on one short text page, the
   language pack already compiled in a cache folder of that side's own, the quickest of three runs;
5. event coding given the actors: sentences per CPU-second of the clause step and the coder (the coder alone where
   the revision has no clause step).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
BASELINE = "28c8513"
ONE_PAGE = ("JAKARTA - Menteri Luar Negeri RI Sugiono bertemu Menteri Luar Negeri Australia Penny Wong di Canberra "
            "pada Senin (5/5/2025). Keduanya sepakat memperkuat kerja sama pertahanan kedua negara.\n")
FIGURES = {
    "text_articles_per_s": ("plain text end to end, articles/s/core", max),
    "html_ratio": ("HTML: `relasi process` / `trafilatura.extract`, example pages", min),
    "html_ratio_news": ("HTML: `relasi process` / `trafilatura.extract`, news-site pages", min),
    "main_process_ms": ("main process, CPU ms per document (ingest, 2 workers)", min),
    "startup_s": ("start-up of `relasi process` on one document, s (wall)", min),
    "startup_cpu_s": ("start-up of `relasi process` on one document, CPU s", min),
    "coding_sentences_per_s": ("event coding given actors, sentences/s/core", max),
}


# -- the probe: runs in a fresh interpreter with one side's src/ first on sys.path ------------------------------

def probe(src: Path, documents: int, seconds: float, ingest: int, cache: Path) -> dict[str, Any]:
    sys.path.insert(0, str(src))
    import relasi

    assert Path(relasi.__file__).resolve().is_relative_to(src.resolve()), relasi.__file__
    result = {"text_articles_per_s": _text(documents)}
    html = _html(seconds)
    result.update(html)
    result["main_process_ms"] = _main_process(ingest)
    result.update(_startup(src, cache))
    result["coding_sentences_per_s"] = _coding(seconds)
    return result


def _text(documents: int) -> float:
    from bench_pipeline import text_documents

    from relasi.pipeline import Pipeline

    docs = text_documents(documents)
    pipeline = Pipeline()
    for doc in docs[:50]:
        pipeline.run(doc)
    started = time.process_time()
    for doc in docs:
        pipeline.run(doc)
    return len(docs) / (time.process_time() - started)


def _html(seconds: float) -> dict[str, float]:
    from bench_pipeline import measure_html

    html = measure_html(seconds, rounds=1)
    return {"html_ratio": html["trafilatura_ratio"]["median"],
            "html_ratio_news": html["trafilatura_ratio_news"]["median"]}


def _main_process(count: int) -> float:
    from functools import partial

    from bench_scale import generate

    from relasi.engine import ProcessPoolEngine
    from relasi.ingest import ingest_items, pipeline_runner
    from relasi.model import Document
    from relasi.settings import Settings
    from relasi.store import open_database

    def ingest(docs: list[Document], cpu: list[float]) -> float:
        """Main-process CPU seconds from the first result to the end (the last batch written)."""
        with tempfile.TemporaryDirectory() as folder:
            db = open_database(Path(folder) / "bench.db")
            ingest_items(iter(docs), db, inputs=["bench"], make_runner=partial(pipeline_runner, Settings()),
                         engine=ProcessPoolEngine(workers=2, task_size=16),
                         on_processed=lambda: cpu.append(time.process_time()))
            end = time.process_time()
            db.close()
        return end - cpu[0]

    # a first small ingest loads what the writer reads once (places, the story index's code) before the clock
    ingest([Document(source, text, "text") for source, text in generate(40, seed=5)], [])
    cpu: list[float] = []
    spent = ingest([Document(source, text, "text") for source, text in generate(count, seed=3)], cpu)
    return spent * 1000 / (len(cpu) - 1)


def _startup(src: Path, cache: Path) -> dict[str, float]:
    import resource

    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "one.txt"
        page.write_text(ONE_PAGE, encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(src), "RELASI_CACHE_DIR": str(cache)}
        command = [sys.executable, "-c", "import sys; from relasi.cli import main; sys.exit(main())", "process",
                   str(page)]
        # compile the packs once (that run may go over the per-document time budget while it does)
        subprocess.run(command, env=env, capture_output=True)
        walls, cpus = [], []
        for _ in range(3):                                                        # the quickest of three
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(command, env=env, check=True, capture_output=True)
            walls.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return {"startup_s": min(walls), "startup_cpu_s": min(cpus)}


def _coding(seconds: float) -> float:
    import importlib.util

    from relasi.actors import find_actors
    from relasi.events import code_events
    from relasi.language import pack_language
    from relasi.model import Article, Document
    from relasi.packs import load_pack
    from relasi.pipeline import Pipeline
    from relasi.sentences import split_sentences

    clauses = importlib.util.find_spec("relasi.clauses") is not None
    if clauses:
        from relasi.clauses import parse_clauses
    pipeline = Pipeline()
    found = []
    for path in sorted((REPO / "examples").glob("*.txt")):
        article = pipeline.run(Document(source=str(path), content=path.read_text(encoding="utf-8"), format="text"))
        if isinstance(article, Article):
            pack = load_pack(pack_language(article.language))
            found.append((find_actors(split_sentences(article.with_(events=()), pack), pack), pack))
    sentences = sum(len(a.sentences) for a, _ in found)

    def work() -> None:
        for article, pack in found:
            code_events(parse_clauses(article, pack) if clauses else article, pack)

    work()
    started, done = time.process_time(), 0
    while time.process_time() - started < seconds:
        work()
        done += sentences
    return done / (time.process_time() - started)


# -- the comparison: runs the probe on both sides, round after round --------------------------------------------

def _run_probe(src: Path, args: argparse.Namespace, cache: Path) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "--probe", str(src), "--documents", str(args.documents),
               "--seconds", str(args.seconds), "--ingest", str(args.ingest), "--cache", str(cache)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=BENCH)
    if done.returncode != 0:
        raise SystemExit(f"compare_revisions: the probe of {src} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def compare(args: argparse.Namespace) -> dict[str, Any]:
    runs: dict[str, list[dict[str, Any]]] = {"before": [], "after": []}
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "tree"
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), args.rev], cwd=REPO, check=True,
                       capture_output=True)
        try:
            for number in range(args.rounds):
                print(f"compare_revisions: round {number + 1} of {args.rounds}", file=sys.stderr, flush=True)
                runs["before"].append(_run_probe(tree / "src", args, Path(folder) / "cache-before"))
                runs["after"].append(_run_probe(REPO / "src", args, Path(folder) / "cache-after"))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=REPO, capture_output=True)
    result: dict[str, Any] = {"baseline": args.rev, "rounds": args.rounds, "documents": args.documents,
                              "ingest_documents": args.ingest, "figures": {}}
    for key, (label, best) in FIGURES.items():
        sides = {}
        for side, found in runs.items():
            values = [r[key] for r in found]
            sides[side] = {"best": round(best(values), 4), "median": round(statistics.median(values), 4)}
        change = sides["after"]["median"] / sides["before"]["median"] if sides["before"]["median"] else None
        result["figures"][key] = {"label": label, **sides, "after_over_before": round(change, 2) if change else None}
    return result


def table(result: dict[str, Any]) -> str:
    rev = result["baseline"]
    lines = [f"| figure (best and median of {result['rounds']} rounds) | {rev} median (best) | "
             "working tree median (best) | after / before |", "|---|---:|---:|---:|"]
    for figure in result["figures"].values():
        before, after = figure["before"], figure["after"]
        lines.append(f"| {figure['label']} | {_number(before['median'])} ({_number(before['best'])}) | "
                     f"{_number(after['median'])} ({_number(after['best'])}) | {figure['after_over_before']}x |")
    return "\n".join(lines)


def _number(value: float) -> str:
    return f"{value:,.1f}" if value >= 100 else f"{value:.2f}" if value >= 1 else f"{value:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default=BASELINE, help=f"the earlier revision (default {BASELINE})")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--documents", type=int, default=2000, help="plain-text documents (default 2000)")
    parser.add_argument("--seconds", type=float, default=1.0, help="CPU seconds per HTML rate and for coding")
    parser.add_argument("--ingest", type=int, default=600, help="generated articles for the main-process figure")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--probe", type=Path, help=argparse.SUPPRESS)        # internal: measure one side
    parser.add_argument("--cache", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        print(json.dumps(probe(args.probe, args.documents, args.seconds, args.ingest, args.cache)))
        return
    result = compare(args)
    print(json.dumps(result, indent=1) if args.json else table(result))


if __name__ == "__main__":
    main()
