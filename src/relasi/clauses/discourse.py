"""What the article has said so far: who spoke, who acted, which state and ministry were named last.

Pronouns and descriptions are resolved through it, not by distance: "Ia" and "he" stand for the person the
discourse is about (the last person who was a subject or a speaker), "mereka"/"they" for the last group of several,
"it" for the last state or body that acted, "negara itu"/"the country" for the last state named, "kementerian
itu"/"the ministry" for the last ministry; "katanya"/"he said" give the sentence the speaker of the sentence before.
Direct speech takes the speaker its tag names, also when the quotation runs over several sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from relasi.clauses.groups import Group
from relasi.clauses.tokens import GROUP, PRED, PUNCT, QUOTE, WORD, Item
from relasi.clauses.words import ADV, DET, PREP, PRON, SPEECH_AFTER, SPEECH_BEFORE, Words
from relasi.model import Actor

_QUOTE_PAIR = re.compile(r"“([^“”\n]*)”|\"([^\"\n]*)\"|«([^«»\n]*)»")
MIN_QUOTE_WORDS = 3


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of direct speech: quoted text of three words or more (shorter quotes are scare quotes, "provokasi").
    A quotation left open at a paragraph's end runs to it (the sentence splitter may cut it in several)."""
    spans: list[tuple[int, int]] = []
    for match in _QUOTE_PAIR.finditer(text):
        inner = next(g for g in match.groups() if g is not None)
        if len(inner.split()) >= MIN_QUOTE_WORDS:
            spans.append((match.start(), match.end()))
    # an opening curly quote with no closing one before the paragraph ends
    for match in re.finditer(r"“[^”\n]{20,}(?=\n|$)", text):
        if not any(a <= match.start() < b for a, b in spans):
            spans.append((match.start(), match.end()))
    spans.sort()
    return spans


# Personal pronouns that only stand as objects: they never refer to the subject of their own clause.
OBJECT_PERSONS = frozenset({"him"})
OBJECT_PLURALS = frozenset({"them"})


@dataclass
class Discourse:
    last_speaker: list[Actor] = field(default_factory=list)
    last_person: Actor | None = None           # the last person who was a subject or a speaker
    last_named_person: Actor | None = None     # the last person named at all
    last_subject: list[Actor] = field(default_factory=list)
    last_plural: list[Actor] = field(default_factory=list)
    last_pair: list[Actor] = field(default_factory=list)     # the two sides of the meeting just told
    last_state: Actor | None = None
    last_ministry: Actor | None = None
    last_igo: Actor | None = None
    last_list: list[Actor] = field(default_factory=list)     # the last list of several states or bodies named
    recent_states: list[Actor] = field(default_factory=list)  # the states that acted so far, the latest last
    dateline_state: Actor | None = None        # the state of the city the article's dateline names
    named_states: list[Actor] = field(default_factory=list)   # the states named so far, the latest last

    def resolve(self, item: Item, earlier: list[Group], speaker: list[Actor],
                counts: dict[str, int] | None = None, region: frozenset[str] | None = None) -> Group | None:
        """The group a pronoun or description item stands for, or None. `region`: the states a description
        that names a region may stand for ("negara Teluk tersebut")."""
        counts = counts or {}
        kind = item.value_of(PRON) or ""
        actors: list[Actor] = []
        how = "pronoun"
        if kind == "person":
            # "Putin mengatakan ia …": the person the sentence opened with; else the one the discourse is about
            # (not a pronoun read before it: "'… mereka …,' kata Presiden AS Joe Biden, tempat ia …"; the state
            # named before its person is the person's own: "US President Joe Biden said …, where he thanked …")
            opening = [g for g in earlier if g.party and g.how != "pronoun"]
            lead = next((g for g in opening if g.actors[0].kind == "PERSON"), None)
            if lead is not None and all(g.actors[0].code == lead.actors[0].code
                                        for g in opening[:opening.index(lead)]):
                person = lead.actors[0]
            else:
                person = self.last_person or self.last_named_person
            if person is not None and item.value in OBJECT_PERSONS:
                # "Modi spoke with Lawrence Wong and invited him to visit India": an object pronoun is not the
                # sentence's own subject (that would be "himself"), but the other person named before it
                others = [a for g in earlier if g.party for a in g.actors if a.kind == "PERSON" and a != person]
                other = others[-1] if others else (self.last_named_person if self.last_named_person != person
                                                   else None)
                person = other or person
            actors = [person] if person else []
        elif kind == "plural":
            first = next((g for g in earlier if g.party), None)
            # after a meeting, its two sides; less the one the sentence names before it ("Zelensky met G7 leaders.
            # He urged them …": the other side); not when the sentence named someone else first
            named = {a.code for g in earlier if g.party for a in g.actors}
            sides = {a.code for a in self.last_pair}
            pair = [a for a in self.last_pair if a.code not in named] if named <= sides else []
            actors = list(first.actors) if first is not None and len(first.actors) > 1 else list(
                pair or self.last_plural or self.last_subject)
            several = [g for g in earlier if g.party and g.how == "direct" and len({a.code for a in g.actors}) > 1]
            if item.value in OBJECT_PLURALS and several and several[-1] is not first:
                # "spoke to both Hun Manet and Phumtham … and urged them to stand down": an object "them" is the
                # group of several named last in its sentence
                actors = list(several[-1].actors)
            spoken = {a.code for a in speaker}
            if actors and {a.code for a in actors} <= spoken:
                # "'Kita tidak boleh membiarkan mereka …,' ujarnya": "they" are not the speaker's side
                actors = [self.last_state] if self.last_state and self.last_state.code not in spoken else []
        elif kind == "side":
            actors = list(speaker or self.last_subject)
        elif kind == "thing":
            # "The UAE said it recalled …": the body the sentence opened with; else the last one that acted
            first = next((g for g in earlier if g.party), None)
            same = [a for a in first.actors if a.kind != "PERSON"][:1] if first is not None else []
            actors = same or [a for a in self.last_subject if a.kind in ("STATE", "IGO", "ORG", "CITY")][:1]
        elif kind.startswith("description:"):
            how = "description"
            wanted = kind.split(":", 1)[1]
            # the last of its kind named before it, in this sentence (not the sentence's own first party: "Filipina
            # menuduh negara itu") or before
            parties = [g for g in earlier if g.party and g.how == "direct"]
            before = parties[1:]
            if wanted == "STATE":
                same = [as_state(a) for g in before for a in g.actors if a.kind in ("STATE", "CITY")
                        or a.sector in ("GOV", "MIL", "DIP")]
                # opening the sentence, it is what the story was about ("Negara kaya minyak itu juga …")
                subject = [as_state(a) for a in self.last_subject if a.kind != "IGO"][:1] if not parties else []
                last = [self.last_state] if self.last_state else []
                if region is not None:
                    # "the Gulf state" after Israel and Saudi Arabia: the last state of the region
                    # (a state named as such before a city standing for one: "attacks on Gaza … the Middle Eastern
                    # country" is Israel)
                    named = [a for g in before for a in g.actors if a.kind == "STATE" and a.code in region]
                    same = named or [a for a in same if a.code in region]
                    if not same and len(parties) > 1:
                        # "Colombia agreed …, hours after Trump ordered tariffs on the South American country": the
                        # sentence's first party, where another side's clause stands between it and the description
                        same = [as_state(a) for a in parties[0].actors if a.kind == "STATE" and a.code in region]
                    subject = [a for a in subject if a.code in region]
                    last = [a for a in reversed(self.named_states) if a.code in region][:1]
                actors = same[-1:] or subject or last
            elif wanted == "STATES":
                lists = [g.actors for g in before if len(g.actors) > 1]
                actors = list(lists[-1]) if lists else list(self.last_list)
                count = next((counts[w] for w in item.value.split() if w in counts), 0)
                if count > len(actors):
                    # "the three countries" after "Bolivia …, Colombia and Chile …": the last three that acted
                    recent: list[Actor] = []
                    for actor in reversed(self.recent_states):
                        if actor.code not in {a.code for a in recent}:
                            recent.append(actor)
                    if len(recent) >= count:
                        actors = list(reversed(recent[:count]))
            elif wanted == "IGO":
                same = [a for g in before for a in g.actors if a.kind == "IGO"]
                actors = same[-1:] or ([self.last_igo] if self.last_igo else [])
            elif wanted == "ministry" and self.last_ministry:
                actors = [self.last_ministry]
            elif wanted == "ministry" and not parties and self._dateline(earlier) is not None:
                # "DHAKA, Aug 29 - The foreign ministry summoned Myanmar's ambassador …": a ministry no state was
                # named for, in a sentence that names no side before it, is the government's where the story is filed
                actors = [self._dateline(earlier)]
        if not actors:
            return None
        return Group(item.start, item.end, actors, [], how=how)

    def _dateline(self, earlier: list[Group]) -> Actor | None:
        """The state of the dateline's city: told before, or opening this sentence."""
        self._note_dateline(earlier)
        return self.dateline_state

    def _note_dateline(self, groups: list[Group]) -> None:
        """Keep the state of the first dateline city among `groups`."""
        if self.dateline_state is not None:
            return
        for group in groups:
            cities = [a for a in group.actors if a.kind == "CITY" and a.country]
            if group.excluded == "dateline" and cities:
                self.dateline_state = as_state(cities[0])
                return

    def pronoun_speaker(self) -> list[Actor]:
        """Who "katanya", "he said" stand for: the last speaker, else the person the discourse is about."""
        if self.last_speaker:
            return list(self.last_speaker)
        person = self.last_person or self.last_named_person
        return [person] if person else []

    def acted(self, actors: list[Actor]) -> None:
        """Actors that were the subject of a verb, in the order told."""
        for actor in actors:
            if actor.kind != "IGO" and (not self.recent_states or self.recent_states[-1].code != actor.code):
                self.recent_states = [*self.recent_states[-11:], as_state(actor)]

    def update(self, groups: list[Group], subjects: list[list[Actor]], speaker: list[Actor],
               pair: list[Actor] | None = None) -> None:
        """After a sentence: its named actors, the subjects of its predicates, its speaker, the two sides of a
        meeting it told. The pair stands for "they" until a sentence has a subject of its own outside it."""
        if pair:
            self.last_pair = list(pair)
        elif self.last_pair:
            sides = {a.code for a in self.last_pair}
            if any(a.code not in sides for subject in subjects for a in subject):
                self.last_pair = []
        self._note_dateline(groups)
        for group in groups:
            if group.place and not group.excluded and group.how == "direct":
                # "Soldiers seized power in Niger. ECOWAS froze the country's assets": a state named as a place is
                # still the state a later description may stand for
                for actor in group.actors:
                    if actor.kind == "STATE":
                        self.last_state = actor
                        self.named_states = [*self.named_states[-11:], actor]
                continue
            if not group.party or group.how != "direct":
                continue
            if len({a.code for a in group.actors}) > 1:
                self.last_list = [as_state(a) for a in group.actors]
            for actor in group.actors:
                if actor.kind == "IGO":
                    self.last_igo = actor
                if actor.kind == "PERSON":
                    self.last_named_person = actor
                if actor.kind in ("STATE", "IGO") or (actor.kind == "CITY" and actor.sector) \
                        or (actor.kind == "PERSON" and actor.code and group.how == "direct"):
                    # (a leader named with the state's title names the state: "Presiden Guyana Irfaan Ali … negara itu")
                    self.last_state = as_state(actor)
                    self.named_states = [*self.named_states[-11:], self.last_state]

                if actor.kind == "ORG" and actor.role and "ministry" in actor.role:
                    self.last_ministry = actor
        for subject in subjects:
            if not subject:
                continue
            self.last_subject = list(subject)
            if len(subject) > 1:
                self.last_plural = list(subject)
            people = [a for a in subject if a.kind == "PERSON"]
            if people:
                self.last_person = people[-1]
        if speaker:
            self.last_speaker = list(speaker)
            people = [a for a in speaker if a.kind == "PERSON"]
            if people:
                self.last_person = people[-1]


def as_state(actor: Actor) -> Actor:
    if actor.kind in ("STATE", "IGO"):
        return actor
    return Actor(actor.code, "STATE", actor.code, actor.country or actor.code, None, None)


def seated_ministry(items: list[Item], i: int) -> list[Actor]:
    """"the foreign ministry in Moscow", "kementerian itu di Tokyo" at items[i]: a ministry told with its capital is
    that capital's state's (empty when items[i] is no such phrase)."""
    if items[i].kind != PRON or items[i].value_of(PRON) != "description:ministry":
        return []
    found = seat(items, i + 1)
    if not found and i >= 3 and items[i - 1].value == "," \
            and (items[0].kind == PREP or all(item.kind != PRED for item in items[:i])):
        # "In Beijing, a foreign ministry spokesperson said …", "At a briefing in Beijing, a spokesperson …"
        found = next((state for j in range(i - 2) if (state := seat(items, j))), [])
    return found


def seat(items: list[Item], j: int) -> list[Actor]:
    """The state of the city named after "in"/"di" at items[j] (empty when there is none)."""
    if j + 1 >= len(items) or items[j].value not in ("in", "di") or items[j + 1].kind != GROUP:
        return []
    return [as_state(a) for a in items[j + 1].ref.actors if a.kind == "CITY" and a.country][:1]


def tag_speaker(items: list[Item], groups_of: dict[int, Group], words: Words, first: int = 0,
                last: int | None = None) -> tuple[list[Actor], bool]:
    """Who the speech tag in items[first:last] names ("…," kata X / X said / said X / X mengatakan …), and whether
    the tag is a pronoun ("katanya", "he said") that takes the speaker of the sentence before."""
    last = len(items) if last is None else last
    for i in range(first, last):
        item = items[i]
        if SPEECH_AFTER not in item.kinds:
            continue
        if item.value_of(SPEECH_AFTER) == "pronoun":
            return [], True
        # "kata X", "said X", "ujar juru bicara X" (but "X told Y": Y hears it; "Analysts said Russia could …": a
        # tag with a subject of its own before it is followed by what is said)
        j = i + 1
        while j < len(items) and items[j].kind in (ADV, DET, WORD) and j - i <= 3:
            j += 1
        group = groups_of.get(j)
        b = i - 1
        while b >= first and items[b].kind == ADV:
            b -= 1
        inverted = b < first or items[b].kind in (PUNCT, QUOTE)
        if group is not None and group.party and group.how == "direct" and item.value not in words.addressing \
                and inverted:
            return list(group.actors), False
        seated = seat(items, j) if any(words.description_heads.get(items[n].value) == "ministry"
                                        for n in range(i + 1, j)) else []
        if seated:
            return seated, False                     # "kata kementerian luar negeri di Moskow"
        # "X said", "the ministry said"
        k = i - 1
        while k >= 0 and items[k].kind in (ADV,):
            k -= 1
        group = groups_of.get(k)
        if group is not None and group.party:
            return list(group.actors), False
        if group is not None and _officials_in(items, k, group, words):
            return list(group.actors), False         # "Officials in Kyiv said …": the capital's officials
        seated = seated_ministry(items, k - 2) if k >= 2 else []
        if seated:
            return seated, False                     # "…, the foreign ministry in Moscow said"
        pronoun = items[k] if k >= 0 else None
        if pronoun is not None and pronoun.kind == PRON and pronoun.value_of(PRON) in ("person", "plural", "thing"):
            return [], True
    for i, group in groups_of.items():               # in item order
        if first <= i < last and group.excluded == "informant" and i > 0 \
                and items[i - 1].value in words.not_arguments and items[i - 1].value in ("menurut", "according to"):
            return list(group.actors), False             # "Menurut Menlu Polandia, …", "according to Kyiv"
    for i in range(first, last):
        if SPEECH_BEFORE in items[i].kinds:
            for k in range(i - 1, first - 1, -1):
                group = groups_of.get(k)
                if group is not None and (group.party or _officials_in(items, k, group, words)):
                    return list(group.actors), False
                if items[k].kind == PUNCT and items[k].value in (",", ";"):
                    break
    return [], False


def _officials_in(items: list[Item], k: int, group: Group, words: Words) -> bool:
    """Whether the place group at item `k` is the capital whose officials speak ("Officials in Kyiv said …",
    "Pejabat di Kyiv mengatakan …")."""
    return k >= 2 and items[k - 1].value in words.locatives and items[k - 2].value in words.origin_nouns \
        and bool(group.actors) and all(a.kind == "CITY" for a in group.actors)


def quote_tag(items: list[Item], groups_of: dict[int, Group], words: Words, opening: int,
              closing: int) -> tuple[list[Actor], bool]:
    """The speaker a quotation's own tag names: right after it ("…,” kata X", "…,” X said") or right before it
    ("X mengatakan: “…”")."""
    after = closing + 1
    while after < len(items) and items[after].kind in (PUNCT,) and items[after].value in (",", "—", "–", "-"):
        after += 1
    found = tag_speaker(items, groups_of, words, after, min(len(items), after + 5))
    if found[0] or found[1]:
        return found
    if opening > 0:
        return tag_speaker(items, groups_of, words, max(0, opening - 8), opening)
    return [], False


def pronoun_items(items: list[Item]) -> list[int]:
    return [i for i, item in enumerate(items) if item.kind == PRON and item.kind != GROUP]
