"""The embedding family: cosine of the candidate to its references (max, mean) and article.

The article is read whole: cut into chunks of whole sentences that fit the model's window,
encoded, and the chunk vectors averaged (`harness.embedding.article_chunks`, `pool_chunks`;
`article:chunks100w-mean` in the signature). A document without an article (pair-level
data) has no `embedding_article`.
"""

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
        self._doc_keys: dict[str, str] = {}  # document -> hash of its references and article

    def signature(self) -> list[str]:
        from harness.embedding import ARTICLE_POOLING

        return [f"model:{self.context.config.model}@{self.model_key}", f"article:{ARTICLE_POOLING}"]

    def cache_key(self, candidate) -> str:
        """The signature's parts (model and its identity, article pooling), the document's
        references and article, and the text: a rerun reads the cosines back without
        numpy or a vector (the vectors stay cached by text for anything new)."""
        import hashlib

        doc = self._doc_keys.get(candidate.document)
        if doc is None:
            d = self.documents[candidate.document]
            article = "\x01none" if d.article is None else d.article  # None is not ""
            joined = "\x00".join([article, *(r.text for r in d.references)])
            doc = hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()
            self._doc_keys[candidate.document] = doc
        data = "\x00".join(["embedding", *self.signature(), doc, candidate.text])
        return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()

    @classmethod
    def cache_dump(cls, result) -> Any:
        """The three cosines, unrounded (JSON keeps a float exactly)."""
        return [result.max, result.mean, result.article]

    @classmethod
    def cache_load(cls, data) -> Any:
        import math

        from harness.results import EmbeddingResult

        try:
            top, mean, article = data
            values = [float(top), float(mean)] + ([] if article is None else [float(article)])
        except (TypeError, ValueError):
            return None
        if not all(math.isfinite(v) and -1.0 <= v <= 1.0 for v in values):
            return None  # damaged: recomputed
        return EmbeddingResult(values[0], values[1], None if article is None else values[2])

    def settings(self) -> dict[str, Any]:
        return {"model": self.context.config.model}

    def score(self, candidates: Sequence[Any]) -> list[Any]:
        if not candidates:
            return []
        from harness.embedding import article_chunks, encode_distinct, pool_chunks, similarity

        # articles and references are encoded once per run, not once per chunk
        new_docs = {c.document for c in candidates} - self._doc_vecs.keys()
        doc_texts = {d: [r.text for r in self.documents[d].references] for d in new_docs}
        chunks = {
            d: article_chunks(self.documents[d].article)
            for d in new_docs
            if self.documents[d].article is not None
        }
        texts = [c.text for c in candidates] + [t for ts in doc_texts.values() for t in ts]
        texts += [t for ts in chunks.values() for t in ts]
        vecs = encode_distinct(texts, self.context.encoder, self._cache, self.model_key)
        for d, ts in doc_texts.items():
            article = pool_chunks([vecs[t] for t in chunks[d]], chunks[d]) if d in chunks else None
            self._doc_vecs[d] = (article, [vecs[t] for t in ts])
        out = []
        for c in candidates:
            article, refs = self._doc_vecs[c.document]
            out.append(similarity(vecs[c.text], refs, article))
        return out

    @classmethod
    def values(cls, result) -> dict[str, float]:
        """Every part computed (no `embedding_article` for a document without an article)."""
        return {n: float(v) for n, _, _, attr in _PARTS if (v := getattr(result, attr)) is not None}

    @classmethod
    def to_json(cls, result) -> dict[str, float]:
        return {n: round(v, 6) for n, v in cls.values(result).items()}

    @classmethod
    def from_json(cls, data) -> Any:
        from harness.results import EmbeddingResult

        try:
            article = data.get("embedding_article")
            return EmbeddingResult(
                float(data["embedding_max"]),
                float(data["embedding_mean"]),
                None if article is None else float(article),
            )
        except (KeyError, TypeError, ValueError):
            return None

    @classmethod
    def check_json(cls, data, where: str) -> str | None:
        from harness.results import check_numbers

        return check_numbers(data, tuple(n for n, _, _, _ in _PARTS), where)
