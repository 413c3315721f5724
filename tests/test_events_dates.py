from datetime import date

import pytest

from relasi.events.dates import resolve_date
from relasi.packs import load_pack


@pytest.mark.parametrize(
    ("lang", "sentence", "published", "expected"),
    [
        ("id", "Putin menelepon Díaz-Canel, Senin (24/1).", date(2022, 1, 25), ("2022-01-24", "day")),
        ("id", "Pertemuan digelar Jumat (21/1/2022).", date(2022, 2, 3), ("2022-01-21", "day")),
        ("id", "Kunjungan pada 29 September lalu.", date(2023, 10, 3), ("2023-09-29", "day")),
        ("id", "Rapat digelar 30 Desember.", date(2024, 1, 4), ("2023-12-30", "day")),
        ("id", "Menlu tiba kemarin.", date(2023, 5, 10), ("2023-05-09", "day")),
        ("id", "Kedua menteri bertemu pekan lalu.", date(2023, 5, 10), ("2023-05-03", "week")),
        ("id", "Tanpa tanggal.", date(2023, 5, 10), ("2023-05-10", "published")),
        ("id", "Tanpa tanggal.", None, (None, "published")),
        ("en", "The ministers met on Monday.", date(2024, 3, 14), ("2024-03-11", "day")),
        ("en", "Talks were held on March 3, 2021.", date(2024, 3, 14), ("2021-03-03", "day")),
        ("en", "He arrived yesterday.", date(2024, 3, 14), ("2024-03-13", "day")),
    ],
)
def test_dates_resolved_against_publication(lang, sentence, published, expected):
    assert resolve_date(sentence, published, load_pack(lang)) == expected
