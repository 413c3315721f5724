"""Argument, modality and date rules of the coder, on a small pack written here (not the big dictionaries): the
clause step's slots read through a hand-written lexicon."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from relasi.actors import find_actors
from relasi.clauses import parse_clauses
from relasi.events import code_events
from relasi.model import Article
from relasi.packs import DATA_DIR, load_pack
from relasi.sentences import split_sentences

ACTORS = """name\tcode\tkind\tcanonical\tcountry\tsector\trole\tvalid_from\tvalid_to\tflags
Rusia\tRUS\tSTATE\tRussia\tRUS\t\t\t\t\t
Kuba\tCUB\tSTATE\tCuba\tCUB\t\t\t\t\t
AS\tUSA\tSTATE\tUnited States\tUSA\t\t\t\t\tcs
China\tCHN\tSTATE\tChina\tCHN\t\t\t\t\t
Ukraina\tUKR\tSTATE\tUkraine\tUKR\t\t\t\t\t
Iran\tIRN\tSTATE\tIran\tIRN\t\t\t\t\t
Moskow\tRUS\tCITY\tMoscow\tRUS\tGOV\t\t\t\tmetonym
Jenewa\tCHE\tCITY\tGeneva\tCHE\t\t\t\t\tplace
TASS\tRUS\tORG\tTASS\tRUS\tMED\tnews agency\t\t\t
"""
ROLES = """phrase\tkind\tsector\trole\tflags
Presiden\tPERSON\tGOV\tpresident\t
Menteri Luar Negeri\tPERSON\tGOV\tforeign minister\t
pasukan\tORG\tMIL\tarmed forces\tplural
"""
LEXICON = """
- {name: telepon, cameo: "041", verbs: [ber-bicara], with: [telepon]}
- {name: bertemu, cameo: "040", verbs: [ber-temu, temu-i], nouns: [per-temu-an]}
- {name: kecam, cameo: "111", verbs: [kecam]}
- {name: tuduh, cameo: "112", verbs: [tuduh]}
- {name: serang, cameo: "190", verbs: [serang], nouns: [serang-an]}
- {name: sanksi, cameo: "163", nouns: [sanksi]}
- {name: kirim-bantuan, cameo: "073", verbs: [kirim], object: [bantuan]}
- {name: desak, cameo: "020", verbs: [desak, minta]}
- {name: runding, cameo: "046", verbs: [ber-runding]}
- {name: ancam, cameo: "130", verbs: [ancam]}
- {name: tahan, cameo: "173", verbs: [tahan], object_not: [diri]}
- {name: tahan-diri, cameo: null, verbs: [tahan diri]}
"""
PEOPLE = """canonical\tvariants\tcode\tcountry\tsector\trole\tvalid_from\tvalid_to\tflags
Vladimir Putin\tVladimir Putin|Putin\tRUS\tRUS\tGOV\tpresident\t2012-05-07\t\t
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    root = tmp_path_factory.mktemp("packdata")
    (root / "id").mkdir()
    (root / "common").mkdir()
    (root / "id" / "actors.tsv").write_text(ACTORS, encoding="utf-8")
    (root / "id" / "roles.tsv").write_text(ROLES, encoding="utf-8")
    (root / "common" / "people.tsv").write_text(PEOPLE, encoding="utf-8")
    shutil.copy(DATA_DIR / "id" / "grammar.yaml", root / "id" / "grammar.yaml")
    (root / "id" / "lexicon").mkdir()
    (root / "id" / "lexicon" / "test.yaml").write_text(LEXICON, encoding="utf-8")
    return load_pack("id", Path(root))


def _code(pack, body: str, published: str = "2022-01-25"):
    article = Article(id="t", source="t", body=body, published=published)
    return code_events(parse_clauses(find_actors(split_sentences(article, pack), pack), pack), pack).events


def _summary(events):
    return [(e.source.code, e.target.code, e.plover, e.modality, e.negated) for e in events]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Rusia mengecam AS.", [("RUS", "USA", "ACCUSE", "asserted", False)]),
        ("Ukraina diserang oleh pasukan Rusia.", [("RUS", "UKR", "ASSAULT", "asserted", False)]),
        ("Sanksi AS terhadap Iran diperketat.", [("USA", "IRN", "SANCTION", "asserted", False)]),
        ("Rusia dan China mengecam AS.",
         [("RUS", "USA", "ACCUSE", "asserted", False), ("CHN", "USA", "ACCUSE", "asserted", False)]),
        ("Rusia dan China bertemu di Jenewa.", [("RUS", "CHN", "CONSULT", "asserted", False)]),
        ("Pertemuan antara Rusia dan Kuba berlangsung hangat.", [("RUS", "CUB", "CONSULT", "asserted", False)]),
        ("Rusia tidak menyerang Ukraina.", [("RUS", "UKR", "ASSAULT", "asserted", True)]),
        ("Rusia berencana mengirim bantuan ke Kuba.", [("RUS", "CUB", "AID", "intended", False)]),
        ("Rusia berjanji akan mengirim bantuan ke Kuba.", [("RUS", "CUB", "AGREE", "asserted", False)]),
        ("Rusia mengancam akan menyerang Ukraina.", [("RUS", "UKR", "THREATEN", "asserted", False)]),
        ("Jika AS menyerang Iran, harga minyak naik.", [("USA", "IRN", "ASSAULT", "hypothetical", False)]),
        ("Rusia membantah merencanakan serangan terhadap Ukraina.", [("RUS", "UKR", "ASSAULT", "denied", False)]),
        ("Rusia mengecam AS dan mendesak Ukraina berunding.",
         [("RUS", "USA", "ACCUSE", "asserted", False), ("RUS", "UKR", "REQUEST", "asserted", False)]),
        ("Moskow mengecam AS.", [("RUS", "USA", "ACCUSE", "asserted", False)]),
        # the sense needs its patient: "menahan diri" is restraint, not detention
        ("Rusia meminta Ukraina menahan diri.", [("RUS", "UKR", "REQUEST", "asserted", False)]),
        ("Iran menahan kapal tanker Rusia.", [("IRN", "RUS", "COERCE", "asserted", False)]),
        # the content of a demand has not happened
        ("Rusia mendesak Ukraina menyerang Iran.", [("RUS", "UKR", "REQUEST", "asserted", False)]),
    ],
)
def test_coder_arguments_and_modality(pack, body, expected):
    assert _summary(_code(pack, body)) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Rusia mengecam Rusia.",                       # self-dyad
        "TASS mengecam AS.",                           # a news agency is not a state actor
        "Warga Rusia berlibur di Jenewa.",             # no trigger
        "Putin mengecam keputusan itu di Jenewa.",     # Geneva is where, not whom
    ],
)
def test_coder_no_event(pack, body):
    assert _code(pack, body) == ()


def test_coder_speaker_is_source_of_first_person_quote(pack):
    events = _code(pack, '"Kami mengecam AS," kata Presiden Rusia Vladimir Putin.')
    assert _summary(events) == [("RUS", "USA", "ACCUSE", "asserted", False)]
    assert events[0].source.name == "Vladimir Putin" and events[0].source.role == "president"


def test_coder_event_carries_pattern_date_and_evidence(pack):
    body = ("Pada Senin (24/1), Presiden Rusia Vladimir Putin berbicara dengan Presiden Kuba Miguel Díaz-Canel "
            "melalui telepon.")
    (event,) = _code(pack, body)
    assert (event.cameo, event.plover, event.goldstein, event.quad_class) == ("041", "CONSULT", 1.0, 1)
    assert event.pattern == "id/lexicon/test.yaml#telepon"
    assert (event.date, event.date_precision) == ("2022-01-24", "day")
    assert body[event.start:event.end] == event.sentence == body
    assert event.target.name == "Miguel Díaz-Canel" and event.target.code == "CUB"


@pytest.mark.parametrize(("body", "date", "precision"), [
    # the date of a subordinate clause dates that clause's act, not the main one's
    ("Rusia mengecam AS sejak serangan dimulai pada Februari 2021.", "2022-01-25", "published"),
    ("Rusia mengecam AS pada Senin (24/1) setelah pertemuan di Jenewa.", "2022-01-24", "day"),
])
def test_coder_date_comes_from_the_clause_of_the_act(pack, body, date, precision):
    accusation = next(e for e in _code(pack, body) if e.cameo == "111")
    assert (accusation.date, accusation.date_precision) == (date, precision)


def test_coder_repeated_event_coded_once(pack):
    events = _code(pack, "Rusia mengecam AS. Sekali lagi, Rusia mengecam AS.")
    assert len(events) == 1


def test_coder_one_statement_of_a_kind_per_sentence(pack):
    # a criticism told with two verbs in one sentence is one statement; told again in a later sentence with
    # another word it is a statement of its own
    one = _code(pack, "Rusia mengecam AS dan menuduh AS melanggar perjanjian.")
    assert [(e.source.code, e.target.code, e.cameo) for e in one] == [("RUS", "USA", "111")]
    two = _code(pack, "Rusia mengecam AS. Sehari kemudian, Rusia menuduh AS melanggar perjanjian.")
    assert sorted(e.cameo for e in two) == ["111", "112"]
