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


@pytest.mark.parametrize(
    ("text", "plainly_english"),
    [
        ("The foreign ministers of both countries met on Monday to discuss trade and security cooperation, and "
         "they said that the talks were held in a friendly atmosphere with the support of their leaders.", True),
        ("The ministers met.", False),                                  # too few words to settle it
        ("Menlu mengatakan bahwa the talks of the two sides and the trade of the region is in the spotlight, as "
         "it was for the last year with the help of the partners.", False),   # one Indonesian word: lingua reads it
    ],
)
def test_language_english_vote(text, plainly_english):
    from relasi.language import _plainly_english

    assert _plainly_english(text) is plainly_english
    if plainly_english:
        assert detect_language(text) == "en"
