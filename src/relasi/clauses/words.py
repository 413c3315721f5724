"""The function words of a language pack, compiled once for the clause step.

Everything here is read from `grammar.yaml` (and the lexicon's verb forms): the mechanism is shared by every
language, the words are data. `Words.classify` looks up a run of tokens and says what it is: a preposition, a
clause opener of some kind, a coordinator, a determiner, an adverb that may stand between a subject and its verb, a
negator, a speech verb, a light verb, a pronoun, or a verb that no event pattern lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

# Word classes (Item.kind in tokens.py).
PREP, OPEN, COORD, DET, ADV, NEG, SPEECH_BEFORE, SPEECH_AFTER, LIGHT, VERB, PRON, DEMO, BE = (
    "prep", "open", "coord", "det", "adv", "neg", "speech_before", "speech_after", "light", "verb", "pron", "demo",
    "be")


@dataclass(frozen=True, slots=True)
class WordClass:
    kind: str
    word: str                # the phrase as listed, lower case
    role: str = ""           # the clause kind of an opener, the kind of a pronoun


@dataclass
class Words:
    lang: str
    # phrase (tuple of lower-case words) -> its classes, most specific first
    phrases: dict[tuple[str, ...], list[WordClass]] = field(default_factory=dict)
    longest: int = 1
    first_lengths: dict[str, int] = field(default_factory=dict)   # first word -> its longest phrase (lookup's index)
    # a one-word phrase -> its classes and the set of their kinds (Item.kinds), for the tokenizer's common case
    single: dict[str, tuple[list[WordClass], frozenset[str]]] = field(default_factory=dict)
    # first word -> the lengths of its phrases, longest first (lookup tries only those)
    first_phrase_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    verb_prefixes: tuple[str, ...] = ()
    not_verbs: frozenset[str] = frozenset()
    english_verbs: frozenset[str] = frozenset()
    english_participles: frozenset[str] = frozenset()    # past participles of the grammar's English verbs
    duration_openers: frozenset[str] = frozenset()     # "selama" before "90 hari": a preposition
    approximators: frozenset[str] = frozenset()        # "about" before "1,500 troops": part of the quantity
    custody_verbs: frozenset[str] = frozenset()        # "nationals held in Iran": held there by that state
    nominalising_prepositions: frozenset[str] = frozenset()  # "atas meningkatnya …": a verb with -nya after is a noun
    presence_verbs: frozenset[str] = frozenset()       # "is in Manila for talks": the one there does the talks
    purpose_prepositions: frozenset[str] = frozenset()  # "for", "untuk" before an event noun of purpose
    duration_units: frozenset[str] = frozenset()
    targets: tuple[str, ...] = ()
    object_control: frozenset[str] = frozenset()
    object_first: frozenset[str] = frozenset()          # verbs whose object comes before "of"/"for"
    control: frozenset[str] = frozenset()
    plan: frozenset[str] = frozenset()
    commitment: frozenset[str] = frozenset()
    denial: frozenset[str] = frozenset()
    hypothetical: frozenset[str] = frozenset()
    not_arguments: frozenset[str] = frozenset()
    comparisons: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    facility_nouns: frozenset[str] = frozenset()         # "di Bandara Internasional Yangon": a town's facility
    venue_nouns: frozenset[str] = frozenset()
    addressee_openings: frozenset[str] = frozenset()
    of_words: frozenset[str] = frozenset()
    pair_joiners: frozenset[str] = frozenset()   # "Rusia-Ukraina": two sides joined into a pair
    attribution_openers: frozenset[str] = frozenset()   # "Hal itu disampaikan X": the sentence before is X's
    attribution_verbs: frozenset[str] = frozenset()
    attribution_prefixes: tuple[str, ...] = ()         # the openers as str.startswith takes them
    judgements: frozenset[str] = frozenset()           # "rejected as baseless accusations": words of a judgement
    occasions: frozenset[str] = frozenset()
    other_words: frozenset[str] = frozenset()        # "the other countries": others than those named
    manner_occasions: frozenset[str] = frozenset()   # "in a show of force": how, not when
    control_nouns: frozenset[str] = frozenset()
    appositions: frozenset[str] = frozenset()
    references: frozenset[str] = frozenset()
    origin_nouns: frozenset[str] = frozenset()
    export_nouns: frozenset[str] = frozenset()           # "exports of chips to China": the goods' destination follows
    authoring: frozenset[str] = frozenset()
    copulas: frozenset[str] = frozenset()
    post_prepositions: frozenset[str] = frozenset()  # "Duta Besar RI untuk Rusia": before the state of a post
    title_prepositions: frozenset[str] = frozenset()  # "the representative of the UN refugee agency": in a title
    title_joiners: frozenset[str] = frozenset()      # "Penasihat Negara sekaligus Menteri Luar Negeri China"
    title_first: bool = False                        # titles come before their state ("Kanselir Jerman")
    noun_openers: frozenset[str] = frozenset()       # openers of a noun phrase, not a clause ("during", "amid")
    relative_pronouns: frozenset[str] = frozenset()  # "which", "that", "yang": a relative clause's first word
    maker_nouns: frozenset[str] = frozenset()        # "the ruling of the court": the owner after "of" made it
    victim_nouns: frozenset[str] = frozenset()       # "korban serangan Israel": not the attacker's people
    attempt_nouns: frozenset[str] = frozenset()      # "upaya relokasi …": the event noun after them heads the phrase
    aside_openers: tuple[str, ...] = ()              # "Selain Indonesia, …": a sentence-opening aside up to its comma
    place_openers: frozenset[str] = frozenset()      # "In Islamabad, …": a fronted place phrase up to its comma
    aspect_forms: frozenset[str] = frozenset()       # "began", "continued": an -ing form after them takes an object
    perfect_auxiliaries: frozenset[str] = frozenset()  # "has since deployed": a time opener after one is an adverb
    any_quantifiers: frozenset[str] = frozenset()    # "any attempt to …", "setiap upaya untuk …": nobody in particular
    relational_nouns: frozenset[str] = frozenset()   # "its ally, the Philippines,": a name set off after them is them
    member_nouns: frozenset[str] = frozenset()       # "sejumlah negara", "several countries": a list names them
    membership: frozenset[str] = frozenset()         # "termasuk di antara", "among": who a plural noun counts
    holding_verbs: frozenset[str] = frozenset()      # ", who heads …", ", yang memimpin …": a post a name holds
    speaking_for: frozenset[str] = frozenset()       # "a spokesperson for", "an aide to": whom the speaker serves
    document_nouns: frozenset[str] = frozenset()     # "a statement issued by …": what its author says
    recipient_prepositions: frozenset[str] = frozenset()     # "nota … kepada Kemlu RI yang meminta …": its sender asks
    carrier_nouns: frozenset[str] = frozenset()      # "pesawat", "ships": what carries goods to somewhere
    carrying_verbs: frozenset[str] = frozenset()     # "berisi", "carrying": what a carrier carries follows
    not_negating: tuple[str, ...] = ()               # "tidak akan berhenti", "not only": a negator that negates nothing
    cognition: frozenset[str] = frozenset()              # "believes", "menilai": a clause after them is reported
    participation: frozenset[str] = frozenset()          # "melibatkan", "involved": who takes part in an event noun
    communication: frozenset[str] = frozenset()          # verbs whose complement their subject says ("urged … to")
    bare_infinitive_verbs: frozenset[str] = frozenset()  # English verbs a bare verb may follow ("helped end")
    particles: frozenset[str] = frozenset()              # particles of phrasal verbs ("put forward", "set up")
    occurrence: frozenset[str] = frozenset()             # verbs that say an act happened ("broke out", "terjadi")
    aiming: frozenset[str] = frozenset()                 # verbs after which "at" names a target ("fired at")
    saying: frozenset[str] = frozenset()                 # verbs that only say: their complement may open with a noun
    time_words: frozenset[str] = frozenset()             # weekdays, months: "On Monday Russia …" ends its phrase
    content_openers: frozenset[str] = frozenset()        # words after a control noun that open its content
    agent_markers: frozenset[str] = frozenset()          # prepositions of a passive's agent ("oleh", "by")
    undergoer_prepositions: frozenset[str] = frozenset()  # what undergoes a peN-an noun, after its doer
    responding: frozenset[str] = frozenset()             # verbs of answering ("retaliated with tariffs")
    judging: frozenset[str] = frozenset()                # verbs that name what their object is ("menilai …")
    aimed_prepositions: frozenset[str] = frozenset()     # locatives that name a target after those ("at")
    comitative: frozenset[str] = frozenset()             # prepositions of the other side of a joint act ("with")
    border_nouns: frozenset[str] = frozenset()           # "the border with Guyana": the comitative is the noun's
    document_names: frozenset[str] = frozenset()         # "the Ankara Declaration": a city that names a document
    attributive: frozenset[str] = frozenset()            # participles that describe the one named after them
    origin_participles: frozenset[str] = frozenset()     # "vehicles imported from China": goods' origin follows
    adjectives: frozenset[str] = frozenset()             # adverbs that after a noun are its adjective ("baru")
    people_nouns: frozenset[str] = frozenset()           # "nelayan asal Indonesia": an origin that is a nationality
    counts: dict[str, int] = field(default_factory=dict)  # "three" → 3, for "the three countries"
    comma_openers: frozenset[str] = frozenset()          # openers only after a comma (", sementara")
    serial_nouns: bool = False                           # "keputusan Israel memperluas …" needs no "untuk"
    addressing: frozenset[str] = frozenset()             # speech verbs whose object is the hearer ("told X")
    descriptions: dict[tuple[str, ...], str] = field(default_factory=dict)
    description_heads: dict[str, str] = field(default_factory=dict)   # head word -> kind
    # "sejumlah negara seperti", "Western countries, including": a plural noun whose members a list names
    members_before: re.Pattern[str] | None = None
    # a marker at the end of a string, and the longest marker: `groups` tests the text before a mention with them
    # (read backwards) before it searches `members_before`, which tries its word loops at every position
    members_marker: re.Pattern[str] | None = None
    members_marker_longest: int = 0
    # a region's name in a description ("negara Teluk itu", "the Gulf state") -> the states it may stand for
    description_regions: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = ()
    _not_argument_ends: tuple[frozenset[str], frozenset[str]] | None = None     # (the set it was made from, ends)

    def add(self, phrase: str, kind: str, role: str = "") -> None:
        words = tuple(phrase.lower().split())
        if not words:
            return
        classes = self.phrases.setdefault(words, [])
        word_class = WordClass(kind, " ".join(words), role)
        if word_class not in classes:
            classes.append(word_class)
        self.longest = max(self.longest, len(words))

    def phrase_index(self) -> dict[str, int]:
        """First word -> the length of its longest phrase: a word not in it starts no phrase."""
        if not self.first_lengths:
            lengths: dict[str, set[int]] = {}
            for phrase, classes in self.phrases.items():
                self.first_lengths[phrase[0]] = max(self.first_lengths.get(phrase[0], 0), len(phrase))
                lengths.setdefault(phrase[0], set()).add(len(phrase))
                if len(phrase) == 1 and classes:
                    self.single[phrase[0]] = (classes, frozenset(c.kind for c in classes))
            self.first_phrase_lengths = {word: tuple(sorted(found, reverse=True)) for word, found in lengths.items()}
        return self.first_lengths

    def not_argument_ends(self) -> frozenset[str]:
        """The last words of the `not_arguments` phrases ("menurut", "according to"): a phrase can only end there."""
        if self._not_argument_ends is None or self._not_argument_ends[0] is not self.not_arguments:
            ends = frozenset(phrase.split()[-1] for phrase in self.not_arguments if phrase.split())
            self._not_argument_ends = (self.not_arguments, ends)
        return self._not_argument_ends[1]

    def lookup(self, words: list[str], start: int) -> tuple[int, list[WordClass]]:
        """The longest phrase of the table starting at `words[start]`: (its length, its classes), or (0, [])."""
        if not self.first_lengths:
            self.phrase_index()
        left = len(words) - start
        for length in self.first_phrase_lengths.get(words[start], ()):
            if length <= left:
                classes = self.phrases.get(tuple(words[start:start + length]))
                if classes:
                    return length, classes
        return 0, []

    def is_verb(self, word: str) -> bool:
        """A verb no event pattern lists, by its morphology (id) or the grammar's verb list (en)."""
        if self.lang == "en":
            return word in self.english_verbs
        if word in self.not_verbs or len(word) < 5 or (word.endswith("nya") and word[:-3] in self.not_verbs):
            return False                    # "diplomatnya": a noun with its clitic
        first, _, second = word.partition("-")
        if second and (second == first or second == first + "an" or first[:3] == "ber" and first.endswith(second)):
            return False                    # "mentah-mentah", "diam-diam", "terang-terangan", "berabad-abad": adverbs
        if word.startswith("me") and not word.startswith(("memper", "meng", "meny")):
            # meN- before a root keeps only these shapes: mem+b/f/p/v, men+c/d/j/t/s/z, me+l/m/n/r/w/y
            # ("menyerang", "mendesak", "merebut"); "mediator", "meski", "mesin" are not verbs
            shape = word[2:4]
            return shape[:1] in "lmnrwy" and (shape in ("ng", "ny") or shape[1:] in "aeiou" or shape[:1] in "mn")
        return word.startswith(self.verb_prefixes)


@cache
def _regions() -> dict[str, frozenset[str]]:
    """World regions and their member states (data/common/world_regions.yaml)."""
    import yaml

    from relasi.lang.lexicon import YAML_LOADER
    from relasi.packs import DATA_DIR

    path = DATA_DIR / "common" / "world_regions.yaml"
    rows = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER) if path.exists() else {}
    return {str(name): frozenset(str(code) for code in codes or ()) for name, codes in (rows or {}).items()}


def region_of(words: Words, phrase: str) -> frozenset[str] | None:
    """The states a description's region allows ("the middle eastern country"), or None when it names none."""
    tokens = phrase.lower().split()
    for name, states in words.description_regions:
        if any(tuple(tokens[k:k + len(name)]) == name for k in range(len(tokens) - len(name) + 1)):
            return states
    return None


def compile_words(pack: Any) -> Words:
    """The pack's function words as a `Words` table (cached on the pack)."""
    cached = pack.__dict__.get("_clause_words")
    if cached is not None:
        return cached
    grammar = pack.grammar
    words = Words(pack.lang)
    for kind, items in (grammar.get("openers") or {}).items():
        for item in items or ():
            if str(item).startswith(","):
                words.comma_openers = words.comma_openers | {str(item).lstrip(", ").strip()}
            words.add(str(item).lstrip(", ").strip() if str(item).startswith(",") else str(item), OPEN, kind)
    for item in grammar.get("prepositions") or ():
        words.add(str(item), PREP)
    for item in grammar.get("coordinators") or ():
        words.add(str(item), COORD)
    for item in grammar.get("determiners") or ():
        words.add(str(item), DET)
    for item in grammar.get("adverbs") or ():
        words.add(str(item), ADV)
    for item in grammar.get("not_negating") or ():
        words.add(str(item), ADV)             # "tidak hanya", "not only": one adverb, no negator
    # (also where an event word inside the phrase was read first: "tidak akan berhenti mendukung")
    words.not_negating = tuple(sorted({str(w).lower() for w in grammar.get("not_negating") or ()}))
    dates = grammar.get("dates") or {}
    for key in ("weekdays", "months", "relative_days", "relative_weeks", "relative_years"):
        for item in dates.get(key) or {}:
            words.add(str(item), ADV)          # "Rusia kemarin mengecam", "Russia Monday condemned"
    words.time_words = frozenset(str(item).lower() for key in ("weekdays", "months") for item in dates.get(key) or {})
    for item in grammar.get("negators") or ():
        words.add(str(item), NEG)
    for item in grammar.get("speech_before") or ():
        words.add(str(item), SPEECH_BEFORE)
    for item in grammar.get("speech_after") or ():
        words.add(str(item), SPEECH_AFTER)
    for item in grammar.get("speech_pronouns") or ():
        words.add(str(item), SPEECH_AFTER, "pronoun")
    receiving = [str(item).lower() for item in grammar.get("receiving_verbs") or ()]
    for item in _inflected(pack.lang, [*(grammar.get("light_verbs") or ()), *receiving], frozenset(receiving)):
        words.add(item, LIGHT)
    for item in grammar.get("demonstratives") or ():
        words.add(str(item), DEMO)
    for kind, items in (grammar.get("pronoun_kinds") or {}).items():
        for item in items or ():
            words.add(str(item), PRON, kind)
    for kind, items in (grammar.get("description_heads") or {}).items():
        for item in items or ():
            words.description_heads[str(item).lower()] = str(kind)
    regions = _regions()
    words.description_regions = tuple(sorted(
        ((tuple(str(name).lower().split()), regions[str(region)])
         for name, region in (grammar.get("description_regions") or {}).items() if str(region) in regions),
        key=lambda pair: -len(pair[0])))               # the longest name first: "asia tenggara" before "asia"
    for kind, items in (grammar.get("descriptions") or {}).items():
        for item in items or ():
            words.descriptions[tuple(str(item).lower().split())] = str(kind)
            words.add(str(item), PRON, f"description:{kind}")
    if pack.lang == "en":
        for item in ("be", "is", "are", "was", "were", "been", "being", "am", "get", "got", "gets", "gotten"):
            words.add(item, BE)
        forms = _english_verbs(grammar.get("verbs") or ())
        words.english_verbs = frozenset(forms)
        words.english_participles = frozenset(word for word, tag in forms.items() if tag == "VBN")
        words.aspect_forms = frozenset(_english_verbs(grammar.get("aspect_verbs") or ()))
    words.perfect_auxiliaries = frozenset(str(w).lower() for w in grammar.get("perfect_auxiliaries") or ())
    words.relative_pronouns = frozenset(str(w).lower() for w in grammar.get("relative_pronouns") or ())
    for item in grammar.get("bare_verbs") or ():
        words.add(str(item), VERB)
    words.verb_prefixes = tuple(str(p).lower() for p in grammar.get("verb_prefixes") or ())
    words.not_verbs = frozenset(str(w).lower() for w in grammar.get("not_verbs") or ())
    words.targets = tuple(str(w).lower() for w in grammar.get("targets") or ())
    words.object_control = frozenset(_inflected(pack.lang, grammar.get("object_control") or ()))
    words.object_first = frozenset(_inflected(pack.lang, grammar.get("object_first") or ()))
    words.control = frozenset(_inflected(pack.lang, grammar.get("control") or ())) | words.object_control
    words.authoring = frozenset(_inflected(pack.lang, grammar.get("authoring_verbs") or ()))
    words.counts = {str(k).lower(): int(v) for k, v in (grammar.get("counts") or {}).items()}
    words.people_nouns = frozenset(str(w).lower() for w in grammar.get("people_nouns") or ())
    words.adjectives = frozenset(str(w).lower() for w in grammar.get("adjective_adverbs") or ())
    words.communication = frozenset(_inflected(pack.lang, grammar.get("communication_verbs") or ()))
    words.participation = frozenset(_inflected(pack.lang, grammar.get("participation_verbs") or ()))
    words.cognition = frozenset(_inflected(pack.lang, grammar.get("cognition_verbs") or ()))
    words.bare_infinitive_verbs = frozenset(_inflected(pack.lang, grammar.get("bare_infinitive_verbs") or ())) | {
        "to"}
    words.particles = frozenset(str(w).lower() for w in grammar.get("particles") or ())
    words.occurrence = frozenset(_inflected(pack.lang, grammar.get("occurrence_verbs") or ()))
    words.aiming = frozenset(_inflected(pack.lang, grammar.get("aiming_verbs") or ()))
    words.saying = frozenset(str(w).lower() for w in grammar.get("saying_verbs") or ())
    words.judging = frozenset(str(w).lower() for w in grammar.get("judging_verbs") or ())
    words.responding = frozenset(_inflected(pack.lang, grammar.get("responding_verbs") or ()))
    words.content_openers = frozenset(str(w).lower() for w in grammar.get("content_openers") or ())
    words.agent_markers = frozenset(str(w).lower() for w in grammar.get("agent_markers") or ())
    words.undergoer_prepositions = frozenset(str(w).lower() for w in grammar.get("undergoer_prepositions") or ())
    words.aimed_prepositions = frozenset(str(w).lower() for w in grammar.get("aimed_prepositions") or ())
    words.comitative = frozenset(str(w).lower() for w in grammar.get("comitative") or ())
    words.border_nouns = frozenset(str(w).lower() for w in grammar.get("border_nouns") or ())
    words.document_names = frozenset(str(w).lower() for w in grammar.get("document_names") or ())
    words.attributive = frozenset(str(w).lower() for w in grammar.get("attributive_participles") or ())
    words.origin_participles = frozenset(str(w).lower() for w in grammar.get("origin_participles") or ())
    words.copulas = frozenset(str(w).lower() for w in grammar.get("copulas") or ())
    words.post_prepositions = frozenset(str(w).lower() for w in grammar.get("post_prepositions") or ())
    words.title_joiners = frozenset(str(w).lower() for w in grammar.get("title_joiners") or ())
    words.title_prepositions = frozenset(str(w).lower() for w in grammar.get("title_prepositions") or ())
    words.title_first = bool(grammar.get("title_first"))
    words.noun_openers = frozenset(str(w).lower() for w in grammar.get("noun_openers") or ())
    words.maker_nouns = frozenset(str(w).lower() for w in grammar.get("maker_nouns") or ())
    words.victim_nouns = frozenset(str(w).lower() for w in grammar.get("victim_nouns") or ())
    words.attempt_nouns = frozenset(str(w).lower() for w in grammar.get("attempt_nouns") or ())
    words.aside_openers = tuple(str(w).lower() + " " for w in grammar.get("aside_openers") or ())
    words.place_openers = frozenset(str(w).lower() for w in grammar.get("place_openers") or ())
    words.duration_openers = frozenset(str(w).lower() for w in grammar.get("duration_openers") or ())
    words.approximators = frozenset(str(w).lower() for w in grammar.get("approximators") or ())
    words.custody_verbs = frozenset(str(w).lower() for w in grammar.get("custody_verbs") or ())
    words.nominalising_prepositions = frozenset(str(w).lower() for w in grammar.get("nominalising_prepositions") or ())
    words.presence_verbs = frozenset(str(w).lower() for w in grammar.get("presence_verbs") or ())
    words.purpose_prepositions = frozenset(str(w).lower() for w in grammar.get("purpose") or ())
    words.duration_units = frozenset(str(w).lower() for w in grammar.get("duration_units") or ())
    words.any_quantifiers = frozenset(str(w).lower() for w in grammar.get("any_quantifiers") or ())
    words.relational_nouns = frozenset(str(w).lower() for w in grammar.get("relational_nouns") or ())
    words.member_nouns = frozenset(str(w).lower() for w in grammar.get("member_nouns") or ())
    words.membership = frozenset(str(w).lower() for w in grammar.get("membership") or ())
    words.holding_verbs = frozenset(str(w).lower() for w in grammar.get("holding_verbs") or ())
    words.speaking_for = frozenset(str(w).lower() for w in grammar.get("speaking_for") or ())
    words.document_nouns = frozenset(str(w).lower() for w in grammar.get("document_nouns") or ())
    words.recipient_prepositions = frozenset(str(w).lower() for w in grammar.get("recipient_prepositions") or ())
    words.serial_nouns = bool(grammar.get("serial_after_control_nouns"))
    words.addressing = frozenset(_inflected(pack.lang, grammar.get("addressing_speech") or ()))
    for name in ("plan", "commitment", "denial", "hypothetical", "not_arguments", "comparisons", "locative",
                 "place_nouns", "venue_nouns", "addressee_openings", "of_words", "occasions", "manner_occasions",
                 "other_words",
                 "control_nouns",
                 "appositions", "references", "origin_nouns", "facility_nouns", "export_nouns", "pair_joiners",
                 "attribution_openers", "attribution_verbs", "judgements", "carrier_nouns", "carrying_verbs"):
        values = frozenset(str(w).lower() for w in grammar.get(name) or ())
        setattr(words, "locatives" if name == "locative" else name, values)
    words.attribution_prefixes = tuple(sorted(words.attribution_openers))
    words.members_before = _members_before(grammar.get("member_nouns") or (), grammar.get("example_markers") or (),
                                           grammar.get("coordinators") or (),
                                           int(grammar.get("member_noun_modifiers_after") or 2))
    if words.members_before is not None:
        markers = [str(w).lower() for w in grammar.get("example_markers") or ()]
        words.members_marker = _ending_in(markers)
        words.members_marker_longest = max(len(m) for m in markers)
    pack.__dict__["_clause_words"] = words
    return words


def _members_before(nouns, markers, coordinators, after: int = 2) -> re.Pattern[str] | None:
    """Text that ends right before a list naming the members of a plural noun: up to two words (no coordinator),
    the noun, up to `after` words (the language's modifiers after a noun: "negara kontributor pasukan lainnya"), an
    optional comma, the marker ("sejumlah negara Teluk seperti ", "Western countries, including the ")."""
    if not nouns or not markers:
        return None
    def alternatives(items) -> str:
        return "|".join(re.escape(str(w).lower()) for w in sorted(items, key=len, reverse=True))
    # (a word may be the noun's owner: "Kyiv's partners, first of all the United States …")
    word = rf"(?!(?:{alternatives(coordinators)})\b)\b[\w-]+(?:['’]s)?" if coordinators else r"\b[\w-]+(?:['’]s)?"
    return re.compile(rf"(?:{word}\s+){{0,2}}\b(?:{alternatives(nouns)})\b(?:\s+[\w-]+){{0,{after}}}\s*,?\s*"
                      rf"(?:{alternatives(markers)})\s+(?:the\s+)?$", re.IGNORECASE)


def _ending_in(phrases: list[str]) -> re.Pattern[str]:
    """A string that ends in one of the phrases, in any case (as `_members_before` reads them)."""
    alternatives = "|".join(re.escape(w) for w in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})\Z", re.IGNORECASE)


def _english_verbs(lemmas) -> dict[str, str]:
    """Every inflection of the lemmas, with its tag (a past participle keeps "VBN")."""
    from relasi.lang.morphology import english_verb_forms

    found: dict[str, str] = {}
    for lemma in lemmas:
        for form in english_verb_forms(str(lemma)):
            if found.get(form.text) != "VBN":
                found[form.text] = form.tag
    return found


def _inflected(lang: str, items, receiving: frozenset[str] = frozenset()) -> set[str]:
    """Words as listed, for English every inflection of their first word ("ask" → asked, asking), for Indonesian
    the passive of a meN- verb."""
    if lang == "id":
        # "menjatuhkan" → "dijatuhkan": a light verb lends its act in the passive too ("Sanksi … dijatuhkan oleh UE");
        # a root read two ways gives a form that never occurs ("dikadakan"), which costs nothing
        from relasi.lang.morphology import indonesian_root_candidates

        # (not a receiving verb: the agent of "diterima oleh" is who receives, see `received_passives`)
        words = {str(i).lower() for i in items}
        return words | {"di" + root for word in words if word.startswith("me") and " " not in word
                        and word not in receiving for root in indonesian_root_candidates(word)}
    if lang != "en":
        return {str(i).lower() for i in items}
    from relasi.lang.morphology import english_verb_forms

    return {form.text for item in items for form in english_verb_forms(str(item))}
