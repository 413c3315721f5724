"""News-site HTML pages built for the extraction benchmark and for judging trafilatura's options.

    python bench/news_pages.py OUT_DIR        # write every page as OUT_DIR/<template>_<article>.html

Each page is a known article (the example articles' gold bodies and four articles written here) inside the
chrome of a news site, as sites print it: a long menu, breadcrumbs, the headline with its date line and
byline, a photo and its caption, "Baca juga" links and ad slots between the paragraphs, tags, share buttons,
related stories with their timestamps, a "most read" sidebar, readers' comments, a newsletter box, a footer,
inline scripts and styles, and the metadata in <head>. The article's own paragraphs are known, so what an
extraction keeps or loses can be counted (`article_paragraphs`).

Three templates: `portal` (an Indonesian news portal: paragraphs in <p>, inline "Baca juga" and ads),
`wire` (an English news site: paragraphs in <p> inside nested <div>s, a sticky "most read" list, comments),
`regional` (a regional site whose body is one <div> of text broken by <br><br>, with a table of related links
and readers' comments), and `scroll` (the portal with the next story's headline, date line and lead loaded under
the article, as portals with endless scrolling print it).
Outlets, people's quotes and URLs are invented (`.example` domains).
"""

# ruff: noqa: E501  (page templates: one line of HTML per line, as sites print them)
from __future__ import annotations

import html
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TEMPLATES = ("portal", "wire", "regional", "scroll")


@dataclass(frozen=True)
class Story:
    slug: str
    language: str
    title: str
    published: str                  # ISO day
    authors: tuple[str, ...]
    paragraphs: tuple[str, ...]


# Written for this benchmark; the events are invented.
WRITTEN = (
    Story(
        "id_menlu_tokyo", "id", "Menlu RI dan Jepang Sepakati Patroli Maritim Bersama di Laut Natuna Utara",
        "2025-03-12", ("Larasati Wibowo",),
        (
            "TOKYO, KABARPASIFIK - Menteri Luar Negeri RI Sugiono dan Menteri Luar Negeri Jepang Takeshi Iwaya "
            "sepakat memperluas kerja sama maritim kedua negara, termasuk patroli bersama penjaga pantai di "
            "perairan Laut Natuna Utara, dalam pertemuan di Tokyo, Rabu (12/3/2025).",
            "Pertemuan yang berlangsung sekitar satu setengah jam itu juga membahas rencana hibah dua kapal "
            "patroli cepat dari Jepang untuk Badan Keamanan Laut (Bakamla) yang dijadwalkan tiba akhir tahun.",
            "\"Kami sepakat bahwa keamanan jalur laut adalah kepentingan bersama. Indonesia dan Jepang sama-sama "
            "negara maritim yang bergantung pada laut yang terbuka dan damai,\" kata Sugiono kepada wartawan "
            "seusai pertemuan.",
            "Iwaya menyebut Jepang siap mendukung peningkatan kapasitas Bakamla melalui pelatihan awak kapal "
            "dan pertukaran informasi. Ia juga mengundang Sugiono menghadiri dialog keamanan maritim di Yokohama "
            "pada Juni mendatang.",
            "Kedua menteri juga menyinggung situasi di Semenanjung Korea. Mereka menyatakan keprihatinan atas "
            "uji coba rudal balistik Korea Utara pekan lalu dan mendesak Pyongyang kembali ke meja perundingan.",
            "Kunjungan Sugiono ke Tokyo merupakan bagian dari lawatan ke tiga negara Asia Timur. Dari Jepang, "
            "ia dijadwalkan terbang ke Seoul untuk bertemu Menteri Luar Negeri Korea Selatan pada Kamis.",
            "Menurut data Kementerian Luar Negeri, nilai perdagangan Indonesia dan Jepang tahun lalu mencapai "
            "sekitar 38 miliar dolar AS, menjadikan Jepang salah satu mitra dagang terbesar Indonesia.",
        ),
    ),
    Story(
        "id_malaysia_udara", "id", "Malaysia Layangkan Protes Usai Jet Tempur Asing Masuki Wilayah Udara Sabah",
        "2024-10-08", ("Fadli Rahman", "Nurul Hidayah"),
        (
            "KUALA LUMPUR, KABARPASIFIK - Pemerintah Malaysia melayangkan nota protes diplomatik setelah dua "
            "jet tempur asing memasuki wilayah udara di atas perairan Sabah tanpa izin, Senin (7/10/2024).",
            "Kementerian Luar Negeri Malaysia menyatakan telah memanggil duta besar negara yang bersangkutan "
            "untuk meminta penjelasan. Nama negara itu tidak disebutkan dalam pernyataan resmi yang dirilis "
            "Selasa pagi.",
            "\"Malaysia tidak akan menoleransi pelanggaran kedaulatan dalam bentuk apa pun. Kami menuntut "
            "penjelasan tertulis dan jaminan bahwa kejadian serupa tidak terulang,\" demikian pernyataan itu.",
            "Angkatan Udara Malaysia (TUDM) menyebut radar mendeteksi kedua pesawat sekitar pukul 10.20 waktu "
            "setempat. Dua pesawat Hawk milik TUDM diterbangkan untuk melakukan identifikasi visual.",
            "Pakar pertahanan dari Universiti Kebangsaan Malaysia menilai insiden itu menunjukkan perlunya "
            "peningkatan sistem pengawasan udara di wilayah timur negeri tersebut.",
            "Ini merupakan insiden kedua dalam tiga bulan terakhir. Pada Juli, Malaysia juga memprotes "
            "masuknya pesawat angkut militer asing ke wilayah udara Sarawak.",
        ),
    ),
    Story(
        "en_manila_envoy", "en", "Philippines summons Chinese envoy after water cannon hits supply boat",
        "2024-03-24", ("Marcus Delgado",),
        (
            "MANILA - The Philippines summoned China's deputy ambassador on Monday after Chinese coast guard "
            "vessels fired water cannon at a Philippine supply boat near Second Thomas Shoal, injuring three "
            "crew members.",
            "The Department of Foreign Affairs said it had lodged a strong protest and demanded that China "
            "withdraw its vessels from the area, which lies inside the Philippines' exclusive economic zone.",
            "\"These aggressive actions endanger the lives of our personnel and violate international law,\" "
            "foreign ministry spokesperson Teresita Daza told reporters in Manila.",
            "China's foreign ministry rejected the protest and accused Manila of sending the boat into Chinese "
            "waters without permission. A spokesperson in Beijing said the coast guard had acted lawfully.",
            "The United States said it stood with its ally and reiterated that an armed attack on Philippine "
            "public vessels would invoke the mutual defence treaty between the two countries.",
            "The boat was carrying food and water to a small detachment of Filipino marines stationed on a "
            "grounded navy ship at the shoal. It was the third such confrontation this year.",
            "Japan and Australia also voiced concern, calling on all parties to resolve disputes peacefully "
            "and in line with the 2016 arbitral ruling.",
        ),
    ),
    Story(
        "en_kenya_somalia", "en", "Kenya and Somalia agree to reopen border after decade-long closure",
        "2025-06-02", ("Amina Warsame",),
        (
            "NAIROBI - Kenya and Somalia agreed on Monday to gradually reopen their shared border, which has "
            "been closed to most traffic for more than a decade, the two governments said after talks in "
            "Nairobi.",
            "Under the agreement, three crossing points will reopen within ninety days, starting with the "
            "town of Mandera, with joint teams handling customs and security checks.",
            "\"This is a new chapter for our peoples, who share families, trade and history,\" Kenyan foreign "
            "minister Musalia Mudavadi said at a joint news conference with his Somali counterpart.",
            "Somali foreign minister Ahmed Moallim Fiqi said the reopening would revive cross-border trade in "
            "livestock and food, and pledged cooperation against armed groups operating in the border region.",
            "The two countries also agreed to restore direct flights between Nairobi and Mogadishu, suspended "
            "since a diplomatic dispute in 2020, and to set up a joint commission that will meet every six "
            "months.",
            "The African Union welcomed the deal and urged both sides to implement it quickly.",
        ),
    ),
)

_SITES = {
    "portal": ("Kabar Pasifik", "kabarpasifik.example"),
    "wire": ("The Meridian Post", "meridianpost.example"),
    "regional": ("Suara Borneo Raya", "suaraborneoraya.example"),
}
_ID_MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
_ID_DAYS = "Senin Selasa Rabu Kamis Jumat Sabtu Minggu".split()
_EN_MONTHS = "January February March April May June July August September October November December".split()
_MENU_ID = ("Beranda Terkini Nasional Internasional Asia Eropa Amerika Timur-Tengah Afrika Ekonomi Bisnis Bola "
            "Olahraga Otomotif Teknologi Sains Hiburan Gaya-Hidup Kesehatan Travel Kuliner Foto Video Infografis "
            "Opini Indeks").split()
_MENU_EN = ("Home World Asia Europe Americas Africa Middle-East Business Markets Technology Science Climate "
            "Health Sport Culture Travel Opinion Video Podcasts Newsletters Archive").split()
_TEASERS_ID = (
    "Harga Beras di Pasar Induk Naik Dua Pekan Berturut-turut",
    "Timnas U-23 Lolos ke Semifinal Usai Tekuk Vietnam",
    "Cuaca Ekstrem Diprediksi Landa Jawa Barat hingga Akhir Pekan",
    "Pemerintah Siapkan Subsidi Pupuk untuk Musim Tanam Mendatang",
    "Lima Tips Menjaga Kesehatan Jantung di Usia Muda",
    "Bursa Saham Asia Dibuka Menguat, Rupiah Stabil",
    "Gempa Magnitudo 5,2 Guncang Maluku, Tidak Berpotensi Tsunami",
    "Daftar Film Terlaris Pekan Ini di Bioskop Tanah Air",
    "Jalan Tol Baru Dibuka, Waktu Tempuh Jakarta-Bandung Makin Singkat",
    "Harga Emas Antam Hari Ini Turun Rp 5.000 per Gram",
)
_TEASERS_EN = (
    "Markets rally as inflation cools for a third month",
    "Heatwave grips southern Europe as wildfires spread",
    "Central bank holds rates, signals cuts later this year",
    "Five things to know about the new electric car subsidy",
    "Election officials begin recount in disputed district",
    "Scientists map the deepest trench in the Indian Ocean",
    "Airline strike grounds hundreds of flights across the region",
    "How a small town became the world's kite capital",
    "Opinion: The quiet crisis in rural hospitals",
    "Football: Late goal sends champions through to the final",
)
_COMMENTS_ID = (
    ("budi_s", "Semoga kerja sama ini benar-benar membawa manfaat untuk nelayan kita, bukan cuma di atas kertas."),
    ("rahmawati88", "Beritanya bagus, tapi kenapa tidak dijelaskan berapa anggarannya?"),
    ("pakde_joko", "Setuju, laut kita harus dijaga. Jangan sampai kapal asing seenaknya masuk."),
)
_COMMENTS_EN = (
    ("river_tam", "Good to see some actual diplomacy for a change. Let's hope it lasts."),
    ("jk_1974", "The article doesn't mention what happened at the last round of talks. Anyone know?"),
    ("Oakwood", "Interesting read, thanks. Would love a follow-up on the economic side."),
)
_SCRIPT = ("window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
           "gtag('js',new Date());gtag('config','G-XXXXXXX');" * 12)
_STYLE = "".join(f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{i * 2731 % 0xFFFFFF:06x}}}" for i in range(150))


def gold_stories() -> list[Story]:
    """The example articles as their gold files give them."""
    stories = []
    for path in sorted((REPO / "examples" / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        # an HTML page's gold text is its headline, its byline and date line, then the body
        body = gold["body"] if "body" in gold else gold["text"].split("\n\n", 2)[2]
        stories.append(Story(path.stem, gold["language"], gold["title"], gold["published"][:10],
                             tuple(gold["authors"]), tuple(body.split("\n\n"))))
    return stories


def stories() -> list[Story]:
    return [*gold_stories(), *WRITTEN]


def article_paragraphs(story: Story) -> tuple[str, ...]:
    return story.paragraphs


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _date_line(story: Story, language: str, hour: int) -> str:
    year, month, day = (int(x) for x in story.published.split("-"))
    from datetime import date
    weekday = date(year, month, day).weekday()
    if language == "id":
        return f"{_ID_DAYS[weekday]}, {day:02d} {_ID_MONTHS[month - 1]} {year} | {hour:02d}:{(hour * 7) % 60:02d} WIB"
    return f"{_EN_MONTHS[month - 1]} {day}, {year} {hour % 12 or 12}:{(hour * 7) % 60:02d} {'PM' if hour >= 12 else 'AM'} GMT"


def _menu(language: str) -> str:
    words = _MENU_ID if language == "id" else _MENU_EN
    return "\n".join(f'    <li><a href="/{w.lower()}">{w.replace("-", " ")}</a></li>' for w in words)


def _teasers(language: str, rng: random.Random, n: int, stamp: bool) -> str:
    items = list(_TEASERS_ID if language == "id" else _TEASERS_EN)
    rng.shuffle(items)
    out = []
    for k, title in enumerate(items[:n]):
        slug = "-".join(title.lower().split()[:6])
        when = f'<span class="time">{(k + 1) * 13 % 59 + 1} menit lalu</span>' if language == "id" else \
            f'<span class="time">{k + 1}h ago</span>'
        out.append(f'      <li><a href="/berita/{slug}"><h3>{_e(title)}</h3></a>{when if stamp else ""}</li>')
    return "\n".join(out)


def _head(story: Story, site: str, domain: str, url: str, hour: int) -> str:
    iso = f"{story.published}T{hour:02d}:{(hour * 7) % 60:02d}:00+07:00"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": story.title,
          "datePublished": iso, "author": [{"@type": "Person", "name": a} for a in story.authors],
          "publisher": {"@type": "Organization", "name": site}}
    return f"""<head>
<meta charset="utf-8">
<title>{_e(story.title)} - {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{html.escape(story.paragraphs[0][:150])}">
<meta property="og:title" content="{html.escape(story.title)}">
<meta property="og:site_name" content="{site}">
<meta property="og:url" content="{url}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{iso}">
<meta name="author" content="{html.escape(", ".join(story.authors))}">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="https://{domain}/assets/main.css">
<style>{_STYLE}</style>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<script>{_SCRIPT}</script>
</head>"""


def _portal(story: Story, rng: random.Random, following: Story | None = None) -> str:
    site, domain = _SITES["portal"]
    lang = story.language
    url = f"https://www.{domain}/internasional/{story.published.replace('-', '/')}/{story.slug}"
    hour = rng.randrange(6, 22)
    read_also = "Baca juga" if lang == "id" else "Read also"
    teasers = list(_TEASERS_ID if lang == "id" else _TEASERS_EN)
    body = []
    for n, paragraph in enumerate(story.paragraphs):
        body.append(f"      <p>{_e(paragraph)}</p>")
        if n == 1:
            body.append(f'      <p><strong>{read_also}:</strong> <a href="/x/{n}">{_e(rng.choice(teasers))}</a></p>')
        if n == 2:
            body.append('      <div class="ads-inline"><div class="ads-label">ADVERTISEMENT</div>'
                        '<div id="div-gpt-ad-inline"></div><p>SCROLL TO CONTINUE WITH CONTENT</p></div>')
        if n == 4:
            body.append(f'      <p><strong>{read_also}:</strong> <a href="/x/{n}">{_e(rng.choice(teasers))}</a></p>')
    authors = ", ".join(story.authors) or "Tim Redaksi"
    by = f"Penulis: {authors} | Editor: Dewi Anggraini" if lang == "id" else f"By {authors} | Edited by Paul Harker"
    caption = ("Ilustrasi. (Foto: Dok. Kabar Pasifik)" if lang == "id" else "File photo. (Photo: Meridian archive)")
    related = "Berita Terkait" if lang == "id" else "Related stories"
    popular = "Terpopuler" if lang == "id" else "Most popular"
    comments = _COMMENTS_ID if lang == "id" else _COMMENTS_EN
    comment_html = "\n".join(
        f'      <div class="comment"><div class="comment__user">{u}</div><p class="comment__text">{_e(t)}</p>'
        f'<div class="comment__meta">2 jam lalu · Balas · Suka</div></div>' for u, t in comments)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
{_head(story, site, domain, url, hour)}
<body class="detail">
<div class="ads ads-top"><div class="ads-label">ADVERTISEMENT</div><div id="div-gpt-ad-top"></div></div>
<header class="header">
  <div class="header__logo"><a href="/"><img src="/logo.svg" alt="{site}"></a></div>
  <div class="header__search"><form action="/search"><input type="text" name="q" placeholder="Cari berita">
  <button type="submit">Cari</button></form></div>
  <nav class="nav"><ul>
{_menu(lang)}
  </ul></nav>
</header>
<div class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/internasional">Internasional</a> &rsaquo; <a href="/asia">Asia</a></div>
<div class="container">
  <main class="content">
    <article class="detail">
      <h1 class="detail__title">{_e(story.title)}</h1>
      <div class="detail__meta"><span class="detail__date">{_date_line(story, lang, hour)}</span></div>
      <div class="detail__author">{_e(by)}</div>
      <div class="detail__share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a> <a href="#">Salin Link</a></div>
      <figure class="detail__media"><img src="/foto/{story.slug}.jpg" alt="{html.escape(story.title)}">
        <figcaption>{_e(caption)}</figcaption></figure>
      <div class="detail__body">
{chr(10).join(body)}
      </div>
      <div class="detail__tags"><span>Tags:</span> <a href="/tag/diplomasi">diplomasi</a> <a href="/tag/asia">asia</a> <a href="/tag/internasional">internasional</a></div>
      <div class="detail__share"><span>Bagikan:</span> <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
    </article>
{_next_article(following, rng) if following else ""}
    <section class="related"><h2>{related}</h2><ul>
{_teasers(lang, rng, 6, True)}
    </ul></section>
    <section class="comments" id="comments"><h2>Komentar ({len(comments)})</h2>
{comment_html}
    </section>
  </main>
  <aside class="sidebar">
    <div class="box popular"><h2>{popular}</h2><ol>
{_teasers(lang, rng, 10, False)}
    </ol></div>
    <div class="box newsletter"><h3>Newsletter</h3><p>Dapatkan berita pilihan setiap pagi langsung di email Anda.</p>
    <form><input type="email" placeholder="Email"><button>Daftar</button></form></div>
  </aside>
</div>
<footer class="footer">
  <ul><li><a href="/redaksi">Redaksi</a></li><li><a href="/pedoman">Pedoman Media Siber</a></li><li><a href="/karir">Karir</a></li>
  <li><a href="/kontak">Kontak</a></li><li><a href="/privasi">Kebijakan Privasi</a></li></ul>
  <p>Copyright &copy; {story.published[:4]} {site}. All rights reserved.</p>
</footer>
<script>{_SCRIPT}</script>
</body>
</html>
"""


def _next_article(story: Story, rng: random.Random) -> str:
    """The next story, loaded under the article as the reader scrolls: its headline, date line and lead."""
    lead = "\n".join(f"        <p>{_e(p)}</p>" for p in story.paragraphs[:3])
    heading = "Artikel Selanjutnya" if story.language == "id" else "Next article"
    return f"""    <section class="next-article"><div class="next-article__label">{heading}</div>
      <article class="detail detail--next">
        <h2 class="detail__title"><a href="/x/{story.slug}">{_e(story.title)}</a></h2>
        <div class="detail__meta"><span class="detail__date">{_date_line(story, story.language, rng.randrange(6, 22))}</span></div>
{lead}
        <a class="more" href="/x/{story.slug}">{"Baca selengkapnya" if story.language == "id" else "Continue reading"}</a>
      </article>
    </section>"""


def _wire(story: Story, rng: random.Random) -> str:
    site, domain = _SITES["wire"]
    lang = story.language
    url = f"https://{domain}/world/{story.published}/{story.slug}/"
    hour = rng.randrange(6, 22)
    paragraphs = "\n".join(
        f'        <div class="article-body__paragraph"><p data-testid="paragraph-{n}">{_e(p)}</p></div>'
        + ('\n        <div class="article-body__ad"><span>Advertisement · Scroll to continue</span></div>' if n == 3 else "")
        for n, p in enumerate(story.paragraphs))
    names = " and ".join(story.authors) or "Staff"
    comments = _COMMENTS_EN if lang == "en" else _COMMENTS_ID
    comment_html = "\n".join(
        f'      <li class="comment"><b>{u}</b><p>{_e(t)}</p><span>Reply · Like</span></li>' for u, t in comments)
    return f"""<!DOCTYPE html>
<html lang="{lang}">
{_head(story, site, domain, url, hour)}
<body>
<a class="skip" href="#main">Skip to main content</a>
<header><div class="masthead"><a href="/">{site}</a></div>
<nav aria-label="sections"><ul>
{_menu(lang)}
</ul></nav>
<div class="ticker">Markets · Dow 0.4% · FTSE 0.2% · Nikkei -0.1%</div>
</header>
<main id="main">
  <div class="article-wrapper">
    <div class="article-header">
      <nav class="crumbs"><a href="/world">World</a> / <a href="/asia-pacific">Asia Pacific</a></nav>
      <h1 data-testid="Heading">{_e(story.title)}</h1>
      <div class="byline"><div class="byline__names">By {_e(names)}</div>
      <time datetime="{story.published}T{hour:02d}:{(hour * 7) % 60:02d}:00+07:00">{_date_line(story, "en", hour)}</time></div>
    </div>
    <div class="article-body">
      <figure><img src="/img/{story.slug}.jpg" alt=""><figcaption>A file picture shows officials at a meeting. Meridian Post/Staff Photographer</figcaption></figure>
      <div class="article-body__content">
{paragraphs}
        <p class="signoff">Reporting by {_e(names)}; Editing by Clare Fenwick</p>
      </div>
      <div class="trust"><a href="/standards">Our Standards: The Meridian Post Trust Principles.</a></div>
    </div>
    <section class="comments"><h2>Comments</h2><ul>
{comment_html}
    </ul></section>
  </div>
  <aside class="most-read"><h2>Most read</h2><ol>
{_teasers("en", rng, 8, False)}
  </ol></aside>
  <section class="more"><h2>More from {site}</h2><ul>
{_teasers("en", rng, 6, True)}
  </ul></section>
</main>
<div class="newsletter"><h3>Sign up for our daily briefing</h3><p>The day's top stories, every morning.</p>
<form><input type="email"><button>Sign up</button></form></div>
<footer><div class="links"><a href="/about">About us</a> <a href="/careers">Careers</a> <a href="/contact">Contact</a>
<a href="/terms">Terms of use</a> <a href="/privacy">Privacy</a> <a href="/cookies">Cookie settings</a></div>
<p>&copy; {story.published[:4]} {site}. All rights reserved.</p></footer>
<script>{_SCRIPT}</script>
</body>
</html>
"""


def _regional(story: Story, rng: random.Random) -> str:
    site, domain = _SITES["regional"]
    lang = story.language
    url = f"http://{domain}/read/{rng.randrange(10000, 99999)}/{story.slug}"
    hour = rng.randrange(6, 22)
    text = "<br><br>\n".join(_e(p) for p in story.paragraphs)
    teasers = list(_TEASERS_ID if lang == "id" else _TEASERS_EN)
    rows = "\n".join(f'<tr><td><a href="/read/{k}">{_e(t)}</a></td><td>{k + 2} jam lalu</td></tr>'
                     for k, t in enumerate(teasers[:5]))
    authors = ", ".join(story.authors)
    comments = "\n".join(f"<div class=\"kom\"><b>{u}</b> ({k + 1} jam lalu)<br>{_e(t)}</div>"
                         for k, (u, t) in enumerate(_COMMENTS_ID if lang == "id" else _COMMENTS_EN))
    return f"""<!DOCTYPE html>
<html>
{_head(story, site, domain, url, hour)}
<body>
<table width="100%"><tr><td><a href="/"><img src="/logo.gif" alt="{site}"></a></td>
<td>{" | ".join(f'<a href="/{w.lower()}">{w}</a>' for w in (_MENU_ID if lang == "id" else _MENU_EN)[:12])}</td></tr></table>
<div id="wrap">
<div id="left">
<div class="judul">{_e(story.title)}</div>
<div class="tgl">{_date_line(story, lang, hour)} &nbsp; Reporter: {_e(authors)}</div>
<div class="isi">
{text}
<br><br>({_e(story.authors[0].split()[0].lower()) if story.authors else "red"}/red)
</div>
<div class="share">Share: <a href="#">FB</a> <a href="#">TW</a> <a href="#">WA</a></div>
<div class="terkait"><b>{"Berita Terkait" if lang == "id" else "Related"}</b>
<table>{rows}</table></div>
<div class="komentar"><b>{"Komentar Pembaca" if lang == "id" else "Readers' comments"}</b>
{comments}
</div>
</div>
<div id="right"><div class="box"><b>{"Terpopuler" if lang == "id" else "Popular"}</b><ul>
{_teasers(lang, rng, 8, False)}
</ul></div></div>
</div>
<div id="footer">{site} &copy; {story.published[:4]} | <a href="/tentang">Tentang Kami</a> | <a href="/kontak">Kontak</a></div>
<script>{_SCRIPT}</script>
</body>
</html>
"""


def _scroll(story: Story, rng: random.Random) -> str:
    same = [s for s in stories() if s.language == story.language and s.slug != story.slug]
    return _portal(story, rng, following=rng.choice(same))


_BUILDERS = {"portal": _portal, "wire": _wire, "regional": _regional, "scroll": _scroll}


def pages(templates: tuple[str, ...] = TEMPLATES) -> list[tuple[str, Story, str]]:
    """(name, story, page) for every story in every template, the same on every call."""
    out = []
    for template in templates:
        for story in stories():
            rng = random.Random(f"{template}/{story.slug}")
            out.append((f"{template}_{story.slug}", story, _BUILDERS[template](story, rng)))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.splitlines()[2].strip(), file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for name, _, page in pages():
        (out / f"{name}.html").write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
