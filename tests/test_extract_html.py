"""HTML extraction: trafilatura + the line cleaner + the page's printed date (relasi.extract.html)."""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura

from relasi.extract import extract
from relasi.model import Article, Document, Dropped

FIXTURES = Path(__file__).parent / "fixtures" / "extract"

ID_PARAGRAPHS = [
    "HANOI, KABARDUNIA.ID - Vietnam dan Filipina menandatangani nota kesepahaman kerja sama penjaga pantai "
    "di Hanoi, Selasa, dalam upaya meredam ketegangan di Laut China Selatan.",
    "Nota tersebut mengatur patroli terkoordinasi, saluran komunikasi darurat, dan pelatihan bersama bagi "
    "awak kapal kedua negara.",
    "\"Kesepakatan ini menunjukkan bahwa negara-negara di kawasan dapat bekerja sama secara damai,\" kata juru "
    "bicara Kementerian Luar Negeri Filipina dalam keterangan tertulis.",
    "Pejabat Vietnam menambahkan bahwa kedua negara akan meninjau pelaksanaan nota itu setiap tahun.",
    "Kesepakatan ini ditandatangani beberapa pekan setelah insiden di perairan sengketa yang melibatkan kapal "
    "kedua negara dan kapal China.",
]


def _html(name: str, **hints: str) -> Article | Dropped:
    content = (FIXTURES / name).read_text(encoding="utf-8")
    return extract(Document(source=name, content=content, format="html", **hints))


@pytest.fixture(scope="module")
def id_article() -> Article:
    article = _html("id_article.html")
    assert isinstance(article, Article), article
    return article


def test_html_body_is_the_article_paragraphs(id_article: Article) -> None:
    assert id_article.body.split("\n\n") == ID_PARAGRAPHS


@pytest.mark.parametrize(
    "boilerplate",
    ["Baca Juga", "Harga Emas", "Populer", "Harga Cabai", "Tags", "Copyright", "Beranda",
     "SELASA, 02 APRIL 2024", "LAPORAN", "Foto: Istimewa"],
)
def test_html_body_has_no_boilerplate(id_article: Article, boilerplate: str) -> None:
    assert boilerplate not in id_article.body


def test_html_metadata_from_the_page(id_article: Article) -> None:
    assert id_article.title == "Vietnam dan Filipina Teken Nota Kesepahaman Penjaga Pantai"
    assert id_article.published == "2024-04-02T14:30:00+07:00"    # the date line in capitals, with WIB
    assert id_article.authors == ("Bayu Pratama Wijaya",)          # from "LAPORAN: BAYU PRATAMA WIJAYA"
    assert id_article.dateline == "HANOI"
    assert id_article.url == "https://www.kabardunia.id/dunia/2024/04/02/vietnam-filipina-penjaga-pantai"
    assert id_article.outlet == "kabardunia.id"


def test_html_sidebar_dates_do_not_date_the_article() -> None:
    # no date in the URL, a sidebar of newer timestamps: htmldate's extensive search would take
    # one of those; the date line printed under the headline is the article's
    article = _html("id_sidebar_date.html")
    assert isinstance(article, Article)
    assert article.published == "2024-04-02T14:30:00+07:00"


def _sidebar_page_with(meta: str, *, undated: bool = False) -> Article:
    """The sidebar fixture with one more `<meta>` tag (and its printed date line taken out when `undated`)."""
    content = (FIXTURES / "id_sidebar_date.html").read_text(encoding="utf-8").replace("<head>", f"<head>{meta}")
    if undated:
        content = content.replace("SELASA, 02 APRIL 2024 | 14:30 WIB | ", "")
    article = extract(Document(source="x.html", content=content, format="html"))
    assert isinstance(article, Article)
    return article


def test_html_printed_date_wins_over_disagreeing_metadata() -> None:
    article = _sidebar_page_with('<meta name="date" content="2024-04-17T08:15:00+07:00">')
    assert article.published == "2024-04-02T14:30:00+07:00"
    assert "published: the page's metadata says 2024-04-17, the page prints 2024-04-02" in article.warnings


def test_html_htmldate_dates_a_page_that_prints_no_date() -> None:
    # no date line, no published-time metadata: htmldate reads the date from markup we do not read
    article = _sidebar_page_with('<meta name="DC.date.issued" content="2024-04-03">', undated=True)
    assert article.published == "2024-04-03"


def test_html_htmldate_is_not_asked_when_the_page_prints_its_date() -> None:
    # the date line settles it: a date only htmldate would read neither dates nor warns
    article = _sidebar_page_with('<meta name="DC.date.issued" content="2024-04-03">')
    assert article.published == "2024-04-02T14:30:00+07:00"
    assert not any("published" in w for w in article.warnings)


def test_html_body_of_line_broken_text() -> None:
    # a regional site's body: one <div> of text broken by <br><br> between menus and lists of links;
    # trafilatura's precision mode finds no article in it without the fallback comparison
    article = _html("id_regional.html")
    assert isinstance(article, Article), article
    assert article.body.split("\n\n") == ID_PARAGRAPHS
    assert article.title == "Vietnam dan Filipina Teken Nota Kesepahaman Penjaga Pantai"
    assert article.published == "2024-04-02T14:30:00+07:00"
    assert article.authors == ("Bayu Pratama Wijaya",)


def test_html_title_cut_by_trafilatura_is_read_from_the_page() -> None:
    # trafilatura drops what follows " – " in <title> as a site name; the printed headline is whole
    content = (FIXTURES / "id_article.html").read_text(encoding="utf-8")
    content = content.replace("Vietnam dan Filipina Teken Nota Kesepahaman Penjaga Pantai",
                              "Vietnam – Filipina Teken Nota Kesepahaman Penjaga Pantai")
    content = content.replace(" | Kabar Dunia</title>", "</title>").replace("<h1>", "<div>").replace("</h1>", "</div>")
    assert trafilatura.bare_extraction(content, with_metadata=True).title == "Vietnam"   # the premise
    article = extract(Document(source="x.html", content=content, format="html"))
    assert isinstance(article, Article)
    assert article.title == "Vietnam – Filipina Teken Nota Kesepahaman Penjaga Pantai"


def test_html_machine_published_time_and_byline() -> None:
    article = _html("en_article.html")
    assert isinstance(article, Article), article
    assert article.published == "2023-11-20T08:45:00+03:00"        # article:published_time, not modified
    assert article.authors == ("Grace Wanjiru",)
    assert article.title == "Kenya and Ethiopia agree to reopen border crossings"
    assert article.outlet == "dailyledger.com"
    assert article.dateline == "NAIROBI"
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("NAIROBI - Kenya and Ethiopia agreed")
    assert paragraphs[-1] == "Ethiopian officials said customs posts would be staffed again by the end of the month."
    for boilerplate in ("Advertisement", "Read more", "newsletter", "Most read", "All rights reserved", "By Grace"):
        assert boilerplate not in article.body


def test_html_hints_win() -> None:
    article = _html("en_article.html", url="https://example.org/x", title="Given Title",
                    published="2023-11-19")
    assert isinstance(article, Article)
    assert (article.url, article.outlet, article.title, article.published) == (
        "https://example.org/x", "example.org", "Given Title", "2023-11-19")


def test_html_without_article_is_dropped() -> None:
    dropped = _html("no_article.html")
    assert isinstance(dropped, Dropped)
    assert (dropped.reason, dropped.step, dropped.source) == ("no_article", "extract", "no_article.html")


def test_html_empty_is_dropped() -> None:
    dropped = extract(Document(source="x.html", content="  \n", format="html"))
    assert isinstance(dropped, Dropped) and dropped.reason == "empty"


def test_html_author_marked_in_the_page_wins_over_the_printed_byline() -> None:
    # no author in <meta>: trafilatura reads the element the page marks as its author's
    content = (FIXTURES / "id_sidebar_date.html").read_text(encoding="utf-8").replace(
        "</h1>", '</h1>\n  <div class="author-name">Sari Dewi Lestari</div>')
    article = extract(Document(source="x.html", content=content, format="html"))
    assert isinstance(article, Article)
    assert article.authors == ("Sari Dewi Lestari",)
    assert _html("id_sidebar_date.html").authors == ("Bayu Pratama Wijaya",)   # none marked: the byline
