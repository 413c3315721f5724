from datetime import date

import pytest

from relasi.events.dates import latest_stated_date, resolve_date
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
        # years back from the article's: the year, as a stated year before the article's is read
        ("id", "Tahun lalu, kedua negara bentrok di perbatasan.", date(2023, 1, 28), ("2022-01-01", "year")),
        ("id", "Dua tahun lalu, kedua negara bentrok di perbatasan.", date(2023, 1, 28), ("2021-01-01", "year")),
        ("en", "The two countries clashed last year.", date(2023, 1, 28), ("2022-01-01", "year")),
        ("en", "They clashed three years ago.", date(2023, 1, 28), ("2020-01-01", "year")),
        # a month and year, or a year before the article's: given as the first day, with its precision
        ("id", "Rusia mencaplok Krimea pada Maret 2014.", date(2022, 1, 22), ("2014-03-01", "month")),
        ("id", "setelah mengirim pasukan ke bekas republik Soviet 2014", date(2022, 1, 22), ("2014-01-01", "year")),
        ("en", "The two sides last met in 2019.", date(2024, 3, 14), ("2019-01-01", "year")),
        # the article's own year says nothing new; a number in a count is not read as a year when it is later
        ("id", "Lavrov hadir di KTT ASEAN 2023 di Jakarta.", date(2023, 9, 7), ("2023-09-07", "published")),
        ("en", "Some 2030 troops took part.", date(2024, 3, 14), ("2024-03-14", "published")),
        # a year that names a document dates nothing
        ("id", "AS menyatakan dukungannya berdasarkan Perjanjian Pertahanan Bersama 1951.", date(2023, 12, 10),
         ("2023-12-10", "published")),
        ("en", "Washington reaffirmed its support under the 1951 Mutual Defense Treaty.", date(2023, 12, 10),
         ("2023-12-10", "published")),
        ("en", "France said Iran had breached the 2015 nuclear deal.", date(2019, 7, 8), ("2019-07-08", "published")),
        ("en", "The deal was signed in 2015.", date(2019, 7, 8), ("2015-01-01", "year")),
    ],
)
def test_dates_resolved_against_publication(lang, sentence, published, expected):
    assert resolve_date(sentence, published, load_pack(lang)) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("id", "Lavrov bertemu Blinken pada Jumat (21/1/2022). Sebelumnya, Senin (17/1/2022), ia ke Berlin.",
         date(2022, 1, 21)),
        ("id", "Pertemuan 3 Maret 2021 dan 14 Februari 2022 membahas hal itu.", date(2022, 2, 14)),
        ("en", "Talks on March 3, 2021 failed.", date(2021, 3, 3)),
        ("id", "Senin (24/1) tanpa tahun, dan (31/2/2022) bukan tanggal.", None),
    ],
)
def test_latest_stated_date_reads_only_full_dates(lang, text, expected):
    """An undated page is read against the latest full date it states (events/coder.py)."""
    assert latest_stated_date(text, load_pack(lang)) == expected
