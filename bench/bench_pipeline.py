"""Pipeline speed per step, end to end, and next to trafilatura alone: articles per CPU-second (one core).

    python bench/bench_pipeline.py            # table
    python bench/bench_pipeline.py --json     # one JSON object on stdout
    python bench/bench_pipeline.py --check    # exit 1 when a target is missed

Input: examples/*.txt and examples/*.html (8 text pages, 6 HTML pages), each step timed on the output of
the step before, repeated until `--seconds` of CPU time. Rates are per CPU second of this process
(time.process_time), so other work on a shared machine neither hides a regression nor fakes a gain.

`process-html` is what `relasi process` does for an HTML page (pipeline + the JSON line), and
`trafilatura-html` is `trafilatura.extract` alone on the same pages in the same run: their ratio is the
price of relasi over bare extraction (target: at most 1.5x); `extract_trafilatura_ratio` is the same for the
extract step alone. The `-news` rates repeat the HTML comparison on news-site pages built around the example
articles (`news_pages.py`: menus, related stories, comments, scripts; 72 pages of 12-20 KB). Targets: plain
text end to end at 300 articles/s/core or more.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from relasi.model import Article, Document
from relasi.pipeline import Pipeline
from relasi.settings import Settings
from relasi.sources import iter_documents

REPO = Path(__file__).resolve().parents[1]
TEXT_TARGET = 300.0
TRAFILATURA_RATIO_TARGET = 1.5


def _rate(work: Callable[[], int], seconds: float) -> float:
    """Items per CPU second: run `work` (which returns how many items it did) until `seconds` of CPU time."""
    work()                                            # warm caches, load packs
    started = time.process_time()
    done = 0
    while time.process_time() - started < seconds:
        done += work()
    return done / (time.process_time() - started)


def measure(seconds: float = 2.0) -> dict[str, Any]:
    from relasi.actors import find_actors
    from relasi.clauses import parse_clauses
    from relasi.events import code_events
    from relasi.extract import extract
    from relasi.language import identify_language
    from relasi.sentences import split_sentences

    docs = [d for d in iter_documents([str(REPO / "examples")]) if isinstance(d, Document)]
    text_docs = [d for d in docs if d.format == "text"]
    html_docs = [d for d in docs if d.format == "html"]
    pipeline = Pipeline(Settings())

    extracted = [a for a in (extract(d) for d in docs) if isinstance(a, Article)]
    detected = [identify_language(a) for a in extracted]
    packs = [pipeline.pack(a.language or "id") for a in detected]
    split = [split_sentences(a, p) for a, p in zip(detected, packs, strict=True)]
    found = [find_actors(a, p) for a, p in zip(split, packs, strict=True)]
    parsed = [parse_clauses(a, p) for a, p in zip(found, packs, strict=True)]

    def each(items: list, step: Callable[[Any], Any]) -> Callable[[], int]:
        def work() -> int:
            for item in items:
                step(item)
            return len(items)
        return work

    def paired(items: list, step: Callable[[Any, Any], Any]) -> Callable[[], int]:
        def work() -> int:
            for item, pack in zip(items, packs, strict=True):
                step(item, pack)
            return len(items)
        return work

    def process(items: list[Document]) -> Callable[[], int]:
        def work() -> int:
            for doc in items:
                result = pipeline.run(doc)
                if isinstance(result, Article):
                    json.dumps(result.to_json(), ensure_ascii=False)
            return len(items)
        return work

    import trafilatura
    from news_pages import pages

    news_docs = [Document(source=f"{name}.html", content=page, format="html") for name, _, page in pages()]

    def bare_trafilatura(items: list[Document]) -> Callable[[], int]:
        def work() -> int:
            for doc in items:
                trafilatura.extract(doc.content)
            return len(items)
        return work

    rates = {
        "extract-text": _rate(each(text_docs, extract), seconds),
        "extract-html": _rate(each(html_docs, extract), seconds),
        "language": _rate(each(extracted, identify_language), seconds),
        "sentences": _rate(paired(detected, split_sentences), seconds),
        "actors": _rate(paired(split, find_actors), seconds),
        "clauses": _rate(paired(found, parse_clauses), seconds),
        "events": _rate(paired(parsed, code_events), seconds),
        "end-to-end-text": _rate(each(text_docs, pipeline.run), seconds),
        "end-to-end-html": _rate(each(html_docs, pipeline.run), seconds),
        "process-html": _rate(process(html_docs), seconds),
        "trafilatura-html": _rate(bare_trafilatura(html_docs), seconds),
        "extract-html-news": _rate(each(news_docs, extract), seconds),
        "process-html-news": _rate(process(news_docs), seconds),
        "trafilatura-html-news": _rate(bare_trafilatura(news_docs), seconds),
    }
    ratio = rates["trafilatura-html"] / rates["process-html"]
    return {
        "rates": {k: round(v, 1) for k, v in rates.items()},
        "trafilatura_ratio": round(ratio, 2),
        "extract_trafilatura_ratio": round(rates["trafilatura-html"] / rates["extract-html"], 2),
        "trafilatura_ratio_news": round(rates["trafilatura-html-news"] / rates["process-html-news"], 2),
        "extract_trafilatura_ratio_news": round(rates["trafilatura-html-news"] / rates["extract-html-news"], 2),
        "targets": {"end-to-end-text": TEXT_TARGET, "trafilatura_ratio": TRAFILATURA_RATIO_TARGET},
        "met": {"end-to-end-text": rates["end-to-end-text"] >= TEXT_TARGET,
                "trafilatura_ratio": ratio <= TRAFILATURA_RATIO_TARGET},
        "inputs": {"text": len(text_docs), "html": len(html_docs), "html-news": len(news_docs)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--seconds", type=float, default=2.0, help="CPU seconds per measurement")
    args = parser.parse_args(argv)
    result = measure(args.seconds)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print("articles per CPU-second (one core)")
        for step, rate in result["rates"].items():
            print(f"  {step:<22} {rate:>9.1f}")
        print(f"relasi process on HTML takes {result['trafilatura_ratio']}x the time of trafilatura.extract alone "
              f"(target <= {TRAFILATURA_RATIO_TARGET}x); the extract step alone {result['extract_trafilatura_ratio']}x")
        print(f"on the news-site pages: {result['trafilatura_ratio_news']}x; the extract step alone "
              f"{result['extract_trafilatura_ratio_news']}x")
    return 1 if args.check and not all(result["met"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
