"""Extraction: a Document (decoded text or HTML) becomes an Article with a clean body, or a Dropped.

The cascade:
1. empty input -> Dropped("empty");
2. HTML -> `html.read_html`: trafilatura finds the article, its text goes through the line cleaner,
   and the page's own text is searched for the date line and byline near the title;
   plain text -> `text.clean`: the line cleaner alone;
3. no paragraph left -> Dropped("no_article"); fewer than MIN_WORDS words -> Dropped("too_short");
4. hints carried by the Document (title, published) win over what the page prints; the outlet is
   the URL's domain when there is a URL, else the site or dateline name.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import replace

from relasi.extract import meta
from relasi.extract.chars import safe_hint, safe_text
from relasi.extract.text import Page, clean
from relasi.model import Article, Document, Dropped

STEP = "extract"
MIN_WORDS = 10                       # below this a "body" is a caption or a teaser, not an article


class UnsupportedFormat(ValueError):
    """A Document whose format is neither "text" nor "html": a bug in the source that made it."""


def body_id(body: str) -> str:
    """sha1 hex of the normalised body (NFC, whitespace runs collapsed, stripped)."""
    normalised = " ".join(unicodedata.normalize("NFC", body).split())
    return hashlib.sha1(normalised.encode("utf-8", "surrogatepass")).hexdigest()


def _paragraphs_id(paragraphs: list[str]) -> str:
    """`body_id` of the paragraphs joined by blank lines, without its normalising pass where the
    paragraphs need none: NFC, no whitespace but single spaces between words (as text.clean gives
    them: the only whitespace a printable string holds is the space)."""
    joined = " ".join(paragraphs)
    if all(p[0] != " " != p[-1] for p in paragraphs) and joined.isprintable() and "  " not in joined \
            and unicodedata.is_normalized("NFC", joined):
        return hashlib.sha1(joined.encode("utf-8", "surrogatepass")).hexdigest()
    return body_id("\n\n".join(paragraphs))


def extract(doc: Document) -> Article | Dropped:
    """The article in `doc`, or why there is none."""
    if not doc.content or doc.content.isspace():
        return Dropped(doc.source, STEP, "empty")
    content, changed = safe_text(doc.content)
    url, title, published = safe_hint(doc.url), safe_hint(doc.title), safe_hint(doc.published)
    if content is not doc.content or (url, title, published) != (doc.url, doc.title, doc.published):
        doc = replace(doc, content=content, url=url, title=title, published=published)
    if changed:
        doc = replace(doc, warnings=(*doc.warnings, f"text: {changed} control or invalid characters replaced"))
    if doc.format == "html":
        try:
            from relasi.extract.html import read_html  # trafilatura loads only when HTML comes in
        except ImportError as error:
            # A broken install (lxml_html_clean left out) must cost the HTML inputs, not the whole run.
            return Dropped(doc.source, STEP, "html_unavailable",
                           f"cannot read HTML: {error}; reinstall relasi (pip install --upgrade relasi)")
        found = read_html(doc.content, url=doc.url, title_hint=doc.title)
    elif doc.format == "text":
        found = clean(doc.content, title_hint=doc.title)
    else:
        raise UnsupportedFormat(f"{doc.source}: unknown document format {doc.format!r}")
    if isinstance(found, Dropped):
        return Dropped(doc.source, STEP, found.reason, found.detail)
    return _article(doc, found)


def _article(doc: Document, page: Page) -> Article | Dropped:
    paragraphs = [p for p in page.paragraphs if p]      # single-spaced lines already (text.clean)
    body = "\n\n".join(paragraphs)
    if not body:
        return Dropped(doc.source, STEP, "no_article", "no paragraph of running text")
    words = body.count(" ") + len(paragraphs)
    if words < MIN_WORDS:
        return Dropped(doc.source, STEP, "too_short", f"{words} words")
    warnings = [*doc.warnings, *page.warnings]
    published = page.published.iso() if page.published else None
    if doc.published:
        hinted = meta.normalise_published(doc.published)
        if hinted is None:
            warnings.append(f"published: unreadable hint {doc.published!r}")
        else:
            published = hinted
    url = doc.url or page.url
    outlet = meta.outlet_from_url(url) or page.outlet
    return Article(
        id=_paragraphs_id(paragraphs),
        source=doc.source,
        body=body,
        url=url,
        outlet=outlet,
        title=meta.normalise_title(doc.title) if doc.title and doc.title.strip() else page.title,
        published=published,
        authors=page.authors,
        dateline=page.dateline.place if page.dateline else None,
        warnings=tuple(warnings),
    )


__all__ = ["MIN_WORDS", "UnsupportedFormat", "body_id", "extract"]
