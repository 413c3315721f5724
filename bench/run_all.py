"""Run every benchmark in bench/ and rewrite the results table in bench/README.md (`make bench`).

    python bench/run_all.py                          # all bench_*.py, quick sizes
    python bench/run_all.py --quick                  # the pipeline on fewer documents too (make bench-quick)
    python bench/run_all.py --scale-sizes 10000,100000 --only bench_scale
    python bench/run_all.py --no-readme              # print the table, leave README.md alone

Each bench_*.py script runs in its own process with --json. A script that fails (or prints no JSON) is
reported with the end of its stderr and skipped; the others still run and the table says which did not.
Each script's JSON is kept in bench/results/<script>.json with when it ran, and the table is built from
all of them: `--only` refreshes some sections (the hour-long 100,000-article memory run, say) and keeps
the others, each marked with the time its figures were taken. The table goes between the markers
<!-- bench:start --> and <!-- bench:end --> of bench/README.md; everything outside them is left as written.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
README = BENCH / "README.md"
RESULTS = BENCH / "results"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
TIMEOUT_S = 4 * 3600                 # the 100,000-article memory run takes about an hour on two cores


def run_script(path: Path, extra: list[str]) -> tuple[dict[str, Any] | None, str]:
    """(parsed JSON, "") or (None, why it failed)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    try:
        done = subprocess.run([sys.executable, str(path), "--json", *extra], capture_output=True, text=True,
                              cwd=REPO, env=env, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {TIMEOUT_S} s"
    if done.returncode != 0:
        tail = " ".join(done.stderr.strip().splitlines()[-3:])[:400]
        return None, f"exit {done.returncode}: {tail}"
    try:
        return json.loads(done.stdout), ""
    except json.JSONDecodeError:
        return None, "did not print one JSON object"


# -- one section per known benchmark --------------------------------------------------------------------------

def _pipeline(data: dict[str, Any]) -> list[str]:
    text, html, target = data["text"], data["html"], data["targets"]
    ms = text["ms_per_article"]
    steps = [("extract", "extract"), ("language", "language"), ("sentences", "sentences"), ("actors", "actors"),
             ("clauses", "clauses"), ("events", "events"), ("json", "JSON line")]
    lines = [f"### Pipeline on one core, CPU time (`bench_pipeline.py`: {text['documents']:,} plain-text documents, "
             f"the {text['pages']} example pages repeated; best and median of {text['rounds']} rounds)", "",
             "| step | ms/article, best | median |", "|---|---:|---:|"]
    lines += [f"| {label} | {ms[key]['best']:.3f} | {ms[key]['median']:.3f} |" for key, label in steps]
    lines += [f"| the steps added up | {text['steps_sum_ms']['best']:.3f} | {text['steps_sum_ms']['median']:.3f} |",
              f"| **end to end** (`Pipeline.run`) | {ms['end-to-end']['best']:.3f} | "
              f"{ms['end-to-end']['median']:.3f} |"]
    per_s = text["articles_per_s"]
    met = "met" if data["met"]["end-to-end-text"] else "**missed**"
    lines += ["", f"Plain text end to end: **{per_s['median']:,.1f} articles/s/core** (best round "
                  f"{per_s['best']:,.1f}); target {target['end-to-end-text']:,.0f}, {met}.", "",
              "| HTML, same pages and rounds | articles/s/core, best | median |", "|---|---:|---:|"]
    labels = {"extract-html": "extract step, example pages", "end-to-end-html": "end to end, example pages",
              "process-html": "`relasi process` (pipeline + JSON line), example pages",
              "trafilatura-html": "`trafilatura.extract` alone, example pages",
              "extract-html-news": "extract step, news-site pages",
              "process-html-news": "`relasi process`, news-site pages",
              "trafilatura-html-news": "`trafilatura.extract` alone, news-site pages"}
    lines += [f"| {labels.get(key, key)} | {rate['best']:,.1f} | {rate['median']:,.1f} |"
              for key, rate in html["rates"].items()]
    ratio = html["trafilatura_ratio"]
    lines += ["", f"`relasi process` takes **{ratio['median']:.2f}x** the time of trafilatura alone on the example "
                  f"pages (best round {ratio['best']:.2f}x; target at most {target['trafilatura_ratio']}x: "
                  f"{'met' if data['met']['trafilatura_ratio'] else '**missed**'}); the extract step alone "
                  f"{html['extract_trafilatura_ratio']['median']:.2f}x. On the news-site pages: "
                  f"{html['trafilatura_ratio_news']['median']:.2f}x, the extract step "
                  f"{html['extract_trafilatura_ratio_news']['median']:.2f}x."]
    return lines


def _engines(data: dict[str, Any]) -> list[str]:
    rounds = data.get("rounds", 1)
    lines = [f"### Local process pool and the single writer (`bench_engines.py`: {data['documents']} generated "
             f"articles, {data['cores']} cores, best and median of {rounds} rounds)", "",
             "| measured | workers | articles/s, median (best) | speed-up, median (best) | start-up s | "
             "main process ms/doc |", "|---|---:|---:|---:|---:|---:|"]
    for kind, per in data["runs"].items():
        for workers, run in per.items():
            rate, gain = _figure(run["per_s"]), _figure(data["speedup"][kind][workers])
            main = _figure(run["main_ms"]) if "main_ms" in run else ""
            lines.append(f"| {kind} | {workers} | {rate} | {gain}x | {_figure(run['startup_s'])} | {main} |")
    if "cpu_ceiling" in data:
        ceiling = ", ".join(f"{n} processes {_figure(x)}x" for n, x in data["cpu_ceiling"].items())
        lines += ["", f"The machine's own ceiling, a pure-Python loop in separate processes: {ceiling} "
                      "(virtual cores sharing physical ones cap every pool below the core count)."]
    if data.get("met") is not None:
        two = data["speedup"]["ingest"].get("2") or data["speedup"]["ingest"].get(2)
        relative = ""
        machine = (data.get("cpu_ceiling") or {}).get("2")
        if two and machine:
            relative = (f"; {_median(two) / _median(machine):.0%} of what the machine itself gives two processes "
                        f"({_median(machine)}x)")
        lines += ["", f"Target: the whole ingest with 2 workers at least {data['target']}x one worker: "
                      f"{'met' if data['met'] else '**missed**'}{relative}."]
    if "main_process_ms" in data:
        lines += ["", "The main process alone, per document (results computed beforehand as the workers send them; "
                      "CPU time), and the ceiling computed from it: a worker spends "
                      f"{data['worker_ms']} ms of CPU per document, so one writer keeps up with worker ms / main ms "
                      "workers.", "", "| database | main process ms/doc, median (best) | workers it keeps up with | "
                      "documents/s at most |", "|---|---:|---:|---:|"]
        for backend, figure in data["main_process_ms"].items():
            cluster = data["cluster_ceiling"][backend]
            lines.append(f"| {backend} | {_figure(figure)} | {cluster['max_workers']} | "
                         f"{cluster['documents_per_s']:,} |")
        lines += ["", f"Target: at most {data['main_ms_target']} ms per document (SQLite): "
                      f"{'met' if data['main_met'] else '**missed**'}."]
    elif "writer" in data:
        lines += ["", f"The single writer alone (results computed beforehand): {data['writer']['per_cpu_s']:,} "
                      f"articles per CPU-second, the ceiling for any number of workers."]
    return lines


def _figure(value: Any) -> str:
    """A figure as `median (best)`, or a plain number from an older run."""
    if isinstance(value, dict):
        return f"{value['median']:,} ({value['best']:,})"
    return f"{value:,}"


def _median(value: Any) -> float:
    return value["median"] if isinstance(value, dict) else value


def _dedup(data: dict[str, Any]) -> list[str]:
    summary, cost, err = data["summary"], data["signature_ms"], data["estimate_error"]
    schemes = list(next(iter(summary.values())))
    lines = ["### Near-duplicates, Jaccard similarity of cleaned bodies, min-max (`bench_dedup.py`)", "",
             "| pair | n | " + " | ".join(schemes) + " |", "|---|---:|" + "---:|" * len(schemes)]
    for kind, row in summary.items():
        cells = " | ".join(f"{row[s]['min']:.2f}-{row[s]['max']:.2f}" for s in schemes)
        lines.append(f"| {kind} | {row[schemes[0]]['n']} | {cells} |")
    lines += ["", f"Signature (char 8-grams, 128 permutations): {cost['ms_per_article']} ms per article of "
                  f"{cost['mean_body_chars']} characters; LSH {cost['bands']} bands x {cost['rows']} rows; "
                  f"estimate vs exact Jaccard: mean error {err['mean_abs']}, max {err['max_abs']}."]
    return lines


def _scale(data: dict[str, Any]) -> list[str]:
    lines = ["### Streaming ingest, memory (`bench_scale.py`)", "",
             "| articles | engine | articles/s | peak RSS main | largest worker | all processes | database |",
             "|---:|---|---:|---:|---:|---:|---:|"]
    for run in data["runs"]:
        lines.append(f"| {run['documents']:,} | {run['engine']} x{run['workers']} | {run['documents_per_s']} | "
                     f"{run['peak_rss_main_mb']} MB | {run['peak_rss_worker_mb']} MB | {run['peak_rss_total_mb']} MB | "
                     f"{run['db_mb']} MB |")
    lines += ["", f"Target: under {data['target_rss_mb']} MB and not growing with the number of articles."]
    return lines


def _actors(data: dict[str, Any]) -> list[str]:
    lines = ["### Actor recognition (`bench_actors.py`)", "", "| language | pack load s | sentences/s/core |",
             "|---|---:|---:|"]
    for lang, row in data["languages"].items():
        lines.append(f"| {lang} | {row['load_s_median']} | {row['sentences_per_s']:,} |")
    if data.get("missed"):
        lines += ["", "Missed: " + "; ".join(data["missed"]) + "."]
    return lines


def _events(data: dict[str, Any]) -> list[str]:
    return ["### Event coding (`bench_events.py`)", "",
            f"{data['sentences_per_s']:,} sentences/s/core (target {data['target']:,}: "
            f"{'met' if data['met'] else '**missed**'})."]


SECTIONS: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    "bench_pipeline": _pipeline, "bench_engines": _engines, "bench_dedup": _dedup, "bench_scale": _scale,
    "bench_actors": _actors, "bench_events": _events,
}


def save_result(name: str, data: dict[str, Any], seconds: float) -> None:
    """Keep a script's figures, with when and where they were taken, for later tables."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    RESULTS.mkdir(exist_ok=True)
    record = {"ran": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC", "seconds": round(seconds),
              "machine": f"Python {platform.python_version()}, {platform.machine()}, {cores} cores", "data": data}
    (RESULTS / f"{name}.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")


def load_results() -> dict[str, dict[str, Any]]:
    """Every kept record by script name (see save_result)."""
    records = {}
    for path in sorted(RESULTS.glob("bench_*.json")):
        try:
            records[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            print(f"run_all: {path}: unreadable ({error})", file=sys.stderr)
    return records


def table(records: dict[str, dict[str, Any]], failures: dict[str, str]) -> str:
    lines = [f"Generated by `make bench` (bench/run_all.py) on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC from "
             "bench/results/*.json; each section says when its figures were taken.", ""]
    for name in sorted(records, key=lambda n: list(SECTIONS).index(n) if n in SECTIONS else len(SECTIONS)):
        section, record = SECTIONS.get(name), records[name]
        try:
            body = section(record["data"]) if section else [f"### `{name}.py`", "", "ran; no table for it yet."]
        except (KeyError, TypeError, ValueError) as error:
            body = [f"### `{name}.py`", "", f"ran, but its output has an unexpected shape ({error!r})."]
        lines += [*body, "", f"<sub>{record.get('ran', '?')}, {record.get('machine', '?')}, "
                             f"{record.get('seconds', '?')} s.</sub>", ""]
    for name, why in failures.items():
        lines += [f"- `{name}.py` skipped: {why}"]
    return "\n".join(lines).rstrip() + "\n"


def write_readme(text: str) -> None:
    current = README.read_text(encoding="utf-8") if README.exists() else f"# Benchmarks\n\n{START}\n{END}\n"
    if START not in current or END not in current:
        current = current.rstrip() + f"\n\n## Results\n\n{START}\n{END}\n"
    head, rest = current.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{text}{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated script names (bench_pipeline,...) to run")
    parser.add_argument("--scale-sizes", default="1000", help="corpus sizes for bench_scale.py (default 1000)")
    parser.add_argument("--quick", action="store_true",
                        help="bench_pipeline.py on 1,000 plain-text documents and 1 CPU-second per HTML rate "
                             "(make bench-quick: all of it in under five minutes on two cores)")
    parser.add_argument("--no-readme", action="store_true", help="print the table instead of writing README.md")
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    extra = {"bench_scale": ["--sizes", args.scale_sizes]}
    if args.quick:
        extra["bench_pipeline"] = ["--documents", "1000", "--seconds", "1"]
    ran, failures = 0, {}
    for path in sorted(BENCH.glob("bench_*.py")):
        if only and path.stem not in only:
            continue
        print(f"run_all: {path.name} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        data, why = run_script(path, extra.get(path.stem, []))
        if data is None:
            print(f"run_all: SKIPPED {path.name}: {why}", file=sys.stderr)
            failures[path.stem] = why
        else:
            save_result(path.stem, data, time.perf_counter() - started)
            ran += 1
    text = table(load_results(), failures)
    if args.no_readme:
        print(text)
    else:
        write_readme(text)
        print(f"run_all: wrote {README.relative_to(REPO)} ({ran} ran, {len(failures)} skipped)", file=sys.stderr)
    return 1 if failures and not ran else 0


if __name__ == "__main__":
    sys.exit(main())
