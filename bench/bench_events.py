"""Event coding speed on one core: the clause step and code_events over sentences whose actors are already found.

    python bench/bench_events.py            # table
    python bench/bench_events.py --json     # one JSON object on stdout

Input: the sentences of the project's own sample articles (examples/*.txt), with a publication date so dates
resolve, repeated until the run takes a few seconds. Target: at least 2,000 sentences/s of CPU time.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from relasi.actors import find_actors
from relasi.clauses import parse_clauses
from relasi.events import code_events
from relasi.language import pack_language
from relasi.model import Document
from relasi.packs import load_pack
from relasi.pipeline import Pipeline
from relasi.sentences import split_sentences

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TARGET = 2_000


def prepared_articles():
    pipeline = Pipeline()
    articles = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        article = pipeline.run(Document(source=str(path), content=path.read_text(encoding="utf-8"), format="text"))
        if hasattr(article, "body"):
            pack = load_pack(pack_language(article.language))
            articles.append((find_actors(split_sentences(article, pack), pack), pack))
    return articles


def measure(min_seconds: float = 2.0) -> dict:
    articles = prepared_articles()
    sentences = sum(len(a.sentences) for a, _ in articles)
    events, rounds = 0, 0
    start = time.process_time()
    while time.process_time() - start < min_seconds:
        for article, pack in articles:
            events += len(code_events(parse_clauses(article, pack), pack).events)
        rounds += 1
    elapsed = time.process_time() - start
    rate = rounds * sentences / elapsed
    return {"articles": len(articles), "sentences": sentences * rounds, "events": events,
            "sentences_per_s": round(rate), "target": TARGET, "met": rate >= TARGET}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure()
    if args.json:
        print(json.dumps(result))
    else:
        print(f"event coding: {result['sentences_per_s']:,} sentences/s (target {TARGET:,}) over "
              f"{result['articles']} articles, {result['sentences']:,} sentences")


if __name__ == "__main__":
    main()
