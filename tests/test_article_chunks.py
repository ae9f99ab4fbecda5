"""The article embedding reads the whole article: sentence chunks inside the model's
window, their vectors averaged (harness.embedding.article_chunks, pool_chunks)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from harness.embedding import ARTICLE_CHUNK_WORDS, article_chunks, pool_chunks
from harness.loading import Dataset, Document, Reference
from harness.pairs import read_pairs_jsonl
from harness.run import RunConfig, Scorer, score

REPO = Path(__file__).resolve().parent.parent


def articles() -> list[str]:
    path = REPO / "data" / "summeval" / "dev.jsonl"
    return [json.loads(line)["article"] for line in path.read_text("utf-8").splitlines()]


def test_chunks_cover_every_word_in_order_within_the_budget() -> None:
    for article in articles():
        chunks = article_chunks(article)
        assert "".join("".join(c.split()) for c in chunks) == "".join(article.split())
        at = 0
        for chunk in chunks:  # slices of the article, in order
            at = article.index(chunk, at) + len(chunk)
        assert all(0 < len(c.split()) <= ARTICLE_CHUNK_WORDS for c in chunks)
        assert article_chunks(article) == chunks  # deterministic
    one_long = "word " * 250
    assert [len(c.split()) for c in article_chunks(one_long)] == [100, 100, 50]
    assert article_chunks("Short article.") == ["Short article."]


def test_pooled_vector_is_the_word_weighted_mean_normalised() -> None:
    a, b = np.array([1.0, 0.0], np.float32), np.array([0.0, 1.0], np.float32)
    got = pool_chunks([a, b], ["one two three", "four"])
    want = np.array([3.0, 1.0]) / np.linalg.norm([3.0, 1.0])
    np.testing.assert_allclose(got, want, rtol=1e-6)


def test_embedding_article_sees_the_end_of_a_long_article(fake_encoder) -> None:
    """A summary of the article's last paragraph: the truncated view (first 256 word
    pieces) cannot see it; the chunked article does."""
    opening = " ".join(f"The harbour ferry schedule changed on day {i}." for i in range(60))
    ending = "Volcanic ash closed the mountain airport for a week."
    article = f"{opening} {ending}"
    assert len(article.split()) > 400
    summary = "Volcanic ash closed the mountain airport."
    line = json.dumps({"id": "x", "summary": summary, "references": "r", "article": article})
    data = read_pairs_jsonl([line.encode()], "a.jsonl")
    run = score(
        Dataset(data.documents, tuple(data.items)),
        RunConfig(metrics=("embedding",), use_cache=False),
        encoder=fake_encoder,
    )
    (cand,) = run.candidates
    encoded = {t for call in fake_encoder.calls for t in call}
    assert article not in encoded  # never one text cut at the window
    assert set(article_chunks(article)) <= encoded
    head = fake_encoder.encode([" ".join(article.split()[:150])])[0]
    cand_vec = fake_encoder.encode([summary])[0]
    assert cand.scores["embedding"].article > float(head @ cand_vec)
    assert "article:chunks100w-mean" in run.signature


def test_signature_names_the_article_pooling(fake_encoder) -> None:
    doc = Document("d", Path("d"), "An article.", (Reference("r", Path("r"), "A ref."),), None)
    scorer = Scorer({"d": doc}, RunConfig(metrics=("embedding",), use_cache=False), fake_encoder)
    assert f"article:chunks{ARTICLE_CHUNK_WORDS}w-mean" in scorer.signature()
    scorer.close()


@pytest.mark.slow
def test_every_chunk_fits_the_real_model_window() -> None:
    """all-MiniLM-L6-v2 reads 256 word pieces: every chunk of every development article
    fits (with its two special tokens), though most whole articles do not."""
    from transformers import AutoTokenizer

    from harness.embedding import DEFAULT_MODEL, resolve_model

    tokenizer = AutoTokenizer.from_pretrained(str(resolve_model(DEFAULT_MODEL)))
    too_long = 0
    for article in articles():
        too_long += len(tokenizer(article)["input_ids"]) > 256
        for chunk in article_chunks(article):
            assert len(tokenizer(chunk)["input_ids"]) <= 256, chunk[:80]
    assert too_long > 30  # the truncation the chunks avoid was real


def test_markdown_markers_count_toward_the_budget() -> None:
    article = "\n".join(f"- Item {i} of the list." for i in range(60))
    chunks = article_chunks(article, budget=20)
    assert all(len(c.split()) <= 21 for c in chunks)  # 20 words and a list marker
    assert "".join("".join(c.split()) for c in chunks) == "".join(article.split())
