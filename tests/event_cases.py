"""Shared by the event-case tests and `bench`: load the hand-written sentence sets and code one case."""

from __future__ import annotations

from pathlib import Path

import yaml

from relasi.actors import find_actors
from relasi.clauses import parse_clauses
from relasi.events import code_events
from relasi.model import Article
from relasi.packs import load_pack
from relasi.sentences import split_sentences

CASES_DIR = Path(__file__).parent / "data"
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}


def load_cases(lang: str) -> list[dict]:
    return yaml.safe_load((CASES_DIR / f"event_cases_{lang}.yaml").read_text(encoding="utf-8"))


def _key(source: str, target: str, plover: str, modality: str, negated: bool) -> tuple:
    dyad = tuple(sorted((source, target))) if plover in SYMMETRIC else (source, target)
    return (*dyad, plover, modality, bool(negated))


def expected_keys(case: dict) -> set[tuple]:
    return {_key(e["source"], e["target"], e["plover"], e.get("modality", "asserted"), e.get("negated", False))
            for e in case.get("events") or ()}


def coded_keys(case: dict, lang: str) -> set[tuple]:
    pack = load_pack(lang)
    article = Article(id=case["id"], source=case["id"], body=case["text"], published=str(case.get("published") or "")
                      or None, language=lang)
    article = code_events(parse_clauses(find_actors(split_sentences(article, pack), pack), pack), pack)
    return {_key(e.source.code, e.target.code, e.plover, e.modality, e.negated) for e in article.events if e.plover}


def report(lang: str) -> dict:
    """Exact cases, and counted events (asserted, not negated) by PLOVER type as tp/fp/fn, for one language."""
    from collections import Counter

    exact, counts = 0, {"tp": Counter(), "fp": Counter(), "fn": Counter()}
    cases = load_cases(lang)
    for case in cases:
        expected, coded = expected_keys(case), coded_keys(case, lang)
        exact += expected == coded
        counted = {k for k in expected | coded if k[3] == "asserted" and not k[4]}
        for key in counted:
            kind = "tp" if key in expected and key in coded else "fn" if key in expected else "fp"
            counts[kind][key[2]] += 1
    tp, fp, fn = (sum(counts[k].values()) for k in ("tp", "fp", "fn"))
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {"cases": len(cases), "exact": exact, "precision": round(precision, 3), "recall": round(recall, 3),
            "f1": round(2 * precision * recall / max(precision + recall, 1e-9), 3),
            "by_type": {t: f"{counts['tp'][t]}/{counts['fp'][t]}/{counts['fn'][t]}"
                        for t in sorted(set().union(*counts.values()))}}


if __name__ == "__main__":       # python -m tests.event_cases: the figures the closing notes quote
    import json

    print(json.dumps({lang: report(lang) for lang in ("id", "en")}, indent=1))
