"""The ROUGE family: rouge1, rouge2, rougeL and rougeLsum F (best reference), via harness.rouge.

The signature (and so the cache key) names the tokenizer, stemming and the rougeLsum
sentence split (`lsum:newline|sentences|both`, with the splitter's version when it is used).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from harness.metrics import Metric, MetricFamily

TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
_LABELS = {"rouge1": "ROUGE-1", "rouge2": "ROUGE-2", "rougeL": "ROUGE-L", "rougeLsum": "ROUGE-Lsum"}
_SHORT = {"rouge1": "R1", "rouge2": "R2", "rougeL": "RL", "rougeLsum": "RLsum"}


def _r(x: float) -> float:
    return round(float(x), 6)


class RougeFamily(MetricFamily):
    name = "rouge"
    metrics = tuple(Metric(t, f"{_LABELS[t]} F", _SHORT[t], "rouge") for t in TYPES)

    def __init__(self, documents, context) -> None:
        super().__init__(documents, context)
        from harness.run import package_version

        c = context.config
        stem = "yes" if c.use_stemmer and c.tokenizer == "default" else "no"
        self._signature = [
            f"rouge:rouge-score-rs-{package_version('rouge-score-rs')}",
            f"tok:{c.tokenizer}",
            f"stem:{stem}",
            "multi:best+mean",
            f"lsum:{c.lsum_split}",
        ]
        if c.lsum_split != "newline":  # only then does the splitter shape rougeLsum
            self._signature.append(f"split:sentencex-{package_version('sentencex')}")
        self._engine = None  # built on the first chunk to score: a warm cache needs none
        self._refs: dict[str, list[str]] = {}
        self._ref_keys: dict[str, str] = {}

    def _ready(self):
        if self._engine is None:
            from harness.rouge import RougeMetric, prepare

            c = self.context.config
            self._engine = RougeMetric(c.use_stemmer, c.tokenizer)
            self._refs = {
                d: [prepare(r.text, c.lsum_split) for r in doc.references]
                for d, doc in self.documents.items()
            }
        return self._engine

    def signature(self) -> list[str]:
        return list(self._signature)

    def cache_key(self, candidate) -> str:
        """The signature's parts, the document's references and the text."""
        import hashlib

        refs = self._ref_keys.get(candidate.document)
        if refs is None:
            doc = self.documents[candidate.document]
            joined = "\x00".join(r.text for r in doc.references)
            refs = hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()
            self._ref_keys[candidate.document] = refs
        data = "\x00".join(["rouge", *self._signature, refs, candidate.text])
        return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()

    @classmethod
    def cache_dump(cls, result) -> dict[str, Any]:
        """Unrounded, so a cached result is the very number a fresh one is."""
        return {
            k: {t: [p.precision, p.recall, p.fmeasure] for t, p in getattr(result, k).items()}
            for k in ("best", "mean")
        }

    @classmethod
    def cache_load(cls, data) -> Any:
        from harness.rouge import PRF, RougeResult

        try:
            return RougeResult(
                *({t: PRF(*map(float, data[k][t])) for t in TYPES} for k in ("best", "mean"))
            )
        except (KeyError, TypeError, ValueError):
            return None

    def score(self, candidates: Sequence[Any]) -> list[Any]:
        from harness.rouge import prepare

        engine = self._ready()
        split = self.context.config.lsum_split
        out: dict[int, Any] = {}
        by_doc: dict[str, list[int]] = {}
        for i, c in enumerate(candidates):
            by_doc.setdefault(c.document, []).append(i)
        for doc, idx in by_doc.items():
            results = engine.score_many(
                [prepare(candidates[i].text, split) for i in idx], self._refs[doc]
            )
            out.update(zip(idx, results, strict=True))
        return [out[i] for i in range(len(candidates))]

    def warnings(self, candidate, result) -> tuple[str, ...]:
        """One when the default tokenizer would drop most of the candidate's letters."""
        if self.context.config.tokenizer != "default":
            return ()
        from harness.rouge import NON_ASCII_WARNING, dropped_letter_share

        return (NON_ASCII_WARNING,) if dropped_letter_share(candidate.text) > 0.5 else ()

    @classmethod
    def values(cls, result) -> dict[str, float]:
        return {t: float(result.best[t].fmeasure) for t in TYPES}

    @classmethod
    def to_json(cls, result) -> dict[str, Any]:
        def prf(m):
            return {
                t: {
                    "precision": _r(m[t].precision),
                    "recall": _r(m[t].recall),
                    "fmeasure": _r(m[t].fmeasure),
                }
                for t in TYPES
            }

        return {"best": prf(result.best), "mean": prf(result.mean)}

    @classmethod
    def from_json(cls, data) -> Any:
        from harness.rouge import PRF, RougeResult

        try:
            return RougeResult(
                *(
                    {
                        t: PRF(*(float(data[k][t][x]) for x in ("precision", "recall", "fmeasure")))
                        for t in TYPES
                    }
                    for k in ("best", "mean")
                )
            )
        except (KeyError, TypeError, ValueError):
            return None

    @classmethod
    def check_json(cls, data, where: str) -> str | None:
        from harness.results import check_prf_block

        if not isinstance(data, dict):
            return f"{where} must be an object or null"
        for part in ("best", "mean"):
            problem = check_prf_block(data.get(part, {}), f"{where}.{part}")
            if problem:
                return problem
        return None
