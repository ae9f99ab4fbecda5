"""Embedding similarity: the real bundled model, the cache, and encoding each text once."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from harness.cache import EmbeddingCache
from harness.embedding import (
    DEFAULT_MODEL,
    SentenceTransformerEncoder,
    encode_distinct,
    resolve_model,
    similarity,
)
from harness.errors import ModelError


@pytest.fixture(scope="module")
def real_encoder() -> SentenceTransformerEncoder:
    return SentenceTransformerEncoder(DEFAULT_MODEL, "cpu", 16)


@pytest.mark.slow
def test_real_model_ranks_similar_above_unrelated(real_encoder) -> None:
    ref = "Britain took over the chair of the Ukraine Defense Contact Group from the United States."
    close = "The UK now chairs the group that coordinates military aid to Ukraine."
    far = "The new smartwatch has a brighter screen and a longer battery life."
    vecs = encode_distinct([ref, close, far], real_encoder)
    s_close = similarity(vecs[close], [vecs[ref]], vecs[ref])
    s_far = similarity(vecs[far], [vecs[ref]], vecs[ref])
    assert s_close.max > 0.5 > s_far.max
    assert -1.0 <= s_far.max <= 1.0


@pytest.mark.slow
def test_matches_sentence_transformers_directly(real_encoder) -> None:
    """Our cosine equals the one computed from the model's own normalised embeddings."""
    from sentence_transformers import SentenceTransformer

    texts = [
        "No U.S. troops will be part of the force.",
        "American soldiers will not be deployed.",
        "US troops will deploy to Ukraine.",
        "a",
        "x " * 300,
    ]
    model = SentenceTransformer(str(resolve_model(DEFAULT_MODEL)), device="cpu")
    direct = model.encode(texts, normalize_embeddings=True)
    ours = encode_distinct(texts, real_encoder)
    for i, t in enumerate(texts):
        np.testing.assert_allclose(ours[t], direct[i], atol=1e-5)
    assert float(ours[texts[0]] @ ours[texts[1]]) == pytest.approx(
        float(direct[0] @ direct[1]), abs=1e-5
    )


def test_each_distinct_text_encoded_once(fake_encoder) -> None:
    texts = ["a b", "c d", "a b", "c d", "e"]
    out = encode_distinct(texts, fake_encoder)
    assert sorted(out) == ["a b", "c d", "e"]
    assert sum(len(c) for c in fake_encoder.calls) == 3


def test_cache_hits_skip_the_encoder(tmp_path, fake_encoder) -> None:
    cache = EmbeddingCache(tmp_path)
    first = encode_distinct(["one", "two"], fake_encoder, cache, "k")
    calls = len(fake_encoder.calls)
    second = encode_distinct(["two", "one"], fake_encoder, cache, "k")
    assert len(fake_encoder.calls) == calls
    np.testing.assert_array_equal(first["one"], second["one"])
    # A different model key is a different entry.
    encode_distinct(["one"], fake_encoder, cache, "other")
    assert len(fake_encoder.calls) == calls + 1


def test_missing_model_is_a_clear_config_error(tmp_path) -> None:
    with pytest.raises(ModelError, match="never downloaded"):
        resolve_model(str(tmp_path / "nope"))


def test_similarity_bounds() -> None:
    v = np.array([1.0, 0.0], dtype=np.float32)
    w = np.array([0.0, 1.0], dtype=np.float32)
    r = similarity(v, [v, w], w)
    assert (r.max, r.mean, r.article) == (1.0, 0.5, 0.0)


def test_rouge_only_run_never_imports_torch(tiny) -> None:
    import subprocess

    code = (
        "import sys; from harness.loading import load_dataset;"
        "from harness.run import RunConfig, score;"
        f"d = load_dataset({str(tiny / 'candidates')!r}, {str(tiny / 'references')!r});"
        "score(d, RunConfig(metrics=('rouge', 'facts')));"
        "assert 'torch' not in sys.modules and 'sentence_transformers' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_missing_gpu_is_a_clear_config_error(monkeypatch) -> None:
    import torch

    from harness.embedding import _check_device

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(ModelError, match="no CUDA GPU"):
        _check_device("cuda")
    assert _check_device("auto") == "cpu"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)
    assert _check_device("auto") == "cuda"
    assert _check_device("cuda:0") == "cuda:0"
    with pytest.raises(ModelError, match="1 CUDA device"):
        _check_device("cuda:3")


def test_device_names_are_validated() -> None:
    from harness.errors import ConfigError
    from harness.run import RunConfig

    for ok in ("cpu", "cuda", "cuda:1", "auto"):
        RunConfig(device=ok)
    with pytest.raises(ConfigError, match="unknown device"):
        RunConfig(device="cuda:x")
