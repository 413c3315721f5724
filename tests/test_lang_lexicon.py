"""The lexicon loader: patterns from data/<lang>/lexicon/*.yaml, their derived forms, and problems reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from relasi.lang.lexicon import load_lexicon

LEXICON = """
- name: criticize
  cameo: "111"
  verbs: [kecam, kritik]
  nouns: [kecam-an]
- name: detain
  cameo: "173"
  verbs: [tahan]
  object: [nelayan, kapal]
  object_not: [diri]
- name: restraint
  cameo: null
  verbs: [tahan diri]
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "11.yaml").write_text(LEXICON, encoding="utf-8")
    return tmp_path


def test_lexicon_derives_every_form(folder: Path) -> None:
    lexicon = load_lexicon("id", folder)
    assert {"mengecam", "dikecam", "saling kecam", "mengkritik", "dikritik", "kecaman", "menahan", "ditahan",
            "menahan diri"} <= set(lexicon.by_form)
    assert [e.form.voice for e in lexicon.entries("dikecam")] == ["passive"]
    assert lexicon.entries("kecaman")[0].pattern.id == "id/lexicon/11.yaml#criticize"


def test_lexicon_non_event_phrase_has_no_code(folder: Path) -> None:
    lexicon = load_lexicon("id", folder)
    assert lexicon.entries("menahan diri")[0].pattern.cameo is None


def test_lexicon_coverage_counts_forms_per_code(folder: Path) -> None:
    coverage = load_lexicon("id", folder).coverage()
    # mengecam, dikecam, saling kecam, kecam-mengecam, the same four of kritik, kecaman; menahan, ditahan, saling
    # tahan, tahan-menahan
    assert coverage["111"] == 9 and coverage["173"] == 4


@pytest.mark.parametrize(
    ("content", "message"),
    [("- name: x\n  cameo: 111\n  verbs: [kecam]\n", "quoted string"),
     ("- name: x\n  cameo: '111'\n  verbs: [ber-]\n", "no root"),
     ("- name: x\n  cameo: '111'\n  typo: [kecam]\n", "unknown keys"),
     ("- cameo: '111'\n", "needs a name"),
     ("- name: [unclosed\n", "invalid YAML"),
     # a bare on/off reads as a boolean: the word would be lost without a word
     ("- name: x\n  cameo: '111'\n  verbs: [kecam]\n  target: [kepada, on]\n", "target: [True] is not a string"),
     ("- name: x\n  cameo: '111'\n  verbs: [kecam]\n  unless: [1945]\n", "unless: [1945] is not a string")],
)
def test_lexicon_problems_are_reported_not_raised(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "bad.yaml").write_text(content, encoding="utf-8")
    problems = load_lexicon("id", tmp_path).problems
    assert any(message in what and where.startswith("id/lexicon/bad.yaml") for where, what in problems)


def test_lexicon_constrained_senses_come_first(tmp_path: Path) -> None:
    (tmp_path / "17.yaml").write_text(
        "- {name: plain, cameo: '170', verbs: [tarik]}\n- {name: troops, cameo: '0871', verbs: [tarik], "
        "object: [pasukan]}\n", encoding="utf-8")
    lexicon = load_lexicon("id", tmp_path)
    assert [e.pattern.cameo for e in lexicon.entries("menarik")] == ["0871", "170"]


def test_lexicon_subject_head_constrains_a_sense(tmp_path: Path) -> None:
    (tmp_path / "07.yaml").write_text(
        "- {name: visit, cameo: '042', verbs: ['=tiba di']}\n- {name: aid-arrives, cameo: '073', "
        "verbs: ['=tiba di'], subject_head: [bantuan, tim penyelamat]}\n", encoding="utf-8")
    lexicon = load_lexicon("id", tmp_path)
    first = lexicon.entries("tiba di")[0].pattern
    assert (first.cameo, first.subject_heads) == ("073", ("bantuan", "tim penyelamat"))
    assert first.constrained and not lexicon.problems


def test_lexicon_alone_marks_a_sense_one_side_does(tmp_path: Path) -> None:
    (tmp_path / "15.yaml").write_text(
        "- {name: drills, cameo: '150', alone: true, verbs: [gelar], object: [latihan], with: [gabungan]}\n",
        encoding="utf-8")
    lexicon = load_lexicon("id", tmp_path)
    assert lexicon.entries("menggelar")[0].pattern.alone and not lexicon.problems


@pytest.mark.parametrize("lang", ["id", "en"])
def test_real_lexicons_have_no_problems(lang: str) -> None:
    from relasi.packs import load_pack

    assert load_pack(lang).lexicon.problems == []


def test_lexicon_reports_a_key_given_twice(tmp_path: Path) -> None:
    (tmp_path / "19.yaml").write_text(
        "- name: fight\n  cameo: '190'\n  verbs: [fight]\n  target: [with]\n  nouns: [clash]\n  target: [between]\n",
        encoding="utf-8")
    lexicon = load_lexicon("en", tmp_path)
    assert lexicon.problems == [("en/lexicon/19.yaml", "line 6: key 'target' given twice (the first is lost)")]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_bundled_lexicons_load_without_problems(lang: str) -> None:
    # a YAML slip (a note that opens with a quote and goes on after it) would drop a whole file's patterns
    from relasi.packs import load_pack

    assert load_pack(lang).lexicon.problems == []
