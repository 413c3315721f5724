"""Where events happened: place names resolved to gazetteer entries offline (GeoNames ids, coordinates)."""

from relasi.places.geocode import Place, article_countries, geocode

__all__ = ["Place", "article_countries", "geocode"]
