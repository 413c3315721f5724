"""The JSON line `relasi process` prints for an article: the same text as
`json.dumps(article.to_json(), ensure_ascii=False)`, written without building the nested dicts first.

`Article.to_json` stays the contract (DESIGN.md); this module writes the same keys in the same order with the same
value encoding (the strings through json's own C escaper, numbers through `int.__repr__` and `float.__repr__`, any
other value through a `json.JSONEncoder` with the same settings), so the output is byte for byte what json.dumps
gives. An actor's text is written once and reused for every mention of it. A record whose keys differ from this
module's layout (a field added to a `to_json`) is written through `to_json` and json.dumps instead, so a new field
is never lost; tests hold the two equal.

orjson was measured for this and not taken: it writes no spaces after `,` and `:`, and restoring them costs more
than json's own encoder (docs/decisions.md, issue 13).
"""

from __future__ import annotations

import json
from functools import lru_cache
from json.encoder import encode_basestring
from math import isfinite
from typing import Any

from relasi.model import Actor, Article, Event, Mention

_ENCODER = json.JSONEncoder(ensure_ascii=False)
_ACTOR_KEYS = ("code", "kind", "name", "country", "sector", "role")
_MENTION_KEYS = ("text", "start", "end", "actor")
_EVENT_KEYS = ("source", "target", "cameo", "plover", "goldstein", "quad_class", "date", "date_precision", "location",
               "modality", "negated", "sentence", "start", "end", "pattern", "confidence")
_ARTICLE_KEYS = ("id", "source", "url", "outlet", "title", "published", "authors", "dateline", "language", "body",
                 "mentions", "events", "warnings")
_ACTOR_TEXTS: dict[int, tuple[Actor, str]] = {}     # by id() of an Actor, which the tuple keeps alive
_ACTOR_TEXTS_MAX = 20_000                           # actors of names the dictionary does not know come and go


def article_line(article: Article) -> str:
    """`json.dumps(article.to_json(), ensure_ascii=False)`, without the dicts."""
    if not _same_layout():
        return json.dumps(article.to_json(), ensure_ascii=False)
    value = _value
    mentions = ", ".join([
        f'{{"text": {value(m.text)}, "start": {value(m.start)}, "end": {value(m.end)}, "actor": {_actor(m.actor)}}}'
        for m in article.mentions])
    events = ", ".join([_event(e) for e in article.events])
    return (f'{{"id": {value(article.id)}, "source": {value(article.source)}, "url": {value(article.url)}, '
            f'"outlet": {value(article.outlet)}, "title": {value(article.title)}, '
            f'"published": {value(article.published)}, "authors": {_list(article.authors)}, '
            f'"dateline": {value(article.dateline)}, "language": {value(article.language)}, '
            f'"body": {value(article.body)}, "mentions": [{mentions}], "events": [{events}], '
            f'"warnings": {_list(article.warnings)}}}')


def _value(value: Any) -> str:
    """One JSON value as json.dumps(ensure_ascii=False) writes it."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    if kind is float and isfinite(value):
        return float.__repr__(value)
    if value is True:
        return "true"
    if value is False:
        return "false"
    return _ENCODER.encode(value)


def _list(values: tuple[Any, ...]) -> str:
    return "[" + ", ".join([_value(v) for v in values]) + "]"


def _actor(actor: Actor) -> str:
    known = _ACTOR_TEXTS.get(id(actor))
    if known is not None and known[0] is actor:
        return known[1]
    value = _value
    text = (f'{{"code": {value(actor.code)}, "kind": {value(actor.kind)}, "name": {value(actor.name)}, '
            f'"country": {value(actor.country)}, "sector": {value(actor.sector)}, "role": {value(actor.role)}}}')
    if len(_ACTOR_TEXTS) >= _ACTOR_TEXTS_MAX:
        _ACTOR_TEXTS.clear()
    _ACTOR_TEXTS[id(actor)] = (actor, text)
    return text


def _event(e: Event) -> str:
    value = _value
    return (f'{{"source": {_actor(e.source)}, "target": {_actor(e.target)}, "cameo": {value(e.cameo)}, '
            f'"plover": {value(e.plover)}, "goldstein": {value(e.goldstein)}, "quad_class": {value(e.quad_class)}, '
            f'"date": {value(e.date)}, "date_precision": {value(e.date_precision)}, '
            f'"location": {value(e.location)}, "modality": {value(e.modality)}, "negated": {value(e.negated)}, '
            f'"sentence": {value(e.sentence)}, "start": {value(e.start)}, "end": {value(e.end)}, '
            f'"pattern": {value(e.pattern)}, "confidence": {value(e.confidence)}}}')


@lru_cache(maxsize=1)
def _same_layout() -> bool:
    """Whether the records' `to_json` still write the keys this module writes, in the same order."""
    actor = Actor("C", "STATE", "n")
    mention = Mention(0, 1, "t", actor)
    event = Event(actor, actor, "010", None, None, None, None, "published", None, "asserted", False, "s", 0, 1,
                  "p", 0.5)
    article = Article(id="i", source="s", body="b", mentions=(mention,), events=(event,))
    return (tuple(actor.to_json()) == _ACTOR_KEYS and tuple(mention.to_json()) == _MENTION_KEYS
            and tuple(event.to_json()) == _EVENT_KEYS and tuple(article.to_json()) == _ARTICLE_KEYS)
