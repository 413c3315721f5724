"""Speed of the working tree next to an earlier revision, in the same run on the same machine.

    python bench/compare_revisions.py                 # against 232c91e (main before the clause layer)
    python bench/compare_revisions.py --rev abc1234 --rounds 5 --json

Both are measured on the project's plain-text sample pages (examples/*.txt of the working tree): articles per
CPU-second end to end (`Pipeline.run`), and sentences per CPU-second of event coding given the actors (the clause
step and the coder where the revision has a clause step, the coder alone where it has not). The revision is checked
out with `git worktree` into a temporary folder and imported from there by a fresh interpreter of the same virtual
environment; the two alternate over `--rounds` rounds and the table gives the median and the best round of each.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BASELINE = "232c91e"

# Run inside a fresh interpreter whose sys.path starts with the revision's src/.
PROBE = r'''
import importlib.util, json, sys, time
from pathlib import Path
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
seconds = float(sys.argv[2])
docs = [Document(source=str(p), content=p.read_text(encoding="utf-8"), format="text")
        for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
pipeline = Pipeline()

def rate(work):
    work()
    start, done = time.process_time(), 0
    while time.process_time() - start < seconds:
        done += work()
    return done / (time.process_time() - start)

def end_to_end():
    for doc in docs:
        pipeline.run(doc)
    return len(docs)

found = []
for doc in docs:
    article = pipeline.run(doc)
    if isinstance(article, Article):
        pack = load_pack(pack_language(article.language))
        found.append((find_actors(split_sentences(article.with_(events=()), pack), pack), pack))
sentences = sum(len(a.sentences) for a, _ in found)

def coding():
    for article, pack in found:
        code_events(parse_clauses(article, pack) if clauses else article, pack)
    return sentences

print(json.dumps({"end_to_end_articles_per_s": rate(end_to_end), "coding_sentences_per_s": rate(coding),
                  "clause_step": clauses, "articles": len(docs), "sentences": sentences}))
'''


def probe(src: Path, seconds: float) -> dict:
    code = f"import sys; sys.path.insert(0, {str(src)!r})\n" + PROBE
    done = subprocess.run([sys.executable, "-c", code, str(REPO / "examples"), str(seconds)], capture_output=True,
                          text=True, check=True, cwd=src.parent)
    return json.loads(done.stdout)


def compare(rev: str, rounds: int, seconds: float) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / "tree"
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), rev], cwd=REPO, check=True,
                       capture_output=True)
        try:
            runs: dict[str, list[dict]] = {"before": [], "after": []}
            for _ in range(rounds):
                runs["before"].append(probe(tree / "src", seconds))
                runs["after"].append(probe(REPO / "src", seconds))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=REPO, capture_output=True)
    result: dict = {"baseline": rev, "rounds": rounds}
    for side, found in runs.items():
        for key in ("end_to_end_articles_per_s", "coding_sentences_per_s"):
            values = [r[key] for r in found]
            result[f"{side}_{key}"] = {"median": round(statistics.median(values), 1), "best": round(max(values), 1)}
    for key in ("end_to_end_articles_per_s", "coding_sentences_per_s"):
        result[f"ratio_{key}"] = round(result[f"after_{key}"]["median"] / result[f"before_{key}"]["median"], 2)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default=BASELINE, help=f"the earlier revision (default {BASELINE})")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=2.0, help="CPU seconds per measurement")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = compare(args.rev, args.rounds, args.seconds)
    if args.json:
        print(json.dumps(result))
        return
    print(f"| measured (examples/*.txt, one core) | {args.rev} median (best) | working tree median (best) | ratio |")
    print("|---|---:|---:|---:|")
    for key, label in (("end_to_end_articles_per_s", "end to end, articles/s"),
                       ("coding_sentences_per_s", "event coding given actors, sentences/s")):
        before, after = result[f"before_{key}"], result[f"after_{key}"]
        print(f"| {label} | {before['median']:,.1f} ({before['best']:,.1f}) | {after['median']:,.1f} "
              f"({after['best']:,.1f}) | {result[f'ratio_{key}']}x |")


if __name__ == "__main__":
    main()
