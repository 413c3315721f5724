"""Metadata parsers: dates and zones, bylines, datelines, outlets (relasi.extract.meta)."""

from __future__ import annotations

import pytest

from relasi.extract import meta


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("SELASA, 03 OKTOBER 2023 | 09:06 WIB | LAPORAN: RENI ERINA", "2023-10-03T09:06:00+07:00"),
        ("Selasa, 25 Januari 2022, 13:04 WIB", "2022-01-25T13:04:00+07:00"),
        ("Selasa, 25 Jan 2022 13:04 WIB", "2022-01-25T13:04:00+07:00"),
        ("12/05/2023, 14:30 WIB", "2023-05-12T14:30:00+07:00"),
        ("Kamis, 7 Sep 2023 08:00 WITA", "2023-09-07T08:00:00+08:00"),
        ("Jumat, 1 Desember 2023 pukul 19.45 WIT", "2023-12-01T19:45:00+09:00"),
        ("3 Oktober 2023", "2023-10-03"),
        ("Senin, 27 Januari 2025 | 02:16", "2025-01-27"),       # a clock time without a zone
        ("October 3, 2023", "2023-10-03"),
        ("3 Oct 2023 09:06 GMT+7", "2023-10-03T09:06:00+07:00"),
        ("Tuesday, October 3, 2023 9:06 p.m. EDT", "2023-10-03T21:06:00-04:00"),
        ("2023-10-03T09:06:00+07:00", "2023-10-03T09:06:00+07:00"),
        ("Tue, 03 Oct 2023 02:06:00 GMT", "2023-10-03T02:06:00+00:00"),
        ("05/13/2023", "2023-05-13"),                            # only a US order makes sense
        ("Published 9:30 AM EDT, Wed April 10, 2024", "2024-04-10T09:30:00-04:00"),   # clock first
        ("pukul 10.00 WIB, 3 Oktober 2023", "2023-10-03T10:00:00+07:00"),
    ],
)
def test_meta_find_dates_reads_news_forms(text: str, iso: str) -> None:
    found = meta.find_dates(text)
    assert found, text
    assert found[0].iso() == iso


@pytest.mark.parametrize(
    "text",
    [
        "pada 29 September hingga 2 Oktober",      # no year
        "Pada Senin (24/1), Putin berbicara",     # no year
        "31 Februari 2023",                       # no such day
        "sejak 2017 kedua negara",                # a year alone
        "Krisis Rudal Kuba 1961.",
    ],
)
def test_meta_find_dates_rejects_non_dates(text: str) -> None:
    assert meta.find_dates(text) == []


@pytest.mark.parametrize(
    "span",
    ["SELASA, 03 OKTOBER 2023", "Selasa, 25 Januari 2022", "12/05/2023", "3 Oktober 2023",
     "12 Feb 2025", "16 Agustus 2019"],
)
def test_meta_grammar_agrees_with_dateparser(span: str) -> None:
    dateparser = pytest.importorskip("dateparser")
    expected = dateparser.parse(span, languages=["id"], settings={"DATE_ORDER": "DMY"})
    assert meta.find_dates(span)[0].day_iso == expected.date().isoformat()


def test_meta_cut_span_is_what_dateparser_needs() -> None:
    # the grammar reports where the date is, so a caller can hand dateparser the span alone
    line = "SELASA, 03 OKTOBER 2023 | 09:06 WIB | LAPORAN: RENI ERINA"
    found = meta.find_dates(line)[0]
    assert line[found.start:found.end] == "SELASA, 03 OKTOBER 2023 | 09:06 WIB"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Diterbitkan 12 Feb 2025, 20:20 WIB", "published"),
        ("oleh Devira Prastiwi diperbarui 12 Feb 2025, 20:20 WIB", "updated"),
        ("Published: October 3, 2023", "published"),
        ("Updated: 4 Oct 2023 13:15 GMT+8", "updated"),
        ("Kompas.com - 22/09/2017, 07:39 WIB", None),
    ],
)
def test_meta_date_labels(text: str, label: str | None) -> None:
    assert meta.find_dates(text)[0].label == label


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Published: Oct 3rd, '23", "2023-10-03"),
        ("Tanggal: 2023/10/03", "2023-10-03"),
        ("Diterbitkan 3-Okt-2023", "2023-10-03"),
    ],
)
def test_meta_labelled_date_falls_back_to_dateparser(text: str, iso: str) -> None:
    assert meta.find_dates(text) == []            # the grammar cannot read these
    found = meta.labelled_date(text)
    assert found is not None and found.iso() == iso and found.label == "published"


@pytest.mark.parametrize("text", ["Updated 2 hours ago", "Diperbarui 3 jam lalu", "Diterbitkan kemarin"])
def test_meta_relative_dates_are_not_invented(text: str) -> None:
    assert meta.labelled_date(text) is None


@pytest.mark.parametrize(
    ("hint", "iso"),
    [
        ("2023-10-03", "2023-10-03"),
        ("2023-10-03T09:06:00+07:00", "2023-10-03T09:06:00+07:00"),
        ("2023-10-03T02:06:00Z", "2023-10-03T02:06:00+00:00"),
        ("2023-10-03 09:06:00", "2023-10-03"),              # a time without a zone is dropped
        ("Tue, 03 Oct 2023 02:06:00 GMT", "2023-10-03T02:06:00+00:00"),
        ("kemarin", None),
    ],
)
def test_meta_normalise_published(hint: str, iso: str | None) -> None:
    assert meta.normalise_published(hint) == iso


@pytest.mark.parametrize(
    ("segment", "role", "names"),
    [
        ("LAPORAN: RENI ERINA", "writer", ("Reni Erina",)),
        ("LAPORAN: <a href='https://example.id/p/1'>RENI ERINA</a>", "writer", ("Reni Erina",)),
        ("Penulis : Ahmad Fauzi", "writer", ("Ahmad Fauzi",)),
        ("Pewarta: Rangga Pandu Asmara Jingga", "writer", ("Rangga Pandu Asmara Jingga",)),
        ("Reporter: Siti Aminah", "writer", ("Siti Aminah",)),
        ("Editor : Nancy Junita", "editor", ("Nancy Junita",)),
        ("By Jane Doe and John Roe", "writer", ("Jane Doe", "John Roe")),
        ("By Jane Doe, Reuters", "writer", ("Jane Doe",)),
        ("Binti Mufarida, Jurnalis -", "writer", ("Binti Mufarida",)),
        ("oleh Devira Prastiwi diperbarui", "writer", ("Devira Prastiwi",)),
    ],
)
def test_meta_parse_byline(segment: str, role: str, names: tuple[str, ...]) -> None:
    byline = meta.parse_byline(segment)
    assert byline is not None
    assert (byline.role, byline.names) == (role, names)


@pytest.mark.parametrize(
    "segment",
    [
        "Penulis : Redaksi",                          # a desk, not a person
        "Sumber: Reuters",
        "Oleh karena itu, sejak tahun 2017, para pemimpin diundang.",
        "By Tuesday, Russia had massed troops near the border",
        "Menteri Luar Negeri Rusia Sergey Lavrov",
    ],
)
def test_meta_parse_byline_rejects(segment: str) -> None:
    assert meta.parse_byline(segment) is None


def test_meta_name_and_outlet_byline() -> None:
    byline = meta.name_and_outlet("Andi Saputra - detikNews")
    assert byline is not None and byline.names == ("Andi Saputra",)
    assert meta.name_and_outlet("Kabar Dunia - Berita Terkini Hari Ini") is None


@pytest.mark.parametrize(
    ("label", "role"), [("Penulis", "writer"), ("Editor:", "editor"), ("Pewarta", "writer"), ("Berita", None)]
)
def test_meta_byline_label_only(label: str, role: str | None) -> None:
    assert meta.byline_label_only(label) == role


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        ("Para pemimpin diundang ke acara tingkat tinggi Asean. (Nizar Fachri Rabbani)", "Nizar Fachri Rabbani"),
        ("Pertemuan berikutnya digelar di Bogor. (FAA)", None),
        ("Serangan itu menewaskan 15 orang. (AFP)", None),
        ("Dewan Keamanan (DK PBB) menggelar rapat.", None),
    ],
)
def test_meta_trailing_byline(paragraph: str, name: str | None) -> None:
    assert meta.trailing_byline(paragraph) == name


@pytest.mark.parametrize(
    ("paragraph", "place", "outlet"),
    [
        ("JAKARTA, KOMPAS.com - Bantuan kemanusiaan tiba.", "JAKARTA", "kompas.com"),
        ("KUALA LUMPUR, KOMPAS.TV - Presiden berkunjung.", "KUALA LUMPUR", "kompas.tv"),
        ("Warta Ekonomi, Jenewa -", "JENEWA", "Warta Ekonomi"),
        ("Jakarta (ANTARA) - Presiden menghadiri KTT.", "JAKARTA", "ANTARA"),
        ("TRIBUNNEWS.COM, BOGOR - Raja Belanda berkunjung.", "BOGOR", "tribunnews.com"),
        ("BISNIS.COM, JAKARTA -- Indonesia dan Singapura sepakat.", "JAKARTA", "bisnis.com"),
        ("Jakarta, IDN Times – Militer Polandia menembak drone.", "JAKARTA", "IDN Times"),
        ("Liputan6.com, Jakarta - Presiden Turki tiba.", "JAKARTA", "liputan6.com"),
        ("KONTAN.CO.ID - HANOI. Pada Kamis, Vietnam menuding.", "HANOI", "kontan.co.id"),
        ("MANILA, Oct 3 (Reuters) - The Philippines summoned.", "MANILA", "Reuters"),
        ("ISLAMABAD, March 4 (APP): Pakistan summoned the envoy.", "ISLAMABAD", "APP"),
        ("NEW DELHI (PTI): India on Friday protested.", "NEW DELHI", "PTI"),
        ("CARACAS – Presiden Venezuela melanjutkan rencananya.", "CARACAS", None),
        ("Jakarta - Presiden Filipina tiba di Jakarta.", "JAKARTA", None),
    ],
)
def test_meta_parse_dateline(paragraph: str, place: str, outlet: str | None) -> None:
    found = meta.parse_dateline(paragraph)
    assert found is not None
    assert (found.place, found.outlet) == (place, outlet)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Konferensi parlemen internasional pertama Rusia - Amerika Latin diadakan di Moskow.",
        "Menteri Luar Negeri Rusia Sergey Lavrov - yang baru tiba - mengatakan.",
        "Jakarta, hari ini pemerintah mengumumkan.",
        "Kerja sama Rusia dengan negara-negara Amerika Latin membuat AS tidak nyaman.",
        "Menurut kantor berita resmi (KCNA): rudal itu diluncurkan dari Pyongyang.",
        "The statement (in full): we condemn the strike.",
    ],
)
def test_meta_parse_dateline_rejects(paragraph: str) -> None:
    assert meta.parse_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://internasional.kontan.co.id/news/x", "kontan.co.id"),
        ("https://www.spotlightnepal.com/2018/11/26/x/", "spotlightnepal.com"),
        ("http://m.kompas.com/read/1", "kompas.com"),
        ("https://www.bbc.co.uk/news/x", "bbc.co.uk"),
        ("kompas.tv/internasional/1", "kompas.tv"),
        (None, None),
        ("not a url", None),
    ],
)
def test_meta_outlet_from_url(url: str | None, outlet: str | None) -> None:
    assert meta.outlet_from_url(url) == outlet


@pytest.mark.parametrize(
    ("name", "expected"),
    [("RENI ERINA", "Reni Erina"), ("AL-HABBASH", "Al-Habbash"), ("Miguel Díaz-Canel", "Miguel Díaz-Canel"),
     ("MOHAMMED BIN SALMAN", "Mohammed bin Salman")],
)
def test_meta_title_case_name(name: str, expected: str) -> None:
    assert meta.title_case_name(name) == expected


# --- forms added for the example pages' patterns ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Jumat, 01 Nov 2024 - 10:15 WIB", "2024-11-01T10:15:00+07:00"),        # dash before the clock
        ("Updated May 7, 2025 14:40 GMT", "2025-05-07T14:40:00+00:00"),
        ("August 26, 2025 — 9.45pm AEST", "2025-08-26T21:45:00+10:00"),          # em dash, dotted clock
        ("Rabu, 3 Juli 2024 – 08.30 WITA", "2024-07-03T08:30:00+08:00"),
    ],
)
def test_meta_find_dates_reads_separated_clocks(text: str, iso: str) -> None:
    assert meta.find_dates(text)[0].iso() == iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("January 15, 2025 9:00 AM ET", "2025-01-15T09:00:00-05:00"),            # EST in winter
        ("July 15, 2025 9:00 AM ET", "2025-07-15T09:00:00-04:00"),               # EDT in summer
        ("March 9, 2025 3:30 AM ET", "2025-03-09T03:30:00-04:00"),               # the day clocks go forward
        ("15 January 2025 14:00 CET", "2025-01-15T14:00:00+01:00"),
        ("15 July 2025 14:00 CET", "2025-07-15T14:00:00+02:00"),                 # written CET, CEST in force
        ("Dec 1, 2024 6:15 PM PT", "2024-12-01T18:15:00-08:00"),
        ("1 Oct 2024 10:00 EET", "2024-10-01T10:00:00+03:00"),
    ],
)
def test_meta_seasonal_zones_follow_their_region(text: str, iso: str) -> None:
    assert meta.find_dates(text)[0].iso() == iso


@pytest.mark.parametrize(
    ("segment", "names"),
    [
        ("By Sara Lindqvist in Stockholm and Tomas Berg in Oslo", ("Sara Lindqvist", "Tomas Berg")),
        ("By Sara Lindqvist in New York", ("Sara Lindqvist",)),
        ("By Sara Lindqvist, Stockholm", ("Sara Lindqvist",)),                   # where she filed from
        ("By Sara Lindqvist, Diplomatic correspondent", ("Sara Lindqvist",)),   # her job, not a co-author
        ("By Sara Lindqvist, senior reporter", ("Sara Lindqvist",)),
        ("By Sara Lindqvist and Tomas Berg", ("Sara Lindqvist", "Tomas Berg")),
        ("By Sara Lindqvist in Hanoi and Tomas Berg in Manila, Diplomatic correspondents",
         ("Sara Lindqvist", "Tomas Berg")),
        ("Oleh: Dewi Lestari, Bagus Pratama", ("Dewi Lestari", "Bagus Pratama")),
    ],
)
def test_meta_byline_places_and_roles_are_not_names(segment: str, names: tuple[str, ...]) -> None:
    byline = meta.parse_byline(segment)
    assert byline is not None and byline.names == names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("The Harbour Chronicle", False),
        ("Kabar Timur Pos", False),
        ("Nusantara Daily", False),
        ("Sara Lindqvist", True),
        ("Muhammad Rizky Pratama", True),
    ],
)
def test_meta_site_names_are_not_person_names(name: str, expected: bool) -> None:
    assert meta.is_name(name) is expected


@pytest.mark.parametrize(
    ("paragraph", "place", "outlet"),
    [
        # a site's name where the place would be: known by name, or by the form of a network's
        # regional editions ("PR <CITY>")
        ("VIVA – Menteri Luar Negeri menerima kunjungan duta besar baru.", None, "VIVA"),
        ("PR DEPOK - Wali kota meresmikan jembatan baru di pusat kota.", None, "PR DEPOK"),
        ("Kabar Timur Pos - Gubernur meninjau pelabuhan.", None, "Kabar Timur Pos"),
        # two places joined by a slash
        ("NEW DELHI/ISLAMABAD (Harbour Wire) - Both capitals reported shelling.", "NEW DELHI/ISLAMABAD",
         "Harbour Wire"),
        # "City, Outlet" with no dash: the outlet is a domain or ends with a site-name word
        ("Surabaya, Kabar Timur Pos Gubernur Jawa Timur meninjau pelabuhan.", "SURABAYA", "Kabar Timur Pos"),
        ("Medan, Harian Andalas Wali Kota Medan membuka festival.", "MEDAN", "Harian Andalas"),
        ("Jakarta, Media Indonesia Presiden membuka sidang kabinet.", "JAKARTA", "Media Indonesia"),
        ("Jakarta, Beritasatu.com Presiden membuka sidang kabinet.", "JAKARTA", "beritasatu.com"),
        ("Sydney, Harbour Times Police said on Monday that the port was closed.", "SYDNEY", "Harbour Times"),
        # a place in capitals is still a place
        ("JAKARTA - Presiden membuka sidang kabinet.", "JAKARTA", None),
    ],
)
def test_meta_parse_dateline_outlets(paragraph: str, place: str | None, outlet: str) -> None:
    found = meta.parse_dateline(paragraph)
    assert found is not None
    assert (found.place, found.outlet) == (place, outlet)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Jakarta, Menteri Luar Negeri Retno Marsudi membuka sidang.",
        "Jakarta, Presiden Joko Widodo membuka sidang kabinet.",
        "Washington, London and Paris issued a joint statement.",
        "Sydney, Monday Police said the port was closed.",
    ],
)
def test_meta_dashless_dateline_needs_an_outlet(paragraph: str) -> None:
    assert meta.parse_dateline(paragraph) is None
