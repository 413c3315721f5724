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


PLAINLY_INDONESIAN = (
    "JAKARTA - Tentara Amerika Serikat tiba di Jakarta pada Kamis (4/7/2024), dilansir dari kantor berita itu. "
    "Juru bicara polisi mengatakan bahwa latihan bersama itu berlangsung hingga Juli karena cuaca buruk.")


@pytest.mark.parametrize(
    ("text", "settled"),
    [
        (PLAINLY_INDONESIAN, "id"),
        # three Indonesian-only words and no Malay one settle a short report (lingua may call such pages Malay)
        ("Tentara tiba di pangkalan itu pada Kamis, dilansir media setempat.", "id"),
        # short: too few Indonesian-only words to settle it
        ("Tentara tiba pada Kamis.", None),
        # a Malay-only word ("kerana", "beliau") among them: lingua tells the two apart
        (PLAINLY_INDONESIAN.replace("karena", "kerana"), None),
        ("Kerajaan Malaysia berkata bahawa tentera akan dihantar pada Khamis kerana keadaan semasa, kata beliau "
         "dalam kenyataan.", None),
        # mixed: an English report quoting Indonesian words
        ("The army said on Thursday that the drill, which the police call 'latihan', will run into July because "
         "of the weather; Kamis, Juli, tentara, polisi and karena are the words the Indonesian report used, and "
         "bahwa too.", None),
        # ambiguous: function words shared by both languages and no spelling that only one of them uses
        ("Menteri itu akan bertemu dengan para pemimpin dari negara jiran untuk membincangkan isu tersebut.", None),
    ],
)
def test_language_indonesian_vote(text, settled):
    from relasi.language import _settled

    assert _settled(text) == settled
    if settled is None:
        assert detect_language(text) in ("id", "ms", "en")      # lingua decides
    else:
        assert detect_language(text) == settled


def test_language_vote_agrees_with_lingua_where_it_settles():
    from relasi.language import _detector, _settled

    language = _detector().detect_language_of(PLAINLY_INDONESIAN)
    assert _settled(PLAINLY_INDONESIAN) == "id" and language is not None and language.name == "INDONESIAN"
