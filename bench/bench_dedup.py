"""Near-duplicate detection: Jaccard similarity of story variants under several shingle schemes, and the
cost of a signature.

    python bench/bench_dedup.py              # tables
    python bench/bench_dedup.py --json       # one JSON object on stdout

Variants, all compared on the cleaned body (what relasi.extract returns), never on the raw page:
- hand-written (tests/fixtures/dedup): three stories (EN text, ID text, EN HTML), each as the original
  example, the same article on another outlet's page (other boilerplate), a light rewrite by another
  outlet, and a different story on the same topic (same people, place or week) that must not link;
- generated from every examples/* page: the same body in another page template (`boiler`), light edits
  replacing 2%, 5% or 10% of the words and dropping one paragraph (`edit2` .. `edit10`);
- every pair of two different examples (`unrelated`).
The threshold for linking must sit above every `other`/`unrelated` value and below the rewrites.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from relasi.dedup import DedupConfig, jaccard, shingle_hashes, signature, similarity
from relasi.extract import extract
from relasi.model import Article
from relasi.sources import iter_documents

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "dedup"
EXAMPLES = REPO / "examples"
FAMILIES = {
    "biden_xi": "02_en_biden_xi_phone_call.txt",
    "sugiono_wang": "12_id_sugiono_wang_yi_kl.txt",
    "prabowo_erdogan": "14_en_prabowo_erdogan_call.html",
}
SCHEMES: tuple[tuple[str, str, int], ...] = (
    ("char5", "char", 5), ("char8", "char", 8), ("char10", "char", 10), ("word3", "word", 3), ("word5", "word", 5),
)

TEXT_PAGE = """{site}
Home | World | Politics | Economy | Sport | Tech
Search | Log in

{title}

{date} | Staff reporter

{paragraphs}

Trending now
- Rupiah closes higher as exports grow
- Heavy rain expected across Java this week
- National team announces squad

Follow {site} on social media. (c) {site}. All rights reserved.
"""
HTML_PAGE = """<!DOCTYPE html><html><head><title>{title} - {site}</title></head><body>
<div class="top"><a href="/">{site}</a><ul><li><a href="/w">World</a></li><li><a href="/b">Business</a></li></ul></div>
<div class="story"><h1>{title}</h1><div class="by">{site} | {date}</div>
<div class="text">{paragraphs}</div></div>
<div class="side"><h4>Most read</h4><ol><li><a href="/1">Rupiah closes higher as exports grow</a></li>
<li><a href="/2">Heavy rain expected across Java this week</a></li></ol></div>
<div class="foot">&copy; {site}</div></body></html>"""


def _body(path: Path) -> Article:
    (doc,) = list(iter_documents([str(path)]))
    article = extract(doc)  # type: ignore[arg-type]
    if not isinstance(article, Article):
        raise SystemExit(f"{path}: extraction failed ({article})")
    return article


def _rewrap(article: Article, html: bool, rng: random.Random) -> str:
    """The same article on another outlet's page, with a 'read also' line among its paragraphs."""
    paragraphs = article.body.split("\n\n")
    spot = rng.randrange(1, max(len(paragraphs), 2))
    paragraphs.insert(spot, "Read also: Parliament passes the revised budget law")
    fields = {"site": "Kabar Kini Daily", "title": article.title or "News", "date": "Monday, 3 March 2025"}
    if html:
        return HTML_PAGE.format(paragraphs="".join(f"<p>{p}</p>" for p in paragraphs), **fields)
    return TEXT_PAGE.format(paragraphs="\n\n".join(paragraphs), **fields)


def _edit(body: str, rate: float, rng: random.Random) -> str:
    """Replace `rate` of the words by other words of the same text and drop one paragraph (not the first)."""
    paragraphs = body.split("\n\n")
    if len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    vocabulary = body.split()
    out = []
    for paragraph in paragraphs:
        words = [rng.choice(vocabulary) if rng.random() < rate else word for word in paragraph.split()]
        out.append(" ".join(words))
    return "\n\n".join(out)


def _scores(a: str, b: str) -> dict[str, float]:
    return {name: round(jaccard(a, b, kind, k), 3) for name, kind, k in SCHEMES}  # type: ignore[arg-type]


def measure(seed: int = 11) -> dict[str, Any]:
    rng = random.Random(seed)
    pairs: list[dict[str, Any]] = []

    for family, original in FAMILIES.items():
        base = _body(EXAMPLES / original).body
        suffix = Path(original).suffix
        variants = {kind: _body(FIXTURES / f"{family}_{kind}{suffix}").body for kind in ("boiler", "rewrite", "other")}
        for kind, body in variants.items():
            pairs.append({"family": family, "kind": kind, **_scores(base, body)})
        pairs.append({"family": family, "kind": "boiler~rewrite",
                      **_scores(variants["boiler"], variants["rewrite"])})

    examples = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html"))
    bodies = {p.name: _body(p) for p in examples}
    for path in examples:
        article = bodies[path.name]
        page = _rewrap(article, path.suffix == ".html", rng)
        (doc,) = list(iter_documents([str(path)]))
        rewrapped = extract(type(doc)(source="x", content=page, format=doc.format))  # type: ignore[call-arg]
        if isinstance(rewrapped, Article):
            pairs.append({"family": path.stem, "kind": "boiler", **_scores(article.body, rewrapped.body)})
        for rate in (0.02, 0.05, 0.10):
            edited = _edit(article.body, rate, rng)
            pairs.append({"family": path.stem, "kind": f"edit{int(rate * 100)}", **_scores(article.body, edited)})
    for a, b in itertools.combinations(examples, 2):
        pairs.append({"family": f"{a.stem}~{b.stem}", "kind": "unrelated",
                      **_scores(bodies[a.name].body, bodies[b.name].body)})

    summary: dict[str, dict[str, dict[str, float]]] = {}
    for kind in sorted({p["kind"] for p in pairs}):
        rows = [p for p in pairs if p["kind"] == kind]
        summary[kind] = {name: {"min": min(r[name] for r in rows), "median": statistics.median(r[name] for r in rows),
                                "max": max(r[name] for r in rows), "n": len(rows)} for name, _, _ in SCHEMES}
    return {"pairs": pairs, "summary": summary, "estimate_error": _estimate_error(pairs, bodies),
            "signature_ms": _signature_cost(bodies)}


def _estimate_error(pairs: list[dict[str, Any]], bodies: dict[str, Article]) -> dict[str, float]:
    """How far the MinHash estimate (relasi's default config) falls from the exact Jaccard on example pairs."""
    config = DedupConfig().resolved()
    names = sorted(bodies)
    errors = []
    rng = random.Random(3)
    for name in names:
        body = bodies[name].body
        for rate in (0.02, 0.05, 0.10, 0.2, 0.4):
            edited = _edit(body, rate, rng)
            exact = jaccard(body, edited, config.shingle, config.k)
            sig_a, sig_b = signature(body, config), signature(edited, config)
            assert sig_a is not None and sig_b is not None
            errors.append(abs(similarity(sig_a, sig_b) - exact))
    return {"mean_abs": round(statistics.mean(errors), 4), "max_abs": round(max(errors), 4), "n": len(errors)}


def _signature_cost(bodies: dict[str, Article]) -> dict[str, float]:
    config = DedupConfig().resolved()
    texts = [a.body for a in bodies.values()]
    chars = sum(len(t) for t in texts) / len(texts)
    started = time.process_time()
    rounds = 0
    while time.process_time() - started < 1.0:
        for text in texts:
            signature(text, config)
        rounds += 1
    per = (time.process_time() - started) / (rounds * len(texts))
    shingles = statistics.mean(len(shingle_hashes(t, config.shingle, config.k)) for t in texts)
    return {"ms_per_article": round(per * 1000, 3), "mean_body_chars": round(chars), "mean_shingles": round(shingles),
            "bands": config.bands, "rows": config.rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--pairs", action="store_true", help="also print every pair")
    args = parser.parse_args(argv)
    result = measure()
    if args.json:
        json.dump({k: v for k, v in result.items() if k != "pairs" or args.pairs}, sys.stdout, indent=2)
        print()
        return 0
    names = [name for name, _, _ in SCHEMES]
    print("Jaccard similarity of cleaned bodies, min / median / max over the pairs of each kind")
    print(f"{'kind':<16}{'n':>4}  " + "  ".join(f"{n:>17}" for n in names))
    for kind, row in result["summary"].items():
        cells = "  ".join(f"{row[n]['min']:.2f}/{row[n]['median']:.2f}/{row[n]['max']:.2f}".rjust(17) for n in names)
        print(f"{kind:<16}{row[names[0]]['n']:>4}  {cells}")
    if args.pairs:
        for pair in result["pairs"]:
            if pair["kind"] != "unrelated":
                print(f"{pair['family']:<40}{pair['kind']:<16}" + "  ".join(f"{pair[n]:.3f}" for n in names))
    err, cost = result["estimate_error"], result["signature_ms"]
    print(f"MinHash estimate vs exact char8 Jaccard: mean |error| {err['mean_abs']}, max {err['max_abs']} "
          f"({err['n']} pairs)")
    print(f"signature: {cost['ms_per_article']} ms per article of {cost['mean_body_chars']} characters "
          f"({cost['mean_shingles']} shingles); banding {cost['bands']} bands x {cost['rows']} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
