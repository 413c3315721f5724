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
