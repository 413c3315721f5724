"""The event lexicon of a language pack: `data/<lang>/lexicon/*.yaml`, one file per CAMEO root.

Each file is a list of patterns. A pattern names a CAMEO code, the verbs and nouns that express it (roots and
lemmas; `relasi.lang.morphology` derives every surface form), and how its arguments are read from the clause
step's slots:

```yaml
- name: criticize               # id: <lang>/lexicon/<file>#<name>, reported on every event the pattern makes
  cameo: "111"
  verbs: [kecam, kritik, kutuk, sesal-kan]      # mengecam/dikecam, mengkritik/dikritik, menyesalkan/disesalkan
  nouns: [kecam-an, kritik, kritik-an]          # kecaman, kritik, kritikan
  target: [object, terhadap]    # slots tried in order for the target (default: grammar.yaml `targets`)
  source: subject               # or "speaker": the speaker of the reported speech is the source; or slots tried in
                                #   order ([agent, ke]: "dipanggil ke UE" was summoned by the EU)
  patient: actor                # the patient must name an actor ("menyambut Presiden X" hosts), `organisation` an IGO
                                #   ("keluar dari ECOWAS"), or `event`: must be
                                #   an act ("menyambut gencatan senjata", "welcomed the decision")
  object: [pasukan, tentara]    # the sense needs one of these as the patient's head word
  object_not: [diri]            # ... and none of these ("menahan diri" is restraint, not detention)
  subject_head: [bantuan]       # the subject (the patient of a passive) must be headed by one of these ("bantuan
                                #   … tiba di Yangon" is aid arriving, not a visit)
  with: [telepon]               # a word that must also be in the clause
  unless: [sanksi]              # words that veto the pattern in the clause
  mutual: true                  # coordinated subjects act on each other ("Thailand dan Kamboja … gencatan senjata")
  describes: true               # the target is what the description is of ("menyebut X sebagai …"); nouns of such
                                #   a pattern count only after a copula ("peluncuran itu merupakan pelanggaran …")
  modality: intended            # the word itself is a plan ("berencana")
  places: true                  # a place named in a target slot stands for its state ("tiba di Beijing" visits
                                #   China), where no actor is named there
```

A pattern with `cameo: null` (the file `not_events.yaml`) is a phrase that contains a trigger and is no event
("menolak berkomentar"): the longest match wins, so it takes the trigger's place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from relasi.lang.morphology import BadForm, Form, noun_forms, verb_forms
from relasi.pickling import reduce_by_fields

# libyaml's loader when PyYAML was built with it: loading the packs is most of start-up
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

class _KeyCheckingLoader(YAML_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, noting keys given twice in one mapping: YAML keeps only the last, so a pattern would
    silently lose its first `target` or `nouns`."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.repeated: list[tuple[int, str]] = []

    def construct_mapping(self, node, deep=False):  # noqa: ANN001, ANN201 - PyYAML's signature
        seen: set[str] = set()
        for key_node, _ in node.value:
            key = getattr(key_node, "value", None)
            if isinstance(key, str):
                if key in seen:
                    self.repeated.append((key_node.start_mark.line + 1, key))
                seen.add(key)
        return super().construct_mapping(node, deep)


KNOWN_KEYS = frozenset({"name", "cameo", "verbs", "nouns", "target", "source", "object", "object_not", "with",
                        "unless", "mutual", "describes", "modality", "note", "patient", "subject_head",
                        "places", "alone"})
PATIENTS = frozenset({"actor", "person", "organisation", "event", "nationals"})


@dataclass(frozen=True)
class Pattern:
    id: str                                  # "id/lexicon/11.yaml#criticize"
    cameo: str | None
    target: tuple[str, ...] = ()             # slot names; () = the grammar's defaults
    source: str = "subject"                  # "subject" (the voice decides), "speaker", or the first of `sources`
    sources: tuple[str, ...] = ()            # slot names tried in order for the source
    patient: str = ""                        # "actor", "person", "organisation", "nationals" or "event": what the
    #                                          patient must be
    object_heads: tuple[str, ...] = ()
    object_not: tuple[str, ...] = ()
    subject_heads: tuple[str, ...] = ()
    with_words: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()
    mutual: bool = False
    describes: bool = False
    modality: str | None = None
    places: bool = False                     # a place in a target slot stands for its state
    alone: bool = False                      # only one side does it: a sense that a list of doers rules out

    @property
    def constrained(self) -> bool:
        """Whether the pattern asks anything of its clause: such senses are tried before the plain ones."""
        return bool(self.object_heads or self.with_words or self.patient or self.subject_heads)


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Entry:
    """One surface form of one pattern."""

    pattern: Pattern
    form: Form


@dataclass
class Lexicon:
    lang: str
    patterns: list[Pattern] = field(default_factory=list)
    by_form: dict[str, list[Entry]] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)   # (where, what), for `relasi dict check`
    references: frozenset[str] = frozenset()    # nouns that refer to an act (grammar.yaml `references`)

    def entries(self, surface: str) -> list[Entry]:
        return self.by_form.get(surface, [])

    def coverage(self) -> dict[str, int]:
        """Surface forms per CAMEO code (the `relasi dict check` coverage report)."""
        counts: dict[str, int] = {}
        for entries in self.by_form.values():
            for code in {e.pattern.cameo for e in entries if e.pattern.cameo}:
                counts[code] = counts.get(code, 0) + 1
        return counts


@dataclass(frozen=True)
class Phrasing:
    """What the grammar says about verb phrases: which words after a verb belong to it ("bertemu dengan",
    "shoot down", "menembak mati"), which verbs are light ("melakukan kunjungan"), which words open a phrase."""

    particles: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()


def load_lexicon(lang: str, folder: Path, origin: str | None = None, phrasing: Phrasing | None = None) -> Lexicon:
    """Read every `*.yaml` of `folder` (sorted by name); problems are collected, never raised.

    A verb phrase whose second word is not a particle is a verb and the patient its sense needs: "memutuskan
    hubungan diplomatik" becomes "memutuskan" whose object must be "hubungan diplomatik", so the clause step reads
    the verb's object and obliques as for any verb. A light verb with an event noun ("melakukan kunjungan") is left
    to the noun. (Without `phrasing`, phrases stay as written.)"""
    lexicon = Lexicon(lang)
    origin = origin or f"{lang}/lexicon"
    if not folder.is_dir():
        return lexicon
    for path in sorted(folder.glob("*.yaml")):
        where = f"{origin}/{path.name}"
        loader = _KeyCheckingLoader(path.read_text(encoding="utf-8"))
        try:
            items = loader.get_single_data()
        except yaml.YAMLError as error:
            lexicon.problems.append((where, f"invalid YAML: {error}"))
            continue
        finally:
            loader.dispose()
        lexicon.problems.extend((where, f"line {line}: key {key!r} given twice (the first is lost)")
                                for line, key in loader.repeated)
        for index, item in enumerate(items or ()):
            _add(lexicon, item, where, index)
    if phrasing is not None:
        _split_phrases(lexicon, phrasing)
    for entries in lexicon.by_form.values():
        # constrained senses first; among equals, the file order
        entries.sort(key=lambda e: not e.pattern.constrained)
    return lexicon


def _drop(lexicon: Lexicon, text: str, entries: list[Entry]) -> None:
    keep = [e for e in lexicon.by_form[text] if e not in entries]
    if keep:
        lexicon.by_form[text] = keep
    else:
        del lexicon.by_form[text]


def _split_phrases(lexicon: Lexicon, phrasing: Phrasing) -> None:
    nouns = {text for text, entries in lexicon.by_form.items() if any(e.form.voice == "noun" for e in entries)}
    derived: dict[tuple[str, str], Pattern] = {}
    for text in [t for t in lexicon.by_form if " " in t]:
        verbs = [e for e in lexicon.by_form[text] if e.form.voice != "noun" and e.form.tag != "plain"]
        if not verbs:
            continue                                     # literal phrases ("=sangat menyesalkan") stay whole
        first, tail = text.split(" ", 1)
        words = tail.split()
        if first in phrasing.particles:
            continue                                     # "is ready to", "has been": no verb to hang a patient on
        if words[0] in phrasing.particles:
            # "break off diplomatic relations": the particle stays with the verb, the rest is the patient
            if len(words) < 2 or words[1] in phrasing.particles:
                continue
            first, tail, words = f"{first} {words[0]}", " ".join(words[1:]), words[1:]
        patient = " ".join(w for w in words if w not in phrasing.determiners) or tail
        if first in phrasing.light_verbs:
            if patient in nouns or tail in nouns:        # "melakukan kunjungan", "held talks": the noun carries
                _drop(lexicon, text, verbs)              # the event
            continue                                     # any other light-verb phrase stays whole
        _drop(lexicon, text, verbs)
        for entry in verbs:
            key = (entry.pattern.id, patient)
            pattern = derived.get(key)
            if pattern is None:
                pattern = derived[key] = replace(entry.pattern, object_heads=(patient,), object_not=())
            entries = lexicon.by_form.setdefault(first, [])
            if not any(e.pattern is pattern and e.form.voice == entry.form.voice for e in entries):
                entries.append(Entry(pattern, Form(first, entry.form.voice, entry.form.tag)))


def _add(lexicon: Lexicon, item: Any, where: str, index: int) -> None:
    if not isinstance(item, dict) or not item.get("name"):
        lexicon.problems.append((where, f"pattern {index + 1}: needs a name"))
        return
    place = f"{where}#{item['name']}"
    unknown = set(item) - KNOWN_KEYS
    if unknown:
        lexicon.problems.append((place, f"unknown keys {sorted(unknown)}"))
    cameo = item.get("cameo")
    if cameo is not None and not isinstance(cameo, str):
        lexicon.problems.append((place, f"cameo must be a quoted string, not {cameo!r}"))
        return
    raw_source = item.get("source", "subject")
    sources = _words(raw_source) if isinstance(raw_source, list) else ()
    source = "slots" if sources else str(raw_source)
    if source not in ("subject", "speaker", "slots"):
        lexicon.problems.append((place, "source must be subject, speaker or a list of slots"))
        return
    for key in ("target", "object", "object_not", "subject_head", "with", "unless", "source"):
        value = item.get(key)
        if isinstance(value, list) and any(not isinstance(v, str) for v in value):
            # YAML reads a bare on/off/yes/no as a boolean: "on" must be quoted, or the word is lost
            bad = [v for v in value if not isinstance(v, str)]
            lexicon.problems.append((place, f"{key}: {bad!r} is not a string (quote it)"))
    patient = str(item.get("patient") or "")
    if patient and patient not in PATIENTS:
        lexicon.problems.append((place, f"patient must be one of {sorted(PATIENTS)}"))
        return
    pattern = Pattern(
        id=place, cameo=cameo, target=_words(item.get("target")), source=source, sources=sources, patient=patient,
        object_heads=_words(item.get("object")), object_not=_words(item.get("object_not")),
        subject_heads=_words(item.get("subject_head")), with_words=_words(item.get("with")),
        unless=_words(item.get("unless")),
        mutual=bool(item.get("mutual")), describes=bool(item.get("describes")),
        modality=item.get("modality"), places=bool(item.get("places")), alone=bool(item.get("alone")),
    )
    lexicon.patterns.append(pattern)
    for kind, derive in (("verbs", verb_forms), ("nouns", noun_forms)):
        for spec in item.get(kind) or ():
            if not isinstance(spec, str):
                # YAML reads a bare on/off/yes/no as a boolean: "on" must be quoted
                lexicon.problems.append((place, f"{kind}: {spec!r} is not a string (quote it)"))
                continue
            try:
                forms = derive(lexicon.lang, str(spec))
            except BadForm as error:
                lexicon.problems.append((place, str(error)))
                continue
            for form in forms:
                entries = lexicon.by_form.setdefault(form.text, [])
                if not any(e.pattern is pattern and e.form.voice == form.voice for e in entries):
                    entries.append(Entry(pattern, form))


def _words(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.lower(),)
    return tuple(str(v).lower() for v in value if isinstance(v, str))


def surface_forms(lexicon: Lexicon) -> Iterable[str]:
    return lexicon.by_form.keys()


@dataclass(frozen=True)
class Coverage:
    """How much of the codebook a lexicon reaches."""

    forms: int                                   # distinct surface forms of event patterns
    codes: frozenset[str]                        # CAMEO codes with at least one form
    by_root: dict[str, tuple[int, int]]          # root -> (codes with a form, codes in the codebook)
    missing: tuple[str, ...]                     # 3-digit codebook codes with no form


def coverage(lexicon: Lexicon, codebook_codes: Iterable[str]) -> Coverage:
    per_code = lexicon.coverage()
    codes = frozenset(per_code)
    book = sorted(set(codebook_codes))
    by_root: dict[str, tuple[int, int]] = {}
    for root in sorted({c[:2] for c in book}):
        in_root = [c for c in book if c[:2] == root]
        by_root[root] = (sum(1 for c in in_root if c in codes), len(in_root))
    forms = sum(1 for entries in lexicon.by_form.values() if any(e.pattern.cameo for e in entries))
    missing = tuple(c for c in book if len(c) == 3 and c not in codes)
    return Coverage(forms, codes, by_root, missing)
