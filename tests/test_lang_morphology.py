"""Word forms derived from roots (Indonesian affixation) and lemmas (English inflection)."""

from __future__ import annotations

import pytest

from relasi.lang.morphology import (
    BadForm,
    english_noun_forms,
    english_verb_forms,
    indonesian_noun_forms,
    indonesian_root_candidates,
    indonesian_verb_forms,
    is_reciprocal,
    rough_stem,
)


@pytest.mark.parametrize(
    ("spec", "active", "passive"),
    [
        ("kecam", "mengecam", "dikecam"),         # k drops after meng-
        ("kirim-kan", "mengirimkan", "dikirimkan"),
        ("serang", "menyerang", "diserang"),      # s → ny
        ("tolak", "menolak", "ditolak"),          # t drops after men-
        ("pukul", "memukul", "dipukul"),          # p drops after mem-
        ("bantu", "membantu", "dibantu"),
        ("minta", "meminta", "diminta"),          # m, n, l, r, w, y take me-
        ("rebut", "merebut", "direbut"),
        ("desak", "mendesak", "didesak"),
        ("cabut", "mencabut", "dicabut"),
        ("jatuh-kan", "menjatuhkan", "dijatuhkan"),
        ("usir", "mengusir", "diusir"),           # vowels take meng-
        ("gelar", "menggelar", "digelar"),
        ("bom", "mengebom", "dibom"),             # one syllable: menge-
        ("kritik", "mengkritik", "dikritik"),     # loanword clusters keep their first consonant
        ("klaim", "mengklaim", "diklaim"),
        ("khianat-i", "mengkhianati", "dikhianati"),
        ("khawatir-kan", "mengkhawatirkan", "dikhawatirkan"),
        ("protes", "memprotes", "diprotes"),
        ("temu-i", "menemui", "ditemui"),
        ("memper-kuat", "memperkuat", "diperkuat"),
        ("tembak mati", "menembak mati", "ditembak mati"),
    ],
)
def test_morphology_indonesian_transitive_verb(spec: str, active: str, passive: str) -> None:
    forms = {form.voice: form.text for form in indonesian_verb_forms(spec) if form.tag != "saling"}
    assert forms == {"active": active, "passive": passive}


@pytest.mark.parametrize(
    ("spec", "reciprocal"),
    [("tuduh", "saling tuduh"), ("serang", "saling serang"), ("kirim-kan", "saling kirimkan"),
     ("temu-i", "saling temui"), ("tembak mati", "saling tembak mati")],
)
def test_morphology_indonesian_transitive_verb_bare_after_saling(spec: str, reciprocal: str) -> None:
    forms = [form for form in indonesian_verb_forms(spec) if form.tag == "saling" and form.voice == "active"]
    assert [form.text for form in forms] == [reciprocal]


@pytest.mark.parametrize("spec", ["ber-temu", "meN-tuduh", "di-serang", "memper-kuat", "=tiba di"])
def test_morphology_indonesian_prefixed_verb_has_no_bare_reciprocal(spec: str) -> None:
    assert all(form.tag != "saling" for form in indonesian_verb_forms(spec))


@pytest.mark.parametrize(
    ("spec", "text", "voice"),
    [("ber-temu", "bertemu", "active"), ("ber-kerja", "bekerja", "active"), ("ber-runding", "berunding", "active"),
     ("ter-tembak", "tertembak", "passive"), ("=tiba di", "tiba di", "active"), ("meN-tuduh", "menuduh", "active")],
)
def test_morphology_indonesian_single_voice(spec: str, text: str, voice: str) -> None:
    assert [(f.text, f.voice) for f in indonesian_verb_forms(spec)] == [(text, voice)]


@pytest.mark.parametrize(
    ("spec", "noun"),
    [("serang-an", "serangan"), ("peN-serang-an", "penyerangan"), ("peN-usir-an", "pengusiran"),
     ("peN-tangkap-an", "penangkapan"), ("peN-langgar-an", "pelanggaran"), ("peN-bom-an", "pengeboman"),
     ("per-runding-an", "perundingan"), ("per-temu-an", "pertemuan"), ("ke-sepakat-an", "kesepakatan"),
     ("gencatan senjata", "gencatan senjata")],
)
def test_morphology_indonesian_noun(spec: str, noun: str) -> None:
    assert [f.text for f in indonesian_noun_forms(spec)] == [noun]


@pytest.mark.parametrize("spec", ["ber-", "Kecam", "peN-serang-kan", "di-serang-an"])
def test_morphology_indonesian_bad_spec(spec: str) -> None:
    with pytest.raises(BadForm):
        indonesian_verb_forms(spec) if not spec.startswith("di-") else indonesian_noun_forms(spec)


@pytest.mark.parametrize(("word", "root"), [("menyerang", "serang"), ("mengecam", "kecam"), ("memukul", "pukul"),
                                            ("diperkuat", "kuat"), ("bertemu", "temu")])
def test_morphology_indonesian_roots_invert_the_rules(word: str, root: str) -> None:
    assert root in indonesian_root_candidates(word)


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [("condemn", {"condemn", "condemns", "condemned", "condemning"}),
     ("strike", {"strike", "strikes", "struck", "striking", "stricken"}),
     ("withdraw", {"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"}),
     ("lash out at", {"lash out at", "lashes out at", "lashed out at", "lashing out at"})],
)
def test_morphology_english_verb_inflections(lemma: str, expected: set[str]) -> None:
    assert {f.text for f in english_verb_forms(lemma)} == expected


def test_morphology_english_past_participle_is_tagged() -> None:
    tags = {f.text: f.tag for f in english_verb_forms("expel")}
    assert tags["expelled"] == "VBN"


@pytest.mark.parametrize(("lemma", "expected"), [("sanction", {"sanction", "sanctions"}),
                                                 ("peace talk", {"peace talk", "peace talks"}),
                                                 ("embassy", {"embassy", "embassies"})])
def test_morphology_english_noun_plurals(lemma: str, expected: set[str]) -> None:
    assert {f.text for f in english_noun_forms(lemma)} == expected


@pytest.mark.parametrize(("lang", "verb", "noun"), [
    ("id", "meluncurkan", "peluncuran"), ("id", "menyerang", "penyerangan"), ("id", "mengusir", "pengusiran"),
    ("id", "menangkap", "penangkapan"), ("en", "launched", "launch"), ("en", "tested", "tests"),
])
def test_rough_stem_joins_a_verb_and_its_action_noun(lang: str, verb: str, noun: str) -> None:
    assert rough_stem(verb, lang) == rough_stem(noun, lang)


@pytest.mark.parametrize(("lang", "first", "second"),
                         [("id", "meluncurkan", "penyerangan"), ("en", "launched", "test")])
def test_rough_stem_keeps_different_words_apart(lang: str, first: str, second: str) -> None:
    assert rough_stem(first, lang) != rough_stem(second, lang)


@pytest.mark.parametrize(("spec", "word"), [("tembak", "tembak-menembak"), ("serang", "serang-menyerang"),
                                            ("kecam", "kecam-mengecam"), ("tuduh", "tuduh-menuduh")])
def test_morphology_indonesian_reduplicated_reciprocal_is_a_noun(spec: str, word: str) -> None:
    assert (word, "noun") in [(form.text, form.voice) for form in indonesian_verb_forms(spec)]


@pytest.mark.parametrize(("word", "reciprocal"), [("tembak-menembak", True), ("kunjung-mengunjungi", True),
                                                  ("serang-menyerang", True), ("kapal-kapal", False),
                                                  ("pasca-serangan", False), ("menembak", False)])
def test_morphology_is_reciprocal(word: str, reciprocal: bool) -> None:
    assert is_reciprocal(word) is reciprocal
