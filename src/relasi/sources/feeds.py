"""What a feed or a sitemap lists: RSS and Atom through feedparser, sitemaps (news sitemaps and sitemap indexes
included) through lxml with entities and network access off. Bad XML is a reason, never an exception."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

MAX_ITEMS = 50_000               # the sitemap protocol's own limit per file


@dataclass(frozen=True, slots=True)
class Item:
    url: str
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    kind: str                                    # feed | sitemap | sitemapindex
    items: tuple[Item, ...] = ()                 # pages (feed entries, sitemap URLs)
    sitemaps: tuple[str, ...] = ()               # nested sitemaps of an index
    problem: str | None = None                   # why nothing could be read ("bad_feed: ...")


def read_listing(data: bytes) -> Listing:
    """The items of a feed or sitemap document."""
    head = data[:2048].lstrip().lower()
    if not data.strip():
        return Listing("feed", problem="empty: the feed is empty")
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _sitemap(data)
    return _feed(data)


def _feed(data: bytes) -> Listing:
    import feedparser

    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except Exception as error:  # noqa: BLE001 - feedparser's own parsers raise anything on hostile input
        return Listing("feed", problem=f"bad_feed: {type(error).__name__}")
    items = []
    for entry in parsed.get("entries", [])[:MAX_ITEMS]:
        link = entry.get("link") or _first_link(entry)
        if not isinstance(link, str) or not link.strip():
            continue
        title = entry.get("title")
        published = entry.get("published") or entry.get("updated")
        items.append(Item(link.strip(), title if isinstance(title, str) else None,
                          published if isinstance(published, str) else None))
    error = parsed.get("bozo_exception")
    if not items and parsed.get("bozo") and type(error).__name__ != "CharacterEncodingOverride":
        what = "malformed XML" if parsed.get("version") else "not RSS or Atom"
        return Listing("feed", problem=f"bad_feed: {what} ({' '.join(str(error).split())[:100]})")
    return Listing("feed", tuple(items))


def _first_link(entry: dict) -> str | None:
    for link in entry.get("links", []) or []:
        if isinstance(link, dict) and link.get("href"):
            return link["href"]
    return None


def _sitemap(data: bytes) -> Listing:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        return Listing("sitemap", problem=f"bad_sitemap: {' '.join(str(error).split())[:100]}")
    name = etree.QName(root).localname
    if name == "sitemapindex":
        locs = [_text(node, "loc") for node in _children(root, "sitemap")]
        return Listing("sitemapindex", sitemaps=tuple(loc for loc in locs if loc)[:MAX_ITEMS])
    items = []
    for node in _children(root, "url")[:MAX_ITEMS]:
        loc = _text(node, "loc")
        if not loc:
            continue
        news = next(iter(_children(node, "news")), None)
        title = _text(news, "title") if news is not None else None
        published = (_text(news, "publication_date") if news is not None else None) or _text(node, "lastmod")
        items.append(Item(loc, title, published))
    return Listing("sitemap", tuple(items))


def _children(node: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in node if isinstance(child.tag, str) and etree.QName(child).localname == name]


def _text(node: etree._Element | None, name: str) -> str | None:
    if node is None:
        return None
    for child in _children(node, name):
        if child.text and child.text.strip():
            return child.text.strip()
    return None
