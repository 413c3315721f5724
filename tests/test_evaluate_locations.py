"""Location accuracy in `relasi eval` (issue 12): gold `location` fields against where relasi placed the matched
events; event scores do not change."""

from __future__ import annotations

import pytest

from relasi.evaluate import CodedEvent, Locations, PlaceKey, event_key, match, score_locations


def _gold(location: str | None) -> CodedEvent:
    return CodedEvent("IDN", "MYS", "CONSULT", "040", location=location)


@pytest.mark.parametrize(("location", "place", "expected"), [
    ("Kuala Lumpur, Malaysia", PlaceKey("MYS", "1735161"), Locations(1, 1, 1, 1, 1)),   # the same city
    ("Malaysia", PlaceKey("MYS", "1735161"), Locations(1, 1, 1, 1, 0)),                 # country only
    ("Jakarta", PlaceKey("MYS", "1735161"), Locations(1, 1, 1, 0, 0)),                  # elsewhere
    ("Jakarta", None, Locations(1, 1, 1, 0, 0)),                                        # relasi placed it nowhere
    ("Moldo", None, Locations(1, 0, 1, 0, 0)),                                          # not in the gazetteer
    (None, None, Locations()),                                                          # gold gives no place
])
def test_evaluate_locations_compare_country_and_place(location: str | None, place: PlaceKey | None,
                                                      expected: Locations) -> None:
    gold = [_gold(location)]
    predicted = [CodedEvent("MYS", "IDN", "CONSULT", "040", place=place)]
    assert score_locations(gold, match(gold, predicted, event_key), ["IDN", "MYS"]) == expected


def test_evaluate_locations_count_gold_whose_event_was_missed_as_unmatched() -> None:
    gold = [_gold("Jakarta")]
    result = score_locations(gold, match(gold, [], event_key), [])
    assert (result.gold, result.matched) == (1, 0)
    assert result.to_json()["country_share"] == 1.0   # nothing to compare: the vacuous share, as for counts
