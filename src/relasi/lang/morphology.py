"""Word forms derived from roots and lemmas, so a lexicon lists each word once.

Indonesian: affixation with the nasal assimilation of meN- and peN- (mengecam, menyerang, memukul, menolak,
mengirimkan, penyerangan, pengusiran), the passive di-, the stative ter-, ber-, memper-/diper-, and the
nominalisers -an, per-…-an, ke-…-an. A form is written as affixes and a root joined by hyphens:
``kirim-kan`` is the transitive verb (mengirimkan, dikirimkan), ``ber-temu`` the intransitive one (bertemu),
``peN-serang-an`` a noun (penyerangan). English: every inflection of a lemma from lemminflect ("strike" →
strikes, struck, striking, stricken), the particles of a phrasal verb kept ("lash out at" → lashed out at).

Both languages return `Form`s that say which voice a surface form carries: the clause step reads a di- verb
or a past participle after "was" as passive without a second lookup.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from relasi.pickling import reduce_by_fields

Voice = Literal["active", "passive", "noun"]

_VOWELS = frozenset("aeiou")
# Consonant clusters of loanwords keep their first letter after meN-/peN- (mengkritik, mengkhianati, memprotes,
# mentransfer).
_KEPT_CLUSTERS = ("kr", "kl", "kh", "pr", "pl", "tr", "sk", "sl", "sp", "st", "sw", "sy", "sn")
PREFIXES = frozenset({"meN", "di", "ter", "ber", "memper", "diper", "peN", "per", "ke", "se"})
SUFFIXES = frozenset({"kan", "i", "an"})


class BadForm(ValueError):
    """A form specification that cannot be read ("ber-", "xyz-kan-an")."""


@reduce_by_fields
@dataclass(frozen=True, slots=True)
class Form:
    text: str            # lower case surface form, words separated by single spaces
    voice: Voice
    tag: str = ""        # what made it: "meN", "di", "ber", "VBD", "NNS", ...


def _nasal(prefix: str, root: str) -> str:
    """meN- or peN- (`prefix` "me" or "pe") joined to `root` by the nasal assimilation rules."""
    first = root[:1]
    if root.startswith(_KEPT_CLUSTERS):
        nasal = {"k": "ng", "p": "m", "t": "n", "s": "n"}[first]
        return f"{prefix}{nasal}{root}"                      # mengkritik, mengklaim, memprotes, mentransfer
    if _syllables(root) == 1:
        return f"{prefix}nge{root}"                          # mengebom, mengecek, pengeboman
    if first in _VOWELS:
        return f"{prefix}ng{root}"                           # mengancam, mengusir
    if first == "k":
        return f"{prefix}ng{root[1:]}"                       # mengecam, mengirim
    if first in "gh":
        return f"{prefix}ng{root}"                           # menggelar, menghantam
    if first == "p":
        return f"{prefix}m{root[1:]}"                        # memukul, memuji
    if first in "bfv":
        return f"{prefix}m{root}"                            # membantu, memfasilitasi, memvonis
    if first == "t":
        return f"{prefix}n{root[1:]}"                        # menolak, menembak
    if first in "dcjz":
        return f"{prefix}n{root}"                            # mendesak, mencabut, menjual
    if first == "s":
        return f"{prefix}ny{root[1:]}"                       # menyerang, menyebut
    return f"{prefix}{root}"                                 # meminta, menilai, melawan, merebut, mewajibkan


def _syllables(root: str) -> int:
    """Vowels are syllables ("jual", "cair", "buat" have two); a final diphthong is one ("pakai", "pulau")."""
    count = sum(1 for char in root if char in _VOWELS)
    if root.endswith(("ai", "au", "oi", "ei")):
        count -= 1
    return count


def _ber(root: str) -> str:
    # ber- loses its r before r and before a first syllable in -er (berenang, bekerja, beternak); belajar is special
    if root == "ajar":
        return "belajar"
    if root.startswith("r") or (len(root) > 3 and root[1:3] == "er" and root[0] not in _VOWELS
                                and root[3] not in _VOWELS):
        return f"be{root}"                                   # bekerja, beternak (ker|ja); but bergerak (ge|rak)
    return f"ber{root}"


def _ter(root: str) -> str:
    return f"te{root}" if root.startswith("r") else f"ter{root}"


def _per(root: str) -> str:
    return f"pe{root}" if root.startswith("r") else f"per{root}"


def parse_spec(spec: str) -> tuple[str | None, str, str | None]:
    """("ber", "temu", None) for "ber-temu"; (None, "kirim", "kan") for "kirim-kan"."""
    parts = spec.split("-")
    prefix = parts[0] if len(parts) > 1 and parts[0] in PREFIXES else None
    suffix = parts[-1] if len(parts) > 1 and parts[-1] in SUFFIXES else None
    root = "-".join(parts[1 if prefix else 0:len(parts) - 1 if suffix else len(parts)])
    if not root or not root.replace("-", "").isalpha() or root != root.lower():
        raise BadForm(f"no root in {spec!r}")
    if prefix in ("peN", "per", "ke") and suffix not in ("an", None):
        raise BadForm(f"{prefix}- takes -an, not -{suffix}: {spec!r}")
    return prefix, root, suffix


def indonesian_word(prefix: str | None, root: str, suffix: str | None) -> str:
    """One affixed word: indonesian_word("meN", "kirim", "kan") == "mengirimkan"."""
    stem = root + (suffix or "")
    if prefix is None:
        return stem
    if prefix == "meN":
        return _nasal("me", root) + (suffix or "")
    if prefix == "peN":
        return _nasal("pe", root) + (suffix or "")
    if prefix == "ber":
        return _ber(root) + (suffix or "")
    if prefix == "ter":
        return _ter(root) + (suffix or "")
    if prefix == "per":
        return _per(root) + (suffix or "")
    return prefix + stem                                    # di, memper, diper, ke, se


def reciprocal_word(root: str, suffix: str | None = None) -> str:
    """The reduplicated reciprocal of a transitive root: reciprocal_word("tembak") == "tembak-menembak"."""
    return f"{root}-{indonesian_word('meN', root, suffix)}"


def is_reciprocal(word: str) -> bool:
    """Whether a word is a root joined to its own meN- form ("serang-menyerang", "kunjung-mengunjungi")."""
    first, dash, second = word.partition("-")
    return bool(dash) and bool(first) and any(second == indonesian_word("meN", first, suffix)
                                              for suffix in (None, "kan", "i"))


def indonesian_verb_forms(spec: str) -> list[Form]:
    """The verb forms of one specification; the first word of a phrase is derived, the rest kept as written.

    - ``kecam`` / ``kirim-kan`` / ``temu-i``: a transitive verb, active meN- and passive di- (mengecam, dikecam),
      and bare after the reciprocal "saling" (saling kecam);
    - ``ber-temu``, ``ter-tembak``, ``meN-X``, ``di-X``: that prefix only (bertemu; tertembak is passive);
    - ``memper-kuat``: memperkuat and diperkuat;
    - ``=tiba``: the word as written, an active intransitive verb.
    """
    if spec.startswith("="):
        return [Form(spec[1:].strip().lower(), "active", "plain")]
    head, _, tail = spec.partition(" ")
    prefix, root, suffix = parse_spec(head)
    rest = f" {tail.strip()}" if tail.strip() else ""
    if prefix is None:
        # "saling tuduh", "saling serang": after the reciprocal "saling" a transitive verb may stand bare; the
        # root before its meN- form ("tembak-menembak", "kunjung-mengunjungi") names the reciprocal act
        forms = [Form(indonesian_word("meN", root, suffix) + rest, "active", "meN"),
                 Form(indonesian_word("di", root, suffix) + rest, "passive", "di"),
                 Form(f"saling {indonesian_word(None, root, suffix)}{rest}", "active", "saling")]
        if "-" not in root and not rest:
            forms.append(Form(reciprocal_word(root, suffix), "noun", "saling"))
        return forms
    if prefix == "memper":
        return [Form(indonesian_word("memper", root, suffix) + rest, "active", "memper"),
                Form(indonesian_word("diper", root, suffix) + rest, "passive", "diper")]
    if prefix in ("meN", "ber", "se"):
        return [Form(indonesian_word(prefix, root, suffix) + rest, "active", prefix)]
    if prefix in ("di", "ter", "diper"):
        return [Form(indonesian_word(prefix, root, suffix) + rest, "passive", prefix)]
    raise BadForm(f"{prefix}- makes a noun, not a verb: {spec!r}")


def indonesian_noun_forms(spec: str) -> list[Form]:
    """``serang-an`` → serangan, ``peN-serang-an`` → penyerangan, ``per-runding-an`` → perundingan,
    ``ke-sepakat-an`` → kesepakatan; a plain word is itself ("sanksi", "gencatan senjata")."""
    if spec.startswith("="):
        spec = spec[1:]
    head, _, tail = spec.strip().partition(" ")
    rest = f" {tail.strip()}" if tail.strip() else ""
    if "-" not in head:
        return [Form(head.lower() + rest, "noun", "plain")]
    prefix, root, suffix = parse_spec(head)
    if prefix in ("meN", "di", "ter", "ber", "memper", "diper"):
        raise BadForm(f"{prefix}- makes a verb, not a noun: {spec!r}")
    return [Form(indonesian_word(prefix, root, suffix) + rest, "noun", f"{prefix or ''}-an")]


# --- English


@lru_cache(maxsize=4096)
def _inflections(lemma: str, upos: str) -> dict[str, tuple[str, ...]]:
    import lemminflect

    found = lemminflect.getAllInflections(lemma, upos=upos)
    return found or lemminflect.getAllInflectionsOOV(lemma, upos=upos)


def english_verb_forms(spec: str) -> list[Form]:
    """Every inflection of the verb (the first word of a phrasal verb); past participles are listed with the
    "VBN" tag, the clause step decides from the auxiliary before them whether they are passive."""
    if spec.startswith("="):
        return [Form(spec[1:].strip().lower(), "active", "plain")]
    head, _, tail = spec.strip().lower().partition(" ")
    rest = f" {tail.strip()}" if tail.strip() else ""
    inflections = _inflections(head, "VERB")
    forms: dict[str, str] = {head: "VB"}
    for tag in ("VBZ", "VBD", "VBG", "VBN"):
        for word in inflections.get(tag, ()):
            forms.setdefault(word, tag)
    past = inflections.get("VBD", ())
    for word in inflections.get("VBN", ()) or past:        # lemminflect leaves VBN out where it equals VBD
        forms[word] = "VBN"
    return [Form(word + rest, "active", tag) for word, tag in forms.items()]


def english_noun_forms(spec: str) -> list[Form]:
    """The noun and its plural ("sanction" → sanctions); a phrase inflects its last word ("peace talk")."""
    if spec.startswith("="):
        return [Form(spec[1:].strip().lower(), "noun", "plain")]
    words = spec.strip().lower().split()
    forms = {" ".join(words): "NN"}
    for plural in _inflections(words[-1], "NOUN").get("NNS", ()):
        forms.setdefault(" ".join([*words[:-1], plural]), "NNS")
    return [Form(text, "noun", tag) for text, tag in forms.items()]


def verb_forms(lang: str, spec: str) -> list[Form]:
    return indonesian_verb_forms(spec) if lang == "id" else english_verb_forms(spec)


def noun_forms(lang: str, spec: str) -> list[Form]:
    return indonesian_noun_forms(spec) if lang == "id" else english_noun_forms(spec)


def indonesian_root_candidates(word: str) -> list[str]:
    """Roots a meN-/di-/ber-/ter- word may come from ("menyerang" → ["serang"]); the inverse of the rules above,
    used to recognise verbs that no lexicon lists."""
    for prefix in ("memper", "diper"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            return [word[len(prefix):]]
    if word.startswith("di") and len(word) > 4:
        return [word[2:]]
    if word.startswith(("ber", "ter")) and len(word) > 5:
        return [word[3:]]
    if word.startswith("meng"):
        rest = word[4:]
        return [rest, "k" + rest] if rest[:1] in _VOWELS else [rest]
    if word.startswith("meny"):
        return ["s" + word[4:]]
    if word.startswith("mem"):
        rest = word[3:]
        return ["p" + rest, "m" + rest] if rest[:1] in _VOWELS else [rest]
    if word.startswith("men"):
        rest = word[3:]
        return ["t" + rest, "n" + rest] if rest[:1] in _VOWELS else [rest]
    if word.startswith("me") and word[2:3] in ("l", "r", "m", "n", "w", "y"):
        return [word[2:]]
    return []


_ID_PREFIXES = ("meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "pe", "di", "ber", "ter")


def rough_stem(word: str, lang: str) -> str:
    """A crude stem that joins a verb and its action noun ("meluncurkan"/"peluncuran", "launched"/"launch"):
    one prefix and one suffix off, leaving at least four letters. For telling a noun that refers back to the verb
    that told the act, not a lemmatiser."""
    word = word.lower()
    if lang == "id":
        word = word.removesuffix("nya")
        for prefix in _ID_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 4:
                word = word[len(prefix):]
                break
        for suffix in ("kan", "an", "i"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                return word[:-len(suffix)]
        return word
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[:-len(suffix)]
    return word
