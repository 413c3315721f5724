"""Pattern-based event coding: verb and noun triggers from `verbs.yaml`, arguments from the actors around them.

For each sentence: actor groups (coordinated mentions: "Rusia dan China") are found from the mentions; each
trigger takes its source from the subject before it (the agent after it for passives, the genitive right after a
noun: "sanksi AS terhadap Iran"), its target from the first group after it, and modality and negation from the
words before it. The speaker of reported speech stands in for a missing or first-person subject. An actor's own
commitment ("berjanji", "akan", "pledged") turns a cooperative act into AGREE 03x and a hostile one into THREATEN
13x, while a plan reported by the writer ("dijadwalkan", "is expected to") keeps the act, marked intended.
Every event carries the id of the pattern that made it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from operator import itemgetter

from relasi.actors.resolve import article_day
from relasi.events.cameo import Codebook, plover_for
from relasi.events.dates import latest_stated_date, resolve_date
from relasi.events.scan import TriggerScanner, start_words, word_regex
from relasi.model import Actor, Article, Event, Mention
from relasi.packs import LanguagePack

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
NOT_STATE_LEVEL = frozenset({"MED", "BUS", "CVL"})
# A commitment to do X is coded as intent (CAMEO 03x) or threat (13x): the CAMEO root of X → the code.
PROMISE_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "03": "030", "02": "030"}
THREAT_CODES = {"15": "138", "16": "1312", "17": "137", "18": "138", "19": "138", "20": "138", "14": "133",
                "12": "130", "11": "130", "13": "130"}
# How sure an event is, by how its arguments were found.
CONFIDENCE = {"direct": 0.9, "chain": 0.8, "speaker": 0.8, "pronoun": 0.6, "counterpart": 0.5}
# Statements whose target may be left implicit, as the other side of the article.
CONTENT_TYPES = frozenset({"THREATEN", "REQUEST", "REJECT"})   # their next act is what they are about
STATEMENT_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "PROTEST"})
IMPLIED_TARGET_TYPES = frozenset({"ACCUSE", "THREATEN", "REJECT", "AGREE", "SUPPORT"})
# Conflict acts whose target may be a place ("serangan udara di dekat Damaskus": Syria is hit).
PLACE_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "AID"})
# Compiled once: these run for every mention, trigger or sentence.
_NON_SPACE = re.compile(r"\S+")
_PUNCTUATION = re.compile(r"[.,;:!?()\"“”\n]")
_PLACE_WORD = re.compile(r"[\w-]+")
_OBJECT_WORD = re.compile(r"[\w'’-]+")
_CLAUSE_OPENS = re.compile(r"[,:;\"“”(]\s*$")
_POSSESSIVE_GAP = re.compile(r"\s*['’]s?(?:\s+[a-z-]+){0,2}\s+")
_WORD = re.compile(r"\w+")


@dataclass
class Group:
    """Coordinated actors standing together in a sentence."""

    start: int
    end: int
    actors: list[Actor]
    mentions: list[Mention]
    place: bool = False              # after a locative preposition, or a summit's name: where, not who
    comma_tail: int = 0              # members joined by a bare comma at the end, no "dan" after them yet


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    pattern: dict
    reach: int = 0                   # end of the whole matched expression; a regex may span the target


@dataclass
class _Compiled:
    automaton: object                # Aho-Corasick over the literal triggers (lower case)
    by_text: dict[str, list[dict]]
    clitics: tuple[str, ...]
    regex_patterns: list[tuple[re.Pattern[str], dict, tuple[str, ...]]] = field(default_factory=list)
    words: dict[str, re.Pattern[str]] = field(default_factory=dict)
    scanner: TriggerScanner | None = None   # runs regex_patterns over a body (scan.py: why and how)
    speech_both: frozenset[str] = frozenset()  # speech verbs that may follow or precede the speaker ("said")
    pronoun_speech: re.Pattern[str] = re.compile(r"(?!x)x")   # "Ia menegaskan", "She stressed"
    aside: re.Pattern[str] = re.compile(r"(?!x)x")            # ", seperti " right before a group
    addressee_openings: frozenset[str] = frozenset()          # "kepada", "di hadapan": "Kepada Zelensky, …"


@lru_cache(maxsize=1)
def _codebook() -> Codebook:
    return Codebook.load()


def _word_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    # `(?<!\w)(?:w1|w2|…)(?!\w)`, case-insensitive, longest first; written to be searched fast (scan.py)
    return word_regex(words)


def _compile(pack: LanguagePack) -> _Compiled:
    cached = getattr(pack, "_compiled_triggers", None)
    if cached is not None:
        return cached
    import ahocorasick

    by_text: dict[str, list[dict]] = {}
    regex_patterns: list[tuple[re.Pattern[str], dict, tuple[str, ...]]] = []
    starts: list[tuple[str, ...] | None] = []
    for pattern in pack.verbs:
        for trigger in pattern.get("triggers", ()):
            trigger = str(trigger)
            if trigger.startswith("re:"):
                regex = re.compile(rf"(?<!\w)(?:{trigger[3:]})(?!\w)", re.IGNORECASE)
                regex_patterns.append((regex, pattern, _anchors(trigger[3:])))
                starts.append(start_words(trigger[3:]))
            else:
                by_text.setdefault(trigger.lower(), []).append(pattern)
    automaton = ahocorasick.Automaton()
    for key in by_text:
        automaton.add_word(key, key)
    if by_text:
        automaton.make_automaton()
    word_lists = ("negators", "denial", "hypothetical", "intent", "plan", "commitment", "agent_markers",
                  "target_preps", "between", "background", "venue_nouns", "pronouns", "first_person",
                  "speech_after", "speech_before", "clause_breaks", "demonstratives", "pronoun_objects",
                  "not_arguments", "subordinators", "complementizers", "speech_pronouns",
                  "purpose")
    compiled = _Compiled(automaton, by_text, pack.words("clitics"), regex_patterns,
                         {name: _word_regex(pack.words(name)) for name in word_lists},
                         TriggerScanner([(r, a, s) for (r, _, a), s in zip(regex_patterns, starts, strict=True)]))
    compiled.speech_both = frozenset(pack.words("speech_after")) & frozenset(pack.words("speech_before"))
    if pack.words("comparisons"):
        compiled.aside = re.compile(rf",\s*(?:{'|'.join(map(re.escape, pack.words('comparisons')))})\s+$",
                                    re.IGNORECASE)
    compiled.addressee_openings = frozenset(w.lower() for w in pack.words("addressee_openings"))
    pronouns, verbs = pack.words("pronouns"), pack.words("speech_before")
    if pronouns and verbs:
        compiled.pronoun_speech = re.compile(
            rf"(?<!\w)(?:{'|'.join(map(re.escape, pronouns))})\s+(?:{'|'.join(map(re.escape, verbs))})(?!\w)",
            re.IGNORECASE)
    pack._compiled_triggers = compiled  # type: ignore[attr-defined]
    return compiled


def code_events(article: Article, pack: LanguagePack) -> Article:
    """Fill `article.events` from its sentences and mentions."""
    compiled = _compile(pack)
    codebook = _codebook()
    # An undated page is read against the latest full date it states ("Jumat (21/1/2022)"): relative dates
    # and history still resolve, while events the sentence does not date stay undated.
    published = article_day(article) or latest_stated_date(article.body, pack)
    dated = article_day(article) is not None
    heads = sorted((m for m in article.mentions if not m.part), key=lambda m: m.span)
    candidates = _candidate_triggers(article.body, compiled)
    counterparts = _main_actors(heads)
    events: list[Event] = []
    seen: set[tuple] = set()
    # Most sentences have no trigger: their groups and speaker are worked out only when a later sentence asks
    # for them (the subject or the speaker of the sentence before).
    story = _Story(article.body, article.sentences, heads, pack, compiled)
    for index, (start, end) in enumerate(article.sentences):
        triggers = _triggers(article.body, start, end, candidates)
        if not triggers:
            continue
        context = _Context(article.body, start, end, story.groups(index), story.speaker(index),
                           story.subject_before(index), pack, compiled, counterparts)
        for event in _sentence_events(context, triggers, codebook, published, dated):
            key = _dedup_key(event)
            if key not in seen:
                seen.add(key)
                events.append(event)
    return article.with_(events=tuple(events))


class _Story:
    """Per-sentence groups and speakers of one article, computed on demand and kept."""

    def __init__(self, text: str, sentences, heads: list[Mention], pack: LanguagePack, compiled: _Compiled) -> None:
        self.text, self.sentences, self.pack, self.compiled = text, sentences, pack, compiled
        self.inside: list[list[Mention]] = []
        cursor = 0
        for start, end in sentences:
            while cursor < len(heads) and heads[cursor].span[0] < start:
                cursor += 1
            inside = []
            for mention in heads[cursor:]:
                if mention.span[0] >= end:
                    break
                if mention.span[1] <= end:
                    inside.append(mention)
            self.inside.append(inside)
        self._groups: dict[int, list[Group]] = {}
        self._speakers: dict[int, list[Actor]] = {}

    def groups(self, index: int) -> list[Group]:
        if index not in self._groups:
            self._groups[index] = _groups(self.text, self.inside[index], self.pack) if self.inside[index] else []
        return self._groups[index]

    def subject_before(self, index: int) -> list[Actor]:
        """The first actor group of the last sentence before `index` that has one."""
        for earlier in range(index - 1, -1, -1):
            if self.inside[earlier]:
                first = next((g for g in self.groups(earlier) if not g.place), None)
                if first is not None:
                    return first.actors
        return []

    def speaker(self, index: int) -> list[Actor]:
        """Who says sentence `index`; "…," katanya / "Ia menegaskan" / he said: who spoke the sentence before."""
        chain = []
        while index >= 0 and index not in self._speakers:
            start, end = self.sentences[index]
            groups = self.groups(index)
            found = _speaker(self.text, start, end, groups, self.compiled, self.pack) if groups else []
            if found or not (self.compiled.words["speech_pronouns"].search(self.text, start, end)
                             or self.compiled.pronoun_speech.search(self.text, start, end)):
                self._speakers[index] = found
                break
            chain.append(index)      # said by a pronoun: the speaker of the sentence before
            index -= 1
        known = self._speakers.get(index, []) if index >= 0 else []
        for pending in chain:
            self._speakers[pending] = known
        return self._speakers[chain[0]] if chain else known


def _main_actors(heads: list[Mention]) -> list[Actor]:
    """The two codes an article is about, when two stand out (each named at least three times): the implied
    other side of statements whose sentence names no target."""
    from collections import Counter

    counts = Counter(m.actor.code for m in heads if m.actor.code and _state_level(m.actor))
    top = counts.most_common(3)
    if len(top) < 2 or top[1][1] < 3 or (len(top) == 3 and top[2][1] * 2 > top[1][1]):
        return []
    first_actor = {}
    for mention in heads:
        first_actor.setdefault(mention.actor.code, mention.actor)
    return [_as_state(first_actor[code]) for code, _ in top[:2]]


def _as_state(actor: Actor) -> Actor:
    return Actor(actor.code, "IGO" if actor.kind == "IGO" else "STATE", actor.code, actor.country, None, None)


def _dedup_key(event: Event) -> tuple:
    """Events with equal keys are one real-world event told again. A statement is a speech act of its speaker:
    the president's and the foreign minister's criticism of the same sanctions are two events."""
    dyad = (event.source.code, event.target.code)
    if event.plover in SYMMETRIC:
        dyad = tuple(sorted(dyad))
    speaker = event.source.name if event.plover in STATEMENT_TYPES and event.source.kind == "PERSON" else None
    # criticism (111) and an accusation (112) of the same side are two statements
    act = event.cameo if event.plover in STATEMENT_TYPES else None
    return (*dyad, event.plover or event.cameo, event.modality, event.negated, speaker, act)


def _candidate_triggers(text: str, compiled: _Compiled) -> list[tuple[int, int, list[dict], bool]]:
    """Every trigger occurrence in the body, found once: (start, end, patterns, from_regex)."""
    from relasi.actors.gazetteer import fold

    folded = fold(text)
    found: list[tuple[int, int, list[dict], bool]] = []
    if compiled.by_text:
        for last, key in compiled.automaton.iter(folded):
            start, end = last - len(key) + 1, last + 1
            if start > 0 and _word_char(folded[start - 1]):
                continue
            end = _after_clitic(folded, end, compiled.clitics)
            if end is not None:
                found.append((start, end, compiled.by_text[key], False))
    # an expression runs only if one of its leading words (anchors) occurs in the body
    for (_, pattern, _), matches in zip(compiled.regex_patterns, compiled.scanner.matches(text, folded), strict=True):
        found.extend((m.start(), m.end(), [pattern], True) for m in matches)
    found.sort(key=lambda item: item[0])
    return found


def _anchors(source: str) -> tuple[str, ...]:
    """Literal words one of which any match of a trigger expression must start with; () when unknown."""
    if source.startswith("(?:"):
        depth, end = 0, -1
        for index, char in enumerate(source):
            depth += char == "("
            depth -= char == ")"
            if depth == 0:
                end = index
                break
        options = source[3:end].split("|")
        return tuple(options) if all(re.fullmatch(r"[a-z' -]+", o) for o in options) else ()
    literal = re.match(r"[a-z' -]+", source)
    return (literal.group().strip(),) if literal and literal.group().strip() else ()


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _after_clitic(folded: str, end: int, clitics: tuple[str, ...]) -> int | None:
    if end >= len(folded) or not _word_char(folded[end]):
        return end
    for clitic in clitics:
        stop = end + len(clitic)
        if folded.startswith(clitic, end) and (stop >= len(folded) or not _word_char(folded[stop])):
            return stop
    return None


def _triggers(text: str, start: int, end: int, candidates) -> list[Trigger]:
    found: list[Trigger] = []
    lowered = None
    # candidates are sorted by start (_candidate_triggers): only those from `start` to `end` can lie inside
    for index in range(bisect_left(candidates, start, key=itemgetter(0)), len(candidates)):
        first, last, patterns, from_regex = candidates[index]
        if first >= end:
            break
        if last > end:
            continue
        lowered = lowered if lowered is not None else text[start:end].lower()
        pattern = next((p for p in patterns if _conditions_hold(p, lowered)), None)
        if pattern is None:
            continue
        if from_regex:
            head = _NON_SPACE.match(text[first:last])
            found.append(Trigger(first, first + (head.end() if head else last - first), pattern, last))
        else:
            found.append(Trigger(first, last, pattern, last))
    found.sort(key=lambda t: (t.start, -(t.reach - t.start)))
    chosen: list[Trigger] = []
    for trigger in found:
        if chosen and trigger.start < chosen[-1].reach:
            continue
        chosen.append(trigger)
    return chosen


def _conditions_hold(pattern: dict, lowered_sentence: str) -> bool:
    """`with`: a word that must also be in the sentence (a prefix will do); `unless`: words that veto it."""
    needed, banned = pattern.get("_with_regex"), pattern.get("_unless_regex")
    if needed is None and "with" in pattern:
        words = "|".join(re.escape(str(w).lower()) for w in pattern["with"])
        needed = pattern["_with_regex"] = re.compile(rf"(?<!\w)(?:{words})")
    if banned is None and "unless" in pattern:
        words = "|".join(re.escape(str(w).lower()) for w in pattern["unless"])
        banned = pattern["_unless_regex"] = re.compile(rf"(?<!\w)(?:{words})(?!\w)")
    if needed is not None and not needed.search(lowered_sentence):
        return False
    return not (banned is not None and banned.search(lowered_sentence))


def _joiner(pack: LanguagePack) -> re.Pattern[str]:
    cached = pack.__dict__.get("_joiner")
    if cached is None:
        coordinators = [re.escape(w) for w in pack.words("coordinators")]
        determiners = [re.escape(w) for w in pack.words("determiners")]
        determiner = rf"(?:(?:{'|'.join(determiners)})\s+)?" if determiners else ""
        # "Amerika Serikat (AS)": an abbreviation in brackets is the same group.
        # "Tentara Nasional Indonesia (TNI) dan militer AS": a closing bracket may precede the coordinator.
        cached = re.compile(rf"\s*\(\s*|\s*\)?\s*(?:,\s*)?(?:(?:{'|'.join(coordinators)})\s+)?{determiner}"
                            if coordinators else r"\s*\(?\s*", re.IGNORECASE)
        pack.__dict__["_joiner"] = cached
    return cached


def _groups(text: str, mentions: list[Mention], pack: LanguagePack) -> list[Group]:
    """Coordinated mentions as groups; mentions sharing one span ("kedua pemimpin") are one group already."""
    joiner = _joiner(pack)
    locatives, place_nouns, venues = pack.words("locative"), pack.words("place_nouns"), pack.words("venue_nouns")
    of_words = pack.words("of_words")
    groups: list[Group] = []
    for mention in sorted(mentions, key=lambda m: m.span):
        span = mention.span
        place = _is_place(text, span[0], mention.actor, locatives, place_nouns, venues)
        if groups:
            last = groups[-1]
            if span[0] < last.end or span[0] == last.start:
                if mention.actor not in last.actors:
                    last.actors.append(mention.actor)
                    last.mentions.append(mention)
                last.end = max(last.end, span[1])
                continue
            gap = text[last.end:span[0]]
            if gap.strip().lower() in of_words and mention.actor.code == last.actors[-1].code:
                # "Sugiono of Indonesia": the country of the person just named, not another party
                last.mentions.append(mention)
                last.end = span[1]
                last.comma_tail += 1 if last.comma_tail else 0    # it goes with the member it follows
                continue
            if gap and joiner.fullmatch(gap) and (last.place or not place):
                # "di dekat Damaskus dan Homs": a place coordinated with a place is a place.
                last.actors.append(mention.actor)
                last.mentions.append(mention)
                last.end = span[1]
                last.comma_tail = last.comma_tail + 1 if gap.strip() == "," else 0
                continue
        groups.append(Group(span[0], span[1], [mention.actor], [mention], place=place))
    return [part for group in groups for part in _unlisted(group)]


def _unlisted(group: Group) -> list[Group]:
    """A list is closed by "dan"/"and" ("Rusia, China dan Iran"); members after the last one joined by bare
    commas stand alone ("Merespons serangan Israel, Rusia menyebutnya …")."""
    if not group.comma_tail:
        return [group]
    keep = len(group.mentions) - group.comma_tail
    head = Group(group.start, group.mentions[keep - 1].span[1], [], [], place=group.place)
    for mention in group.mentions[:keep]:
        if mention.actor not in head.actors:
            head.actors.append(mention.actor)
        head.mentions.append(mention)
    rest = [Group(m.span[0], m.span[1], [m.actor], [m], place=group.place) for m in group.mentions[keep:]]
    return [head, *rest]


def _is_place(text: str, start: int, actor: Actor, locatives, place_nouns, venues) -> bool:
    """"di Jenewa", "di dekat perbatasan Ukraina", "KTT G20": a place or a venue, not an actor."""
    before = _PUNCTUATION.split(text[max(0, start - 60):start])[-1]
    words = _PLACE_WORD.findall(before.lower())[-5:]
    if actor.kind == "IGO":
        first_word = _PLACE_WORD.match(text[start:start + 20].lower())
        if (words and words[-1] in venues) or (first_word and first_word.group() in venues):
            return True
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word in locatives:
            return True
        if word not in place_nouns:
            return False
    return False


_AFTER_QUOTE = re.compile(r"[,\"“”'‘’)\u2013\u2014-]\s*$")


def _speaker(text: str, start: int, end: int, groups: list[Group], compiled: _Compiled,
             pack: LanguagePack | None = None) -> list[Actor]:
    """Who says the sentence: "…," kata Lavrov / Lavrov mengatakan / menurut Kemlu / Lavrov said."""
    for match in compiled.words["speech_after"].finditer(text, start, end):
        right_before = [g for g in groups if g.end <= match.start() and not g.place
                        and not text[g.end:match.start()].strip()]
        if right_before and match.group().lower() in compiled.speech_both:
            return right_before[-1].actors      # "Iran's foreign minister said the EU …": said after its subject
        if text[start:match.start()].strip() and not _AFTER_QUOTE.search(text, start, match.start()):
            continue    # "ekspresi paling jelas dari …": "jelas" speaks only after a quote or a comma
        after = [g for g in groups if g.start >= match.end() and not g.place]
        if after and after[0].start - match.end() <= 40:
            return after[0].actors
    for match in compiled.words["speech_before"].finditer(text, start, end):
        before = [g for g in groups if g.end <= match.start() and not g.place]
        # "Biden … memperkirakan Rusia akan masuk ke Ukraina dan mengatakan …": the speaker is the subject,
        # not an object named in between
        subjects = [g for g in before if not _object_like_at(text, start, g, pack)] if pack else before
        if subjects or before:
            return (subjects or before)[-1].actors
    return []


@dataclass
class _Context:
    text: str
    start: int
    end: int
    groups: list[Group]
    speaker: list[Actor]
    previous_subject: list[Actor]
    pack: LanguagePack
    compiled: _Compiled
    counterparts: list[Actor] = field(default_factory=list)

    def has(self, name: str, begin: int, finish: int) -> bool:
        return self.compiled.words[name].search(self.text, begin, finish) is not None

    @cached_property
    def parties(self) -> tuple[list[Group], Group | None]:
        """The sentence's groups that can be arguments (no places, makers, informants or asides), without the
        fronted addressee, and that addressee ("Kepada Zelensky, …"): the same for every trigger."""
        actors = [g for g in self.groups if not g.place and not _modifier(self, g)]
        addressee = _fronted_addressee(self, actors)
        return [g for g in actors if g is not addressee], addressee


def _sentence_events(ctx: _Context, triggers: list[Trigger], codebook: Codebook, published: date | None,
                     dated: bool = True) -> list[Event]:
    events: list[Event] = []
    subjects: list[list[Actor]] = []
    last: tuple[list[Actor], list[Actor]] | None = None
    coded: list[Trigger] = []
    coded_modality: list[str] = []
    sentence = ctx.text[ctx.start:ctx.end]
    when: tuple[str | None, str] | None = None
    location = _location(ctx.groups)
    for index, trigger in enumerate(triggers):
        pattern = trigger.pattern
        if pattern.get("cameo") is None:
            continue  # "menolak berkomentar": a phrase that contains a trigger and is no event
        if _embedded(ctx, trigger, triggers[:index], coded):
            continue
        if pattern.get("form") == "noun" and ctx.has("background", max(ctx.start, trigger.start - 30), trigger.start):
            continue  # "di tengah sanksi AS terhadap Iran": a background condition, not an event
        if pattern.get("form") == "noun" and ctx.compiled.words["demonstratives"].match(
                ctx.text, trigger.end + 1, trigger.end + 12) and ctx.text[trigger.end:trigger.end + 1] == " ":
            continue  # "dalam pertemuan itu": the meeting already told, not a new one
        next_start = triggers[index + 1].start if index + 1 < len(triggers) else ctx.end
        sources, targets, how = _arguments(ctx, trigger, next_start)
        if pattern.get("source") == "speaker":
            # "'Kamboja melanggar gencatan senjata,' kata militer Thailand": the speaker accuses the doer.
            if not ctx.speaker:
                continue
            # the doer is the nearest other actor before the trigger ("kebijakan AS merupakan serangan"), else
            # the subject or object found; never the speaker's own side ("… serangan terhadap Turki", said by Turkey)
            own = {a.code for a in ctx.speaker}
            others = [g.actors for g in ctx.groups if not g.place and g.end <= trigger.start
                      and all(a.code not in own for a in g.actors)]
            doers = others[-1] if others else [a for a in sources or targets if a.code not in own]
            sources, targets, how = ctx.speaker, doers, "speaker"
        if pattern.get("describes"):
            targets = _described(ctx, trigger, sources)
        if last is not None and sources and sources is last[1] and pattern.get("voice") != "passive" \
                and pattern.get("form") != "noun":
            sources = last[0]  # "Rusia mengecam AS dan mendesak Ukraina": AS is the object, not the next subject
        if not sources and subjects and subjects[-1]:
            sources, how = subjects[-1], "chain"
        if not sources and plover_for(str(pattern["cameo"])) == "PROTEST":
            sources = _local_crowd(ctx)   # "Mahasiswa menggelar aksi di depan Kedubes AS di Jakarta"
        if (not sources or _only_first_person(ctx, trigger)) and pattern.get("voice") != "passive":
            sources, how = _fallback_subject(ctx, trigger, sources, how)
        subjects.append(sources)
        if sources and targets and how != "speaker":   # a quoted doer is a subject, not an object
            last = (sources, targets)
        if pattern.get("voice") == "passive":
            sources, targets = targets, sources
        cameo = str(pattern["cameo"])
        targets, how = _complete_targets(ctx, trigger, cameo, sources, targets, how)
        if not targets and pattern.get("mutual") and len(sources) > 1:
            # "Thailand dan Kamboja menyepakati gencatan senjata": each side does it toward the other.
            dyads = [(a, b) for a in sources for b in sources if a.code != b.code]
            dyads = [d for d in dyads if _state_level(d[0]) and _state_level(d[1])]
        else:
            dyads = _dyads(sources, targets, cameo)
        if not dyads:
            continue
        when = when or resolve_date(sentence, published, ctx.pack)
        if when[1] == "published" and not dated:
            when = (None, "published")
        day, precision = when
        if precision in ("month", "year") and published and day and int(day[:4]) < published.year \
                and ctx.has("subordinators", ctx.start, trigger.start):
            continue  # "setelah mengirim pasukan ke Krimea pada 2014": history told as background, not news
        modality, negated, cameo = _modality(ctx, trigger, cameo)
        if modality == "asserted" and any(str(t.pattern.get("cameo")) == "016" for t in coded):
            modality = "denied"   # "denied allegations that it had supplied weapons": the supply is denied
        if coded and modality == "asserted" and coded_modality[-1] in ("intended", "hypothetical") \
                and ctx.compiled.words["purpose"].search(ctx.text, coded[-1].end, trigger.start):
            modality = coded_modality[-1]   # "dijadwalkan berkunjung … untuk bertemu Xi": the meeting is planned too
        coded.append(trigger)
        coded_modality.append(modality)
        info = codebook.get(cameo) if cameo in codebook else None
        if plover_for(cameo) in SYMMETRIC:
            # "kedua pemimpin sepakat", "Kamboja dan Thailand berjanji …": one event for the pair, not one each way
            dyads = [d for i, d in enumerate(dyads) if (d[1].code, d[0].code) not in
                     {(a.code, b.code) for a, b in dyads[:i]}]
        for source, target in dyads:
            events.append(Event(
                source=source, target=target, cameo=cameo, plover=plover_for(cameo),
                goldstein=info.goldstein if info else None, quad_class=info.quad_class if info else None,
                date=day, date_precision=precision, location=location, modality=modality, negated=negated,
                sentence=sentence, start=ctx.start, end=ctx.end, pattern=pattern["id"],
                confidence=CONFIDENCE.get(how, 0.7),
            ))
    return events


def _complete_targets(ctx: _Context, trigger: Trigger, cameo: str, sources: list[Actor], targets: list[Actor],
                      how: str) -> tuple[list[Actor], str]:
    """The targets a sentence names, or, failing that, the ones its kind of event implies, tried in order."""
    plover, pattern = plover_for(cameo), trigger.pattern
    noun = pattern.get("form") == "noun"
    own = {a.code for a in sources}
    if plover in PLACE_TARGET_TYPES:
        targets = [_as_country(a) for a in targets]
    if not targets and (plover in PLACE_TARGET_TYPES or plover == "REQUEST" or (cameo == "042" and noun)):
        # a town struck or supplied, "demanded a ceasefire in Sudan", "a visit to Warsaw": the place's state
        targets = _place_target(ctx, trigger)
    if not targets and plover in PLACE_TARGET_TYPES:
        targets = _reporting_victim(ctx, sources)
    if not targets and cameo in ("040", "046") and not noun and len(own) == 1:
        targets = _summit_host(ctx, sources)   # "Lavrov membahas … pada KTT ASEAN": consulting ASEAN
    if targets and {t.code for t in targets} <= own:
        targets = []    # only the actor's own side named after it ("… kepentingannya," kata Anifah): no target yet
    paired = len(own) > 1   # "Putin dan Maduro …", "keduanya …": each other's partner
    if (not targets and sources and not paired and pattern.get("voice") != "passive"
            and not noun                          # "menghadapi ancaman": a threat in general, at no one
            and (ctx.counterparts or ctx.previous_subject) and plover in IMPLIED_TARGET_TYPES):
        # A statement aimed at no one named in its sentence answers the sentence before ("NATO telah menolak
        # tuntutan tersebut": Russia's demands, just told) or, failing that, the article's other side.
        previous = [a for a in ctx.previous_subject if a.code not in own and _state_level(a)]
        others = [a for a in ctx.counterparts if a.code not in own]
        return (previous or others)[:1], "counterpart"
    return targets, how


def _described(ctx: _Context, trigger: Trigger, sources: list[Actor]) -> list[Actor]:
    """What a description is of: the actor between the verb and "sebagai"/"as" ("menyebut AS sebagai …"), else,
    after "menyebutnya"/"calling it", the last other actor named before the verb ("serangan Israel, Rusia
    menyebutnya …"); else no one (the article's other side may be implied)."""
    own = {a.code for a in sources}
    named = [g for g in ctx.groups if not g.place and trigger.end <= g.start < trigger.reach]
    if named:
        return named[0].actors
    if ctx.has("pronoun_objects", trigger.start, trigger.reach):
        before = [g for g in ctx.groups if not g.place and g.end <= trigger.start
                  and all(a.code not in own for a in g.actors)]
        return before[-1].actors if before else []
    return []


def _embedded(ctx: _Context, trigger: Trigger, earlier: list[Trigger], coded: list[Trigger]) -> bool:
    """"mengancam akan mengerahkan pasukan": the deployment is the content of the threat, not a second event.
    When the outer verb made no event ("setuju untuk membebaskan …"), the inner act is coded, as a commitment."""
    if not earlier:
        return False
    previous = earlier[-1]
    if previous.pattern.get("cameo") is None:
        return False
    gap = ctx.text[previous.end:trigger.start]
    if len(earlier) > 1 and previous not in coded and _embedded(ctx, previous, earlier[:-1], coded) \
            and not _coordinated(ctx, gap):
        # "ingin NATO berjanji untuk tidak mengakui Ukraina": what is inside the demand's content is too
        # ("… dan justru menuding India" starts a clause of its own)
        return len(gap.split()) <= 8
    family = plover_for(str(previous.pattern["cameo"]))
    gap = ctx.text[previous.end:trigger.start]
    if len(gap.split()) > 8:
        return False
    if str(previous.pattern["cameo"]) == "016":
        return False  # the denied act is kept, marked denied ("denied accusations that its troops opened fire")
    if family in ("THREATEN", "REQUEST", "REJECT"):
        return True  # what is demanded, threatened or refused has not happened
    return family == "AGREE" and previous in coded


def _coordinated(ctx: _Context, gap: str) -> bool:
    words = {w.lower() for w in re.findall(r"[\w&]+", gap)}
    return bool(words & set(ctx.pack.words("coordinators")))


def _fallback_subject(ctx: _Context, trigger: Trigger, sources: list[Actor], how: str):
    if ctx.speaker:
        return ctx.speaker, "speaker"
    if ctx.previous_subject and ctx.has("pronouns", ctx.start, trigger.start):
        return ctx.previous_subject, "pronoun"
    return sources, how


def _arguments(ctx: _Context, trigger: Trigger, next_start: int):
    """(sources, targets, how) for one trigger from the groups around it (before any passive swap)."""
    pattern = trigger.pattern
    actors, addressee = ctx.parties
    before = [g for g in actors if g.end <= trigger.start]
    if not before and pattern.get("owner_inside"):
        # "U.S. warships were sent …": the trigger starts inside the phrase of the actor that owns the forces
        before = [g for g in actors if g.start < trigger.start < g.end]
    # the object is looked for before the next clause: "… bahwa …", "… setelah China mengerahkan …"; a demand's
    # addressee is the subject of the clause it opens ("demanded that NATO halt …")
    opening = trigger.end
    if plover_for(str(pattern["cameo"])) == "REQUEST":
        complement = ctx.compiled.words["complementizers"].match(ctx.text, trigger.end + 1)
        opening = complement.end() if complement and ctx.text[trigger.end:trigger.end + 1] == " " else opening
    limit = min((m.start() for name in ("clause_breaks", "subordinators")
                 if (m := ctx.compiled.words[name].search(ctx.text, opening, ctx.end))), default=ctx.end)
    after = [g for g in actors if trigger.end <= g.start < limit]
    within = [g for g in after if g.start < next_start] or after[:1]
    if plover_for(str(pattern["cameo"])) in CONTENT_TYPES:
        # "Ancaman Trump untuk mengenakan tarif terhadap Kanada": the threat is aimed where its content is
        within = after
    if pattern.get("target_preps"):
        # "membahas isu Palestina dengan Menlu AS": the object is a topic; only "dengan X" is the partner.
        preps = pattern.get("_preps_regex")
        if preps is None:       # compiled once per pattern, like `_conditions_hold`'s regexes
            preps = pattern["_preps_regex"] = _word_regex(tuple(str(w) for w in pattern["target_preps"]))
        within = [g for g in within if preps.search(ctx.text, trigger.end, g.start)][:1]
    subject = _subject(ctx, before)
    partner = _purpose_partner(ctx, trigger, subject)
    if partner:
        return subject, partner, "direct"
    if pattern.get("form") == "noun":
        return _noun_arguments(ctx, trigger, within, subject)
    if pattern.get("voice") == "passive":
        agent = next((g for g in within if ctx.has("agent_markers", trigger.end, g.start)
                      or g.start - trigger.end <= 2), None)
        if not subject and agent is not None:
            # "Patriot dikirim oleh Jerman ke Ukraina": no actor as subject, the recipient follows the agent.
            rest = [g for g in within if g is not agent]
            return rest[0].actors if rest else [], agent.actors, "direct"
        return subject, agent.actors if agent else [], "direct"
    if not within and addressee is not None and addressee.end <= trigger.start:
        return subject, addressee.actors, "direct"     # "Kepada Zelensky, Jokowi berjanji …"
    return subject, within[0].actors if within else [], "direct"


def _fronted_addressee(ctx: _Context, actors: list[Group]) -> Group | None:
    """"Kepada Zelensky, …", "Di hadapan Putin, …", "To Zelensky, …": who a sentence is addressed to, named first."""
    if not actors or ctx.text[actors[0].end:actors[0].end + 1] != ",":
        return None
    opening = ctx.text[ctx.start:actors[0].start].strip().lower()
    return actors[0] if opening in ctx.compiled.addressee_openings else None


def _modifier(ctx: _Context, group: Group) -> bool:
    """"rudal buatan Rusia", "dalam versi Moskow": a maker or a source of information, not a party."""
    words = ctx.compiled.words["not_arguments"]
    window = words.finditer(ctx.text, max(ctx.start, group.start - 20), group.start)
    if any(m.end() >= group.start - 2 for m in window):
        return True
    # "Maduro, seperti Díaz-Canel, berterima kasih …": a comparison set off by commas is an aside
    return bool(ctx.compiled.aside.search(ctx.text, max(ctx.start, group.start - 20), group.start)) \
        and ctx.text[group.end:group.end + 1] == ","


def _subject(ctx: _Context, before: list[Group]) -> list[Actor]:
    """The nearest group before the trigger, unless it is itself an object ("mengirim pasukan ke Belarus untuk
    latihan bersama", "pledged to provide Ukraine with aid"): then the group before that."""
    for group in reversed(before):
        if not _object_like(ctx, group):
            return group.actors
    return before[-1].actors if before else []


def _object_like(ctx: _Context, group: Group) -> bool:
    return _object_like_at(ctx.text, ctx.start, group, ctx.pack)


def _object_like_at(text: str, sentence_start: int, group: Group, pack: LanguagePack) -> bool:
    """Whether a group is the object of a verb or a preposition before it, not a subject."""
    before = text[max(sentence_start, group.start - 30):group.start].lower()
    words = _OBJECT_WORD.findall(before)
    if not words or _CLAUSE_OPENS.search(before):
        return False  # "menyampaikan, Prabowo …": a new clause starts, its first group is a subject
    word = words[-1]
    if word in pack.words("speech_before"):
        return False  # "mengatakan pasukan Kamboja melanggar …": a reported clause's subject
    if word in pack.words("obliques"):
        return True
    prefixes = tuple(pack.words("verb_prefixes"))
    return bool(prefixes) and word.startswith(prefixes) and len(word) > 5 and word not in pack.words("not_verbs")


def _purpose_partner(ctx: _Context, trigger: Trigger, subject: list[Actor]) -> list[Actor]:
    """"mengirim pasukan ke Belarus untuk latihan bersama": an event that is the purpose of the act before it
    ("untuk", "for") has that act's object or destination as its partner."""
    if not subject or _family(trigger) not in SYMMETRIC:
        return []
    purpose = ctx.compiled.words["purpose"].search(ctx.text, max(ctx.start, trigger.start - 8), trigger.start)
    if purpose is None or ctx.text[purpose.end():trigger.start].strip():
        return []
    before = [g for g in ctx.groups if g.end <= purpose.start()]
    if before and before[-1].actors is not subject and purpose.start() - before[-1].end <= 3 \
            and (before[-1].place or _object_like(ctx, before[-1])):
        return [_as_country(a) for a in before[-1].actors]
    return []


def _family(trigger: Trigger) -> str | None:
    return plover_for(str(trigger.pattern["cameo"]))


def _noun_arguments(ctx: _Context, trigger: Trigger, within: list[Group], subject: list[Actor]):
    symmetric = plover_for(str(trigger.pattern["cameo"])) in SYMMETRIC
    first = within[0] if within else None
    if first is not None and ctx.has("between", trigger.end, first.start):
        if len(first.actors) == 1 and len(within) > 1:
            # "pembicaraan antara Menlu Retno dengan Aung San Suu Kyi"
            return first.actors, within[1].actors, "direct"
        if len(first.actors) > 1 and symmetric:
            return first.actors, [], "direct"  # "pertemuan antara Rusia dan Kuba"
        if len(first.actors) > 1:
            return first.actors[:1], first.actors[1:], "direct"  # "baku tembak antara India dan Pakistan"
    possessor = _possessor(ctx, trigger)
    if possessor is not None:
        return possessor.actors, first.actors if first else [], "direct"  # "Modi's visit to Moscow"
    genitive = first if first is not None and first.start - trigger.end <= 12 and not ctx.has(
        "target_preps", trigger.end, first.start) else None
    if genitive is not None and symmetric and len(genitive.actors) > 1:
        return genitive.actors, [], "direct"
    if genitive is not None:
        rest = [g for g in within if g is not genitive]
        return genitive.actors, rest[0].actors if rest else [], "direct"
    if subject and _gap_has_clause_break(ctx, trigger):
        subject = []  # "India mengatakan, baku tembak …": the noun is not India's act
    return subject, first.actors if first else [], "direct"


def _gap_has_clause_break(ctx: _Context, trigger: Trigger) -> bool:
    before = [g for g in ctx.groups if not g.place and g.end <= trigger.start]
    if not before:
        return False
    start = before[-1].end
    return any(ctx.has(name, start, trigger.start) for name in ("clause_breaks", "speech_before", "speech_after"))


def _possessor(ctx: _Context, trigger: Trigger) -> Group | None:
    """English "X's <noun>": the group right before the noun, joined by a possessive."""
    for group in ctx.groups:
        gap = ctx.text[group.end:trigger.start]
        if not group.place and _POSSESSIVE_GAP.fullmatch(gap):
            return group
    return None


def _as_country(actor: Actor) -> Actor:
    """A town that is hit, reached or supplied stands for its country ("serangan ke Kharkiv")."""
    if actor.kind == "CITY" and actor.sector is None and actor.country:
        return Actor(actor.country, "STATE", actor.name, actor.country, None, None)
    return actor


def _place_target(ctx: _Context, trigger: Trigger) -> list[Actor]:
    """The country of the place a conflict act hits, when no actor is its object."""
    for group in ctx.groups:
        if group.place and group.start >= trigger.end and group.mentions:
            actor = group.mentions[0].actor
            code = actor.country or actor.code
            if code and actor.kind in ("STATE", "CITY"):
                return [Actor(code, "STATE", actor.name, code, None, None)]
    return []


def _local_crowd(ctx: _Context) -> list[Actor]:
    """Protesters named by no nationality are people of the country where they protest ("di Jakarta")."""
    for group in ctx.groups:
        actor = group.actors[0]
        code = actor.country or actor.code
        if group.place and actor.kind in ("STATE", "CITY") and code:
            return [Actor(code, "ORG", f"{code} protesters", code, "CVL", "protesters")]
    return []


def _reporting_victim(ctx: _Context, sources: list[Actor]) -> list[Actor]:
    """"Militer Thailand mengatakan pasukan Kamboja membombardir provinsi perbatasan": an attack on no one named,
    reported by the other side, hit the side that reports it."""
    own = {a.code for a in sources}
    return [_as_country(a) for a in ctx.speaker if a.code not in own and _state_level(a)][:1] if own else []


def _summit_host(ctx: _Context, sources: list[Actor]) -> list[Actor]:
    """The organisation whose summit or meeting is the venue ("pada KTT ASEAN", "at the NATO summit")."""
    own = {a.code for a in sources}
    for group in ctx.groups:
        for actor in group.actors:
            if group.place and actor.kind == "IGO" and actor.code not in own:
                return [actor]
    return []


def _only_first_person(ctx: _Context, trigger: Trigger) -> bool:
    words = _WORD.findall(ctx.text[ctx.start:trigger.start].lower())
    return bool(words) and any(w in ctx.pack.words("first_person") for w in words[-4:])


def _dyads(sources: list[Actor], targets: list[Actor], cameo: str) -> list[tuple[Actor, Actor]]:
    symmetric = plover_for(cameo) in SYMMETRIC
    pairs: list[tuple[Actor, Actor]] = []
    if targets:
        pairs = [(s, t) for s in sources for t in targets]
    elif symmetric and len(sources) > 1:
        pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1:]]
    seen: set[tuple[str, str]] = set()
    result = []
    protest = plover_for(cameo) == "PROTEST"
    for source, target in pairs:
        if source.code == target.code or not source.code or not target.code:
            continue
        # a state's people may be acted upon ("bantuan untuk rakyat Palestina") but act only by protesting
        if not ((_state_level(source) or (protest and source.sector == "CVL"))
                and (_state_level(target) or target.sector == "CVL")):
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


def _modality(ctx: _Context, trigger: Trigger, cameo: str) -> tuple[str, bool, str]:
    """(modality, negated, cameo): a commitment by the actor becomes AGREE 03x or THREATEN 13x."""
    window_start = max([g.end for g in ctx.groups if g.end <= trigger.start] + [ctx.start])
    window_start = max(window_start, trigger.start - 60)
    negated = ctx.has("negators", window_start, trigger.start)
    if ctx.has("denial", window_start, trigger.start):
        return "denied", negated, cameo
    if ctx.has("hypothetical", ctx.start, trigger.start) and plover_for(cameo) != "THREATEN":
        return "hypothetical", negated, cameo  # a conditional threat ("jika …, kami akan membalas") is a threat
    # A plan or promise governs the act only from close by: "berjanji akan segera mengirim", not "berkomitmen
    # menjalankan gencatan senjata dan justru menuding …".
    near = max(window_start, _words_back(ctx.text, trigger.start, 4))
    if ctx.has("plan", near, trigger.start):
        return "intended", negated, cameo
    if ctx.has("commitment", near, trigger.start) or trigger.pattern.get("modality") == "intended":
        root = cameo[:2]
        if root in PROMISE_CODES:
            return "asserted", negated, PROMISE_CODES[root] if root != "03" else cameo
        if root in THREAT_CODES:
            return "asserted", negated, THREAT_CODES[root] if root != "13" else cameo
        return "intended", negated, cameo
    return "asserted", negated, cameo


def _words_back(text: str, position: int, count: int) -> int:
    """Offset where the `count` words before `position` begin."""
    start = position
    for _ in range(count):     # a plain scan: an end-anchored regex search retries from every offset
        cursor = start
        while cursor > 0 and text[cursor - 1].isspace():
            cursor -= 1
        word_end = cursor
        while cursor > 0 and not text[cursor - 1].isspace() and word_end - cursor < 40:
            cursor -= 1
        if cursor == word_end:
            break
        start = cursor
    return start


def _location(groups: list[Group]) -> str | None:
    for group in groups:
        if group.place and group.mentions and group.mentions[0].actor.kind in ("CITY", "STATE"):
            return group.mentions[0].actor.name
    return None


def day_or_none(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
