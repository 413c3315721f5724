"""Pipeline speed: end to end, per step, and next to trafilatura alone, on one core (CPU time).

    python bench/bench_pipeline.py                    # table
    python bench/bench_pipeline.py --json             # one JSON object on stdout
    python bench/bench_pipeline.py --check            # exit 1 when a target is missed
    python bench/bench_pipeline.py --documents 400 --rounds 5 --seconds 1

Every figure is measured `--rounds` times (3) in the same run and given as the best and the median round; times
are CPU seconds of this process (time.process_time), so other work on a shared machine neither hides a regression
nor fakes a gain, and the median shows how much the rounds moved.

Plain text: the example text pages (examples/*.txt) repeated to `--documents` documents (2,000), the issue's
measure. `end-to-end-text` is `Pipeline.run` on each; the per-step split times each step on the output of the step
before over the same documents, in ms per article: extract, language, sentences, actors, clauses, events, and the
JSON line `relasi process` prints (`json`). The steps add up to about the end-to-end time.

HTML: `process-html` is what `relasi process` does for an HTML page (pipeline + the JSON line), and
`trafilatura-html` is `trafilatura.extract` alone on the same pages in the same round: their ratio is the price of
relasi over bare extraction (target: at most 1.5x); `extract_trafilatura_ratio` is the same for the extract step
alone. The `-news` rates repeat the HTML comparison on news-site pages built around the example articles
(`news_pages.py`: menus, related stories, comments, scripts; 72 pages of 12-20 KB). Each HTML rate runs for
`--seconds` of CPU time per round. Target: plain text end to end at 300 articles/s/core or more.
"""

from __future__ import annotations

import argparse
import json
import statistics
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
DOCUMENTS = 2000
ROUNDS = 3
STEPS = ("extract", "language", "sentences", "actors", "clauses", "events", "json")


def _rate(work: Callable[[], int], seconds: float) -> float:
    """Items per CPU second: run `work` (which returns how many items it did) until `seconds` of CPU time."""
    work()                                            # warm caches, load packs
    started = time.process_time()
    done = 0
    while time.process_time() - started < seconds:
        done += work()
    return done / (time.process_time() - started)


def _ms_per_item(work: Callable[[], Any], items: int) -> float:
    """CPU milliseconds per item of one call of `work`, which handles `items` items."""
    started = time.process_time()
    work()
    return (time.process_time() - started) * 1000 / items


def summary(values: list[float], best: Callable[[list[float]], float] = min) -> dict[str, float]:
    """The best round (`min` for times, `max` for rates) and the median round."""
    return {"best": round(best(values), 4), "median": round(statistics.median(values), 4)}


def text_documents(count: int) -> list[Document]:
    """The example text pages, repeated to `count` documents."""
    pages = [d for d in iter_documents([str(REPO / "examples")]) if isinstance(d, Document) and d.format == "text"]
    return [pages[i % len(pages)] for i in range(count)]


def json_line() -> Callable[[Article], str]:
    """What `relasi process` prints for an article (minus the newline)."""
    try:
        from relasi.jsonlines import article_line
    except ImportError:                               # revisions before the JSON writer
        return lambda article: json.dumps(article.to_json(), ensure_ascii=False)
    return article_line


def measure_text(count: int = DOCUMENTS, rounds: int = ROUNDS) -> dict[str, Any]:
    """End to end and per step on `count` plain-text documents, `rounds` times."""
    from relasi.actors import find_actors
    from relasi.clauses import parse_clauses
    from relasi.events import code_events
    from relasi.extract import extract
    from relasi.language import identify_language
    from relasi.sentences import split_sentences

    docs = text_documents(count)
    pipeline = Pipeline(Settings())
    line = json_line()
    for doc in docs[:50]:                             # load the packs, warm the caches
        pipeline.run(doc)

    def stages() -> dict[str, float]:
        ms: dict[str, float] = {}
        started = time.process_time()
        extracted = [extract(d) for d in docs]
        ms["extract"] = time.process_time() - started
        articles = [a for a in extracted if isinstance(a, Article)]
        started = time.process_time()
        articles = [identify_language(a) for a in articles]
        ms["language"] = time.process_time() - started
        packs = [pipeline.pack(a.language or "id") for a in articles]
        for name, step in (("sentences", split_sentences), ("actors", find_actors), ("clauses", parse_clauses),
                           ("events", code_events)):
            started = time.process_time()
            articles = [step(a, p) for a, p in zip(articles, packs, strict=True)]
            ms[name] = time.process_time() - started
        articles = [a.with_(parses=()) for a in articles]
        started = time.process_time()
        for article in articles:
            line(article)
        ms["json"] = time.process_time() - started
        return {name: seconds * 1000 / len(docs) for name, seconds in ms.items()}

    def end_to_end() -> None:
        for doc in docs:
            pipeline.run(doc)

    per_round: dict[str, list[float]] = {name: [] for name in (*STEPS, "end-to-end")}
    for _ in range(rounds):
        per_round["end-to-end"].append(_ms_per_item(end_to_end, len(docs)))
        for name, ms in stages().items():
            per_round[name].append(ms)
    e2e = per_round["end-to-end"]
    return {
        "documents": len(docs), "pages": len({d.source for d in docs}), "rounds": rounds,
        "ms_per_article": {name: summary(values) for name, values in per_round.items()},
        "steps_sum_ms": summary([sum(per_round[s][r] for s in STEPS) for r in range(rounds)]),
        "articles_per_s": {"best": round(1000 / min(e2e), 1), "median": round(1000 / statistics.median(e2e), 1)},
    }


def measure_html(seconds: float = 2.0, rounds: int = ROUNDS) -> dict[str, Any]:
    """`relasi process` and the extract step on HTML pages next to trafilatura.extract alone, `rounds` times."""
    from relasi.extract import extract

    docs = [d for d in iter_documents([str(REPO / "examples")]) if isinstance(d, Document)]
    html_docs = [d for d in docs if d.format == "html"]
    pipeline = Pipeline(Settings())
    line = json_line()

    def each(items: list, step: Callable[[Any], Any]) -> Callable[[], int]:
        def work() -> int:
            for item in items:
                step(item)
            return len(items)
        return work

    def process(items: list[Document]) -> Callable[[], int]:
        def work() -> int:
            for doc in items:
                result = pipeline.run(doc)
                if isinstance(result, Article):
                    line(result)
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

    works = {
        "extract-html": each(html_docs, extract),
        "end-to-end-html": each(html_docs, pipeline.run),
        "process-html": process(html_docs),
        "trafilatura-html": bare_trafilatura(html_docs),
        "extract-html-news": each(news_docs, extract),
        "process-html-news": process(news_docs),
        "trafilatura-html-news": bare_trafilatura(news_docs),
    }
    per_round: dict[str, list[float]] = {name: [] for name in works}
    for _ in range(rounds):                           # a round measures every rate, so ratios pair up by round
        for name, work in works.items():
            per_round[name].append(_rate(work, seconds))

    def ratio(slow: str, fast: str = "trafilatura-html") -> dict[str, float]:
        return summary([per_round[fast][r] / per_round[slow][r] for r in range(rounds)])

    return {
        "rates": {name: summary(values, max) for name, values in per_round.items()},
        "trafilatura_ratio": ratio("process-html"),
        "extract_trafilatura_ratio": ratio("extract-html"),
        "trafilatura_ratio_news": ratio("process-html-news", "trafilatura-html-news"),
        "extract_trafilatura_ratio_news": ratio("extract-html-news", "trafilatura-html-news"),
        "inputs": {"html": len(html_docs), "html-news": len(news_docs)},
    }


def measure(documents: int = DOCUMENTS, rounds: int = ROUNDS, seconds: float = 2.0) -> dict[str, Any]:
    text = measure_text(documents, rounds)
    html = measure_html(seconds, rounds)
    per_s = text["articles_per_s"]["median"]
    ratio = html["trafilatura_ratio"]["median"]
    return {
        "text": text, "html": html,
        "targets": {"end-to-end-text": TEXT_TARGET, "trafilatura_ratio": TRAFILATURA_RATIO_TARGET},
        "met": {"end-to-end-text": per_s >= TEXT_TARGET, "trafilatura_ratio": ratio <= TRAFILATURA_RATIO_TARGET},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--documents", type=int, default=DOCUMENTS,
                        help=f"plain-text documents per round (default {DOCUMENTS})")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"rounds of every figure (default {ROUNDS})")
    parser.add_argument("--seconds", type=float, default=2.0, help="CPU seconds per HTML rate and round")
    args = parser.parse_args(argv)
    result = measure(args.documents, args.rounds, args.seconds)
    if args.json:
        print(json.dumps(result, indent=2))
        return 1 if args.check and not all(result["met"].values()) else 0
    text, html = result["text"], result["html"]
    print(f"plain text: {text['documents']} documents ({text['pages']} pages repeated), {text['rounds']} rounds, "
          "CPU ms per article, best (median)")
    for name, ms in text["ms_per_article"].items():
        print(f"  {name:<22} {ms['best']:>8.3f} ({ms['median']:.3f})")
    print(f"  {'steps added up':<22} {text['steps_sum_ms']['best']:>8.3f} ({text['steps_sum_ms']['median']:.3f})")
    print(f"end to end: {text['articles_per_s']['best']:.1f} ({text['articles_per_s']['median']:.1f}) articles/s "
          f"on one core (target {TEXT_TARGET:.0f})")
    print("HTML, articles per CPU-second, best (median)")
    for name, rate in html["rates"].items():
        print(f"  {name:<22} {rate['best']:>8.1f} ({rate['median']:.1f})")
    for key, label in (("trafilatura_ratio", "relasi process / trafilatura.extract, example pages"),
                       ("extract_trafilatura_ratio", "extract step / trafilatura.extract, example pages"),
                       ("trafilatura_ratio_news", "relasi process / trafilatura.extract, news-site pages"),
                       ("extract_trafilatura_ratio_news", "extract step / trafilatura.extract, news-site pages")):
        print(f"  {label}: {html[key]['median']:.2f}x (best round {html[key]['best']:.2f}x)")
    return 1 if args.check and not all(result["met"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
