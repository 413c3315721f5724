"""Near-duplicate signatures: variants of one story link, different stories on the same topic do not."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from relasi.dedup import (
    DEFAULT_THRESHOLD,
    DedupConfig,
    Signed,
    band_keys,
    best_match,
    jaccard,
    normalise,
    signature,
    signing_runner,
    similarity,
)
from relasi.extract import extract
from relasi.model import Article, Document, Dropped
from relasi.sources import iter_documents
from tests.store_support import make_fake_runner

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "dedup"
FAMILIES = {
    "biden_xi": REPO / "examples" / "02_en_biden_xi_phone_call.txt",
    "sugiono_wang": REPO / "examples" / "12_id_sugiono_wang_yi_kl.txt",
    "prabowo_erdogan": REPO / "examples" / "14_en_prabowo_erdogan_call.html",
}
CONFIG = DedupConfig().resolved()


@cache
def _body(path: Path) -> str:
    (doc,) = list(iter_documents([str(path)]))
    article = extract(doc)  # type: ignore[arg-type]
    assert isinstance(article, Article), article
    return article.body


def _variant(family: str, kind: str) -> str:
    return _body(FIXTURES / f"{family}_{kind}{FAMILIES[family].suffix}")


def _estimate(a: str, b: str) -> float:
    sig_a, sig_b = signature(a, CONFIG), signature(b, CONFIG)
    assert sig_a is not None and sig_b is not None
    return similarity(sig_a, sig_b)


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("kind", ["boiler", "rewrite"])
def test_dedup_variants_of_one_story_reach_the_threshold(family: str, kind: str) -> None:
    original, variant = _body(FAMILIES[family]), _variant(family, kind)
    # Margins measured in bench/bench_dedup.py: rewrites 0.58-0.63, other pages of one story 0.81-1.0.
    assert jaccard(original, variant) >= DEFAULT_THRESHOLD + 0.1
    assert _estimate(original, variant) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_dedup_different_story_on_the_same_topic_stays_apart(family: str) -> None:
    original, other = _body(FAMILIES[family]), _variant(family, "other")
    assert jaccard(original, other) <= DEFAULT_THRESHOLD - 0.1     # measured: 0.13-0.24
    assert _estimate(original, other) < DEFAULT_THRESHOLD


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_dedup_word_shingles_leave_no_room_for_a_threshold(family: str) -> None:
    """Why characters: word 5-grams put a light rewrite closer to a different story than to its original."""
    original = _body(FAMILIES[family])
    rewrite, other = _variant(family, "rewrite"), _variant(family, "other")
    words = jaccard(original, rewrite, "word", 5), jaccard(original, other, "word", 5)
    chars = jaccard(original, rewrite), jaccard(original, other)
    assert words[0] < 0.5 and chars[0] - chars[1] > words[0] - words[1]


def test_dedup_layout_case_and_unicode_form_do_not_change_the_signature() -> None:
    text = "Menlu Retno bertemu\n\nMenlu  Wang Yi di Jakarta, Selasa (11/4). Café."
    variant = "MENLU RETNO BERTEMU menlu wang yi di jakarta, selasa (11/4). Cafe\u0301."
    assert normalise(text) == normalise(variant)
    assert signature(text, CONFIG) == signature(variant, CONFIG)


def test_dedup_estimate_follows_exact_jaccard() -> None:
    body = _body(FAMILIES["biden_xi"])
    words = body.split()
    for cut in (0.1, 0.3, 0.6):
        edited = " ".join(words[: int(len(words) * (1 - cut))])
        assert abs(_estimate(body, edited) - jaccard(body, edited)) < 0.12


def test_dedup_band_keys_shared_by_near_duplicates_only() -> None:
    original = signature(_body(FAMILIES["sugiono_wang"]), CONFIG)
    rewrite = signature(_variant("sugiono_wang", "rewrite"), CONFIG)
    unrelated = signature(_body(REPO / "examples" / "09_id_bantuan_gempa_myanmar.txt"), CONFIG)
    assert original and rewrite and unrelated
    keys = set(band_keys(original, CONFIG))
    assert len(keys) == CONFIG.bands
    assert keys & set(band_keys(rewrite, CONFIG))
    assert not keys & set(band_keys(unrelated, CONFIG))


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.7])
def test_dedup_best_match_respects_the_threshold(threshold: float) -> None:
    base = signature(_body(FAMILIES["biden_xi"]), CONFIG)
    assert base is not None
    values = bytearray(base)
    near = bytes(values[:256]) + bytes(256)          # agrees on the first half of the positions: 0.5
    far = bytes(512)
    match = best_match(base, [("far", "s-far", far), ("near", "s-near", near)], threshold)
    if threshold <= 0.5:
        assert match is not None and match.article_id == "near" and match.similarity == pytest.approx(0.5)
    else:
        assert match is None


def test_dedup_best_match_prefers_the_closest_then_the_earliest() -> None:
    base = signature(_body(FAMILIES["biden_xi"]), CONFIG)
    assert base is not None
    half = base[:256] + bytes(256)
    match = best_match(base, [("a", "s1", half), ("b", "s2", base), ("c", "s3", base)], 0.4)
    assert match is not None and (match.article_id, match.story_id, match.similarity) == ("b", "s2", 1.0)


def test_dedup_signing_runner_signs_articles_and_passes_drops() -> None:
    run = signing_runner(make_fake_runner, CONFIG)
    signed = run(Document("a.txt", "Article one\nRUS CUB 041", "text"))
    assert isinstance(signed, Signed) and isinstance(signed.result, Article)
    assert signed.signature == signature(signed.result.body, CONFIG)
    dropped = run(Document("b.txt", "DROP empty", "text"))
    assert isinstance(dropped, Dropped)


def test_dedup_config_is_chosen_for_its_floor() -> None:
    assert (CONFIG.shingle, CONFIG.k, CONFIG.num_perm) == ("char", 8, 128)
    assert CONFIG.bands * CONFIG.rows <= CONFIG.num_perm
    # A pair at the threshold is found as a candidate at least nine times in ten.
    assert 1 - (1 - DEFAULT_THRESHOLD ** CONFIG.rows) ** CONFIG.bands > 0.9
    assert DedupConfig.from_json(CONFIG.to_json()) == CONFIG
