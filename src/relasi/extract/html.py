"""HTML pages: trafilatura finds the article, the line cleaner tidies it, the page's text dates it.

1. trafilatura (favouring precision, no comments, no tables) extracts the main text, title,
   author, site name and canonical URL; its date is htmldate's original (not updated) date.
   Nothing extracted -> Dropped("no_article").
2. The extracted text goes through `text.clean` with the title as hint, which removes what
   trafilatura keeps on Indonesian pages: the date line, "Baca juga" links, headline lists.
3. The whole page, flattened to lines, goes through `text.clean` as well, for the date line and
   byline printed near the title. htmldate can pick a sidebar's date when the page prints its own
   in capitals, so a date line found near the title wins; a disagreement becomes a warning.
4. A machine-readable publication time (article:published_time, JSON-LD datePublished) supplies
   the clock time and zone when it falls on the chosen day.
"""

from __future__ import annotations

import copy
import re

import lxml.html
import trafilatura
from lxml import etree

from relasi.extract import meta
from relasi.extract.meta import FoundDate
from relasi.extract.text import Page, clean
from relasi.model import Dropped

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul title".split()
)
# never part of an article's header: scripts, controls, and the page's navigation and sidebars
_NOISE_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "button", "select",
               "nav", "aside", "footer")
_META_DATE = (
    '//meta[@property="article:published_time" or @name="article:published_time"'
    ' or @itemprop="datePublished" or @property="og:published_time" or @name="pubdate"'
    ' or @name="publishdate" or @name="publish-date" or @name="date"]/@content'
    ' | //time[@itemprop="datePublished"]/@datetime'
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


def read_html(html: str, url: str | None = None, title_hint: str | None = None) -> Page | Dropped:
    """The article in an HTML page, or Dropped("no_article") when trafilatura finds none."""
    found = trafilatura.bare_extraction(
        html, url=url, favor_precision=True, include_comments=False, include_tables=False,
        # no extensive search: it guesses from any date in the text (a caption's, a sidebar's); the
        # printed date line is read by text.clean instead, so htmldate keeps to markup and metadata
        with_metadata=True, date_extraction_params={"original_date": True, "extensive_search": False},
    )
    if found is None or not (found.text or "").strip():
        return Dropped(url or "", "extract", "no_article", "trafilatura found no main text")
    title = title_hint or found.title
    body = clean(found.text, title_hint=title)
    if not body.paragraphs:
        return Dropped(url or "", "extract", "no_article", "no running text in the main text")
    tree = _parse(html)
    printed = clean(_flatten(tree), title_hint=title) if tree is not None else Page(())
    published, warnings = _published(body, printed, tree, html, found.date)
    return Page(
        paragraphs=body.paragraphs,
        title=printed.title or body.title,     # the headline as printed, when trafilatura cut it
        published=published,
        authors=_authors(found.author) or printed.authors or body.authors,
        dateline=body.dateline,
        outlet=found.sitename or (body.dateline.outlet if body.dateline else None) or printed.outlet,
        url=found.url,
        warnings=(*body.warnings, *warnings),
    )


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
    root = copy.deepcopy(root)       # the markers below must not leak into the caller's tree
    etree.strip_elements(root, *_NOISE_TAGS, with_tail=False)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag.lower() in _BLOCK_TAGS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
        else:                        # <a>headline</a><span>date</span> must not run together
            element.tail = " " + (element.tail or "")
    return "".join(root.itertext())


def _machine_date(tree: etree._Element | None, html: str) -> FoundDate | None:
    values = [str(v) for v in tree.xpath(_META_DATE)] if tree is not None else []
    values += _JSONLD_DATE.findall(html)
    for value in values:
        found = meta.from_iso(value)
        if found is not None:
            return found
    return None


def _published(body: Page, printed: Page, tree: etree._Element | None, html: str,
               htmldate_day: str | None) -> tuple[FoundDate | None, list[str]]:
    """The page's printed date near the title first, then machine metadata, then htmldate."""
    warnings: list[str] = []
    machine = _machine_date(tree, html)
    chosen = printed.published or body.published
    if chosen is not None:
        if machine and machine.day_iso == chosen.day_iso and chosen.offset is None and machine.offset:
            chosen = machine         # same day, and the metadata knows the time and zone
    elif machine is not None:
        chosen = machine
    elif htmldate_day:
        chosen = meta.from_iso(htmldate_day)
    if chosen is not None and htmldate_day and htmldate_day != chosen.day_iso:
        warnings.append(f"published: htmldate says {htmldate_day}, the page prints {chosen.day_iso}")
    return chosen, warnings


def _authors(author: str | None) -> tuple[str, ...]:
    """trafilatura's author field ("Reni Erina; Jane Doe") as names in title case."""
    if not author:
        return ()
    names = [meta.title_case_name(n.strip()) for n in re.split(r"\s*[;|]\s*", author)]
    return tuple(dict.fromkeys(n for n in names if meta.is_name(n, min_words=1)))
