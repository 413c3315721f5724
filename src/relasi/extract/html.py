"""HTML pages: trafilatura finds the article, the line cleaner tidies it, the page's text dates it.

1. The page is parsed once (trafilatura's parser); trafilatura extracts the main text from a copy
   (no comments, no tables; its balanced mode without the fallback comparison, see docs/decisions.md,
   "Issue 13: HTML extraction"), and its metadata readers give the title, author, site name and
   canonical URL. Nothing extracted -> Dropped("no_article").
2. The extracted text goes through `text.clean` with the title as hint, which removes what
   trafilatura keeps on Indonesian pages: the date line, "Baca juga" links, headline lists.
3. The whole page, flattened to lines, goes through `text.clean` as well, for the date line and
   byline printed near the title; a line in both texts (the article's paragraphs) is classified
   once. A date line found near the title wins over the page's metadata; a disagreement becomes a
   warning.
4. A machine-readable publication time (article:published_time, JSON-LD datePublished) supplies
   the clock time and zone when it falls on the chosen day, and the date when nothing is printed;
   htmldate (markup only, the original date) is asked only when neither gives one.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from functools import lru_cache

import lxml.html
import trafilatura
from htmldate import find_date
from lxml import etree
from trafilatura import metadata as trafilatura_metadata
from trafilatura.settings import Extractor

from relasi.extract import meta
from relasi.extract.meta import FoundDate
from relasi.extract.text import Page, clean
from relasi.model import Dropped

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul title".split()
)
# never part of an article's header: scripts, controls, and the page's navigation and sidebars
_NOISE_TAGS = frozenset(("script", "style", "noscript", "template", "svg", "iframe", "button", "select",
                         "nav", "aside", "footer"))
_META_DATE = (
    '//meta[@property="article:published_time" or @name="article:published_time"'
    ' or @itemprop="datePublished" or @property="og:published_time" or @name="pubdate"'
    ' or @name="publishdate" or @name="publish-date" or @name="date"]/@content'
    ' | //time[@itemprop="datePublished"]/@datetime'
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
# htmldate keeps to markup and metadata: its extensive search guesses from any date in the text (a
# caption's, a sidebar's), and the printed date line is read by text.clean instead
_HTMLDATE = {"original_date": True, "extensive_search": False}


def read_html(html: str, url: str | None = None, title_hint: str | None = None) -> Page | Dropped:
    """The article in an HTML page, or Dropped("no_article") when trafilatura finds none."""
    tree = trafilatura.load_html(html)
    # trafilatura works on a copy of the tree: the page's own text below is read from the original
    found = trafilatura.bare_extraction(tree, options=_options()) if tree is not None else None
    if found is None or not (found.text or "").strip():
        return Dropped(url or "", "extract", "no_article", "trafilatura found no main text")
    head = _metadata(tree, url)
    title = title_hint or head.title
    classified: dict = {}            # a line in both texts below is classified once
    body = clean(found.text, title_hint=title, classified=classified)
    if not body.paragraphs:
        return Dropped(url or "", "extract", "no_article", "no running text in the main text")
    machine = _machine_date(tree, html)
    page = tree if tree.tag == "html" else _parse(html)    # a fragment: trafilatura kept part of the page
    printed = clean(_flatten(page), title_hint=title, classified=classified) if page is not None else Page(())
    published, warnings = _published(body, printed, machine, tree, head.url)
    return Page(
        paragraphs=body.paragraphs,
        title=printed.title or body.title,     # the headline as printed, when trafilatura cut it
        published=published,
        authors=_authors(head.author) or printed.authors or body.authors,
        dateline=body.dateline,
        outlet=head.sitename or (body.dateline.outlet if body.dateline else None) or printed.outlet,
        url=head.url,
        warnings=(*body.warnings, *warnings),
    )


@lru_cache(maxsize=1)
def _options() -> Extractor:
    """trafilatura's settings, built once (they read its configuration file's values): the main text
    alone, no comments, no tables. No URL: trafilatura uses it only for links and images, left out."""
    return Extractor(output_format="python", fast=True, comments=False, tables=False)


def _metadata(tree: lxml.html.HtmlElement, url: str | None) -> trafilatura.settings.Document:
    """trafilatura's title, author, canonical URL and site name, read as its `extract_metadata` reads
    them, without the categories, tags, licence and date that it reads too and this step never uses."""
    m = trafilatura_metadata
    found = m.examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None
    with contextlib.suppress(Exception):      # as trafilatura does: a faulty JSON-LD block is no metadata
        found = m.extract_meta_json(tree, found)
    found.title = found.title or m.extract_title(tree)
    found.author = found.author or (m.extract_author(tree) if _may_name_author(tree) else None)
    found.url = found.url or m.extract_url(tree, url)
    found.sitename = found.sitename or m.extract_sitename(tree)
    if found.sitename:
        found.sitename = found.sitename.lstrip("@")
        if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
            found.sitename = found.sitename.title()
    elif found.url and (site := m.META_URL.match(found.url)):
        found.sitename = site[1]
    found.clean_and_trim()
    return found


# trafilatura's `extract_author` copies the whole page, prunes it and searches it for elements marked as an
# author's (AUTHOR_XPATHS): by the tag ("author", a "rel" child) or by an attribute's value, which then
# holds one of the words below (case aside). A page with none of them names no author that way, and pruning
# only removes elements, so nothing is copied. The words were read from these XPaths; other ones (another
# trafilatura) are always searched.
_AUTHOR_XPATHS_READ = "8a9ca42e2e092025399490bf38432ea57994b6e9"
_AUTHOR_WORDS = ("author", "byl", "bbl", "username", "screenname", "writer", "zuozhe", "bianji", "xiaobian",
                 "channel-name", "submitted-by", "posted-by", "journalist-name")
_AUTHOR_TAGS = etree.XPath("boolean(//author | //rel)")
_AUTHOR_ATTRIBUTES = etree.XPath("//@class | //@id | //@rel | //@itemprop | //@data-testid | //@data-component")


@lru_cache(maxsize=1)
def _author_xpaths_known() -> bool:
    from trafilatura.xpaths import AUTHOR_XPATHS

    paths = "\n".join(x.path for x in AUTHOR_XPATHS)
    return hashlib.sha1(paths.encode("utf-8")).hexdigest() == _AUTHOR_XPATHS_READ


def _may_name_author(tree: etree._Element) -> bool:
    """Whether trafilatura's `extract_author` can find anything in the page."""
    if not _author_xpaths_known() or _AUTHOR_TAGS(tree):
        return True
    values = " ".join(_AUTHOR_ATTRIBUTES(tree)).lower()
    return any(word in values for word in _AUTHOR_WORDS)


def _parse(html: str) -> etree._Element | None:
    try:
        return lxml.html.document_fromstring(html.encode("utf-8"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return None


def _flatten(tree: etree._Element) -> str:
    """The page's visible text, one block element per line (what a text-mode browser shows)."""
    body = tree.find("body")
    root = body if body is not None else tree
    parts = [root.text or ""]
    _flatten_children(root, parts)
    return "".join(parts)


def _flatten_children(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if isinstance(tag, str):
            tag = tag.lower()
            if tag in _NOISE_TAGS:   # left out, its tail kept
                pass
            elif tag in _BLOCK_TAGS:
                parts += ("\n", child.text or "")
                _flatten_children(child, parts)
                parts.append("\n")
            else:                    # <a>headline</a><span>date</span> must not run together
                parts.append(child.text or "")
                _flatten_children(child, parts)
                parts.append(" ")
        parts.append(child.tail or "")   # a comment's text is no text, its tail is


def _machine_date(tree: etree._Element, html: str) -> FoundDate | None:
    values = [str(v) for v in tree.xpath(_META_DATE)]
    values += _JSONLD_DATE.findall(html)
    for value in values:
        found = meta.from_iso(value)
        if found is not None:
            return found
    return None


def _published(body: Page, printed: Page, machine: FoundDate | None, tree: etree._Element,
               url: str | None) -> tuple[FoundDate | None, list[str]]:
    """The page's printed date near the title first, then machine metadata, then htmldate."""
    warnings: list[str] = []
    chosen = printed.published or body.published
    if chosen is not None:
        if machine and machine.day_iso == chosen.day_iso and chosen.offset is None and machine.offset:
            chosen = machine         # same day, and the metadata knows the time and zone
        elif machine and machine.day_iso != chosen.day_iso:
            warnings.append(f"published: the page's metadata says {machine.day_iso}, "
                            f"the page prints {chosen.day_iso}")
    elif machine is not None:
        chosen = machine
    elif (day := find_date(tree, url=url, **_HTMLDATE)) is not None:
        chosen = meta.from_iso(day)
    return chosen, warnings


def _authors(author: str | None) -> tuple[str, ...]:
    """trafilatura's author field ("Reni Erina; Jane Doe") as names in title case."""
    if not author:
        return ()
    names = [meta.title_case_name(n.strip()) for n in re.split(r"\s*[;|]\s*", author)]
    return tuple(dict.fromkeys(n for n in names if meta.is_name(n, min_words=1)))
