"""The REST API and dashboard over a relasi database: `create_app(db_url)`; `relasi serve` runs it."""

from relasi.web.app import create_app

__all__ = ["create_app"]
