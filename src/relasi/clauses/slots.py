"""Predicates and their argument slots, read from the items and clauses of one sentence.

For an event word: its voice (a di- verb, "was …ed", a noun), and its slots:
- subject: the nearest free actor group before it in its own clause (one that no verb or preposition governs:
  "Rusia mengecam AS dan mendesak Ukraina" — AS is mengecam's object, so mendesak's subject is Rusia); failing that
  the antecedent of a relative clause, the controller of a complement (the object of "meminta"/"urged", else the
  subject of the governing verb), the speaker of a quotation;
- object: the noun phrase right after an active verb, with the actors in it ("kapal-kapal Filipina" → PHL) and its
  head word;
- agent: "oleh X"/"by X", or for an Indonesian di- verb the actor right after it;
- possessor: for an event noun, its doer named with it ("serangan Israel", "Israel's strikes", "Russian invasion");
- obliques: the actor phrase after each preposition up to the next verb, keyed by the preposition.
An event noun carried by a light verb ("melancarkan serangan", "imposed sanctions") takes the light verb's subject.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from relasi.clauses.groups import Group
from relasi.clauses.segment import Segmentation
from relasi.clauses.tokens import GROUP, PRED, PUNCT, QUOTE, WORD, Item
from relasi.clauses.words import (
    ADV,
    BE,
    COORD,
    DEMO,
    DET,
    LIGHT,
    NEG,
    OPEN,
    PREP,
    PRON,
    SPEECH_AFTER,
    SPEECH_BEFORE,
    VERB,
    Words,
)
from relasi.model import Actor, Argument

# Item kinds asked about together: a set's membership test costs less than a tuple built of names
_ADV_BE = frozenset({ADV, BE})
_TO = frozenset({"to", "ke"})                   # where exported goods go
_ADV_COORD_DET_WORD = frozenset({ADV, COORD, DET, WORD})
_ADV_DET = frozenset({ADV, DET})
_ADV_DET_PREP = frozenset({ADV, DET, PREP})
_OPEN_PREP = frozenset({OPEN, PREP})
_ADV_DET_GROUP_NEG_WORD = frozenset({ADV, DET, GROUP, NEG, WORD})
_ADV_DET_QUOTE_WORD = frozenset({ADV, DET, QUOTE, WORD})
_ADV_NEG = frozenset({ADV, NEG})
_ADV_NEG_QUOTE = frozenset({ADV, NEG, QUOTE})
_COORD_PREP_PUNCT = frozenset({COORD, PREP, PUNCT})
_COORD_PREP_PUNCT_QUOTE = frozenset({COORD, PREP, PUNCT, QUOTE})
_DEMO_DET = frozenset({DEMO, DET})
_HEADLESS = frozenset({DEMO, DET, ADV})        # words before a phrase's head: "keras setiap upaya …"
_DEMO_DET_LIGHT_OPEN_PREP = frozenset({DEMO, DET, LIGHT, OPEN, PREP})
_DEMO_DET_QUOTE = frozenset({DEMO, DET, QUOTE})
_DEMO_DET_WORD = frozenset({DEMO, DET, WORD})
_DEMO_WORD = frozenset({DEMO, WORD})
_ARTICLES = frozenset({"the", "a", "an"})
_NAMING_VERBS = frozenset({"called", "calls", "described", "describes", "termed", "terms", "dubbed", "branded",
                           "labelled", "labeled"})
_AGREEING = frozenset({"agreed", "agree", "agrees", "sepakat", "menyepakati", "menyetujui"})
_DET_GROUP = frozenset({DET, GROUP})
_DET_GROUP_PRON = frozenset({DET, GROUP, PRON})
_DET_GROUP_PRON_WORD = frozenset({DET, GROUP, PRON, WORD})
_DET_GROUP_PUNCT = frozenset({DET, GROUP, PUNCT})
_DET_GROUP_WORD = frozenset({DET, GROUP, WORD})
_DET_WORD = frozenset({DET, WORD})
_GROUP_PRON = frozenset({GROUP, PRON})
# Nouns that end a time phrase ("on Thursday evening", "last week"): no subject of the verb after them
_TIME_NOUNS = frozenset({"morning", "afternoon", "evening", "night", "day", "week", "weekend", "month", "year",
                         "today", "yesterday", "tonight"})
_GROUP_WORD = frozenset({GROUP, WORD})
_ADV_DET_WORD = frozenset({ADV, DET, WORD})
_POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their"})
_LIGHT_SPEECH_BEFORE_VERB = frozenset({LIGHT, SPEECH_BEFORE, VERB})
_LIGHT_VERB = frozenset({LIGHT, VERB})
_PRED_SPEECH_BEFORE_VERB = frozenset({PRED, SPEECH_BEFORE, VERB})
_PRED_VERB = frozenset({PRED, VERB})
_PRED_WORD = frozenset({PRED, WORD})
_PUNCT_WORD = frozenset({PUNCT, WORD})

NP_KINDS = frozenset({DET, WORD, GROUP, PRON, DEMO})
BETWEEN = ("antara", "between")
VERBISH = frozenset({VERB, SPEECH_BEFORE, LIGHT})     # verbs whatever their voice (segment.verbish)
# what ends the search for a negator: a phrase, punctuation or another verb (an event word, as a noun too)
NEGATION_STOPS = frozenset({GROUP, PRON, PUNCT, QUOTE, COORD, WORD, PRED, *VERBISH})
POSSESSIVES = frozenset({"its", "their", "his", "her"})
MODALS = frozenset({"will", "would", "could", "should", "may", "might", "must", "can", "shall", "did", "does", "do",
                    "has", "have", "had", "to"})


@dataclass
class Reading:
    """What the slot rules need besides the items: how each predicate item reads, and resolved pronouns."""

    voices: dict[int, str]                  # predicate item index -> active | passive | noun
    pronouns: dict[int, Group]              # pronoun item index -> the group it stands for
    speaker: list[Actor]                    # the sentence's speaker (for quotes and "kami")
    quote_speakers: dict[int, list[Actor]]  # draft index of a quotation -> its speaker
    opened: set[int]                        # item indexes that opened a clause
    patient_nouns: frozenset[str] = frozenset()   # nouns whose genitive is what undergoes them ("penangkapan X")
    hostile_nouns: frozenset[str] = frozenset()   # nouns of hostile acts only: no occasion for the clause's subject
    display_nouns: frozenset[str] = frozenset()   # nouns of shows of force only (15x): the subject's in a manner
    undergone_nouns: frozenset[str] = frozenset()  # nouns of coercion: civilians after them undergo the act
    references: frozenset[str] = frozenset()       # nouns that refer to an act ("the move", "langkah itu")


FRONTED_KINDS = frozenset({"temporal", "conditional", "reason", "concessive", "purpose"})


class SlotReader:
    def __init__(self, items: list[Item], seg: Segmentation, words: Words, reading: Reading,
                 groups_of: dict[int, Group] | None = None) -> None:
        """`groups_of`: the group of each group item, by index, where the caller has it already."""
        self.items, self.seg, self.words, self.reading = items, seg, words, reading
        self.verb_items = {i for i, v in reading.voices.items() if v != "noun"}
        self._subjects: dict[int, Argument | None] = {}
        pronouns = reading.pronouns
        if groups_of is None:
            groups_of = {i: item.ref for i, item in enumerate(items) if item.kind == GROUP}
        groups: list[Group | None] = [None] * len(items)
        for i, group in groups_of.items():
            groups[i] = group
        for i, group in pronouns.items():            # pronoun items: no group item among them
            groups[i] = group
        # the two questions asked most often, answered by list lookups
        self.groups = groups
        self.group_at: Callable[[int], Group | None] = groups.__getitem__     # the group (or pronoun) at item i
        self.clause: Callable[[int], int] = seg.clause_of.__getitem__           # the clause of item i
        # where the parties stand, and where relative clauses open: the scans below visit only these
        self.parties = [i for i in (sorted([*groups_of, *pronouns]) if pronouns else groups_of)
                        if groups[i].party]
        self.party_at = frozenset(self.parties)
        self.relatives = [(number, draft.first) for number, draft in enumerate(seg.drafts) if draft.kind == "relative"]
        self.starts = [item.start for item in items]
        # each clause with the clauses it sits in (itself included): `descends` is one set lookup
        self.lineage: list[frozenset[int]] = []
        for draft in seg.drafts:
            self.lineage.append(frozenset([len(self.lineage), *self._ancestors(draft.parent)]))
        # the same phrase is read for several predicates: its reading is kept for the sentence (fresh Argument
        # objects each time all the same: the coder tells slots apart by identity)
        self._arguments: dict[tuple[int, int, str], tuple[int, int, tuple[Actor, ...], str, str]] = {}
        self.english = words.lang == "en"
        self._possessives: dict[tuple[int, int], bool] = {}
        # the event words' items, in order (every one has a voice)
        self.event_items = sorted([i for i in reading.voices if items[i].kind == PRED])
        self._betweens: bool | None = None
        self.head_limit = 3 if words.lang == "id" else 6

    # --- what an item is

    def is_verb(self, i: int) -> bool:
        kind = self.items[i].kind
        return kind in VERBISH or kind == BE or (kind == PRED and i in self.verb_items)

    def _ancestors(self, draft: int | None) -> list[int]:
        found = []
        while draft is not None and draft not in found:
            found.append(draft)
            draft = self.seg.drafts[draft].parent
        return found

    def descends(self, draft: int | None, ancestor: int) -> bool:
        return draft is not None and ancestor in self.lineage[draft]

    def acts_as_prep(self, i: int) -> bool:
        return PREP in self.items[i].kinds and i not in self.reading.opened

    # --- noun phrases

    def np_after(self, k: int, clause: int, allow_noun_pred: bool = True) -> tuple[int, int] | None:
        """Items [k, stop) of the noun phrase that starts at `k` (adverbs before it skipped), or None."""
        items, clause_of, verbs = self.items, self.seg.clause_of, self.verb_items
        while k < len(items) and items[k].kind in _ADV_NEG_QUOTE and clause_of[k] == clause:
            k += 1                                   # a quote mark in the clause's own items is a scare quote
        j = k
        while j < len(items):
            item = items[j]
            kind = item.kind
            if item.value in self.words.origin_participles and j > k and j + 2 < len(items) \
                    and items[j + 1].value in ("from", "in") and not self._has_actor(k, j):
                # "electric vehicles imported from China", "drones made in Iran", "brandy imported from the European
                # Union" (also where the participle opened a clause of its own)
                if self.group_at(j + 2) is not None:
                    j += 3
                    continue
                if items[j + 2].kind == DET and j + 3 < len(items) and self.group_at(j + 3) is not None:
                    j += 4
                    continue
            if clause_of[j] != clause:
                break
            if kind == PRON and j > k and self.words.lang == "en":
                break                                # "two diplomats it suspects of spying": a clause of its own
            if kind == GROUP and j > k and items[j - 1].kind == GROUP and self.words.lang == "id":
                break                                # "ke Beijing Kanselir Jerman menyampaikan …": a name after a
                                                     # name opens a phrase of its own, the next clause's subject
            if kind in NP_KINDS or (kind == PRED and allow_noun_pred and j not in verbs):
                j += 1
            elif kind == QUOTE and j > k and (j + 1 >= len(items) or clause_of[j + 1] == clause):
                j += 1                               # 'take "all necessary measures" against …'
            elif item.kind in _PUNCT_WORD and item.value in ("'s", "’s"):
                j += 1
            elif item.kind == PUNCT and item.value == "(" and j > k:
                # "Menteri Luar Negeri (Retno Marsudi)": a bracket inside a phrase belongs to it
                close = next((m for m in range(j + 1, min(len(items), j + 8)) if items[m].value == ")"), None)
                if close is None:
                    break
                j = close + 1
            elif self.words.lang == "en" and item.kind == PREP and item.value == "of" and j > k \
                    and not self._has_actor(k, j) and j + 1 < len(items) and items[j + 1].kind in NP_KINDS:
                j += 1                               # "the leaders of Russia": the owner after "of"
            elif item.kind == PREP and item.value in ("dari", "from") and j > k and not self._has_actor(k, j) \
                    and items[j - 1].kind == WORD and (_normal(items[j - 1].value) in self.words.origin_nouns
                                                       or items[j - 1].value in self.words.people_nouns) \
                    and j + 1 < len(items) and j not in self.reading.opened and (
                        self.group_at(j + 1) is not None or items[j + 1].kind == DET and j + 2 < len(items)
                        and self.group_at(j + 2) is not None):
                j += 1                               # "mitranya dari China", "a businessman from (the) Japan"
            elif item.value in self.words.title_joiners and j > k and items[j - 1].kind == WORD \
                    and j + 1 < len(items) and items[j + 1].kind in _GROUP_WORD and self.clause(j + 1) == clause:
                j += 1                               # "Penasihat Negara sekaligus Menteri Luar Negeri China Qin Gang"
            elif item.kind == PUNCT and item.value == "," and j > k and not self.english and j + 1 < len(items) \
                    and (place := self.group_at(j + 1)) is not None and place.actors \
                    and all(a.kind == "CITY" for a in place.actors) and not self._has_actor(k, j) \
                    and any(items[m].value in ("asal", "dari") for m in range(k, j)):
                j += 2                               # "nelayan asal Pulau Rote, Nusa Tenggara Timur": the region
                                                     # after the comma places the origin before it
            elif item.kind == PUNCT and item.value == "," and j > k and items[j - 1].kind == WORD \
                    and (owner := self._modifier_list_owner(j, clause)) is not None:
                j = owner                            # "sektor minyak, gas, dan emas Venezuela": the owner of all
            elif item.kind == COORD and j > k and j + 1 < len(items) and self.clause(j + 1) == clause \
                    and items[j + 1].kind in _DET_GROUP_WORD and not self._verb_follows_word(j + 1):
                j += 1                               # "kegiatan ekspor dan impor", "sektor minyak dan gas Venezuela"
            elif item.kind == PUNCT and item.value == ":" and j > k and not self._has_actor(k, j) \
                    and (listed := self._colon_list(j, clause)) is not None:
                j = listed                           # "admit six new members: Saudi Arabia, Argentina and …"
                break
            else:
                break
        return (k, j) if j > k else None

    def _colon_list(self, colon: int, clause: int) -> int | None:
        """Where a list of parties after a colon ends (the item after its last member), when the list names the
        members of the phrase before the colon: two members at least, or one that ends the sentence, and no verb
        after it ("told reporters: Russia will respond" is speech, not a list); else None."""
        items = self.items
        m, members, last = colon + 1, 0, None
        while m < len(items) and self.clause(m) == clause:
            kind = items[m].kind
            if kind == GROUP:
                members, last = members + len(self.group_at(m).actors), m
            elif not (kind == COORD or kind == DET or kind == PUNCT and items[m].value == ","):
                break
            m += 1
        if last is None:
            return None
        after = last + 1
        if after < len(items) and self.clause(after) == clause and not (
                items[after].kind == PUNCT and items[after].value in (",", ".", ";", ")")):
            return None
        if members < 2 and after < len(items) and not (items[after].kind == PUNCT and items[after].value == "."):
            return None
        return after

    def _modifier_list_owner(self, comma: int, clause: int) -> int | None:
        """Where the owner stands after a list of plain nouns that a comma at `comma` continues ("minyak, gas, dan
        emas Venezuela"): the list must end in a coordinator, more nouns and a party; else None."""
        items = self.items
        m, coordinated = comma, False
        while m < len(items) and self.clause(m) == clause and m - comma <= 12:
            kind = items[m].kind
            if kind == GROUP:
                return m if coordinated and items[m - 1].kind == WORD else None
            if kind == COORD:
                coordinated = True
            elif not (kind == WORD or kind == PUNCT and items[m].value == ","):
                return None
            m += 1
        return None

    def _verb_follows_word(self, j: int) -> bool:
        """A noun right before a verb starts a clause of its own ("… dan Rusia mendesak …")."""
        k = j
        while k < len(self.items) and self.items[k].kind in _ADV_DET_GROUP_NEG_WORD:
            k += 1
        # (an event verb too: "belum memberikan akses kekonsuleran dan Indonesia telah mengirim nota protes")
        return k < len(self.items) and k > j and (self.is_verb(k) or self.items[k].kind == PRED and (
            k in self.verb_items or self.items[k].has(LIGHT))) and self.items[j].kind == GROUP

    def _holds_event_word(self, span: tuple[int, int], p: int) -> bool:
        """Whether an event word other than item `p` stands among the items of `span`."""
        events = self.event_items
        for k in range(bisect_left(events, span[0]), len(events)):
            if events[k] >= span[1]:
                return False
            if events[k] != p:
                return True
        return False

    def _has_actor(self, a: int, b: int) -> bool:
        """Whether a party stands among items[a:b]."""
        k = bisect_left(self.parties, a)
        return k < len(self.parties) and self.parties[k] < b

    def np_before(self, k: int, clause: int) -> tuple[int, int] | None:
        """The noun phrase that ends right before item `k` (commas skipped), for a relative clause's antecedent."""
        j = k - 1
        while j >= 0 and self.items[j].kind == PUNCT and self.items[j].value == ",":
            j -= 1
        end = j + 1
        if j >= 1 and not self.english and self.items[j].kind == ADV and self.items[j].value in self.words.adjectives:
            j -= 1                  # "surat resmi yang meminta …": an adjective after its noun is the phrase's
        while j >= 0 and (self.items[j].kind in NP_KINDS or (self.items[j].kind == PRED and j not in self.verb_items)):
            j -= 1
        if end > j + 1 and j >= 1 and PREP in self.items[j].kinds \
                and (self.items[j].value_of(PREP) or self.items[j].value) in BETWEEN \
                and self.items[j - 1].kind == PRED and j - 1 not in self.verb_items:
            # "a ceasefire between Israel and Hamas brokered by Egypt", "perundingan antara Rusia dan Ukraina yang
            # dimediasi Turki": the act between the two sides is what the clause tells of, not the sides
            return j - 1, end
        return (j + 1, end) if end > j + 1 else None

    def argument(self, span: tuple[int, int], how: str = "direct") -> Argument:
        key = (span[0], span[1], how)
        fields = self._arguments.get(key)
        if fields is None:
            fields = self._arguments[key] = self._read_argument(span[0], span[1], how)
        return Argument(*fields)

    def _read_argument(self, a: int, b: int, how: str) -> tuple[int, int, tuple[Actor, ...], str, str]:
        items = self.items
        head = a
        for i in range(a, b):
            if items[i].kind not in _HEADLESS:
                head = i
                break
        if self.english and head + 2 < b and items[head].kind == GROUP and items[head + 1].value in ("'s", "’s") \
                and items[head + 2].kind == PRED and head + 2 not in self.verb_items:
            head += 2                                # "China's support for Russia": the owner's act heads it
        elif head + 1 < b and items[head].value in self.words.attempt_nouns and items[head + 1].kind == PRED \
                and head + 1 not in self.verb_items:
            head += 1                                # "upaya relokasi paksa warga Palestina": the act heads it
        if items[head].kind == PRED and head not in self.verb_items:
            # "mengutuk pencaplokan wilayah Ukraina oleh Rusia", "condemned Israel's strikes on Gaza": a phrase
            # headed by an event noun stands for that event's doer, not for what it names after it
            doer = self.possessor(head) or self._noun_agent(head, b) or self._between(head) \
                or self._maker_of(head, b)
            actors = tuple(doer.actors) if doer is not None else self._origin(head)
            return items[a].start, items[b - 1].end, actors, self.head(a, b), "event"
        if items[head].value in self.words.victim_nouns and self._hostile_after(head + 1, b):
            # "korban serangan Israel", "victims of Israeli strikes": the victims are not the attacker's side
            return items[a].start, items[b - 1].end, (), self.head(a, b), how
        if self.english and items[head].kind == WORD and head + 1 < b and items[head + 1].value == "of" \
                and (agent := self._agent_in_phrase(head, b)) is not None:
            # "condemned the obstruction of Philippine operations by Chinese vessels": the act's doer, named after
            # "by", stands for the phrase, not the side it was done to
            return items[a].start, items[b - 1].end, agent, self.head(a, b), how
        found: list[Actor] = []
        parties = self.parties
        # "aircraft operating from Jordan", "troops stationed in Poland": a participle with its preposition opens a
        # reduced relative clause, whose actors are not the phrase's own
        cut = self._participle_at(a, b) if self.english else b
        for k in range(bisect_left(parties, a), len(parties)):
            if parties[k] >= b or (parties[k] > cut and found):
                break
            group = self.group_at(parties[k])
            if found and self._owner_in_apposition(parties[k], b):
                continue             # "the United States, Kosovo's closest ally,": the ally's owner is no member
            for actor in group.actors:
                if actor not in found:
                    found.append(actor)
            if group.how != "direct" and how == "direct":
                how = group.how
        named = b + 2 if b + 2 < len(items) and items[b + 1].kind == DET else b + 1      # (", the Philippines,")
        # (the noun may have its owner after it: "sekutu kami, Filipina,")
        noun = b - 2 if b - 2 >= a and items[b - 1].kind == PRON else b - 1
        if not found and b + 1 < len(items) and items[b].value == "," and named in self.party_at \
                and (named + 1 == len(items) or items[named + 1].value in (",", ".", "\"", "”")) \
                and _normal(items[noun].value) in self.words.relational_nouns:
            # "sekutunya, Filipina,", "its ally, the Philippines,", "its allies, the United States and Germany,": the
            # names set off after a relational noun are it
            group = self.group_at(named)
            return items[a].start, items[b - 1].end, tuple(group.actors), self.head(a, b), how
        return items[a].start, items[b - 1].end, tuple(found), self.head(a, b), how

    def _owner_in_apposition(self, k: int, b: int) -> bool:
        """Whether the group at item `k`, after a comma, owns the relational noun of an apposition ("Japan,
        Washington's closest ally in Asia,", "AS, sekutu terdekat Kosovo,")."""
        items = self.items
        if self.english:
            of = k - 2 if k >= 2 and items[k - 1].kind == DET else k - 1
            if of >= 2 and items[of].value == "of" and _normal(items[of - 1].value) in self.words.relational_nouns:
                # ("the United States, a treaty ally of the Philippines,")
                j = of - 2
                while j > 0 and (items[j].kind in (WORD, ADV, DET)
                                 or items[j].kind == PRED and j not in self.verb_items):
                    j -= 1
                return items[j].value == ","
            if k < 1 or items[k - 1].value != "," or k + 2 >= b or items[k + 1].value not in ("'s", "’s"):
                return False
            for j in range(k + 2, min(b, k + 6)):
                if items[j].kind == PUNCT:
                    return False
                if _normal(items[j].value) in self.words.relational_nouns:
                    return True
            return False
        j = k - 1
        # (over modifiers, event nouns among them: "AS, sekutu perjanjian pertahanan Filipina,")
        while j > 0 and (items[j].kind in (WORD, ADV) or items[j].kind == PRED and j not in self.verb_items) \
                and _normal(items[j].value) not in self.words.relational_nouns:
            j -= 1
        return j > 0 and j < k and _normal(items[j].value) in self.words.relational_nouns and items[j - 1].value == ","

    def _agent_in_phrase(self, head: int, b: int) -> tuple[Actor, ...] | None:
        """The actors after "by" closing an English noun phrase "the N of X" ("the obstruction of Philippine
        operations by Chinese vessels"), or None."""
        items = self.items
        before_side = False
        # (the phrase read may stop before "by": an active verb's object has no agent of the verb's own)
        for k in range(head + 1, min(len(items) - 1, b + 1)):
            if k in self.party_at:
                before_side = True
            elif items[k].kind == PREP and items[k].value in self.words.agent_markers and before_side:
                j = k + 1
                while j < len(items) and items[j].kind == DET:
                    j += 1
                if j < len(items) and j in self.party_at:
                    return tuple(self.group_at(j).actors)
                return None
            elif items[k].kind in (PUNCT, PRED) or k in self.verb_items:
                return None
        return None

    def _participle_at(self, a: int, b: int) -> int:
        """The first participle followed by a preposition inside items a..b ("operating from"), else b."""
        items = self.items
        for i in range(a + 1, b - 1):
            value = items[i].value
            if items[i].kind == WORD and len(value) > 5 and value.endswith(("ing", "ed")) and items[i + 1].kind == PREP:
                return i
        return b

    def _hostile_after(self, k: int, end: int) -> bool:
        """Whether a hostile act's noun follows at item `k` ("serangan", "of (the) Israeli strikes")."""
        items = self.items
        if k < end and items[k].value == "of":
            k += 1
        while k < end and items[k].kind in (DET, GROUP):
            k += 1
        return k < end and items[k].kind == PRED and items[k].ref is not None \
            and items[k].ref.text in self.reading.hostile_nouns

    def _maker_of(self, head: int, end: int) -> Argument | None:
        """"the ruling of the International Court of Justice", "the decision of the council": a decision or a
        statement is its maker's, named after "of" (the killing of civilians names whom it was done to)."""
        items = self.items
        if not self.english or _normal(items[head].value.split()[-1]) not in self.words.maker_nouns \
                or head + 1 >= end or items[head + 1].value != "of":
            return None
        k = head + 2
        while k < end and items[k].kind == DET:
            k += 1
        return self.argument((k, k + 1)) if k < end and k in self.party_at else None

    def _origin(self, head: int) -> tuple[Actor, ...]:
        """"tariffs on imports from Mexico": goods named by a trade noun are those of the state they come from;
        "curbs on exports of chips to China": exports are those of the state they go to."""
        items = self.items
        noun = _normal(items[head].value)
        if noun in self.words.export_nouns:
            return self._destination(head)
        if noun not in self.words.origin_nouns or head + 2 >= len(items) \
                or items[head + 1].value not in ("dari", "from", "asal"):
            return ()
        group = self.group_at(head + 2)
        return tuple(group.actors) if group is not None else ()

    def _destination(self, head: int) -> tuple[Actor, ...]:
        """The state after "to"/"ke" that ends an export noun's phrase, past the goods it names ("exports of
        advanced chips to China", "ekspor cip canggih ke China")."""
        items = self.items
        k = head + 1
        while k < len(items) and k - head <= 5 and (items[k].kind in _PRED_WORD or items[k].value == "of"):
            k += 1
        if k + 1 >= len(items) or items[k].value not in _TO:
            return ()
        group = self.group_at(k + 1)
        return tuple(group.actors) if group is not None else ()

    def _relative_agent(self, end: int) -> tuple[Actor, ...]:
        """"rancangan resolusi yang diajukan Rusia", "hackers controlled by China": a thing is its maker's when a
        passive relative clause right after it names the doer."""
        for number, first in self.relatives:
            if first not in (end, end + 1):
                continue
            for k in range(first, min(len(self.items), first + 6)):
                if self.clause(k) != number or not (k in self.reading.voices or self.is_verb(k)):
                    continue
                if self.reading.voices.get(k) == "passive":
                    found = self.agent(k)
                    if found is None and self.items[k].value in self.words.custody_verbs:
                        return self._held_in(k, number)
                    return found.actors if found is not None else ()
                # "the proposal that Egypt put forward", "the claims, which China made": an authoring verb whose
                # own subject stands in the clause
                value = self.items[k].value
                if self.reading.voices.get(k, "active") == "active" and (
                        value in self.words.authoring or value.split()[0] in self.words.authoring):
                    found = self.subject(k)
                    return found.actors if found is not None and found.how == "direct" else ()
                return ()
            return ()
        return ()

    def _held_in(self, k: int, clause: int) -> tuple[Actor, ...]:
        """"dua warganya yang ditahan di Iran", "nationals held in Iran": who is held in a state with no holder named
        is held by that state."""
        items = self.items
        for j in range(k + 1, min(len(items) - 1, k + 4)):
            if self.clause(j) != clause:
                break
            if items[j].value in self.words.locatives and (group := self.group_at(j + 1)) is not None:
                return tuple(a for a in group.actors if a.kind in ("STATE", "CITY"))
        return ()

    def head(self, a: int, b: int) -> str:
        """The phrase's words without determiners: Indonesian heads come first ("kapal filipina"), English ones
        last ("the israeli ambassador"), so English keeps more words."""
        items, limit, english = self.items, self.head_limit, self.english
        only_groups: bool | None = None                # whether the phrase is only groups (asked when needed)
        words: list[str] = []
        for i in range(a, b):
            item = items[i]
            kind, value = item.kind, item.value
            if kind in _DEMO_DET_QUOTE or value in ("'s", "’s") or (kind == WORD and value.endswith(".")):
                continue                               # a scare quote's marks, a title's abbreviation ("Mr.")
            if english and kind == PREP and value == "of":
                break                                  # "the leaders of Russia": the head comes before "of"
            if english and kind in _GROUP_PRON:
                if only_groups is None:
                    only_groups = all(items[k].kind in _DET_GROUP_PUNCT or items[k].value.endswith(".")
                                      for k in range(a, b))
                if not only_groups:
                    continue                           # "Iran's ambassador", "the Russian envoy"
            if english and kind == COORD and words and i + 1 < b and items[i + 1].kind == WORD:
                continue                               # "a search and rescue team", "resolute and forceful measures"
            if english and kind == COORD and not words:
                continue                               # "Iran's ambassador … and three other diplomats": the
                                                       # words of the next member, where the first was a name
            if kind in _COORD_PREP_PUNCT:
                break
            normal = _HEAD_WORDS.get(value)
            if normal is None:
                normal = _head_words(value)
            words += normal
            if len(words) >= limit:
                break
        return " ".join(words[:limit])

    # --- slots

    def subject(self, p: int) -> Argument | None:
        found = self._subjects.get(p, self)         # self: not asked yet
        if found is not self:
            return found
        self._subjects[p] = None                    # guards against cycles through governors
        found = self._subject(p)
        self._subjects[p] = found
        return found

    def _subject(self, p: int) -> Argument | None:
        clause = self.clause(p)
        draft = self.seg.drafts[clause]
        if self.words.lang == "en" and draft.marker == "to" and draft.first >= 2 and draft.first + 1 == p \
                and (found := self._for_subject(draft.first)) is not None:
            return found
        if self.english and (absolute := self._absolute_subject(p)) is not None:
            return absolute
        if self.words.lang == "en" and p > 1 and self.items[p - 1].value in (",", "by") \
                and self.items[p].value.split()[0].endswith("ing") and not self.items[p].has(LIGHT):
            # "Beijing slammed the Netherlands' new curbs …, accusing The Hague of …": a participle after a comma
            # is done by the subject of the verb it follows (not "…, prompting Japan to protest": what prompts is
            # the act told before); so is a gerund after "by" ("justified the tariffs by accusing Mexico …")
            for j in range(p - 2, -1, -1):
                if self.clause(j) != clause:
                    break
                if j in self.verb_items:
                    found = self.subject(j)
                    if found is not None and found.actors:
                        return Argument(found.start, found.end, found.actors, found.head, "shared")
                    break
            else:
                if self.items[p - 1].value == "by" and (first := self._clause_subject(clause, p)) is not None:
                    return first        # (a verb no pattern lists: "Trump had justified the tariffs by accusing …")
        free = self._free_group_before(p, clause)
        if free is not None and self.english and free[1] - free[0] >= 2 and free[1] - 1 in self.party_at \
                and self.items[free[1] - 2].value in self.words.maker_nouns:
            free = (free[1] - 1, free[1])   # "…, a charge Tehran denied": the name before the verb is its subject
        if free is not None and self.english and p >= 2 and self.items[p - 1].kind == COORD \
                and self.items[p - 2].kind == QUOTE and free[0] < p - 2 and not self._has_actor(*free) \
                and self._quoted_from(free[0]):
            free = None             # "called Iran's decision "unacceptable" and urged …", "condemned the expulsions as
            #                         "cruel and barbaric" and urged …": the quoted words describe
        if free is not None and self.english and p >= 1 and self.items[p - 1].kind == COORD \
                and not self._has_actor(*free) and self.items[free[1] - 1].value in _TIME_NOUNS:
            # "spoke to both leaders by telephone on Thursday evening and urged them …": a time phrase before "and" ends
            # the first verb's phrase; the verb after it shares that verb's subject
            free = None
        free = self._titled(free, clause)
        if free is not None and self._apposition(free, p):
            free = None             # "berdiri bersama sekutunya, Filipina, dan mengecam …": Filipina names the ally
        if free is not None:
            argument = self.argument(free)
            author = self._document_author(free) if not argument.actors else None
            if author is not None:
                return Argument(argument.start, argument.end, author.actors, argument.head, "antecedent")
            if not argument.actors and self._possessive(argument):
                # "its Secretary-General Stanislav Zas held talks", "menterinya": the owner is who the sentence is
                # about (its speaker, else its first party); in a relative clause, its antecedent ("Thailand, yang
                # pasukannya menyeberangi …")
                antecedent = self.np_before(draft.first, draft.parent or 0) if draft.kind == "relative" else None
                owner = list(self.argument(antecedent).actors) if antecedent is not None else []
                owner = owner or self._speaker_for(clause) or self._first_party()
                if owner:
                    return Argument(argument.start, argument.end, tuple(owner), argument.head, "pronoun")
            maker = self._maker_before_verb(free, p, clause) if not argument.actors else None
            if maker is not None:
                # "Remarks by Israeli Finance Minister Smotrich were condemned by Jordan": the maker named with "by"
                # between a statement noun and its verb is part of the subject
                return Argument(argument.start, maker.end, maker.actors, argument.head, "direct")
            if not argument.actors and argument.head.split()[-1:] \
                    and argument.head.split()[-1] in self.words.member_nouns \
                    and (listed := self._members_at_end(p)) is not None:
                # "Sejumlah negara telah mengirimkan bantuan, di antaranya China dan Turki", "Several countries have
                # sent aid, including China": the list that ends the sentence names the plural subject's members
                return Argument(argument.start, argument.end, listed.actors, argument.head, "antecedent")
            if self._first_person(free):
                speaker = self._speaker_for(clause)
                return Argument(argument.start, argument.end, tuple(speaker), argument.head, "speaker") \
                    if speaker else argument
            return argument
        if draft.kind == "relative":
            span = self.np_before(draft.first, draft.parent or 0)
            if span is not None:
                found = self.argument(span, "antecedent")
                sender = self._document_sender(span[0], draft, p) if found.actors else None
                if sender is not None:
                    # "mengirimkan nota diplomatik kepada Kemlu RI yang meminta …": what the note asks, its sender asks
                    return Argument(found.start, found.end, sender.actors, found.head, "antecedent")
                listed = self._apposition_after(draft.last) if not found.actors else None
                if listed is not None:
                    # "lima negara anggota yang menolak resolusi itu, yaitu Rusia, Nikaragua, …"
                    return Argument(found.start, found.end, listed.actors, found.head, "antecedent")
                member = self._member_of(span[0]) if not found.actors else None
                if member is not None:
                    # "AS dan Israel termasuk di antara sembilan negara yang menolak resolusi itu", "China was among
                    # the countries that …": those counted among the antecedent did it
                    return Argument(found.start, found.end, member.actors, found.head, "antecedent")
                author = self._author(span[0], draft.parent or 0) if not found.actors else None
                if author is not None:
                    # "mengesahkan resolusi yang mengutuk …", "adopted a resolution condemning …"
                    return Argument(found.start, found.end, author.actors, found.head, "antecedent")
                return found
        if draft.kind in ("complement", "purpose") and draft.governor is not None:
            governor = draft.governor
            if self.items[governor].kind == WORD:
                # a control noun: its owner does it ("Harapan Washington untuk membangun …")
                span = self.np_after(self._np_start(governor, self.clause(governor)), self.clause(governor))
                if span is not None and not self._has_actor(*span) and span[1] + 1 < len(self.items) \
                        and self.items[span[1]].kind == PREP and self.items[span[1]].value in self.words.agent_markers:
                    span = self.np_after(span[1] + 1, self.clause(governor))   # "the decision by Germany to …"
                if span is not None and self._has_actor(*span):
                    found = self.argument(span)
                    return Argument(found.start, found.end, found.actors, found.head, "controller")
                if governor > 0 and self.items[governor - 1].value in self.words.any_quantifiers:
                    return None     # "rejects any attempt to relocate …": anyone's attempt, not the rejecter's
                shared = self._shared_subject(governor, self.clause(governor))
                if shared is not None:
                    return Argument(shared.start, shared.end, shared.actors, shared.head, "controller")
                return None
            if self._object_controls(governor):
                found = self.object(governor)
                if found is not None and (found.actors or found.how == "direct" and found.end > found.start):
                    # "urged all parties to respect the ceasefire": the ones urged do it, named or not
                    return Argument(found.start, found.end, found.actors, found.head, "controller")
            if self.items[governor].kind == PRED and governor not in self.verb_items:
                found = self.possessor(governor) or self.subject(governor)
            else:
                found = self.subject(governor)
            if self.reading.voices.get(governor) == "passive" \
                    and (draft.kind == "purpose" or found is None or not found.actors):
                # "Kunjungan itu dilakukan Jokowi untuk mempererat …", "The aid was sent by Australia to help …": a
                # purpose is the doer's, whom a passive names as its agent (so is an English "to" clause after a
                # passive whose subject names no party: "Sanctions were announced by Britain to pressure …")
                doer = self.agent(governor)
                if doer is not None and doer.actors:
                    found = doer
            if found is not None:
                return Argument(found.start, found.end, found.actors, found.head, "controller")
        if draft.kind in ("complement", "purpose") and draft.governor is None and draft.parent is not None:
            # "Beijing is ready to work with …", "Jepang siap untuk membantu": no verb governs the clause, the
            # parent clause's subject does it
            for j in range(draft.first - 1, -1, -1):
                if self.clause(j) != draft.parent:
                    break
                if j in self.party_at and self._free(self._np_start(j, draft.parent), draft.parent):
                    found = self.argument((self._np_start(j, draft.parent), j + 1))
                    return Argument(found.start, found.end, found.actors, found.head, "controller")
        shared = self._shared_subject(p, clause)
        if shared is not None:
            return shared
        borrowed = self._fronted_subject(draft) or self._trailing_subject(p, draft)
        if borrowed is not None:
            return borrowed
        speaker = self._speaker_for(clause)
        if speaker:
            return Argument(self.items[p].start, self.items[p].start, tuple(speaker), "", "speaker")
        return None

    def _clause_subject(self, clause: int, p: int) -> Argument | None:
        """The party that opens a clause as its subject, before item `p`, or None."""
        for j in range(self.seg.drafts[clause].first, p):
            if self.clause(j) != clause:
                continue
            if j in self.party_at:
                start = self._np_start(j, clause)
                if not self._free(start, clause):
                    return None
                found = self.argument((start, j + 1))
                return Argument(found.start, found.end, found.actors, found.head, "shared") if found.actors else None
            if self.is_verb(j):
                return None
        return None

    def _absolute_subject(self, p: int) -> Argument | None:
        """"Talks ended in failure, with Egypt and Sudan accusing Addis Ababa of intransigence", "… with Saudi Arabia
        hosting the discussions": the names between "with" and a participle are the participle's subject."""
        items = self.items
        if p < 2 or not items[p].value.split()[0].endswith("ing") or (p - 1) not in self.party_at:
            return None
        k = p - 1
        while k > 0 and (k - 1 in self.party_at or items[k - 1].kind == DET or items[k - 1].kind == COORD
                         or items[k - 1].value == ","):
            if items[k - 1].value == "with":
                break
            k -= 1
        if k == 0 or items[k - 1].value != "with":
            return None
        found = self.argument((k, p))
        return found if found.actors else None

    def with_absolute(self, j: int, end: int) -> bool:
        """Whether the noun phrase after "with" at item `j`, ending at `end`, is the subject of a participle right after
        it (an absolute construction, no partner of the verb before)."""
        return self.english and self.items[j].value == "with" and end < len(self.items) \
            and self.items[end].value.split()[0].endswith("ing") and self.items[end].kind in (PRED, VERB) \
            and any(k in self.party_at for k in range(j + 1, end))

    def _quoted_from(self, a: int) -> bool:
        """Whether a quotation opens right before item `a` or a few words before it, with no closing mark between."""
        for k in range(a - 1, max(-1, a - 8), -1):
            if self.items[k].kind == QUOTE:
                return True
            if self.items[k].kind == PUNCT:
                return False
        return False

    def _titled(self, free: tuple[int, int] | None, clause: int) -> tuple[int, int] | None:
        """"Perwakilan UNHCR di Indonesia, Ann Maymann, menyampaikan …": a name of no known party set off by commas
        is the holder of the title before it, which tells whose it is; "Petar Petkovic, who heads the Serbian
        government's office for Kosovo, condemned …": or of the post a relative clause after it gives."""
        items = self.items
        if free is None or self._has_actor(*free) or free[1] >= len(items) or items[free[1]].value != "," \
                or not all(items[k].kind == WORD and items[k].value[:1].isalpha() for k in range(*free)):
            return free
        held = self._post_after(free[1])
        if held is not None:
            return held
        if free[0] < 2 or items[free[0] - 1].value != ",":
            return free
        return self._title_before(free[0] - 1, clause) or free

    def _post_after(self, comma: int) -> tuple[int, int] | None:
        """The first party of a relative clause of holding a post right after item `comma` (", who heads the
        Serbian government's office", ", yang memimpin Kementerian …"), up to the clause's closing comma."""
        items = self.items
        if comma + 3 >= len(items) or items[comma + 1].value not in ("who", "yang") \
                or items[comma + 2].value not in self.words.holding_verbs:
            return None
        for k in range(comma + 3, min(len(items), comma + 12)):
            if items[k].value == ",":
                return None
            if k in self.party_at:
                return (k, k + 1)
        return None

    def _title_before(self, comma: int, clause: int) -> tuple[int, int] | None:
        """The first party of the title phrase that opens the clause and ends at item `comma` ("Perwakilan UNHCR di
        Indonesia", "the UNHCR representative in Jakarta"): a title with the post it holds, no verb in it."""
        items = self.items
        j = comma - 1
        while j >= 0 and self.clause(j) == clause:
            if items[j].value == ")":
                # "Juru bicara Penjaga Pantai Filipina (PCG) untuk Laut Filipina Barat, Komodor Jay Tarriela, …": a
                # bracketed acronym stays in the title
                opening = next((k for k in range(j - 1, max(-1, j - 6), -1) if "(" in items[k].value), None)
                if opening is None:
                    break
                j = opening - 1 if items[opening].value == "(" else opening
                continue
            if not (items[j].kind in (GROUP, WORD, DET)
                    or items[j].kind == PREP and items[j].value in self.words.locatives
                    or items[j].kind in (PREP, OPEN) and items[j].value in self.words.post_prepositions
                    or items[j].kind == PREP and items[j].value in self.words.title_prepositions):
                break
            j -= 1
        if j >= 0 and self.clause(j) == clause and items[j].value not in (",", "."):
            return None
        first = next((k for k in range(j + 1, comma) if k in self.party_at), None)
        return (first, first + 1) if first is not None else None

    def _apposition(self, span: tuple[int, int], p: int) -> bool:
        """Whether the phrase is set off by commas right after a noun and a coordinated verb follows it ("…
        sekutunya, Filipina, dan mengecam …", "… its ally, the Philippines, and condemned …")."""
        a, b = span
        items = self.items
        return a >= 2 and b + 1 < len(items) and b + 2 == p and items[a - 1].value == "," \
            and items[a - 2].kind == WORD and items[b].value == "," and items[b + 1].kind == COORD

    def _fronted_subject(self, draft) -> Argument | None:
        """"Jika diserang, Filipina akan …", "Sebelum bertolak ke Tokyo, Presiden Prabowo …": a fronted subordinate
        clause with no subject of its own has the subject of the clause it opens."""
        if draft.kind not in FRONTED_KINDS or draft.parent is None or draft.first > 1:
            return None
        for j in range(draft.last + 1, len(self.items)):
            if self.clause(j) != draft.parent:
                continue
            if self.is_verb(j):
                return None
            if j in self.party_at and self._free(self._np_start(j, draft.parent), draft.parent):
                found = self.argument((self._np_start(j, draft.parent), j + 1))
                return Argument(found.start, found.end, found.actors, found.head, "controller")
        return None

    def _for_subject(self, to: int) -> Argument | None:
        """"the time has come for Russia to withdraw", "called for the EU to act": the party after "for" right before an
        infinitive's "to" is its subject."""
        k = to - 1
        while k >= 0 and self.items[k].kind == DET:
            k -= 1
        if k < 1 or k not in self.party_at or self.items[k - 1].value != "for":
            return None
        found = self.argument((k, k + 1))
        return Argument(found.start, found.end, found.actors, found.head, "direct") if found.actors else None

    def _trailing_subject(self, p: int, draft) -> Argument | None:
        """"Russia expelled two Estonian diplomats after accusing them of spying", "… setelah menuduh mereka …": a
        subordinate clause after its main clause, its verb right after the opener, has the main clause's subject."""
        if draft.kind not in FRONTED_KINDS or draft.kind == "purpose" or draft.parent is None or draft.first <= 1:
            return None
        if any(self.items[k].kind not in (ADV, NEG) for k in range(draft.first + 1, p)):
            return None
        for j in range(draft.first - 1, -1, -1):
            if self.clause(j) == draft.parent and self.is_verb(j):
                # "Hal itu disampaikan Menlu Retno usai bertemu …": a statement told in the passive was the
                # speaker's, who did what the clause after it says
                told = self.items[j].value in self.words.attribution_verbs
                # (so is what a thing's passive names its doer for: "Isu tersebut dibahas Presiden Prabowo saat
                # bertemu …": a thing meets no one)
                thing = self.reading.voices.get(j) == "passive" and not told \
                    and not ((undergoer := self.subject(j)) is not None and undergoer.actors)
                found = (self.agent(j) if told or thing else None) or self.subject(j)
                if found is None or not found.actors:
                    return None
                return Argument(found.start, found.end, found.actors, found.head, "controller")
        return None

    def _document_author(self, span: tuple[int, int]) -> Argument | None:
        """The author of a document a passive after it names ("A statement issued by Iran's foreign ministry …",
        "Pernyataan yang dikeluarkan Kemlu Iran …"), or None."""
        a, b = span
        words = self.items[b - 1].value.split() if b > a else []
        documents = self.words.document_nouns
        if not words or words[-1] not in documents and " ".join(words[-2:]) not in documents:
            return None
        j = b + 1 if b < len(self.items) and self.items[b].value in self.words.relative_pronouns else b
        if j >= len(self.items) or self.reading.voices.get(j) != "passive":
            return None
        found = self.agent(j)
        return found if found is not None and found.actors else None

    def _members_at_end(self, p: int) -> Argument | None:
        """A list set off by a comma and an apposition marker that ends the sentence after item `p` (", di antaranya
        China dan Turki.", ", including China and Turkey."), unless a plural noun right before it is the one it
        names ("… condemned by several states, including …")."""
        items = self.items
        for k in range(p + 1, len(items) - 2):
            if items[k].value != ",":
                continue
            first = self._after_apposition_marker(k + 1)
            if first is None:
                continue
            if first not in self.party_at or items[k - 1].value.split()[-1] in self.words.member_nouns:
                return None
            rest = range(first + 1, len(items))
            if any(not (items[m].kind == PUNCT and items[m].value in (".", "!", ")")) for m in rest):
                return None
            return self.argument((first, first + 1))
        return None

    def _after_apposition_marker(self, k: int) -> int | None:
        """The item after an apposition marker that starts at item `k` ("including", "di antaranya"), or None."""
        items = self.items
        if k < len(items) and items[k].value in self.words.appositions:
            return k + 1
        if k + 1 < len(items) and f"{items[k].value} {items[k + 1].value}" in self.words.appositions:
            return k + 2
        return None

    def _apposition_after(self, last: int) -> Argument | None:
        """", yaitu X, Y dan Z", ", including X and Y" right after item `last`: the list naming a phrase's members."""
        items = self.items
        k = last + 1
        if k < len(items) and items[k].kind == PUNCT and items[k].value in (",", "—", "–", ":"):
            k += 1
        first = self._after_apposition_marker(k)
        if first is not None and first < len(items):
            if first in self.party_at:
                return self.argument((first, first + 1))
        if k == last + 1 and k + 1 < len(items) and items[k].value in self.words.copulas and k + 1 in self.party_at:
            return self.argument((k + 1, k + 2))    # "Lima negara yang menolak resolusi itu adalah Rusia, …"
        return None

    def _member_of(self, start: int) -> Argument | None:
        """The party right before "termasuk (di antara)"/"(is) among"/"(is) one of" that an antecedent starting at
        item `start` follows (its numerals and determiners skipped)."""
        items = self.items
        k = start - 1
        while k >= 0 and items[k].kind == DET:
            k -= 1
        markers = self.words.membership
        if k < 0 or items[k].value not in markers:
            return None
        k -= 1
        while k >= 0 and (items[k].value in markers or items[k].kind == ADV):
            k -= 1
        return self.argument((k, k + 1)) if k >= 0 and k in self.party_at else None

    def _maker_before_verb(self, span: tuple[int, int], p: int, clause: int) -> Argument | None:
        """The party after an agent marker that ends a subject noun of the maker nouns right before its verb `p`
        ("Remarks by Argentine Foreign Minister Diana Mondino … were rejected"), or None."""
        a, b = span
        if b >= p or self.items[b].value not in self.words.agent_markers \
                or self.items[b - 1].value not in self.words.maker_nouns or self.items[p].value.endswith("ing"):
            return None             # ("Remarks by Smotrich denying …": a participle on the noun, not its verb)
        k = b + 1
        while k < p and self.clause(k) == clause and k not in self.party_at and self.items[k].kind in (DET, WORD):
            k += 1
        if k not in self.party_at or self.clause(k) != clause:
            return None
        end = k + 1
        while end < p and self.clause(end) == clause and self.items[end].kind in (ADV, PREP, WORD, DET, GROUP) \
                and not self.is_verb(end):
            end += 1
        if end != p and not (end < p and self.items[end].kind == BE):
            return None
        found = self.argument((k, k + 1))
        return found if found.actors else None

    def _document_sender(self, start: int, draft, p: int) -> Argument | None:
        """The sender of a document sent to the antecedent at item `start` of a relative clause whose verb `p` says
        something ("mengirimkan nota diplomatik kepada Kemlu RI yang meminta …", "sent a letter to the Secretary-
        General that called for …"): the clause tells what the document says."""
        items, clause = self.items, draft.parent or 0
        first = items[p].value.split()[0] if items[p].value else ""
        if start < 2 or items[start - 1].value not in self.words.recipient_prepositions \
                or not (items[p].value in self.words.communication or first in self.words.communication):
            return None
        j = start - 2
        while j >= 0 and self.clause(j) == clause and items[j].kind in (WORD, ADV) \
                and items[j].value not in self.words.document_nouns:
            j -= 1
        if j < 0 or self.clause(j) != clause or items[j].value not in self.words.document_nouns:
            return None
        return self._author(j, clause)

    def _author(self, start: int, clause: int) -> Argument | None:
        """The subject of an authoring verb whose object starts at item `start`."""
        j = start - 1
        while j >= 0 and self.items[j].kind in _ADV_DET and self.clause(j) == clause:
            j -= 1
        if j < 0 or self.clause(j) != clause:
            return None
        if j > 0 and self.items[j].kind == PREP and self.clause(j - 1) == clause and (
                f"{self.items[j - 1].value} {self.items[j].value}" in self.words.authoring):
            j -= 1                                   # "voted for the resolution condemning …"
        item = self.items[j]
        first = item.value.split()[0] if item.value else ""
        authoring = item.value in self.words.authoring or first in self.words.authoring \
            or (j + 1 < len(self.items) and f"{item.value} {self.items[j + 1].value}" in self.words.authoring)
        if (self.is_verb(j) or item.kind == PRED) and authoring:
            found = self.subject(j) if item.kind == PRED else self._plain_subject(j, clause)
            return found if found is not None and found.actors else None
        return None

    def _first_party(self) -> list[Actor]:
        return list(self.group_at(self.parties[0]).actors) if self.parties else []

    def _speaker_for(self, clause: int) -> list[Actor]:
        """Who says the clause: its quotation's speaker, else the sentence's."""
        draft: int | None = clause
        while draft is not None:
            if self.seg.drafts[draft].kind == "quote":
                return self.reading.quote_speakers.get(draft) or self.reading.speaker
            draft = self.seg.drafts[draft].parent
        return self.reading.speaker

    def _first_person(self, span: tuple[int, int]) -> bool:
        items = self.items
        for i in range(span[0], span[1]):
            # ("Our military strongly condemns …": a first-person possessive is read as a determiner)
            if (items[i].kind == PRON or PRON in items[i].kinds) and items[i].value_of(PRON) == "first":
                return True
        return False

    def _free_group_before(self, p: int, clause: int) -> tuple[int, int] | None:
        """The nearest noun phrase before `p` in its clause that no verb or preposition governs: the subject,
        with or without an actor in it ("tindakan tersebut mengancam …" has a subject, and no actor)."""
        items, clause_of, parties, verbs = self.items, self.seg.clause_of, self.party_at, self.verb_items
        j = p - 1
        while j >= 0:
            own = clause_of[j]
            if own != clause:
                if clause in self.lineage[own]:            # a clause inside this one
                    j -= 1
                    continue
                break
            item = items[j]
            kind = item.kind
            nominal = j in parties or kind in _DEMO_WORD or (
                kind == PRED and j not in verbs) or (kind == PRON and item.value_of(PRON) == "first")
            if nominal:
                start = self._np_start(j, clause)
                if self._free(start, clause):
                    titled = None
                    if not self._has_actor(start, j + 1):
                        # "… untuk Rusia Jose Tavares bertemu", "… untuk Malaysia, Hermono, menemui"
                        comma = start >= 1 and items[start - 1].value == ","
                        titled = self._posted_title(start - 2 if comma else start - 1, clause)
                        if titled is not None and not self._free(self._np_start(titled[0], clause), clause):
                            # "memanggil Duta Besar China untuk Indonesia Wang Lutong dan menyerahkan …": the name
                            # ends the object of the verb before it, whose subject is further back
                            j = self._np_start(titled[0], clause) - 1
                            continue
                    return titled or self._whole_subject(start, j + 1, clause)
                j = start - 1
                continue
            j -= 1
        return None

    def _posted_title(self, post: int, clause: int) -> tuple[int, int] | None:
        """"Duta Besar RI untuk Rusia Jose Tavares bertemu …": the title before the state it is posted to (item
        `post`) is the subject, with a name the dictionary does not know after it; the post names no party."""
        if post < 2 or post not in self.party_at or self.clause(post - 2) != clause \
                or self.items[post - 1].value not in self.words.post_prepositions or post - 2 not in self.party_at:
            return None
        holder = self.group_at(post - 2)
        return (post - 2, post - 1) if any(a.kind == "PERSON" for a in holder.actors) else None

    def _whole_subject(self, start: int, end: int, clause: int) -> tuple[int, int]:
        """A subject may be a list or an apposition that runs back over commas: "Arab Saudi dan sejumlah negara
        Timur Tengah seperti Bahrain, Uni Emirat Arab, bahkan Mesir", "Menteri Lingkungan Hidup Indonesia, Siti
        Nurbaya Bakar"."""
        items = self.items
        first = start
        while True:
            b = first - 1
            while b >= 0 and self.clause(b) == clause and items[b].kind == ADV:
                b -= 1
            if b < 1 or self.clause(b) != clause or not (
                    (items[b].kind == PUNCT and items[b].value == ",") or items[b].kind == COORD
                    or items[b].value in self.words.appositions):
                break
            previous = b - 1
            if items[previous].kind == PUNCT and items[previous].value == ")":
                previous -= 1
            if previous < 0 or self.clause(previous) != clause or not (
                    self.group_at(previous) is not None or items[previous].kind == WORD):
                break
            earlier = self._np_start(previous, clause)
            if not self._free(earlier, clause) or (earlier > 0 and PREP in items[earlier - 1].kinds):
                break                       # "Menurut media Myanmar, pasokan bantuan …": a fronted phrase ends
            first = earlier
        if first != start and (self._has_actor(first, start) or self._has_actor(start, end)):
            # only when the earlier part names someone: a subject with no actor keeps its own phrase
            if not self._has_actor(start, end) or self._list_of(first, start):
                return (first, end)
        return (start, end)

    def _list_of(self, first: int, start: int) -> bool:
        """Whether items[first:start] are members of one list with what follows (no verb among them)."""
        return not any(self.is_verb(k) or (self.items[k].kind == PRED and k in self.verb_items)
                       for k in range(first, start))

    def _np_start(self, j: int, clause: int) -> int:
        items, clause_of, verbs = self.items, self.seg.clause_of, self.verb_items
        english, indonesian = self.words.lang == "en", self.words.lang == "id"
        start = j
        while True:
            while start - 1 >= 0 and clause_of[start - 1] == clause:
                kind, value = items[start - 1].kind, items[start - 1].value
                if indonesian and kind == DEMO and start - 1 != j:
                    break     # "Dalam kunjungan itu Jokowi bertemu …": a demonstrative closes the phrase before
                if english and items[start].kind == DET and items[start].value in _ARTICLES and kind != DET:
                    break     # "At the meeting the president invited …": an article opens a phrase of its own
                if not (kind in _DEMO_DET_WORD or (kind == PRED and start - 1 not in verbs) or
                        # English modifiers come first: "Chinese coast guard ships", "Israel's army", "thousands of"
                        (english and (kind == GROUP or value in ("'s", "’s")
                                      or (value == "of" and start >= 2 and items[start - 2].kind in _DET_WORD))) or
                        # "kebijakan Uni Eropa itu", "keinginan Albanese ini": a noun's owner before its
                        # demonstrative
                        (indonesian and items[start].kind == DEMO and kind == GROUP)):
                    break
                start -= 1
            # "usulan gencatan senjata dari Mesir", "the proposal from Egypt": a noun's origin is part of it
            before = start - 1
            if before >= 1 and clause_of[before] == clause and items[before].kind == PREP \
                    and items[before].value in ("dari", "from", "of") and before not in self.reading.opened \
                    and (items[before - 1].kind == WORD or (items[before - 1].kind == PRED
                                                           and before - 1 not in verbs)):
                start = before - 1
                continue
            return start

    def _determiner_of_quoted(self, mark: int, clause: int) -> int | None:
        """The determiner right before the quotation mark at `mark` when it opens one to three quoted words, or
        before the mark that opens them when it closes them ("a “necessary” response", "sebuah “provokasi” baru"):
        a modifier inside a noun phrase, no quotation. None otherwise."""
        items, clause_of = self.items, self.seg.clause_of
        k = mark - 1
        while k >= 0 and items[k].kind in (WORD, ADV) and mark - k <= 3:
            k -= 1
        opening = k if k < mark - 1 and k >= 0 and items[k].kind == QUOTE else mark
        before = opening - 1
        return before if before >= 0 and items[before].kind == DET and clause_of[before] == clause else None

    def _free(self, start: int, clause: int) -> bool:
        """Whether the phrase starting at item `start` is a subject: nothing before it in the clause governs it."""
        items, clause_of = self.items, self.seg.clause_of
        b = start - 1
        timed = False
        while b >= 0 and items[b].kind == ADV and clause_of[b] == clause:
            timed = timed or items[b].value in self.words.time_words
            b -= 1
        if b < 0 or clause_of[b] != clause:
            return True
        item = items[b]
        kind = item.kind
        if timed and PREP in item.kinds:
            return True           # "On Monday Russia launched …", "Pada Senin Rusia …": the preposition has its date
        if kind == COORD:
            # "kedaulatan dan integritas Suriah": a noun before the coordinator makes one phrase of both (but "…
            # akses kekonsuleran dan Indonesia telah mengirim …": a name a verb follows opens a clause of its own)
            return not (b > 0 and items[b - 1].kind == WORD and clause_of[b - 1] == clause) \
                or self._verb_follows_word(start)
        if kind == DET and b < start - 1 and item.value != "that":
            return self._free(b, clause)    # "a cowardly act": the adverb-like word is inside the determiner's phrase
        if kind == QUOTE and (determiner := self._determiner_of_quoted(b, clause)) is not None:
            # "defended the drills as a “necessary” response to …": the quoted words are inside the phrase that the
            # determiner before them opens, free where that phrase is
            return self._free(determiner, clause)
        if b in self.reading.opened or kind == QUOTE or kind == PUNCT or SPEECH_AFTER in item.kinds:
            return True
        if PREP in item.kinds:                         # a preposition (no opener: that returned above)
            # "A spokesperson for Foreign Minister Winston Peters accused …": who is spoken for is the subject
            return b >= 1 and f"{items[b - 1].value} {item.value}".lower() in self.words.speaking_for \
                and start in self.party_at and self._free(self._np_start(b - 1, clause), clause)
        if kind == PRED:
            # an event word governs it: an event noun its possessor ("serangan Israel"), an event verb its object;
            # but after a noun an article opens a phrase of its own ("At the meeting the president invited …")
            return self.words.lang == "en" and items[start].value in _ARTICLES and b not in self.verb_items \
                and not self._second_object(b, clause)
        if self.words.lang == "en" and kind == WORD and items[start].value in _ARTICLES \
                and self._second_object(b, clause):
            return False            # "called the suspension a devastating signal": a second object, no subject
        return not (kind in VERBISH or kind == BE or kind == NEG)

    def _second_object(self, b: int, clause: int) -> bool:
        """Whether the noun at `b` ends a phrase that opens with an article right after a verb: a phrase with an
        article after it is that verb's second object ("called the strike a cowardly act")."""
        items, clause_of = self.items, self.seg.clause_of
        first = self._np_start(b, clause)
        return first >= 1 and clause_of[first - 1] == clause and items[first].value in _ARTICLES \
            and (items[first - 1].kind in VERBISH or first - 1 in self.verb_items)

    def _shared_subject(self, p: int, clause: int) -> Argument | None:
        """A verb with no subject of its own after another in its clause shares that one's subject
        ("mengecam … dan mendesak …", "…, accusing …")."""
        for j in range(p - 1, -1, -1):
            own = self.clause(j)
            if own != clause:
                if clause in self.lineage[own]:            # a clause inside this one
                    continue
                break
            if j in self.verb_items or (self.items[j].kind in _LIGHT_SPEECH_BEFORE_VERB and self.items[j].kind
                                        != SPEECH_AFTER):
                if self.items[j].kind == PRED or self.items[j].kind in _LIGHT_SPEECH_BEFORE_VERB:
                    found = self.subject(j) if self.items[j].kind == PRED else self._plain_subject(j, clause)
                    if found is not None:
                        return Argument(found.start, found.end, found.actors, found.head, "shared")
        return None

    def _plain_subject(self, j: int, clause: int) -> Argument | None:
        free = self._titled(self._free_group_before(j, clause), clause)
        if free is not None:
            return self.argument(free)
        draft = self.seg.drafts[clause]
        if draft.kind in ("complement", "purpose") and draft.governor is not None:
            return self.subject(draft.governor)
        return None

    def _object_controls(self, governor: int) -> bool:
        item = self.items[governor]
        first = item.value.split()[0] if item.value else ""
        return item.value in self.words.object_control or first in self.words.object_control

    def object(self, p: int) -> Argument | None:
        found = self._object(p)
        clause = self.clause(p)
        draft = self.seg.drafts[clause]
        if found is None and draft.kind == "relative" and self.words.lang == "en":
            subject = self.subject(p)
            if subject is not None and subject.how != "antecedent":
                # "Russia, which it accused of …", "the balloons that North Korea sent": the antecedent
                span = self.np_before(draft.first, draft.parent or 0)
                if span is not None:
                    return self.argument(span, "antecedent")
        if found is not None and not found.actors and self._possessive(found):
            # "Brazil recalled its ambassador", "menarik pasukannya": the owner is the subject
            subject = self.subject(p)
            if subject is not None and subject.actors:
                return Argument(found.start, found.end, subject.actors, found.head, "pronoun")
        return found

    def _possessive(self, argument: Argument) -> bool:
        key = (argument.start, argument.end)
        found = self._possessives.get(key)
        if found is None:
            found = self._possessives[key] = self._read_possessive(*key)
        return found

    def _read_possessive(self, start: int, end: int) -> bool:
        inside = self.items[bisect_left(self.starts, start):bisect_left(self.starts, end)]
        text = " ".join([item.value for item in inside])
        if self.english:
            return not POSSESSIVES.isdisjoint(text.split())
        tokens = text.split()
        if not tokens:
            return False
        # "pasukannya", "fasilitas nuklirnya": the clitic on the head or on the phrase's last word
        first, last = tokens[0], tokens[-1]
        return (first.endswith("nya") and len(first) > 5) or (last.endswith("nya") and len(last) > 5)

    def _object(self, p: int) -> Argument | None:
        clause = self.clause(p)
        start = p + 1
        if start < len(self.items) and self.items[start].value == "as":
            start = self._past_judgement(start)
        if self.english and start + 2 < len(self.items) and self.items[start].value == "what" \
                and self.items[start + 1].kind in (PRON, GROUP) and self.items[start + 2].value in _NAMING_VERBS:
            # "rejected what he called 'politically motivated' demands from …": what is named is the object
            start += 3
            if start < len(self.items) and self.items[start].value == "as":
                start += 1
        span = self.np_after(start, clause)
        if span is None:
            # "memblokir dan menyerang kapal-kapal Filipina": coordinated verbs share the object after the second
            nxt = p + 1
            while nxt < len(self.items) and self.items[nxt].kind == ADV:
                nxt += 1
            if nxt + 1 < len(self.items) and self.items[nxt].kind == PREP and self.items[nxt + 1].kind == COORD:
                nxt += 1                             # "fired on and seized three vessels"
            if nxt + 1 < len(self.items) and self.items[nxt].kind == COORD and nxt + 1 in self.verb_items \
                    and self.clause(nxt + 1) == clause:
                return self._object(nxt + 1)
            return None
        # the possessor of an event noun heading the object is the object's actor ("mengecam serangan Israel")
        found = self.argument(span)
        if not found.actors:
            owner = self._relative_agent(span[1])
            if owner:
                return Argument(found.start, found.end, owner, found.head, "antecedent")
        return found

    def _past_judgement(self, k: int) -> int:
        """"rejected as baseless accusations by Kyiv", "denounced as 'shameful' remarks by Lula": a judgement told
        with "as" before the object it judges; the object starts after it."""
        items, judgements = self.items, self.words.judgements
        if not judgements or k >= len(items) or items[k].kind != PREP or items[k].value != "as":
            return k
        if k + 2 < len(items) and items[k + 1].kind == QUOTE:
            # 'dismissed as "groundless smears" a U.S. report …': a quoted judgement, then the object
            close = next((j for j in range(k + 2, min(len(items), k + 9)) if items[j].kind == QUOTE), None)
            if close is not None and close > k + 2 and close + 1 < len(items) \
                    and items[close + 1].kind in (DET, GROUP, WORD, PRED):
                return close + 1
        j, found = k + 1, False
        while j < len(items) and (items[j].kind in _ADV_NEG_QUOTE or items[j].kind == COORD
                                  or items[j].value in judgements):
            found = found or items[j].value in judgements
            j += 1
        return j if found and j < len(items) and j > k + 1 else k

    def agent(self, p: int) -> Argument | None:
        clause = self.clause(p)
        for j in range(p + 1, len(self.items)):
            if self.clause(j) != clause:
                if clause in self.lineage[self.clause(j)]:
                    continue
                break
            item = self.items[j]
            if self.acts_as_prep(j) and item.value in self.words.agent_markers:
                span = self.np_after(j + 1, clause)
                if span is None:
                    return None
                found = self.argument(span)
                owner = () if found.actors else self._relative_agent(span[1])
                # "hit by water cannon fired by Chinese vessels": the instrument's user did it
                return Argument(found.start, found.end, owner, found.head, "antecedent") if owner else found
            if self.is_verb(j) and j != p:
                break
        if self.words.lang == "id":
            span = self.np_after(p + 1, clause, allow_noun_pred=False)
            if span is not None and self._has_actor(*span):
                return self.argument(span)
        return None

    def possessor(self, p: int) -> Argument | None:
        """The doer named with an event noun: "serangan (udara) Israel", "Israel's strikes", "Russian invasion"."""
        items = self.items
        clause = self.clause(p)
        if items[p].kind == PRED and items[p].ref.text in self.reading.patient_nouns \
                and not self._undergoer_after(p):
            return None                        # "penangkapan nelayan Vietnam": the genitive is the patient
        if self.words.lang == "id":
            if p > 0 and items[p - 1].kind == PREP and _with_clitic(items[p]):
                return self._clitic_owner(p)         # "dalam kunjungannya ke Kyiv": the one the sentence is about
            j = p + 1
            while j < len(items) and j - p <= 3 and self.clause(j) == clause and items[j].kind == WORD:
                j += 1
            if j in self.party_at and self.clause(j) == clause:
                found = self.argument((j, j + 1))
                if found.actors and items[p].ref.text in self.reading.undergone_nouns \
                        and all(a.sector == "CVL" for a in found.actors):
                    return None                  # "relokasi paksa warga Palestina": the civilians undergo it
                return found
            if j < len(items) and items[j].kind == PRON and items[j].value_of(PRON) == "first":
                speaker = self._speaker_for(clause)    # "Komitmen kami terhadap …": the speaker's
                return Argument(items[j].start, items[j].end, tuple(speaker), "", "speaker") if speaker else None
            return None
        if p > 1 and items[p - 1].value in _POSSESSIVE_PRONOUNS:
            owner = self._pronoun_owner(p)
            if owner is not None:
                return owner
        j = p - 1
        # "Israel's strikes", "Washington's new sanctions", "the Netherlands' new curbs"
        while j >= 0 and self.clause(j) == clause and items[j].kind in _ADV_DET_WORD and p - j <= 3:
            j -= 1
        if j >= 0 and items[j].kind in _PUNCT_WORD and items[j].value in ("'s", "’s", "'", "’"):
            j -= 1
        elif any(items[k].kind == DET for k in range(j + 1, p)):
            return None                              # "the new sanctions": a determiner is no owner's mark
        if j >= 0 and j in self.party_at and self.clause(j) == clause:
            return self.argument((j, j + 1))
        if j >= 0 and items[j].value in ("our", "my"):
            speaker = self._speaker_for(clause)        # "our commitment to …": the speaker's
            return Argument(items[j].start, items[j].end, tuple(speaker), "", "speaker") if speaker else None
        return None

    def _pronoun_owner(self, p: int) -> Argument | None:
        """Whose event noun "its support", "his visit" is: after a verb that is no light verb, that verb's doer
        ("France reaffirmed its support for …", "urge the Philippine side to stop its provocations"); after a
        preposition, the one the sentence is about ("during his visit to Kyiv")."""
        items = self.items
        if p - 2 in self.verb_items and not items[p - 2].has(LIGHT):
            doer = self.subject(p - 2)
            if doer is not None and doer.actors:
                return Argument(items[p - 1].start, items[p - 1].end, doer.actors, "", "pronoun")
        if items[p - 2].kind in _OPEN_PREP and items[p - 1].value != "its":
            return self._clitic_owner(p)
        return None

    def _clitic_owner(self, p: int) -> Argument | None:
        """Whose event noun "kunjungannya", "his visit" is: the sentence's speaker, else its first party that is
        not named after the noun."""
        items = self.items
        owner = self._speaker_for(self.clause(p))
        k = p - 1
        while k >= 0 and items[k].kind in _ADV_DET_PREP:
            k -= 1
        if not owner and k >= 0 and k in self.verb_items:
            # "Blinken said during his visit to Kyiv": the doer of the verb the phrase hangs on
            subject = self.subject(k)
            owner = list(subject.actors) if subject is not None else []
            if not owner and k - 1 in self.party_at:
                owner = list(self.group_at(k - 1).actors)   # "…, Blinken said during his visit": the tag's
        if not owner:
            first = next((k for k in self.parties if k < p), None)
            owner = list(self.group_at(first).actors) if first is not None else []
        item = items[p]
        return Argument(item.start, item.end, tuple(owner), "", "pronoun") if owner else None

    def occasion_subject(self, p: int) -> Argument | None:
        """"… sepakat … dalam pertemuan di Putrajaya", "at the meeting, …": an event noun that is the occasion of
        its clause has the clause's subject as its doers."""
        items = self.items
        j = p - 1
        while j >= 0 and (items[j].kind in _DET_WORD or items[j].kind == PRED and j not in self.verb_items) \
                and p - j <= 3:
            j -= 1                                   # ("for trade talks": a noun that modifies it)
        if j >= 0 and self._answered_with(j):
            found = self.subject(j - 1) if items[j - 1].kind == PRED else self._plain_subject(j - 1, self.clause(j))
            return Argument(found.start, found.end, found.actors, found.head, "shared") \
                if found is not None and found.actors else None
        if j >= 0 and items[j].value in self.words.purpose_prepositions:
            return self._present_for(j)
        if j < 0 or not (items[j].value in self.words.occasions or items[j].value_of(PREP) in self.words.occasions):
            return None
        if items[j].value == "as" and j > 0 and items[j - 1].kind in (DET, GROUP, WORD, PRED, PRON) \
                and j - 1 not in self.verb_items \
                and all(items[k].kind in (WORD, QUOTE) or items[k].value in _ARTICLES for k in range(j + 1, p)):
            # "condemned the launches as a grave provocation": what the object is judged to be (not "freed ten
            # Americans as part of a prisoner exchange")
            return None
        if items[p].kind == PRED and items[p].ref.text in self.reading.hostile_nouns and not (
                items[p].ref.text in self.reading.display_nouns
                and (items[j].value in self.words.manner_occasions
                     or items[j].value_of(PREP) in self.words.manner_occasions)):
            # (but "flew bombers over the peninsula in a show of force": a display of force is the act's manner)
            return None
        clause: int | None = self.clause(p)
        while clause is not None:
            for k, item in enumerate(items):
                if self.clause(k) == clause and k != p and (k in self.verb_items or item.kind in _LIGHT_VERB):
                    found = self.subject(k) if item.kind == PRED else self._plain_subject(k, clause)
                    if found is not None and found.actors:
                        return Argument(found.start, found.end, found.actors, found.head, "shared")
            clause = self.seg.drafts[clause].parent
        return None

    def _present_for(self, j: int) -> Argument | None:
        """"Kamikawa is in Manila for talks with …", "Kamikawa berada di Manila untuk pembicaraan dengan …": the one
        who is somewhere for an act (item `j` is "for") does it."""
        items, clause = self.items, self.clause(j)
        for k in range(j - 1, -1, -1):
            if self.clause(k) != clause:
                return None
            if items[k].value in self.words.presence_verbs:
                found = self._plain_subject(k, clause)
                return Argument(found.start, found.end, found.actors, found.head, "shared") \
                    if found is not None and found.actors else None
            if k in self.verb_items or items[k].kind == PRED:
                return None
        return None

    def _answered_with(self, j: int) -> bool:
        """"China retaliated with tariffs on …", "Moskow membalas dengan pengusiran …": the act a verb of answering
        names after "with" is its subject's."""
        items = self.items
        return j > 0 and items[j].value in self.words.comitative and items[j - 1].kind in (PRED, VERB) \
            and items[j - 1].value in self.words.responding

    def patient_genitive(self, p: int) -> Argument | None:
        """"penangkapan nelayan Vietnam", "pembunuhan pemimpin Hamas": what a peN-…-an noun does is done to the
        actor after it."""
        items = self.items
        if not (items[p].kind == PRED and items[p].ref.text in self.reading.patient_nouns):
            return None
        j = self._genitive_end(p)
        if j is None and not self.english:
            # "penangkapan dua warganya": one's own people, owned by whom the sentence is about
            k = p + 1
            while k < len(items) and k - p <= 2 and self.clause(k) == self.clause(p) and items[k].kind in _DET_WORD:
                k += 1
            found = self.argument((p + 1, k)) if k > p + 1 else None
            if found is not None and items[k - 1].kind == WORD and self._possessive(found):
                owner = self._speaker_for(self.clause(p)) or self._first_party()
                return Argument(found.start, found.end, tuple(owner), found.head, "pronoun") if owner else None
            return None
        if j is None or self._undergoer_after(p):
            return None
        return self.argument((p + 1, j + 1))

    def _genitive_end(self, p: int) -> int | None:
        """The group right after an event noun (a number or quantifier between: "pengusiran dua diplomat Iran")."""
        items = self.items
        j = p + 1
        while j < len(items) and j - p <= 3 and self.clause(j) == self.clause(p) and items[j].kind in _DET_WORD:
            j += 1
        return j if j in self.party_at and self.clause(j) == self.clause(p) else None

    def _undergoer_after(self, p: int) -> bool:
        """"pendudukan Israel atas wilayah Palestina": what undergoes a peN-…-an noun named after "atas" or
        "terhadap" makes the group after the noun its doer."""
        j = self._genitive_end(p)
        items = self.items
        return j is not None and j + 1 < len(items) and items[j + 1].kind == PREP \
            and items[j + 1].value in self.words.undergoer_prepositions

    def _between(self, p: int) -> Argument | None:
        """"gencatan senjata antara Israel dan Iran": the parties of an event noun named after "antara"."""
        if self._betweens is None:                     # whether the sentence has such a preposition at all
            self._betweens = any(PREP in item.kinds and (item.value_of(PREP) or item.value) in BETWEEN
                                 for item in self.items)
        if not self._betweens:
            return None
        for name, argument in self.obliques(p, p + 1):
            if name in BETWEEN and len(argument.actors) > 1:
                return argument
        return None

    def _noun_agent(self, p: int, stop: int) -> Argument | None:
        """"pencaplokan … oleh Rusia", "strikes by Israel": the doer after an event noun's agent preposition."""
        for j in range(p + 1, min(len(self.items), stop + 8)):
            if self.is_verb(j) or self.clause(j) != self.clause(p):
                return None
            if self.acts_as_prep(j) and self.items[j].value in self.words.agent_markers:
                span = self.np_after(j + 1, self.clause(p))
                return self.argument(span) if span is not None and self._has_actor(*span) else None
        return None

    def light_verb(self, p: int) -> int | None:
        """The light verb carrying an event noun ("melancarkan serangan", "imposed sanctions"), if any."""
        items = self.items
        j = p - 1
        while j >= 0 and p - j <= 6 and self.clause(j) == self.clause(p) and (
                items[j].kind in _ADV_COORD_DET_WORD or items[j].kind == QUOTE     # 'expressed "full support"'
                or (items[j].kind == PRED and j not in self.verb_items)):
            if items[j].kind == ADV and items[j].has(LIGHT) and not items[j + 1].has(BE):
                return j                             # "had talks with": an auxiliary's form used as the verb
            j -= 1                                   # "held a fresh round of trade talks"
        if j >= 1 and items[j].kind == PREP and (items[j].value in ("to", "ke") and (
                items[j - 1].has(LIGHT) or items[j - 1].kind == PRED) or items[j].value == "on"
                and items[j - 1].kind == PRED and items[j - 1].value.split()[0] in _AGREEING) \
                and self.clause(j) == self.clause(p):
            j -= 1                                   # "agreed to a complete ceasefire", "agreed on new sanctions"
        if j >= 0 and self.clause(j) == self.clause(p) and (items[j].kind == LIGHT or items[j].has(LIGHT)):
            return j
        if j >= 0 and self.clause(j) == self.clause(p) and items[j].kind == PRED and \
                items[j].value.split()[0] in _AGREEING:
            return j
        return None

    def copula(self, p: int) -> int | None:
        """The copula an event noun is the predicate of ("… merupakan serangan", "was an attack on"), if any."""
        j = p - 1
        while j >= 0 and p - j <= 4 and self.clause(j) == self.clause(p):
            if self.items[j].value in self.words.copulas:
                return j
            if self.items[j].kind not in _ADV_DET_QUOTE_WORD:
                return None
            j -= 1
        return None

    def passive_carrier(self, p: int) -> int | None:
        """The passive light verb an event noun is the subject of ("Joint patrols were conducted by …", "Latihan itu
        digelar oleh …"), if any."""
        for j in range(p + 1, min(len(self.items), p + 8)):
            if self.clause(j) != self.clause(p):
                return None
            if self.is_verb(j) or (self.items[j].kind == PRED and j in self.verb_items):
                light = self.items[j].kind == LIGHT or self.items[j].has(LIGHT)
                return j if light and self.reading.voices.get(j) == "passive" else None
        return None

    def participants(self, p: int) -> Argument | None:
        """Who takes part in an event noun that is the subject of a verb of participation ("Latihan itu melibatkan
        personel dari Indonesia, AS dan Australia", "The talks brought together …"): that verb's object."""
        for j in range(p + 1, min(len(self.items), p + 8)):
            if self.clause(j) != self.clause(p):
                return None
            if self.is_verb(j) or (self.items[j].kind == PRED and j in self.verb_items):
                if self.items[j].value.split()[0] not in self.words.participation:
                    return None
                found = self.agent(j) if self.reading.voices.get(j) == "passive" else None
                if found is None:
                    span = self.np_after(j + 1, self.clause(j))
                    end = span[1] if span is not None else j + 1
                    # "personel dari Indonesia, AS, …": the origin after the people is who takes part
                    if span is not None and end < len(self.items) and self.items[end].value in ("dari", "from"):
                        span = self.np_after(end + 1, self.clause(j))
                    found = self.argument(span) if span is not None else None
                return found if found is not None and found.actors else None
        return None

    def obliques(self, p: int, after: int) -> list[tuple[str, Argument]]:
        """Actor phrases after prepositions from item `after` up to the next verb of the clause."""
        items, clause_of, verbs, opened = self.items, self.seg.clause_of, self.verb_items, self.reading.opened
        clause = clause_of[p]
        found: list[tuple[str, Argument]] = []
        seen: set[str] = set()
        j = after
        while j < len(items):
            own = clause_of[j]
            if own != clause:
                if clause in self.lineage[own]:            # a clause inside this one
                    j += 1
                    continue
                break
            item = items[j]
            kind = item.kind
            if j != p and (kind in VERBISH or kind == BE or (kind == PRED and j in verbs)):
                if not self._carrying(j, p):
                    break
                j += 1                               # "mengirim pesawat berisi bahan makanan ke Myanmar", "sent
                continue                             # ships carrying rations to Colombo": the goods the carrier
                #                                      takes; the phrases after them are the sending verb's
            if PREP in item.kinds and j not in opened:
                prep = item.value_of(PREP) or item.value
                span = self.np_after(j + 1, clause)
                if span is not None and item.value in self.words.carrying_verbs and j - 1 > p \
                        and items[j - 1].value in self.words.carrier_nouns \
                        and all(items[k].kind in (DET, WORD, GROUP) for k in range(p + 1, j - 1)):
                    j = span[1]                      # "sent a military aircraft with relief supplies to Vanuatu":
                    continue                         # the goods the carrier takes; the phrases after are the verb's
                if span is not None and self.with_absolute(j, span[1]):
                    j = span[1]                      # "…, with Saudi Arabia hosting the talks": no partner
                    continue
                if span is not None:
                    if prep not in seen:
                        seen.add(prep)
                        argument = self.argument(self._border_with(span, clause))
                        owner = () if argument.actors else self._relative_agent(span[1])
                        if owner:   # "penyelidikan atas kejahatan yang dilakukan pasukan Rusia"
                            argument = Argument(argument.start, argument.end, owner, argument.head, "antecedent")
                        found.append((prep, argument))
                    if self._holds_event_word(span, p):
                        break                        # "dukungan terhadap gencatan senjata antara X dan Y": the
                    j = span[1]                      # phrases after an event noun are that noun's
                    continue
            j += 1
        return found

    def _border_with(self, span: tuple[int, int], clause: int) -> tuple[int, int]:
        """A border phrase holds the side it is shared with: "di perbatasan dengan Guyana", "on the border with
        Guyana" (the comitative after it stays a slot of its own too: "berunding di perbatasan dengan India")."""
        items, end = self.items, span[1]
        if end + 1 >= len(items) or items[end - 1].value not in self.words.border_nouns \
                or items[end].value not in self.words.comitative:
            return span
        after = self.np_after(end + 1, clause)
        return (span[0], after[1]) if after is not None and self._has_actor(*after) else span

    def _carrying(self, j: int, p: int) -> bool:
        """Whether item `j` says what the carrier before it carries, the carrier being what verb `p` sends."""
        if self.items[j].value not in self.words.carrying_verbs or j - 1 <= p:
            return False
        k = j - 1
        while k > p and self.items[k].kind in (WORD, DET, PRED) and self.items[k].value not in self.words.carrier_nouns:
            k -= 1
        return k > p and self.items[k].value in self.words.carrier_nouns

    def fronted_obliques(self, p: int) -> list[tuple[str, Argument]]:
        """"Kepada Zelensky, Jokowi berjanji …": an oblique before the subject, at the head of the clause."""
        clause = self.clause(p)
        first = self.seg.drafts[clause].first
        if self.items[first].has(OPEN) and first in self.reading.opened:
            first += 1
        if first < len(self.items) and self.acts_as_prep(first) and self.clause(first) == clause:
            span = self.np_after(first + 1, clause)
            if span is not None and self._has_actor(*span) and span[1] < len(self.items) \
                    and self.items[span[1]].kind == PUNCT and self.items[span[1]].value == ",":
                return [(self.items[first].value_of(PREP) or self.items[first].value, self.argument(span))]
        return []

    def negated(self, p: int) -> bool:
        """Whether a negator stands before `p` in its clause, with only adverbs, determiners, prepositions and
        the like between."""
        items, clause_of = self.items, self.seg.clause_of
        clause = clause_of[p]
        draft = self.seg.drafts[clause]
        for j in range(p - 1, -1, -1):
            own = clause_of[j]
            if own != clause:
                if clause in self.lineage[own]:            # a clause inside this one
                    continue
                if j == draft.first - 1 and draft.kind == "complement" and own == draft.parent \
                        and draft.governor is not None and draft.governor < j:
                    # "menyatakan tidak akan mengekstradisi": the adverbs between a verb and its serial
                    # complement belong to the complement
                    clause = draft.parent
                    draft = self.seg.drafts[clause]
                    if NEG in items[j].kinds:
                        return True
                    if items[j].kind in _ADV_BE:
                        continue
                return False
            item = items[j]
            if NEG in item.kinds:
                return not self._idiom_at(j)
            if item.kind in NEGATION_STOPS:
                return False
        return False

    def _idiom_at(self, j: int) -> bool:
        """Whether the negator at item `j` opens a set phrase that negates nothing ("tidak akan berhenti mendukung",
        "will not hesitate to"), though an event word inside it was read as an item of its own."""
        idioms = self.words.not_negating
        if not idioms:
            return False
        said = " ".join(item.value for item in self.items[j:j + 5])
        return any(said == idiom or said.startswith(idiom + " ") for idiom in idioms)


_HEAD_WORDS: dict[str, list[str]] = {}
HEAD_WORDS_KEPT = 50_000                 # values whose head words are kept before starting afresh


def _head_words(value: str) -> list[str]:
    """An item's words as a head names them (see _normal), kept per value."""
    if len(_HEAD_WORDS) > HEAD_WORDS_KEPT:
        _HEAD_WORDS.clear()
    found = _HEAD_WORDS[value] = [_normal(word) if "-" in word or word.endswith("nya") else word
                                  for word in value.split()]
    return found


def _normal(word: str) -> str:
    """A head word without a clitic or reduplication: "pasukannya" → pasukan, "kapal-kapal" → kapal."""
    if "-" in word:
        left, _, right = word.partition("-")
        if left == right:
            word = left
    if word.endswith("nya") and len(word) > 5:
        word = word[:-3]
    return word


def english_passive(items: list[Item], p: int, object_first: frozenset[str] = frozenset()) -> bool:
    """A past participle after a form of "be"/"get" (adverbs and "not" between), or before "by" after a noun; or,
    of a verb whose active needs its object before "of"/"for", before those after a noun ("firms accused of …")."""
    j = p - 1
    while j >= 0:
        if items[j].has(BE):
            return True
        if items[j].kind not in _ADV_NEG or items[j].value in ("has", "have", "had"):
            break
        j -= 1
    k = p + 1
    if k + 1 < len(items) and items[k].kind == WORD and items[k + 1].kind == PREP and items[k + 1].value == "by":
        k += 1                                       # "the proposal put forward by Egypt": a particle between
    nxt = items[k] if k < len(items) else None
    if nxt is None or nxt.kind != PREP or j < 0:
        return False
    if nxt.value in ("of", "for", "in") and k == p + 1 and items[p].value in object_first:
        # "Iran, accused of arming Russia, …": after a comma too; "ships involved in …": after an event word's noun
        return items[j].kind in _GROUP_WORD or items[j].kind == PRED and not items[j].value.endswith("ed") \
            or items[j].value == "," and j > 0 and items[j - 1].kind in _GROUP_WORD
    # ("talks mediated by China": after an event word's noun too; "The ceasefire, brokered by Malaysia, …": after a
    # comma that sets it off from its noun, unless "by" tells how: "retaliated, by imposing …")
    if nxt.value == "by" and k + 1 < len(items) and items[k + 1].value.endswith("ing"):
        return False                                 # "responded by raising tariffs": "by" tells how
    if nxt.value == "by" and items[j].value == "," and j > 0:
        j -= 1
    return nxt.value == "by" and (items[j].kind in _GROUP_WORD
                                  or items[j].kind == PRED and not items[j].value.endswith("ed"))


def _with_clitic(item: Item) -> bool:
    """Whether an event word was written with "-nya" on it ("kunjungannya"): its value is the lexicon form, so the
    clitic shows as three characters more in the text than in the form."""
    return item.kind == PRED and item.end - item.start == len(item.value) + 3


_FLOATING = frozenset({"both", "all", "each"})


def english_noun(items: list[Item], p: int, verbs: bool, nouns: bool, tags: set[str],
                 aspect_forms: frozenset[str] = frozenset()) -> bool:
    """Whether an English word that is both a noun and a verb form ("strikes", "visit", "talks") is the noun here;
    a verb form in a noun's place ("artillery shells", "the attacks") is a noun too, with no event sense."""
    if not verbs:
        return True
    before, after = (items[p - 2] if p >= 2 else None), (items[p + 1] if p + 1 < len(items) else None)
    if p >= 2 and items[p - 1].kind == COORD and items[p].value.endswith("s") and "VBZ" in tags \
            and before is not None and before.kind in _PRED_WORD and before.value.endswith("s") \
            and (after is None or after.kind not in _DET_GROUP_PRON):
        return True                     # "exports and imports", "strikes and raids": a noun like the one before
    if not nouns:
        previous = items[p - 1] if p > 0 else None
        nxt = items[p + 1] if p + 1 < len(items) else None
        if previous is not None and previous.value in _FLOATING and before is not None and before.kind == GROUP:
            return False                # "Aliyev and Pashinyan both praised Trump": a quantifier after its subject
        if previous is not None and (previous.value in ("'s", "’s") or previous.value.endswith(("'s", "’s"))):
            return True                 # "Pyongyang's launch was …": after a possessive, a noun
        if previous is not None and previous.kind == DET and previous.value != "that" \
                and not tags & {"VBN", "VBG", "VBD"}:
            return True                 # "the launch was …", "a visit": a bare verb form after an article
        if previous is not None and previous.kind == DET and previous.value != "that" and nxt is not None \
                and (nxt.kind in _PRED_WORD or (nxt.kind == GROUP and tags & {"VBN", "VBD"})):
            return True                 # "the proposed deal", "the occupied territories", "a round of trade talks"
        if previous is not None and previous.kind == DET and previous.value != "that" and (
                nxt is None or nxt.kind in _COORD_PREP_PUNCT_QUOTE):
            return True                 # "condemned the launch.", "the attack on …": a verb form after "the" is a noun
        if previous is not None and previous.kind == PREP and previous.value != "to" and " " not in items[p].value \
                and tags and not tags & {"VBD", "VBN", "VBG"}:
            return True                 # "tariffs on imports from Mexico", "a ban on exports": no bare verb after "on"
        if previous is not None and previous.kind == WORD and not previous.value.endswith("s") \
                and tags and not tags & {"VBZ", "VBD", "VBN", "VBG"}:
            return True                 # "the multi-domain exercise": a singular noun takes no bare verb
        if previous is not None and previous.kind == WORD and p >= 2 and items[p - 2].kind == DET \
                and "VBG" in tags and (nxt is None or nxt.kind in _COORD_PREP_PUNCT_QUOTE):
            return True                 # "struck a residential building in Kharkiv": an -ing form with no object
            #                             after "a" and a modifier is the noun ("a ship carrying arms" is not)
        if previous is not None and previous.kind == GROUP and items[p].value.endswith("s") and "VBZ" in tags \
                and nxt is not None and nxt.kind in _PRED_VERB and not nxt.value.split()[0].endswith("s") \
                and (" " not in nxt.value or nxt.value.split()[0].endswith("ed")):
            # "Chinese coast guard ships blocked …": a plural noun before its verb; a plural subject takes no -s
            # form after it ("The Kremlin denies reports that …": the verb and its object), nor is a phrase that
            # opens with a modifier a verb ("Iran vows harsh response")
            return True
        if previous is not None and previous.kind == GROUP and tags and not tags & {"VBZ", "VBD", "VBN", "VBG"} \
                and nxt is not None and nxt.kind in _PRED_VERB:
            return True                 # "a Chinese coast guard ship entered …": a bare form before a verb
        # "direct talks with", "the talks": a plural form after a determiner or a modifier is the noun (of the
        # phrase's first word: "talks with" is the noun "talks" and its preposition)
        if previous is not None and previous.kind == WORD and nxt is not None and nxt.kind in _DET_WORD \
                and " " not in items[p].value:
            return False                # "the missile programme threatens regional security": a verb takes its object
        return previous is not None and items[p].value.split()[0].endswith("s") and "VBZ" in tags and (
            previous.kind in _DET_WORD or previous.value in ("of", "'s", "’s"))
    previous = items[p - 1] if p > 0 else None
    nxt = items[p + 1] if p + 1 < len(items) else None
    if previous is None:
        return nxt is None or nxt.kind not in _DET_GROUP
    if previous.kind == ADV and previous.value in MODALS or previous.kind == BE or previous.value == "to":
        return False
    if previous.kind in _OPEN_PREP and items[p].value.endswith("ing") and "VBG" in tags and nxt is not None \
            and nxt.kind == GROUP:
        return False                                  # "a day after meeting Erdogan", "before visiting China"
    if previous.value in aspect_forms and "VBG" in tags and items[p].value.endswith("ing") and nxt is not None \
            and nxt.kind in _DET_GROUP_PRON_WORD:
        return False                                  # "began bombing Iranian facilities": a verb with its object
    if previous.kind in _DEMO_DET_LIGHT_OPEN_PREP or previous.has(LIGHT) or previous.value in ("'s", "’s"):
        return True
    if previous.kind == WORD:
        # "peace talks", but "soldiers fighting for Russia": a participle after a plural noun is a verb
        return not (tags & {"VBG"} and items[p].value.endswith("ing") and previous.value.endswith("s")
                    and nouns and "NN" not in tags)
    if previous.kind in _GROUP_PRON:
        if nxt is not None and nxt.kind in _DET_GROUP_PRON_WORD:
            return False
        if nxt is not None and nxt.kind == PRED and " " in nxt.value and "VBZ" in tags \
                and not nxt.value.split()[0].endswith(("ed", "s")):
            return False                              # "Iran vows harsh response": a verb and its object's phrase
        return not (tags & {"VBD", "VBN"})
    if previous.kind in _PRED_SPEECH_BEFORE_VERB:
        return True                                   # "held talks", "brokered talks", "condemned the attack"
    return not (tags & {"VBD", "VBN", "VBZ"})

