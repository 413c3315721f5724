"""Event coding: the clause step's predicates, read through the lexicon's patterns, become events.

For each predicate of each sentence (relasi.clauses): the sense of its word whose constraints hold
(patterns.choose); its source and target from the slots the pattern names (patterns.source_of / target_of), or,
when the sentence names no target, the one its kind of act implies (discourse: a place struck, a summit's host, the
side a reaction answers); how it is told (modality.factuality); its date (dates). Events told twice in an article
are kept once (discourse.dedup_key). Every event carries the id of the pattern that made it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import lru_cache, partial

from relasi.actors.resolve import article_day
from relasi.clauses.words import compile_words
from relasi.events.cameo import Codebook, plover_for
from relasi.events.dates import latest_stated_date, resolve_date
from relasi.events.discourse import (
    IMPLIED_TARGET_TYPES,
    MEETING_REACH,
    PLACE_TARGET_TYPES,
    PRAISE,
    STATEMENT_TYPES,
    SYMMETRIC,
    aid_recipient,
    answered_unnamed,
    as_country,
    as_state,
    dedup_key,
    dyads,
    implied_target,
    last_sides,
    location,
    main_actors,
    meeting_sides,
    occasion_target,
    place_target,
    reaction_target,
    state_level,
    voting_body,
)
from relasi.events.modality import CONTENT_TYPES, Factuality, factuality, phrase_regex, words_of
from relasi.events.patterns import (
    BETWEEN,
    SOURCE_PREPOSITIONS,
    SentenceWords,
    choose,
    head_matches,
    head_noun,
    names_act,
    patient,
    source_of,
    target_of,
    target_slots,
)
from relasi.lang.lexicon import Pattern
from relasi.lang.morphology import is_reciprocal, rough_stem
from relasi.model import Actor, Argument, Article, Event, Parse, Predicate

# Expelling diplomats or other people: a passive with no agent names the expelling state as the place left
EXPULSIONS = frozenset({"161", "174"})
# Acts of force no one does by saying them: a speech verb cannot carry one as its own
MATERIAL_HOSTILE = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
# Acts only a state's authorities do to people (arrest, detain, try; deport): with no doer named, the state where
# they happen did them
AUTHORITY_ACTS = frozenset({"173", "174"})

# Stances a vote takes: for or against a body's resolution
VOTE_TYPES = frozenset({"REJECT", "SUPPORT"})
VETO = "129"

# How sure an event is, by how its arguments were found.
CONFIDENCE = {"direct": 0.9, "antecedent": 0.85, "controller": 0.85, "shared": 0.8, "speaker": 0.8,
              "pronoun": 0.7, "description": 0.7, "discourse": 0.6, "implied": 0.5}
HISTORY_CLAUSES = frozenset({"temporal", "relative", "reason", "concessive"})
JOINT_MILITARY = "062"
PHONE_CALL = "041"
RECOGNITION = "054"                 # recognising a state names it: no target is implied ("mengakui telah …")
CALL_MEANS = frozenset({"melalui", "lewat", "via", "by", "over", "dalam", "in", "during"})
CALL_PARTNERS = frozenset({"kepada", "dengan", "to", "with", "object"})
MUTUAL_HELP = "060"                 # help that goes both ways ("saling membantu") is material cooperation
BLOCKADE, EMBARGO = "191", "163"
MEDIATION = "045"
# The words before the act by which a side answers ("retaliated … by downgrading", "membalas … dengan menurunkan")
MEANS = (" by", " dengan")
# The preposition naming the other party of a mutual act's noun ("kesepakatan dengan China", "the deal with China").
PARTNER = {"id": "dengan", "en": "with"}
# Hostile acts that, named as what something is ("merupakan serangan", "was an attack"), accuse its doer.
HOSTILE_DESCRIPTIONS = frozenset({"ASSAULT", "COERCE", "THREATEN", "SANCTION", "ACCUSE"})
ACCUSATION = Pattern(id="coder#described-as-hostile", cameo="112")
UNLAWFUL = Pattern(id="coder#told-as-unlawful", cameo="112")
DUTY = Pattern(id="coder#told-as-duty", cameo="100")
EXHORTATION = Pattern(id="coder#exhortation", cameo="020")
QUOTE_MARKS = frozenset('"“”‘’')
_NO_QUOTES = str.maketrans("", "", '"“”‘’')
JUDGED = Pattern(id="coder#judged-act", cameo="111")
ARMED_BACKING = Pattern(id="coder#backed-armed-act", cameo="062")
ARMED_TYPES = frozenset({"ASSAULT", "MOBILIZE"})     # acts a side may back by taking part
# The dictionary's roles of a state's missions abroad: a protest there is aimed at that state.
MISSION_ROLES = frozenset({"embassy", "consulate", "mission", "high commission"})
# Acts whose target may be named only by their purpose: "pledged €50bn to keep Ukraine's economy afloat".
PURPOSE_TARGET_TYPES = frozenset({"AID", "AGREE", "MOBILIZE"})


@lru_cache(maxsize=1)
def _codebook() -> Codebook:
    return Codebook.load()


def code_events(article: Article, pack) -> Article:
    """Fill `article.events` from `article.parses` (the clause step)."""
    text = article.body
    codebook = _codebook()
    # An undated page is read against the latest full date it states: relative dates and history still resolve,
    # while events the sentence does not date stay undated.
    published = article_day(article) or latest_stated_date(text, pack)
    dated = article_day(article) is not None
    counterparts = main_actors(article.mentions)
    defaults = tuple(pack.words("targets"))
    background = tuple(pack.words("background"))
    reasons, determiners = tuple(pack.words("reason_preps")), tuple(pack.words("determiners"))
    on_request = frozenset(pack.words("on_request"))
    answering = frozenset(pack.words("answering"))
    votes = tuple(pack.words("vote_words"))
    commitments = frozenset((*pack.words("commitment"), *pack.words("offers")))
    reciprocals = tuple(pack.words("reciprocal"))
    participating = frozenset(pack.words("participating"))
    continuing = frozenset(pack.words("continuing"))
    habitual = frozenset(pack.words("habitual"))
    topic_verbs = pack.words("topic_verbs")
    role_act = _role_act_regex(pack)
    conditions = frozenset(pack.words("condition_verbs"))
    unlawful, deontic, exhortations, judged, said_any = _said_regexes(pack)
    parses = list(article.parses)
    events: list[Event] = []
    seen: set[tuple] = set()
    for index, parse in enumerate(parses):
        sentence = text[parse.start:parse.end]
        said = SentenceWords(sentence, parse.start)
        chosen = [choose(p, sentence, pack.lexicon, said, _governed_markers(parse, number))
                  for number, p in enumerate(parse.predicates)]
        # what a speaker says of an act (unlawful, owed, exhorted, hostile): one search says whether any of it is here
        telling = said_any.search(sentence) is not None or (
            exhortations is not None and ('"' in sentence or "“" in sentence or "”" in sentence)
            and said_any.search(sentence.translate(_NO_QUOTES)) is not None)
        exhorting = telling and exhortations is not None and _holds_exhortation(text, parse, exhortations)
        exhorted = exhortations if exhorting else None
        content = _content_spans(parse, chosen, topic_verbs)
        signed = [(obj.start, obj.end) for p, found in zip(parse.predicates, chosen, strict=True)
                  if found is not None and found.cameo == SIGNED and (obj := p.slot("object")) is not None]
        dates: dict[tuple, tuple[str | None, str]] = {}
        readings: dict[int, Factuality] = {}
        contained: set[int] = set()                 # predicates told as the content of another act
        # verbs whose act is the one their object or complement codes: no event of their own, and no governor
        yielding = {number for number, (predicate, pattern) in enumerate(zip(parse.predicates, chosen, strict=True))
                    if pattern is not None and pattern.cameo is not None
                    and _yields_to_object(parse, predicate, pattern, chosen)}
        for number, (predicate, pattern) in enumerate(zip(parse.predicates, chosen, strict=True)):
            if pattern is None or pattern.cameo is None:
                continue
            if pattern.describes and predicate.voice == "noun" and not predicate.light.startswith("="):
                continue                    # "a violation of …" names an act only as what something is said to be
            if predicate.text in answering and _opens_its_phrase(text, parse, predicate):
                continue                    # "Menanggapi latihan China, …", "…, kata X, menanggapi …": a marker
            requested = plover_for(pattern.cameo) == "REQUEST" and _on_request(text, parse, predicate, on_request)
            if predicate.voice == "noun" and not requested \
                    and _not_new(text, parse, predicate, background, content, reasons, determiners):
                continue
            if predicate.voice == "noun" and plover_for(pattern.cameo) == "COOPERATE" \
                    and _told_as_condition(text, parse, predicate, conditions):
                continue                    # "kerja sama perdagangan kedua negara terus tumbuh": a state, no act
            if predicate.voice == "noun" and pattern.cameo == TRUCE and _standing_truce(text, parse, predicate, pack):
                continue                    # "to salvage the fragile truce between Israel and Hamas": a state
            if _describes_content(parse, predicate, content, signed) \
                    or _on_background(text, parse, predicate, background) \
                    or _continuing(text, parse, predicate, continuing, habitual):
                continue
            if predicate.light in participating and not (pattern.mutual or plover_for(pattern.cameo) in SYMMETRIC
                                                         or pattern.source == "speaker"):
                continue                    # "terlibat bentrokan" is the clash of both; "terlibat serangan" alleges
                #                             (what it alleges is the speaker's: "terlibat kegiatan spionase")
            if number in yielding or _relative_in_content(parse, predicate, chosen):
                continue
            if predicate.voice != "noun" and role_act is not None \
                    and role_act.search(text, max(parse.start, predicate.start - 60), predicate.start):
                continue                    # "memuji peran Oman dalam menjembatani …": the role's act, known before
            if plover_for(pattern.cameo) == "THREATEN" and _warns_of_description(parse, number, chosen):
                continue                    # "warned that NATO's expansion was a threat to its security"
            if predicate.light.startswith("="):
                # "sanksi itu merupakan serangan terhadap …": a description, the speaker's accusation if hostile
                parties = _described(parse, predicate, pattern, events, pack,
                                     partial(_implied_for, events, parses, index, counterparts))
                if parties is None:
                    continue
                pattern = ACCUSATION
            else:
                parties = _parties(predicate, pattern, parse, events, parses, index, counterparts, defaults, pack,
                                   _content_target(parse, number, chosen, defaults), text,
                                   plover_for(pattern.cameo) in CONTENT_TYPES and _carried_noun(parse, number, chosen),
                                   article.mentions)
            if requested:
                parties = _requested_by(parse, predicate) or parties
            if pattern.cameo == PRAISE and parties is not None and _backs_armed_act(parse, number, chosen, pack):
                # "The U.S.-led strikes, supported by Australia, …": taking part with the act's doers (no one's doer
                # known: no event)
                doers = _armed_doers(parse, number, events, {a.code for a in parties[0]}, pack)
                if not doers:
                    continue
                parties, pattern = (parties[0], doers, "implied"), ARMED_BACKING
            if plover_for(pattern.cameo) == "PROTEST":
                parties = _protest_parties(text, parse, predicate, pattern, parties, pack, article.mentions)
            if parties is None:
                continue
            sources, targets, how = parties
            sources, targets = _speaker_for_self_directed(text, parse, predicate, pattern, sources, targets)
            if (not targets or how == "implied") and (pattern.cameo == VETO or plover_for(pattern.cameo) in VOTE_TYPES
                                                      and said.holds_any(votes)):
                # "… sementara dua negara, yaitu AS dan Israel, menolak", "two countries voted against"; a veto is
                # cast in a body ("menggunakan hak veto untuk menggagalkan resolusi di Dewan Keamanan PBB"); a side
                # only guessed from the sentence ("…, while China abstained") yields to the body
                body = voting_body(article.mentions, parse.end, {a.code for a in sources})
                targets, how = (body, "implied") if body else (targets, how)
            cameo = pattern.cameo
            if (not targets or how == "implied") and plover_for(cameo) in PURPOSE_TARGET_TYPES:
                # (a purpose that names whom the act serves outranks a side guessed from the story: "handed over A$12
                # million in budget support to help Tonga repair …")
                targets = _purpose_target(parse, number, sources, chosen, plover_for(cameo) != "MOBILIZE") or targets
            if (not targets or how == "implied") and plover_for(cameo) in ("REQUEST", "ACCUSE", "SUPPORT") \
                    and predicate.governor is not None and parse.clauses[predicate.clause].kind == "purpose":
                # "memanggil Duta Besar Australia untuk meminta penjelasan", "summoned the Australian ambassador to
                # demand an explanation", "menelepon Aliyev untuk mengucapkan selamat": what the purpose says is said
                # to whom the act it serves addresses
                served = parse.predicates[predicate.governor].slot("object")
                own = {a.code for a in sources}
                targets = [a for a in (served.actors if served is not None and served.how == "direct" else ())
                           if a.code not in own] or targets
            if not targets and plover_for(cameo) == "MOBILIZE" and len({a.code for a in sources}) > 1:
                cameo = JOINT_MILITARY     # "Russia and China held naval drills": drills together are cooperation
            if cameo.startswith(BLOCKADE) and _closes_its_own(predicate, sources):
                cameo = EMBARGO            # "menutup wilayah udaranya bagi maskapai India": an embargo, no blockade
            governor = chosen[predicate.governor] if predicate.governor is not None \
                and predicate.governor not in yielding else None
            if governor is not None and _describes(predicate, pattern) and governor.cameo is not None \
                    and plover_for(governor.cameo) == "THREATEN":
                governor = None             # what the warning describes is told, not threatened
            told = factuality(text, parse, number, cameo, governor.cameo if governor else None, pack,
                              _own_speech(parse, predicate, sources),
                              readings.get(predicate.governor) if predicate.governor is not None else None)
            if told is None or pattern.source != "speaker" \
                    and _within_content(parse, predicate, chosen, contained, words_of(pack).cancelling):
                # what another act says, and what that in turn governs ("menuduh Rwanda mengerahkan pasukan untuk
                # mendukung M23": the support is alleged too)
                contained.add(number)
                continue
            if told.cameo != cameo and _committed_by_another(parse, predicate, sources, commitments):
                # "Turkey pledged to host talks between Russia and Ukraine": the talks are planned, not promised by
                # their parties
                told = Factuality("intended", told.negated, cameo)
            if pattern.source == "speaker" and told.modality in ("asserted", "intended"):
                # "said the move would only prolong the war": the speaker's judgement is made now, whatever tense
                # it is told in (no commitment, no threat)
                told = Factuality("asserted", told.negated, cameo)
            if exhorting and _exhorted(text, parse, predicate, exhortations) is not None:
                told = Factuality("hypothetical", told.negated, told.cameo)   # "it is time for Russia to withdraw"
            if predicate.voice == "noun":
                told = _as_its_verb_tells(parse, predicate, told, readings)
            answering_told = _answer_told(text, parse, predicate, readings, pack)
            if answering_told is not None and (answering_told.negated or answering_told.modality != "asserted"):
                # "tidak akan membalas kebijakan tersebut dengan menaikkan tarif": the means of an answer not given
                # is not used either
                told = Factuality(answering_told.modality, True, told.cameo) if answering_told.negated \
                    else Factuality(answering_told.modality, told.negated, told.cameo)
            readings[number] = told
            sources, targets, told = _reported_defiance(parse, predicate, sources, targets, told)
            if (not targets or how == "implied") and plover_for(told.cameo) == "THREATEN":
                # "Iran akan menutup Selat Hormuz apabila AS menyerang …": a threat is aimed at whom its condition names
                own = {a.code for a in sources}
                targets = [a for a in _condition_subject(parse, predicate) if a.code not in own] \
                    or _harmed_by_threatened(parse, predicate, own) or targets
            if told.cameo == "016" and not targets and predicate.voice in ("active", "passive") \
                    and _denies_what_was_said(parse, number, sources):
                # "China membantahnya", "Beijing denied it": the denial answers the accusation made against it just
                # before (only a named accuser makes a denial an event)
                before = parses[index - 1] if index else None
                # "…, a charge U.N. officials disputed": the comment's clause, else the last accuser
                targets = _alleged_by(parse, number, sources, pack) or \
                    _comment_target(text, parse, predicate, {a.code for a in sources}, pack) or \
                    _accuser_of(events, parse.start, sources, _denied_stems(parse, number, pack),
                                text[before.start:before.end] if before is not None else "",
                                before.start if before is not None else parse.start) or \
                    _claimant(before, sources)
            if len({a.code for a in sources}) > 1 and pattern.source != "speaker" \
                    and _reciprocal(text, predicate, reciprocals):
                targets = []                # "saling menuduh", "accused each other": each side of the other
                if plover_for(told.cameo) == "AID":
                    # "saling membantu", "help each other": help that goes both ways is cooperation, no aid given
                    told = Factuality(told.modality, told.negated, MUTUAL_HELP)
                pairs = _pairs(sources, targets, pattern, told.cameo, mutual=True)
            else:
                pairs = _pairs(sources, targets, pattern, told.cameo)
            if not pairs:
                continue
            # a date told inside another subordinate clause dates that clause's act, not this one ("menjatuhkan
            # sanksi … sejak invasi dimulai pada Februari 2022")
            others = _other_clauses(parse, predicate)
            if others not in dates:
                dates[others] = resolve_date(_without(sentence, parse.start, others), published, pack)
            when = dates[others]
            day, precision = when if (when[1] != "published" or dated) else (None, "published")
            if _history(parse, predicate, day, precision, published) \
                    or _background_noun(text, parse, predicate, published, pack) \
                    or _ongoing_since(text, parse, predicate, published, pack) \
                    or _lasting(text, parse, predicate, pack):
                continue
            info = codebook.get(told.cameo) if told.cameo in codebook else None
            for source, target in pairs:
                event = Event(
                    source=source, target=target, cameo=told.cameo, plover=plover_for(told.cameo),
                    goldstein=info.goldstein if info else None, quad_class=info.quad_class if info else None,
                    date=day, date_precision=precision, location=location(parse), modality=told.modality,
                    negated=told.negated, sentence=sentence, start=parse.start, end=parse.end, pattern=pattern.id,
                    confidence=CONFIDENCE.get(how, 0.7),
                )
                if pattern.describes and _describes_what_it_denies(event, events):
                    continue
                if _first_telling(event, seen):
                    events.append(event)
        spoken = [*_told_as_unlawful(text, parse, unlawful, codebook),
                  *_told_as_duty(text, parse, chosen, deontic, codebook),
                  *_exhortation_requests(text, parse, chosen, exhorted, article.mentions, codebook),
                  *_judged_owner(text, parse, judged, article.mentions, pack.lang, codebook)] if telling else []
        for event in [*_done_again(sentence, parse, events, article.mentions, pack), *spoken]:
            if _first_telling(event, seen):
                events.append(event)
    return article.with_(events=tuple(events))


def _speaker_for_self_directed(text: str, parse: Parse, predicate: Predicate, pattern: Pattern,
                               sources: list[Actor], targets: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """"mengatakan bahwa Jepang tidak berhak menuntut China dan menuduh Tokyo …", "said that Japan had no right … and
    accused Tokyo of …": a verb of a reported clause whose subject would be its own object is the speaker's, joined
    to the speech (no side accuses itself)."""
    obj = predicate.slot("object") if predicate.voice == "active" else None
    if pattern.source == "speaker" or obj is None or not obj.actors or not sources \
            or {a.code for a in obj.actors} != {a.code for a in sources} \
            or not (text[obj.start:obj.end].split() or [""])[-1][:1].isupper():
        return sources, targets             # (not its own forces, "menarik pasukannya": only a name is another side)
    clause: int | None = predicate.clause
    while clause is not None and not parse.clauses[clause].speaker:
        if parse.clauses[clause].kind in ("conditional", "temporal", "reason", "concessive"):
            return sources, targets         # "… apabila Amerika Serikat menyerang fasilitas nuklirnya": its own act
        clause = parse.clauses[clause].parent
    if clause is None or parse.clauses[clause].kind not in ("complement", "quote"):
        return sources, targets
    speaker = [a for a in parse.clauses[clause].speaker if a.code not in {b.code for b in obj.actors}]
    return (speaker, list(obj.actors)) if speaker else (sources, targets)


def _first_telling(event: Event, seen: set[tuple]) -> bool:
    """Whether an event is told here for the first time (and note it): not the same real-world event told again
    (discourse.dedup_key), nor a second statement of a kind from one side to another in one sentence ("mengutuk
    tindakan China itu, dengan mengatakan bahwa tindakan tersebut mengancam perdamaian": one criticism, though its
    words say 111 and 112)."""
    keys = [dedup_key(event)]
    if event.plover in STATEMENT_TYPES:
        keys.append(("said", event.start, event.plover, event.source.code, event.target.code, event.modality,
                     event.negated))
    if any(key in seen for key in keys):
        return False
    seen.update(keys)
    return True


def _within_content(parse: Parse, predicate: Predicate, chosen: list[Pattern | None], contained: set[int],
                    cancelling: re.Pattern[str]) -> bool:
    """Whether a predicate hangs, through clauses that tell no event of their own, on one that is another act's
    content or says one ("meminta Israel membuka perbatasan untuk membantu warga Gaza": the help is asked too)."""
    if predicate.governed_by and cancelling.fullmatch(predicate.governed_by):
        return False                # "asked Vanuatu to stop interfering": what is to stop is going on
    governor, steps = predicate.governor, 0
    while governor is not None and steps < 6:
        if governor in contained:
            return True
        found = chosen[governor]
        if steps and found is not None and found.cameo is not None \
                and plover_for(found.cameo) in CONTENT_TYPES - {"REJECT"}:      # (a refusal negates: _under_refusal)
            return True
        governor, steps = parse.predicates[governor].governor, steps + 1
    return False


def _judged_owner(text: str, parse: Parse, judged: re.Pattern[str] | None, mentions, lang: str,
                  codebook: dict) -> list[Event]:
    """"'This is Russia's latest unhelpful and unproductive step,' the spokesperson said", "tindakan provokatif
    China": a speaker who calls another side's act hostile criticises that side (111). English: the owner's "'s",
    then the judgement within three words; Indonesian: a noun, the judgement, then the owner."""
    if judged is None:
        return []
    sentence_mentions = [m for m in mentions if parse.start <= m.start < parse.end and not m.part]
    found: list[Event] = []
    for match in judged.finditer(text, parse.start, parse.end):
        speaker = [as_state(a) for a in _speaker_at(parse, match.start()) if state_level(a)]
        own = {a.code for a in speaker}
        owner = None
        if lang == "en":
            before = text[max(parse.start, match.start() - 40):match.start()]
            gap = re.search(r"(?:'s|’s)((?:\s+[\w-]+){0,3}?)\s*$", before)
            if gap is not None:
                end = match.start() - len(before) + gap.start()
                owner = next((m for m in sentence_mentions if m.end == end), None)
        else:
            after = match.end()
            owner = next((m for m in sentence_mentions if 0 <= m.start - after <= 1), None)
        if owner is None:
            continue
        actor = as_state(owner.actor)
        if not speaker or not state_level(actor) or actor.code in own:
            continue
        info = codebook.get(JUDGED.cameo)
        found.append(Event(
            source=speaker[0], target=actor, cameo=JUDGED.cameo, plover=plover_for(JUDGED.cameo),
            goldstein=info.goldstein if info else None, quad_class=info.quad_class if info else None,
            date=None, date_precision="published", location=location(parse), modality="asserted", negated=False,
            sentence=text[parse.start:parse.end], start=parse.start, end=parse.end, pattern=JUDGED.id,
            confidence=CONFIDENCE["speaker"]))
    return found


def _speaker_at(parse: Parse, offset: int) -> list[Actor]:
    """Who says the text at `offset`: the speaker of the innermost clause holding it or of a clause above, else the
    sentence's."""
    clause = _innermost_clause(parse, offset)
    while clause is not None:
        if parse.clauses[clause].speaker:
            return list(parse.clauses[clause].speaker)
        clause = parse.clauses[clause].parent
    return list(parse.speaker)


def _said_regexes(pack) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None,
                                 re.Pattern[str]]:
    """The grammar's words of what a speaker says of an act (unlawful, owed, exhorted, judged hostile), compiled once
    per pack, and all of them in one."""
    cached = pack.__dict__.get("_said_regexes")
    if cached is None:
        def optional(key: str) -> re.Pattern[str] | None:
            return phrase_regex(tuple(pack.words(key))) if pack.words(key) else None
        keys = ("unlawful_adverbs", "deontic", "exhortations", "hostile_judgements")
        cached = pack.__dict__["_said_regexes"] = (
            phrase_regex(tuple(pack.words("unlawful_adverbs"))), phrase_regex(tuple(pack.words("deontic"))),
            optional("exhortations"), optional("hostile_judgements"),
            phrase_regex(tuple(w for key in keys for w in pack.words(key))))
    return cached


def _holds_exhortation(text: str, parse: Parse, exhortations: re.Pattern[str]) -> bool:
    """Whether the sentence holds an exhortation, quotation marks inside it aside (one search per sentence)."""
    return exhortations.search(text[parse.start:parse.end].translate(_NO_QUOTES)) is not None


def _exhorted(text: str, parse: Parse, predicate: Predicate, exhortations: re.Pattern[str]) -> int | None:
    """Where the exhortation before a verb ends ("the time has come for the EU to recognize …", "sudah saatnya Israel
    menghentikan …"), or None: the phrase, then at most a few words naming who should act, then the verb."""
    before = text[max(parse.start, predicate.start - 70):predicate.start]
    # quotation marks may stand inside or around the phrase ('said that "the time has come" for the EU to …')
    kept = [k for k, char in enumerate(before) if char not in QUOTE_MARKS]
    plain = "".join(before[k] for k in kept)
    found = None
    for match in exhortations.finditer(plain):
        found = match
    if found is None or len(plain[found.end():].split()) > 8:
        return None
    end = kept[found.end() - 1] + 1
    return predicate.start - len(before) + end


def _exhortation_requests(text: str, parse: Parse, chosen: list[Pattern | None],
                          exhortations: re.Pattern[str] | None, mentions, codebook: dict) -> list[Event]:
    """"'It is time for Russia to withdraw its troops,' the minister said": an exhortation is the speaker's appeal
    to the side it names (020)."""
    if exhortations is None:            # (None also where the sentence holds none)
        return []
    found: list[Event] = []
    for number, predicate in enumerate(parse.predicates):
        pattern = chosen[number]
        if predicate.voice == "noun" or pattern is None or not pattern.cameo:
            continue
        after = _exhorted(text, parse, predicate, exhortations)
        if after is None:
            continue
        speaker = [as_state(a) for a in _speaker(parse, predicate) if state_level(a)]
        own = {a.code for a in speaker}
        named = []
        for mention in mentions:
            actor = as_state(mention.actor)
            if after <= mention.start < predicate.start and state_level(actor) and actor.code not in own \
                    and all(actor.code != other.code for other in named):
                named.append(actor)
        info = codebook.get(EXHORTATION.cameo)
        found.extend(Event(
            source=speaker[0], target=target, cameo=EXHORTATION.cameo, plover=plover_for(EXHORTATION.cameo),
            goldstein=info.goldstein if info else None, quad_class=info.quad_class if info else None,
            date=None, date_precision="published", location=location(parse), modality="asserted", negated=False,
            sentence=text[parse.start:parse.end], start=parse.start, end=parse.end, pattern=EXHORTATION.id,
            confidence=CONFIDENCE["speaker"]) for target in named if speaker)
    return found


def _told_as_duty(text: str, parse: Parse, chosen: list[Pattern | None], deontic: re.Pattern[str],
                  codebook: dict) -> list[Event]:
    """"Spain said Israel must withdraw its troops from Gaza", "Indonesia menegaskan Israel harus menghentikan
    agresinya": what a speaker says another side must do is the speaker's demand on that side (100)."""
    found: list[Event] = []
    if not deontic.search(text, parse.start, parse.end):
        return found
    for number, predicate in enumerate(parse.predicates):
        pattern = chosen[number]
        if predicate.voice != "active" or predicate.negated or pattern is None or not pattern.cameo \
                or plover_for(pattern.cameo) in (None, *CONTENT_TYPES):
            continue                # ("harus membayar harga" is a threat of its own, told by its pattern)
        doer = predicate.slot("subject")
        if doer is None or not doer.actors or doer.how not in ("direct", "pronoun"):
            continue
        window = text[max(parse.start, doer.end):predicate.start]
        if not deontic.search(window):
            continue
        speaker = [as_state(a) for a in _speaker(parse, predicate) if state_level(a)]
        own = {a.code for a in speaker}
        demanded = [as_state(a) for a in doer.actors if state_level(as_state(a)) and as_state(a).code not in own]
        if not speaker or not demanded:
            continue
        info = codebook.get(DUTY.cameo)
        found.extend(Event(
            source=speaker[0], target=target, cameo=DUTY.cameo, plover=plover_for(DUTY.cameo),
            goldstein=info.goldstein if info else None, quad_class=info.quad_class if info else None,
            date=None, date_precision="published", location=location(parse), modality="asserted", negated=False,
            sentence=text[parse.start:parse.end], start=parse.start, end=parse.end, pattern=DUTY.id,
            confidence=CONFIDENCE["speaker"]) for target in demanded)
    return found


def _told_as_unlawful(text: str, parse: Parse, unlawful: re.Pattern[str], codebook: dict) -> list[Event]:
    """"China mengatakan kapal-kapal Filipina secara ilegal memasuki perairannya", "Kyiv said Russia illegally
    annexed Crimea": an act a speaker tells as unlawful is that speaker's accusation of its doer (112)."""
    found: list[Event] = []
    if not unlawful.search(text, parse.start, parse.end):
        return found                # (most sentences tell nothing as unlawful: one search decides)
    for predicate in parse.predicates:
        if predicate.voice == "noun" or predicate.negated:
            continue
        before = text[max(parse.start, predicate.start - 28):predicate.start]
        if not unlawful.search(before):
            continue
        doer = predicate.slot("agent" if predicate.voice == "passive" else "subject")
        speaker = [as_state(a) for a in _speaker(parse, predicate) if state_level(a)]
        if doer is None or not doer.actors or not speaker:
            continue
        own = {a.code for a in speaker}
        accused = [as_state(a) for a in doer.actors if state_level(as_state(a)) and as_state(a).code not in own]
        info = codebook.get(ACCUSATION.cameo)
        for source in speaker[:1]:
            for target in accused[:1]:
                found.append(Event(
                    source=source, target=target, cameo=ACCUSATION.cameo, plover=plover_for(ACCUSATION.cameo),
                    goldstein=info.goldstein if info else None, quad_class=info.quad_class if info else None,
                    date=None, date_precision="published", location=location(parse), modality="asserted",
                    negated=False, sentence=text[parse.start:parse.end], start=parse.start, end=parse.end,
                    pattern=UNLAWFUL.id, confidence=CONFIDENCE["speaker"]))
    return found


def _done_again(sentence: str, parse: Parse, events: list[Event], mentions, pack) -> list[Event]:
    """"Chile and Colombia followed suit", "Uni Afrika juga mengambil tindakan serupa terhadap Niger": the
    sentence's subject did what was told last, against the side it names after the phrase, else the same side."""
    by = _repeat_phrases(pack, "repeating_by").search(sentence)
    if by is not None:
        return _done_before_by(sentence, parse, events, mentions, pack, parse.start + by.end())
    alike = _alike_phrase(sentence, pack)
    if alike is not None:
        return _done_before_by(sentence, parse, events, mentions, pack, parse.start + alike.end(),
                               _noun_types(alike.group("noun"), pack))
    found = _repeat_phrases(pack).search(sentence)
    if found is None or not parse.subject:
        return []
    own = {a.code for a in parse.subject}
    after = parse.start + found.end()
    named = [as_state(m.actor) for m in mentions if after <= m.start < min(parse.end, after + 30)
             and state_level(as_state(m.actor))]
    # the act repeated: by another side, or by the same side when the sentence names a new target
    last = next((e for e in reversed(events) if e.start < parse.start and e.modality == "asserted"
                 and not e.negated and (named or e.source.code not in own) and e.plover in REPEATABLE), None)
    if last is None:
        return []
    target = named[0] if named else last.target
    sources = [as_state(a) for a in parse.subject if state_level(as_state(a)) and as_state(a).code != target.code]
    return [replace(last, source=source, target=target, sentence=sentence, start=parse.start, end=parse.end,
                    confidence=CONFIDENCE["implied"]) for source in sources]


# Acts another side can be said to repeat ("followed suit"): measures and statements, not meetings or agreements
REPEATABLE = frozenset({"SANCTION", "ACCUSE", "REJECT", "PROTEST", "SUPPORT", "AID", "MOBILIZE"})


def _done_before_by(sentence: str, parse: Parse, events: list[Event], mentions, pack, after: int,
                    kinds: frozenset[str] = REPEATABLE) -> list[Event]:
    """"…, mengikuti keputusan serupa oleh Prancis, Belanda dan Spanyol", "following similar moves by Poland and the
    Czech Republic": the sides named after the phrase (the members of its list, where it names one) did the act told
    last (of `kinds`), against the same side."""
    last = next((e for e in reversed(events) if e.start <= parse.start and e.modality == "asserted"
                 and not e.negated and e.plover in kinds), None)
    if last is None:
        return []
    rest = sentence[after - parse.start:].lower()
    listed = re.search(r"\b(?:" + "|".join(re.escape(w) for w in pack.words("example_markers")) + r")\b", rest) \
        if pack.words("example_markers") else None
    start = after + (listed.end() if listed else 0)
    sources: list[Actor] = []
    previous_end = -1
    for mention in mentions:
        actor = as_state(mention.actor)
        if mention.part or not start <= mention.start < parse.end or not state_level(actor):
            continue
        if sources and not _LIST_GAP.fullmatch(sentence[previous_end - parse.start:mention.start - parse.start]):
            break                   # the list of doers ended ("…, dua negara yang oleh Trump disebut …")
        previous_end = max(previous_end, mention.end)
        if actor.code != last.target.code and all(actor.code != other.code for other in sources):
            sources.append(actor)
    return [replace(last, source=source, sentence=sentence, start=parse.start, end=parse.end,
                    confidence=CONFIDENCE["implied"]) for source in sources]


# What may stand between two members of a list of doers: commas and a conjunction
_LIST_GAP = re.compile(r"[\s,]*(?:(?:dan|serta|and|as well as|juga)\s+)*(?:pemerintah\s+|the\s+)?", re.IGNORECASE)


def _alike_phrase(sentence: str, pack) -> re.Match[str] | None:
    """The first of grammar `alike_by` ("* serupa disampaikan", "similar * came from") in the sentence, "*" standing
    for the act's noun (the match's group "noun")."""
    cached = pack.__dict__.get("_alike_phrases")
    if cached is None:
        forms = [str(form).lower() for form in pack.grammar.get("alike_by") or ()]
        # the longest word of each form: most sentences hold none of them, and a substring test says so cheaply
        anchors = frozenset(max((w for w in f.split() if w != "*"), key=len) for f in forms if f.strip("* "))
        cached = pack.__dict__["_alike_phrases"] = (anchors, [
            re.compile(r"\b" + re.escape(f).replace(r"\*", r"(?P<noun>\w+)") + r"\b", re.IGNORECASE) for f in forms])
    anchors, regexes = cached
    lowered = sentence.lower()
    if not any(anchor in lowered for anchor in anchors):
        return None
    found = [m for m in (regex.search(sentence) for regex in regexes) if m is not None]
    return min(found, key=lambda m: (m.start(), -m.end())) if found else None


def _noun_types(noun: str, pack) -> frozenset[str]:
    """The kinds of act a noun names in the lexicon ("dukungan": SUPPORT), within the acts another side repeats."""
    kinds = {plover_for(e.pattern.cameo) for e in pack.lexicon.entries(noun.lower()) if e.pattern.cameo}
    return frozenset(kinds & REPEATABLE) or REPEATABLE


def _repeat_phrases(pack, key: str = "repeating") -> re.Pattern[str]:
    cache = pack.__dict__.setdefault("_repeat_phrases", {})
    cached = cache.get(key)
    if cached is None:
        cached = cache[key] = phrase_regex(tuple(pack.words(key)))
    return cached


ADDRESSEE_PREPOSITIONS = ("kepada", "to")
RELEASE_REQUESTS = frozenset({"0253", "1053"})        # appeals and demands for the release of persons
RELEASE_PERSONS = "0841"
SIGNED = "057"


def _plural_references(pack) -> frozenset[str]:
    """"keduanya", "kedua pemimpin", "the two leaders": the phrases that stand for two sides."""
    cached = pack.__dict__.get("_plural_heads")
    if cached is None:
        cached = pack.__dict__["_plural_heads"] = frozenset(
            str(k).lower() for k in pack.grammar.get("plural_references", {}))
    return cached


def _parties(predicate: Predicate, pattern: Pattern, parse: Parse, events: list[Event], parses: list[Parse],
             index: int, counterparts: list[Actor], defaults: tuple[str, ...], pack, content: list[Actor],
             text: str = "", carried: bool = False, mentions: tuple = ()) \
        -> tuple[list[Actor], list[Actor], str] | None:
    """(sources, targets, how) of one predicate read with one pattern, or None when it has no doer."""
    receiving = pack.words("receiving_verbs")
    found = source_of(predicate, pack.lang, receiving)
    if found is None and predicate.voice == "passive" and plover_for(pattern.cameo) == "MOBILIZE":
        # "Additional U.S. warships were sent to …": forces moved with no one named move for their own state
        found = predicate.slot("subject")
    if pattern.sources:
        found = next((a for name in pattern.sources if (a := predicate.slot(name)) is not None and a.actors), None)
    if found is not None and predicate.voice == "noun" and found is predicate.slot("subject") \
            and plover_for(pattern.cameo) in MATERIAL_HOSTILE and predicate.light in pack.words("speech_before") \
            and _subject_of_a_later_verb(text, parse, predicate, frozenset(pack.words("coordinators"))):
        # "menyatakan serangan militer di Ukraina tidak dapat diterima": what a speech verb says a predicate of is
        # what it judges, not the speaker's own attack ("Russia announced strikes on …" is)
        found = None
    sources = list(found.actors) if found else []
    how = found.how if found else "direct"
    if not sources and found is not None and predicate.voice == "active" and (
            found.how == "event" and plover_for(pattern.cameo) == "REQUEST"
            or plover_for(pattern.cameo) in STATEMENT_TYPES and found.how == "direct" and not found.actors
            and not _refers_back(found, pack) and _after_coordinator(text, parse, predicate, pack)):
        # "menegaskan tuduhan itu tidak berdasar dan meminta Vanuatu berhenti …", "said the drills had been
        # conducted in a safe manner and accused Canberra of …": an act asks or accuses nothing; the verb joined to
        # what the speaker says is the speaker's
        sources, how = _speaker(parse, predicate), "speaker"
    if found is not None and len(sources) == 2 \
            and (text[found.start:found.end].lower() if text else found.head) in _plural_references(pack) \
            and (sides := meeting_sides(events, parses, index)) is not None \
            and {a.code for a in sides} != {a.code for a in sources}:
        # "… mengadakan pertemuan bilateral dengan Presiden Filipina. Keduanya sepakat …": the two who just met,
        # not the last two named
        sources = list(sides)
    if not sources and predicate.voice == "passive" and predicate.slot("agent") is None \
            and (pattern.cameo in EXPULSIONS or plover_for(pattern.cameo) == "AID"):
        # "Sebanyak 20 diplomat Rusia diusir dari Jerman", "were expelled from Germany": the state they leave;
        # "bantuan … dikirim dari Indonesia ke Turki": the state it comes from
        left = [as_state(a) for name in SOURCE_PREPOSITIONS.get(pack.lang, ()) if (arg := predicate.slot(name))
                for a in arg.actors if state_level(as_state(a))]
        undergoing = {a.code for a in (predicate.slot("subject").actors if predicate.slot("subject") else ())}
        if left and not undergoing & {a.code for a in left}:
            sources, how = left[:1], "direct"
    if not sources and predicate.voice in ("passive", "noun") and pattern.cameo[:3] in AUTHORITY_ACTS:
        sources, how = _seat_of_authority(parse, predicate, pack), "implied"
    if not sources and predicate.voice == "passive" and predicate.slot("agent") is None \
            and plover_for(pattern.cameo) == "SANCTION":
        # "Ten Russian diplomats have been expelled, Portugal's foreign ministry said": a state that tells of a
        # measure no one is named for, against another side's people, took it
        undergoing = {a.code for a in (predicate.slot("subject").actors if predicate.slot("subject") else ())}
        speaker = [as_state(a) for a in _speaker(parse, predicate) if state_level(a)]
        if undergoing and speaker and not undergoing & {a.code for a in speaker}:
            sources, how = speaker[:1], "speaker"
        elif undergoing:
            # "AS mengenakan tarif 32 persen terhadap Indonesia. Vietnam dikenai tarif 46 persen": a measure no one
            # is named for, told after another side's measure of the kind, is that side's
            # (the same measure: its noun in the sentence is in the earlier one's)
            nouns = [other.text.lower() for other in parse.predicates if other.voice == "noun"]
            earlier = [as_state(e.source) for e in reversed(events) if e.plover == "SANCTION"
                       and e.source.code not in undergoing and state_level(e.source)
                       and any(noun in e.sentence.lower() for noun in nouns)]
            sources, how = (earlier[:1], "implied") if earlier else (sources, how)
    subject = predicate.slot("subject")
    if not sources and pattern.cameo.startswith("128") and predicate.voice == "active" and subject is not None \
            and _refers_back(subject, pack):
        # "Estonia said the expulsions breached the Vienna Convention": the act told before breached it, its doer
        # did (and the teller accuses that doer: _reported_defiance)
        sources, how = _act_doers(parse, subject, events, [], pack), "antecedent"
    plover = plover_for(pattern.cameo)
    if found is not None and found is predicate.slot(BETWEEN.get(pack.lang, "")) and plover not in SYMMETRIC \
            and len(sources) > 1:
        return sources[:1], sources[1:], how     # "baku tembak antara India dan Pakistan"
    if pattern.source == "speaker":
        # "'Kamboja melanggar gencatan senjata,' kata militer Thailand": the speaker accuses the doer
        speaker = _speaker(parse, predicate)
        if not speaker:
            return None
        own = {a.code for a in speaker}
        subject = predicate.slot("subject")
        if not sources and subject is not None and subject.how == "event":
            sources = _possessor_of_act(parse, subject)      # "latihan militer AS mengancam stabilitas kawasan"
        if not sources and subject is not None and predicate.voice != "noun" \
                and parse.clauses[predicate.clause].kind != "relative" and _refers_back(subject, pack):
            # "Taiwan mengatakan latihan itu melanggar hukum internasional", "said the exercises violated …": the
            # act told before is its doer's
            sources = _act_doers(parse, subject, events, speaker, pack) or \
                _implied_for(events, parses, index, counterparts, speaker)
        return speaker, [a for a in sources if a.code not in own], "speaker"
    if not sources and pattern.id.endswith("#sign") and predicate.voice in ("noun", "passive") \
            and predicate.slot("agent") is None and (sides := meeting_sides(events, parses, index)) is not None:
        # "Dilakukan pula penandatanganan MoU …" after a meeting: the meeting's sides signed it
        return [sides[0]], [sides[1]], "antecedent"
    if not sources or pattern.alone and len({a.code for a in sources}) > 1:
        return None                 # ("alone": "Korsel dan AS menggelar latihan gabungan" is no show of force)
    targets, slot = target_of(predicate, pattern, defaults, sources, receiving)
    own = {a.code for a in sources}
    warned = patient(predicate) if plover_for(pattern.cameo) == "THREATEN" and predicate.voice == "active" else None
    if warned is not None and warned.actors and (warned.how == "direct" or pack.lang == "en") \
            and {a.code for a in warned.actors} <= own \
            and not any(other.voice == "noun" and warned.start <= other.start < warned.end
                        for other in parse.predicates):
        return None     # "warned French citizens against travelling to Iran": advice to one's own people, no threat
    if not targets and pattern.mutual and plover in ("AGREE", "CONSULT") and (how == "speaker" or len(own) == 1) \
            and (sides := meeting_sides(events, parses, index)) is not None \
            and own & {sides[0].code, sides[1].code}:
        # "'Kami sepakat mempercepat perundingan,' ujar Anwar" after his meeting with Prabowo: "we" are both sides;
        # "'Indonesia siap meningkatkan kerja sama …,' kata Jokowi": one side's commitment is made to the other
        targets = [side for side in sides if side.code not in own][:1]
    if not targets and pattern.places:
        # "tiba di Beijing", "arrived in Jakarta": the capital reached stands for its state
        targets = _place_in_slots(parse, predicate, tuple(target_slots(predicate, pattern, defaults, receiving)),
                                  own, _sending_verbs(pack))[:1]
    # "Russia and Ukraine agreed to a swap brokered by the UAE": sides that agree together are each other's
    # partners; the doer of a clause about what they agreed on is not one
    # "the two leaders discussed trade and the US tariffs": what sides talk about together is no third side
    together = len(own) > 1 and pattern.mutual and plover in SYMMETRIC
    if together and slot and predicate.slot(slot).how == "antecedent":
        targets, slot = [], ""
    if how == "controller" and plover == "RETREAT" and targets and slot in ("object", "possessor") \
            and not own & {a.code for a in targets}:
        # "called for talks to end the Russia-Ukraine war": only its parties end a war; a third side that the
        # clause lends the act to only calls for it (its own event)
        return None
    # "signed a memorandum of understanding with Singapore": an agreement's partner may sit in any event it names
    events_named = [name for name, argument in predicate.slots
                    if argument.how == "event" and plover in SYMMETRIC]
    for name in ([] if targets or together else
                 ["object", *target_slots(predicate, pattern, defaults, receiving), *events_named]):
        # "menolak usulan gencatan senjata dari Mesir", "disappointed by the signing of the deal with China": the
        # act it answers is the target's, read as that noun reads
        argument = patient(predicate) if name == "object" else predicate.slot(name)
        targets = [a for a in _inner_doers(parse, argument, pack.lang, receiving, own=own,
                                           owner_nouns=(*pack.words("force_nouns"), *pack.words("origin_nouns")),
                                           seat=partial(_authority_noun_seat, parse, text, pack))
                   if a.code not in own]
        if targets:
            break
    # an addressee that is no actor ("menyerukan kepada komunitas internasional"); what it is about is no addressee
    about = pack.words("about_prepositions")
    addressed = any(name not in ("subject", "agent", "possessor", *about)
                    and not (name == "object" and carried)       # "melontarkan ancaman akan …": no addressee
                    for name, _ in predicate.slots)
    if not targets and plover in CONTENT_TYPES and pattern.cameo != "016" and not addressed:
        # "mengancam akan menyerang Ukraina", "demanded that NATO halt …": aimed where its content is (unless it
        # names an addressee who is no actor: "menyerukan kepada komunitas internasional untuk …")
        targets = [a for a in content if a.code not in own]
    if not targets and plover == "REQUEST" and not addressed and predicate.voice != "noun":
        # "demanded that Tokyo 'immediately correct its mistakes'": the subject of the clause that says what is asked,
        # where no event word of that clause names it
        targets = [as_state(a) for a in _complement_subject(parse, predicate) if as_state(a).code not in own]
    if not targets and plover == "REQUEST" and predicate.governor is not None \
            and parse.clauses[predicate.clause].kind == "purpose":
        # "mengirimkan nota diplomatik kepada Kemlu Malaysia untuk meminta akses kekonsuleran", "sent a note to …
        # to request …": what is sent to ask goes to whom it is sent
        sent = parse.predicates[predicate.governor]
        targets = [as_state(a) for name in ADDRESSEE_PREPOSITIONS if sent.voice == "active" and (arg := sent.slot(name))
                   for a in arg.actors if as_state(a).code not in own]
    if slot not in ("", "object", "subject"):
        targets = [as_country(a) for a in targets]       # "berkunjung ke Beijing", "aid to Gaza": the country
    if not targets and len(own) > 1 and pattern.cameo != MEDIATION \
            and (pattern.mutual or plover in SYMMETRIC or pattern.cameo.startswith(RELEASE_PERSONS)):
        # each other's partners (see _pairs; several mediators are not: "brokered by Qatar, Egypt and the United
        # States"); "Rusia dan Ukraina masing-masing membebaskan 150 tawanan perang": two sides that release people
        # release them to each other
        return sources, [], how
    if not targets and predicate.voice == "noun" and predicate.light in receiving:
        # "China's release of a new map laying claim to … drew protests from India": the subject the receiving verb
        # found is what an event noun's "of" names; the act is that noun's owner's
        targets = [a for a in _owner_of_act_around(parse, predicate.slot("subject")) if a.code not in own]
    if not targets and predicate.voice == "noun":
        # "bantuan kemanusiaan dari Indonesia diterima oleh pemerintah Myanmar": what a passive receiving verb's
        # subject names goes to its agent
        targets = [a for a in _passive_receiver(parse, predicate, pack) if a.code not in own]
    if plover in PLACE_TARGET_TYPES:
        targets = [as_country(a) for a in targets]
        # (not for a request to one's own people: "urging Australians in Iran to leave")
        the_addressee = patient(predicate)
        addressed_own = plover == "REQUEST" and the_addressee is not None and bool(the_addressee.actors) \
            and {a.code for a in the_addressee.actors} <= own \
            and not any(other.voice == "noun" and the_addressee.start <= other.start < the_addressee.end
                        for other in parse.predicates)     # (but "demanded the release of its nationals in Iran")
        if not targets and not addressed_own:
            phrase_end = max([predicate.end, *(a.end for name, a in predicate.slots if name == "possessor")])
            if plover == "REQUEST" and predicate.voice != "noun" and the_addressee is not None:
                phrase_end = the_addressee.end      # "demanded the release of two nationals detained in Iran"
            targets = place_target(parse, predicate.start, own, predicate.clause,
                                   phrase_end if predicate.voice == "noun" or phrase_end > predicate.end else None,
                                   skip=[span for other in parse.predicates
                                         for span in _origin_spans(other, _sending_verbs(pack), text)])
    if not targets and pattern.cameo.startswith(SEIZURE):
        # "seized an oil tanker carrying Venezuelan crude", "menyita kapal tanker yang mengangkut minyak Venezuela":
        # the seized carrier's cargo names whose it is
        targets = _cargo_owner(parse, predicate, own, pack)
    if not targets and plover == "MOBILIZE":
        # "meluncurkan rudal balistik yang jatuh di ZEE Jepang", "fired a missile that landed in Japan's EEZ"
        targets = _landing_state(parse, predicate, own, pack)
    if not targets and predicate.voice != "noun":
        # "retaliated against Lithuania by downgrading relations", "membalas Lithuania dengan menurunkan …"
        targets = _means_of_response(text, parse, predicate, own, pack)
    if not targets and plover == "SANCTION" and predicate.voice != "noun":
        # "Bolivia severed relations with Israel, while Chile and Colombia recalled their ambassadors": a measure
        # with no target, beside another's in the sentence, is taken against the same side
        beside = [e.target for e in events if e.start == parse.start and e.plover == "SANCTION"
                  and e.source.code not in own and e.target.code not in own]
        targets, how = (beside[-1:], "implied") if beside else (targets, how)
    if not targets and pattern.cameo in RELEASE_REQUESTS:
        # "mengecam penangkapan dua warganya di Malaysia dan menuntut pembebasan mereka": a release is asked of whoever
        # was told holding one's people
        targets = [as_state(e.source) for e in reversed(events) if e.plover == "COERCE"
                   and e.target.code in own and e.source.code not in own][:1]
        how = "implied" if targets else how
    asked = patient(predicate) if plover == "REQUEST" else None
    if not targets and plover == "REQUEST" and predicate.voice == "active" and found is not None \
            and all((a.role or "") in MISSION_ROLES for a in found.actors) \
            and not (asked is not None and asked.actors and {a.code for a in asked.actors} <= own):
        # (not an appeal to its own people: "KBRI Kyiv mengimbau para WNI di Ukraina …")
        # "Kedutaan Besar Vietnam di Jakarta meminta akses kekonsuleran", "KBRI Kuala Lumpur meminta …": a mission
        # that asks no one named asks the state it is posted in
        targets = _mission_host(found, mentions, own, parse)
        how = "implied" if targets else how
    if not targets and (plover == "AID" or pattern.cameo.startswith("033")):
        # "Rusia, Malaysia, dan Singapura juga mengirimkan pasokan bantuan": aid with no recipient named goes where
        # the aid told before it went
        if any(e.plover == "AID" and e.target.code in own for e in events):
            # "bantuan … didistribusikan oleh otoritas Pakistan": the recipient of aid told before hands out what it
            # got, it gives no aid of its own to anyone
            return sources, [], how
        targets = aid_recipient(events, own)
        how = "implied" if targets else how
    the_object = patient(predicate)
    if not targets and plover == "ACCUSE" and predicate.voice != "noun" and the_object is not None \
            and (not the_object.actors and the_object.how == "direct"
                 or the_object.how == "pronoun" and {a.code for a in the_object.actors} <= own):
        # "condemned the coup in Niger", "mengecam kekerasan di Sudan": what is condemned there, with no doer named,
        # is that state's ("mengecam penangkapan dua warganya di Malaysia": one's own people are no doer)
        targets = _place_of_object(parse, predicate, the_object, own, pack.words("locative"))
    if not targets and the_object is not None and the_object.how == "pronoun" and pattern.target \
            and {a.code for a in the_object.actors} <= own:
        # "menutup kedutaannya di Niger", "closed its embassy in Niger": one's own mission is where its host is
        targets = _place_in_slots(parse, predicate, pattern.target, own)
    owned_place = plover == "MOBILIZE" and pattern.target[:1] == ("possessor",)   # "violated its airspace"
    if not targets and (plover in ("ASSAULT", "COERCE") or owned_place) \
            and the_object is not None and the_object.how == "pronoun" \
            and {a.code for a in the_object.actors} <= own \
            and not (pattern.object_heads and head_matches(the_object.head, pattern.object_heads, pack.lang == "en")
                     and parse.clauses[predicate.clause].kind not in ("temporal", "relative", "reason")):
        # "(jika) AS menyerang fasilitas nuklirnya": one does not strike one's own, "-nya"/"its" is the story's (not
        # where the object names the act itself: "expand its military operation" is the doer's own operation); in a
        # clause of time, reason or a relative it is the main clause's ("Japan scrambled jets after a Chinese
        # helicopter entered its airspace")
        targets = [a for a in parse.subject if a.code not in own]
    if not targets and pattern.cameo[:2] == "04" and predicate.voice == "noun" and how == "shared" \
            and not any(name in ("possessor", "of") for name, _ in predicate.slots) \
            and not text[predicate.start:predicate.start + 1].isupper():
        # "pressed Wang Yi during talks in Bangkok to …": talks that are the occasion of an act are held with whom
        # that act is aimed at; not "a meeting of its council", nor a forum's name ("at the Shangri-La Dialogue")
        targets = _occasion_partner(parse, predicate, own, pack.words("comitative"), pack.words("occasions"))
    if not targets and pattern.cameo == PHONE_CALL and predicate.voice == "noun":
        # "menyampaikan belasungkawa kepada Menlu Pakistan melalui sambungan telepon", "conveyed condolences to …
        # by telephone": the call is with whom the words it carried went to
        targets = _addressee_by_phone(parse, predicate, own)
    if not targets and (plover in IMPLIED_TARGET_TYPES or plover == "MOBILIZE") and len(own) == 1 \
            and pattern.cameo != "016":
        # "Jepang menyampaikan protes setelah rudal China jatuh di ZEE-nya": the side its time clause names ("Japan
        # scrambled jets after a Chinese helicopter violated its airspace")
        targets = occasion_target(parse, predicate.clause, own)
        how = "implied" if targets else how
    if not targets and (plover in IMPLIED_TARGET_TYPES or plover == "MOBILIZE") and len(own) == 1 \
            and pattern.cameo != "016":
        # "Merespons serangan udara Israel, Rusia menyebutnya …", "In response to North Korea's launch, Japan lodged
        # a protest", "put its forces on full alert in response to Venezuela's threats": the act the sentence says
        # it answers
        targets = _answered(text, parse, predicate, own, pack)
        how = "implied" if targets else how
    if not targets and len(own) == 1 and plover not in SYMMETRIC and pattern.cameo != "016" \
            and _answers_unnamed(text, parse, pack):
        # "… dalam siaga penuh sebagai tanggapan", "expelled two diplomats in retaliation": an answer that names
        # nothing answers the last act told against its doer
        targets = answered_unnamed(events, own)
        how = "implied" if targets else how
    the_patient = patient(predicate)
    said = predicate.slot("object")
    if not targets and plover in (*IMPLIED_TARGET_TYPES, "REQUEST") and predicate.voice == "active" \
            and parse.clauses[predicate.clause].kind == "main" and not (said is not None and said.actors) \
            and not _addresses_collective(text, predicate, pack):
        # "memanggil Duta Besar China dan menuntut penjelasan", "summoned China's ambassador and demanded an
        # explanation": a verb coordinated with one that has a party as its object is aimed at that party too
        targets = _coordinated_object(text, parse, predicate, own, frozenset(pack.words("coordinators")))
        how = "shared" if targets else how
    collective = _names_collective(text, the_patient, pack)     # "ignored the calls of the international community"
    if not targets and pattern.cameo == MEDIATION and (the_patient is None or not the_patient.actors):
        # "The ceasefire, brokered by Malaysia, …", "Trump hosted the trilateral meeting", "setelah mediasi oleh
        # Qatar": a mediation that names no side brought together the two sides of the last act told between others
        targets = last_sides(events, own, parses[max(0, index - MEETING_REACH)].start)
        how = "implied" if targets else how
    if not targets and the_patient is not None and not collective and _refers_back(the_patient, pack) \
            and not _act_itself(text, the_patient, plover, pack):
        # "mengecam langkah tersebut", "menyambut baik keputusan itu", "condemned the test": aimed at whoever did
        # the act told before
        named = _named_statement(text, parse, the_patient, pack)
        noun = head_noun(the_patient.head, pack.lang)
        targets = _answered(text, parse, predicate, own, pack) or \
            _named_act_doer(text, parse, parses, index, events, the_patient, named, own, pack) or \
            (_last_of_kind(events, parse.start, noun, own, pack) if noun in pack.words("measure_references")
             else []) or \
            reaction_target(events, parse.start, sources, plover, named) or \
            implied_target(sources, events, parses, index, counterparts)
        how = "implied" if targets else how
    elif not targets and plover in IMPLIED_TARGET_TYPES and predicate.voice == "noun" \
            and _carried_by_reference(parse, predicate, pack, text):
        # "Langkah ini memicu kecaman dari NATO", "The move drew criticism from NATO": a reaction to the act before
        targets = reaction_target(events, parse.start, sources) or \
            implied_target(sources, events, parses, index, counterparts)
        how = "implied" if targets else how
    elif not targets and plover in IMPLIED_TARGET_TYPES \
            and predicate.voice != "noun" and len(own) == 1 and pattern.cameo not in ("016", RECOGNITION) \
            and not _own_side(text, the_patient, pack) and not collective:
        # "Rusia mengecam keras.", "Iran warned of a crushing response": the other side of the story (not where
        # the object is the speaker's own: "I want to compliment our aviators"); "…, a move Belgrade does not
        # recognise": the act of the clause the reference comments on
        targets = _comment_target(text, parse, predicate, own, pack) or \
            implied_target(sources, events, parses, index, counterparts)
        how = "implied" if targets else how
    addressed = patient(predicate)
    if not targets and own and addressed is not None and addressed.actors \
            and {as_state(a).code for a in addressed.actors} <= own and predicate.voice == "active" \
            and (plover == "REQUEST" or plover in STATEMENT_TYPES) \
            and parse.clauses[predicate.clause].kind == "complement" \
            and _after_coordinator(text, parse, predicate, pack):
        # "Britain said Iran's programme was advanced and called on Tehran to cooperate": no side appeals to
        # itself; the verb joined to what the speaker says is the speaker's, aimed at whom it addresses
        speaker = [a for a in _speaker(parse, predicate) if a.code not in own]
        if speaker:
            sources, targets, how = speaker, list(addressed.actors), "speaker"
    return sources, targets, how


def _comment_target(text: str, parse: Parse, predicate: Predicate, own: set[str], pack) -> list[Actor]:
    """The doer of the clause a comment set off by a comma answers (", a move Belgrade does not recognise"), or []."""
    comment = _comment_before(text, parse, predicate, pack)
    return _commented_act_doer(text, parse, comment, own) if comment >= 0 else []


def _comment_before(text: str, parse: Parse, predicate: Predicate, pack) -> int:
    """Where a reference noun set off by a comma opens the predicate's clause, its subject after it (", a move
    Belgrade does not recognise"), else -1."""
    subject = predicate.slot("subject")
    if subject is None or subject.start <= parse.start:
        return -1
    if text[parse.start:subject.start].rstrip().endswith(","):
        # the subject phrase holds the reference ("a move Belgrade …", read as one phrase)
        head = subject.head.split()
        return subject.start if head and names_act(head[-1], pack.lang, pack.lexicon.references) else -1
    comma = text.rfind(",", parse.start, subject.start)
    if comma < 0:
        return -1
    words = text[comma + 1:subject.start].lower().split()
    if not 1 <= len(words) <= 3 or not (names_act(words[-1], pack.lang, pack.lexicon.references)
                                        or words[-1] in pack.words("maker_nouns")):
        return -1
    return comma + 1


def _commented_act_doer(text: str, parse: Parse, at: int, own: set[str]) -> list[Actor]:
    """"Kosovo declared independence from Serbia in 2008, a move Belgrade still does not recognise": a reference set
    off by a comma after a clause (the comment starting at `at`) comments on that clause's act, whose doer is its
    subject."""
    if not text[parse.start:at].rstrip().endswith(","):
        return []
    for predicate in reversed(parse.predicates):
        if predicate.end > at or predicate.voice not in ("active", "passive") \
                or parse.clauses[predicate.clause].kind != "main":
            continue
        doer = predicate.slot("subject" if predicate.voice == "active" else "agent")
        if doer is not None and doer.actors and not {a.code for a in doer.actors} & own:
            return list(doer.actors)
        return []
    return []


def _named_act_doer(text: str, parse: Parse, parses: list[Parse], index: int, events: list[Event],
                    phrase: Argument, named: str | None, own: set[str], pack) -> list[Actor]:
    """The doer of the earlier act a definite phrase names, when no event coded so far is that act: by the act's kind
    where the phrase holds an event word ("uji coba rudal tersebut"), else by the stem its noun shares with a verb
    told before ("peluncuran tersebut" / "meluncurkan", "the launch" / "launched")."""
    head = _head_word(text, phrase, pack)
    if named:
        # the same word told before with its doer names it best ("menyebut peluncuran rudal Korea Utara itu …
        # mengecam peluncuran tersebut", after South Korea fired missiles in answer)
        same = _told_doer(text, parses, index, None, own, pack, rough_stem(head, pack.lang), nouns=True) \
            if named not in SYMMETRIC else []       # (a signing or a meeting has two sides: reaction_target)
        if same or any(e.plover == named and e.start <= parse.start for e in events):
            return same                     # (else the coded act answers it: reaction_target)
        return _told_doer(text, parses, index, named, own, pack)
    found = _told_doer(text, parses, index, None, own, pack, rough_stem(head, pack.lang), nouns=True) \
        or _told_doer(text, parses, index, _kinds_of(head, pack), own, pack)
    if found or not head:
        return found
    # "Korea Utara meluncurkan dua rudal … Uni Eropa mengecam aksi itu": a general noun names the act told last,
    # coded or not, when it was told after the last act coded
    coded = max((e.start for e in events if e.start < parse.start and e.source.code not in own), default=-1)
    later = [p for p in parses[:index] if p.start > coded]
    return _told_doer(text, later, len(later), ACTS, own, pack)


ACTS = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


def _kinds_of(noun: str, pack) -> frozenset[str] | None:
    """The PLOVER types the lexicon gives a noun ("the launches": a posture or an attack), None for none."""
    if not noun:
        return None
    cache = pack.__dict__.setdefault("_noun_kinds", {})
    if noun not in cache:
        lexicon = pack.lexicon
        entries = lexicon.entries(noun) or (lexicon.entries(noun[:-1]) if noun.endswith("s") else [])
        kinds = frozenset(plover_for(e.pattern.cameo) for e in entries if e.pattern.cameo) - {None}
        cache[noun] = kinds or None
    return cache[noun]


def _told_doer(text: str, parses: list[Parse], index: int, kind: str | frozenset[str] | None, own: set[str], pack,
               stem: str = "", nouns: bool = False) -> list[Actor]:
    """The doer of the last act of `kind` (or of the verb whose stem is `stem`) told in the sentences before, coded
    or not ("Korea Utara meluncurkan rudal ke arah Laut Jepang. … mengecam peluncuran tersebut": the launch had no
    target, its doer is still named)."""
    if not kind and len(stem) < 4:
        return []
    for parse in reversed(parses[:index]):
        sentence = text[parse.start:parse.end]
        for predicate in parse.predicates:
            if predicate.voice == "noun" and not (nouns and not kind):
                continue
            doer = predicate.slot("possessor") if predicate.voice == "noun" else \
                predicate.slot("agent" if predicate.voice == "passive" else "subject")
            if doer is None or not doer.actors or any(a.code in own for a in doer.actors):
                continue
            if kind:
                found = choose(predicate, sentence, pack.lexicon, start=parse.start)
                if found is None or found.cameo is None or plover_for(found.cameo) not in (
                        kind if isinstance(kind, frozenset) else (kind,)):
                    continue
            elif rough_stem(head_noun(predicate.text, pack.lang) if predicate.voice == "noun"
                            else predicate.text.split()[0], pack.lang) != stem:
                continue            # ("missile launch": an English noun's head comes last)
            return [as_state(a) for a in doer.actors if state_level(a)][:1]
    return []


def _head_word(text: str, phrase: Argument, pack) -> str:
    """The head of a definite phrase ("peluncuran tersebut", "the launch"): its first content word in Indonesian, its
    last in English; "" for a phrase with no determiner."""
    skip = {*pack.words("demonstratives"), "the", "these", "those"}
    every = re.findall(r"[\w-]+", text[phrase.start:phrase.end].lower())
    words = [w for w in every if w not in skip]
    if not words or len(words) == len(every):
        return ""                   # no determiner: "kecaman serupa" names the act itself, not an earlier one
    return words[0] if pack.lang == "id" else words[-1]


def _named_statement(text: str, parse: Parse, phrase: Argument, pack) -> str | None:
    """The PLOVER type of the act a definite phrase names ("the accusation", "tuduhan itu": ACCUSE; "uji coba rudal
    tersebut": MOBILIZE), if it names one ("kecaman serupa disampaikan Qatar" names the act itself)."""
    words = text[phrase.start:phrase.end].lower().split()
    if not {*pack.words("demonstratives"), "the", "these", "those"} & set(words):
        return None
    for noun in parse.predicates:
        if noun.voice == "noun" and phrase.start <= noun.start < phrase.end:
            found = choose(noun, text[parse.start:parse.end], pack.lexicon, start=parse.start)
            return plover_for(found.cameo) if found is not None and found.cameo is not None else None
    return None


def _passive_receiver(parse: Parse, noun: Predicate, pack) -> list[Actor]:
    """The agent of a passive receiving verb whose subject holds the noun ("… diterima oleh Myanmar")."""
    passives = pack.words("received_passives")
    for verb in parse.predicates:
        subject, agent = verb.slot("subject"), verb.slot("agent")
        if verb.voice == "passive" and verb.text in passives and subject is not None and agent is not None \
                and subject.start <= noun.start < subject.end:
            return list(agent.actors)
    return []


def _carried_by_reference(parse: Parse, noun: Predicate, pack, text: str = "") -> bool:
    """Whether a statement noun is the object of a verb whose subject refers back to an act ("Langkah ini memicu
    kecaman …", "The move drew criticism …"), or of a verb in a relative clause on the whole clause before it
    ("…, yang menuai kecaman dari …")."""
    carrier = noun.slot("subject")                  # the subject a light verb lends ("The move drew …")
    if carrier is not None and not carrier.actors and _refers_back(carrier, pack):
        return True
    clause = parse.clauses[noun.clause] if noun.clause is not None else None
    if carrier is None and noun.light and clause is not None and clause.kind == "relative" \
            and clause.start > parse.start and text[parse.start:clause.start].rstrip().endswith(","):
        return True                                 # "…, yang menuai kecaman dari …", "…, which drew criticism from …"
    for verb in parse.predicates:
        obj, subject = verb.slot("object"), verb.slot("subject")
        if verb.voice == "active" and obj is not None and obj.start <= noun.start < obj.end \
                and subject is not None and not subject.actors and _refers_back(subject, pack):
            return True
    return False


def _names_envoy(predicate: Predicate) -> bool:
    """Whether the object of a verb is a person who holds a post (an ambassador, a chargé d'affaires)."""
    obj = predicate.slot("object")
    return obj is not None and any(a.kind == "PERSON" or a.role for a in obj.actors)


def _yields_to_object(parse: Parse, predicate: Predicate, pattern: Pattern, chosen: list[Pattern | None]) -> bool:
    """"Thailand dan Kamboja menyepakati gencatan senjata", "agreed to a ceasefire": a verb of agreement whose object
    is an act coded itself yields to that act (an agreed ceasefire is the ceasefire); so does a verb of help whose
    complement is one."""
    if plover_for(pattern.cameo) == "AID" and pattern.cameo == "070" and predicate.voice == "active":
        # "helped to mediate prisoner exchanges", "membantu menengahi …": helping to do an act that is coded itself
        # is taking part in that act, no aid (but "assist in removing ash from the runway" is help given)
        number = parse.predicates.index(predicate)
        return any(inner.governor == number and (found := chosen[n]) is not None and found.cameo is not None
                   for n, inner in enumerate(parse.predicates))
    if pattern.cameo == "114" and predicate.voice == "active" and not _names_envoy(predicate):
        # "mengirimkan nota diplomatik … untuk meminta akses kekonsuleran": a note sent to ask is the request (an
        # envoy summoned to be asked is summoned too: "memanggil Duta Besar Australia untuk meminta penjelasan")
        number = parse.predicates.index(predicate)
        return any(inner.governor == number and (found := chosen[n]) is not None and found.cameo is not None
                   and plover_for(found.cameo) == "REQUEST" for n, inner in enumerate(parse.predicates))
    if plover_for(pattern.cameo) != "AGREE" or predicate.voice == "noun":
        return False
    # "agreed to a ceasefire", "agreed on Saturday to an immediate halt to all firing"
    obj = patient(predicate) or predicate.slot(predicate.text.split()[-1]) or predicate.slot("to") \
        or predicate.slot("on")                                               # "agree on border ceasefire"
    if obj is None or obj.actors and obj.how != "antecedent":      # the broker of "a swap brokered by" is no party
        return False
    for number, inner in enumerate(parse.predicates):
        if inner.voice == "noun" and obj.start <= inner.start < obj.end:
            found = chosen[number]
            return found is not None and found.cameo is not None and found.cameo[:2] == "08"
    return False


DATED_ASIDE = frozenset({"temporal", "reason", "concessive", "relative"})


def _other_clauses(parse: Parse, predicate: Predicate) -> tuple[tuple[int, int], ...]:
    """The spans of the subordinate clauses (temporal, reason, concessive, relative) the predicate is not in."""
    own: set[int] = set()
    clause: int | None = predicate.clause
    while clause is not None:
        own.add(clause)
        clause = parse.clauses[clause].parent
    # "sejak 2018, ketika Kanada menangkap …", "pada April 2023, ketika …": a time clause right before a "when"
    # clause of the predicate's is its date
    own_starts = [parse.clauses[mine].start for mine in own if parse.clauses[mine].kind == "temporal"]
    own |= {number for number, c in enumerate(parse.clauses)
            if c.kind == "temporal" and any(0 <= start - c.end <= 2 for start in own_starts)}
    return tuple((c.start, c.end) for number, c in enumerate(parse.clauses)
                 if c.kind in DATED_ASIDE and number not in own)


def _without(sentence: str, offset: int, spans: tuple[tuple[int, int], ...]) -> str:
    """The sentence with the given spans blanked (same length, so nothing else moves)."""
    chars = list(sentence)
    for start, end in spans:
        for i in range(max(0, start - offset), min(len(chars), end - offset)):
            chars[i] = " "
    return "".join(chars)


def _condition_subject(parse: Parse, predicate: Predicate) -> list[Actor]:
    """The one whose act is the condition of a clause attached to the predicate's clause, or to a clause under it:
    its subject, or the agent of its passive ("mengancam akan menutup Selat Hormuz jika diserang oleh AS")."""
    for number, clause in enumerate(parse.clauses):
        if clause.kind != "conditional" or not _under(parse, clause.parent, predicate.clause):
            continue
        for inner in parse.predicates:
            agent = inner.slot("agent")
            if inner.clause == number and inner.voice == "passive" and agent is not None and agent.actors:
                return list(agent.actors)
        if clause.subject:
            return list(clause.subject)
    return []


def _under(parse: Parse, clause: int | None, ancestor: int) -> bool:
    """Whether clause `clause` is `ancestor` or sits inside it."""
    while clause is not None:
        if clause == ancestor:
            return True
        clause = parse.clauses[clause].parent
    return False


HOSTILE_PURPOSES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN", "SANCTION", "ACCUSE"})


def _complement_subject(parse: Parse, predicate: Predicate) -> list[Actor]:
    """The subject of the complement clause that opens right after a verb ("demanded that Tokyo …")."""
    for clause in parse.clauses:
        if clause.kind == "complement" and clause.parent == predicate.clause \
                and 0 <= clause.start - predicate.end <= 8 and clause.subject:
            return [a for a in clause.subject if state_level(as_state(a))]
    return []


def _closes_its_own(predicate: Predicate, sources: list[Actor]) -> bool:
    """Whether what a closing verb closes is the doer's own ("its airspace", "pelabuhannya"): a state that closes its
    own airspace, ports or border to another's carriers imposes an embargo; a blockade closes the other's."""
    closed = predicate.slot("object")
    return closed is not None and closed.how == "pronoun" and bool(closed.actors) \
        and {a.code for a in closed.actors} <= {a.code for a in sources}


def _purpose_target(parse: Parse, index: int, sources: list[Actor], chosen: list[Pattern | None],
                    friendly: bool) -> list[Actor]:
    """Whom the purpose clause of a predicate names ("mengirim pasukan untuk membantu Ukraina"); for a `friendly` act
    (aid, a promise), not whom a hostile purpose strikes ("sent F-16 jets to strike Cambodian targets" is no aid to
    Cambodia)."""
    own = {a.code for a in sources}
    act = parse.predicates[index]
    for number, predicate in enumerate(parse.predicates):
        clause = parse.clauses[predicate.clause]
        if clause.kind != "purpose" or clause.start < act.end or (
                predicate.governor != index and clause.parent != act.clause):
            continue
        pattern = chosen[number]
        if friendly and pattern is not None and pattern.cameo and plover_for(pattern.cameo) in HOSTILE_PURPOSES:
            continue
        for name, argument in predicate.slots:
            others = [a for a in argument.actors if a.code not in own]
            if name not in ("subject", "agent") and others:
                return others
    return []


def _implied_for(events: list[Event], parses: list[Parse], index: int, counterparts: list[Actor],
                 own: list[Actor]) -> list[Actor]:
    return implied_target(own, events, parses, index, counterparts)


def _described(parse: Parse, predicate: Predicate, pattern: Pattern, events: list[Event], pack,
               implied: Callable[[list[Actor]], list[Actor]] | None = None) \
        -> tuple[list[Actor], list[Actor], str] | None:
    """The speaker accuses whoever did what the copula's subject names of the hostile act the noun names."""
    if plover_for(pattern.cameo) not in HOSTILE_DESCRIPTIONS:
        return None
    speaker = _speaker(parse, predicate)
    subject = predicate.slot("subject")
    if not speaker or subject is None:
        return None
    own = {a.code for a in speaker}
    receiving = pack.words("receiving_verbs")
    named = source_of(predicate, pack.lang, receiving)      # "merupakan provokasi Rusia", "a provocation by Russia"
    # "Israel's seizure of the Rafah crossing was …": the doer of the act the subject names, not all it names
    doers = _possessor_of_act(parse, subject) or list(subject.actors) or (
        list(named.actors) if named is not None and named is not subject else [])
    doers = doers or _inner_doers(parse, subject, pack.lang, receiving)
    alone = not subject.actors and subject.how == "direct" and not subject.head   # "Ini adalah pelanggaran …"
    if not doers and (alone or _refers_back(subject, pack)):
        # "the launch was a violation …": whoever did the act told before, else the story's other side (but "Ini
        # adalah salah satu paket sanksi terkuat yang pernah kami adopsi": the speaker's own act of that kind)
        kind = predicate.text if predicate.voice == "noun" else head_noun(subject.head, pack.lang)
        last = _last_of_kind(events, parse.start, kind, set(), pack)
        if last and {a.code for a in last} <= own:
            return None
        doers = _last_of_kind(events, parse.start, head_noun(subject.head, pack.lang), own, pack) \
            or reaction_target(events, parse.start, speaker) or (implied(speaker) if implied else [])
    targets = [as_state(a) for a in doers if a.code not in own]
    return (speaker, targets, "speaker") if targets else None


def _describes(predicate: Predicate, pattern: Pattern | None) -> bool:
    """A description ("was a threat to …") or a judgement told as the speaker's accusation ("mengancam perdamaian
    kawasan", "violated international law")."""
    return predicate.light.startswith("=") or (
        predicate.voice != "noun" and pattern is not None and pattern.source == "speaker" and bool(pattern.cameo)
        and plover_for(pattern.cameo) == "ACCUSE")         # (not "vowed to respond to any provocation")


def _warns_of_description(parse: Parse, index: int, chosen: list[Pattern | None]) -> bool:
    """Whether a warning's complement only describes or judges another's act ("Russia warned that NATO's expansion
    was a threat to its security", "Taiwan memperingatkan bahwa latihan China mengancam perdamaian"): that is the
    speaker's accusation, not a threat of its own."""
    return any(p.governor == index and _describes(p, chosen[n]) for n, p in enumerate(parse.predicates))


def _answer_told(text: str, parse: Parse, predicate: Predicate, readings: dict[int, Factuality],
                 pack) -> Factuality | None:
    """How the answering verb is told whose means the predicate is ("membalas … dengan menaikkan tarif",
    "retaliate … by raising tariffs"), if it is one."""
    before = text[max(parse.start, predicate.start - 12):predicate.start].rstrip().lower()
    if predicate.voice == "noun" or not before.endswith(MEANS):
        return None
    responding = compile_words(pack).responding
    for number in range(len(parse.predicates) - 1, -1, -1):
        other = parse.predicates[number]
        if other.start >= predicate.start or other.clause != predicate.clause or other.voice == "noun":
            continue
        return readings.get(number) if other.text.split()[0] in responding else None
    return None


def _means_of_response(text: str, parse: Parse, predicate: Predicate, own: set[str], pack) -> list[Actor]:
    """The act by which a side answers ("… by downgrading relations", "… dengan menurunkan …") is aimed at whom the
    answering verb before it names."""
    before = text[max(parse.start, predicate.start - 12):predicate.start].rstrip().lower()
    if not before.endswith(MEANS):
        return []
    responding = compile_words(pack).responding
    for other in reversed(parse.predicates):
        if other.start >= predicate.start or other.clause != predicate.clause or other.voice == "noun":
            continue
        if other.text.split()[0] not in responding:
            return []
        for name, argument in other.slots:
            found = [a for a in argument.actors if a.code not in own] if name not in ("subject", "agent") else []
            if found:
                return found
        return []
    return []


def _landing_state(parse: Parse, predicate: Predicate, own: set[str], pack) -> list[Actor]:
    """The state whose waters or land the thing fired or sent comes down in, told in a relative clause on it
    ("rudal … yang jatuh di zona ekonomi eksklusif Jepang", "a missile that landed in Japan's EEZ")."""
    fired = predicate.slot("object")
    if fired is None:
        return []
    landing = pack.words("landing_verbs")
    for other in parse.predicates:
        subject = other.slot("subject")
        if other is predicate or other.text.split()[0] not in landing or subject is None:
            continue
        # "rudal … yang jatuh di …"; "23 rudal ke laut, salah satunya jatuh di …", "missiles, one of which landed"
        partitive = other.start > predicate.end and (
            subject.how == "antecedent" and subject.start >= fired.start
            or head_noun(subject.head, pack.lang) in pack.words("partitive_heads"))
        if not partitive and (subject.how != "antecedent" or subject.start != fired.start):
            continue
        for name, argument in other.slots:
            if name in ("subject", "object"):
                continue
            found = [as_state(a) for a in argument.actors if a.code not in own] or place_target(
                parse, 0, own, within=(argument.start, argument.end))
            if found:
                return found[:1]
    return []


def _seat_of_authority(parse: Parse, predicate: Predicate, pack) -> list[Actor]:
    """"Nelayan Indonesia ditangkap di Malaysia", "the arrest of two Japanese in China": the state where people are
    held, tried or deported, when no one is named for it (not the state of the people held)."""
    if predicate.slot("agent") is not None:
        return []
    held = patient(predicate)
    undergoing = {a.code for a in (held.actors if held is not None else ())}
    return _place_in_slots(parse, predicate, tuple(pack.words("locative")), undergoing)[:1]


def _authority_noun_seat(parse: Parse, text: str, pack, noun: Predicate) -> list[Actor]:
    """The seat of an arrest, a trial or a deportation named by a noun ("memprotes penahanan nelayan Indonesia di
    Malaysia"): the doer of the act that a protest or concern is about."""
    chosen = choose(noun, text[parse.start:parse.end], pack.lexicon, start=parse.start)
    if chosen is None or not chosen.cameo or chosen.cameo[:3] not in AUTHORITY_ACTS:
        return []
    return _seat_of_authority(parse, noun, pack)


_ORIGIN_PREPOSITIONS = tuple(p for prepositions in SOURCE_PREPOSITIONS.values() for p in prepositions)


def _role_act_regex(pack) -> re.Pattern[str] | None:
    """A role or effort noun, its owner, and the preposition right before an act ("peran Oman dalam", "Oman's role
    in"); None where the language lists no role nouns."""
    cached = pack.__dict__.get("_role_act", False)
    if cached is False:
        nouns, preps = pack.words("role_nouns"), pack.words("role_prepositions")
        cached = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, nouns))})(?!\w)[^,.;:\"“”]{{0,40}}?\s"
                            rf"(?:{'|'.join(map(re.escape, preps))})\s+$", re.IGNORECASE) if nouns and preps else None
        pack.__dict__["_role_act"] = cached
    return cached


def _sending_verbs(pack) -> frozenset[str]:
    cached = pack.__dict__.get("_sending_verbs")
    if cached is None:
        cached = pack.__dict__["_sending_verbs"] = frozenset(pack.words("sending_verbs"))
    return cached


_APPOSED_PLACE = re.compile(r",\s+(?:[A-Z][\w'’.-]*\s?)+")


SEIZURE = "1711"


def _cargo_owner(parse: Parse, predicate: Predicate, own: set[str], pack) -> list[Actor]:
    """The state whose goods a seized carrier carries: the object of a carrying verb whose subject is the seized
    object (a relative clause or a participle on it)."""
    seized = predicate.slot("object")
    if seized is None or seized.actors:
        return []
    carrying = pack.words("carrying_verbs")
    for other in parse.predicates:
        doer = other.slot("subject")
        cargo = other.slot("object")
        if other.voice == "active" and other.text.split()[0] in carrying and doer is not None \
                and cargo is not None and doer.start == seized.start:
            return [as_state(a) for a in cargo.actors if state_level(as_state(a)) and as_state(a).code not in own][:1]
    return []


def _origin_spans(predicate: Predicate, sending: frozenset[str], text: str = "") -> list[tuple[int, int]]:
    """Where what the predicate sends comes from: its "dari"/"from" phrase right after its object, with the phrase
    right after it that places the origin and the name set off after that ("mengirim logistik dari gudang
    regionalnya di Subang, Malaysia"): no place in them is reached."""
    spans: list[tuple[int, int]] = []
    if predicate.voice != "active" or predicate.text.split()[0] not in sending:
        return spans
    sent = predicate.slot("object")
    for name in _ORIGIN_PREPOSITIONS:
        origin = predicate.slot(name)
        if origin is None or sent is None or not 0 < origin.start - sent.end <= 7:
            continue
        end = max([origin.end, *(a.end for _, a in predicate.slots if 0 < a.start - origin.end <= 5)])
        apposed = _APPOSED_PLACE.match(text, end)
        spans.append((origin.start, apposed.end() if apposed else end))
    return spans


def _place_in_slots(parse: Parse, predicate: Predicate, names: tuple[str, ...], own: set[str],
                    sending: frozenset[str] = frozenset()) -> list[Actor]:
    """The country of a place named in one of the pattern's target slots (a locative phrase holds no actor); not
    one that places the origin named right before it ("mengirim logistik dari gudangnya di Subang, Malaysia")."""
    origins = _origin_spans(predicate, sending)
    for name in names:
        argument = predicate.slot(name)
        if argument is not None and not argument.actors and not any(a <= argument.start < b for a, b in origins):
            found = place_target(parse, 0, own, within=(argument.start, argument.end))
            if found:
                return found
    return []


def _possessor_of_act(parse: Parse, phrase: Argument) -> list[Actor]:
    """The owner of the event noun that heads a phrase ("Israel's seizure of …" → Israel)."""
    for inner in parse.predicates:
        if inner.voice == "noun" and phrase.start <= inner.start < phrase.end:
            owner = inner.slot("possessor")
            return list(owner.actors) if owner is not None else []
    return []


def _mission_host(mission: Argument, mentions, own: set[str], parse: Parse) -> list[Actor]:
    """The state of the city a mission is named with ("KBRI Kuala Lumpur", "the Vietnamese embassy in Jakarta"),
    also where a relative clause's antecedent stands for it ("KBRI Port Moresby menyampaikan nota diplomatik yang
    meminta …": the mission is where the author is named)."""
    spans = [(mission.start, mission.end)] + [
        (m.start, m.end) for m in mentions if parse.start <= m.start < parse.end and m.actor in mission.actors
        and not mission.start <= m.start <= mission.end]
    for start, end in spans:
        for mention in mentions:
            if start <= mention.start <= end + 4 and mention.actor.kind == "CITY" \
                    and mention.actor.country and mention.actor.country not in own:
                return [as_country(mention.actor)]
    return []


def _protest_parties(text: str, parse: Parse, predicate: Predicate, pattern: Pattern,
                     parties: tuple[list[Actor], list[Actor], str] | None, pack, mentions: tuple = ()) -> tuple | None:
    """A crowd protests where it stands ("Mahasiswa berdemo di Jakarta": Indonesia's people) and at whose mission
    ("di depan Kedutaan Besar China", "outside the U.S. embassy", "gathered outside the Pakistan High Commission":
    China, the United States, Pakistan)."""
    missions = tuple(pack.words("missions"))
    at_mission = [actor for start, actor in parse.places
                  if (actor.role or "") in MISSION_ROLES or _at_mission(text, start, missions)]
    at_mission += [m.actor for m in mentions if parse.start <= m.start < parse.end and not m.part
                   and (m.actor.role or "") in MISSION_ROLES and m.actor not in at_mission]
    elsewhere = [as_country(actor) for start, actor in parse.places
                 if actor not in at_mission and actor.kind in ("STATE", "CITY")]
    sources, targets, how = parties if parties is not None else ([], [], "implied")
    guessed = parties is not None and how == "implied"      # a target told by the story, not by the sentence
    mission_states = {(a.country or a.code) for a in at_mission}
    if sources and elsewhere and ({a.code for a in sources} <= mission_states
                                  or all((a.role or "") in MISSION_ROLES for a in sources)):
        # "pawai ke Kedutaan Besar Swedia yang dijaga ketat di Jakarta untuk memprotes …": the embassy protested at
        # is no protester (a purpose clause lent it the subject); the crowd is of the place
        targets = [as_state(a) for a in sources]
        sources, how = [a for a in elsewhere if a.code not in {t.code for t in targets}][:1], "implied"
    if not sources:
        subject = predicate.slot("subject")
        if subject is None and predicate.voice == "passive" or not elsewhere:
            return parties
        # ("ratusan orang menggelar aksi …", "hundreds of people rallied …": a crowd of no named side; an event
        # noun's crowd too)
        sources, how = elsewhere[:1], "implied"
        targets, _ = target_of(predicate, pattern, tuple(pack.words("targets")), sources)
    own = {a.code for a in sources}
    if not targets or guessed:
        # (the mission protested at outweighs the story's other side: "menggelar protes di luar Kedutaan Besar Turki
        # di Stockholm" in a story about Indonesia's answer)
        targets = [as_state(a) for a in at_mission if (a.country or a.code) not in own] or targets
    return sources, targets, how


def _at_mission(text: str, start: int, missions: tuple[str, ...]) -> bool:
    """"di depan kedutaan besar Israel": a state named right after the word for its mission."""
    before = text[max(0, start - 25):start].lower().rstrip()
    return any(before.endswith(word) for word in missions)


def _inner_doers(parse: Parse, argument: Argument | None, lang: str, receiving: tuple[str, ...],
                 depth: int = 2, own: set[str] | frozenset[str] = frozenset(), owner_nouns: tuple[str, ...] = (),
                 seat: Callable[[Predicate], list[Actor]] | None = None) -> list[Actor]:
    """The doer of the event noun that heads a phrase, from that noun's own slots ("dari Mesir", "by Russia"); else
    the partner it names ("the deal with China"), the state whose forces or goods it is of ("the withdrawal of
    French forces from its territory", "imports of Japanese seafood") or, one level down, the doer of the act it
    is of ("the signing of the deal with China"). `owner_nouns`: the nouns whose "of" owner is that state."""
    if argument is None or argument.how != "event" or argument.actors or depth == 0:
        return []
    for inner in parse.predicates:
        if inner.voice == "noun" and argument.start <= inner.start < argument.end:
            found = source_of(inner, lang, receiving)
            if found is not None and any(a.code not in own for a in found.actors):
                return list(found.actors)
            partner = inner.slot(PARTNER.get(lang, ""))
            if partner is not None and partner.actors:
                return list(partner.actors)
            of = inner.slot("of")
            owned = of is not None and of.how == "direct" and any(a.code not in own for a in of.actors)
            if owned and (of.head.split()[-1:] and of.head.split()[-1] in owner_nouns or inner.text in owner_nouns):
                return list(of.actors)               # "the withdrawal of French forces", "imports of Japanese seafood"
            seated = seat(inner) if seat is not None else []
            if seated:
                return seated                        # "the arrest of its citizens in Iran"
            return _inner_doers(parse, of, lang, receiving, depth - 1, own, owner_nouns, seat)
    return []


def _answers_unnamed(text: str, parse: Parse, pack) -> bool:
    """Whether the sentence says it answers without naming what ("in response.", "sebagai balasan,")."""
    found = pack.__dict__.get("_answers_unnamed")
    if found is None:
        phrases = sorted(pack.words("answering_unnamed"), key=len, reverse=True)
        found = re.compile(rf"\b(?:{'|'.join(re.escape(p) for p in phrases)})\s*[,.;:!?\"”]", re.IGNORECASE) \
            if phrases else re.compile(r"(?!)")
        pack.__dict__["_answers_unnamed"] = found
    return found.search(text, parse.start, parse.end) is not None


def _answered(text: str, parse: Parse, predicate: Predicate, own: set[str], pack) -> list[Actor]:
    """"…," kata X, menanggapi tudingan AS: the doer of the act the sentence says it answers."""
    background = tuple(pack.words("background"))
    receiving = pack.words("receiving_verbs")
    answering = pack.words("answering")
    for other in parse.predicates:
        # "…, kata juru bicara itu, menanggapi pernyataan ASEAN", "…, said a spokesman, responding to an ASEAN
        # statement" or "in response to Japan's remarks": whose words or act the statement answers
        if other.voice == "active" and other is not predicate \
                and (other.text in answering or f"{other.text} to" in answering):
            slots = [other.slot(name) for name in ("object", "to")]
        elif any(name in answering for name, _ in other.slots):
            slots = [argument for name, argument in other.slots if name in answering]
        else:
            slots = ()
        for answered in slots:
            doers = [as_state(a) for a in (answered.actors if answered else ()) if a.code not in own]
            if doers:
                return doers
        if other is predicate or other.voice != "noun":
            continue
        before = text[max(parse.start, other.start - 60):other.start].lower()
        if text and _after_background(before, background):
            found = source_of(other, pack.lang, receiving)
            doers = [as_state(a) for a in (found.actors if found else ()) if a.code not in own]
            if doers:
                return doers
    return []


def _after_background(before: str, background: tuple[str, ...]) -> bool:
    """Whether the text before an event noun ends in a background phrase and at most three words of the noun's own
    phrase ("menanggapi serangan", "in response to North Korea's launch"), with no punctuation between."""
    words = re.findall(r"[\w'’-]+|[^\w\s]", before)
    for length in range(4):
        tail = " ".join(words[len(words) - length:]) if length else ""
        if any(not w[0].isalnum() for w in words[len(words) - length:] if length):
            return False
        head = " ".join(words[:len(words) - length])
        if head.endswith(background) and any(  # one call first: most heads end in no background phrase
                head.endswith(word) and (len(head) == len(word) or not head[-len(word) - 1].isalnum())
                for word in background):
            return bool(tail) or length == 0
    return False


def _subject_of_a_later_verb(text: str, parse: Parse, noun: Predicate, coordinators: frozenset[str]) -> bool:
    """Whether a verb follows the event noun in its clause with no comma or coordinator between: the noun's phrase
    is that verb's subject ("… serangan militer di Ukraina tidak dapat diterima"), not the speech verb's object."""
    for other in parse.predicates:
        if other.voice == "noun" or other.start <= noun.end or other.clause != noun.clause:
            continue
        between = text[noun.end:other.start]
        return "," not in between and not coordinators & set(between.lower().split())
    return False


def _refers_back(argument: Argument, pack) -> bool:
    """A phrase that names an act told before: an event noun with no doer, or a reference noun with a
    demonstrative ("langkah tersebut", "keputusan itu", "the move", "this decision")."""
    if argument.how == "event" and not argument.actors:
        return True
    return not argument.actors and names_act(argument.head, pack.lang, pack.lexicon.references)


# Force and its show: an event noun these acts take as their object is the act done now ("melancarkan serangan
# udara ke desa-desa", "carried out raids"), not a reference to an act told before
OWN_ACT_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})


def _act_itself(text: str, argument: Argument, plover: str | None, pack) -> bool:
    """Whether an event-noun object is the act a force verb does ("launched air strikes on villages"), not one told
    before: it has no determiner ("carried out the attack" may still refer back)."""
    return plover in OWN_ACT_TYPES and argument.how == "event" and not _head_word(text, argument, pack)


def _alleged_by(parse: Parse, number: int, sources: list[Actor], pack) -> list[Actor]:
    """"membantah telah menggunakan bom curah, seperti yang dituduhkan Kamboja", "denied using cluster munitions, as
    Cambodia had alleged": a denial answers whom an accusation told after it in its own sentence names as its
    maker (the accusing verb's subject, or its agent in the passive)."""
    own = {a.code for a in sources}
    denial = parse.predicates[number]
    alleging, claims = pack.words("allegation_verbs"), pack.words("allegation_nouns")
    for predicate in parse.predicates:
        said = predicate.slot("object") if predicate.start > denial.end and predicate.voice != "noun" else None
        if said is not None and said.head and said.head.split()[-1 if pack.lang == "en" else 0] in claims \
                and (makers := [as_state(a) for a in said.actors if a.code not in own]):
            return makers       # "denied firing any missiles …, dismissing the Israeli claim as a pretext"
        if predicate.start <= denial.end or predicate.voice == "noun" \
                or parse.clauses[predicate.clause].kind == "main" or predicate.text.lower().split()[0] not in alleging:
            continue
        for name in ("agent" if predicate.voice == "passive" else "subject", *pack.words("agent_markers")):
            maker = predicate.slot(name)         # ("as alleged by Cambodia": a participle's maker after "by")
            makers = [as_state(a) for a in maker.actors if a.code not in own] if maker is not None else []
            if makers:
                return makers
    return []


def _denies_what_was_said(parse: Parse, number: int, sources: list[Actor]) -> bool:
    """A denial that names no one it answers: no object, an object that names no party ("denied any role",
    "membantah terlibat", "denied planning an attack"), or an object that is the denier itself or its own ("denied
    it", "membantahnya", "membantah kedua kapal tersebut …")."""
    denial = parse.predicates[number]
    said = denial.slot("subject" if denial.voice == "passive" else "object")   # "…, yang dibantah Teheran"
    # (or its own things: "membantah kedua kapal tersebut beroperasi di perairan Indonesia")
    return said is None or not said.actors or {a.code for a in said.actors} <= {a.code for a in sources}


def _describes_what_it_denies(event: Event, events: list[Event]) -> bool:
    """Whether a side that just denied an accusation in this sentence describes it ("membantah tuduhan Warsawa dan
    menyebutnya sebagai histeria anti-Rusia", "denied the charges and called them a witch hunt"): the description is
    the denial's, no criticism of its own."""
    return any(other.start == event.start and other.cameo == "016" and other.source.code == event.source.code
               and other.target.code == event.target.code for other in events)


def _mentions_stem(sentence: str, stems: frozenset[str]) -> bool:
    return any(stem in sentence.lower() for stem in stems)


def _denied_stems(parse: Parse, number: int, pack) -> frozenset[str]:
    """Stems of what a denial denies: its object's head and the verbs of the clauses it governs ("membantah
    merencanakan serangan": rencana, serang); not its demonstrative ("kedua kapal tersebut": kapal)."""
    denial = parse.predicates[number]
    said = denial.slot("subject" if denial.voice == "passive" else "object")
    demonstratives = frozenset(pack.words("demonstratives"))
    words = [*(said.head.split() if said is not None else ()),
             *(w for other in parse.predicates if other.governor == number for w in other.text.split())]
    return frozenset(rough_stem(w, pack.lang) for w in words if len(w) > 3 and w not in demonstratives)


ACCUSING_TYPES = frozenset({"ACCUSE", "COERCE", "SANCTION"})


def _accuser_of(events: list[Event], sentence_start: int, sources: list[Actor], stems: frozenset[str],
                before: str, before_start: int) -> list[Actor]:
    """The maker of the last accusation aimed at one of `sources` told before the denial ("accused Iran of attacking
    the tanker, which Tehran denied"; "menuduh China memasok senjata … China membantah memasok senjata"). A denial
    answers a named accuser, and no one in particular where the sentence right before tells what it denies with no
    accusation by anyone ("Negara-negara Barat khawatir Moskow merencanakan serangan. Rusia membantah merencanakan
    serangan")."""
    own = {a.code for a in sources}
    # (a seizure or an expulsion told as punishment accuses too: "menangkap dua kapal Vietnam yang mencuri ikan …
    # Vietnam membantah kedua kapal tersebut beroperasi di perairan Indonesia")
    accusations = [event for event in events if event.start <= sentence_start and (
                       event.plover == "ACCUSE" or event.plover in ACCUSING_TYPES and event.counted)
                   and event.target.code in own and event.source.code not in own and state_level(event.source)]
    if stems and _mentions_stem(before, stems) and not any(event.start >= before_start for event in accusations):
        return []
    return [as_state(accusations[-1].source)] if accusations else []


def _claimant(before: Parse | None, sources: list[Actor]) -> list[Actor]:
    """"Pentagon mengatakan balon itu milik China dan digunakan untuk memata-matai. China membantah …": with no
    accusation coded, a denial answers the one state whose statement about the denier the sentence right before
    reports (a named claimant; "Western countries fear …" names no one in particular)."""
    if before is None:
        return []
    own = {a.code for a in sources}
    speakers = {as_state(a).code: as_state(a) for a in before.speaker if state_level(a)}
    told = {a.code for predicate in before.predicates for _, argument in predicate.slots for a in argument.actors}
    if len(speakers) != 1 or own & set(speakers) or not own & told:
        return []
    return list(speakers.values())


def _act_doers(parse: Parse, phrase: Argument, events: list[Event], own: list[Actor], pack) -> list[Actor]:
    """Who did the act a phrase refers back to: the doer named with the same noun earlier in the sentence
    ("mengutuk tindakan China itu, … tindakan tersebut mengancam …"), else the doer of the act told last."""
    codes = {a.code for a in own}
    key = head_noun(phrase.head, pack.lang)
    for predicate in parse.predicates:
        for _, argument in predicate.slots:
            if argument.end <= phrase.start and argument.actors and argument.how == "direct" \
                    and head_noun(argument.head, pack.lang) == key:
                named = [as_state(a) for a in argument.actors if a.code not in codes]
                if named:
                    return named
    same_kind = _last_of_kind(events, parse.start, key, codes, pack)
    return same_kind or reaction_target(events, parse.start, own)


def _last_of_kind(events: list[Event], before: int, noun: str, own: set[str], pack) -> list[Actor]:
    """"Iran seized a tanker. Greece protested. The U.S. said the seizure was illegal": a noun that refers back to
    an act names the last act of its kind (a root of the codes the lexicon gives the noun), whoever reacted since."""
    lexicon = pack.lexicon
    entries = lexicon.entries(noun) or (lexicon.entries(noun[:-1]) if noun.endswith("s") else [])
    roots = {entry.pattern.cameo[:2] for entry in entries if entry.pattern.cameo}
    if not roots and noun in pack.words("measure_references"):
        roots = {"16", "17"}
    if not roots:
        return []
    for event in reversed(events):
        if event.start <= before and event.cameo[:2] in roots and event.source.code not in own \
                and state_level(event.source):
            return [as_state(event.source)]
    return []


def _reported_defiance(parse: Parse, predicate: Predicate, sources: list[Actor], targets: list[Actor],
                       told: Factuality) -> tuple[list[Actor], list[Actor], Factuality]:
    """"Kemlu RI menyebut, pihak Malaysia tidak mematuhi kesepakatan", "X said Russia violated the ceasefire": a
    defiance of norms told by another side is that side's accusation (ACCUSE 112), not the doer's own act."""
    if not told.cameo.startswith("128") or told.modality != "asserted":
        return sources, targets, told
    speaker = _speaker(parse, predicate)
    own = {a.code for a in sources}
    if not speaker or not own or own & {a.code for a in speaker}:
        return sources, targets, told
    return speaker, [as_state(a) for a in sources], Factuality("asserted", False, "112")


def _place_of_object(parse: Parse, predicate: Predicate, the_object: Argument, own: set[str],
                     locative: tuple[str, ...]) -> list[Actor]:
    """The state named as a place right after the object ("the coup in Niger"); not a city, which is more often
    where the condemning was done ("mengecam keputusan itu di Jenewa")."""
    for name, argument in predicate.slots:
        if name in locative and 0 <= argument.start - the_object.end <= 4:
            return [actor for start, actor in parse.places if argument.start <= start < argument.end
                    and actor.kind == "STATE" and actor.code not in own][:1]
    return []


def _owner_of_act_around(parse: Parse, subject: Argument | None) -> list[Actor]:
    """The owner of the event noun whose "of" phrase holds `subject` ("China's release of a new map")."""
    if subject is None or subject.actors:
        return []
    for noun in parse.predicates:
        of = noun.slot("of")
        if noun.voice == "noun" and of is not None and of.start <= subject.start < of.end:
            owner = noun.slot("possessor") or noun.slot("subject")
            return list(owner.actors) if owner is not None else []
    return []


def _names_collective(text: str, argument: Argument | None, pack) -> bool:
    """Whether the phrase names an addressee that is no state ("seruan komunitas internasional", "the calls of the
    international community")."""
    if argument is None:
        return False
    regex = pack.__dict__.get("_collective_regex")
    if regex is None:
        names = sorted(pack.words("collective_others"), key=len, reverse=True)
        alternation = "|".join(re.escape(name) for name in names) or "(?!)"
        regex = pack.__dict__["_collective_regex"] = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
    return regex.search(" ".join(text[argument.start:argument.end].lower().split())) is not None


def _addresses_collective(text: str, predicate: Predicate, pack) -> bool:
    """Whether the words right after a verb, past a marker of its addressee, name one that is no state ("menyerukan
    agar semua pihak mematuhi …", "called on all parties to …"): no party the verb before it had is addressed."""
    words = text[predicate.end:predicate.end + 60].lower().split()
    if words and words[0] in pack.words("addressee_markers"):
        words = words[1:]
    said = " ".join(words) + " "
    return any(said.startswith(name + " ") for name in pack.words("collective_others"))


def _own_side(text: str, argument: Argument | None, pack) -> bool:
    """Whether the phrase is the speaker's own ("our aviators", "pasukan kami"): a first-person word opens or
    closes it."""
    if argument is None or argument.end <= argument.start:
        return False
    words = text[argument.start:argument.end].lower().split()
    first = pack.words("first_person")
    return bool(words) and (words[0] in first or words[-1].strip(".,") in first)


def _addressee_by_phone(parse: Parse, predicate: Predicate, own: set[str]) -> list[Actor]:
    """The addressee of the verb whose means phrase ("melalui sambungan telepon", "by telephone") holds the call."""
    for verb in parse.predicates:
        if verb.voice == "noun" or not any(name in CALL_MEANS and argument.start <= predicate.start < argument.end
                                           for name, argument in verb.slots):
            continue
        for name, argument in verb.slots:
            if name in CALL_PARTNERS and argument.how in ("direct", "pronoun"):
                others = [a for a in argument.actors if a.code not in own]
                if others:
                    return others
    return []


def _occasion_partner(parse: Parse, predicate: Predicate, own: set[str], partners: tuple[str, ...],
                      occasions: tuple[str, ...]) -> list[Actor]:
    """The object (or "with" partner) of the verb in the clause that a meeting noun is the occasion of: the
    meeting's other side (not where that verb's act goes: "halted aid to Ukraine after a tense meeting")."""
    parent = parse.clauses[predicate.clause].parent
    for verb in parse.predicates:
        if verb.voice == "noun":
            continue
        # the clause it is the occasion of, or the verb whose phrase it is ("mendesak Wang Yi dalam pembicaraan …")
        if verb.clause != parent and not (verb.clause == predicate.clause and any(
                argument.start <= predicate.start < argument.end for name, argument in verb.slots
                if name in occasions)):                 # not "turned down a request for a meeting"
            continue
        for name, argument in verb.slots:
            if name != "object" and name not in partners or argument.how not in ("direct", "pronoun"):
                continue
            others = [a for a in argument.actors if a.code not in own]
            if others:
                return others
    return []


def _on_request(text: str, parse: Parse, predicate: Predicate, openers: frozenset[str]) -> bool:
    """Whether a request noun stands in a circumstance phrase ("at the request of the Solomon Islands",
    "atas permintaan pemerintah Kepulauan Solomon"), which tells why the clause's act was done."""
    if predicate.voice != "noun" or not openers:
        return False
    before = text[max(parse.start, predicate.start - 20):predicate.start].lower().split()
    if before and before[-1] in ("the", "a"):
        before = before[:-1]
    return bool(before) and before[-1] in openers


def _requested_by(parse: Parse, predicate: Predicate) -> tuple[list[Actor], list[Actor], str] | None:
    """The request's owner asked it of whoever does the act the phrase hangs on: "sent troops to Honiara at the
    request of the Solomon Islands" is the Solomon Islands' request of Australia."""
    owner = predicate.slot("possessor") or predicate.slot("of")
    if owner is None or not owner.actors:
        return None
    doer = next((p.slot("subject") for p in parse.predicates if p.voice != "noun" and any(
        argument.start <= predicate.start < argument.end for _, argument in p.slots)), None) \
        or predicate.slot("subject")
    own = {a.code for a in owner.actors}
    asked = [a for a in (doer.actors if doer is not None else ()) if a.code not in own]
    return (list(owner.actors), asked, "direct") if asked else None


def _coordinated_object(text: str, parse: Parse, predicate: Predicate, own: set[str],
                        coordinators: frozenset[str]) -> list[Actor]:
    """The party that a verb right before this one in its clause, joined to it by "dan"/"and", has as its object."""
    before = [p for p in parse.predicates if p.clause == predicate.clause and p.voice == "active"
              and p.end <= predicate.start]
    if not before:
        return []
    previous = before[-1]
    between = text[previous.end:predicate.start].lower().split()
    obj = previous.slot("object")
    if obj is None or obj.end > predicate.start or not coordinators & set(between) \
            or len(text[obj.end:predicate.start].split()) > 3:
        return []
    return [as_state(a) for a in obj.actors if as_state(a).code not in own and state_level(as_state(a))]


def _as_its_verb_tells(parse: Parse, noun: Predicate, told: Factuality, readings: dict[int, Factuality]) \
        -> Factuality:
    """"stopped short of imposing sanctions on China": an event noun that a verb of the same act takes as its
    object is told as that verb is."""
    kind = plover_for(told.cameo)
    for number, reading in readings.items():
        verb = parse.predicates[number]
        said = verb.slot("object") if verb.voice == "active" else None
        if said is not None and said.start <= noun.start < said.end and plover_for(reading.cameo) == kind:
            return Factuality(reading.modality, reading.negated, told.cameo)
    return told


def _backs_armed_act(parse: Parse, number: int, chosen: list[Pattern | None], pack) -> bool:
    """Whether what a verb of support backs is an armed act ("The U.S.-led strikes, supported by Australia, …",
    "Operasi tersebut didukung Australia, Bahrain, …"): backing strikes or an operation is taking part in it (062),
    no praise."""
    backed = patient(parse.predicates[number])
    if backed is None:
        return False
    if head_noun(backed.head, pack.lang) in pack.words("armed_operation_nouns"):
        return True
    if backed.how == "event" and any(
            p.voice == "noun" and backed.start <= p.start < backed.end and (found := chosen[n]) is not None
            and found.cameo is not None and plover_for(found.cameo) in ARMED_TYPES
            for n, p in enumerate(parse.predicates)):
        return True
    return False


def _armed_doers(parse: Parse, number: int, events: list[Event], own: set[str], pack) -> list[Actor]:
    """The doers of the armed act a verb of support backs: the ones its noun names ("mendukung operasi militer AS"),
    else those of the last armed act told (several where one act is told of each: "AS dan Inggris melancarkan
    serangan udara …. Operasi tersebut didukung …")."""
    backed = patient(parse.predicates[number])
    if backed is not None:
        receiving = pack.words("receiving_verbs")
        for other in parse.predicates:
            if other.voice == "noun" and backed.start <= other.start < backed.end:
                found = source_of(other, pack.lang, receiving)
                named = [as_state(a) for a in (found.actors if found else ()) if a.code not in own and state_level(a)]
                if named:
                    return named
        named = [as_state(a) for a in backed.actors if a.code not in own and state_level(a)]
        if named:
            return named            # "backed the U.S. military operation": whose operation it names
    armed = [e for e in events if e.plover in ARMED_TYPES and e.source.code not in own
             and state_level(e.source)]
    if not armed:
        return []
    last = armed[-1]
    doers: list[Actor] = []
    for event in armed:
        if event.start == last.start and event.cameo == last.cameo \
                and all(d.code != event.source.code for d in doers):
            doers.append(as_state(event.source))
    return doers


def _carried_noun(parse: Parse, number: int, chosen: list[Pattern | None]) -> bool:
    """Whether the verb's object is an event noun of its own kind, the act it tells ("melontarkan ancaman",
    "renewed his threat"), not what it asks for or answers."""
    said = parse.predicates[number].slot("object")
    kind = plover_for(chosen[number].cameo) if chosen[number] is not None and chosen[number].cameo else None
    return kind is not None and said is not None and said.how == "event" and any(
        p.voice == "noun" and said.start <= p.start < said.end and (found := chosen[n]) is not None
        and found.cameo is not None and plover_for(found.cameo) == kind for n, p in enumerate(parse.predicates))


def _content_target(parse: Parse, index: int, chosen: list[Pattern | None], defaults: tuple[str, ...]) \
        -> list[Actor]:
    """The target of what a demand, threat or refusal is about: its complement's target, else its subject (not the
    one who demands or threatens: "Moscow warned it would respond if Germany …" is aimed at Germany)."""
    asker = parse.predicates[index]
    # the one who demands: its subject, or the owner of a demand noun ("Ankara's demand that Sweden …")
    owner = asker.slot("subject") or (asker.slot("possessor") if asker.voice == "noun" else None)
    own = {a.code for a in (owner.actors if owner is not None else ())}
    # "melontarkan ancaman akan mengenakan tarif …": what the verb's own noun governs is the verb's content too
    said = asker.slot("object")
    carried = {n for n, p in enumerate(parse.predicates) if p.voice == "noun" and said is not None
               and said.how == "event" and said.start <= p.start < said.end}
    governed = [(n, p) for n, p in enumerate(parse.predicates) if p.governor == index or p.governor in carried]
    asking = plover_for(chosen[index].cameo) if chosen[index] is not None and chosen[index].cameo else None
    refusal = asking == "REJECT"
    # "meminta agar Jepang memberikan dukungan", "demanded that Russia withdraw …": a request is made of whoever is
    # to do the act asked for, not of the act's own target
    request = asking == "REQUEST"
    # verbs first: a noun inside a verb's slot is read through that verb ("agar aksi militer Israel dihentikan")
    for number, predicate in sorted(governed, key=lambda pair: pair[1].voice == "noun"):
        pattern = chosen[number]
        if asking == "THREATEN" and (_between_others(predicate, own)
                                     or _told_of_conflict_between(parse, predicate, own)):
            continue        # "warned that a confrontation between the two neighbours would be …": no side threatened
        # "agar aksi militer Israel di Gaza dihentikan": a passive's subject undergoes it, its agent does it
        doer = predicate.slot("agent" if predicate.voice == "passive" else "subject")
        doers = [a for a in doer.actors if a.code not in own] if doer and doer.how not in ("controller", "shared") \
            else []
        if request and doers:
            return doers
        # "refused to approve the EU's sanctions package against Russia": what is refused is the EU's
        proposer = predicate.slot("possessor" if predicate.voice == "noun" else "object") if refusal else None
        if proposer is not None and (makers := [a for a in proposer.actors if a.code not in own]):
            return makers
        if pattern is not None and pattern.cameo is not None:
            targets, _ = target_of(predicate, pattern, defaults, doers)
            if not targets and plover_for(pattern.cameo) in PLACE_TARGET_TYPES:
                # "mengancam akan menyerang puluhan situs penting di Iran"
                targets = place_target(parse, predicate.start, {a.code for a in doers}, predicate.clause)
            targets = [a for a in targets if a.code not in own]
            if targets:
                return targets
        elif predicate.voice != "noun" and refusal:
            # "menolak memberi akses kepada inspektur IAEA", "refused to hand over the suspects to Malaysia": a
            # verb with no event sense of its own is aimed at whom its object or oblique names
            for name in ("object", *defaults):
                argument = predicate.slot(name)
                targets = [a for a in argument.actors if a.code not in own] if argument is not None else []
                if targets:
                    return targets
        if doers:
            return doers
    # "warned of a crushing response to any Israeli attack": the target of the act its object or oblique names
    for name, argument in parse.predicates[index].slots:
        if name in ("subject", "agent", "possessor"):
            continue
        for number, inner in enumerate(parse.predicates):
            pattern = chosen[number]
            if inner.voice == "noun" and argument.start <= inner.start < argument.end and pattern is not None \
                    and pattern.cameo is not None and not (asking == "THREATEN" and _between_others(inner, own)):
                targets = [a for a in target_of(inner, pattern, defaults, [])[0] if a.code not in own]
                if targets:
                    return targets
    # "mengancam … jika Guyana melanjutkan eksplorasi": the side the condition names
    clause = parse.predicates[index].clause
    for candidate in parse.clauses:
        if candidate.kind == "conditional" and candidate.subject and (candidate.parent == clause or any(
                p.governor == index and p.clause == candidate.parent for p in parse.predicates)):
            return list(candidate.subject)
    return []


def _between_others(predicate: Predicate, own: set[str]) -> bool:
    """Whether an act is told as one between two sides, neither of them the teller's ("konfrontasi antara India dan
    Pakistan", "a confrontation between the two neighbours")."""
    sides = {a.code for name in _BETWEEN_WORDS if (argument := predicate.slot(name)) is not None
             for a in argument.actors}
    return len(sides) > 1 and not sides & own


_BETWEEN_WORDS = tuple(BETWEEN.values())


def _told_of_conflict_between(parse: Parse, predicate: Predicate, own: set[str]) -> bool:
    """Whether the predicate's subject is an act between two others ("konfrontasi militer antara India dan Pakistan
    akan berakibat fatal")."""
    subject = predicate.slot("subject")
    return subject is not None and subject.how == "event" and any(
        other.voice == "noun" and subject.start <= other.start < subject.end and _between_others(other, own)
        for other in parse.predicates)


def _opens_its_phrase(text: str, parse: Parse, predicate: Predicate) -> bool:
    """Whether a word opens the sentence or follows a comma or dash: where "menanggapi …", "responding to …" is a
    phrase telling what the clause answers, not the clause's own act."""
    before = text[parse.start:predicate.start].rstrip(" \"“'‘")
    return not before or before.endswith((",", "—"))


def _reciprocal(text: str, predicate: Predicate, markers: tuple[str, ...]) -> bool:
    """A reciprocal marker right before the verb ("saling menuduh") or right after it ("accused each other"), or a
    reduplicated verb ("serang-menyerang"); the last is a mark only in a language whose pack lists reciprocal
    markers (English lists none, and its hyphenated words are no reduplications)."""
    if not markers:
        return False
    before = text[max(0, predicate.start - 12):predicate.start].lower().split()
    after = text[predicate.end:predicate.end + 16].lower()
    return bool(before) and before[-1] in markers or predicate.text.split()[0] in markers \
        or any(after.startswith(f" {m}") for m in markers) or is_reciprocal(predicate.text)


def _pairs(sources: list[Actor], targets: list[Actor], pattern: Pattern, cameo: str, mutual: bool = False) \
        -> list[tuple[Actor, Actor]]:
    plover = plover_for(cameo)
    if targets and pattern.mutual and plover == "RETREAT":
        # "Russia swapped prisoners with Ukraine", "Thai troops clashed with Cambodian forces": a mutual act is done
        # by each side to the other
        return dyads(sources, targets, cameo) + dyads(targets, sources, cameo)
    if targets or len({a.code for a in sources}) < 2 \
            or not (pattern.mutual or mutual or plover in SYMMETRIC or cameo.startswith(RELEASE_PERSONS)) \
            or cameo == MEDIATION:
        return dyads(sources, targets, cameo)    # (mediators of one deal do not mediate between each other)
    # "Thailand dan Kamboja menyepakati gencatan senjata", "Indonesia dan Singapura menandatangani …": each other
    pairs: list[tuple[Actor, Actor]] = []
    for i, first in enumerate(sources):
        for second in sources[i + 1:]:
            pairs.extend(dyads([first], [second], cameo))
            if plover not in SYMMETRIC:
                pairs.extend(dyads([second], [first], cameo))
    return pairs


def _speaker(parse: Parse, predicate: Predicate) -> list[Actor]:
    clause: int | None = predicate.clause
    while clause is not None:
        if parse.clauses[clause].speaker:
            return list(parse.clauses[clause].speaker)
        clause = parse.clauses[clause].parent
    return list(parse.speaker)


def _own_speech(parse: Parse, predicate: Predicate, sources: list[Actor]) -> bool:
    """Whether the clause is said by its own subject: the actor's quotation, the complement of its speech verb."""
    subject = predicate.slot("subject")
    if subject is not None and subject.how == "speaker":
        return True
    own = {a.code for a in sources}
    return bool(own) and bool(own & {a.code for a in _speaker(parse, predicate)})


def _after_coordinator(text: str, parse: Parse, predicate: Predicate, pack) -> bool:
    """Whether the verb comes right after "and"/"dan" (or ", and"): a verb phrase joined to the one before."""
    before = text[max(parse.start, predicate.start - 12):predicate.start].lower().split()
    return bool(before) and before[-1] in pack.words("coordinators")


def _harmed_by_threatened(parse: Parse, predicate: Predicate, own: set[str]) -> list[Actor]:
    """"memperingatkan bahwa Moskwa akan menyiapkan langkah balasan yang akan merugikan kepentingan Uni Eropa",
    "countermeasures that would hurt the U.S.": a threat is aimed at whom the relative clause on what it threatens
    says will be harmed."""
    for other in parse.predicates:
        subject = other.slot("subject")
        if other.start <= predicate.end or parse.clauses[other.clause].kind != "relative" or subject is None \
                or subject.how not in ("antecedent", "event") or subject.start < predicate.end:
            continue
        harmed = other.slot("object")
        found = [as_state(a) for a in (harmed.actors if harmed is not None else ()) if a.code not in own]
        if found:
            return found
    return []


def _relative_in_content(parse: Parse, predicate: Predicate, chosen: list[Pattern | None]) -> bool:
    """"menuduh Pakistan mendukung kelompok militan yang menyerang wisatawan", "accused Iran of arming groups that
    attacked …": a relative clause inside what is asked, alleged, refused or threatened is part of that content."""
    clause: int | None = predicate.clause
    if clause is None or parse.clauses[clause].kind != "relative":
        return False
    if (found := chosen[parse.predicates.index(predicate)]) is not None and found.cameo == "016":
        return False                # "…, which Tehran denied", "…, yang dibantah Teheran": a comment on the content
    clause = parse.clauses[clause].parent
    while clause is not None:
        for other in parse.predicates:
            if other.clause == clause and other.governor is not None \
                    and (found := chosen[other.governor]) is not None and found.cameo is not None \
                    and found.cameo != "016" and plover_for(found.cameo) in CONTENT_TYPES:
                return True
        clause = parse.clauses[clause].parent
    return False


def _governed_markers(parse: Parse, number: int) -> tuple[str, ...]:
    """The words that open the clauses predicate `number` governs ("calls … to halt": "to")."""
    if parse.predicates[number].voice != "noun":
        return ()
    return tuple({parse.clauses[p.clause].marker for p in parse.predicates
                  if p.governor == number and p.clause is not None and parse.clauses[p.clause].marker})


def _content_spans(parse: Parse, chosen: list[Pattern | None], topic_verbs: tuple[str, ...] = ()) \
        -> list[tuple[int, int]]:
    """The objects of demands, threats and refusals: event nouns inside them are what is asked, not what happened
    ("menyerukan gencatan senjata"); so are the topics of talk ("membahas kerja sama pertahanan kedua negara")."""
    spans = []
    for predicate, pattern in zip(parse.predicates, chosen, strict=True):
        if predicate.voice == "active" and predicate.text in topic_verbs:
            obj = predicate.slot("object")
            if obj is not None:
                spans.append((obj.start, obj.end))
            continue
        # (and what a signed document says: "signed an agreement, which allows the two militaries to …")
        if pattern is None or pattern.cameo is None or (plover_for(pattern.cameo) not in CONTENT_TYPES - {"ACCUSE"}
                                                        and pattern.cameo != SIGNED):
            continue
        obj = predicate.slot("object")
        if obj is not None:
            spans.append((obj.start, obj.end))
        elif pattern.cameo == SIGNED and predicate.voice == "noun":
            # "Penandatanganan nota kesepahaman kerja sama industri pertahanan antara Indonesia dan Turki": what
            # stands between the signing noun and its first phrase is the document signed
            after = [argument.start for _, argument in predicate.slots if argument.start > predicate.end]
            if after:
                spans.append((predicate.end, min(after)))
    return spans


def _on_background(text: str, parse: Parse, predicate: Predicate, background: tuple[str, ...]) -> bool:
    """"sebagai balasan atas sanksi yang terus dijatuhkan Washington", "amid sanctions that were imposed by …": a
    relative clause on a background noun tells the background too."""
    clause = parse.clauses[predicate.clause] if predicate.clause is not None else None
    if clause is None or clause.kind != "relative" or predicate.start < clause.start:
        return False
    words = text[max(parse.start, clause.start - 60):clause.start].lower().split()
    markers = [marker.split() for marker in background]
    for back in range(2, len(words) + 1):
        tail = words[-back:]
        # the marker, then at most four words of the noun phrase the clause is on
        if any(tail[:len(marker)] == marker and 0 < len(tail) - len(marker) <= 4 for marker in markers):
            return True
    return False


def _continuing(text: str, parse: Parse, predicate: Predicate, continuing: frozenset[str],
                habitual: frozenset[str] = frozenset()) -> bool:
    """"membebaskan warga sipil Ukraina yang masih ditahan di Rusia", "release the sailors still held by Iran": a
    relative clause that tells a state still lasting describes its noun; the act it names is no news of its own. A
    habit told in any clause is no news either ("Korea Utara selama ini mengecam latihan gabungan semacam itu",
    "Pyongyang has long condemned such drills")."""
    clause = parse.clauses[predicate.clause] if predicate.clause is not None else None
    if clause is None or predicate.voice == "noun":
        return False
    words = continuing if clause.kind == "relative" else habitual
    before = text[max(clause.start, predicate.start - 20):predicate.start].lower().split() if words else []
    if before and (before[-1] in words or " ".join(before[-2:]) in words or " ".join(before[-3:]) in words):
        return True
    # what a habit is for is done by habit too ("China routinely sends coast guard ships to harass …")
    if clause.kind != "purpose" or clause.parent is None or not habitual:
        return False
    parent = parse.clauses[clause.parent]
    told = text[parent.start:min(parent.end, clause.start)].lower().split()
    pairs = zip(told, [*told[1:], ""], strict=True)
    return any(word in habitual or f"{word} {after}" in habitual for word, after in pairs)


def _describes_content(parse: Parse, predicate: Predicate, content: list[tuple[int, int]],
                       signed: list[tuple[int, int]] = ()) -> bool:
    """"memveto rancangan resolusi yang menyerukan gencatan senjata", "rejected a plan that would cut …": a relative
    clause on what is asked for, refused or threatened tells what it says, not what happened."""
    if parse.clauses[predicate.clause].kind == "relative":
        subject = predicate.slot("subject")
        if subject is not None and subject.how == "antecedent" and any(a <= subject.start < b for a, b in content):
            return True
    # an act inside such a clause's own clauses, on a signed document ("an agreement, which allows the two
    # militaries to exchange fuel during joint training"): the relative clause opens right after the document
    clause: int | None = predicate.clause
    while signed and clause is not None:
        opened = parse.clauses[clause]
        if opened.kind == "relative" and any(a < opened.start <= b + 3 for a, b in signed):
            return True
        clause = opened.parent
    return False


def _not_new(text: str, parse: Parse, predicate: Predicate, background: tuple[str, ...],
             content: list[tuple[int, int]], reasons: tuple[str, ...] = (), determiners: tuple[str, ...] = ()) -> bool:
    """An event noun that is a background condition ("di tengah sanksi AS"), an event already told ("dalam
    pertemuan itu", "this visit"), or the content of a demand is no new event."""
    if any(a <= predicate.start < b for a, b in content):
        return True
    before = text[max(parse.start, predicate.start - 30):predicate.start].lower().rstrip()
    if before.endswith(background):
        return True
    last = before.split()[-2:] if before.split() else []
    if not predicate.light and any(w in reasons for w in last[-1:]) or (len(last) == 2 and last[0] in reasons
                                                                       and last[1] in determiners):
        return True                       # "berterima kasih atas bantuan", "thanked Japan for its support"
    after = text[predicate.end:predicate.end + 12].lower()
    return after.startswith((" itu", " tersebut", " ini")) or before.endswith(("this", "that", "these", "those"))


TRUCE = "0871"


def _standing_truce(text: str, parse: Parse, predicate: Predicate, pack) -> bool:
    """A truce named with a definite article and no verb that makes or starts it is the truce in force ("salvage
    the fragile truce between Israel and Hamas", "the ceasefire largely held"), no new act; "the ceasefire, which
    began on Friday" is."""
    definite = pack.words("standing_determiners")
    if predicate.light or not definite:
        return False
    before = text[max(parse.start, predicate.start - 30):predicate.start].lower().split()[-3:]
    if not any(word in definite for word in before):
        return False
    onset = pack.__dict__.get("_onset_verbs")
    if onset is None:
        onset = pack.__dict__["_onset_verbs"] = phrase_regex(tuple(pack.words("onset_verbs")))
    return onset.search(text, predicate.end, min(parse.end, predicate.end + 60)) is None


def _told_as_condition(text: str, parse: Parse, predicate: Predicate, conditions: frozenset[str]) -> bool:
    """Whether a verb of a changing quantity or state follows an event noun's phrase within its clause ("kerja sama
    perdagangan kedua negara terus tumbuh", "bilateral trade grew 10 percent"): the noun names a condition."""
    if not conditions:
        return False
    after = re.split(r"[,.;:!?\"“”()]", text[predicate.end:min(parse.end, predicate.end + 60)], maxsplit=1)[0]
    return any(word in conditions for word in after.lower().split()[:6])


def _committed_by_another(parse: Parse, predicate: Predicate, sources: list[Actor],
                          commitments: frozenset[str]) -> bool:
    """Whether the act a commitment verb governs is done by others than the one who commits ("Turki berjanji
    menjadi tuan rumah perundingan antara Rusia dan Ukraina")."""
    if predicate.governor is None:
        return False
    governor = parse.predicates[predicate.governor]
    if governor.text not in commitments and governor.text.split()[0] not in commitments:
        return False
    committer = governor.slot("subject")
    committing = {a.code for a in committer.actors} if committer is not None else set()
    return bool(committing) and not committing & {a.code for a in sources}


def _history(parse: Parse, predicate: Predicate, day: str | None, precision: str, published: date | None) -> bool:
    """"setelah mencaplok Krimea pada 2014": history told in a subordinate clause as background, not news."""
    if precision not in ("month", "year") or not published or not day or int(day[:4]) >= published.year:
        return False
    clause: int | None = predicate.clause
    while clause is not None:
        if parse.clauses[clause].kind in HISTORY_CLAUSES:
            return True
        clause = parse.clauses[clause].parent
    return predicate.voice == "noun"


def _ongoing_since(text: str, parse: Parse, predicate: Predicate, published: date | None, pack) -> bool:
    """An act told as going on since an earlier year ("Korea Utara telah melakukan puluhan uji coba rudal sejak 2022
    dan …", "has conducted dozens of missile tests since 2022"): a record over years, background, not news."""
    if published is None:
        return False
    regex = pack.__dict__.get("_since_year")
    if regex is None:
        words = "|".join(map(re.escape, pack.words("since_words"))) or "(?!)"
        regex = pack.__dict__["_since_year"] = re.compile(
            rf"(?<!\w)(?:{words})\s+(?:[^\W\d]+\s+)?((?:19|20)\d\d)(?!\d)", re.IGNORECASE)
    # the record is told in the act's own clause or one it hangs in (not in a quotation or a relative clause of its
    # own: "meminta pembebasan jurnalis yang dipenjara di China sejak 2020" asks now)
    ancestry = _ancestry(parse, predicate)
    since = pack.words("since_words")
    for found in regex.finditer(text, parse.start, parse.end):
        told = _innermost_clause(parse, found.start())
        if told is not None and parse.clauses[told].marker.lower() in since \
                and parse.clauses[told].start == found.start():
            told = parse.clauses[told].parent       # ("sejak 2022 dan …" read as a clause of its own: its date)
        if int(found.group(1)) < published.year and told in ancestry \
                and _told_of_act(text, parse, predicate, found.start(), pack):
            return True
    return False


def _ancestry(parse: Parse, predicate: Predicate) -> set[int]:
    """The predicate's clause and the clauses it hangs in."""
    ancestry: set[int] = set()
    clause: int | None = predicate.clause
    while clause is not None and clause not in ancestry:
        ancestry.add(clause)
        clause = parse.clauses[clause].parent
    return ancestry


def _told_of_act(text: str, parse: Parse, predicate: Predicate, offset: int, pack) -> bool:
    """Whether a time phrase at `offset` tells of the predicate's own act (the verb nearest before it) and no record
    broken comes before it ("pertama kalinya sejak 1996", "the first visit for decades": news)."""
    if not _nearest_verb_before(text, parse, predicate, offset, pack):
        return False
    superlatives = pack.words("since_superlatives")
    before = text[max(parse.start, offset - 70):offset].lower().split()
    return not any(word in superlatives or f"{word} {after}" in superlatives
                   for word, after in zip(before, [*before[1:], ""], strict=True))


def _lasting(text: str, parse: Parse, predicate: Predicate, pack) -> bool:
    """An act told as lasting for years ("Armenia and Azerbaijan fought for decades", "Israel telah menduduki wilayah
    itu selama 57 tahun"): a state that lasts, background, not news; a record told with it is news ("the first visit
    for decades")."""
    regex = pack.__dict__.get("_lasting")
    if regex is None:
        numbers = "|".join(map(re.escape, sorted(pack.words("duration_numbers"), key=len, reverse=True)))
        number = rf"(?:\d\d+|{numbers})" if numbers else r"\d\d+"
        phrases = "|".join(re.escape(p).replace("\\#", number).replace("#", number) for p in
                           sorted(pack.words("lasting_durations"), key=len, reverse=True)) or "(?!)"
        regex = pack.__dict__["_lasting"] = re.compile(rf"(?<!\w)(?:{phrases})(?!\w)", re.IGNORECASE)
    ancestry = _ancestry(parse, predicate)
    return any(_innermost_clause(parse, found.start()) in ancestry
               and _told_of_act(text, parse, predicate, found.start(), pack)
               for found in regex.finditer(text, predicate.end, parse.end))    # (the act's own duration follows it)


def _participles(pack) -> re.Pattern[str]:
    """Words formed as participles by the grammar's affixes (English "-ed", Indonesian "di-"), which a rule cannot
    see as verbs where no pattern lists them ("citizens held in China since 2018", "yang ditahan sejak 2018")."""
    cached = pack.__dict__.get("_participles")
    if cached is None:
        prefixes = "|".join(map(re.escape, pack.words("participle_prefixes")))
        suffixes = "|".join(map(re.escape, pack.words("participle_suffixes")))
        forms = [f"(?:{prefixes})\\w{{3,}}" if prefixes else "", f"\\w+(?:{suffixes})" if suffixes else ""]
        alternation = "|".join(f for f in forms if f) or "(?!)"
        cached = pack.__dict__["_participles"] = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)
    return cached


def _nearest_verb_before(text: str, parse: Parse, predicate: Predicate, offset: int, pack) -> bool:
    """Whether the predicate (a noun through its light verb) is the verb nearest before `offset`, with no participle
    between them: what a date phrase there tells is its ("telah melakukan puluhan uji coba rudal sejak 2022", not
    "the release of two citizens held in China since 2018")."""
    verbs = [p for p in parse.predicates if p.voice != "noun" and p.end <= offset]
    anchor = predicate
    if predicate.voice == "noun" and predicate.light:
        anchor = next((p for p in reversed(verbs) if p.end <= predicate.start and p.text == predicate.light), predicate)
    if verbs and verbs[-1].start > anchor.start:
        return False
    return _participles(pack).search(text, anchor.end, offset) is None


def _innermost_clause(parse: Parse, offset: int) -> int | None:
    """The innermost clause of the sentence that holds `offset`: of those holding it, the one that opens last, the
    shorter of two that open together (a quotation that opens its sentence)."""
    holding = [n for n, c in enumerate(parse.clauses) if c.start <= offset < c.end]
    return max(holding, key=lambda n: (parse.clauses[n].start, parse.clauses[n].start - parse.clauses[n].end)) \
        if holding else None


def _background_noun(text: str, parse: Parse, predicate: Predicate, published: date | None, pack) -> bool:
    """An act named by a noun as a point in the past: after "since"/"sejak" ("their first meeting since Moscow's
    invasion of Ukraine", "sejak invasi Rusia"), or with an earlier year of its own ("the invasion of Ukraine in
    2022"), is background, not news."""
    if predicate.voice != "noun":
        return False
    before = text[max(parse.start, predicate.start - 45):predicate.start].lower().split()
    if any(word in pack.words("since_words") for word in before[-5:]):
        return True
    if published is None:
        return False
    year_after = pack.__dict__.get("_year_after")
    if year_after is None:
        words = "|".join(re.escape(w) for w in pack.words("year_words_of_act") or ("in",))
        year_after = pack.__dict__["_year_after"] = re.compile(rf"[^,.;:]{{0,60}}?\b(?:{words})\s+((?:19|20)\d\d)\b")
    found = year_after.match(text, predicate.end, parse.end)
    return found is not None and int(found.group(1)) < published.year


def day_or_none(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
