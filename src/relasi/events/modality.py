"""Modality and factuality from the clause: whether an act is told as done, planned, promised, imagined or denied.

- The content of a demand, threat, refusal or accusation has not happened ("mendesak Israel menghentikan serangan",
  "accused Russia of shelling"): it is no event of its own.
- A conditional clause, or one inside it, is hypothetical; a threat stays a threat ("jika …, kami akan membalas").
- An act governed by a plan ("berencana", "dijadwalkan", "plans to", "is expected to") is intended; one governed by a
  denial ("membantah", "denied") is denied; one governed by a failure ("gagal", "failed to") did not happen.
- An actor's own commitment ("berjanji", "sepakat untuk", "pledged to"; "akan"/"will" said by the actor itself) turns
  a cooperative act into AGREE 03x and a hostile one into THREATEN 13x, counted; "akan"/"will" in the writer's voice
  is a plan.
- Negation applies to its own clause only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from relasi.events.cameo import plover_for
from relasi.model import Parse, Predicate

# A commitment to do X is coded as intent (CAMEO 03x) or threat (13x): the CAMEO root of X → the code.
MEDIATE, OFFER_TO_MEDIATE = "045", "039"
# (not a statement's 01: "will comment later" promises no cooperation)
PROMISE_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "03": "030"}
THREAT_CODES = {"15": "138", "16": "1312", "17": "137", "18": "138", "19": "138", "20": "138", "14": "133",
                "12": "130", "11": "130", "13": "130", "10": "130", "09": "130"}
# A refusal to do X is a rejection (CAMEO 12x): the CAMEO root of X → the code.
# (not a statement's 01: "would not comment" rejects nothing)
REFUSAL_CODES = {"03": "127", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124", "02": "120"}
# The content of these is not an event of its own.
CONTENT_TYPES = frozenset({"REQUEST", "THREATEN", "REJECT", "ACCUSE"})


def _appositive_denial(makers: tuple[str, ...]) -> re.Pattern[str] | None:
    """", an accusation Baku denied", ", a charge Tehran rejects": a denial set off after a statement's noun (the
    grammar's `maker_nouns`) comments on it. None where the language lists no such nouns."""
    if not makers:
        return None
    nouns = "|".join(re.escape(m) for m in sorted(makers, key=len, reverse=True))
    return re.compile(rf",\s+(?:an?\s+|the\s+)?(?:{nouns})\s+(?:that\s+|which\s+)?[A-Z][\w'’.\-]*"
                      r"(?:\s+[A-Z][\w'’.\-]*)*\s+(?:has\s+|had\s+|have\s+)?(?:strongly\s+|firmly\s+|flatly\s+)?$")


@dataclass(frozen=True, slots=True)
class Factuality:
    modality: str                     # asserted, intended, denied, hypothetical
    negated: bool
    cameo: str


@dataclass(frozen=True)
class _Words:
    plan: re.Pattern[str]
    hypothetical: re.Pattern[str]
    commitment: re.Pattern[str]
    future: re.Pattern[str]
    denial: re.Pattern[str]
    failure: re.Pattern[str]
    deontic: re.Pattern[str]
    possibility: re.Pattern[str]
    future_time: re.Pattern[str]
    negators: re.Pattern[str]
    refusal: re.Pattern[str]
    plan_heads: frozenset[str]
    refusal_heads: frozenset[str]
    commitment_heads: frozenset[str]
    denial_heads: frozenset[str]
    failure_heads: frozenset[str]
    cancelling: re.Pattern[str]
    adopting: frozenset[str]            # light verbs that adopt the measure their noun names ("agreed sanctions")
    not_yet: re.Pattern[str]            # a negation that leaves the act to come ("belum menyepakati", "has yet to")
    scheduled: re.Pattern[str]          # after an event noun: it is still to come ("latihan yang dijadwalkan dimulai")
    idioms: re.Pattern[str]             # set phrases whose negator negates nothing ("tidak akan berhenti")
    scheduling: frozenset[str]          # plan words that only fix a time ("menjadwalkan"): a commitment may govern them
    cancelling_after: re.Pattern[str]   # cancelling words that may follow their noun ("kunjungan … dibatalkan")
    performative: re.Pattern[str]       # "ingin", "would like to": a speaker's thanks said in wanting to say it
    appositive_denial: re.Pattern[str] | None   # ", a charge Tehran denied": a denial commenting on a statement
    upcoming: re.Pattern[str]           # before an event noun: it is still to come ("the next round of talks")
    presupposing: re.Pattern[str]       # a condition that goes on with an act presupposes it ("if X continues its …")
    offers: frozenset[str]              # verbs of offering or proposing ("proposed a ceasefire": not in force)
    causes: re.Pattern[str]             # prepositions of cause: what follows them is no object of a cancelling word


def phrase_regex(words: tuple[str, ...], folded: bool = True) -> re.Pattern[str]:
    """Any of `words` as whole words, case folded unless `folded` is False (the modal "may", not the month "May"); a
    pattern that matches nothing for no words."""
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE if folded else 0)


def _heads(words: tuple[str, ...], auxiliaries: frozenset[str]) -> frozenset[str]:
    """The words that govern a complement: single words, and the first word of two-word phrases ("plans" of
    "plans to"), but not an auxiliary ("is" of "is expected to"); a longer phrase is an idiom of its own ("stopped
    short of": "stopped" alone fails at nothing)."""
    return frozenset(w.split()[0] for w in words if len(w.split()) == 2 and w.split()[0] not in auxiliaries) \
        | frozenset(words)


@lru_cache(maxsize=8)
def _compiled(key: tuple) -> _Words:
    plan, commitment, offers, future, denial, failure, hypothetical, refusal, deontic, possibility, future_time, \
        negators, cancelling, adopting, not_yet, scheduled, idioms, scheduling, cancelling_after, performative, \
        makers, upcoming, presupposing, causes, auxiliaries = key
    commitment = tuple(w for w in commitment if w not in future)
    aux = frozenset(auxiliaries)
    rx = phrase_regex
    return _Words(rx(plan), rx(tuple(w for w in hypothetical if " " in w)), rx(commitment), rx(future), rx(denial),
                  rx(failure), rx(deontic), rx(possibility, folded=False), rx(future_time), rx(negators), rx(refusal),
                  _heads(plan, aux), _heads(refusal, aux), _heads(commitment, aux) | frozenset(offers),
                  _heads(denial, aux), _heads(failure, aux), rx(cancelling), frozenset(adopting), rx(not_yet),
                  rx(scheduled), rx(idioms), frozenset(scheduling), rx(cancelling_after or cancelling),
                  rx(performative), _appositive_denial(makers), rx(upcoming), rx(presupposing), frozenset(offers),
                  rx(causes))


def words_of(pack) -> _Words:
    cached = pack.__dict__.get("_modality_words")
    if cached is None:
        from relasi.clauses.words import BE, compile_words

        phrases = compile_words(pack).phrases
        auxiliaries = tuple(sorted(w[0] for w, classes in phrases.items() if len(w) == 1 and any(
            c.kind == BE for c in classes)))
        names = ("plan", "commitment", "offers", "future", "denial", "failure", "hypothetical", "refusal", "deontic",
                 "possibility", "future_time", "negators", "cancelling", "adopting", "not_yet", "scheduled_after",
                 "not_negating", "scheduling", "cancelling_after", "performative", "maker_nouns", "upcoming",
                 "presupposing", "cause_prepositions")
        cached = _compiled((*(pack.words(name) for name in names), auxiliaries))
        pack.__dict__["_modality_words"] = cached
    return cached


def factuality(text: str, parse: Parse, index: int, cameo: str, governor_cameo: str | None, pack,
               own_speech: bool, governor_told: Factuality | None = None) -> Factuality | None:
    """How predicate `index` of `parse` is told, or None when it is the content of another act.

    `governor_cameo` and `governor_told`: the code and the reading of the event word whose complement or purpose it
    is; `own_speech`: the clause is said by its own subject (a quotation of the actor, the complement of the actor's
    speech verb)."""
    predicate = parse.predicates[index]
    words = words_of(pack)
    negated = predicate.negated or _none_of_them(text, predicate, pack)
    governor_plover = plover_for(governor_cameo) if governor_cameo else None
    governor = parse.predicates[predicate.governor] if predicate.governor is not None else None
    if governor is not None and (governor_plover == "ACCUSE" or (
            governor.voice == "noun" and governor_plover not in CONTENT_TYPES)) and _denied(parse, governor, words):
        # "Rusia membantah tuduhan Ukraina bahwa pasukannya menyerang …", "dismissed claims that …": the act the
        # denied accusation or report names
        return Factuality("denied", negated, cameo)
    if cameo == "016" and words.appositive_denial is not None \
            and words.appositive_denial.search(text, parse.start, predicate.start):
        # "accused Azerbaijani forces of opening fire, an accusation Baku denied": the denial answers the accusation,
        # it is no part of what is alleged
        return Factuality("asserted", predicate.negated, cameo)
    if governor_plover in CONTENT_TYPES and governor_cameo != "016" and predicate.governor is not None \
            and not (governor_cameo == "114" and parse.clauses[predicate.clause].kind == "purpose"
                     and plover_for(cameo) == "REQUEST"):
        # (what an envoy is summoned for is done too: "memanggil Duta Besar Australia untuk meminta penjelasan")
        return None
    if _denied_content(parse, predicate, words) or (governor is not None and _is_denial(governor.governed_by, words)):
        # what a denied report says ("denied reports that …"), or what one denies having said
        return Factuality("denied", negated, cameo)
    governed_by = predicate.governed_by
    if governed_by and (governed_by in words.refusal_heads or governed_by.split()[0] in words.refusal_heads) \
            and cameo[:2] in REFUSAL_CODES:
        # "Rusia menolak untuk menarik pasukannya", "Israel declined to attend": the refusal is the event
        return Factuality("asserted", False, REFUSAL_CODES[cameo[:2]])
    if governor_plover == "CONSULT" and cameo[:2] == "08" and parse.clauses[predicate.clause].kind == "purpose":
        # "held talks to defuse the standoff", "perundingan guna meredakan ketegangan": what talks are held for is
        # their aim, not yet done
        return Factuality("intended", negated, cameo)
    chain = _chain(parse, predicate.clause)
    window = _window(text, parse, predicate)
    modality, commitment = "asserted", False
    if governed_by and words.cancelling.fullmatch(governed_by):
        negated = True          # "menghentikan baku tembak", "membatalkan kunjungan …": stopped or called off
    if predicate.voice == "noun" and (_cancelled_before(words, _before(text, parse, predicate))
                                      or words.cancelling_after.search(_rest_of_clause(text, parse, predicate))):
        negated = True          # "postponed his trip to Beijing", "kunjungan … ke Beijing batal": it did not happen
    if governor_cameo == "016" or _says(words.denial, words.denial_heads, governed_by, _own_phrase(window)):
        modality = "denied"
    elif _says(words.failure, words.failure_heads, governed_by if _heads_its_clause(parse, predicate) else "",
               window if predicate.voice != "noun" else ""):
        negated = True                 # "gagal menyepakati …"; not the act a failed verb's object names
    elif _says(words.plan, words.plan_heads, governed_by, window) and not _committed_to_plan(words, window):
        modality = "intended"
    elif governor_plover == "AGREE" or _says(words.commitment, words.commitment_heads, governed_by, window) \
            or _committed_to_plan(words, window):
        commitment = True
    elif predicate.voice == "noun" and (_scheduled_after(text, parse, predicate, words.scheduled)
                                        or bool(words.upcoming.search(_modifiers(text, parse, predicate)))):
        modality = "intended"   # "latihan gabungan … yang dijadwalkan dimulai pekan depan", "talks scheduled for …"
    elif predicate.voice == "noun" and _offered(parse, predicate, words.offers):
        modality = "intended"   # "proposed a 30-day ceasefire between Russia and Ukraine": offered, not in force
    elif words.future.search(window) or words.future_time.search(_rest_of_clause(text, parse, predicate)):
        # "akan berkunjung", "melawat ke Jakarta pekan depan", "visits Jakarta next week"
        commitment = own_speech
        modality = "asserted" if own_speech else "intended"
    # "tidak bersedia mencabut sanksi", "does not want to negotiate", "is not ready to lift": a willingness denied
    # ("tidak akan berhenti mendukung", "will not hesitate to": a set phrase's negator negates nothing)
    # (the negator of a verb phrase before "dan"/"and" is that phrase's: "tidak akan tinggal diam dan akan mengirim
    # bantuan")
    own_window = _COORDINATOR.split(window)[-1]
    unwilling = predicate.voice != "noun" and (
        (commitment and bool(words.negators.search(words.idioms.sub(" ", own_window))))
        or bool(words.refusal.search(own_window)))
    if (negated or unwilling) and (commitment or unwilling or words.future.search(window)) \
            and cameo[:2] in REFUSAL_CODES and (unwilling or not words.not_yet.search(window)) \
            and modality in ("asserted", "intended"):
        # "Kyiv would never accept such terms", "Israel tidak akan menghadiri perundingan": a refusal ("belum
        # bersedia" too, but not "belum menyepakati jadwal pertemuan": what is not agreed yet may still be)
        return Factuality("asserted", False, REFUSAL_CODES[cameo[:2]])
    negated = negated or unwilling                   # "reluctant to condemn": not condemned
    if _under_refusal(parse, governor, words):
        negated = True          # "refused to allow the ASEAN envoy to meet Suu Kyi": what a refused act leads to
    clause = parse.clauses[predicate.clause]
    heads = [other for other in parse.predicates if other.clause == clause.parent and other.voice != "noun"
             and other.end <= clause.start]
    if modality == "asserted" and not commitment and clause.kind == "temporal" and heads \
            and all(words.future.search(_window(text, parse, other))
                    and not _says(words.commitment, words.commitment_heads, other.governed_by, "")
                    for other in heads):
        # "keputusan akan diambil setelah Wellington berkonsultasi dengan Australia": what a coming act waits for
        # has not happened yet
        return Factuality("intended", negated, cameo)
    if governor_told is None and governor is not None and modality == "asserted" and not commitment \
            and parse.clauses[predicate.clause].kind == "purpose" \
            and _says(words.plan, words.plan_heads, governor.governed_by, _window(text, parse, governor)):
        # "berencana mengirim delegasi ke Washington untuk bernegosiasi", "plans to send envoys to negotiate": the
        # purpose of a planned act that is no event itself is planned too
        return Factuality("intended", negated, cameo)
    if governor_told is not None and governor_told.modality in ("intended", "hypothetical") \
            and modality == "asserted" and not commitment:
        # "dijadwalkan berkunjung … untuk bertemu Xi": the purpose of a planned act is planned too
        return Factuality(governor_told.modality, negated, cameo)
    hostile = plover_for(cameo) == "THREATEN" or (commitment or own_speech) and cameo[:2] in THREAT_CODES
    counterfactual = " " in window.strip() and bool(words.hypothetical.search(window))   # "would have renewed"
    # "harus menarik pasukannya", "must not let them occupy": what ought to be done has not been done
    # (but "we must call on Israel to comply …", "kita harus mendesak …": a speaker who says they must ask, asks)
    counterfactual = counterfactual or (bool(words.deontic.search(window))
                                        and not (own_speech and plover_for(cameo) == "REQUEST"))
    # "may impose sanctions", "is unlikely to cut ties", "mungkin akan memutuskan hubungan": only possible, not done
    counterfactual = counterfactual or bool(words.possibility.search(window))
    # what a condition names is only supposed, hostile or not ("… akan membalas jika Seoul melakukan "provokasi" …"),
    # unless the condition is that it goes on ("if the Philippines continues its provocations": they are told as
    # happening)
    supposed = "conditional" in chain and not (hostile and words.presupposing.search(
        f"{window} {predicate.light} {predicate.governed_by}"))
    if supposed or (_consequent(parse, predicate) or counterfactual) and not hostile:
        # "Jika AS menyerang Iran, …", "Seandainya jalur darat dibuka, Yordania bisa mengirim …"
        return Factuality("hypothetical", negated, cameo)
    supposed_own = bool(words.possibility.search(_COORDINATOR.split(window)[-1]))
    if (_consequent(parse, predicate) or supposed_own and own_speech) and hostile and not commitment \
            and not negated and modality == "asserted" and plover_for(cameo) != "THREATEN" \
            and cameo[:2] in THREAT_CODES:
        # (so is one its own side says it could or might do: "Medvedev said Russia could strike Kyiv's …")
        # "Indonesia tidak segan-segan memanggil duta besar China jika pelanggaran terus terjadi": a hostile act its
        # own side sets on a condition is a threat
        return Factuality("asserted", negated, THREAT_CODES[cameo[:2]])
    if commitment and modality == "asserted":
        root = cameo[:2]
        if root == "08" and predicate.voice == "noun" and predicate.light \
                and predicate.light.split(" ")[0] not in words.offers:
            # "menyepakati gencatan senjata", "agreed to a ceasefire": an agreed ceasefire or withdrawal is the act
            # (an offered one is a promise: "menawarkan penghapusan tarif")
            return Factuality("asserted", negated, cameo)
        if root == "16" and predicate.voice == "noun" and predicate.light.split(" ")[0] in words.adopting:
            # "menyepakati paket sanksi baru", "agreed a new package of sanctions": a measure agreed is adopted
            return Factuality("asserted", negated, cameo)
        if root == "05" and own_speech and words.performative.search(window):
            # "Saya ingin menyampaikan terima kasih kepada …", "I would like to thank …": thanks and praise said in
            # wanting to say them are said
            return Factuality("asserted", negated, cameo)
        if cameo == MEDIATE:
            return Factuality("asserted", negated, OFFER_TO_MEDIATE)   # "offered to mediate", "menawarkan diri …"
        if root == "02":
            # "Kemlu akan meminta klarifikasi dari Kedubes China", "will ask Beijing to explain": a request still to
            # be made is planned, no promise to cooperate
            return Factuality("intended", negated, cameo)
        if root in PROMISE_CODES:
            return Factuality("asserted", negated, cameo if root in ("03",) else PROMISE_CODES[root])
        if root in THREAT_CODES and (predicate.voice != "noun" or predicate.light
                                     or window.rstrip().lower().endswith(tuple(pack.words("means_prepositions")))):
            # a noun no light verb carries is no promised act ("kami akan bermitra untuk mengatasi provokasi DPRK":
            # the provocations are North Korea's, not a threat of the speaker's), unless it is the means of the
            # promised act ("Rusia akan membalas dengan sanksi": a threat of sanctions)
            return Factuality("asserted", negated, cameo if root == "13" else THREAT_CODES[root])
    return Factuality(modality, negated, cameo)


def _under_refusal(parse: Parse, governor: Predicate | None, words: _Words) -> bool:
    """Whether the act that governs a predicate is itself governed by a refusal ("menolak memberikan izin …
    untuk bertemu", "refused to allow … to meet"): then neither happened."""
    for _ in range(2):
        if governor is None or not governor.governed_by:
            return False
        said = governor.governed_by
        if said in words.refusal_heads or said.split()[0] in words.refusal_heads:
            return True
        governor = parse.predicates[governor.governor] if governor.governor is not None else None
    return False


def _none_of_them(text: str, predicate: Predicate, pack) -> bool:
    """Whether the predicate's subject is told as none ("tidak ada nelayan Vietnam yang ditahan …", "no Vietnamese
    fishermen had been detained"): what no one did or underwent did not happen."""
    subject = predicate.slot("subject")
    if subject is None or subject.end <= subject.start or not subject.actors:
        return False                # (people or states: "had no interest in …" is no subject of a later verb)
    regex = pack.__dict__.get("_none_of_them")
    if regex is None:
        regex = pack.__dict__["_none_of_them"] = phrase_regex(pack.words("existential_negators"))
    before = text[max(0, subject.start - 15):subject.start].rstrip()
    said = text[subject.start:subject.end]
    return any(found.end() == len(before) for found in regex.finditer(before)) \
        or (found := regex.match(said)) is not None and found.end() < len(said)


def _denied(parse: Parse, accusation: Predicate, words: _Words) -> bool:
    """Whether an accusation is the object of a denial ("membantah tuduhan …", "denied allegations that …")."""
    for predicate in parse.predicates:
        obj = predicate.slot("object")
        if obj is not None and obj.start <= accusation.start < obj.end and _is_denial(predicate.text, words):
            return True
    return False


def _is_denial(word: str, words: _Words) -> bool:
    """Whether a verb ("membantah", "dismissed") or the first word of a phrase is one of denial."""
    return bool(word) and (word in words.denial_heads or word.split()[0] in words.denial_heads)


def _denied_content(parse: Parse, predicate: Predicate, words: _Words) -> bool:
    """Whether the predicate's clause tells what a denied noun says: "membantah klaim Inggris bahwa …", "membantah
    kabar yang menyebut …", "denied reports that …" (the clause, or the one it hangs on, opens right after the object
    of a denial)."""
    clause_index = predicate.clause
    for _ in range(2):
        clause = parse.clauses[clause_index]
        if clause.kind not in ("complement", "relative") or clause.parent is None:
            return False
        # "rejected media reports saying …": a clause a speech participle right after the object opens
        teller = parse.predicates[predicate.governor] if clause_index == predicate.clause \
            and predicate.governor is not None else None
        for other in parse.predicates:
            obj = other.slot("object") if other.clause == clause.parent else None
            if obj is None or not _is_denial(other.text, words):
                continue
            # "dismissed reports by Western media that …": the reports' makers between them and their content
            makers = next((a for name in ("by", "from", "oleh", "dari") if (a := other.slot(name)) is not None
                           and 0 <= a.start - obj.end <= 5), None)
            end = makers.end if makers is not None else obj.end
            if 0 <= clause.start - end <= 2 or teller is not None and teller.voice == "active" \
                    and teller.clause == clause.parent and 0 <= teller.start - obj.end <= 2:
                return True
        clause_index = clause.parent
    return False


def _consequent(parse: Parse, predicate: Predicate) -> bool:
    """Whether the predicate's clause is the consequent of a condition attached to it ("Jika …, X akan …")."""
    clause = predicate.clause
    return parse.clauses[clause].kind in ("main", "complement", "quote") and any(
        c.kind == "conditional" and c.parent == clause for c in parse.clauses)


def _heads_its_clause(parse: Parse, predicate: Predicate) -> bool:
    """Whether no verb comes before the predicate in its clause: what governs the clause governs it, not a noun
    inside that verb's object ("enggan mengutuk invasi Rusia": the invasion is not what is refused)."""
    return predicate.voice != "noun" or not any(
        other.clause == predicate.clause and other.start < predicate.start and other.voice != "noun"
        for other in parse.predicates)


def _says(regex: re.Pattern[str], heads: frozenset[str], governed_by: str, window: str) -> bool:
    return bool(governed_by and (governed_by in heads or governed_by.split()[0] in heads)) or bool(
        regex.search(window))


def _chain(parse: Parse, clause: int | None) -> list[str]:
    kinds: list[str] = []
    while clause is not None:
        kinds.append(parse.clauses[clause].kind)
        clause = parse.clauses[clause].parent
    return kinds


def _rest_of_clause(text: str, parse: Parse, predicate: Predicate) -> str:
    """The predicate's clause from the predicate on, up to the next comma or the clause it governs: where a time
    to come is told ("asked China to roll over loans maturing next month": next month is the loans')."""
    end = parse.clauses[predicate.clause].end if predicate.clause is not None else parse.end
    if predicate.clause is not None:
        end = min([end, *(c.start for c in parse.clauses if c.parent == predicate.clause and c.start >= predicate.end)])
    rest = text[predicate.end:end]
    cut = rest.find(",")
    return rest[:cut] if cut >= 0 else rest


_NAME_AFTER = re.compile(r"(?:\s+[A-Z][\w'’-]*)+(?=\s+[a-z])")


def _scheduled_after(text: str, parse: Parse, predicate: Predicate, scheduled: re.Pattern[str]) -> bool:
    """Whether the noun's phrase is followed by a schedule ("… yang dijadwalkan dimulai pekan depan"), also where
    the phrase's last slot took in the participle that opens it ("between South Korea and the United States
    scheduled to begin …")."""
    end = _phrase_end(text, parse, predicate)
    rest = text[end:min(parse.end, end + 60)].lstrip()
    rest = rest[1:].lstrip() if rest.startswith(",") else rest      # "…, set to begin in July"
    cut = rest.find(",")
    if scheduled.match(rest[:cut] if cut >= 0 else rest):
        return True
    last = _LAST_WORD.search(text, predicate.end, end)
    return last is not None and scheduled.match(text, last.start(), min(parse.end, last.start() + 60)) is not None


_LAST_WORD = re.compile(r"\w+\s*$")
_COORDINATOR = re.compile(r"\s(?:dan|serta|and|but|tetapi|namun)\s", re.IGNORECASE)
_NAME_AFTER = re.compile(r"(?:\s+[A-Z][\w'’-]*)+(?=\s+[a-z])")


def _phrase_end(text: str, parse: Parse, predicate: Predicate) -> int:
    """Where an event noun's phrase ends: past a name right after it ("latihan gabungan Ulchi Freedom Shield") and
    the slots that follow one another from it ("antara Korea Selatan dan AS")."""
    end = predicate.end
    named = _NAME_AFTER.match(text, end, parse.end)
    end = named.end() if named else end
    for argument in sorted((argument for _, argument in predicate.slots), key=lambda argument: argument.start):
        if predicate.end <= argument.start <= end + 12:     # (a name after the noun may open a slot too:
            end = max(end, argument.end)                     # "latihan gabungan Indonesia dan Australia")
    return end


def _offered(parse: Parse, predicate: Predicate, offers: frozenset[str]) -> bool:
    """Whether an event noun is what a verb of offering or proposing offers: its light verb, or the object of such a
    verb ("mengusulkan gencatan senjata 30 hari antara Rusia dan Ukraina")."""
    if predicate.light.split(" ")[0] in offers:
        return True
    return any(other.text.split(" ")[0] in offers and (found := other.slot("object")) is not None
               and found.start <= predicate.start < found.end for other in parse.predicates if other is not predicate)


def _modifiers(text: str, parse: Parse, predicate: Predicate) -> str:
    """The three words before an event noun, within its phrase: where "next" or "upcoming" stands ("the next round
    of talks")."""
    return " ".join(_before(text, parse, predicate).split()[-3:])


def _before(text: str, parse: Parse, predicate: Predicate) -> str:
    """The few words before the predicate back to the last comma: "postponed his trip", whoever owns the trip."""
    before = text[max(parse.start, predicate.start - 40):predicate.start]
    return before[before.rfind(",") + 1:]


def _cancelled_before(words: _Words, before: str) -> bool:
    """A cancelling word before a noun cancels it, unless a preposition of cause comes between ("dihentikan … atas
    permintaan Qatar", "halted … at the request of Qatar": the request is what made it stop)."""
    ends = [match.end() for match in words.cancelling.finditer(before)]
    return bool(ends) and not words.causes.search(before, ends[-1])


_COORDINATED = re.compile(r"\b(?:and|but|dan|serta|tetapi|namun)\s", re.IGNORECASE)


def _committed_to_plan(words: _Words, window: str) -> bool:
    """"berjanji akan menjadwalkan kunjungan", "promised to schedule a visit": a commitment word before a word of
    scheduling commits its subject to the act it schedules (not "pledged to consider sending aid")."""
    plan = words.plan.search(window)
    commitment = words.commitment.search(window)
    return plan is not None and commitment is not None and commitment.end() <= plan.start() \
        and plan.group().lower() in words.scheduling


def _own_phrase(window: str) -> str:
    """The window from its last coordinator on: "denied the accusations and urged …" denies nothing it urges (a
    denial, unlike "akan"/"will", does not reach over "and" to the next verb)."""
    ends = [found.end() for found in _COORDINATED.finditer(window)]
    return window[ends[-1]:] if ends else window


def _window(text: str, parse: Parse, predicate: Predicate) -> str:
    """The words just before the predicate, back to its subject or the last comma or quotation mark: where "akan",
    "berencana", "will", "plans to" stand ("mengatakan akan memberikan bantuan")."""
    start = max(parse.start, predicate.start - 45)
    subject = predicate.slot("subject") or predicate.slot("possessor")
    if subject is not None and subject.end > subject.start and start <= subject.end <= predicate.start:
        start = subject.end
    window = text[start:predicate.start]
    # a verb joined to one before it: what stood in that verb's object does not govern it ("mengecam rencana Israel
    # mencaplok Tepi Barat dan mendesak …": the plan is Israel's; but "akan mengirim bantuan dan membangun …")
    before = [p for p in parse.predicates if p.voice != "noun" and p.clause == predicate.clause
              and p.end <= predicate.start]
    if before:
        joints = list(_COORDINATOR.finditer(text, before[-1].end, predicate.start))
        if joints and len(text[joints[-1].end():predicate.start].split()) <= 2:
            window = text[start:max(start, before[-1].start)] + " " + text[joints[-1].end():predicate.start]
    cut = max(window.rfind(","), window.rfind(";"), window.rfind(":"), window.rfind("\""), window.rfind("“"),
              window.rfind("”"))
    return window[cut + 1:] if cut >= 0 else window
