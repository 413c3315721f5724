"""Views for ad-hoc SQL (Datasette, DuckDB's sqlite scanner, psql): the questions analysts ask first, as tables.

- `counted_events`: each counted event with its actors' names, its place (`latitude`/`longitude`, the names map
  plugins look for) and its article's title, outlet and URL;
- `dyad_months`: counted events per directed dyad and month, with mean Goldstein and the cooperation/conflict
  split by quad class.
The SQL is plain enough for SQLite and PostgreSQL alike (`WHERE counted` reads a boolean on both).
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

VIEWS: dict[str, str] = {
    "counted_events": """
        SELECT e.id, e.date, e.date_precision,
               e.source_code, s.name AS source_name, s.role AS source_role,
               e.target_code, t.name AS target_name, t.role AS target_role,
               e.cameo, e.plover, e.goldstein, e.quad_class, e.sentence,
               e.location, e.place_name, e.place_country, e.place_precision, e.place_method,
               e.place_lat AS latitude, e.place_lon AS longitude,
               a.title, a.outlet, a.url, a.published, a.language, e.article_id, e.pattern
        FROM events e
        JOIN actors s ON s.id = e.source_actor_id
        JOIN actors t ON t.id = e.target_actor_id
        JOIN articles a ON a.id = e.article_id
        WHERE e.counted""",
    "dyad_months": """
        SELECT source_code, target_code, substr(date, 1, 7) AS month, count(*) AS events,
               round(avg(goldstein) * 100) / 100.0 AS goldstein_mean,
               sum(CASE WHEN quad_class IN (1, 2) THEN 1 ELSE 0 END) AS cooperation,
               sum(CASE WHEN quad_class IN (3, 4) THEN 1 ELSE 0 END) AS conflict
        FROM events
        WHERE counted AND date IS NOT NULL
        GROUP BY source_code, target_code, substr(date, 1, 7)""",
}


def create_views(conn: Connection) -> None:
    """Migration 6: (re)create the views; they hold no rows, so replacing one loses nothing."""
    for name, sql in VIEWS.items():
        conn.exec_driver_sql(f"DROP VIEW IF EXISTS {name}")
        conn.exec_driver_sql(f"CREATE VIEW {name} AS {sql.strip()}")
