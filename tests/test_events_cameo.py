"""The CAMEO codebook file, its loader, and the CAMEO → PLOVER contract of DESIGN.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from relasi.events.cameo import (
    HEADER,
    CameoCode,
    Codebook,
    CodebookError,
    InvalidCameoCode,
    UnknownCameoCode,
    plover_for,
    quad_class_for,
)
from relasi.model import PLOVER_TYPES


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return Codebook.load()


# One row per clause of the contract, including the boundaries and the exceptions.
@pytest.mark.parametrize(
    ("code", "plover"),
    [
        ("02", "REQUEST"), ("020", "REQUEST"), ("0234", "REQUEST"), ("028", "REQUEST"),
        ("10", "REQUEST"), ("100", "REQUEST"), ("1031", "REQUEST"), ("108", "REQUEST"),
        ("03", "AGREE"), ("030", "AGREE"), ("0356", "AGREE"), ("039", "AGREE"),
        ("057", "AGREE"),
        ("04", "CONSULT"), ("040", "CONSULT"), ("041", "CONSULT"), ("046", "CONSULT"),
        ("05", "SUPPORT"), ("050", "SUPPORT"), ("051", "SUPPORT"), ("056", "SUPPORT"),
        ("06", "COOPERATE"), ("062", "COOPERATE"), ("064", "COOPERATE"),
        ("07", "AID"), ("070", "AID"), ("075", "AID"),
        ("08", "CONCEDE"), ("080", "CONCEDE"), ("0811", "CONCEDE"), ("0814", "CONCEDE"),
        ("083", "CONCEDE"), ("0834", "CONCEDE"),
        ("084", "RETREAT"), ("0841", "RETREAT"), ("085", "RETREAT"), ("086", "RETREAT"),
        ("087", "RETREAT"), ("0874", "RETREAT"),
        ("09", "ACCUSE"), ("090", "ACCUSE"), ("094", "ACCUSE"),
        ("11", "ACCUSE"), ("111", "ACCUSE"), ("112", "ACCUSE"), ("1125", "ACCUSE"), ("116", "ACCUSE"),
        ("12", "REJECT"), ("120", "REJECT"), ("1246", "REJECT"), ("129", "REJECT"),
        ("13", "THREATEN"), ("130", "THREATEN"), ("1312", "THREATEN"), ("138", "THREATEN"),
        ("14", "PROTEST"), ("141", "PROTEST"), ("1454", "PROTEST"),
        ("15", "MOBILIZE"), ("150", "MOBILIZE"), ("154", "MOBILIZE"),
        ("16", "SANCTION"), ("161", "SANCTION"), ("163", "SANCTION"), ("1663", "SANCTION"),
        ("17", "COERCE"), ("170", "COERCE"), ("1711", "COERCE"), ("1712", "COERCE"), ("175", "COERCE"),
        ("18", "ASSAULT"), ("180", "ASSAULT"), ("1823", "ASSAULT"), ("186", "ASSAULT"),
        ("19", "ASSAULT"), ("190", "ASSAULT"), ("193", "ASSAULT"), ("195", "ASSAULT"), ("196", "ASSAULT"),
        ("191", "COERCE"), ("192", "COERCE"), ("1912", "COERCE"),
        ("20", "ASSAULT"), ("200", "ASSAULT"), ("2042", "ASSAULT"),
        ("016", "REJECT"),
        ("01", None), ("010", None), ("011", None), ("015", None), ("017", None), ("019", None),
    ],
)
def test_events_cameo_plover_contract(code: str, plover: str | None) -> None:
    assert plover_for(code) == plover


@pytest.mark.parametrize("code", ["0815", "0881", "1999", "2049"])
def test_events_cameo_plover_for_codes_missing_from_the_file(codebook: Codebook, code: str) -> None:
    assert code not in codebook
    assert plover_for(code) in PLOVER_TYPES


@pytest.mark.parametrize("code", ["", "4", "00", "21", "99", "01a", "12345", " 04", "٠٤", 42])
def test_events_cameo_plover_for_rejects_malformed_codes(code: str) -> None:
    with pytest.raises(InvalidCameoCode):
        plover_for(code)


# Values checked against the public Goldstein table (CAMEO.goldsteinscale.txt).
@pytest.mark.parametrize(
    ("code", "goldstein"),
    [
        ("01", 0.0), ("011", -0.1), ("012", -0.4), ("013", 0.4), ("016", -2.0), ("018", 3.4),
        ("02", 3.0), ("022", 3.2), ("024", -0.3), ("026", 4.0),
        ("03", 4.0), ("031", 5.2), ("032", 4.5), ("0334", 6.0), ("036", 4.0), ("037", 5.0),
        ("04", 1.0), ("040", 1.0), ("041", 1.0), ("042", 1.9), ("043", 2.8), ("044", 2.5),
        ("045", 5.0), ("046", 7.0),
        ("05", 3.5), ("051", 3.4), ("053", 3.8), ("054", 6.0), ("057", 8.0),
        ("06", 6.0), ("061", 6.4), ("062", 7.4), ("072", 8.3), ("074", 8.5),
        ("08", 5.0), ("084", 7.0), ("086", 9.0), ("0874", 10.0),
        ("09", -2.0), ("10", -5.0), ("1056", -5.0), ("111", -2.0), ("112", -2.0),
        ("12", -4.0), ("125", -5.0),
        ("13", -6.0), ("130", -4.4), ("131", -5.8), ("1312", -5.8), ("138", -7.0),
        ("14", -6.5), ("144", -7.5), ("15", -7.2),
        ("16", -4.0), ("162", -5.6), ("163", -8.0), ("164", -7.0),
        ("17", -7.0), ("171", -9.2), ("172", -5.0), ("175", -9.0),
        ("18", -9.0), ("182", -9.5), ("1821", -9.0), ("1823", -10.0), ("184", -8.0),
        ("19", -10.0), ("190", -10.0), ("191", -9.5), ("195", -10.0), ("196", -9.5),
        ("20", -10.0), ("201", -9.5), ("2042", -10.0),
    ],
)
def test_events_cameo_goldstein_values(codebook: Codebook, code: str, goldstein: float) -> None:
    assert codebook.get(code).goldstein == goldstein


@pytest.mark.parametrize(
    ("code", "quad_class"),
    [
        ("01", 1), ("016", 1), ("0256", 1), ("04", 1), ("057", 1),
        ("06", 2), ("073", 2), ("0874", 2),
        ("09", 3), ("10", 3), ("112", 3), ("1246", 3), ("139", 3),
        ("14", 4), ("154", 4), ("163", 4), ("1712", 4), ("186", 4), ("195", 4), ("2042", 4),
    ],
)
def test_events_cameo_quad_class(codebook: Codebook, code: str, quad_class: int) -> None:
    assert quad_class_for(code) == quad_class
    assert codebook.get(code).quad_class == quad_class


@pytest.mark.parametrize(
    ("code", "name"),
    [("04", "Consult"), ("042", "Make a visit"), ("057", "Sign formal agreement"), ("19", "Fight")],
)
def test_events_cameo_names(codebook: Codebook, code: str, name: str) -> None:
    assert codebook.get(code) == CameoCode(code, name, codebook.get(code).goldstein,
                                           quad_class_for(code), plover_for(code))


@pytest.mark.parametrize("code", ["0", "021x", "099", "1213", "21", "042 "])
def test_events_cameo_unknown_code(codebook: Codebook, code: str) -> None:
    assert code not in codebook
    with pytest.raises(UnknownCameoCode, match="unknown CAMEO code") as raised:
        codebook.get(code)
    assert isinstance(raised.value, KeyError)


@pytest.mark.parametrize("root", [f"{n:02d}" for n in range(1, 21)])
def test_events_cameo_every_root_and_family_present(codebook: Codebook, root: str) -> None:
    assert root in codebook
    assert f"{root}0" in codebook
    assert codebook.get(root).plover == plover_for(root)


@pytest.mark.parametrize("check", ["count", "rows", "parents", "order"])
def test_events_cameo_every_row_valid(codebook: Codebook, check: str) -> None:
    entries = list(codebook)
    if check == "count":
        assert len(codebook) == len(entries) == 311
    elif check == "rows":
        for entry in entries:
            assert entry.plover == plover_for(entry.code)
            assert entry.plover is None or entry.plover in PLOVER_TYPES
            assert entry.quad_class == quad_class_for(entry.code)
            assert -10.0 <= entry.goldstein <= 10.0
            assert entry.name.strip() == entry.name != ""
    elif check == "parents":
        for entry in entries:
            if len(entry.code) > 2:
                assert entry.code[:-1] in codebook, entry.code
    else:
        codes = [entry.code for entry in entries]
        assert codes == sorted(codes)


def _write(tmp_path: Path, *rows: str, header: str = "\t".join(HEADER)) -> Path:
    path = tmp_path / "cameo.tsv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("good_rows", [("04\tConsult\t1.0\t1\tCONSULT", "010\tMake statement\t0.0\t1\t")])
def test_events_cameo_load_from_path(tmp_path: Path, good_rows: tuple[str, ...]) -> None:
    book = Codebook.load(_write(tmp_path, *good_rows))
    assert len(book) == 2
    assert book.get("010").plover is None
    assert book.get("04") == CameoCode("04", "Consult", 1.0, 1, "CONSULT")


@pytest.mark.parametrize(
    ("rows", "header", "message"),
    [
        (("04\tConsult\t1.0\t1\tCONSULT",), "code\tname\tgoldstein", r":1: header"),
        (("04\tConsult\t1.0\t1",), None, r":2: expected 5 tab-separated fields, got 4"),
        (
            ("04\tConsult\t1.0\t1\tCONSULT", "057\tSign formal agreement\t8.0\t1\tSUPPORT"),
            None,
            r":3: .*contract says 'AGREE'",
        ),
        (("016\tDeny\t-2.0\t1\t",), None, r":2: .*contract says 'REJECT'"),
        (("011\tDecline comment\t-0.1\t1\tREJECT",), None, r":2: .*contract says None"),
        (("04\tConsult\tone\t1\tCONSULT",), None, r":2: .*not a number"),
        (("04\tConsult\t11.0\t1\tCONSULT",), None, r":2: .*outside -10..10"),
        (("04\tConsult\t1.0\t2\tCONSULT",), None, r":2: .*quad_class '2'"),
        (("4\tConsult\t1.0\t1\tCONSULT",), None, r":2: not a CAMEO code"),
        (("04\t \t1.0\t1\tCONSULT",), None, r":2: .*empty name"),
        (("04\tConsult\t1.0\t1\tCONSULT", "04\tConsult\t1.0\t1\tCONSULT"), None, r":3: duplicate code"),
        ((), None, r"no codes"),
    ],
)
def test_events_cameo_load_rejects_malformed_file(
    tmp_path: Path, rows: tuple[str, ...], header: str | None, message: str
) -> None:
    path = _write(tmp_path, *rows) if header is None else _write(tmp_path, *rows, header=header)
    with pytest.raises(CodebookError, match=message) as raised:
        Codebook.load(path)
    assert str(path) in str(raised.value)
