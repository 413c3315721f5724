"""Response models of the JSON API: they document the OpenAPI spec and let schemathesis check replies."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class ActorOut(BaseModel):
    code: str = Field(description="Acting unit: ISO3 state code or IGO code.")
    kind: str
    name: str
    country: str | None
    sector: str | None
    role: str | None


class PlaceOut(BaseModel):
    name: str
    country: str | None = Field(description="ISO3 code of the country it lies in; null for international waters.")
    adm1: str | None = Field(description="First-level division: ISO 3166-2 (Indonesia) or GeoNames' CC.code.")
    lat: float
    lon: float
    geonames_id: int | None
    precision: Literal["city", "region", "country"]
    method: str = Field(description="How it was found: name, name+country, article-country, population, country "
                                    "or dateline (the sentence names no place; the article's dateline stands in).")


class EventOut(BaseModel):
    id: int
    article_id: str
    source: ActorOut
    target: ActorOut
    cameo: str
    plover: str | None
    goldstein: float | None
    quad_class: int | None
    date: str | None
    date_precision: str
    location: str | None
    modality: str
    negated: bool
    sentence: str = Field(description="The evidence sentence, as it stands in the article body.")
    start: int
    end: int
    pattern: str
    confidence: float
    counted: bool
    url: str | None
    title: str | None
    place: PlaceOut | None = None
    outlet: str | None


class EventPage(BaseModel):
    total: int = Field(description="Events matching the filters, over all pages.")
    limit: int
    offset: int
    events: list[EventOut]


class QuadCell(BaseModel):
    quad_class: int
    name: str
    events: int
    goldstein_mean: float | None


class Bucket(BaseModel):
    start: str = Field(description="First day of the bucket (weeks start on Monday).")
    events: int
    goldstein_mean: float | None
    quad_classes: list[QuadCell]


class Skipped(BaseModel):
    undated: int
    too_coarse: int = Field(description="Dated less precisely than the interval (a year-only date by month).")


class Series(BaseModel):
    source: str | None
    target: str | None
    interval: Literal["day", "week", "month"]
    counted_only: bool
    buckets: list[Bucket]
    skipped: Skipped


class ActorCount(BaseModel):
    code: str
    name: str
    events: int
    as_source: int
    as_target: int


class ActorList(BaseModel):
    actors: list[ActorCount]


class Dyad(BaseModel):
    source: str
    target: str
    events: int
    goldstein_mean: float | None


class DyadList(BaseModel):
    dyads: list[Dyad]


class ArticleSummary(BaseModel):
    id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    language: str | None
    events: int = Field(description="Counted events.")
    mentions: int


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    articles: list[ArticleSummary]


class MentionOut(BaseModel):
    start: int
    end: int
    text: str
    actor: ActorOut
    rule: str


class ArticleDetail(BaseModel):
    id: str
    source: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None
    authors: list[str]
    dateline: str | None
    language: str | None
    body: str
    warnings: list[str]
    mentions: list[MentionOut]
    events: list[EventOut] = Field(description="Every event of the article, counted or not, in text order.")


class Stats(BaseModel):
    database: str
    schema_version: int
    documents: dict[str, int]
    articles: int
    events: dict[str, int]
    by_plover: dict[str, int]
    top_actors: list[dict[str, Any]]
    top_dyads: list[dict[str, Any]]
    dropped_by_reason: dict[str, int]
    last_runs: list[dict[str, Any]]


class Health(BaseModel):
    status: Literal["ok"]
    schema_version: int
    read_only: bool


class Problem(BaseModel):
    detail: str


class ArticleHit(BaseModel):
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    language: str | None
    snippet: str = Field(description="Plain text around the first match (not HTML: escape it to show it).")


class ArticleHits(BaseModel):
    total: int
    articles: list[ArticleHit]


class EventHits(BaseModel):
    total: int
    events: list[EventOut]


class SearchResult(BaseModel):
    query: str
    terms: list[str] = Field(description="The words and phrases searched for, all of which match.")
    articles: ArticleHits | None
    events: EventHits | None
