"""Pattern-based event coding: verb and noun triggers from `verbs.yaml`, arguments from the actors around them.

For each sentence: actor groups (coordinated mentions: "Rusia dan China") are found from the mentions; each
trigger takes its source from the subject before it (or the agent after it for passives, the genitive after a
noun: "sanksi AS terhadap Iran"), its target from the first group after it, and modality and negation from the
words before it. The speaker of reported speech stands in for a missing or first-person subject. Every event
carries the id of the pattern that made it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from relasi.actors.resolve import article_day
from relasi.events.cameo import Codebook, plover_for
from relasi.events.dates import resolve_date
from relasi.model import Actor, Article, Event, Mention
from relasi.packs import LanguagePack

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
NOT_STATE_LEVEL = frozenset({"MED", "BUS", "CVL"})


@dataclass
class Group:
    """Coordinated actors standing together in a sentence."""

    start: int
    end: int
    actors: list[Actor]
    mentions: list[Mention]
    place: bool = False              # after a locative preposition: where, not who


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    pattern: dict
    reach: int = 0                   # end of the whole matched expression; a regex may span the target


def _head(match: re.Match[str], offset: int, pattern: dict) -> Trigger:
    """A regex trigger counts as its first word, so the actors inside the matched expression stay arguments."""
    text = match.group()
    first = re.match(r"\S+", text)
    end = match.start() + (first.end() if first else len(text))
    return Trigger(offset + match.start(), offset + end, pattern, offset + match.end())


@dataclass
class _Compiled:
    regex: re.Pattern[str]
    by_text: dict[str, list[dict]]
    regex_patterns: list[tuple[re.Pattern[str], dict]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _codebook() -> Codebook:
    return Codebook.load()


def _compile(pack: LanguagePack) -> _Compiled:
    cached = getattr(pack, "_compiled_triggers", None)
    if cached is not None:
        return cached
    by_text: dict[str, list[dict]] = {}
    regex_patterns: list[tuple[re.Pattern[str], dict]] = []
    for pattern in pack.verbs:
        for trigger in pattern.get("triggers", ()):
            trigger = str(trigger)
            if trigger.startswith("re:"):
                regex_patterns.append((re.compile(rf"(?<!\w)(?:{trigger[3:]})(?!\w)", re.IGNORECASE), pattern))
            else:
                by_text.setdefault(trigger.lower(), []).append(pattern)
    words = sorted(by_text, key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words) or r"(?!x)x"
    compiled = _Compiled(re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE), by_text, regex_patterns)
    pack._compiled_triggers = compiled  # type: ignore[attr-defined]
    return compiled


def code_events(article: Article, pack: LanguagePack) -> Article:
    """Fill `article.events` from its sentences and mentions."""
    compiled = _compile(pack)
    codebook = _codebook()
    published = article_day(article)
    heads = [m for m in article.mentions if not m.part]
    events: list[Event] = []
    seen: dict[tuple, int] = {}
    previous_subject: list[Actor] = []
    for start, end in article.sentences:
        sentence = article.body[start:end]
        triggers = _triggers(sentence, start, compiled)
        if not triggers:
            subject = _first_subject(article.body, heads, start, end, pack)
            previous_subject = subject or previous_subject
            continue
        groups = _groups(article.body, [m for m in heads if start <= m.span[0] and m.span[1] <= end], pack)
        speaker = _speaker(article.body, sentence, start, groups, pack)
        for event in _sentence_events(article, sentence, start, end, triggers, groups, speaker, previous_subject,
                                      pack, codebook, published):
            key = _dedup_key(event)
            if key in seen:
                continue
            seen[key] = len(events)
            events.append(event)
        actors_first = [g for g in groups if not g.place]
        if actors_first:
            previous_subject = actors_first[0].actors
    return article.with_(events=tuple(events))


def _dedup_key(event: Event) -> tuple:
    dyad = (event.source.code, event.target.code)
    if event.plover in SYMMETRIC:
        dyad = tuple(sorted(dyad))
    return (*dyad, event.plover or event.cameo, event.modality, event.negated)


def _triggers(sentence: str, offset: int, compiled: _Compiled) -> list[Trigger]:
    found: list[Trigger] = []
    lowered = sentence.lower()
    for match in compiled.regex.finditer(sentence):
        for pattern in compiled.by_text[match.group().lower()]:
            if _conditions_hold(pattern, lowered):
                found.append(Trigger(offset + match.start(), offset + match.end(), pattern, offset + match.end()))
                break
    for regex, pattern in compiled.regex_patterns:
        for match in regex.finditer(sentence):
            if _conditions_hold(pattern, lowered):
                found.append(_head(match, offset, pattern))
    found.sort(key=lambda t: (t.start, -(t.reach - t.start)))
    chosen: list[Trigger] = []
    for trigger in found:
        if chosen and trigger.start < chosen[-1].reach:
            continue
        chosen.append(trigger)
    return chosen


def _conditions_hold(pattern: dict, lowered_sentence: str) -> bool:
    needed = pattern.get("with")
    if needed and not any(re.search(rf"(?<!\w){re.escape(str(w).lower())}", lowered_sentence) for w in needed):
        return False
    banned = pattern.get("unless")
    return not (banned and any(re.search(rf"(?<!\w){re.escape(str(w).lower())}(?!\w)", lowered_sentence)
                               for w in banned))


def _groups(text: str, mentions: list[Mention], pack: LanguagePack) -> list[Group]:
    """Coordinated mentions as groups; mentions sharing one span ("kedua pemimpin") are one group already."""
    coordinators = pack.words("coordinators")
    joiner = re.compile(
        r"\s*(?:,\s*)?(?:(?:" + "|".join(re.escape(w) for w in coordinators) + r")\s+)?" if coordinators else r"\s*")
    locatives = pack.words("locative")
    groups: list[Group] = []
    for mention in sorted(mentions, key=lambda m: m.span):
        span = mention.span
        if groups:
            last = groups[-1]
            if span[0] < last.end or (span[0] == last.start):
                if mention.actor not in last.actors:
                    last.actors.append(mention.actor)
                    last.mentions.append(mention)
                last.end = max(last.end, span[1])
                continue
            gap = text[last.end:span[0]]
            if gap and joiner.fullmatch(gap) and not last.place and not _after_locative(text, span[0], locatives):
                last.actors.append(mention.actor)
                last.mentions.append(mention)
                last.end = span[1]
                continue
        groups.append(Group(span[0], span[1], [mention.actor], [mention],
                            place=_after_locative(text, span[0], locatives)))
    return groups


def _after_locative(text: str, start: int, locatives: tuple[str, ...]) -> bool:
    before = text[max(0, start - 40):start].lower()
    words = re.findall(r"[\w-]+", before)
    return bool(words) and words[-1] in locatives and before.rstrip() == before[:len(before.rstrip())]


def _speaker(text: str, sentence: str, offset: int, groups: list[Group], pack: LanguagePack) -> list[Actor]:
    """Who says the sentence: "…," kata Lavrov / Lavrov mengatakan / menurut Kemlu / Lavrov said."""
    lowered = sentence.lower()
    for word in pack.words("speech_after"):
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", lowered):
            after = [g for g in groups if g.start >= offset + match.end() and not g.place]
            if after and after[0].start - (offset + match.end()) <= 40:
                return after[0].actors
    for word in pack.words("speech_before"):
        for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", lowered):
            before = [g for g in groups if g.end <= offset + match.start() and not g.place]
            if before:
                return before[-1].actors
    return []


def _first_subject(text, heads, start, end, pack) -> list[Actor]:
    inside = [m for m in heads if start <= m.span[0] and m.span[1] <= end]
    groups = [g for g in _groups(text, inside, pack) if not g.place]
    return groups[0].actors if groups else []


def _sentence_events(article, sentence, start, end, triggers, groups, speaker, previous_subject, pack,
                     codebook, published) -> list[Event]:
    text = article.body
    events: list[Event] = []
    subjects: dict[int, list[Actor]] = {}
    pronouns = pack.words("pronouns")
    first_person = pack.words("first_person")
    last: tuple[list[Actor], list[Actor]] | None = None
    for index, trigger in enumerate(triggers):
        pattern = trigger.pattern
        next_start = triggers[index + 1].start if index + 1 < len(triggers) else end
        sources, targets, how = _arguments(text, trigger, groups, next_start, end, start, pack)
        if last is not None and sources and sources is last[1] and pattern.get("voice") != "passive":
            sources = last[0]  # "Rusia mengecam AS dan mendesak Ukraina": AS is the object, not the next subject
        if not sources:
            chained = _chained_subject(trigger, triggers[:index], subjects, groups)
            if chained:
                sources, how = chained, "chain"
        if not sources or _only_first_person(text, trigger, start, first_person):
            before = text[start:trigger.start].lower()
            if speaker:
                sources, how = speaker, "speaker"
            elif previous_subject and any(re.search(rf"(?<!\w){p}(?!\w)", before) for p in pronouns):
                sources, how = previous_subject, "pronoun"
        subjects[index] = sources
        if sources and targets:
            last = (sources, targets)
        if pattern.get("voice") == "passive":
            sources, targets = targets, sources
        dyads = _dyads(sources, targets, pattern)
        if not dyads:
            continue
        modality, negated = _modality(text, start, trigger, groups, pack)
        cameo = str(pattern["cameo"])
        info = codebook.get(cameo) if cameo in codebook else None
        day, precision = resolve_date(sentence, published, pack)
        location = _location(groups)
        for source, target in dyads:
            events.append(Event(
                source=source, target=target, cameo=cameo, plover=plover_for(cameo),
                goldstein=info.goldstein if info else None, quad_class=info.quad_class if info else None,
                date=day, date_precision=precision, location=location, modality=modality, negated=negated,
                sentence=sentence, start=start, end=end, pattern=pattern["id"],
                confidence=0.9 if how == "direct" else 0.7,
            ))
    return events


def _arguments(text, trigger, groups, next_start, sentence_end, sentence_start, pack):
    """(sources, targets, how) for one trigger from the groups around it."""
    pattern = trigger.pattern
    actors_before = [g for g in groups if g.end <= trigger.start and not g.place and g.start >= sentence_start]
    after = [g for g in groups if g.start >= trigger.end and not g.place]
    within = [g for g in after if g.start < next_start] or (after[:1] if not pattern.get("local") else [])
    agent_words = pack.words("agent_markers")
    if pattern.get("form") == "noun":
        between = within[0] if within and len(within[0].actors) > 1 and any(
            re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text[trigger.end:within[0].start].lower())
            for w in pack.words("between")) else None
        if between is not None and plover_for(str(pattern["cameo"])) in SYMMETRIC:
            return between.actors, [], "direct"
        genitive = within[0] if within and within[0].start - trigger.end <= 12 and not _prep_between(
            text, trigger.end, within[0].start, pack) else None
        if genitive is not None and len(genitive.actors) > 1 and plover_for(str(pattern["cameo"])) in SYMMETRIC:
            return genitive.actors, [], "direct"
        if genitive is not None:
            rest = [g for g in within if g is not genitive]
            return genitive.actors, rest[0].actors if rest else [], "direct"
        subject = actors_before[-1].actors if actors_before else []
        return subject, within[0].actors if within else [], "direct"
    if pattern.get("voice") == "passive":
        # The agent (after "oleh"/"by", or right after an Indonesian di- verb) is the source; swapped by the caller.
        agent = None
        for group in within:
            gap = text[trigger.end:group.start].lower()
            if any(re.search(rf"(?<!\w){w}(?!\w)", gap) for w in agent_words) or group.start - trigger.end <= 2:
                agent = group
                break
        subject = actors_before[-1].actors if actors_before else []
        return subject, agent.actors if agent else [], "direct"
    subject = actors_before[-1].actors if actors_before else []
    return subject, within[0].actors if within else [], "direct"


def _prep_between(text: str, start: int, end: int, pack: LanguagePack) -> bool:
    gap = text[start:end].lower()
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", gap) for w in pack.words("target_preps"))


def _chained_subject(trigger, earlier, subjects, groups) -> list[Actor]:
    """"Rusia mengecam AS dan mendesak Ukraina": the second verb shares the first one's subject."""
    for index in range(len(earlier) - 1, -1, -1):
        if subjects.get(index):
            return subjects[index]
    return []


def _only_first_person(text, trigger, sentence_start, first_person) -> bool:
    before = text[sentence_start:trigger.start].lower()
    words = re.findall(r"\w+", before)
    return bool(words) and any(w in first_person for w in words[-4:])


def _dyads(sources: list[Actor], targets: list[Actor], pattern: dict) -> list[tuple[Actor, Actor]]:
    symmetric = plover_for(str(pattern["cameo"])) in SYMMETRIC
    pairs: list[tuple[Actor, Actor]] = []
    if targets:
        pairs = [(s, t) for s in sources for t in targets]
    elif symmetric and len(sources) > 1:
        pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1:]]
    seen: set[tuple[str, str]] = set()
    result = []
    for source, target in pairs:
        if source.code == target.code or not source.code or not target.code:
            continue
        if not (_state_level(source) and _state_level(target)):
            continue
        key = (source.code, target.code)
        if key not in seen:
            seen.add(key)
            result.append((source, target))
    return result


def _state_level(actor: Actor) -> bool:
    if actor.sector in NOT_STATE_LEVEL:
        return False
    return not (actor.kind == "CITY" and actor.sector is None)


def _modality(text, sentence_start, trigger, groups, pack) -> tuple[str, bool]:
    window_start = max([g.end for g in groups if g.end <= trigger.start] + [sentence_start])
    window = text[window_start:trigger.end].lower()
    whole_before = text[sentence_start:trigger.start].lower()

    def has(words, where):
        return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", where) for w in words)

    negated = has(pack.words("negators"), window)
    if has(pack.words("denial"), window):
        return "denied", negated
    if has(pack.words("hypothetical"), whole_before):
        return "hypothetical", negated
    if has(pack.words("intent"), window) or trigger.pattern.get("modality") == "intended":
        return "intended", negated
    return "asserted", negated


def _location(groups: list[Group]) -> str | None:
    for group in groups:
        if group.place and group.mentions:
            mention = group.mentions[0]
            return mention.actor.name
    return None


def day_or_none(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
