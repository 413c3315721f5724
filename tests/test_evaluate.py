"""Scoring against gold files: matching rules, IGO codes, entity sets, titles/dates, empty counts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from relasi.evaluate import (
    BadGoldFile,
    CodedEvent,
    Counts,
    Tally,
    evaluate,
    gold_side_code,
    igo_code,
    igo_table,
    match,
    parse_gold,
    read_gold,
    score_document,
)
from relasi.model import Actor, Article, Dropped, Event, Mention

# --- builders ------------------------------------------------------------------------------------


def actor(code: str, kind: str = "STATE") -> Actor:
    return Actor(code=code, kind=kind, name=code)


def event(source: str, target: str, cameo: str, plover: str | None, *, modality: str = "asserted",
          negated: bool = False) -> Event:
    return Event(
        source=actor(source), target=actor(target), cameo=cameo, plover=plover, goldstein=None,
        quad_class=None, date=None, date_precision="published", location=None, modality=modality,
        negated=negated, sentence=f"{source} {cameo} {target}.", start=0, end=1,
        pattern="id/verbs.yaml#test.x", confidence=1.0,
    )


def article(*events: Event, codes: tuple[str, ...] = (), title: str | None = None,
            published: str | None = None) -> Article:
    mentions = tuple(Mention(0, 1, c, actor(c)) for c in codes)
    return Article(id="x", source="t.json", body="b", title=title, published=published,
                   mentions=mentions, events=events)


def gold_event(source: str | None, target: str | None, cameo: str | None, plover: str | None,
               **extra: Any) -> dict[str, Any]:
    return {"source_iso3": source, "source_actor": None, "source_sector": "GOV", "target_iso3": target,
            "target_actor": None, "target_sector": "GOV", "plover": plover, "cameo": cameo,
            "date": None, "location": None, "sentence": "s", **extra}


def entity(mention: str, kind: str, canonical: str, iso3: str | None) -> dict[str, Any]:
    return {"mention": mention, "type": kind, "canonical": canonical, "country_iso3": iso3, "role": None}


def gold(*events: dict[str, Any], entities: tuple[dict[str, Any], ...] = (), title: str | None = None,
         published: str | None = None) -> dict[str, Any]:
    return {"id": "g", "language": "id", "title": title, "published": published, "authors": [],
            "entities": list(entities), "events": list(events), "text": "Teks berita."}


def score(gold_dict: dict[str, Any], predicted: Article | Dropped | None):
    return score_document(parse_gold("t.json", gold_dict), predicted)


def counts(c: Counts) -> tuple[int, int, int]:
    return (c.tp, c.fp, c.fn)


# --- event matching ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_events", "predicted", "expected"),
    [
        # same dyad and type
        ([gold_event("IDN", "MYS", "042", "CONSULT")], [event("IDN", "MYS", "042", "CONSULT")], (1, 0, 0)),
        # a different CAMEO code of the same PLOVER type still matches
        ([gold_event("IDN", "MYS", "042", "CONSULT")], [event("IDN", "MYS", "046", "CONSULT")], (1, 0, 0)),
        # symmetric types: either order
        ([gold_event("IDN", "MYS", "042", "CONSULT")], [event("MYS", "IDN", "040", "CONSULT")], (1, 0, 0)),
        ([gold_event("IDN", "MYS", "030", "AGREE")], [event("MYS", "IDN", "057", "AGREE")], (1, 0, 0)),
        ([gold_event("IND", "PAK", "062", "COOPERATE")], [event("PAK", "IND", "062", "COOPERATE")],
         (1, 0, 0)),
        # directed types: the reversed dyad is one fp and one fn
        ([gold_event("USA", "RUS", "112", "ACCUSE")], [event("RUS", "USA", "112", "ACCUSE")], (0, 1, 1)),
        ([gold_event("RUS", "UKR", "190", "ASSAULT")], [event("UKR", "RUS", "190", "ASSAULT")], (0, 1, 1)),
        # same dyad, another type
        ([gold_event("IDN", "MYS", "042", "CONSULT")], [event("IDN", "MYS", "051", "SUPPORT")], (0, 1, 1)),
        # another target
        ([gold_event("IDN", "MYS", "042", "CONSULT")], [event("IDN", "SGP", "042", "CONSULT")], (0, 1, 1)),
        # nothing predicted, nothing in gold
        ([gold_event("IDN", "MYS", "042", "CONSULT")], [], (0, 0, 1)),
        ([], [event("IDN", "MYS", "042", "CONSULT")], (0, 1, 0)),
    ],
)
def test_evaluate_event_matching_rules(gold_events, predicted, expected) -> None:
    assert counts(score(gold(*gold_events), article(*predicted)).events.counts) == expected


CONSULT_TWICE_AND_ACCUSE = [gold_event("IDN", "MYS", "042", "CONSULT"), gold_event("MYS", "IDN", "040", "CONSULT"),
                            gold_event("USA", "RUS", "112", "ACCUSE")]


@pytest.mark.parametrize(
    ("gold_events", "predicted", "expected"),
    [
        # one gold event, two predictions of it: one tp, one fp
        (CONSULT_TWICE_AND_ACCUSE[:1], [event("IDN", "MYS", "042", "CONSULT"), event("MYS", "IDN", "041", "CONSULT")],
         (1, 1, 0)),
        # two gold events of one key, one prediction: one tp, one fn
        (CONSULT_TWICE_AND_ACCUSE[:2], [event("IDN", "MYS", "042", "CONSULT")], (1, 0, 1)),
        (CONSULT_TWICE_AND_ACCUSE, [event("IDN", "MYS", "042", "CONSULT"), event("MYS", "IDN", "040", "CONSULT")],
         (2, 0, 1)),
        (CONSULT_TWICE_AND_ACCUSE, [event("IDN", "MYS", "042", "CONSULT")] * 3 + [event("RUS", "USA", "112", "ACCUSE")],
         (2, 2, 1)),
    ],
)
def test_evaluate_matching_is_one_to_one(gold_events, predicted, expected) -> None:
    assert counts(score(gold(*gold_events), article(*predicted)).events.counts) == expected


@pytest.mark.parametrize(
    "predicted",
    [
        event("IDN", "MYS", "042", "CONSULT", modality="intended"),
        event("IDN", "MYS", "042", "CONSULT", modality="hypothetical"),
        event("IDN", "MYS", "042", "CONSULT", modality="denied"),
        event("IDN", "MYS", "042", "CONSULT", negated=True),
        event("IDN", "MYS", "010", None),
    ],
)
def test_evaluate_uncounted_predictions_are_ignored(predicted: Event) -> None:
    result = score(gold(gold_event("IDN", "MYS", "042", "CONSULT")), article(predicted))
    assert counts(result.events.counts) == (0, 0, 1)
    assert counts(result.dyads.counts) == (0, 0, 1)


@pytest.mark.parametrize(("cameo", "predicted_cameo"), [("010", "010"), ("012", "013")])
def test_evaluate_gold_events_without_plover_are_not_counted(cameo: str, predicted_cameo: str) -> None:
    result = score(gold(gold_event("RUS", "USA", cameo, None)), article(event("RUS", "USA", predicted_cameo, None)))
    assert counts(result.events.counts) == (0, 0, 0)
    assert (result.events.counts.precision, result.events.counts.recall, result.events.counts.f1) == (1, 1, 1)


@pytest.mark.parametrize(
    ("gold_event_", "predicted", "events", "dyads"),
    [
        # type wrong, dyad right
        (gold_event("IDN", "MYS", "042", "CONSULT"), event("IDN", "MYS", "051", "SUPPORT"), (0, 1, 1), (1, 0, 0)),
        # dyads are unordered even for directed types
        (gold_event("RUS", "USA", "112", "ACCUSE"), event("USA", "RUS", "112", "ACCUSE"), (0, 1, 1), (1, 0, 0)),
        (gold_event("IDN", "MYS", "042", "CONSULT"), event("IDN", "SGP", "042", "CONSULT"), (0, 1, 1), (0, 1, 1)),
    ],
)
def test_evaluate_dyads_ignore_type_and_order(gold_event_, predicted: Event, events, dyads) -> None:
    result = score(gold(gold_event_), article(predicted))
    assert counts(result.events.counts) == events
    assert counts(result.dyads.counts) == dyads


def test_evaluate_match_without_codes_never_matches() -> None:
    unknown = CodedEvent(source=None, target="USA", plover="ACCUSE")
    assert counts(match([unknown], [unknown]).counts) == (0, 1, 1)


@pytest.mark.parametrize("copies", [2, 3])
def test_evaluate_match_counts_the_same_object_once_per_use(copies: int) -> None:
    same = CodedEvent(source="IDN", target="MYS", plover="CONSULT")
    assert counts(match([same], [same] * copies).counts) == (1, copies - 1, 0)


# --- IGO codes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "actor_name", "sector", "expected"),
    [
        ("RUS", "Sergey Lavrov", "GOV", "RUS"),
        ("NATO", None, "IGO", "NATO"),
        ("EU", "Josep Borrell", "IGO", "EU"),
        (None, "NATO", "IGO", "NATO"),
        (None, "United Nations", "IGO", "UN"),
        (None, "United Nations Security Council", "IGO", "UN"),
        (None, "ASEAN", "IGO", "ASEAN"),
        (None, "European Union", "IGO", "EU"),
        (None, "APEC", "IGO", "APEC"),           # an acronym is its own code
        (None, "East Asia Summit", "IGO", None),  # unknown and not an acronym
        (None, "Sergey Lavrov", "GOV", None),
        ("", None, "GOV", None),
    ],
)
def test_evaluate_gold_side_code(code, actor_name, sector, expected) -> None:
    assert gold_side_code(code, actor_name, sector, igo_table()) == expected


def test_evaluate_gold_igo_named_instead_of_coded_matches_predicted_code() -> None:
    raw = gold_event("RUS", None, "042", "CONSULT", target_actor="ASEAN", target_sector="IGO")
    assert counts(score(gold(raw), article(event("RUS", "ASEAN", "042", "CONSULT"))).events.counts) == (1, 0, 0)


def test_evaluate_igo_table_takes_pack_entries() -> None:
    class Row:
        kind, code, canonical, name = "IGO", "EAS", "East Asia Summit", "KTT Asia Timur"

    table = igo_table([Row()])
    assert igo_code("East Asia Summit", table) == "EAS"
    assert igo_code("ktt asia timur", table) == "EAS"
    assert table["nato"] == "NATO"


# --- entities ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entities", "predicted_codes", "expected"),
    [
        ((entity("RI", "COUNTRY", "Indonesia", "IDN"), entity("Prabowo", "PERSON", "Prabowo", "IDN"),
          entity("KUALA LUMPUR", "CITY", "Kuala Lumpur", "MYS")), ("IDN", "MYS"), (2, 0, 0)),
        ((entity("PBB", "IGO", "United Nations", None),), ("UN",), (1, 0, 0)),
        ((entity("Uni Eropa", "IGO", "European Union", None),), ("EU", "RUS"), (1, 1, 0)),
        ((entity("NATO", "IGO", "NATO", None), entity("Rusia", "COUNTRY", "Russia", "RUS")), ("RUS",), (1, 0, 1)),
        # entities without a code are skipped; empty predicted codes are ignored
        ((entity("Kashmir", "CITY", "Kashmir", None),), ("",), (0, 0, 0)),
        ((entity("KTT Asia Timur", "IGO", "East Asia Summit", None),), (), (0, 0, 0)),
    ],
)
def test_evaluate_entity_code_sets(entities, predicted_codes, expected) -> None:
    result = score(gold(entities=entities), article(codes=predicted_codes))
    assert counts(result.entities) == expected


# --- titles and dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold_title", "predicted_title", "expected"),
    [
        ("Rusia  dan\nAS Bertemu", " Rusia dan AS\u00a0Bertemu ", (1, 1)),
        ("Rusia dan AS Bertemu", "Rusia dan AS bertemu", (0, 1)),
        ("Rusia dan AS Bertemu", None, (0, 1)),
        (None, "Apa saja", (0, 0)),
    ],
)
def test_evaluate_title_exact_after_whitespace(gold_title, predicted_title, expected) -> None:
    result = score(gold(title=gold_title), article(title=predicted_title))
    assert (result.title.correct, result.title.total) == expected


@pytest.mark.parametrize(
    ("gold_date", "predicted", "expected"),
    [
        ("2023-10-03", "2023-10-03T09:06:00+07:00", (1, 1)),
        ("2023-10-03", "2023-10-03", (1, 1)),
        ("2023-10-03", "2023-10-04", (0, 1)),
        ("2023-10-03", None, (0, 1)),
        (None, "2023-10-03", (0, 0)),
    ],
)
def test_evaluate_published_date_part(gold_date, predicted, expected) -> None:
    result = score(gold(published=gold_date), article(published=predicted))
    assert (result.date.correct, result.date.total) == expected


# --- empty counts and the report -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("c", "expected"),
    [
        (Counts(0, 0, 0), (1.0, 1.0, 1.0)),   # nothing to find, nothing found
        (Counts(0, 0, 3), (0.0, 0.0, 0.0)),   # nothing found
        (Counts(0, 2, 0), (0.0, 0.0, 0.0)),   # nothing to find, something found
        (Counts(1, 1, 3), (0.5, 0.25, 1 / 3)),
    ],
)
def test_evaluate_empty_counts_are_defined(c: Counts, expected) -> None:
    assert (c.precision, c.recall, c.f1) == pytest.approx(expected)


@pytest.mark.parametrize(("tally", "expected"), [(Tally(0, 0), 1.0), (Tally(1, 4), 0.25)])
def test_evaluate_accuracy_of_nothing_is_one(tally: Tally, expected: float) -> None:
    assert tally.accuracy == expected


def test_evaluate_dropped_document_scores_as_empty_prediction() -> None:
    doc = parse_gold("t.json", gold(gold_event("IDN", "MYS", "042", "CONSULT"), title="Judul",
                                   entities=(entity("RI", "COUNTRY", "Indonesia", "IDN"),)))
    report = evaluate([(doc, Dropped("t.json", "extract", "no_article"))])
    data = report.to_json()
    assert data["dropped"] == 1
    assert (data["events"]["fn"], data["entities"]["fn"], data["titles"]["total"]) == (1, 1, 1)


@pytest.mark.parametrize("show_errors", [True, False])
def test_evaluate_report_json_and_errors(show_errors: bool) -> None:
    a = parse_gold("a.json", gold(gold_event("IDN", "MYS", "042", "CONSULT"),
                                  gold_event("RUS", "USA", "112", "ACCUSE")))
    b = parse_gold("b.json", gold(gold_event("IND", "PAK", "190", "ASSAULT")))
    report = evaluate([
        (a, article(event("MYS", "IDN", "041", "CONSULT"), event("USA", "RUS", "112", "ACCUSE"))),
        (b, article(event("IND", "PAK", "195", "ASSAULT"))),
    ])
    data = report.to_json(show_errors)
    assert data["documents"] == 2
    assert (data["events"]["tp"], data["events"]["fp"], data["events"]["fn"]) == (2, 1, 1)
    assert data["dyads"]["tp"] == 3
    assert list(data["by_type"]) == ["CONSULT", "ACCUSE", "ASSAULT"]
    assert data["by_type"]["ACCUSE"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert ("errors" in data) is show_errors
    if show_errors:
        assert [(e["file"], e["kind"], e["dyad"]) for e in data["errors"]] == [
            ("a.json", "fn", "RUS→USA"), ("a.json", "fp", "USA→RUS")]
        assert data["errors"][1]["pattern"] == "id/verbs.yaml#test.x"
    json.dumps(data)


# --- bad gold files ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "Expecting"),
        ("[1, 2]", "not a JSON object"),
        (json.dumps({**gold(), "text": ""}), "'text'"),
        (json.dumps({k: v for k, v in gold().items() if k != "events"}), "'events'"),
        (json.dumps(gold(gold_event("IDN", "MYS", "042", "MEET"))), "unknown PLOVER type"),
        (json.dumps(gold(gold_event("IDN", "MYS", "042", "AGREE"))), "CAMEO 042 is CONSULT"),
        (json.dumps(gold(gold_event("IDN", "MYS", "999", "AGREE"))), "not a CAMEO code"),
    ],
)
def test_evaluate_bad_gold_file_names_the_file(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "rusak.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadGoldFile, match="rusak.json") as error:
        read_gold(path)
    assert problem in str(error.value)

