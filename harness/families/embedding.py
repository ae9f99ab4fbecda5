"""The embedding family: cosine of the candidate to its references (max, mean) and article."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from harness.metrics import Metric, MetricFamily

_PARTS = (
    ("embedding_max", "Embedding max", "emb", "max"),
    ("embedding_mean", "Embedding mean", "emb·mean", "mean"),
    ("embedding_article", "Embedding · article", "emb·art", "article"),
)


class EmbeddingFamily(MetricFamily):
    name = "embedding"
    metrics = tuple(
        Metric(n, label, short, "embedding", -1.0, 1.0, column=n != "embedding_mean")
        for n, label, short, _ in _PARTS
    )

    def __init__(self, documents, context) -> None:
        super().__init__(documents, context)
        config = context.config
        if context.encoder is None:
            from harness.embedding import SentenceTransformerEncoder

            context.encoder = SentenceTransformerEncoder(
                config.model, config.device, config.batch_size
            )
        key = getattr(context.encoder, "cache_key", None)
        self.model_key = key() if callable(key) else getattr(context.encoder, "name", "model")
        self._cache = context.cache()  # vectors are cached by text (opened now: the key is fixed)
        self._doc_vecs: dict[str, tuple] = {}  # document -> (article vector, reference vectors)

    def signature(self) -> list[str]:
        return [f"model:{self.context.config.model}@{self.model_key}"]

    def settings(self) -> dict[str, Any]:
        return {"model": self.context.config.model}

    def score(self, candidates: Sequence[Any]) -> list[Any]:
        if not candidates:
            return []
        from harness.embedding import encode_distinct, similarity

        # articles and references are encoded once per run, not once per chunk
        new_docs = {c.document for c in candidates} - self._doc_vecs.keys()
        doc_texts = {
            d: [self.documents[d].article, *(r.text for r in self.documents[d].references)]
            for d in new_docs
        }
        texts = [c.text for c in candidates] + [t for ts in doc_texts.values() for t in ts]
        vecs = encode_distinct(texts, self.context.encoder, self._cache, self.model_key)
        for d, ts in doc_texts.items():
            self._doc_vecs[d] = (vecs[ts[0]], [vecs[t] for t in ts[1:]])
        out = []
        for c in candidates:
            article, refs = self._doc_vecs[c.document]
            out.append(similarity(vecs[c.text], refs, article))
        return out

    @classmethod
    def values(cls, result) -> dict[str, float]:
        return {n: float(getattr(result, attr)) for n, _, _, attr in _PARTS}

    @classmethod
    def to_json(cls, result) -> dict[str, float]:
        return {n: round(v, 6) for n, v in cls.values(result).items()}

    @classmethod
    def from_json(cls, data) -> Any:
        from harness.results import EmbeddingResult

        try:
            return EmbeddingResult(*(float(data[n]) for n, _, _, _ in _PARTS))
        except (KeyError, TypeError, ValueError):
            return None

    @classmethod
    def check_json(cls, data, where: str) -> str | None:
        from harness.results import check_numbers

        return check_numbers(data, tuple(n for n, _, _, _ in _PARTS), where)
