"""Near-duplicate stories: MinHash signatures of the cleaned body, LSH band keys, and the linking rule.

    exact copies      Article.id is the sha1 of the normalised body: the writer links them without this module
    signature         MinHash of the shingles of the cleaned body (Article.body, not the raw page: two pages
                      of one story differ by their boilerplate, their cleaned bodies much less)
    band keys         the signature cut into `bands` bands of `rows` values; two articles sharing a band key
                      are candidates (LSH), and only candidates are compared
    linking           a new article joins the story of its most similar candidate when the estimated Jaccard
                      similarity reaches the threshold; otherwise it starts a story named by its own id

Everything here is a pure function of one body, so the signature is computed where the pipeline runs (in a
worker) and travels to the writer with the article (`Signed`). The store keeps signatures and band keys
(store/stories.py), so a later ingest links to earlier stories without recomputing anything and without
holding an index in memory: the LSH buckets are an indexed table, looked up per batch.

Why character 8-grams of the NFC, lower-cased, whitespace-normalised body (`python bench/bench_dedup.py`
measures all of this again; the figures are in docs/scale.md):
- not words: a light edit ("telephone" → "phone") breaks every word 5-gram spanning it, up to five per
  edited word, but only the character shingles around it. On the rewrites by another outlet in
  tests/fixtures/dedup, word 5-grams give a Jaccard similarity of 0.28-0.41, too close to a different story
  on the same topic (0.02-0.11) to leave room for a threshold; character shingles give 0.55-0.74.
- 8 rather than 5 characters: 5-grams of two unrelated articles in one language still share common
  fragments (" yang ", "the pr"): median 0.10, up to 0.13, against 0.03 and 0.05 for 8-grams, while a rewrite
  loses little (0.62 → 0.58 at the lowest). That background decides what LSH costs: with 42 bands of 3
  rows, an unrelated pair becomes a candidate with probability 2.4% at 5-grams but 0.1% at 8-grams, and
  every candidate is a signature read and a comparison in the single writer.
The default threshold, 0.4, sits between the most similar different story on the same topic (0.24) and the
least similar rewrite (0.58), more than three standard deviations of the 128-permutation estimate (±0.04)
from both.

The MinHash is computed with numpy (one vectorised pass: shingle hashes, then 2-universal multiply-shift
permutations) rather than datasketch.MinHash, which hashes each shingle through a Python call and costs
2-3 times more per article; datasketch still chooses the banding (MinHashLSH's optimal b and r).
"""

from __future__ import annotations

import hashlib
import unicodedata
import zlib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any, Literal

import numpy as np

from relasi.model import Article, Document, Dropped

Shingle = Literal["char", "word"]

DEFAULT_THRESHOLD = 0.4
"""Estimated Jaccard similarity (character 8-grams) from which an article joins an earlier story."""
CANDIDATE_FLOOR = 0.4
"""The similarity the banding is tuned for: a pair at 0.4 becomes an LSH candidate 94% of the time, at 0.5
99.6%, at 0.58 (the least similar rewrite measured) 99.98%. The threshold is applied to the signatures of
candidates, not to the bands, so a higher threshold works on the same stored band keys; a lower one
misses more of the pairs it would accept."""
INDEX_SKIP_SIMILARITY = 0.9
"""An article that joins a story at this similarity or more (a copy with light edits) adds no band keys:
the story stays findable through the member it matched, and the thousand reprints of one wire story do not
turn its bands into buckets that every further reprint has to read."""
MAX_CANDIDATES_PER_BAND = 64
"""A band shared by thousands of copies of one wire story would make every new copy fetch them all; the
most recent few are enough to find the story."""

_MASK32 = np.uint64(0xFFFFFFFF)
_SHIFT32 = np.uint64(32)


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """How signatures are made. Stored with the database on first use: signatures and band keys are only
    comparable when made the same way, so later ingests use the stored config, not the code's default."""

    shingle: Shingle = "char"
    k: int = 8
    num_perm: int = 128
    seed: int = 1
    bands: int = 0            # 0: chosen by `banding` for CANDIDATE_FLOOR
    rows: int = 0

    def resolved(self) -> DedupConfig:
        if self.bands and self.rows:
            return self
        bands, rows = banding(self.num_perm, CANDIDATE_FLOOR)
        return DedupConfig(self.shingle, self.k, self.num_perm, self.seed, bands, rows)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def from_json(data: dict[str, Any]) -> DedupConfig:
        return DedupConfig(**{key: data[key] for key in ("shingle", "k", "num_perm", "seed", "bands", "rows")})


@lru_cache(maxsize=16)
def banding(num_perm: int, floor: float) -> tuple[int, int]:
    """(bands, rows) for which a pair at similarity `floor` or more is nearly always a candidate.

    datasketch's MinHashLSH picks b and r minimising a weighted sum of false positive and false negative
    probabilities; we weight misses 9 to 1, since a false candidate only costs one signature comparison
    (for 128 permutations and 0.4: 42 bands of 3 rows).
    """
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=floor, num_perm=num_perm, weights=(0.1, 0.9))
    return int(lsh.b), int(lsh.r)


def normalise(text: str) -> str:
    """NFC, lower-cased, every run of whitespace one space: layout and encoding must not change shingles."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def shingle_hashes(text: str, shingle: Shingle = "char", k: int = 8) -> np.ndarray:
    """The distinct 32-bit hashes of the k-shingles of normalised `text` (sorted, dtype uint64)."""
    text = normalise(text)
    if not text:
        return np.empty(0, dtype=np.uint64)
    if shingle == "char":
        units = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    else:
        units = np.fromiter((zlib.crc32(word.encode("utf-8")) for word in text.split(" ")), dtype=np.uint64)
    count = max(len(units) - k + 1, 1)          # a text shorter than k is one shingle
    k = min(k, len(units))
    mixed = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):            # wrap-around is the point: arithmetic modulo 2**64
        for offset in range(k):
            mixed = mixed * np.uint64(0x100000001B3) + units[offset:offset + count]
        mixed = _fmix64(mixed)
    return np.unique(mixed >> _SHIFT32)


def _fmix64(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's finaliser: spreads the polynomial hash over all 64 bits."""
    values ^= values >> np.uint64(33)
    values *= np.uint64(0xFF51AFD7ED558CCD)
    values ^= values >> np.uint64(33)
    values *= np.uint64(0xC4CEB9FE1A85EC53)
    values ^= values >> np.uint64(33)
    return values


@lru_cache(maxsize=16)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(seed)
    a = rng.randint(1, np.iinfo(np.int64).max, size=num_perm, dtype=np.int64).astype(np.uint64) | np.uint64(1)
    b = rng.randint(0, np.iinfo(np.int64).max, size=num_perm, dtype=np.int64).astype(np.uint64)
    return a[:, None], b[:, None]


def minhash(hashes: np.ndarray, num_perm: int = 128, seed: int = 1) -> np.ndarray | None:
    """MinHash of 32-bit shingle hashes: for each of `num_perm` multiply-shift hash functions
    h(x) = (a*x + b) >> 32 (2-universal for 32-bit x), the smallest value over the shingles."""
    if len(hashes) == 0:
        return None
    a, b = _permutations(num_perm, seed)
    with np.errstate(over="ignore"):
        values = a * hashes[None, :]
        values += b
    values >>= _SHIFT32
    return values.min(axis=1).astype(np.uint32)


def signature(body: str, config: DedupConfig) -> bytes | None:
    """The stored form of a body's MinHash: num_perm little-endian uint32; None for an empty body."""
    values = minhash(shingle_hashes(body, config.shingle, config.k), config.num_perm, config.seed)
    return None if values is None else values.astype("<u4").tobytes()


def values_of(sig: bytes) -> np.ndarray:
    return np.frombuffer(sig, dtype="<u4")


def similarity(a: bytes | np.ndarray, b: bytes | np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of MinHash positions where the two signatures agree."""
    va = values_of(a) if isinstance(a, bytes) else a
    vb = values_of(b) if isinstance(b, bytes) else b
    return float(np.count_nonzero(va == vb)) / len(va)


def jaccard(text_a: str, text_b: str, shingle: Shingle = "char", k: int = 8) -> float:
    """Exact Jaccard similarity of two texts' shingle sets (for measurements and tests)."""
    a, b = shingle_hashes(text_a, shingle, k), shingle_hashes(text_b, shingle, k)
    union = len(np.union1d(a, b))
    return len(np.intersect1d(a, b, assume_unique=True)) / union if union else 1.0


def band_keys(sig: bytes, config: DedupConfig) -> list[int]:
    """One signed 64-bit key per band (it fits a BIGINT on every backend); the band's position is part of
    the key, so equal values in different bands never collide."""
    width = config.rows * 4
    keys = []
    for band in range(config.bands):
        digest = hashlib.blake2b(sig[band * width:(band + 1) * width], digest_size=8,
                                 salt=band.to_bytes(4, "little")).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


@dataclass(frozen=True, slots=True)
class Match:
    """The earlier article a new one resembles most, and its story."""

    article_id: str
    story_id: str
    similarity: float


def best_match(sig: bytes, candidates: Iterable[tuple[str, str, bytes]], threshold: float) -> Match | None:
    """The most similar candidate (article_id, story_id, signature) at or above `threshold`, if any.

    Ties go to the candidate listed first (the caller lists earlier articles first), so the result does
    not depend on how a set happened to be ordered.
    """
    values = values_of(sig)
    best: Match | None = None
    for article_id, story_id, other in candidates:
        score = similarity(values, other)
        if score >= threshold and (best is None or score > best.similarity):
            best = Match(article_id, story_id, score)
    return best


# -- signing in the worker -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Signed:
    """A pipeline result with its body's signature, computed on the worker that ran the pipeline."""

    result: Article | Dropped
    signature: bytes | None


def signing_runner(make_inner: Callable[[], Callable[[Document], Article | Dropped]],
                   config: DedupConfig) -> Callable[[Document], Signed | Article | Dropped]:
    """A RunnerFactory-compatible wrapper (use it through functools.partial, which pickles)."""
    inner = make_inner()

    def run(doc: Document) -> Signed | Article | Dropped:
        result = inner(doc)
        if isinstance(result, Article):
            return Signed(result, signature(result.body, config))
        return result

    return run
