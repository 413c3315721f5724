"""Shared by the clause-case tests and `python -m tests.clause_cases`: run the clause step on the hand-written
annotated sentences (tests/data/clauses_{id,en}.yaml) and compare every slot of every annotated predicate.

A case lists its predicates by word (and `nth` occurrence); for each, the clause kind, the voice, and the actor codes
of each slot (subject, object, agent, possessor, obliques by preposition); optionally the speaker and the head word of
the subject or object. A slot the annotation leaves out must come out with no actor.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

from relasi.actors import find_actors
from relasi.clauses import parse_clauses
from relasi.model import Article, Predicate
from relasi.packs import load_pack
from relasi.sentences import split_sentences

CASES_DIR = Path(__file__).parent / "data"
CORE_SLOTS = ("subject", "object", "agent", "possessor")
GAPS_HEADER = """# Readings the clause step does not get right yet. Each "## " line names one phenomenon: the slot or
# reading that fails and the kind of clause it is in; the lines under it (lang:id) are the annotated cases in
# clauses_{id,en}.yaml whose first wrong reading shows it. They run as strict xfails: a fix that makes a case
# pass fails the test until its line goes. `python -m tests.clause_cases --gaps` prints the list as it stands."""


def load_cases(lang: str) -> list[dict]:
    return yaml.safe_load((CASES_DIR / f"clauses_{lang}.yaml").read_text(encoding="utf-8"))


def parse_case(case: dict, lang: str) -> tuple[Article, list[tuple[Predicate, object]]]:
    pack = load_pack(lang)
    article = Article(id=case["id"], source=case["id"], body=case["text"],
                      published=str(case.get("published") or "") or None, language=lang)
    article = parse_clauses(find_actors(split_sentences(article, pack), pack), pack)
    return article, [(p, parse) for parse in article.parses for p in parse.predicates]


def _offset(text: str, word: str, nth: int) -> int | None:
    matches = list(re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE))
    return matches[nth - 1].start() if len(matches) >= nth else None


def _codes(argument) -> list[str]:
    return sorted({a.code for a in argument.actors}) if argument is not None else []


def _head_is(found: str, wanted: str, lang: str) -> bool:
    """Indonesian phrases begin with their head ("kapal filipina"), English ones end with it ("the russian
    ambassador"); a reduplicated plural is its noun ("negara-negara donor" is "negara donor")."""
    wanted = " ".join(_unreduplicated(word) for word in wanted.split())
    return found.startswith(wanted) if lang == "id" else found == wanted or found.endswith(f" {wanted}")


def _unreduplicated(word: str) -> str:
    left, dash, right = word.partition("-")
    return left if dash and left == right else word


def _kind(parse, clause: int) -> str:
    """The clause kind as the annotation gives it: inside a quotation every clause is "quote"."""
    kind, current = parse.clauses[clause].kind, clause
    while current is not None:
        if parse.clauses[current].kind == "quote":
            return "quote"
        current = parse.clauses[current].parent
    return kind


def compare(case: dict, lang: str) -> list[str]:
    """Every difference between the annotation and the clause step's reading, one line each ([] = exact)."""
    article, found = parse_case(case, lang)
    problems: list[str] = []
    for expected in case.get("predicates") or ():
        word = str(expected["word"])
        offset = _offset(article.body, word, int(expected.get("nth", 1)))
        if offset is None:
            problems.append(f"{word}: not in the text")
            continue
        match = next(((p, parse) for p, parse in found if p.start <= offset < p.end), None)
        if match is None:
            problems.append(f"{word}: no predicate")
            continue
        predicate, parse = match
        for key in ("clause", "voice"):
            wanted = expected.get(key)
            got = _kind(parse, predicate.clause) if key == "clause" else predicate.voice
            if wanted is not None and wanted != got:
                problems.append(f"{word}: {key} {got} (expected {wanted})")
        got_slots = {name: _codes(argument) for name, argument in predicate.slots}
        wanted_slots = {name: sorted(set(expected.get(name) or [])) for name in CORE_SLOTS}
        # YAML 1.1 reads an unquoted "on" key as True
        wanted_slots.update({("on" if k is True else str(k)): sorted(set(v or []))
                             for k, v in (expected.get("obliques") or {}).items()})
        for name in sorted(set(wanted_slots) | set(got_slots)):
            wanted, got = wanted_slots.get(name, []), got_slots.get(name, [])
            if wanted != got:
                problems.append(f"{word}: {name} {got} (expected {wanted})")
        if "speaker" in expected:
            clause, speaker = predicate.clause, []
            while clause is not None and not speaker:
                speaker = sorted({a.code for a in parse.clauses[clause].speaker})
                clause = parse.clauses[clause].parent
            speaker = speaker or sorted({a.code for a in parse.speaker})
            if speaker != sorted(set(expected["speaker"] or [])):
                problems.append(f"{word}: speaker {speaker} (expected {sorted(set(expected['speaker'] or []))})")
        for name in ("subject", "object"):
            head = expected.get(f"{name}_head")
            argument = predicate.slot(name)
            if head and not (argument is not None and _head_is(argument.head, str(head).lower(), lang)):
                problems.append(f"{word}: {name}_head {argument.head if argument else None!r} (expected {head!r})")
    return problems


def report(lang: str) -> dict:
    """Cases read exactly, predicates read exactly, and the problems by kind, for one language."""
    cases = load_cases(lang)
    exact, predicates, wrong_predicates = 0, 0, set()
    kinds: Counter[str] = Counter()
    for case in cases:
        problems = compare(case, lang)
        exact += not problems
        predicates += len(case.get("predicates") or ())
        for problem in problems:
            word, _, rest = problem.partition(": ")
            wrong_predicates.add((case["id"], word))
            kinds[rest.split(" ")[0]] += 1
    return {"cases": len(cases), "exact_cases": exact, "predicates": predicates,
            "exact_predicates": predicates - len(wrong_predicates), "problems_by_kind": dict(kinds.most_common())}


def phenomenon(case: dict, problem: str) -> str:
    """The construction a problem line shows, named by the slot or reading that fails and the clause it is in."""
    word, _, rest = problem.partition(": ")
    expected = next((p for p in case.get("predicates") or () if str(p["word"]) == word), {})
    clause = expected.get("clause", "main")
    what = rest.split(" ")[0]
    got = rest.split(" ")[1] if " " in rest else ""
    if what == "no":
        return "event words the clause step does not read as predicates"
    if what == "clause":
        return f"{clause} clauses read as {got}"
    if what == "voice":
        return f"{expected.get('voice')} predicates read as {got}"
    if what == "speaker":
        return f"the speaker of {clause} clauses"
    if what.endswith("_head"):
        return f"the head word of the {what[:-5]} phrase"
    if what in CORE_SLOTS:
        return f"the {what} of {expected.get('voice', 'active')} predicates in {clause} clauses"
    return f"obliques of predicates in {clause} clauses"


def gaps_file(header: str) -> str:
    """The known-gaps file as the clause step stands: every failing case under the phenomenon of its first
    problem (`python -m tests.clause_cases --gaps`)."""
    groups: dict[str, list[str]] = {}
    for lang in ("id", "en"):
        for case in load_cases(lang):
            problems = compare(case, lang)
            if problems:
                groups.setdefault(phenomenon(case, problems[0]), []).append(f"{lang}:{case['id']}")
    lines = [header.rstrip(), ""]
    for name in sorted(groups, key=lambda n: (-len(groups[n]), n)):
        lines.extend([f"## {name}", *groups[name], ""])
    return "\n".join(lines)


if __name__ == "__main__":       # python -m tests.clause_cases [--show]: the figures the closing notes quote
    import json
    import sys

    if "--gaps" in sys.argv:
        print(gaps_file(GAPS_HEADER))
        sys.exit(0)
    if "--show" in sys.argv:
        for lang in ("id", "en"):
            for case in load_cases(lang):
                for problem in compare(case, lang):
                    print(f"{lang}:{case['id']}  {problem}")
    print(json.dumps({lang: report(lang) for lang in ("id", "en")}, indent=1))
