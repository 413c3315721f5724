"""The offline geocoder (issue 12): place names as news gives them, ambiguity settled by the article's countries."""

from __future__ import annotations

import pytest

from relasi.places import geocode


@pytest.mark.parametrize(("raw", "name", "country", "precision", "method"), [
    ("Bogor, Indonesia", "Bogor", "IDN", "city", "name+country"),
    ("Kyiv, Ukraine", "Kyiv", "UKR", "city", "name+country"),
    ("JAKARTA", "Jakarta", "IDN", "city", "name"),
    ("MOSKOW", "Moscow", "RUS", "city", "name"),
    ("NEW DELHI/ISLAMABAD", "New Delhi", "IND", "city", None),
    ("Ukraine", "Ukraine", "UKR", "country", "country"),
    ("Jepang", "Japan", "JPN", "country", "country"),
    ("southern Israel", "Israel", "ISR", "country", "country"),
    ("Jawa Barat", "Jawa Barat", "IDN", "region", "name"),
    ("Natuna Islands", "Kepulauan Natuna", "IDN", "region", "name"),
    ("Jalur Gaza", "Jalur Gaza", "PSE", "region", "name"),
    ("Washington, D.C., United States", "Washington, D.C.", "USA", "city", "name+country"),
    ("Al Asad Air Base, Iraq", "Iraq", "IRQ", "country", "country"),
])
def test_places_geocode_resolves_news_place_names(raw: str, name: str, country: str, precision: str,
                                                  method: str | None) -> None:
    place = geocode(raw)
    assert place is not None
    assert (place.name, place.country, place.precision) == (name, country, precision)
    assert method is None or place.method == method
    assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180


@pytest.mark.parametrize(("countries", "country"), [(("USA",), "USA"), (("FRA",), "FRA"), ((), "FRA")])
def test_places_geocode_settles_ambiguity_by_the_article_countries(countries: tuple[str, ...], country: str) -> None:
    place = geocode("Paris", countries)
    assert place is not None and place.country == country
    assert place.method == ("article-country" if countries else "population")


@pytest.mark.parametrize("raw", ["", "   ", None, "Nowhere-in-particular", "Moldo"])
def test_places_geocode_leaves_unknown_places_unresolved(raw: str | None) -> None:
    assert geocode(raw) is None


def test_places_geocode_keeps_geonames_ids() -> None:
    place = geocode("Kyiv")
    assert place is not None and place.geonames_id == 703448 and place.adm1 == "UA.12"
