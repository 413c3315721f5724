"""From a predicate to a pattern and its parties: which sense of the word applies, who is the source and the target.

The lexicon (relasi.lang.lexicon) lists the senses of each form; a sense applies when its constraints hold: the
patient's head word (`object`, `object_not`), words of the sentence (`with`, `unless`). The source is read from the
subject (the agent of a passive; for an event noun its possessor, the subject of the verb carrying it, or "dari
X"/"from X"), the target from the slots the pattern names, or the grammar's default order.
"""

from __future__ import annotations

from relasi.lang.lexicon import Lexicon, Pattern
from relasi.model import Actor, Argument, Predicate

# Where a noun's doer may stand besides its possessor: "kecaman dari Qatar", "aid from India".
SOURCE_PREPOSITIONS = {"id": ("dari",), "en": ("from",)}
# The doer of an event noun named after it: "serangan … oleh Hamas", "an attack by Hamas".
AGENT_PREPOSITIONS = {"id": ("oleh",), "en": ("by",)}
_AGENTS = tuple(p for prepositions in AGENT_PREPOSITIONS.values() for p in prepositions)


def senses(predicate: Predicate, lexicon: Lexicon, form: str | None = None) -> list[Pattern]:
    """The patterns of the predicate's form in its reading: noun forms for a noun, verb forms for a verb."""
    noun = predicate.voice == "noun"
    key = (form or predicate.text, noun)
    cache = lexicon.__dict__.get("_senses")
    if cache is None:
        cache = lexicon.__dict__["_senses"] = {}
    found = cache.get(key)
    if found is None:
        found, seen = [], set()
        for entry in lexicon.entries(key[0]):
            if (entry.form.voice == "noun") == noun and id(entry.pattern) not in seen:
                seen.add(id(entry.pattern))
                found.append(entry.pattern)
        cache[key] = found
    return found


def patient(predicate: Predicate) -> Argument | None:
    """What undergoes the act: the object of an active verb, the subject of a passive one, "of X" after a noun."""
    if predicate.voice == "passive":
        return predicate.slot("subject")
    if predicate.voice == "noun":
        return predicate.slot("of") or predicate.slot("possessor")
    found = predicate.slot("object")
    words = predicate.text.split()
    if found is None and len(words) > 1:
        found = predicate.slot(words[-1])          # "applied for membership", "called for a ceasefire"
    if found is not None and found.actors and found.how != "event" and not (found.how == "pronoun" and found.head):
        # (not "recalled its ambassador … with immediate effect": a phrase owned by a pronoun is no recipient)
        # "provide Ukraine with air defences", "membekali Ukraina dengan senjata": the goods come after "with"
        goods = predicate.slot("with") or predicate.slot("dengan")
        if goods is not None and not goods.actors:
            return goods
    return found


def head_matches(head: str, wanted: tuple[str, ...], anywhere: bool = False) -> bool:
    """Whether a phrase's head words start with one of `wanted` ("kapal filipina", "duta besar china"), or, for
    head-final English, hold it anywhere ("the israeli ambassador", "12 diplomats")."""
    return HeadWords(head).matches(wanted, anywhere)


class HeadWords:
    """A head's words and their stems, split once for all the senses tried against it."""

    def __init__(self, head: str) -> None:
        self.head = head
        self.words = head.split() if head else []
        self._stems: list[tuple[str, ...] | None] = [None] * len(self.words)

    def matches(self, wanted: tuple[str, ...], anywhere: bool = False) -> bool:
        """As head_matches."""
        words = self.words
        if not self.head:
            return False
        by_first = _phrases_by_first(wanted)
        for start in (range(len(words)) if anywhere else range(1)):
            stems = self._stems[start]
            if stems is None:
                stems = self._stems[start] = _stems(words[start])
            for first in stems:
                for parts in by_first.get(first, ()):
                    if len(parts) <= len(words) - start and all(
                            _same_word(w, p) for w, p in zip(words[start + 1:], parts[1:], strict=False)):
                        return True
        return False


class SentenceWords:
    """A sentence's lower-cased text, and which listed words it holds: each asked once per sentence (the senses of
    all its predicates ask about the same lists)."""

    def __init__(self, sentence: str, start: int = 0) -> None:
        self.sentence = sentence
        self.start = start                  # where the sentence stands in the body (predicates' offsets are there)
        self._lowered: str | None = None
        self._any: dict[int, tuple[tuple[str, ...], bool]] = {}

    def holds_any(self, words: tuple[str, ...]) -> bool:
        """Whether one of `words` stands in the sentence as a whole word (see _contains)."""
        known = self._any.get(id(words))
        if known is not None and known[0] is words:
            return known[1]
        if self._lowered is None:
            self._lowered = self.sentence.lower()
        lowered = self._lowered
        found = False
        for word in words:
            if word in lowered and _contains(lowered, word):       # most listed words are not there at all
                found = True
                break
        self._any[id(words)] = (words, found)
        return found

    def holds_any_after(self, words: tuple[str, ...], offset: int) -> bool:
        """Whether one of `words` stands as a whole word after the body offset `offset`."""
        if not self.holds_any(words):
            return False
        rest = self.sentence[max(0, offset - self.start):].lower()
        return any(word in rest and _contains(rest, word) for word in words)


_BY_FIRST: dict[int, tuple[tuple[str, ...], dict[str, list[tuple[str, ...]]]]] = {}


def _phrases_by_first(wanted: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """The wanted phrases as word tuples, indexed by their first word (built once per list: a pattern's lists live
    as long as its pack, and the entry keeps the list it was built from)."""
    cached = _BY_FIRST.get(id(wanted))
    if cached is not None and cached[0] is wanted:
        return cached[1]
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in wanted:
        parts = tuple(phrase.split())
        if parts:
            found.setdefault(parts[0], []).append(parts)
    _BY_FIRST[id(wanted)] = (wanted, found)
    return found


def _stems(word: str) -> tuple[str, ...]:
    """The word and what it may be the plural or clitic form of (see _same_word)."""
    stems = [word]
    for ending in ("s", "es", "nya"):
        if word.endswith(ending) and len(word) > len(ending):
            stems.append(word[:-len(ending)])
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    return tuple(stems)


def _same_word(word: str, wanted: str) -> bool:
    if word == wanted:
        return True
    # plurals and clitics: diplomats, embassies, pasukannya
    for ending in ("s", "es", "nya"):
        if word == wanted + ending:
            return True
    return wanted.endswith("y") and word == wanted[:-1] + "ies"


def choose(predicate: Predicate, sentence: str, lexicon: Lexicon, said: SentenceWords | None = None,
           governs: tuple[str, ...] = (), start: int = 0) -> Pattern | None:
    """The first sense whose constraints hold (constrained senses come first), or None. `said`: the sentence's
    words, when the caller asks for several predicates of one sentence; `governs`: the markers of the clauses the
    predicate governs; `start`: where the sentence stands in the body (the predicate's offsets are the body's)."""
    patterns = senses(predicate, lexicon)
    words = predicate.text.split()
    # "coordinating closely with", "met separately with": an adverb split the phrasal verb from its particle;
    # "its call on Israel", "calls by the U.N. to halt …": a noun read with its preposition or the word that opens
    # the clause it governs, where the noun alone has no sense that holds
    phrasal = lexicon.lang == "en" and len(words) == 1 and predicate.voice in ("active", "noun") \
        and (not patterns or predicate.voice == "noun")
    extended = [f"{predicate.text} {name}" for name in (
        *(name for name, _ in predicate.slots if name not in ("subject", "object", "agent", "possessor")
          and " " not in name), *(governs if predicate.voice == "noun" else ()))] if phrasal else []
    if not patterns and extended:
        patterns = next((found for form in extended if (found := senses(predicate, lexicon, form))), [])
        extended = []
    # "agreed to appoint", "menolak untuk kembali": a verb and the word that opens its complement
    verb_phrase = predicate.voice != "noun" and len(words) == 2 and (lexicon.lang == "en" or words[1] == "untuk")
    if not patterns and not verb_phrase:
        return None
    said = said or SentenceWords(sentence, start)
    the_patient = patient(predicate)
    head = HeadWords(the_patient.head if the_patient else "")
    anywhere = lexicon.lang == "en"
    doer_heads = _DoerHeads(predicate)
    found = _first_sense(patterns, the_patient, head, anywhere, said, lexicon, doer_heads, predicate)
    if found is None and verb_phrase:
        # "agreed to appoint …": the phrase "agreed to" (to demands) does not apply, the verb alone may
        found = _first_sense(senses(predicate, lexicon, words[0]), the_patient, head, anywhere, said, lexicon,
                             doer_heads, predicate)
    for form in extended if found is None else ():
        found = _first_sense(senses(predicate, lexicon, form), the_patient, head, anywhere, said, lexicon, doer_heads,
                             predicate)
        if found is not None:
            break
    return found


class _DoerHeads:
    """The head words of an active predicate's subject, split when a sense first asks (few do)."""

    def __init__(self, predicate: Predicate) -> None:
        self.predicate = predicate
        self.heads: HeadWords | None = None

    def get(self) -> HeadWords:
        if self.heads is None:
            doer = self.predicate.slot("subject") if self.predicate.voice == "active" else None
            self.heads = HeadWords(doer.head if doer else "")
        return self.heads


def _first_sense(patterns: list[Pattern], the_patient: Argument | None, head: HeadWords, anywhere: bool,
                 said: SentenceWords, lexicon: Lexicon, doer_heads: _DoerHeads, predicate: Predicate) -> Pattern | None:
    for pattern in patterns:
        if pattern.object_heads and not head.matches(pattern.object_heads, anywhere):
            continue
        if pattern.subject_heads and not doer_heads.get().matches(pattern.subject_heads, anywhere):
            continue
        if pattern.object_not and head.matches(pattern.object_not, anywhere):
            continue
        if pattern.patient and not _patient_is(_noun_patient(predicate, pattern, the_patient), pattern.patient,
                                               lexicon):
            continue
        if pattern.with_words and not said.holds_any(pattern.with_words):
            continue
        if pattern.with_words and pattern.describes and predicate.voice != "noun" and lexicon.lang == "en" \
                and not said.holds_any_after(pattern.with_words, predicate.end):
            # "thanked X for what he called difficult decisions": what it calls comes after (English only: an
            # Indonesian description may stand before its verb, "… yang oleh X disebut ilegal")
            continue
        if pattern.unless and said.holds_any(pattern.unless):
            continue
        return pattern
    return None


_ENDINGS = ("", "nya", "s", "es", "kan", "an")


def _noun_patient(predicate: Predicate, pattern: Pattern, the_patient: Argument | None) -> Argument | None:
    """An event noun's patient for a sense that asks what it must be: its first target slot there ("withdrawal from
    ECOWAS": the body left), else its "of" or possessor."""
    if predicate.voice != "noun":
        return the_patient
    return next((found for name in pattern.target if (found := predicate.slot(name)) is not None), the_patient)


def _patient_is(argument: Argument | None, wanted: str, lexicon: Lexicon) -> bool:
    """Whether the patient names an actor ("actor"), a person ("person"), an organisation ("organisation") or an act:
    an event noun, or a noun that
    refers to one ("event": "gencatan senjata", "keputusan itu", "the decision")."""
    if argument is None:
        return False
    if wanted == "actor":
        # ("menyambut keputusan Indonesia", "welcomed Indonesia's decision": a phrase headed by a word for an act
        # names the act, not its owner)
        return bool(argument.actors) and argument.how != "event" \
            and not names_act(argument.head, lexicon.lang, lexicon.references)
    if wanted == "nationals":               # "freed five Americans": a state's people named by their plural
        head = head_noun(argument.head, lexicon.lang)
        return bool(argument.actors) and argument.how == "direct" and all(a.kind == "STATE" for a in argument.actors) \
            and head.endswith("s") and bool(head) and head[0].isalpha() \
            and not names_act(argument.head, lexicon.lang, lexicon.references) \
            and all(argument.head != a.name.lower() for a in argument.actors)     # not "the Philippines"
    if wanted == "organisation":            # "quit ECOWAS", "keluar dari ECOWAS"
        return bool(argument.actors) and argument.how != "event" and all(a.kind == "IGO" for a in argument.actors)
    if wanted == "person":                  # "welcomed Zelenskiy to Berlin", not "welcomed Beijing's removal of …"
        return bool(argument.actors) and argument.how != "event" and all(a.kind == "PERSON" for a in argument.actors) \
            and _names_person(argument, lexicon.lang)
    return argument.how == "event" or names_act(argument.head, lexicon.lang, lexicon.references)


def head_noun(head: str, lang: str, size: int = 1) -> str:
    """The noun that heads a phrase's head words (`size` words of it): Indonesian heads come first, English ones
    last."""
    words = head.split()
    return " ".join(words[:size] if lang == "id" else words[-size:]) if words else ""


def names_act(head: str, lang: str, references: frozenset[str]) -> bool:
    """Whether a phrase's head is a noun that refers to an act ("keputusan itu", "uji coba tersebut", "the move",
    "the missile test"); the noun may be two words."""
    return bool(head) and (head_noun(head, lang) in references or head_noun(head, lang, 2) in references)


def _names_person(argument: Argument, lang: str) -> bool:
    """The phrase's head word is a word of a person's name: "Biden" and "President Lula", not "Biden's announcement"
    (whose head is the announcement)."""
    head = head_noun(argument.head, lang)
    if not head:
        return argument.how == "pronoun"    # "he was welcomed by Xi": a personal pronoun resolved to a person
    # transliterations differ in their endings ("Zelenskiy", "Zelensky"): five letters in common will do
    return any(head == word or (len(head) >= 5 and head[:5] == word[:5])
               for actor in argument.actors for word in actor.name.lower().replace("-", " ").split())


def _contains(text: str, word: str) -> bool:
    """`word` as a whole word of `text`, an inflection or clitic allowed ("telepon" matches "teleponnya", "phone"
    matches "phones"; "ham" does not match "Hamas")."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if start == 0 or not text[start - 1].isalnum():
            tail = end
            while tail < len(text) and text[tail].isalnum():
                tail += 1
            if text[end:tail] in _ENDINGS:
                return True
        start = text.find(word, start + 1)
    return False


BETWEEN = {"id": "antara", "en": "between"}


def source_of(predicate: Predicate, lang: str, receiving: tuple[str, ...] = ()) -> Argument | None:
    if predicate.voice == "passive":
        return predicate.slot("agent")
    if predicate.voice == "noun" and predicate.light in receiving:
        # "menerima panggilan telepon dari Menlu AS": the one it came from did it
        for name in ("possessor", *SOURCE_PREPOSITIONS.get(lang, ()), "agent"):
            found = predicate.slot(name)
            if found is not None and found.actors:
                return found
        return None
    if predicate.voice == "noun":
        # "pertemuan antara Rusia dan Kuba", "clashes between India and Pakistan": the parties are the doers
        for name in ("possessor", "subject", "agent", *AGENT_PREPOSITIONS.get(lang, ()), BETWEEN.get(lang, ""),
                     *SOURCE_PREPOSITIONS.get(lang, ())):
            found = predicate.slot(name)
            if found is not None and found.actors:
                return found
        return None
    subject = predicate.slot("subject")
    if subject is None or not subject.actors:
        # "Baku tembak antara India dan Pakistan terjadi …": a verb with no subject of its own has its parties there
        between = predicate.slot(BETWEEN.get(lang, ""))
        if between is not None and between.actors:
            return between
    return subject


def target_slots(predicate: Predicate, pattern: Pattern, defaults: tuple[str, ...],
                 receiving: tuple[str, ...] = ()) -> list[str]:
    """The slots tried for the target, in order; "object" means the patient whatever the voice."""
    names = list(pattern.target) if pattern.target else ["object", *defaults]
    if "object" not in names and not (pattern.mutual and pattern.cameo and pattern.cameo.startswith("04")):
        # last: the owner of what is asked for ("requested a meeting of the UNSC"); not for a consultation of two
        # sides, whose object is what they talk about ("met Wang Yi to discuss Taiwan")
        names.append("object")
    if predicate.voice == "noun" and predicate.light in receiving:
        names = ["subject", *names]                      # the receiver of the call, the criticism, the aid
    last = predicate.text.split()[-1]
    if " " in predicate.text and "object" in names and predicate.slot(last) is not None:
        # "pulled out of X", "called on X": the phrase's own preposition holds its object
        names.insert(names.index("object") + 1, last)
    resolved: list[str] = []
    for name in names:
        if name == "object":
            if predicate.voice == "passive":
                resolved.append("subject")
            elif predicate.voice == "noun":
                resolved.append("of")
            else:
                resolved.append("object")
                the_object = predicate.slot("object")
                if the_object is not None and not the_object.actors:
                    # "welcomed the statement by Scholz": an agent after the object is the object's maker
                    resolved.extend(p for p in _AGENTS if predicate.slot(p) is not None)
        else:
            resolved.append(name)
    return resolved


def target_of(predicate: Predicate, pattern: Pattern, defaults: tuple[str, ...],
              sources: list[Actor], receiving: tuple[str, ...] = ()) -> tuple[list[Actor], str]:
    """The first slot in the pattern's order that names someone other than the source: (actors, slot)."""
    own = {a.code for a in sources}
    for name in target_slots(predicate, pattern, defaults, receiving):
        found = predicate.slot(name)
        if found is None:
            continue
        others = [a for a in found.actors if a.code not in own]
        if others:
            return others, name
    return [], ""
