import pytest

from relasi.sentences import split_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rusia mengecam AS. China diam.", ["Rusia mengecam AS.", "China diam."]),
        ("Dr. Ali tiba di Jakarta. Ia disambut.", ["Dr. Ali tiba di Jakarta.", "Ia disambut."]),
        ('"Kami sepakat," kata dia. Lalu pergi.', ['"Kami sepakat," kata dia.', "Lalu pergi."]),
        ("Satu.\n\nDua paragraf.", ["Satu.", "Dua paragraf."]),
        ("The U.S. Navy sailed. China protested!", ["The U.S. Navy sailed.", "China protested!"]),
        ("Lalu J. Smith datang. Selesai.", ["Lalu J. Smith datang.", "Selesai."]),
        ("Tanpa titik di akhir", ["Tanpa titik di akhir"]),
    ],
)
def test_sentences_split(text, expected):
    assert [text[s:e] for s, e in split_spans(text)] == expected


def test_sentences_offsets_point_into_text():
    text = "  Pertama.   Kedua.\n\n\nKetiga?  "
    spans = split_spans(text)
    assert [text[s:e] for s, e in spans] == ["Pertama.", "Kedua.", "Ketiga?"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # blank lines of any whitespace between paragraphs hold nothing; single newlines end sentences too
        ("Satu.\r\n\u2028\t\r\nDua.\nTiga tanpa titik\n\x0b\nEmpat.", ["Satu.", "Dua.", "Tiga tanpa titik", "Empat."]),
        ("\n\n  \n", []),
        ("", []),
        # an initial or a short capitalised word before the full stop, at the start of a line or after a bracket
        ("A. Ali datang. (B. Budi) pergi. Jr. Smith tiba. Xy. Lalu pulang.",
         ["A. Ali datang.", "(B. Budi) pergi.", "Jr. Smith tiba.", "Xy. Lalu pulang."]),
        ("Kata Gen. Lee. Lalu pulang.", ["Kata Gen. Lee.", "Lalu pulang."]),
    ],
)
def test_sentences_lines_and_initials(text, expected):
    assert [text[s:e] for s, e in split_spans(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # paragraphs joined without a space by the page: a lower-case word, a stop, a capitalised word
        ("Blinken tiba di Beijing.Sebelum itu ia ke Tokyo.", ["Blinken tiba di Beijing.", "Sebelum itu ia ke Tokyo."]),
        ('kata dia hari ini."Kami sepakat," ujarnya.', ['kata dia hari ini."', 'Kami sepakat," ujarnya.']),
        ("China protested.Japan replied!Seoul waited?Then", ["China protested.", "Japan replied!", "Seoul waited?",
                                                             "Then"]),
        # not in abbreviations, domain names, dotted initials or numbers
        ("Di Jl.Sudirman ada Dr.Budi.", ["Di Jl.Sudirman ada Dr.Budi."]),
        ("Situs Kompas.com dan detik.com melapor.", ["Situs Kompas.com dan detik.com melapor."]),
        ("The U.S.Army and No.1 unit.", ["The U.S.Army and No.1 unit."]),
    ],
)
def test_sentences_split_where_no_space_follows(text, expected):
    assert [text[s:e] for s, e in split_spans(text)] == expected
