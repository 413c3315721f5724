"""Actor recognition speed: language-pack load time and find_actors throughput on one core.

    python bench/bench_actors.py                 # table
    python bench/bench_actors.py --json          # one JSON object on stdout
    python bench/bench_actors.py --check         # exit 1 when a target is missed

Sentences are made by putting names from the packs' own dictionaries (states, capitals, IGOs, people, titles)
into template sentences written in the style of each language's press, so every sentence has actors to find.
Targets: a pack loads in under 1 s; recognition runs at 5,000 sentences/s or more. Rates are per CPU second of
this process (time.process_time), so other work on a shared machine does not hide a regression or fake a gain;
the wall-clock rate is reported beside them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from typing import Any

from relasi.actors import find_actors
from relasi.model import Article
from relasi.packs import LANGUAGES, LanguagePack, load_pack

LOAD_TARGET_S = 1.0
SENTENCES_PER_S_TARGET = 5_000

TEMPLATES = {
    "id": (
        "{title} {state} {person} bertemu dengan {title2} {state2} di {city} pada Senin (3/2).",
        "Pemerintah {state} mengecam serangan {state2} terhadap warga sipil di perbatasan.",
        "{person} mengatakan {state} siap bekerja sama dengan {igo} untuk menjaga stabilitas kawasan.",
        "Dalam pertemuan di sela KTT {igo}, {state} dan {state2} sepakat memperkuat kerja sama ekonomi.",
        "{city} menyatakan tidak akan menerima tekanan dari {state2}, kata {title} {person}.",
        "{org} menuding {state} melanggar hukum internasional dan mendesak {igo} turun tangan.",
        "Harga minyak naik tipis pada perdagangan Selasa setelah data ekonomi dirilis.",
    ),
    "en": (
        "{title} of {state} {person} met his {state2} counterpart in {city} on Monday.",
        "The government of {state} condemned the strike by {state2} on civilians near the border.",
        "{person} said {state} was ready to work with the {igo} to keep the region stable.",
        "On the sidelines of the {igo} summit, {state} and {state2} agreed to deepen economic ties.",
        "{city} will not bow to pressure from {state2}, {title} {person} told reporters.",
        "{org} accused {state} of breaking international law and urged the {igo} to act.",
        "Oil prices edged higher on Tuesday after the release of economic data.",
    ),
}
# Used only while a pack has no people.tsv / roles.tsv yet, so the benchmark still exercises titles and names.
FALLBACK_PEOPLE = ("Sergey Lavrov", "Antony Blinken", "Retno Marsudi", "Wang Yi", "Penny Wong", "Hakan Fidan")
FALLBACK_TITLES = {"id": ("Menteri Luar Negeri", "Presiden", "Perdana Menteri", "Duta Besar"),
                   "en": ("Foreign Minister", "President", "Prime Minister", "Ambassador")}


def _names(pack: LanguagePack, kind: str, *, metonym: bool | None = None) -> list[str]:
    names = {
        e.name for e in pack.entries
        if e.kind == kind and "ambiguous" not in e.flags and "place" not in e.flags
        and (metonym is None or ("metonym" in e.flags) == metonym)
    }
    return sorted(names)


def make_sentences(pack: LanguagePack, count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    slots = {
        "state": _names(pack, "STATE"),
        "city": _names(pack, "CITY", metonym=True) or _names(pack, "CITY"),
        "igo": _names(pack, "IGO"),
        "org": _names(pack, "ORG"),
        "person": _names(pack, "PERSON") or list(FALLBACK_PEOPLE),
        "title": _names(pack, "ROLE_PERSON") or list(FALLBACK_TITLES[pack.lang]),
    }
    empty = [slot for slot, names in slots.items() if not names]
    if empty:
        raise SystemExit(f"the {pack.lang} pack has no names for {', '.join(empty)}")
    templates = TEMPLATES[pack.lang]
    sentences = []
    for _ in range(count):
        fill = {slot: rng.choice(names) for slot, names in slots.items()}
        fill["state2"], fill["title2"] = rng.choice(slots["state"]), rng.choice(slots["title"])
        sentence = rng.choice(templates).format(**fill)
        sentences.append(sentence[0].upper() + sentence[1:])
    return sentences


def time_load(lang: str, repeat: int) -> tuple[list[float], list[float], LanguagePack]:
    """CPU and wall seconds of each uncached load (a fresh read of the files and a fresh automaton)."""
    cpu_times, wall_times, pack = [], [], None
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        pack = load_pack.__wrapped__(lang)
        cpu_times.append(time.process_time() - cpu)
        wall_times.append(time.perf_counter() - wall)
    assert pack is not None
    return cpu_times, wall_times, pack


def time_recognition(pack: LanguagePack, sentences: list[str]) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and mentions found for find_actors over every sentence."""
    articles = [Article(id=str(i), source="bench", body=s, published="2024-06-01") for i, s in enumerate(sentences)]
    cpu, wall = time.process_time(), time.perf_counter()
    mentions = sum(len(find_actors(article, pack).mentions) for article in articles)
    return time.process_time() - cpu, time.perf_counter() - wall, mentions


def run(sentence_count: int, repeat: int) -> dict[str, Any]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})   # one core, as a worker process would get
    results: dict[str, Any] = {
        "python": platform.python_version(), "machine": platform.machine(), "processor": platform.processor(),
        "targets": {"load_s": LOAD_TARGET_S, "sentences_per_s": SENTENCES_PER_S_TARGET}, "languages": {},
    }
    for lang in LANGUAGES:
        load_cpu, load_wall, pack = time_load(lang, repeat)
        sentences = make_sentences(pack, sentence_count)
        find_actors(Article(id="warm", source="bench", body=sentences[0]), pack)
        runs = [time_recognition(pack, sentences) for _ in range(repeat)]
        results["languages"][lang] = {
            "entries": len(pack.entries), "surface_forms": pack.gazetteer.size,
            "load_s_first": round(load_cpu[0], 4), "load_s_median": round(statistics.median(load_cpu), 4),
            "load_s_wall_median": round(statistics.median(load_wall), 4),
            "sentences": len(sentences),
            "sentences_per_s": round(len(sentences) / min(cpu for cpu, _, _ in runs)),
            "sentences_per_s_wall": round(len(sentences) / min(wall for _, wall, _ in runs)),
            "mentions_per_sentence": round(runs[0][2] / len(sentences), 2),
            "chars_per_sentence": round(sum(map(len, sentences)) / len(sentences), 1),
        }
    return results


def missed_targets(results: dict[str, Any]) -> list[str]:
    missed = []
    for lang, row in results["languages"].items():
        if row["load_s_median"] >= LOAD_TARGET_S:
            missed.append(f"{lang}: load {row['load_s_median']} s >= {LOAD_TARGET_S} s")
        if row["sentences_per_s"] < SENTENCES_PER_S_TARGET:
            missed.append(f"{lang}: {row['sentences_per_s']} sentences/s < {SENTENCES_PER_S_TARGET}")
    return missed


def print_table(results: dict[str, Any]) -> None:
    header = ("lang", "entries", "forms", "load s (1st/med)", "sentences/s", "(wall)", "mentions/sent", "chars/sent")
    print("{:<5} {:>8} {:>7} {:>17} {:>12} {:>8} {:>14} {:>11}".format(*header))
    for lang, row in results["languages"].items():
        load = f"{row['load_s_first']:.3f}/{row['load_s_median']:.3f}"
        print(f"{lang:<5} {row['entries']:>8} {row['surface_forms']:>7} {load:>17} {row['sentences_per_s']:>12,} "
              f"{row['sentences_per_s_wall']:>8,} {row['mentions_per_sentence']:>14} {row['chars_per_sentence']:>11}")
    print(f"targets: load < {LOAD_TARGET_S} s, >= {SENTENCES_PER_S_TARGET:,} sentences/s (CPU time of one core, "
          f"Python {results['python']})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the results as one JSON object")
    parser.add_argument("--sentences", type=int, default=20_000, help="sentences per language (default 20000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure; the best is kept (default 3)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    results = run(args.sentences, args.repeat)
    results["missed"] = missed_targets(results)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print_table(results)
        for line in results["missed"]:
            print(f"MISSED {line}")
    return 1 if args.check and results["missed"] else 0


if __name__ == "__main__":
    sys.exit(main())
