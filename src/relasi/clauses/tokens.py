"""A sentence as a row of items: actor groups, event words, function words, punctuation and other words.

The clause step never looks at raw characters after this: every rule reads items. An actor group (a coordinated
list of mentions) is one item, an event word found by the lexicon is one item (a phrase like "gencatan senjata"
too), a multi-word function word ("di tengah", "according to") is one item.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

from relasi.clauses.words import ADV, COORD, DEMO, DET, LIGHT, OPEN, PREP, PRON, VERB, WordClass, Words
from relasi.pickling import slot_init

# A number keeps its percent sign ("25% tariffs"): a sign alone would end the phrase it counts in. The lookahead
# turns a space away at once (no alternative starts with one), and a number is read once for both its forms (a
# hyphenated "2-0" can only follow the longest number): a fifth less time than the alternatives one by one.
# (a title's abbreviation keeps its period: "spoke to Mr. Modi" has no full stop in it)
_TOKEN = re.compile(r"(?=\S)(?:\d+(?:[.,]\d+)*(?:(?:[-‐]\w+)+|(?:\s?%)?(?!\w))"
                    r"|(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sen|Rep|Gov|Capt|Sgt|Maj|Adm|Brig|Pres|Rev|Jr|Sr|Bpk|Ir|Drs)\.(?=\s)"
                    r"|\w+(?:[-‐]\w+)*(?:['’]t)?|['’]s(?!\w)|[^\w\s])")
QUOTE_OPEN = frozenset("“«„")
QUOTE_CLOSE = frozenset("”»")
QUOTE_BOTH = frozenset('"')
CLAUSE_PUNCT = frozenset(",;:()[]—–")
CURRENCY_SIGNS = frozenset("$€£¥₹")

# Item kinds besides the word classes of words.py
GROUP, PRED, PUNCT, QUOTE, WORD = "group", "pred", "punct", "quote", "word"

# Item kinds asked about together: a set's membership test costs less than a tuple built of names
_DEMO_DET = frozenset({DEMO, DET})
_DEMO_DET_GROUP_WORD = frozenset({DEMO, DET, GROUP, WORD})
_DET_GROUP_PRED_VERB = frozenset({DET, GROUP, PRED, VERB})
_DET_WORD = frozenset({DET, WORD})
_LIGHT_VERB = frozenset({LIGHT, VERB})
_PRED_WORD = frozenset({PRED, WORD})
_PRED_VERB = frozenset({PRED, VERB})
_LIGHT_PRED_VERB = frozenset({LIGHT, PRED, VERB})
_PUNCT_QUOTE = frozenset({PUNCT, QUOTE})
_PREP_PUNCT_COORD = frozenset({PREP, PUNCT, COORD})
_VERB_WORD = frozenset({VERB, WORD})


_DESCRIPTION_OPENERS = frozenset({"the", "this", "these", "those", "that"})
READINGS_KEPT = 50_000                          # token readings kept per pack before starting afresh
Reading = tuple[str, str, Sequence[WordClass], frozenset[str]]   # kind, value, classes, kinds of a lone token
_KIND_SETS: dict[str, frozenset[str]] = {}


def _kind_set(kind: str) -> frozenset[str]:
    """The one-kind set of an item with no word classes (shared: most items are such)."""
    return _KIND_SETS.get(kind) or _KIND_SETS.setdefault(kind, frozenset((kind,)))


_WORD_KINDS, _GROUP_KINDS = _kind_set(WORD), _kind_set(GROUP)
_PHRASE_KINDS: dict[int, tuple[list[WordClass], frozenset[str]]] = {}


def _phrase_kinds(classes: list[WordClass]) -> frozenset[str]:
    """The kinds of a listed phrase's classes, for an item of the first class's kind (kept per phrase: its list
    lives as long as the pack's words)."""
    cached = _PHRASE_KINDS.get(id(classes))
    if cached is None or cached[0] is not classes:
        cached = _PHRASE_KINDS[id(classes)] = (classes, frozenset([c.kind for c in classes]))
    return cached[1]


class Item:
    """One item of a sentence. `kinds` is every kind it is or may be (its own and its word classes'), so that
    `has` and the hot loops ask one set; an item's kind is fixed once made (make a new item to change it)."""

    __slots__ = ("start", "end", "kind", "value", "classes", "ref", "index", "kinds")

    def __init__(self, start: int, end: int, kind: str, value: str, classes: Sequence[WordClass] = (),
                 ref: Any = None, index: int = 0, kinds: frozenset[str] | None = None) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value                           # lower-case text, or the canonical function word
        self.classes = classes
        self.ref = ref                               # the Group of a group item, the Candidate of a predicate
        self.index = index                           # position in the sentence's items
        if kinds is None:                            # else known already: {kind} and the classes' kinds
            kinds = frozenset([kind, *[c.kind for c in classes]]) if classes else _kind_set(kind)
        self.kinds = kinds

    def __repr__(self) -> str:
        return f"Item({self.start}, {self.end}, {self.kind!r}, {self.value!r})"

    def has(self, kind: str, role: str | None = None) -> bool:
        """Whether the item is, or may be, of word class `kind` (with `role`)."""
        if role is None:
            return kind in self.kinds
        return any(c.kind == kind and c.role == role for c in self.classes)

    def value_of(self, kind: str) -> str | None:
        """The role of the item's class `kind` (an opener's clause kind, a pronoun's kind), else its word."""
        if self.classes and kind in self.kinds:
            for c in self.classes:
                if c.kind == kind and c.role:
                    return c.role
            for c in self.classes:
                if c.kind == kind:
                    return c.word
        return self.value if self.kind == kind else None


@slot_init
@dataclass(frozen=True, slots=True)
class Candidate:
    """An event word found by the lexicon in the body."""

    start: int
    end: int
    text: str                                    # the lexicon form (folded), without a clitic
    clitic: str = ""                             # "nya" glued to it ("serangannya")


def tokenize(text: str, start: int, end: int, names: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Word and punctuation spans. A capitalised hyphenated word is cut where a name starts after its hyphen
    ("hubungan Rusia-China", "the Israeli-Palestinian conflict"; not "pro-Palestinian" or "Al-Quran")."""
    spans = [m.span() for m in _TOKEN.finditer(text, start, end)]
    if not names or not any(k > 0 and text[k - 1] in "-‐" for k in names):
        return spans                            # no name right after a hyphen: nothing to cut
    cut: list[tuple[int, int]] = []
    for a, b in spans:
        if not text[a].isupper() or (text.find("-", a, b - 1) < 0 and text.find("‐", a, b - 1) < 0):
            cut.append((a, b))                  # the common case: no capitalised hyphenated word
            continue
        while True:
            split = next((k for k in range(a + 1, b) if k in names and text[k - 1] in "-‐" and text[a].isupper()),
                         None)
            if split is None:
                break
            cut.extend([(a, split - 1), (split - 1, split)])
            a = split
        cut.append((a, b))
    return cut


def items_of(text: str, start: int, end: int, groups: list, candidates: list[Candidate], words: Words,
             lexicon_verbs: frozenset[str], inert: frozenset[str] = frozenset(),
             readings: dict[str, Reading | bool] | None = None) -> list[Item]:
    """The items of text[start:end]: groups and candidates where they are, the rest classified word by word.

    `readings` keeps how each token reads by itself (a pure function of the token and the pack), so a caller that
    passes the same dict for one pack's words classifies each word once."""
    spans = tokenize(text, start, end, frozenset(g.start for g in groups) if groups else frozenset())
    lows = [text[a:b].lower() for a, b in spans]
    items: list[Item] = []
    append = items.append
    group_at = {g.start: g for g in groups}
    cand_at: dict[int, Candidate] = {}
    for candidate in candidates:
        cand_at.setdefault(candidate.start, candidate)
    inside = _covered(spans, groups)
    words.phrase_index()                               # built once: _reading and _word_item read it
    if readings is None:
        readings = {}
    elif len(readings) > READINGS_KEPT:
        readings.clear()
    known = readings.get
    placed = group_at.keys() | cand_at.keys()         # where a group or an event word starts
    i, n = 0, len(spans)
    while i < n:
        a, b = spans[i]
        if a in placed:
            i = _placed_item(text, spans, lows, i, group_at, cand_at, inside, items, words, lexicon_verbs, inert)
            continue
        if inside[i]:
            i += 1
            continue
        low = lows[i]
        reading = known(low)
        if reading is None:
            reading = readings[low] = _reading(low, words, lexicon_verbs)
        if reading:
            kind, value, classes, kinds = reading
            if kind == VERB and i > 0 and (text[a].isupper() and lows[i - 1][:1].isalnum()
                                           or low.endswith("nya") and lows[i - 1] in words.nominalising_prepositions):
                # "di kawasan Menteng", "Jalan Diponegoro": a capitalised word inside a sentence is a name; "atas
                # meningkatnya aktivitas militer China": a verb with -nya after such a preposition is its noun
                append(Item(a, b, WORD, low, (), None, len(items), _WORD_KINDS))
            else:
                append(Item(a, b, kind, value, classes, None, len(items), kinds))
            i += 1
        else:
            i = _word_item(text, spans, lows, i, group_at, cand_at, items, words, lexicon_verbs)
    _retag(items, words, lows, lexicon_verbs)
    if len(items) > 4 and any(item.kind == QUOTE for item in items):
        items = _without_fragment_marks(items)
    if words.description_heads:
        described = _descriptions(items, words)
        if described is not items:                     # items were merged: number them again
            items = described
            for index, item in enumerate(items):
                item.index = index
    return items


def _without_fragment_marks(items: list[Item]) -> list[Item]:
    """'said Beijing "appreciates and welcomes" Nauru's decision': quoted words with a verb, set in a clause that
    goes on after them with no punctuation and ending no sentence of their own, are that clause's words: their marks
    go, so that the verbs keep their subject and object."""
    drop: set[int] = set()
    marks = [i for i, item in enumerate(items) if item.kind == QUOTE]
    for opening, closing in pairwise(marks):             # the facing test below tells openings from closings
        if opening == 0 or closing + 1 >= len(items) or closing - opening < 2:
            continue
        before, last, after = items[opening - 1], items[closing - 1], items[closing + 1]
        if before.kind in _PUNCT_QUOTE or last.kind in _PUNCT_QUOTE or after.kind in _PUNCT_QUOTE:
            continue
        if before.kind in _LIGHT_PRED_VERB:
            continue                                    # 'jika Seoul melakukan "provokasi sekecil apa pun"': an object
        # marks that face their words (a space outside, none inside): an opening and its closing, not the end of
        # one quotation and the start of the next
        if not (before.end < items[opening].start and items[opening].end == items[opening + 1].start
                and last.end == items[closing].start and items[closing].end < after.start):
            continue
        if any(items[k].kind in _PRED_VERB for k in range(opening + 1, closing)):
            drop.update((opening, closing))
    if not drop:
        return items
    kept = [item for i, item in enumerate(items) if i not in drop]
    for index, item in enumerate(kept):
        item.index = index
    return kept


def _reading(low: str, words: Words, lexicon_verbs: frozenset[str]) -> Reading | bool:
    """How a token reads by itself (kind, value, classes, kinds), or False when its neighbours or its case decide
    (the first word of a longer phrase, an English "-ly" word)."""
    if low in CURRENCY_SIGNS:
        return DET, low, (), _kind_set(DET)            # "$200 billion worth of goods": an amount opens the phrase
    if not low[0].isalnum():
        kind = QUOTE if low in QUOTE_OPEN or low in QUOTE_CLOSE or low in QUOTE_BOTH else PUNCT
        return kind, low, (), _kind_set(kind)
    longest = words.first_lengths.get(low)
    if longest == 1:
        classes, kinds = words.single[low]
        return classes[0].kind, classes[0].word, classes, kinds
    if longest is not None or (words.lang == "en" and low.endswith("ly") and len(low) > 4):
        return False
    if low[0].isdigit():
        return DET, low, (), _kind_set(DET)            # "51,5 ton bantuan": a quantity opens the phrase
    if (low in lexicon_verbs or words.is_verb(low)) and not _nominalised(low, words):
        return VERB, low, (WordClass(VERB, low),), _kind_set(VERB)
    return WORD, low, (), _kind_set(WORD)


def _word_item(text: str, spans: list[tuple[int, int]], lows: list[str], i: int, group_at: dict, cand_at: dict,
               items: list[Item], words: Words, lexicon_verbs: frozenset[str]) -> int:
    """The item at token `i` when its neighbours or its case decide; returns the index of the next token."""
    a, b = spans[i]
    low = lows[i]
    if low in words.first_lengths:                     # a listed first word: the longest phrase from here
        length, classes = words.lookup(lows, i)
        # a phrase must not run into a group or an event word
        while length > 1 and any(spans[k][0] in group_at or spans[k][0] in cand_at for k in range(i + 1, i + length)):
            length -= 1
            classes = words.phrases.get(tuple(lows[i:i + length]), [])
        if classes:
            items.append(Item(a, spans[i + length - 1][1], classes[0].kind, classes[0].word, classes, None,
                              len(items), _phrase_kinds(classes)))
            return i + length
    if low[0].isdigit():
        items.append(Item(a, b, DET, low, (), None, len(items)))   # "51,5 ton bantuan": a quantity opens the phrase
    elif words.lang == "en" and low.endswith("ly") and len(low) > 4 and text[a].islower() and _ly_adverb(low):
        items.append(Item(a, b, ADV, low, (), None, len(items)))   # "categorically rejected", "sharply criticised"
    elif (low in lexicon_verbs or words.is_verb(low)) and not _nominalised(low, words) \
            and not (i > 0 and text[a].isupper() and lows[i - 1][:1].isalnum()):
        items.append(Item(a, b, VERB, low, (WordClass(VERB, low),), None, len(items)))
    else:
        items.append(Item(a, b, WORD, low, (), None, len(items), _WORD_KINDS))
    return i + 1


def _in_name(text: str, spans: list[tuple[int, int]], i: int, group_at: dict) -> bool:
    """Whether the capitalised token `i` inside a sentence is part of a name of several capitalised words: after a
    lower-case word and before a capitalised one ("with Storm Shadow"), or after a capitalised word that itself
    follows a lower-case one ("the Shangri-La Dialogue"). A headline in title case has no lower-case word around."""
    if i == 0 or not text[spans[i][0]].isupper():
        return False
    before = text[spans[i - 1][0]]
    if before.islower():                        # after a lower-case word: before a capitalised one
        return i + 1 < len(spans) and text[spans[i + 1][0]].isupper() and spans[i + 1][0] not in group_at
    # after a capitalised word (not a group's) that follows a lower-case one
    return before.isupper() and spans[i - 1][0] not in group_at and i >= 2 and text[spans[i - 2][0]].islower()


def _placed_item(text: str, spans: list[tuple[int, int]], lows: list[str], i: int, group_at: dict, cand_at: dict,
                 inside: list[bool], items: list[Item], words: Words, lexicon_verbs: frozenset[str],
                 inert: frozenset[str]) -> int:
    """The item at token `i` where a group or an event word starts; returns the index of the next token."""
    a = spans[i][0]
    group = group_at.get(a)
    if group is not None:
        j = i
        while j < len(spans) and spans[j][0] < group.end:
            j += 1
        items.append(Item(a, group.end, GROUP, text[a:group.end].lower(), (), group, len(items), _GROUP_KINDS))
        return j
    candidate = cand_at[a]
    if items and items[-1].kind == DET:
        # "3 billion pounds of aid": a measure after a quantity is a determiner, not the verb "pound"
        length, classes = words.lookup(lows, i)
        if length > 1 and classes and classes[0].kind == DET and spans[i + length - 1][1] >= candidate.end:
            items.append(Item(a, spans[i + length - 1][1], DET, classes[0].word, classes, None, len(items),
                              _phrase_kinds(classes)))
            return i + length
    if inside[i]:
        return i + 1
    if " " not in candidate.text and lows[i] in words.first_lengths:
        # "close to Venezuela's coast": a longer preposition wins over a one-word event form
        length, classes = words.lookup(lows, i)
        # ("according to Tokyo": a preposition that is also a speech tag)
        if length > 1 and classes and any(c.kind == PREP for c in classes) and not any(
                spans[k][0] in group_at or spans[k][0] in cand_at for k in range(i + 1, i + length)):
            items.append(Item(a, spans[i + length - 1][1], PREP, classes[0].word, classes, None,
                              len(items), _phrase_kinds(classes)))
            return i + length
    j = i
    while j < len(spans) and spans[j][0] < candidate.end:
        j += 1
    stop = max(candidate.end, spans[j - 1][1])
    if j - i == 1 and _in_name(text, spans, i, group_at):
        # "Storm Shadow missiles", "at the Shangri-La Dialogue": a capitalised word inside a name is no event
        items.append(Item(a, stop, WORD, lows[i], (), None, len(items), _WORD_KINDS))
        return j
    if candidate.text in inert:
        # "menolak berkomentar", "press conference": a phrase that only contains an event word; a verb
        # phrase stays a verb ("menahan diri")
        kind = VERB if candidate.text in lexicon_verbs else WORD
        items.append(Item(a, stop, kind, candidate.text, (WordClass(kind, candidate.text),), None, len(items)))
    else:
        items.append(Item(a, stop, PRED, candidate.text, _function_classes(words, lows, i, j - i), candidate,
                          len(items)))
    for k in range(i + 1, j):
        group = group_at.get(spans[k][0])
        if group is not None and group.end > stop:
            # "aksi militer Israel": the event word took the first word of a group ("militer Israel"); the rest
            # of the group stays an actor
            end = j
            while end < len(spans) and spans[end][0] < group.end:
                end += 1
            if end > j:
                items.append(Item(spans[j][0], group.end, GROUP, text[spans[j][0]:group.end].lower(), (), group,
                                   len(items), _GROUP_KINDS))
            return end
    return j


def _retag(items: list[Item], words: Words, lows: list[str], lexicon_verbs: frozenset[str] = frozenset()) -> None:
    """Readings that depend on the neighbours: openers without a comma, adverb phrases, nouns after determiners.
    `lows`: the sentence's tokens (an opener's first word is one of them); `lexicon_verbs`: the lexicon's verb forms."""
    openers = words.comma_openers
    if openers and not _first_words(openers).isdisjoint(lows):
        for k in range(1, len(items)):
            item = items[k]
            if item.kind == OPEN and item.value in openers and items[k - 1].value != ",":
                items[k] = Item(item.start, item.end, ADV, item.value, (WordClass(ADV, item.value),), None, k)
                # "menghentikan sementara": no comma, no new clause
    if words.duration_openers and not words.duration_openers.isdisjoint(lows):
        for k in range(len(items) - 2):
            item = items[k]
            if item.kind == OPEN and item.value in words.duration_openers \
                    and (items[k + 1].value in words.duration_units
                         or any(items[j].value in words.duration_units for j in range(k + 2, min(k + 4, len(items))))
                         and (items[k + 1].value[:1].isdigit() or items[k + 1].kind == DET)):
                # "selama 90 hari", "selama satu bulan": a length of time, no clause
                items[k] = Item(item.start, item.end, PREP, item.value, (WordClass(PREP, item.value),), None, k)
    if words.approximators and not words.approximators.isdisjoint(lows):
        for k in range(len(items) - 1):
            item = items[k]
            if item.value in words.approximators and items[k + 1].value[:1].isdigit():
                # "France has about 1,500 troops stationed in Niger": a quantity, no preposition's object
                items[k] = Item(item.start, item.end, DET, item.value, (), None, k)
    english = words.lang == "en"
    if not english:
        _ber_adjectives(items, lexicon_verbs)
    adjectives = words.adjectives
    for k in range(len(items) - 1):
        item = items[k]
        kind = item.kind
        if kind != ADV and not english:
            continue                             # every rule but the English ones reads an adverb here
        nxt = items[k + 1]
        if kind == ADV and item.value == "secara" and nxt.kind in _VERB_WORD:
            # "secara khusus", "secara resmi": an adverb phrase
            nxt = items[k + 1] = Item(nxt.start, nxt.end, ADV, nxt.value, nxt.classes, nxt.ref, k + 1)
        if english and k > 0 and nxt.kind == VERB and kind == WORD and nxt.value.endswith("s") \
                and items[k - 1].kind in _DET_GROUP_PRED_VERB:
            # "demanded security guarantees", "the trade talks": a plural after a modifier noun
            nxt = items[k + 1] = Item(nxt.start, nxt.end, WORD, nxt.value, (), None, k + 1)
        if english and nxt.kind == OPEN and item.value in words.perfect_auxiliaries \
                and nxt.value_of(OPEN) == "temporal":
            # "Caracas has since moved troops …": a time opener right after a perfect's auxiliary is an adverb (not
            # "has yet to reach": "yet" there says it has not)
            nxt = items[k + 1] = Item(nxt.start, nxt.end, ADV, nxt.value, (WordClass(ADV, nxt.value),), None, k + 1)
        if english and nxt.kind in _LIGHT_VERB and (
                (kind == DET and item.value != "that") or item.value in ("'s", "’s")):
            # "the proposed deal", "the occupied territory", "the move", "Israel's plan"
            items[k + 1] = Item(nxt.start, nxt.end, WORD, nxt.value, (), None, k + 1)
        if english and kind == DET and nxt.kind in _PREP_PUNCT_COORD and any(c.kind == PRON for c in item.classes):
            # "accused her of spying", "told her that …": a possessive that owns no noun is the object pronoun
            items[k] = Item(item.start, item.end, PRON, item.value, item.classes[::-1], item.ref, k)
        if k > 0 and kind == ADV and item.value in adjectives and items[k - 1].kind in _PRED_WORD \
                and nxt.kind in _DEMO_DET_GROUP_WORD and len(item.value.split()) == 1 \
                and items[k - 1].value not in lexicon_verbs:
            # "kebijakan baru Uni Eropa", "sanksi baru AS": a listed adverb after a noun is its adjective (after a
            # verb it stays an adverb: "menolak keras setiap upaya …")
            items[k] = Item(item.start, item.end, WORD, item.value, item.classes, item.ref, k)


_IN_OBJECT = frozenset({WORD, DET, COORD})


def _ber_adjectives(items: list[Item], lexicon_verbs: frozenset[str]) -> None:
    """"mengerahkan kapal selam bertenaga nuklir ke …", "menangguhkan pengiriman bom berbobot 2.000 pon ke Israel":
    a ber- word right after a common noun in a verb's object describes that noun, no verb of its own (one the
    lexicon names stays a verb: "mengajak semua negara bekerja sama")."""
    for k in range(2, len(items)):
        item = items[k]
        if item.kind != VERB or not item.value.startswith("ber") or item.value in lexicon_verbs \
                or items[k - 1].kind != WORD:
            continue
        j = k - 1
        while j > 0 and (items[j].kind in _IN_OBJECT
                         or items[j].kind == PRED and not _verb_form(items[j], lexicon_verbs)):
            j -= 1
        if (items[j].kind == VERB or _verb_form(items[j], lexicon_verbs)) and not items[j].value.startswith("ber"):
            items[k] = Item(item.start, item.end, WORD, item.value, (), None, k)


def _verb_form(item: Item, lexicon_verbs: frozenset[str]) -> bool:
    """Whether an event word is one of the lexicon's verbs ("mengerahkan"), not a noun ("pengiriman")."""
    return item.kind == PRED and item.ref is not None and item.ref.text in lexicon_verbs


_FIRST_WORDS: dict[int, tuple[frozenset[str], frozenset[str]]] = {}


def _first_words(phrases: frozenset[str]) -> frozenset[str]:
    """The first words of a set of phrases (kept per set: a pack's sets live as long as the pack)."""
    cached = _FIRST_WORDS.get(id(phrases))
    if cached is None or cached[0] is not phrases:
        cached = _FIRST_WORDS[id(phrases)] = (phrases, frozenset(p.split()[0] for p in phrases if p.split()))
    return cached[1]


def _descriptions(items: list[Item], words: Words) -> list[Item]:
    """"the Middle Eastern country", "the three countries", "negara Timur Tengah itu", "dewan tersebut": a phrase of
    plain words around a description head becomes one pronoun-like item the discourse resolves."""
    heads = words.description_heads
    if heads.keys().isdisjoint([item.value for item in items]):
        return items                             # a description needs its head word
    english = words.lang == "en"
    result: list[Item] = []
    copied = 0                                   # items[:copied] are in `result` (or replaced there)
    i = 0
    while i < len(items):
        item = items[i]
        if (english and item.kind in _DEMO_DET and item.value in _DESCRIPTION_OPENERS
                and not _complementiser(items, i)) \
                or (not english and item.kind == WORD and item.value in heads):
            found = _description_at(items, i, words)
            first = i
            if not english and i > copied and items[i - 1].kind == DET \
                    and words.counts.get(items[i - 1].value, 0) > 2 and heads.get(item.value) == "STATE":
                # "ketiga negara", "keempat negara", "ketiga junta militer itu": a collective numeral makes the head
                # definite by itself, and several
                found, first = (found[0] if found is not None else i, "STATES"), i - 1
            if found is not None and words.other_words.isdisjoint(x.value for x in items[first:found[0] + 1]):
                # ("the other countries", "negara-negara lain": others than those named, no description of them)
                last, kind = found
                phrase = " ".join(x.value for x in items[first:last + 1])     # "the three countries": its count counts
                result.extend(items[copied:first])
                result.append(Item(items[first].start, items[last].end, PRON, phrase,
                                   [WordClass(PRON, "description", f"description:{kind}")]))
                i = copied = last + 1
                continue
        i += 1
    if not copied:
        return items
    result.extend(items[copied:])
    return result


def _complementiser(items: list[Item], i: int) -> bool:
    """"said that his country …", "said that the kingdom …": a "that" before another determiner opens a clause,
    not a description."""
    return items[i].value == "that" and i + 1 < len(items) and items[i + 1].kind == DET


def _description_at(items: list[Item], i: int, words: Words) -> tuple[int, str] | None:
    """The last item and the kind of a description phrase opened by items[i], if any."""
    heads = words.description_heads
    item = items[i]
    counted = any(words.counts.get(items[k].value, 0) > 1 for k in range(max(0, i - 1), min(len(items), i + 3)))
    if words.lang == "en":
        j = i + 1
        while j < len(items) and j - i <= 4 and (items[j].kind in _DET_WORD or counted and _body_group(items[j])):
            if items[j].value in heads and (j + 1 >= len(items) or items[j + 1].kind != WORD):
                return j, heads[items[j].value]
            j += 1
    elif words.lang == "id":
        j = i + 1
        while j < len(items) and j - i <= 5 and (items[j].kind in _DET_WORD or counted and _body_group(items[j])):
            j += 1              # ("negara berpenduduk sekitar 800.000 jiwa tersebut": a number inside the modifiers)
        if j < len(items) and items[j].kind == DEMO:
            return j, heads[item.value]
    return None


def _body_group(item: Item) -> bool:
    """"the three ASEAN countries", "ketiga negara ASEAN itu": an international body that counted states are members
    of describes them, it is no party of its own."""
    return item.kind == GROUP and item.ref is not None and all(a.kind == "IGO" for a in item.ref.actors)


def _function_classes(words: Words, lows: list[str], i: int, tokens: int = 1) -> list[WordClass]:
    """A predicate that is also a function word keeps that reading ("says" both speaks and reports, "take part in"
    carries a noun as "take" does); a light verb of several words must cover the predicate's `tokens` tokens
    exactly ("carried out")."""
    if lows[i] not in words.phrase_index():
        return []
    length, classes = words.lookup(lows, i)
    if length == 1:
        return list(classes)
    return [c for c in classes if c.kind == LIGHT] if length == tokens else []


def _nominalised(word: str, words: Words) -> bool:
    """"bergabungnya Indonesia", "terpilihnya Lai": a ber-/ter- verb with -nya is a noun."""
    return words.lang == "id" and word.endswith("nya") and word.startswith(("ber", "ter"))


def _covered(spans: list[tuple[int, int]], groups: list) -> list[bool]:
    """For each token, whether it starts inside a group (after the group's first character)."""
    covered = [False] * len(spans)
    if groups:
        starts = [a for a, _ in spans]
        for group in groups:
            for k in range(bisect_right(starts, group.start), bisect_left(starts, group.end)):
                covered[k] = True
    return covered


@lru_cache(maxsize=4096)
def _ly_adverb(word: str) -> bool:
    """"sharply", "categorically": an -ly word that can only be an adverb ("resupply", "rally", "family" cannot)."""
    from lemminflect import getAllLemmas

    readings = getAllLemmas(word)
    return not readings or set(readings) <= {"ADV", "ADJ"}
