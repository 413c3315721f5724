import pytest

from relasi.language import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Presiden Joko Widodo bertemu dengan Perdana Menteri Jepang di Istana Merdeka pada hari Senin untuk "
         "membahas kerja sama ekonomi kedua negara.", "id"),
        ("The foreign ministers of both countries met on Monday to discuss trade and security cooperation.", "en"),
        ("Kerajaan Malaysia akan terus memperkukuh hubungan dua hala dengan negara jiran, kata Perdana Menteri "
         "dalam kenyataan media hari ini.", "ms"),
        ("   ", None),
    ],
)
def test_language_detected(text, expected):
    assert detect_language(text) == expected
