"""The views for ad-hoc SQL (issue 12) on both backends: counted events with names and places, dyads per month."""

from __future__ import annotations

from relasi.store import Writer
from tests.store_support import CUB, RUS, make_article, make_event

pytest_plugins = ("tests.store_fixtures",)  # fixtures: db, db_url, fresh_db (both backends)


def test_store_views_counted_events_and_dyad_months(db) -> None:
    events = (make_event(RUS, CUB, "041", sentence="Putin berbicara dengan Díaz-Canel melalui telepon."),
              make_event(RUS, CUB, "111", negated=True, sentence="Putin berbicara dengan Díaz-Canel melalui telepon."))
    Writer(db).store_article(make_article(events=events))
    with db.read() as conn:
        rows = conn.exec_driver_sql("SELECT source_name, target_name, place_name, title FROM counted_events").all()
        months = conn.exec_driver_sql("SELECT source_code, target_code, month, events FROM dyad_months").all()
    assert [tuple(r) for r in rows] == [("Vladimir Putin", "Miguel Díaz-Canel", "Moscow", "Putin dan Díaz-Canel")]
    assert [tuple(r) for r in months] == [("RUS", "CUB", "2023-10", 1)]
