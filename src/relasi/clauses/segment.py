"""Clause segmentation: which clause each item of a sentence belongs to.

One left-to-right pass with a stack of open clauses. A quotation (direct speech of four words or more) is a clause of
its own; inside it the same rules apply. Openers from grammar.yaml start a clause of their kind: "yang"/"which"
(relative), "bahwa"/"that" (complement), "jika"/"if" (conditional), "untuk"/"to" before a verb (purpose, or the
complement of a control verb: "berjanji untuk mengirim", "agreed to send"), "setelah"/"after" (temporal), "karena"
(reason), "meskipun"/"although" (concessive); "namun"/"but" starts a second main clause. A speech verb followed by a
clause opens a complement without "bahwa" ("mengatakan pasukan Kamboja melanggar …"), and so does a control verb
followed by a verb ("memutuskan menarik", "meminta Israel menarik"). A comma closes the clauses that end at a comma
(relative, conditional, purpose, temporal, reason, concessive); a semicolon closes all but the main clause or quote.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

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

# Item kinds asked about together: a set's membership test costs less than a tuple built of names
_ADV_NEG = frozenset({ADV, NEG})
_ADV_NEG_WORD = frozenset({ADV, NEG, WORD})
_COORD_PREP = frozenset({COORD, PREP})
_DEMO_DET_GROUP_PRED_PRON_VERB_WORD = frozenset({DEMO, DET, GROUP, PRED, PRON, VERB, WORD})
_DEMO_DET_GROUP_PRON_WORD = frozenset({DEMO, DET, GROUP, PRON, WORD})
_DEMO_DET_GROUP_WORD = frozenset({DEMO, DET, GROUP, WORD})
_DEMO_DET_OPEN_PREP_WORD = frozenset({DEMO, DET, OPEN, PREP, WORD})
_DET_GROUP_PRON_WORD = frozenset({DET, GROUP, PRON, WORD})
_DET_WORD = frozenset({DET, WORD})
_GROUP_PRED_WORD = frozenset({GROUP, PRED, WORD})
_GROUP_PRON = frozenset({GROUP, PRON})
_GROUP_WORD = frozenset({GROUP, WORD})
_LIGHT_SPEECH_BEFORE_VERB = frozenset({LIGHT, SPEECH_BEFORE, VERB})
_PRED_VERB = frozenset({PRED, VERB})
_PRED_WORD = frozenset({PRED, WORD})
_PUNCT_QUOTE = frozenset({PUNCT, QUOTE})

CLOSE_AT_COMMA = frozenset({"relative", "conditional", "purpose", "temporal", "reason", "concessive"})
BASES = frozenset({"main", "quote"})
ALWAYS_OPEN = frozenset({"relative", "complement", "conditional", "temporal", "reason", "concessive"})
# Item kinds that no segmentation rule acts on by themselves (unless the item may be an opener, or is "that")
INERT = frozenset({DET, ADV, NEG, SPEECH_AFTER, PRON, DEMO, BE, GROUP, QUOTE, WORD})
VERBS = frozenset({VERB, SPEECH_BEFORE, LIGHT})   # verbs whatever their voice; event words are verbs by their voice


@dataclass
class Draft:
    kind: str
    first: int                       # index of its first item (the opener, if any)
    marker: str = ""
    parent: int | None = None
    governor: int | None = None      # the item (verb, event word) whose complement or purpose it is
    last: int = -1                   # index of its last item (or of a descendant's)


@dataclass
class Segmentation:
    drafts: list[Draft]
    clause_of: list[int]             # item index -> draft index


_NO_SECOND_VERB_AFTER = frozenset({COORD, PUNCT, BE, NEG, WORD})   # what a clause's own second verb may follow


def verbish(item: Item, verb_preds: set[int]) -> bool:
    return item.kind in VERBS or (item.kind == PRED and item.index in verb_preds)


def segment(items: list[Item], words: Words, verb_preds: set[int], quotes: list[tuple[int, int]],
            present: frozenset[str] | None = None) -> Segmentation:
    """`verb_preds`: indexes of the predicate items read as verbs (not nouns); `quotes`: spans of direct speech;
    `present`: every kind the items have, where the caller knows it."""
    drafts = [Draft("main", 0)]
    stack = [0]
    clause_of = [0] * len(items)
    # a clause opened inside scare quotes ends with them ("mengambil "langkah balasan yang bersifat militer" jika …")
    quote_of, scare_ends = _quotations(items, quotes, verb_preds) if items and quotes else (None, {})
    scare_depth: list[int] = []
    quote_at: tuple[int, int] | None = None
    english, indonesian, cognition, n = words.lang == "en", words.lang == "id", words.cognition, len(items)
    serial_nouns = words.serial_nouns
    noun_openers = words.noun_openers
    pending_complement = False          # a speech verb was just seen: a clause after it is its complement

    def push(kind: str, first: int, marker: str, governor: int | None = None) -> int:
        drafts.append(Draft(kind, first, marker, stack[-1], governor))
        stack.append(len(drafts) - 1)
        return stack[-1]

    def pop_to_base() -> None:
        while len(stack) > 1 and drafts[stack[-1]].kind not in BASES:
            stack.pop()

    for i, item in enumerate(items):
        kind, value, kinds = item.kind, item.value, item.kinds
        if scare_ends:
            if i in scare_ends.values():
                scare_depth.append(len(stack))
            if i in scare_ends and scare_depth:
                del stack[max(1, scare_depth.pop()):]
        inside = quote_of[i] if quote_of is not None else None
        if inside != quote_at:
            if quote_at is not None:            # leaving a quotation
                while len(stack) > 1 and drafts[stack[-1]].kind != "quote":
                    stack.pop()
                if len(stack) > 1:
                    stack.pop()
            if inside is not None:
                if quote_at is None:
                    pop_to_base()
                push("quote", i, value if kind == QUOTE else "")
            quote_at = inside
            pending_complement = False
        if len(stack) > 1 and drafts[stack[-1]].kind == "relative" \
                and (value in words.copulas or (kind == PRED and value.split()[0] in words.copulas)) \
                and _subject_relative(items, i, verb_preds, clause_of, stack[-1], drafts):
            # "Lima negara yang menolak resolusi itu adalah Rusia, …", "The countries that voted against it were
            # …": a copula after a relative clause on the subject is the main clause's
            stack.pop()
        elif english and len(stack) > 1 and drafts[stack[-1]].kind == "relative" and verbish(item, verb_preds) \
                and items[i - 1].kind not in _NO_SECOND_VERB_AFTER and items[i - 1].value != "to" \
                and not value.endswith("ing") and drafts[stack[-1]].first \
                and items[drafts[stack[-1]].first - 1].kind != PUNCT \
                and _subject_relative(items, i, verb_preds, clause_of, stack[-1], drafts):
            # "The diplomats whom Moscow expelled in March criticised …", "The drones that Iran supplied struck …": a
            # second verb with no coordinator after a restrictive relative clause on the subject is the main
            # clause's (a relative set off by commas ends at its comma: "…, which form a confederation known as …";
            # a verb right after a plain noun may be a reduced relative of its own: "the alliance led by France")
            stack.pop()
        elif not english and len(stack) > 1 and drafts[stack[-1]].kind == "relative" and verbish(item, verb_preds) \
                and _shape(item) == "me" and items[i - 1].kind not in (COORD, PUNCT) \
                and _passive_relative_on_noun(items, i, verb_preds, clause_of, stack[-1], drafts) \
                and _subject_relative(items, i, verb_preds, clause_of, stack[-1], drafts):
            # "Pernyataan yang dikeluarkan Kemlu Iran pada Senin mengecam …", "Kapal yang ditahan Indonesia
            # memasuki …": an active verb after a passive relative clause on the subject noun is the main clause's
            stack.pop()
        if not pending_complement and kind in INERT and OPEN not in kinds and value != "that" \
                and value not in words.content_openers:
            # no rule below can open or close a clause here: the common case, decided at once
            clause_of[i] = stack[-1]
            pending_complement = SPEECH_BEFORE in kinds
            continue
        opened = False
        if noun_openers and len(stack) > 1 and drafts[stack[-1]].marker in noun_openers \
                and drafts[stack[-1]].first <= 1 and verbish(item, verb_preds):
            # "During his visit to Beijing the German chancellor raised …": an opener that takes a noun phrase
            # has no verb of its own; with no comma, it ends where the verb's subject starts
            draft = drafts[stack[-1]]
            start = None if any(verbish(items[k], verb_preds) for k in range(draft.first + 1, i)) \
                else _subject_start(items, draft.first + 1, i)
            if start is not None:
                for k in range(start, i):
                    clause_of[k] = draft.parent
                stack.pop()
        if serial_nouns and len(stack) > 1 and drafts[stack[-1]].kind in ("complement", "purpose") \
                and drafts[stack[-1]].first < i and verbish(item, verb_preds) and _shape(item) in ("di", "ter") \
                and _noun_governed(items, drafts[stack[-1]], verb_preds, i):
            # "Keputusan Israel memperluas operasi militer dikecam Turki", "Permintaan Ukraina untuk bergabung
            # dengan NATO ditolak Hungaria": a passive verb after what a noun governs ends it; the whole phrase is
            # the passive verb's subject
            stack.pop()
        if kind == PUNCT and value in (",", "—", "–", "--"):
            if i + 1 < n and SPEECH_AFTER in items[i + 1].kinds:
                pop_to_base()
            else:
                # "Sambil mendesak AS menahan diri, China …": what opened inside a clause that ends at a comma
                # ends with it
                closable = [k for k, d in enumerate(stack) if k > 0 and drafts[d].kind in CLOSE_AT_COMMA]
                if closable:
                    del stack[closable[0]:]
                if english and i + 1 < n and items[i + 1].kind in (PRED, VERB) \
                        and items[i + 1].value.split()[0].endswith("ing"):
                    # "ordered a British diplomat to leave, accusing him of spying": a participle after a comma
                    # tells more of the act the infinitive hangs on, by that act's subject
                    while len(stack) > 1 and drafts[stack[-1]].marker == "to":
                        stack.pop()
        elif kind == COORD and drafts[stack[-1]].kind == "complement" and i + 1 < n \
                and (SPEECH_BEFORE in items[i + 1].kinds or items[i + 1].value in cognition
                     or _second_appeal(items, i, drafts[stack[-1]], words)
                     or _appeal_after_noun_content(items, i, drafts[stack[-1]], words)):
            # "memperkirakan Rusia akan masuk … dan mengatakan Moskow akan …": a second speech act of the same
            # subject closes what the first reported ("menuntut Israel menghentikan serangan … dan meminta PBB …")
            stack.pop()
        elif kind == COORD and drafts[stack[-1]].kind == "relative" \
                and (depth := _relatives_closed(items, i, verb_preds, clause_of, stack, drafts)):
            # "mengecam Israel yang memblokade bantuan dan mendesak PBB …": the second verb is the main clause's
            # (through a verbless clause the relative hangs in: "condemned the exercises as a provocation that
            # undermined peace and called on Beijing …")
            del stack[-depth:]
        elif kind == COORD and not indonesian and _gerund_clause(items, i, verb_preds, clause_of, stack[-1], drafts) \
                and _closes_relative(items, i, verb_preds, clause_of, stack[-1], drafts):
            # "denied targeting civilian sites and blamed the damage on …": a past verb after "and" is no gerund;
            # it continues the clause the gerund hangs on
            stack.pop()
        elif kind == COORD and not indonesian and drafts[stack[-1]].marker == "to" \
                and (depth := _infinitives_closed(items, i, verb_preds, clause_of, stack, drafts)):
            # "ordered French troops to leave and rejected any further cooperation": a past verb after "and" is
            # no infinitive; it continues the clause the infinitives hang on ("called on China to press Russia to
            # end its war and voiced concern …")
            del stack[-depth:]
        elif kind == PREP and drafts[stack[-1]].kind == "relative" and indonesian \
                and _adjectival(items, drafts[stack[-1]].first, i, clause_of, stack[-1], verb_preds):
            # "dukungan yang tak tergoyahkan bagi Venezuela": "yang" and an adjective modify the noun, and the
            # preposition after them is the noun's again
            stack.pop()
        elif kind == PUNCT and value == ";":
            pop_to_base()
            pending_complement = False
        elif kind == PUNCT and value == ":" and _after_speech_verb(items, i):
            pending_complement = True
        elif OPEN in kinds and _opens(items, i, words, verb_preds):
            opens = item.value_of(OPEN) or ""
            governor = _governor(items, i, verb_preds, clause_of, stack[-1], words)
            if opens == "contrast":
                if all(drafts[s].kind != "quote" for s in stack):
                    drafts.append(Draft("main", i, value, None))
                    stack[:] = [len(drafts) - 1]
                    opened = True
            else:
                if opens == "purpose" and governor is not None and _controls(items[governor], words):
                    opens = "complement"
                if opens == "temporal" and i > 0 and items[i - 1].value == "," and len(stack) > 1 \
                        and drafts[stack[-1]].kind == "complement":
                    # "repeated Ankara's demand that Sweden hand over …, after talks in Ankara with …": a time
                    # clause after a comma tells when the act that governs the complement happened
                    stack.pop()
                push(opens, i, value, governor if opens in ("complement", "purpose") else None)
                opened = True
        elif value == "that" and english and kind in _DEMO_DET_OPEN_PREP_WORD:
            opens = _english_that(items, i, verb_preds, words)
            if opens:
                governor = _governor(items, i, verb_preds, clause_of, stack[-1]) if opens == "complement" else None
                push(opens, i, "that", governor)
                opened = True
        elif kind == PREP and value == "as" and english and i + 1 < n \
                and items[i + 1].kind in _DET_GROUP_PRON_WORD and items[i + 1].value not in words.judgements \
                and _clause_follows(items, i + 1, verb_preds):
            # "Taiwan scrambled jets as Chinese warplanes crossed the median line": "as" opening a clause
            push("temporal", i, "as")
            opened = True
        elif kind == PREP and value == "to" and english and _verb_follows(items, i, verb_preds):
            governor = _governor(items, i, verb_preds, clause_of, stack[-1], words)
            opens = "complement" if governor is not None and _controls(items[governor], words) else "purpose"
            push(opens, i, "to", governor)
            opened = True
        elif kind == PREP and value in ("of", "from", "against", "for") and english \
                and _gerund_follows(items, i, verb_preds):
            governor = _governor(items, i, verb_preds, clause_of, stack[-1])
            if governor is not None:
                push("complement", i, value, governor)
                opened = True
        elif value in words.content_openers and i > 0 and _names_content(items[i - 1], i - 1, words, verb_preds) \
                and _verb_follows(items, i, verb_preds):
            # "melontarkan ancaman akan mengenakan tarif", "janji akan mengirim bantuan": what the noun holds
            push("complement", i, value, i - 1)
            opened = True
        elif pending_complement and kind in _DEMO_DET_GROUP_PRED_PRON_VERB_WORD \
                and not (kind == PRED and i not in verb_preds and indonesian
                         and not _after_saying(items, i, words) and not _pointed_back(items, i, words)) \
                and not _hearer(items, i, words) and _clause_follows(items, i, verb_preds):
            # "mengatakan pasukan Kamboja melanggar …", "said four Chinese ships had entered …"; but an object
            # stays one: "menyampaikan apresiasi", "warned Washington against …"
            push("complement", i, "", _governor(items, i, verb_preds, clause_of, stack[-1]))
            opened = True
        elif (kind in VERBS or (kind == PRED and i in verb_preds)) \
                and _serial_complement(items, i, words, verb_preds, clause_of, stack[-1]):
            push("complement", i, "", _governor(items, i, verb_preds, clause_of, stack[-1],
                                                words if words.serial_nouns else None))
            opened = True
        elif english and kind == PRED and i in verb_preds \
                and _reduced_relative(items, i, verb_preds, words):
            push("relative", i, "")
            opened = True
        clause_of[i] = stack[-1]
        if (SPEECH_BEFORE in kinds or value in cognition) and not opened:
            pending_complement = True                      # "said …", "believes North Korea has sent …"
        elif kind in _ADV_NEG or (kind == PUNCT and value in (",", ":")):
            pass
        else:
            pending_complement = False
    if present is None or SPEECH_AFTER in present:
        _reported_before_tag(items, drafts, clause_of)
    if len(drafts) == 1:                            # one clause: it ends with the last item
        if n:
            drafts[0].last = max(drafts[0].last, n - 1)
        return Segmentation(drafts, clause_of)
    last_own = {clause: i for i, clause in enumerate(clause_of)}     # each clause's last own item
    for clause, i in last_own.items():
        draft = clause
        while draft is not None:                    # a clause ends with its last descendant
            drafts[draft].last = max(drafts[draft].last, i)
            draft = drafts[draft].parent
    return Segmentation(drafts, clause_of)


def _subject_start(items: list[Item], lo: int, i: int) -> int | None:
    """Where the subject of the verb at `i` starts, after a phrase that begins at `lo` and has no comma: at an
    article that follows a noun ("… to Beijing the German chancellor"), or at a name that follows one ("… the
    talks Modi"); None where no such seam is found."""
    k = i - 1
    while k > lo and items[k].kind in _ADV_NEG:
        k -= 1
    j = k
    while j > lo:
        item, before = items[j], items[j - 1]
        if item.kind == DET and item.value in ("the", "a", "an") and before.kind in _GROUP_PRED_WORD:
            return j
        if item.kind in _GROUP_PRON and before.kind in _PRED_WORD:
            return j
        if item.kind not in _DET_GROUP_PRON_WORD:
            return None
        j -= 1
    return None


def _hearer(items: list[Item], i: int, words: Words) -> bool:
    """"warned NATO that …", "told reporters that …": a party right after a verb that addresses someone is its
    hearer when "that" follows, not the subject of what it says."""
    previous = _previous_content(items, i)
    return words.lang == "en" and previous is not None and items[i].kind in (GROUP, PRON) \
        and previous.value.split()[0] in words.addressing and i + 1 < len(items) and items[i + 1].value == "that"


def _after_saying(items: list[Item], i: int, words: Words) -> bool:
    """Whether the word before `i` (adverbs skipped) is a verb that only says ("mengatakan latihan militer AS
    mengancam …"): its complement may open with an event noun, where "menyampaikan apresiasi" has it as object."""
    j = i - 1
    while j >= 0 and items[j].kind == ADV:
        j -= 1
    return j >= 0 and items[j].value in words.saying


def _pointed_back(items: list[Item], i: int, words: Words) -> bool:
    """"menegaskan penyitaan itu melanggar …": an event noun with a demonstrative names an act told before, the
    subject of what is said; an object of the speech verb takes no demonstrative ("menyatakan dukungan kepada …"),
    and one of a verb that judges it is its object ("menilai tudingan itu mengada-ada")."""
    previous = _previous_content(items, i)
    if previous is not None and previous.value in words.judging:
        return False
    j = i + 1
    while j < len(items) and j <= i + 3 and items[j].kind in (WORD, GROUP):
        j += 1
    return j < len(items) and items[j].kind == DEMO


def _quotations(items: list[Item], quotes: list[tuple[int, int]], verb_preds: set[int]) \
        -> tuple[list[tuple[int, int] | None] | None, dict[int, int]]:
    """For each item, the first quotation (of those this sentence overlaps, scare quotes left out) it starts in, or
    None (the list is None when no item starts in one); and for each scare quotation, the index of the first item
    after it -> the index of its first. One pass over the quotations for both."""
    first, last = items[0].start, items[-1].end
    overlapping = [q for q in quotes if q[1] > first and q[0] < last]
    if not overlapping:
        return None, {}
    starts = [item.start for item in items]             # in order: a quotation's items are a run of them
    runs = []
    ends: dict[int, int] = {}
    for quote in overlapping:
        run = range(bisect_left(starts, quote[0]), bisect_left(starts, quote[1]))
        if quote[0] >= first and run and items[run.start].start != quote[0]:
            continue                                    # its marks were dropped: words of the clause it sits in
        if not _scare_quote(items, run, verb_preds):
            runs.append((quote, run))
        elif run.stop < len(items):                     # a scare quotation has items: _scare_quote says so
            ends[run.stop] = run.start
    if not runs:
        return None, ends
    quote_of: list[tuple[int, int] | None] = [None] * len(items)
    for quote, run in reversed(runs):                  # the first quotation wins where two overlap
        quote_of[run.start:run.stop] = [quote] * len(run)
    return quote_of, ends


def _scare_quote(items: list[Item], inside: range, verb_preds: set[int]) -> bool:
    """"vowed to take "all necessary measures" against …": quoted words with no verb, inside a clause (after a
    word, not after a comma, a colon or the sentence's start) are the writer's phrase, not someone's speech.
    `inside`: the indexes of the items that start in the quotation."""
    if not inside or inside[0] == 0 or items[inside[0] - 1].kind in _PUNCT_QUOTE:
        return False
    return not any(items[i].kind in VERBS or i in verb_preds for i in inside)


def _after_speech_verb(items: list[Item], i: int) -> bool:
    previous = _previous_content(items, i)
    return previous is not None and previous.has(SPEECH_BEFORE)


def _previous_content(items: list[Item], i: int) -> Item | None:
    for j in range(i - 1, -1, -1):
        if items[j].kind not in _ADV_NEG:
            return items[j]
    return None


def _next_content(items: list[Item], i: int) -> Item | None:
    for j in range(i + 1, len(items)):
        if items[j].kind not in _ADV_NEG:
            return items[j]
    return None


def _verb_follows(items: list[Item], i: int, verb_preds: set[int]) -> bool:
    nxt = _next_content(items, i)
    return nxt is not None and (verbish(nxt, verb_preds) or nxt.kind == BE)


def _gerund_follows(items: list[Item], i: int, verb_preds: set[int]) -> bool:
    nxt = _next_content(items, i)
    return nxt is not None and verbish(nxt, verb_preds) and nxt.value.split()[0].endswith("ing")


def _opens(items: list[Item], i: int, words: Words, verb_preds: set[int]) -> bool:
    """Whether an opener word starts a clause here (purpose words only before a verb; "saat ini" is "now")."""
    kind = items[i].value_of(OPEN)
    nxt = items[i + 1] if i + 1 < len(items) else None
    if nxt is not None and nxt.kind == DEMO and kind in ("temporal", "reason"):
        return False                     # "saat ini", "selama ini", "karena itu"
    if kind in ALWAYS_OPEN or kind == "contrast":
        return kind != "contrast" or i > 0
    if kind == "purpose":
        value = items[i].value
        if value in ("untuk", "guna", "demi", "to"):
            return _verb_follows(items, i, verb_preds)
        return True
    return False


def _governor(items: list[Item], i: int, verb_preds: set[int], clause_of: list[int], clause: int,
              words: Words | None = None) -> int | None:
    """The last verb or event word before item `i` in its clause: what the clause opened at `i` depends on; or a
    control noun right before it ("upaya Venezuela untuk …", "rencana untuk menyerang", "Russia's bid to …")."""
    if words is not None and words.control_nouns:
        j = i - 1
        makers = words.agent_markers                # "the decision by the German government to …"
        while j >= 0 and clause_of[j] == clause and i - j <= 5 and (
                items[j].kind in _DEMO_DET_GROUP_WORD or (items[j].kind == PREP and items[j].value in makers)):
            if items[j].kind == WORD and items[j].value in words.control_nouns:
                return j
            j -= 1                       # "the decision by the German government to …", "keputusan oleh …"
    for j in range(i - 1, -1, -1):
        if clause_of[j] != clause:
            continue
        item = items[j]
        if item.kind in VERBS or item.kind == PRED:      # a verb, or an event word (verb or noun)
            return j
        if item.kind == PUNCT and item.value in (";",) or item.kind == QUOTE:
            return None
    return None


def _names_content(item: Item, i: int, words: Words, verb_preds: set[int]) -> bool:
    """A control noun ("ancaman", "janji", "komitmen"), as a word or an event noun: what follows it may be its
    content."""
    if item.kind not in (WORD, PRED) or i in verb_preds or not item.value:
        return False
    return item.value in words.control_nouns or item.value.split()[0] in words.control_nouns


def _controls(item: Item, words: Words) -> bool:
    first = item.value.split()[0] if item.value else ""
    return item.value in words.control or first in words.control or item.value in words.commitment \
        or item.value in words.plan or item.value in words.denial


def _serial_complement(items: list[Item], i: int, words: Words, verb_preds: set[int], clause_of: list[int],
                       clause: int) -> bool:
    """A verb right after a control verb ("memutuskan menarik", "berjanji akan mengirim"), or after an
    object-control verb and its object ("meminta Israel menarik", "menuduh Rusia menyerang")."""
    j = i - 1
    while j >= 0 and items[j].kind in _ADV_NEG and clause_of[j] == clause:
        j -= 1
    if j < 0 or clause_of[j] != clause:
        return False
    if items[j].value == ")" and j > 0 and items[j - 1].kind in _GROUP_PRON and clause_of[j - 1] == clause:
        j -= 1          # "meminta Mahkamah Internasional (ICJ) memerintahkan …": the object's acronym in brackets
    pointed = items[j].kind == DEMO and j > 0 and items[j - 1].kind in _GROUP_PRON and clause_of[j - 1] == clause
    if pointed:
        j -= 1          # "mendesak kedua negara bertetangga itu menghentikan …": the object's demonstrative
    before = items[j]
    if verbish(before, verb_preds) or before.kind == VERB:
        return _controls(before, words)
    if before.kind in _GROUP_PRON and j > 0:
        k = j - 1
        # (over the quantifier of a description: "mendesak kedua negara itu menghentikan …")
        while k >= 0 and (items[k].kind in _ADV_NEG_WORD and items[k].kind != WORD
                          or items[k].kind == DET and before.kind == PRON) and clause_of[k] == clause:
            k -= 1
        governor = items[k] if k >= 0 else None
        if governor is not None and clause_of[k] == clause and (verbish(governor, verb_preds) or governor.kind == VERB):
            first = governor.value.split()[0]
            return governor.value in words.object_control or first in words.object_control
        if governor is not None and clause_of[k] == clause and governor.kind == WORD and words.serial_nouns \
                and not pointed \
                and governor.value in words.control_nouns and _shape(items[i]) not in ("di", "ter"):
            # "keputusan Israel memperluas operasi": the owner's intended act; but "usulan Ukraina ditolak …": a
            # passive verb after the phrase has it as its subject
            return True
    if (before.kind in _DET_WORD or before.kind == GROUP and j > 0 and items[j - 1].kind in _DET_WORD) \
            and words.lang == "id" and _shape(items[i]) not in ("di", "ter"):
        # "mendesak masyarakat internasional mengakui …", "meminta semua pihak menahan diri", "mengajak
        # negara-negara anggota OKI membantu …": an addressee that is no actor (or a body's members), then the act
        # asked of it
        k = j - 1 if before.kind == GROUP else j
        while k >= 0 and items[k].kind in _DET_WORD and clause_of[k] == clause and j - k < 4:
            k -= 1
        governor = items[k] if k >= 0 else None
        return governor is not None and clause_of[k] == clause and (
            verbish(governor, verb_preds) or governor.kind == VERB) and governor.value in words.object_control
    return False


def _object_gap(items: list[Item], i: int, verb_preds: set[int]) -> bool:
    """Whether the clause after "that" at `i` is a subject and a verb with no object of its own right after it ("that
    Turkey hosted in Istanbul", "that China imposed last year"): a relative clause whose object is the noun before."""
    j = i + 1
    while j < len(items) and items[j].kind in (DET, WORD, GROUP, PRON) and j - i <= 4:
        j += 1
    if j == i + 1 or j >= len(items) or not verbish(items[j], verb_preds):
        return False
    after = items[j + 1] if j + 1 < len(items) else None
    return after is None or after.kind in (PREP, PUNCT, ADV) or after.value in ("last", "this")


def _english_that(items: list[Item], i: int, verb_preds: set[int], words: Words | None = None) -> str:
    previous = _previous_content(items, i)
    j = previous.index if previous is not None else -1
    while previous is not None and previous.kind == PREP and j + 1 < i and items[j + 1].kind == ADV:
        # "announced on Wednesday that …": a time phrase between the verb and "that"
        previous = _previous_content(items, j)
        j = previous.index if previous is not None else -1
    nxt = _next_content(items, i)
    if previous is None:
        return ""
    def content_noun(item: Item) -> bool:
        return item.value in words.control_nouns or (item.kind == PRED and item.index not in verb_preds)

    if words is not None and content_noun(previous):
        if nxt is not None and (nxt.kind == BE or verbish(nxt, verb_preds)):
            return "relative"                    # "the offer of talks that was sent by Trump": no subject of its own
        if previous.value not in words.control_nouns and _object_gap(items, i, verb_preds):
            return "relative"                    # "the talks that Turkey hosted in Istanbul": an act says nothing
        return "complement"                      # "Beijing's demand that Tokyo retract …", "the accusation that …"
    if verbish(previous, verb_preds) or previous.has(SPEECH_BEFORE) or previous.kind == PUNCT:
        return "complement"
    if words is not None and previous.kind == GROUP and j > 0 and items[j - 1].value.split()[0] in words.addressing:
        return "complement"                      # "warned NATO that …", "told reporters that …": the hearer, then what
    if words is not None and previous.kind == GROUP and nxt is not None and not verbish(nxt, verb_preds):
        k = j - 1
        while k > 0 and items[k].kind == DET:
            k -= 1
        if k > 0 and items[k].kind == PREP and items[k].value in ("by", "from") and content_noun(items[k - 1]):
            return "complement"                  # "accusations by Washington that it …": the noun's content
    described = previous.kind == PRON and (previous.value_of(PRON) or "").startswith("description")
    if (previous.kind in _GROUP_PRED_WORD or described) and nxt is not None \
            and (verbish(nxt, verb_preds) or nxt.kind == BE):
        return "relative"                        # "the countries that voted against it", "the ships that entered"
    if previous.kind in _GROUP_WORD and nxt is not None and nxt.kind in _DET_GROUP_PRON_WORD \
            and _clause_follows(items, i + 1, verb_preds):
        return "relative"                        # "the balloons that North Korea has sent"
    if previous.kind in _COORD_PREP:
        return ""
    return ""


def _reduced_relative(items: list[Item], i: int, verb_preds: set[int], words: Words) -> bool:
    """"a vessel sent by New Zealand", "a resolution demanding a ceasefire": a participle right after a noun."""
    if i == 0:
        return False
    before = items[i - 1]
    if before.kind == PUNCT and before.value == "," and i >= 2 and items[i].value.endswith("ed") \
            and i + 2 < len(items) and items[i + 1].kind == PREP and items[i + 1].value == "by" \
            and not items[i + 2].value.endswith("ing"):
        before = items[i - 2]                       # "The ceasefire, brokered by Malaysia, …": set off by commas
    if before.kind not in _GROUP_WORD and not (before.kind == PRED and i - 1 not in verb_preds):
        return False                                # a noun predicate too: "a ceasefire proposal drafted by Egypt"
    if items[i].value.split()[0].endswith("ing") and before.kind == WORD:
        return True
    after = i + 1
    if after < len(items) and items[after].kind == WORD and items[after].value in words.particles:
        after += 1                                  # "a proposal put forward by Egypt"
    if after < len(items) and items[after].kind == PREP and items[after].value in ("of", "for", "in") \
            and items[i].value.endswith("ed") and items[i].value in words.object_first:
        return True                                 # "firms accused of supplying …": the active needs its object
    # ("responded by raising tariffs": "by" before a gerund tells how, the verb is the clause's own)
    return after < len(items) and items[after].kind == PREP and items[after].value == "by" \
        and not (after + 1 < len(items) and items[after + 1].value.endswith("ing"))


def _closes_relative(items: list[Item], i: int, verb_preds: set[int], clause_of: list[int], clause: int,
                     drafts: list[Draft]) -> bool:
    """A coordinator before a verb ends a relative clause that has its verb, when the clause it hangs on has one
    of the same kind before it: the coordinated verb continues the outer clause."""
    nxt = _next_content(items, i)
    if nxt is None or not verbish(nxt, verb_preds):
        return False
    own = [j for j in range(drafts[clause].first, i) if clause_of[j] == clause and verbish(items[j], verb_preds)]
    parent = drafts[clause].parent
    outer = [j for j in range(drafts[clause].first) if clause_of[j] == parent and verbish(items[j], verb_preds)]
    if not own or not outer:
        return False
    return _shape(items[outer[-1]]) == _shape(nxt)


def _relatives_closed(items: list[Item], i: int, verb_preds: set[int], clause_of: list[int], stack: list[int],
                      drafts: list[Draft]) -> int:
    """How many clauses a coordinated verb closes when the relative clause open at it has its verb: the relative and
    any verbless clause it hangs in, up to a clause whose last verb has the coordinated verb's form (0: none)."""
    clause = stack[-1]
    nxt = _next_content(items, i)
    if nxt is None or not verbish(nxt, verb_preds) or not any(
            clause_of[j] == clause and verbish(items[j], verb_preds) for j in range(drafts[clause].first, i)):
        return 0
    k = len(stack) - 1
    while k > 0:
        outer = [j for j in range(drafts[stack[k]].first) if clause_of[j] == stack[k - 1]
                 and verbish(items[j], verb_preds)]
        if outer:
            return len(stack) - k if _shape(items[outer[-1]]) == _shape(nxt) else 0
        k -= 1
    return 0


def _second_appeal(items: list[Item], i: int, draft: Draft, words: Words) -> bool:
    """Whether the verb after a coordinator is a verb of appeal or demand, as is the verb that governs the open
    complement ("menuntut Israel menghentikan … dan meminta PBB melakukan …"): a second appeal of the same subject."""
    governor = draft.governor
    nxt = items[i + 1].value
    return governor is not None and nxt in words.object_control and nxt in words.communication \
        and items[governor].value in words.communication


def _appeal_after_noun_content(items: list[Item], i: int, draft: Draft, words: Words) -> bool:
    """Whether a verb of appeal or of judging follows a coordinator inside what a noun governs ("mengecam rencana
    Israel mencaplok Tepi Barat dan mendesak Dewan Keamanan PBB …", "menolak rencana Prancis … dan menyebutnya
    sebagai …"): a plan does not urge or judge; the verb is the outer clause's."""
    governor = draft.governor
    nxt = items[i + 1].value
    return governor is not None and items[governor].kind == WORD and (
        nxt in words.object_control and nxt in words.communication or nxt in words.judging)


def _gerund_clause(items: list[Item], i: int, verb_preds: set[int], clause_of: list[int], clause: int,
                   drafts: list[Draft]) -> bool:
    """Whether the clause open at a coordinator is an English complement that opens with a gerund ("denied
    targeting …") and the verb after the coordinator is none."""
    draft = drafts[clause]
    if draft.kind != "complement" or draft.marker or draft.parent is None:
        return False
    own = [j for j in range(draft.first, i) if clause_of[j] == clause and verbish(items[j], verb_preds)]
    nxt = _next_content(items, i)
    return bool(own) and items[own[0]].value.split()[0].endswith("ing") and nxt is not None \
        and not nxt.value.split()[0].endswith("ing")


def _infinitives_closed(items: list[Item], i: int, verb_preds: set[int], clause_of: list[int], stack: list[int],
                        drafts: list[Draft]) -> int:
    """How many nested "to" clauses a coordinated verb closes: up to the clause whose verb has its form (0: none)."""
    nxt = _next_content(items, i)
    top = stack[-1]
    if nxt is None or not verbish(nxt, verb_preds) or not any(
            clause_of[j] == top and verbish(items[j], verb_preds) for j in range(drafts[top].first, i)):
        return 0
    k = len(stack) - 1
    while k > 0 and drafts[stack[k]].marker == "to":
        outer = [j for j in range(drafts[stack[k]].first) if clause_of[j] == stack[k - 1]
                 and verbish(items[j], verb_preds)]
        if outer and _shape(items[outer[-1]]) == _shape(nxt):
            return len(stack) - k
        k -= 1
    return 0


def _noun_governed(items: list[Item], draft: Draft, verb_preds: set[int], i: int) -> bool:
    """A clause a noun governs ("keputusan Israel memperluas …", "permintaan Ukraina untuk bergabung …"); a
    purpose clause only once it has a verb of its own before item `i`."""
    governor = draft.governor
    if governor is None:
        return False
    if items[governor].kind == WORD and draft.kind == "complement":
        return True
    if items[governor].kind not in (WORD, PRED) or (items[governor].kind == PRED and governor in verb_preds):
        return False
    return any(verbish(items[j], verb_preds) for j in range(draft.first, i))


def _subject_relative(items: list[Item], i: int, verb_preds: set[int], clause_of: list[int], clause: int,
                      drafts: list[Draft]) -> bool:
    """A relative clause that has its verb and hangs on a clause with no verb before it: on that clause's
    subject."""
    first, parent = drafts[clause].first, drafts[clause].parent
    if items[i - 1].kind == PRON or any(clause_of[j] == clause and SPEECH_BEFORE in items[j].kinds
                                        for j in range(first, i)):
        return False                # "which confirmed it was …", "yang mengatakan Rusia adalah …": the copula's own
    own = any(clause_of[j] == clause and verbish(items[j], verb_preds) for j in range(first, i))
    outer = any(clause_of[j] == parent and verbish(items[j], verb_preds) for j in range(first))
    return own and not outer


def _passive_relative_on_noun(items: list[Item], i: int, verb_preds: set[int], clause_of: list[int], clause: int,
                              drafts: list[Draft]) -> bool:
    """A relative clause on a common noun whose verb, the first after its "yang", is a di- passive."""
    first = drafts[clause].first
    if first < 1 or items[first - 1].kind != WORD:
        return False
    own = next((j for j in range(first + 1, i) if clause_of[j] == clause and verbish(items[j], verb_preds)), None)
    return own is not None and _shape(items[own]) == "di"


def _shape(item: Item) -> str:
    """The voice a verb's form shows: Indonesian meN-/di-/ber-, English -ed/-s/base; enough to pair coordinated
    verbs."""
    word = item.value.split()[0]
    for prefix in ("me", "di", "ber", "ter"):
        if word.startswith(prefix):
            return prefix
    return word[-2:] if word.endswith(("ed", "es")) else word[-1:]


def _adjectival(items: list[Item], first: int, i: int, clause_of: list[int], clause: int,
                verb_preds: set[int]) -> bool:
    """A relative clause with no verb but ter-/ber- adjectives and adverbs so far ("yang tak tergoyahkan")."""
    own = [items[j] for j in range(first + 1, i) if clause_of[j] == clause]
    return bool(own) and not any(
        (j.kind == PRED and j.index in verb_preds) or (j.kind in _LIGHT_SPEECH_BEFORE_VERB
                                                     and not j.value.startswith(("ter", "ber"))) for j in own)


def _reported_before_tag(items: list[Item], drafts: list[Draft], clause_of: list[int]) -> None:
    """"Israel melanggar kesepakatan itu, ujar PM Lebanon", "Russia violated the deal, the ministry said": what
    comes before a speech tag at the end is the tag's complement, as a quotation would be."""
    for t, item in enumerate(items):
        if SPEECH_AFTER not in item.kinds or t < 2 or clause_of[t] != 0:
            continue
        if items[t - 1].kind == PUNCT and items[t - 1].value == ",":
            comma = t - 1
        elif items[t - 1].kind in _GROUP_PRON and items[t - 2].kind == PUNCT and items[t - 2].value == ",":
            comma = t - 2
        else:
            continue
        if comma == 0 or items[comma - 1].kind == QUOTE or any(d.kind == "quote" for d in drafts):
            return
        if not any(clause_of[j] == 0 and items[j].kind in _PRED_VERB for j in range(comma)):
            return
        drafts.append(Draft("complement", 0, "", 0, t))
        new = len(drafts) - 1
        for j in range(comma):
            if clause_of[j] == 0:
                clause_of[j] = new
        for draft in drafts[1:new]:
            if draft.parent == 0 and draft.first < comma:
                draft.parent = new
        return


def _owned_phrase(items: list[Item], i: int, j: int) -> bool:
    """Whether the phrase from `i` to the preposition at `j` is an owner's noun phrase ("China's aggressive
    activities toward Taiwan"): after "'s" a preposition goes on with the phrase."""
    return j + 1 < len(items) and items[j + 1].kind in _DEMO_DET_GROUP_PRON_WORD \
        and any(items[k].value in ("'s", "’s") for k in range(i, j))      # (not "'s incentive to hold talks")


_MODAL_TO = frozenset({"had", "has", "have", "ought", "needs", "need", "used"})


def _clause_follows(items: list[Item], i: int, verb_preds: set[int]) -> bool:
    """Whether a verb follows the noun phrase that starts at `i` (a clause of its own), or `i` is the verb."""
    if verbish(items[i], verb_preds):
        return True
    j = i
    while j < len(items) and (items[j].kind in _DEMO_DET_GROUP_PRON_WORD or (
            items[j].kind == PRED and j not in verb_preds) or items[j].value in ("'s", "’s") or (
            items[j].kind == PREP and j > i and (items[j].value in ("of", "by") or _owned_phrase(items, i, j)))):
        j += 1                      # "said Israel's blockade of Gaza was …": the phrase may hold "'s" and "of"
    while j < len(items) and items[j].kind in _ADV_NEG and not items[j].has(BE):
        j += 1
    if j + 1 < len(items) and j > i and items[j].value == "to" and items[j - 1].value in _MODAL_TO \
            and verbish(items[j + 1], verb_preds):
        return True                 # "said Beijing's bullying had to end": "had to", "has to" are modals
    return j < len(items) and j > i and (verbish(items[j], verb_preds) or items[j].kind == BE or items[j].has(BE))
