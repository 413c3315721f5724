"""Passive forms derived from active triggers, so verbs.yaml lists each verb once.

Indonesian: the meN- prefix becomes di- and the root's dropped initial comes back (mengecam → dikecam,
menyerang → diserang, memuji → dipuji, menolak → ditolak, mengirim → dikirim). Where the dropped letter is
ambiguous every candidate is produced; the ones that are not words simply never occur in text.
English: "was/were/been/is/are" before a past participle ("was condemned").
"""

from __future__ import annotations

_VOWELS = "aeiou"


def indonesian_roots(verb: str) -> list[str]:
    """Candidate roots of a meN- verb ("menyerang" → ["serang"]); empty when `verb` has no meN- prefix."""
    if verb.startswith("meng"):
        rest = verb[4:]
        return [rest, "k" + rest] if rest[:1] in _VOWELS else [rest]
    if verb.startswith("meny"):
        return ["s" + verb[4:]]
    if verb.startswith("mem"):
        rest = verb[3:]
        # mem- + vowel: a dropped p (memuji → puji) or a root in m (meminta → minta); never a vowel root.
        return ["p" + rest, "m" + rest] if rest[:1] in _VOWELS else [rest]
    if verb.startswith("men"):
        rest = verb[3:]
        return ["t" + rest, "n" + rest] if rest[:1] in _VOWELS else [rest]
    if verb.startswith("me") and verb[2:3] in ("l", "r", "m", "n", "w", "y"):
        return [verb[2:]]
    return []


def indonesian_passives(trigger: str) -> list[str]:
    """di- forms of a trigger whose first word is a meN- verb; the rest of the phrase is kept."""
    first, _, rest = trigger.partition(" ")
    forms = []
    for root in indonesian_roots(first):
        # The object noun of a phrase ("mengirim bantuan") moves before the passive verb ("bantuan dikirim").
        forms.append(f"{rest} di{root}" if rest else f"di{root}")
        if rest:
            forms.append(f"di{root} {rest}")
    return list(dict.fromkeys(forms))


def english_passives(trigger: str) -> list[str]:
    first, _, rest = trigger.partition(" ")
    if not first.endswith("ed") or rest:
        return []
    return [f"{aux} {first}" for aux in ("was", "were", "been", "is", "are", "being")]


def passives(lang: str, trigger: str) -> list[str]:
    if trigger.startswith("re:"):
        return []
    return indonesian_passives(trigger) if lang == "id" else english_passives(trigger)
