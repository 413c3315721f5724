"""Places in the store (issue 12): written with each article on both backends, filtered by country and box,
exported as GDELT-style ActionGeo columns."""

from __future__ import annotations

import pytest

from relasi.store import Writer
from relasi.store.analytics import EventSearch, events_page
from relasi.store.queries import ACTION_GEO_COLUMNS, EventFilter, iter_event_rows, iter_events
from tests.store_support import CUB, RUS, make_article, make_event

pytest_plugins = ("tests.store_fixtures",)  # fixtures: db, db_url, fresh_db (both backends)


def _stored(db) -> None:
    here = make_event(RUS, CUB, "041", sentence="Putin berbicara dengan Díaz-Canel melalui telepon.")
    there = make_event(RUS, CUB, "042", sentence="Putin berkunjung ke Havana.", start=0)
    events = (here, type(there)(**{**{f: getattr(there, f) for f in there.__dataclass_fields__},
                                   "location": "Havana"}))
    Writer(db).store_article(make_article(events=events))   # dateline MOSKOW


def test_store_places_events_take_their_place_or_the_dateline(db) -> None:
    _stored(db)
    events = list(iter_events(db, EventFilter(include_all=True)))
    places = {e["cameo"]: e["place"] for e in events}
    assert places["042"]["name"] == "Havana" and places["042"]["country"] == "CUB"
    assert places["042"]["method"] == "article-country" or places["042"]["method"] == "name"
    assert places["041"]["name"] == "Moscow" and places["041"]["method"] == "dateline"
    assert places["041"]["geonames_id"] == 524901


@pytest.mark.parametrize(("flt", "count"), [
    (EventFilter(include_all=True, place_country="CUB"), 1),
    (EventFilter(include_all=True, place_country="RUS"), 1),
    (EventFilter(include_all=True, bbox=(-90.0, 15.0, -70.0, 30.0)), 1),       # the Caribbean
    (EventFilter(include_all=True, bbox=(170.0, -60.0, -170.0, 80.0)), 0),     # across 180°, nothing there
    (EventFilter(include_all=True, bbox=(0.0, 40.0, 60.0, 70.0)), 1),          # Moscow
])
def test_store_places_filter_by_country_and_box(db, flt: EventFilter, count: int) -> None:
    _stored(db)
    assert events_page(db, flt, EventSearch())[0] == count


def test_store_places_export_gdelt_action_geo_columns(db) -> None:
    _stored(db)
    rows = {row["cameo"]: row for row in iter_event_rows(db, EventFilter(include_all=True))}
    havana = rows["042"]
    assert set(ACTION_GEO_COLUMNS) <= set(havana)
    assert havana["ActionGeo_Type"] == 4 and havana["ActionGeo_CountryCode"] == "CUB"
    assert havana["ActionGeo_FullName"] == "Havana, Cuba" and havana["ActionGeo_FeatureID"] == 3553478
    assert rows["041"]["place_method"] == "dateline"
