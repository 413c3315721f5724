"""The clause step: sentences → clauses, event predicates with their voice, and argument slots.

The cascade, per article:
1. every event word of the pack's lexicon is found in the body at once (words.py, one automaton);
2. per sentence, the mentions become actor groups (groups.py: lists, places, datelines, makers, informants) and the
   sentence a row of items (tokens.py);
3. the items are cut into clauses (segment.py);
4. pronouns and descriptions are resolved and speakers found (discourse.py), sentence by sentence in order;
5. each event word gets its slots (slots.py).
The result is `Article.parses`, one `Parse` per sentence that holds an event word. It is a pure function of the
article and the pack, like every step.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

from relasi.clauses.discourse import Discourse, as_state, quote_spans, quote_tag, seat, seated_ministry, tag_speaker
from relasi.clauses.groups import Group, build_groups, joiner_regex, mark_excluded
from relasi.clauses.segment import Segmentation, segment
from relasi.clauses.slots import Reading, SlotReader, english_noun, english_passive
from relasi.clauses.tokens import GROUP, PRED, PUNCT, QUOTE, WORD, Candidate, Item, items_of
from relasi.clauses.words import (
    ADV,
    BE,
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
    compile_words,
    region_of,
)
from relasi.model import Actor, Argument, Article, Clause, Mention, Parse, Predicate

# Item kinds asked about together: a set's membership test costs less than a tuple built of names
_ADV_DET_WORD = frozenset({ADV, DET, WORD})
_ADV_NEG = frozenset({ADV, NEG})
_DEMO_DET_OPEN = frozenset({DEMO, DET, OPEN})

__all__ = ["parse_clauses", "find_candidates"]

SPEECH_VERBS = frozenset({VERB, SPEECH_BEFORE, SPEECH_AFTER})   # plain verbs and speech words (not light verbs)


def parse_clauses(article: Article, pack: Any) -> Article:
    """Fill `article.parses` from its sentences, mentions and the pack's lexicon."""
    text = article.body
    words = compile_words(pack)
    candidates = find_candidates(text, pack)
    quotes = quote_spans(text)
    heads = [m for m in article.mentions if not m.part]
    head_spans = [m.span for m in heads]
    order = sorted(range(len(heads)), key=head_spans.__getitem__)      # by span, ties as found
    heads, head_spans = [heads[k] for k in order], [head_spans[k] for k in order]
    joiner = joiner_regex(pack)
    lexicon_verbs = _lexicon_verbs(pack)
    inputs: list[tuple[int, int, list[Mention], list[tuple[int, int]], list[Candidate]]] = []
    head_starts = [span[0] for span in head_spans]
    cand_starts = [c.start for c in candidates]
    cursor, cand_cursor = 0, 0
    for start, end in article.sentences:
        # the mentions and event words that start in the sentence (from where the last sentence's began) and end
        # in it
        cursor = bisect_left(head_starts, start, cursor)
        kept = [k for k in range(cursor, bisect_left(head_starts, end, cursor)) if head_spans[k][1] <= end]
        cand_cursor = bisect_left(cand_starts, start, cand_cursor)
        found = [c for c in candidates[cand_cursor:bisect_left(cand_starts, end, cand_cursor)] if c.end <= end]
        if not kept and not found:
            continue
        inputs.append((start, end, [heads[k] for k in kept], [head_spans[k] for k in kept], found))
    sentences = _Sentences(inputs, partial(_prepare, text, pack=pack, words=words, joiner=joiner,
                                           lexicon_verbs=lexicon_verbs, quotes=quotes, inert=_inert(pack),
                                           readings=_readings(pack)))
    discourse = Discourse()
    parses: list[Parse] = []
    for index in range(len(inputs)):
        parse = _read(sentences.at(index), sentences, index, discourse, pack, words, quotes)
        sentences.done(index)
        if parse.predicates:
            parses.append(parse)
    return article.with_(parses=tuple(parses))


class _Sentences:
    """The sentences of an article, each prepared when first needed (a quotation's tag may come up to seven
    sentences later) and let go once read: only a few sentences' items are alive at a time, which spares the
    garbage collector."""

    def __init__(self, inputs: list[tuple[int, int, list[Mention], list[tuple[int, int]], list[Candidate]]],
                 prepare: Callable[[int, int, list[Mention], list[tuple[int, int]], list[Candidate]], _Sentence]) \
            -> None:
        self._inputs, self._prepare = inputs, prepare
        self._ready: dict[int, _Sentence] = {}

    @property
    def count(self) -> int:
        return len(self._inputs)

    def at(self, index: int) -> _Sentence:
        sentence = self._ready.get(index)
        if sentence is None:
            sentence = self._ready[index] = self._prepare(*self._inputs[index])
        return sentence

    def ahead(self, index: int, count: int) -> list[_Sentence]:
        """The (up to) `count` sentences after sentence `index`."""
        return [self.at(k) for k in range(index + 1, min(len(self._inputs), index + 1 + count))]

    def done(self, index: int) -> None:
        self._ready.pop(index, None)


class _Sentence:
    """One sentence between the two passes: its groups, items, predicates with their voices, and clauses."""

    def __init__(self, start: int, end: int, groups: list[Group], items: list[Item], voices: dict[int, str],
                 predicates: list[int], groups_of: dict[int, Group], has_pronouns: bool, seg: Segmentation,
                 tag: list[Actor], tag_is_pronoun: bool) -> None:
        self.start, self.end, self.groups, self.items = start, end, groups, items
        self.voices, self.predicates, self.groups_of = voices, predicates, groups_of
        self.has_pronouns = has_pronouns            # whether a pronoun or description item is among the items
        self.seg, self.tag, self.tag_is_pronoun = seg, tag, tag_is_pronoun
        self.speaker: list[Actor] = []
        self.attribution: list[Actor] = []          # "Hal itu disampaikan Menlu Retno": who said the sentence before


def _prepare(text: str, start: int, end: int, mentions: list[Mention], spans: list[tuple[int, int]],
             candidates: list[Candidate], *, pack: Any, words: Words, joiner, lexicon_verbs: frozenset[str], quotes,
             inert: frozenset[str], readings: dict) -> _Sentence:
    """One sentence's items, clauses and speech tag. `mentions`: its mentions in span order, with their `spans`."""
    groups = build_groups(text, mentions, words, joiner, _fronted_clause_end(text, start, end, words), spans,
                          lexicon_verbs) if mentions else []
    dateline_end = -1
    if groups and groups[0].start == start:
        from relasi.extract.meta import parse_dateline

        dateline = parse_dateline(text[start:end])
        dateline_end = start + dateline.end if dateline else -1
    if groups:
        mark_excluded(text, start, groups, words, dateline_end)
    items = items_of(text, start, end, groups, candidates, words, lexicon_verbs, inert, readings)
    voices: dict[int, str] = {}
    predicates: list[int] = []
    groups_of: dict[int, Group] = {}                # in item order
    has_pronouns = False
    i = 0
    while i < len(items):
        item = items[i]
        kind = item.kind
        if kind == GROUP:
            groups_of[i] = item.ref
        elif kind == PRON:
            has_pronouns = True
        elif kind in (PRED, VERB) and words.lang == "en" and _adjective_after_verb(items, i, pack) \
                or kind == PRED and (words.lang == "en" and _participle_adjective(items, i, pack)
                                     or _attributive(items, i, words)):
            # "exports of advanced chips" (a participle that describes the noun after it), "met with visiting
            # Japanese Prime Minister Kishida" (one that names the visitor): a word of the noun phrase
            items[i] = Item(item.start, item.end, WORD, item.value, (), None, i)
        elif kind == PRED:
            voices[i] = _voice(items, i, pack, words, voices.get(i - 1), voices.get(i - 2))
            if voices[i] == "noun" and words.lang == "en":
                split = _noun_and_preposition(text, item, pack, words) \
                    or _word_and_infinitive(text, items, i, pack, words)
                if split:
                    items[i:i + 1] = split
                    for index in range(i, len(items)):
                        items[index].index = index
                    if items[i].kind == WORD:
                        # "sent F-16 fighter jets to strike …": a phrasal verb ("jet to") read as a noun whose first
                        # word is no event noun is a plain noun and its preposition
                        del voices[i]
                        i += 1
                        continue
                    voices[i] = _voice(items, i, pack, words, voices.get(i - 1), voices.get(i - 2))
            predicates.append(i)
        elif kind == VERB and words.lang == "en" and _noun_after_verb(items, i, voices, words):
            # "dismissed reports that …", "rejected media reports saying …": a plain verb form right after an active
            # event verb is its object, a noun (two finite verbs do not stand side by side)
            items[i] = Item(item.start, item.end, WORD, item.value, (), None, i)
        elif kind in SPEECH_VERBS and (kind != VERB or LIGHT not in item.kinds):     # as _is_predicate
            voices[i] = _plain_voice(items, i, words)
            predicates.append(i)
        i += 1
    verb_preds = {i for i, v in voices.items() if v != "noun" and items[i].kind == PRED}
    present = frozenset().union(*[item.kinds for item in items])     # every kind an item of the sentence has
    seg = segment(items, words, verb_preds, quotes, present)
    if SPEECH_AFTER in present or SPEECH_BEFORE in present or any(g.excluded == "informant" for g in groups):
        tag, tag_is_pronoun = tag_speaker(items, groups_of, words)
    else:
        tag, tag_is_pronoun = [], False             # no speech word, no informant: no tag
    sentence = _Sentence(start, end, groups, items, voices, predicates, groups_of, has_pronouns, seg, tag,
                         tag_is_pronoun)
    if words.attribution_openers and items and text[start:start + 40].lstrip("\"“ ").lower().startswith(
            words.attribution_prefixes):
        sentence.attribution = _attribution(items, groups_of, words)
    return sentence


FRONTED = frozenset({"temporal", "conditional", "reason", "concessive"})


def _fronted_clause_end(text: str, start: int, end: int, words: Words) -> int:
    """"Sejak Rusia menginvasi Ukraina, Finlandia dan Swedia bergabung …": a sentence that opens with a
    subordinator has its first clause end at the first comma, and no list runs across it (-1: no such comma); so
    does one that opens with an aside ("Selain Indonesia, China dan India juga mengirim …", "Besides Japan, …") or
    with a place ("In Islamabad, Pakistan's National Security Committee …", "Di Jakarta, Presiden …")."""
    first = text[start:end].split(maxsplit=1)
    if not first:
        return -1
    word = first[0].strip("\"“”'(").lower()
    if not any(c.kind == OPEN and c.role in FRONTED for c in words.phrases.get((word,), ())) \
            and not text[start:end].lstrip("\"“ ").lower().startswith(words.aside_openers or ("\0",)) \
            and not (word in words.place_openers and len(first) > 1 and first[1][:1].isupper()):
        return -1
    return text.find(",", start, end)


def _read(sentence: _Sentence, drafts: _Sentences, index: int, discourse: Discourse, pack: Any, words: Words,
          quotes: list[tuple[int, int]]) -> Parse:
    items, seg = sentence.items, sentence.seg
    speaker = sentence.tag or (discourse.pronoun_speaker() if sentence.tag_is_pronoun else []) \
        or _next_attribution(sentence, drafts, index, words)
    sentence.speaker = speaker
    pronouns = _resolve_pronouns(items, discourse, speaker, words) if sentence.has_pronouns else {}
    quote_speakers: dict[int, list[Actor]] = {}
    groups_of = sentence.groups_of
    for number, draft in enumerate(seg.drafts):
        if draft.kind == "quote":
            closing = draft.last                # its last item, or its last descendant's
            own, pronoun = quote_tag(items, groups_of, words, draft.first, closing)
            if own:
                quote_speakers[number] = own
            elif pronoun:
                quote_speakers[number] = discourse.pronoun_speaker()
            else:
                quote_speakers[number] = _quote_speaker(items[draft.first].start, quotes, sentence, drafts, index,
                                                        discourse, words)
    opened = {d.first for d in seg.drafts[1:] if d.first is not None and items[d.first].start >= sentence.start
              and (d.marker or d.kind == "relative")}
    reading = Reading(sentence.voices, pronouns, speaker, quote_speakers, opened, _patient_nouns(pack),
                      _hostile_nouns(pack), _display_nouns(pack), _undergone_nouns(pack), pack.lexicon.references)
    reader = SlotReader(items, seg, words, reading, groups_of)
    predicate_items = sentence.predicates
    position = {item_index: number for number, item_index in enumerate(predicate_items)}
    predicates = [_predicate(reader, i, position) for i in predicate_items]
    if words.occurrence:
        predicates = _occurrences(predicates, words)
    if words.attributive:
        predicates.extend(_attributive_visits(reader, predicates, words))
    # a sentence without predicates gives no Parse: it only tells the discourse its subject
    clauses = tuple(_clause(reader, number, quote_speakers) for number in range(len(seg.drafts))) \
        if predicates else ()
    doers = [p.slot("subject") for p in predicates]
    subject = next((tuple(doer.actors) for p, doer in zip(predicates, doers, strict=True)
                    if p.voice != "noun" and doer is not None and seg.drafts[p.clause].kind == "main"), ())
    if not subject:
        first = _first_free_group(reader)
        subject = tuple(first.actors) if first else ()
    latest = next((quote_speakers[n] for n in sorted(quote_speakers, reverse=True) if quote_speakers[n]), speaker)
    for predicate, doer in zip(predicates, doers, strict=True):
        if predicate.voice != "noun" and doer is not None and doer.how == "direct":
            discourse.acted(list(doer.actors))
    discourse.update(sentence.groups, [list(subject)] if subject else [], latest,
                     _joint_parties(predicates, seg, pack, words))
    places = tuple((group.start, actor) for group in sentence.groups if group.place for actor in group.actors)
    return Parse(sentence.start, sentence.end, clauses, tuple(predicates), tuple(speaker), subject, places)


def _resolve_pronouns(items: list[Item], discourse: Discourse, speaker: list[Actor], words: Words) -> dict[int, Group]:
    """The groups the sentence's pronouns and descriptions stand for, by item index."""
    pronouns: dict[int, Group] = {}
    earlier: list[Group] = []
    people: Group | None = None                     # the last group named as people ("12 Russian diplomats")
    for i, item in enumerate(items):
        if item.kind == GROUP:
            earlier.append(item.ref)
            if _named_as_people(items, i, words):
                people = item.ref
        elif item.kind == PRON and item.value_of(PRON) != "first":
            group = _reporter(items, i) or _accused(items, i, words) or _seated_in(items, i)
            kind = item.value_of(PRON)
            if group is None and people is not None and (kind == "plural" or kind == "person" and not any(
                    a.kind == "PERSON" and a.name for g in earlier if g is not people for a in g.actors)) and (
                    not {a.code for a in people.actors} & {a.code for a in speaker}
                    or sum(1 for k in range(i) if items[k].kind == QUOTE) % 2 == 0):
                # "expelled 12 Russian diplomats, saying they engaged in espionage": the people just named; also
                # the speakers themselves outside a quotation ("Chinese officials said they opposed …"); "expelled
                # a Russian diplomat, accusing him of spying" where no person is named before
                group = Group(item.start, item.end, list(people.actors), [], how="pronoun")
            group = group or _object_thing(items, i, earlier) \
                or discourse.resolve(item, earlier, speaker, words.counts, region_of(words, item.value))
            if group is not None:
                pronouns[i] = group
                earlier.append(group)
    return pronouns


def _object_thing(items: list[Item], i: int, earlier: list[Group]) -> Group | None:
    """"… announced their withdrawal from ECOWAS, accusing it of …": "it" right after a verb, with a preposition or
    the sentence's end after it, is the verb's object, which is not the subject its sentence opened with (that would
    be "itself") but the last other body named before it. ("said it would …" keeps "it" the subject's.)"""
    if items[i].value_of(PRON) != "thing" or i < 1 or i + 1 >= len(items) \
            or items[i - 1].kind not in (PRED, VERB) or items[i + 1].kind not in (PREP, PUNCT):
        return None
    parties = [g for g in earlier if g.party]
    others = [g for g in parties[1:] if all(a.kind != "PERSON" for a in g.actors)
              and not {a.code for a in g.actors} & {a.code for a in parties[0].actors}]
    return Group(items[i].start, items[i].end, list(others[-1].actors), [], how="pronoun") if others else None


def _seated_in(items: list[Item], i: int) -> Group | None:
    """"the foreign ministry in Moscow" stands for the capital's state."""
    states = seated_ministry(items, i)
    if not states:
        return None
    end = items[i + 2].end if seat(items, i + 1) else items[i].end
    return Group(items[i].start, end, states, [], how="description")


def _named_as_people(items: list[Item], i: int, words: Words) -> bool:
    """Whether the group at item `i` names people of its side: "Russian diplomats", "diplomat Rusia", "nelayan
    asal Indonesia" (the people noun after an English adjective, before an Indonesian name, or inside the group)."""
    own = items[i].value.split()
    if own and (own[0] if words.lang == "id" else own[-1]) in words.people_nouns:
        return True
    if words.lang == "en":
        return i + 1 < len(items) and items[i + 1].kind == WORD and items[i + 1].value in words.people_nouns
    k = i - 1
    if k >= 0 and items[k].kind == WORD and items[k].value in ("asal", "dari"):
        k -= 1
    return k >= 0 and items[k].kind == WORD and items[k].value in words.people_nouns


def _is_predicate(item: Item) -> bool:
    """Event words, verbs and speech words are predicates; light verbs lend their subject to a noun instead."""
    # "menegaskan" speaks even where it is also a light verb
    return item.kind == PRED or (item.kind in SPEECH_VERBS and (item.kind != VERB or LIGHT not in item.kinds))


def _first_free_group(reader: SlotReader) -> Group | None:
    for i in reader.parties:
        if reader.clause(i) == 0 and reader._free(reader._np_start(i, 0), 0):
            return reader.group_at(i)
    return None


def _attribution(items: list[Item], groups_of: dict[int, Group], words: Words) -> list[Actor]:
    """"Hal itu disampaikan Menlu Retno …", "Demikian dikatakan oleh Presiden Jokowi": the speaker a sentence names
    for the one before it."""
    for i, item in enumerate(items[:6]):
        if item.value in words.attribution_verbs:
            j = i + 1                   # past "oleh", "langsung", a title word: the speaker's group
            while j < len(items) and j - i <= 3 and items[j].kind in (ADV, PREP, DET, WORD):
                j += 1
            group = groups_of.get(j)
            return list(group.actors) if group is not None and group.party else []
    return []


def _next_attribution(sentence: _Sentence, drafts: _Sentences, index: int, words: Words) -> list[Actor]:
    """The speaker the next sentence names for this one, if it follows right after."""
    if not words.attribution_openers or index + 1 >= drafts.count:
        return []
    later = drafts.at(index + 1)
    return later.attribution if later.start - sentence.end <= 3 else []


def _quote_speaker(position: int, quotes, sentence: _Sentence, drafts: _Sentences, index: int,
                   discourse: Discourse, words: Words) -> list[Actor]:
    span = next((q for q in quotes if q[0] <= position < q[1]), None)
    if span is None or span[1] <= sentence.end:
        if sentence.tag:
            return sentence.tag
        if sentence.tag_is_pronoun:
            return discourse.pronoun_speaker()
        return _next_attribution(sentence, drafts, index, words)
    # the quotation closes in a later sentence: its tag is there
    for later in drafts.ahead(index, 7):
        if later.start < span[1] <= later.end + 1:
            if later.tag:
                return later.tag
            return discourse.pronoun_speaker() if later.tag_is_pronoun else []
    return []


def _clause(reader: SlotReader, number: int, quote_speakers) -> Clause:
    items, seg = reader.items, reader.seg
    draft = seg.drafts[number]
    first = items[draft.first] if draft.first < len(items) else items[-1]
    last = items[draft.last] if 0 <= draft.last < len(items) else first
    said = quote_speakers.get(number, [])
    governor_word = items[draft.governor].value.split()[0] if draft.governor is not None else ""
    if not said and draft.kind == "complement" and draft.governor is not None \
            and (items[draft.governor].has(SPEECH_BEFORE) or items[draft.governor].has(SPEECH_AFTER)
                 or governor_word in reader.words.communication):
        governor = draft.governor
        if items[governor].has(SPEECH_AFTER) and governor > draft.first:
            subject = _tag_subject(reader, governor)        # "…, kata X": the tag after the report
        elif items[governor].kind == PRED:
            subject = reader.subject(governor)
        else:
            subject = reader._plain_subject(governor, reader.clause(governor))
        said = list(subject.actors) if subject else []
    subject: tuple[Actor, ...] = ()
    for i in reader.parties:
        if seg.clause_of[i] == number and reader._free(reader._np_start(i, number), number):
            subject = tuple(reader.group_at(i).actors)
            break
    return Clause(first.start, last.end, draft.kind, draft.marker, draft.parent, tuple(said), subject)


def _predicate(reader: SlotReader, p: int, position: dict[int, int]) -> Predicate:
    items = reader.items
    item = items[p]
    voice = reader.reading.voices[p]
    clause = reader.clause(p)
    slots: list[tuple[str, Argument]] = []
    light = ""
    negated = reader.negated(p)
    if voice == "noun":
        light_index = reader.light_verb(p)
        possessor = reader.possessor(p)
        copula = reader.copula(p) if light_index is None else None
        if copula is not None:
            # "sanksi itu merupakan serangan terhadap …": what the noun describes is the copula's subject
            light = "=" + items[copula].value
            free = reader._free_group_before(copula, clause)
            if free is not None:
                slots.append(("subject", reader.argument(free)))
        elif light_index is not None:
            light = items[light_index].value
            # a verb that is an event word itself has its subject resolved by the clause step ("Jepang, yang
            # mengirimkan bantuan …", "keputusan Jerman untuk mengirim bantuan …")
            draft = reader.seg.drafts[clause]
            # (and a subordinate clause's verb its borrowed subject: "disampaikan Jokowi saat menerima kunjungan …")
            resolved = reader.subject(light_index) if items[light_index].kind == PRED and (
                draft.kind in ("relative", "temporal") or draft.kind in ("complement", "purpose")
                and draft.governor is not None and items[draft.governor].kind == WORD) else None
            if resolved is None and draft.kind == "relative" and draft.first == light_index - 1:
                # "…, a move that drew condemnation from Moscow", "langkah yang menuai kecaman": the light verb right
                # after the relative marker is done by the antecedent
                # (a noun that names an act: "…, which drew protests" answers the whole clause, not Rafah)
                span = reader.np_before(draft.first, draft.parent or 0)
                antecedent = reader.argument(span, "antecedent") if span is not None else None
                words = antecedent.head.split() if antecedent is not None else []
                named = words and (words[0] if reader.words.lang == "id" else words[-1]) in reader.reading.references
                resolved = antecedent if named and not antecedent.actors else None
            subject = resolved or reader._plain_subject(light_index, clause) \
                or reader._shared_subject(light_index, clause)
            if subject is not None:
                slots.append(("subject", subject))
            # "did not hold talks"; "held no talks", "had no meeting"
            negated = reader.negated(light_index) or any(NEG in items[j].kinds for j in range(light_index + 1, p))
        elif possessor is None:
            carrier = reader.passive_carrier(p)
            # "the visit by Pelosi to Taipei": a doer named with "by" is the noun's, whatever the clause is about
            subject = reader.agent(carrier) if carrier is not None else (
                reader._noun_agent(p, p + 1) or reader.participants(p) or reader.occasion_subject(p))
            if subject is not None:
                slots.append(("subject", subject))
        if possessor is not None:
            slots.append(("possessor", possessor))
        genitive = reader.patient_genitive(p)
        if genitive is not None:
            slots.append(("of", genitive))
        start = p + 1
        if reader.words.lang == "id" and possessor is not None:
            start = p + 1
        ending = item.ref.text.split()[-1] if item.kind == PRED and " " in item.ref.text else ""
        if ending and _is_preposition(reader.words, ending):
            # "its support for Lebanon's sovereignty", "talks with Iran": the phrase after a noun that ends in a
            # preposition is that preposition's
            span = reader.np_after(p + 1, clause)
            if span is not None:
                slots.append((ending, reader.argument(span)))
                start = span[1]
        slots.extend(reader.obliques(p, start))
    else:
        subject = reader.subject(p)
        if subject is not None:
            slots.append(("subject", subject))
        after = p + 1
        if voice == "active":
            obj = reader.object(p)
            if obj is not None:
                # "bertemu dengan X", "met with X", "called on X": the phrase ends in a preposition that is X's
                said = text_of(item)
                last = said.split()[-1]
                name = last if " " in said and _is_preposition(reader.words, last) \
                    else "object"
                slots.append((name, obj))
                after = _index_after(reader.starts, obj.end)
                nxt = p + 1
                while nxt < len(items) and items[nxt].kind == ADV:
                    nxt += 1
                if nxt < len(items) and DET in items[nxt].kinds and NEG in items[nxt].kinds:
                    negated = True          # "imposed no new sanctions", "sent no troops"
        else:
            agent = reader.agent(p)
            if agent is not None:
                slots.append(("agent", agent))
        taken = {name for name, _ in slots}
        for name, argument in reader.obliques(p, after):
            if name in reader.words.agent_markers and voice == "passive":
                continue
            if name not in taken:
                slots.append((name, argument))
                taken.add(name)
        for name, argument in reader.fronted_obliques(p):
            if name not in taken:
                slots.append((name, argument))
    if item.kind == SPEECH_AFTER or (item.kind != PRED and SPEECH_AFTER in item.kinds
                                     and SPEECH_BEFORE not in item.kinds):
        slots = [(name, argument) for name, argument in slots if name != "subject"]
        speaker = _tag_subject(reader, p)
        if speaker is not None:
            # "…," kata Menlu X: the phrase after the tag is its speaker, not its object
            slots = [(name, argument) for name, argument in slots
                     if not (name == "object" and argument.start < speaker.end and speaker.start < argument.end)]
            slots.insert(0, ("subject", speaker))
    draft = reader.seg.drafts[clause]
    governor_item = draft.governor if draft.kind in ("complement", "purpose") else None
    text = item.ref.text if item.kind == PRED else item.value
    return Predicate(item.start, item.end, text, voice, clause, tuple(slots),       # positional: the fields in order
                     position.get(governor_item) if governor_item is not None else None,
                     items[governor_item].value if governor_item is not None else "", light, negated)


def _reporter(items: list[Item], i: int) -> Group | None:
    """"North Korea said it had tested …", "Rusia menyatakan pihaknya …": a third-person pronoun opening what a
    speech verb reports is its speaker; so is a description of a state ("Saudi Foreign Minister announced that the
    kingdom was severing ties …": the speaker's state)."""
    kind = items[i].value_of(PRON)
    state = kind == "description:STATE"
    if kind not in ("thing", "person", "side", "plural") and not state:
        return None
    j = i - 1
    if j >= 0 and items[j].kind in _DEMO_DET_OPEN and items[j].value in ("that", "bahwa"):
        j -= 1
    while j >= 1 and (items[j].kind == ADV or (items[j].kind == PREP and items[j + 1].kind == ADV)):
        j -= 1                                         # "announced Sunday that …", "said on Tuesday that …"
    if j < 1 or not items[j].has(SPEECH_BEFORE):
        return None
    k = j - 1
    while k >= 0 and items[k].kind in _ADV_NEG:
        k -= 1
    if k >= 1 and items[k].kind == WORD and items[k - 1].kind == GROUP:
        k -= 1                                         # "the U.S. representative said", "Chinese officials said"
    group = items[k].ref if k >= 0 and items[k].kind == GROUP else None
    if group is None or not group.party:
        return None
    if state:
        states = [as_state(a) for a in group.actors if a.country or a.kind == "STATE"]
        return Group(items[i].start, items[i].end, states[:1], [], how="description") if states else None
    plural = kind == "plural"
    if plural != (len(group.actors) > 1) or (kind == "person") != (group.actors[0].kind == "PERSON"):
        return None
    return Group(items[i].start, items[i].end, list(group.actors), [], how="pronoun")


def _is_preposition(words: Words, word: str) -> bool:
    """Whether the word ends a phrase in a preposition ("met with", "support for")."""
    return any(c.kind == PREP for c in words.phrases.get((word,), ()))


def _accused(items: list[Item], i: int, words: Words) -> Group | None:
    """"Iran membantah tuduhan AS bahwa pihaknya memasok rudal", "Iran denied U.S. accusations that it supplied …":
    the pronoun opening what a denied accusation says is the one who denies it, not the accuser."""
    if items[i].value_of(PRON) not in ("thing", "person", "side"):
        return None
    j = i - 1
    if j < 0 or items[j].value not in ("that", "bahwa"):
        return None
    j -= 1
    while j >= 0 and items[j].kind in (GROUP, DET):      # the accuser: "tuduhan AS", "U.S. accusations"
        j -= 1
    if j < 1 or items[j].kind != PRED:
        return None
    k = j - 1
    if items[k].kind == GROUP and k >= 1:               # "denied U.S. accusations": the accuser before the noun
        k -= 1
    if k < 0 or items[k].value not in words.denial:
        return None
    subject = next((items[m].ref for m in range(k - 1, -1, -1) if items[m].kind == GROUP), None)
    if subject is None or not subject.party:
        return None
    return Group(items[i].start, items[i].end, list(subject.actors), [], how="pronoun")


def text_of(item: Item) -> str:
    return item.ref.text if item.kind == PRED else item.value


def _tag_subject(reader: SlotReader, p: int) -> Argument | None:
    """Who a speech tag names: "kata X", "said X", "X said"; "katanya"/"he said" take the discourse's speaker."""
    items = reader.items
    if items[p].value_of(SPEECH_AFTER) == "pronoun":
        speaker = reader.reading.speaker
        return Argument(items[p].start, items[p].end, tuple(speaker), "", "pronoun") if speaker else None
    j = p + 1
    while j < len(items) and items[j].kind in _ADV_DET_WORD and j - p <= 3:
        j += 1
    for k in (j, p - 1):
        if 0 <= k < len(items):
            group = reader.group_at(k)
            if group is not None and group.party:
                return reader.argument((k, k + 1))
    return None


def _index_after(starts: list[int], offset: int) -> int:
    """The first item that starts at `offset` or later."""
    return bisect_left(starts, offset)


def _participle_adjective(items: list[Item], i: int, pack: Any) -> bool:
    """An English participle between a preposition (not "to" or "by") and a noun, or between an article and a
    name or noun ("released the captured Indian pilot"): an adjective, no predicate."""
    if i == 0 or i + 1 >= len(items) or " " in items[i].value:
        return False
    after_article = items[i - 1].kind == DET and items[i - 1].value in ("the", "a", "an") \
        and items[i + 1].kind in (WORD, GROUP) and items[i].value.endswith("ed")
    if not after_article and (not (items[i - 1].kind == PREP or PREP in items[i - 1].kinds)
                              or items[i - 1].value in ("to", "by") or items[i + 1].kind not in (WORD, PRED)):
        return False                                # ("amid stalled efforts": an opener that is a preposition too)
    voices, tags = _form_senses(pack, items[i].value)
    # (a form listed as it is, "=stalled", carries no tag: its "-ed" tells)
    return "noun" not in voices and bool(tags) and (tags <= {"VBN", "VBD"}
                                                    or tags == {"plain"} and items[i].value.endswith("ed"))


def _noun_after_verb(items: list[Item], i: int, voices: dict[int, str], words: Words) -> bool:
    """A plain English verb form ("reports", "claims", "calls"), no participle or gerund, right after an active event
    verb (its object) or after an article and a name ("a U.S. State Department report"): a noun."""
    word = items[i].value
    if i == 0 or " " in word or word.endswith(("ed", "ing")) or SPEECH_AFTER in items[i].kinds \
            or SPEECH_BEFORE in items[i].kinds:
        return False                                # ("a ministry spokesman said": the verb of saying)
    previous = items[i - 1]
    if previous.kind == GROUP or previous.kind == PRED and voices.get(i - 1) == "noun":
        # "the sanctions blacklist": an article, a name or a noun, then the word
        return i > 1 and items[i - 2].kind == DET and items[i - 2].value in ("a", "an", "the")
    return voices.get(i - 1) == "active" and previous.kind == PRED \
        and text_of(previous).split()[-1] not in words.bare_infinitive_verbs


def _adjective_after_verb(items: list[Item], i: int, pack: Any) -> bool:
    """"imposed coordinated sanctions on …", "launched renewed strikes": an English -ed word between a past-tense
    event verb (or a participle after a noun) and a noun describes the noun (two finite verbs do not stand side by
    side)."""
    if i == 0 or i + 1 >= len(items) or items[i + 1].kind not in (WORD, PRED, GROUP):
        return False
    word, previous = items[i].value, items[i - 1]
    if " " in word or not word.endswith("ed") or " " in previous.value:
        return False
    if previous.value.endswith("ing") and i > 1 and items[i - 2].kind in (WORD, GROUP) \
            and "noun" not in _form_senses(pack, word)[0]:
        return True         # "planes carrying deported migrants": a participle after a noun takes the noun after it
    if previous.kind != PRED or items[i + 1].kind == GROUP:
        return False
    tags = _form_senses(pack, previous.value)[1]
    return bool(tags) and tags <= {"VBN", "VBD"} and "noun" not in _form_senses(pack, word)[0]


def _attributive(items: list[Item], i: int, words: Words) -> bool:
    """A participle before a name that it describes ("with visiting Prime Minister Kishida", "the visiting premier"),
    not one whose subject stands before it ("Xi, visiting Moscow, …")."""
    if items[i].value not in words.attributive or i == 0 or i + 1 >= len(items) or items[i + 1].kind != GROUP:
        return False
    previous = items[i - 1]
    # after a determiner, "with", or a verb of meeting or speaking; not after "was" or "after" ("was visiting
    # China", "after visiting China": the participle is the verb)
    return previous.kind == DET or previous.value in words.comitative or (
        previous.kind == PRED or SPEECH_BEFORE in previous.kinds) and not previous.has(BE)


def _attributive_visits(reader: SlotReader, predicates: list[Predicate], words: Words) -> list[Predicate]:
    """"Wang Yi told visiting Secretary of State Blinken …": the one named after the participle visits the side of
    the act before it ("told"), else the partner of the act after it ("The visiting premier met Albanese")."""
    items = reader.items
    found: list[Predicate] = []
    for a, item in enumerate(items):
        if item.kind != WORD or not _attributive(items, a, words):
            continue
        visitor = reader.argument((a + 1, a + 2))
        codes = {actor.code for actor in visitor.actors}
        if not codes:
            continue
        host = None
        for predicate in reversed([p for p in predicates if p.end <= item.start and p.voice != "noun"]):
            doer = predicate.slot("subject")
            if doer is not None and doer.actors and not {x.code for x in doer.actors} & codes:
                host = doer
                break
        if host is None:
            for predicate in (p for p in predicates if p.start > item.start and p.voice != "noun"):
                partner = next((arg for name, arg in predicate.slots if name not in ("subject", "agent")
                                and arg.actors and not {x.code for x in arg.actors} & codes), None)
                if partner is not None:
                    host = partner
                    break
        if host is not None:
            found.append(Predicate(item.start, item.end, item.value, "active", reader.clause(a),
                                   (("subject", visitor), ("object", host))))
    return found


def _voice(items: list[Item], i: int, pack: Any, words: Words, previous_voice: str | None = None,
           before_voice: str | None = None) -> str:
    voices, tags = _form_senses(pack, items[i].value)
    if words.lang == "id":
        if "noun" in voices and i > 0 and (items[i - 1].kind == DET or LIGHT in items[i - 1].kinds):
            return "noun"                           # "sejumlah unjuk kekuatan", "melakukan unjuk kekuatan"
        if "noun" in voices and i > 0 and items[i - 1].kind == PRED and previous_voice == "active" \
                and text_of(items[i - 1]).split()[-1] not in words.control:
            # "mengecam unjuk kekuatan Korea Utara": the verb's object (not after a verb of control or aspect:
            # "menghentikan baku tembak" stops an act)
            return "noun"
        if i > 0 and items[i - 1].value in words.nominalising_prepositions and items[i].ref.clitic == "nya":
            return "noun"                           # "atas ditangkapnya tiga nelayan Indonesia": a verb's noun
        if voices & {"active", "passive"}:
            return "passive" if "active" not in voices else "active"
        return "noun"
    verbs, nouns = bool(voices & {"active", "passive"}), "noun" in voices
    previous = items[i - 1] if i > 0 else None
    noun_phrase = _noun_before_preposition(items[i].value, pack, words)
    if verbs and not noun_phrase and previous is not None and previous.value in words.relative_pronouns \
            and tags & {"VBZ", "VBD"} and i > 1 and (items[i - 2].kind in (GROUP, WORD, PUNCT)
                           or items[i - 2].kind == PRED and before_voice == "noun") \
            and (previous.value != "that" or i + 1 < len(items) and (items[i + 1].kind in (GROUP, DET)
                                                                     or items[i + 1].value == "that")):
        # "a resolution which demands that …", "the text that condemns Russia": a verb form right after a relative
        # pronoun on a noun is the relative clause's verb ("reports that sanctions hurt …": "that" opens content)
        return "passive" if "VBN" in tags and english_passive(items, i, words.object_first) else "active"
    if noun_phrase and previous is not None and (
            previous.kind == DET and previous.value != "that" or previous.kind == PRED and previous_voice != "passive"
            or previous.kind == WORD and not previous.value.endswith("s")):
        return "noun"                               # "a meeting with", "ruled out talks with", "trade talks with"
    if previous is not None and previous.kind == PRED and previous_voice == "active" \
            and not tags & {"VBG", "VBD", "VBN"} and " " not in items[i].value \
            and text_of(previous).split()[-1] not in words.bare_infinitive_verbs:
        # "held talks with", "struck targets", "staged drills": a finite verb takes no bare verb after it, so the
        # word is its object ("helped end the war", "agreed to resume" are the exceptions the list names)
        return "noun"
    before = items[i - 2] if i > 1 else None
    if previous is not None and previous.kind == PRED and previous_voice == "noun" and before is not None \
            and before.kind == DET and before.value in ("a", "an", "the") and " " not in items[i].value \
            and not tags & {"VBG", "VBD", "VBN", "VBZ"}:
        return "noun"                               # "the sanctions blacklist": a noun after an article and a noun
    if previous is not None and previous.kind == PRED and previous_voice == "noun" and before is not None \
            and (before.kind == PRED and before_voice == "active" or before.kind in (VERB, PREP)) \
            and not before.kinds & SPEECH_VERBS and " " not in items[i].value and items[i].value.endswith("s") \
            and tags <= {"VBZ", "NNS"}:
        # "sent emergency relief supplies to …", "with food supplies": a plural right after the noun that a verb or a
        # preposition governs is the head of their compound, not a second finite verb (not after a verb of saying:
        # "said aid arrives …")
        return "noun"
    if previous is not None and previous.kind == QUOTE and before is not None and before.kind in (WORD, ADV) \
            and " " not in items[i].value and items[i].value.endswith("s") and tags <= {"VBZ", "NNS"}:
        return "noun"                               # "what he called 'politically motivated' demands from …"
    if previous is not None and previous.kind == GROUP and before is not None \
            and (before.kind == PRED and before_voice == "active" or before.kind == VERB) \
            and not tags & {"VBG", "VBD", "VBN", "VBZ"} and " " not in items[i].value \
            and text_of(before).split()[-1] not in words.bare_infinitive_verbs:
        # "sought US help", "won Chinese support": a bare verb form after a verb and its object's owner is a noun
        return "noun"
    if previous is not None and previous.kind == GROUP and before is not None \
            and (before.kind == PRED and before_voice == "active" or before.kind == VERB) \
            and not before.kinds & SPEECH_VERBS and " " not in items[i].value and items[i].value.endswith("s") \
            and tags <= {"VBZ", "NNS"}:
        # "dismissed U.S. claims that …", "rejected Israel's demands": a plural after a verb and its object's owner
        # is the object's head (not after a verb of saying: "said Russia plans …")
        return "noun"
    if previous is not None and previous.kind == GROUP and previous.ref.mentions and not previous.value.endswith("s") \
            and not tags & {"VBD", "VBN"} and all(m.rule in _adjective_rows(pack) for m in previous.ref.mentions):
        # "a Philippine supply boat", "Israeli strikes": after an adjective, a noun (not after a people's name:
        # "South Koreans rallied")
        return "noun"
    if english_noun(items, i, verbs, nouns, tags, words.aspect_forms):
        return "noun"
    if "VBN" in tags and english_passive(items, i, words.object_first):
        return "passive"
    return "active"


def _plain_voice(items: list[Item], i: int, words: Words) -> str:
    """The voice of a verb no pattern lists: di-/ter- (Indonesian), a participle after "be" (English)."""
    word = items[i].value.split()[0]
    if words.lang == "id":
        return "passive" if word.startswith(("di", "ter")) and len(word) > 4 else "active"
    return "passive" if word in words.english_participles and english_passive(items, i, words.object_first) \
        else "active"


def _adjective_rows(pack: Any) -> frozenset[str]:
    """The dictionary rows of adjectives ("Philippine", "Russian"): a verb form right after one is a noun."""
    cached = pack.__dict__.get("_adjective_rows")
    if cached is None:
        cached = frozenset(e.origin for e in pack.entries if "adj" in e.flags)
        pack.__dict__["_adjective_rows"] = cached
    return cached


def _occurrences(predicates: list[Predicate], words: Words) -> list[Predicate]:
    """"Clashes broke out between Thai and Cambodian troops", "fighting erupted along the border": a verb that only
    says an act happened lends its prepositional phrases to the act, its subject."""
    lent: dict[int, Predicate] = {}
    for verb in predicates:
        if verb.voice != "active":
            continue                            # (the cheap tests first: few verbs have an event as subject)
        subject = verb.slot("subject")
        if subject is None or subject.how != "event":
            continue
        obj = verb.slot("object")
        said = f"{verb.text} {obj.head}" if obj is not None and obj.head in words.particles else verb.text
        if said not in words.occurrence:
            continue
        phrases = [(name, argument) for name, argument in verb.slots if name not in ("subject", "object", "agent")]
        for number, noun in enumerate(predicates):
            if noun.voice == "noun" and subject.start <= noun.start < subject.end:
                extra = tuple(pair for pair in phrases if noun.slot(pair[0]) is None)
                if extra:
                    lent[number] = replace(noun, slots=noun.slots + extra)
                break
    return [lent.get(number, predicate) for number, predicate in enumerate(predicates)]


def _noun_before_preposition(value: str, pack: Any, words: Words) -> bool:
    """Whether a two-word phrasal verb form ("talks with", "meeting with") is also a noun and a preposition."""
    parts = value.split()
    if len(parts) != 2:
        return False
    single = words.single.get(parts[1])
    return single is not None and PREP in single[1] and "noun" in _form_senses(pack, parts[0])[0]


def _noun_and_preposition(text: str, item: Item, pack: Any, words: Words) -> list[Item] | None:
    """"direct talks with Iran", "the talks with China": a phrasal verb ("talk with") read as a noun is the noun
    of its first word and the preposition after it, so that the preposition's phrase is the noun's oblique."""
    if not isinstance(item.ref, Candidate) or item.ref.clitic or not _noun_before_preposition(item.value, pack, words):
        return None
    parts = item.value.split()
    single = words.single[parts[1]]
    raw = text[item.start:item.end]
    first_end = item.start + len(raw.split()[0])
    second_start = item.start + len(raw) - len(raw.split()[-1])
    classes, kinds = single
    noun = Item(item.start, first_end, PRED, parts[0], ref=Candidate(item.start, first_end, parts[0]))
    return [noun, Item(second_start, item.end, classes[0].kind, classes[0].word, classes, kinds=kinds)]


def _word_and_infinitive(text: str, items: list[Item], i: int, pack: Any, words: Words) -> list[Item] | None:
    """A phrasal verb form ending in "to", read as a noun whose first word is no event noun, before a verb ("sent
    fighter jets to strike …"): a plain word, then the "to" of the infinitive."""
    item = items[i]
    parts = item.value.split()
    if len(parts) != 2 or parts[1] != "to" or not isinstance(item.ref, Candidate) or item.ref.clitic \
            or "noun" in _form_senses(pack, parts[0])[0] or i + 1 >= len(items) \
            or items[i + 1].kind not in (PRED, VERB):
        return None
    single = words.single.get(parts[1])
    if single is None or PREP not in single[1]:
        return None
    raw = text[item.start:item.end]
    first_end = item.start + len(raw.split()[0])
    second_start = item.start + len(raw) - len(raw.split()[-1])
    classes, kinds = single
    return [Item(item.start, first_end, WORD, parts[0], (), None, item.index),
            Item(second_start, item.end, classes[0].kind, classes[0].word, classes, kinds=kinds)]


def _form_senses(pack: Any, form: str) -> tuple[frozenset[str], frozenset[str]]:
    """The voices and the tags of a lexicon form's entries (kept on the pack, filled as forms are met)."""
    table = pack.__dict__.get("_clause_form_senses")
    if table is None:
        table = pack.__dict__["_clause_form_senses"] = {}
    found = table.get(form)
    if found is None:
        entries = pack.lexicon.entries(form)
        found = table[form] = (frozenset(e.form.voice for e in entries), frozenset(e.form.tag for e in entries))
    return found


def _joint_parties(predicates: list[Predicate], seg: Any, pack: Any, words: Words) -> list[Actor]:
    """The two sides of a meeting the sentence tells in its main clause ("Modi met Kishida", "held talks with
    Prabowo", "bertemu dengan Xi Jinping"): whom a following "they"/"mereka" stands for."""
    forms = _joint_forms(pack)
    partners = words.comitative
    for predicate in predicates:
        if predicate.text not in forms or seg.drafts[predicate.clause].kind != "main":
            continue
        doer = predicate.slot("subject")
        if doer is None or doer.how != "direct" or not doer.actors:
            continue
        for key, argument in predicate.slots:
            if (key == "object" or key in partners) and argument.how == "direct" and argument.actors:
                codes = {a.code for a in doer.actors}
                others = [a for a in argument.actors if a.code not in codes]
                if others:
                    return [*doer.actors, *others]
    return []


def _joint_forms(pack: Any) -> frozenset[str]:
    """Event words with a sense of meeting or talks (CAMEO 04x): acts two sides do together (the sides named
    as actors tell it from "met the demands")."""
    cached = pack.__dict__.get("_joint_forms")
    if cached is None:
        cached = frozenset(text for text, entries in pack.lexicon.by_form.items()
                           if any(e.pattern.cameo and e.pattern.cameo[:2] == "04" for e in entries))
        pack.__dict__["_joint_forms"] = cached
    return cached


def _patient_nouns(pack: Any) -> frozenset[str]:
    """Nouns of the peN-…-an shape: the actor after them undergoes the act ("penangkapan nelayan Vietnam")."""
    cached = pack.__dict__.get("_patient_nouns")
    if cached is None:
        cached = frozenset(text for text, entries in pack.lexicon.by_form.items()
                           if any(e.form.voice == "noun" and e.form.tag == "peN-an" for e in entries))
        pack.__dict__["_patient_nouns"] = cached
    return cached


def _nouns_of_roots(pack: Any, name: str, roots: Callable[[str], bool]) -> frozenset[str]:
    """Lexicon nouns whose every noun sense has a CAMEO root that `roots` accepts, kept on the pack as `name`."""
    cached = pack.__dict__.get(name)
    if cached is None:
        cached = frozenset(text for text, entries in pack.lexicon.by_form.items()
                           if any(e.form.voice == "noun" for e in entries) and all(
                               e.pattern.cameo and roots(e.pattern.cameo[:2]) for e in entries
                               if e.form.voice == "noun"))
        pack.__dict__[name] = cached
    return cached


def _undergone_nouns(pack: Any) -> frozenset[str]:
    """Nouns of coercion and of mass violence only (CAMEO roots 17 and 20): civilians named after them undergo the
    act ("relokasi paksa warga Palestina", "deportasi warga Afghanistan"), they never do it."""
    return _nouns_of_roots(pack, "_undergone_nouns", lambda root: root in ("17", "20"))


def _hostile_nouns(pack: Any) -> frozenset[str]:
    """Nouns whose every sense is a hostile act (CAMEO roots 13-20): the subject of a clause they are the occasion
    of is not their doer ("expelled the ambassador after the killing of …")."""
    return _nouns_of_roots(pack, "_hostile_nouns", lambda root: root >= "13")


def _display_nouns(pack: Any) -> frozenset[str]:
    """Nouns whose every sense is a show of force (CAMEO root 15: drills, a show of force, a missile test)."""
    return _nouns_of_roots(pack, "_display_nouns", lambda root: root == "15")


def _readings(pack: Any) -> dict:
    """How each token reads by itself with this pack's words (tokens.items_of fills it)."""
    cached = pack.__dict__.get("_clause_token_readings")
    if cached is None:
        cached = pack.__dict__["_clause_token_readings"] = {}
    return cached


def _inert(pack: Any) -> frozenset[str]:
    """Lexicon forms that are no event in any sense (`cameo: null`): they block a shorter trigger, nothing more."""
    cached = pack.__dict__.get("_lexicon_inert")
    if cached is None:
        cached = frozenset(text for text, entries in pack.lexicon.by_form.items()
                           if entries and all(e.pattern.cameo is None for e in entries))
        pack.__dict__["_lexicon_inert"] = cached
    return cached


def _lexicon_verbs(pack: Any) -> frozenset[str]:
    cached = pack.__dict__.get("_lexicon_verbs")
    if cached is None:
        cached = frozenset(text for text, entries in pack.lexicon.by_form.items()
                           if any(e.form.voice != "noun" for e in entries))
        pack.__dict__["_lexicon_verbs"] = cached
    return cached


def find_candidates(text: str, pack: Any) -> list[Candidate]:
    """Every lexicon form in the body, word-bounded (an Indonesian "-nya" may follow), longest first."""
    from relasi.actors.gazetteer import fold

    automaton = _automaton(pack)
    if automaton is None:
        return []
    folded = fold(text)
    clitics = tuple(str(c).lower() for c in pack.grammar.get("clitics") or ())
    size = len(folded)
    # (start, -length, order found, end, form, clitic): sorted, the longest first at each start, ties as found
    found: list[tuple[int, int, int, int, str, str]] = []
    for last, key in automaton.iter(folded):
        start, end = last - len(key) + 1, last + 1
        if start > 0:
            before = folded[start - 1]
            # inside a word, or the end of a hyphenated one ("serang" in "anti-serang")
            if before.isalnum() or before == "_" or (before in "-‐" and start > 1 and folded[start - 2].isalnum()):
                continue
        if end + 1 < size and folded[end] in "-‐" and folded[end + 1].isalnum():
            continue                            # only part of a hyphenated word: "air" in "air-defence"
        clitic = ""
        if end < size and (folded[end].isalnum() or folded[end] == "_"):
            clitic = next((c for c in clitics if folded.startswith(c, end) and
                           (end + len(c) >= len(folded) or not folded[end + len(c)].isalnum())), "")
            if not clitic:
                continue
        stop = end + len(clitic)
        found.append((start, start - stop, len(found), stop, key, clitic))
    found.sort()
    chosen: list[Candidate] = []
    taken = -1
    for start, _, _, stop, key, clitic in found:
        if start >= taken:
            chosen.append(Candidate(start, stop, key, clitic))
            taken = stop
    return chosen


def _automaton(pack: Any):
    if "_lexicon_automaton" in pack.__dict__:
        return pack.__dict__["_lexicon_automaton"]
    import ahocorasick

    automaton = None
    if pack.lexicon.by_form:
        automaton = ahocorasick.Automaton()
        for key in pack.lexicon.by_form:
            automaton.add_word(key, key)
        automaton.make_automaton()
    pack.__dict__["_lexicon_automaton"] = automaton
    return automaton
