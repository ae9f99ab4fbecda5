"""The grounding family: what a candidate states that its article does not support.

An adapter around the engine in `harness.grounding` (scoring lives there): it analyses
each document's article once, grounds every candidate of a chunk against it, and owns
the report's `candidates[].grounding` object, the cache entry and the gate flag
`--max-unsupported N`. Words only by default (about 2 ms a candidate); with
`RunConfig.options["grounding_embeddings"]` (`--grounding-embeddings`) the shared encoder
of the run (the embedding family's, same model and vector cache) adds sentence cosines.

A document whose article is blank is not grounded (the family does not apply; a gate
threshold on its metrics is skipped with a note).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from harness.metrics import GateOption, Metric, MetricFamily, ScoreError

OPTION_EMBEDDINGS = "grounding_embeddings"  # RunConfig.options key
CELL_WIDTH = 24  # a flagged specific is shown in the text column cut to this many characters
CELL_SPECIFICS = 4  # and at most this many of them


def _r(x: float) -> float:
    return round(float(x), 6)


# flags that lower the score but are not counted as unsupported (harness.grounding.UNCOUNTED
# less "sentence"; not imported from there: the table must not import the engine)
_DOUBTS = frozenset({"actor", "fragment", "repeat"})


def _pair(x: Any) -> list[int] | None:
    return None if x is None else [int(x[0]), int(x[1])]


def _engine_key() -> str:
    """The engine's own source (and its word lists): a changed engine never serves an old
    cached verdict, even when its VERSION was not bumped."""
    from pathlib import Path

    from harness import __version__
    from harness.source_key import modules_of

    here = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(__version__.encode())
    # the engine and every module it runs (number words and sentences included)
    files = [here / name for name in modules_of(here, ("grounding",))]
    files += sorted((here / "lexicons").glob("*.txt"))
    for path in files:
        if path.is_file():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


class GroundingFamily(MetricFamily):
    name = "grounding"
    metrics = (
        Metric("grounding", "Grounding", "ground", "grounding"),
        Metric(
            "unsupported",
            "Unsupported spans",
            "unsup",
            "grounding",
            0.0,
            float("inf"),
            higher_is_better=False,
            count=True,
            column=False,
            chart=False,
        ),
    )
    gate_options = (
        GateOption(
            "--max-unsupported",
            "unsupported",
            "candidate",
            "Gate: most unsupported spans (numbers, names, quotes, sentences the article "
            "does not support) a candidate may have.",
        ),
    )
    column = ("flagged", "unsupported")

    def __init__(self, documents, context) -> None:
        super().__init__(documents, context)
        from harness.grounding import GroundingSettings

        self.settings_ = GroundingSettings()
        self.embeddings = bool(context.config.options.get(OPTION_EMBEDDINGS, False))
        self.model_key: str | None = None
        if self.embeddings:
            if context.encoder is None:  # the embedding family builds it when it runs first
                from harness.embedding import SentenceTransformerEncoder

                c = context.config
                context.encoder = SentenceTransformerEncoder(c.model, c.device, c.batch_size)
            key = getattr(context.encoder, "cache_key", None)
            self.model_key = key() if callable(key) else getattr(context.encoder, "name", "model")
        self._signature = self._engine_signature()
        self._engine = _engine_key()
        self._article_keys: dict[str, str] = {}
        self._analyses: dict[str, Any] = {}

    def _engine_signature(self) -> str:
        from harness.grounding import signature

        model = f"{self.context.config.model}@{self.model_key}" if self.model_key else None
        return signature(self.settings_, model)

    # ---------------------------------------------------------------- a run
    def signature(self) -> list[str]:
        return [self._signature]

    def settings(self) -> dict[str, Any]:
        return {"grounding": {"embeddings": self.embeddings}}

    def applies(self, candidate) -> bool:
        return bool((self.documents[candidate.document].article or "").strip())

    def _article_key(self, document: str) -> str:
        key = self._article_keys.get(document)
        if key is None:
            article = self.documents[document].article
            key = hashlib.sha256(article.encode("utf-8", "surrogatepass")).hexdigest()
            self._article_keys[document] = key
        return key

    def cache_key(self, candidate) -> str:
        """The signature's part (engine version, thresholds, model), the engine's source,
        the article's hash and the text."""
        parts = ["grounding", self._signature, self._engine, self._article_key(candidate.document)]
        data = "\x00".join([*parts, candidate.text])
        return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()

    @classmethod
    def cache_dump(cls, result) -> Any:
        """The engine's whole result (every sentence's alignment), unrounded."""
        from harness.grounding import to_json

        return to_json(result)

    @classmethod
    def cache_load(cls, data) -> Any:
        from harness.grounding import from_json

        try:
            return from_json(data)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            return None

    def _analysis(self, document: str):
        found = self._analyses.get(document)
        if found is None:
            from harness.grounding import analyse_article

            found = analyse_article(
                self.documents[document].article, *self._encoder_args(), self.model_key
            )
            self._analyses[document] = found
        return found

    def _encoder_args(self) -> tuple[Any, Any]:
        if not self.embeddings:
            return None, None
        return self.context.encoder, self.context.cache()

    def score(self, candidates: Sequence[Any]) -> list[Any]:
        from harness.grounding import ground, ground_many

        out: list[Any] = [None] * len(candidates)
        by_doc: dict[str, list[int]] = {}
        for i, c in enumerate(candidates):
            by_doc.setdefault(c.document, []).append(i)
        encoder, cache = self._encoder_args()
        opts = {
            "encoder": encoder,
            "cache": cache,
            "model_key": self.model_key,
            "settings": self.settings_,
        }
        for doc, idx in by_doc.items():
            try:
                analysis = self._analysis(doc)
            except Exception as exc:  # the article itself cannot be read: each candidate says so
                for i in idx:
                    out[i] = ScoreError(f"{candidates[i].path}: grounding failed: {exc}")
                continue
            try:
                results = ground_many([candidates[i].text for i in idx], analysis, **opts)
                for i, r in zip(idx, results, strict=True):
                    out[i] = r
            except Exception:  # one bad candidate never stops the others: one at a time
                for i in idx:
                    try:
                        out[i] = ground(candidates[i].text, analysis=analysis, **opts)
                    except Exception as exc:
                        out[i] = ScoreError(f"{candidates[i].path}: grounding failed: {exc}")
        return out

    # ---------------------------------------------------------------- results
    @classmethod
    def values(cls, result) -> dict[str, float]:
        return {"grounding": float(result.score), "unsupported": int(result.unsupported)}

    @classmethod
    def to_json(cls, result) -> dict[str, Any]:
        """`candidates[].grounding`: the score, the counts and every flagged span with its
        reason and the closest article sentence; a flagged sentence also has its support."""
        support = {tuple(x.span): x.support for x in result.alignment}
        return {
            "score": _r(result.score),
            "unsupported": int(result.unsupported),
            "specifics": int(result.specifics),
            "unsupported_specifics": int(result.unsupported_specifics),
            "sentences": int(result.sentences),
            "unsupported_sentences": int(result.unsupported_sentences),
            "flags": [
                {
                    "kind": f.kind,
                    "text": f.text,
                    "span": _pair(f.span),
                    "reason": f.reason,
                    "evidence": f.evidence,
                    "evidence_span": _pair(f.evidence_span),
                    "support": _r(support[tuple(f.span)])
                    if f.kind == "sentence" and f.span is not None and tuple(f.span) in support
                    else None,
                }
                for f in result.flags
            ],
        }

    @classmethod
    def from_json(cls, data) -> Any:
        """A result from the report's object. The report keeps the flagged sentences'
        alignment only (their support), so that is all the result holds of it."""
        from harness.grounding import Flag, GroundingResult, SentenceAlignment

        def span(x: Any) -> tuple[int, int] | None:
            return None if x is None else (int(x[0]), int(x[1]))

        try:
            flags, aligned = [], []
            for f in data["flags"]:
                flag = Flag(
                    str(f["kind"]),
                    str(f["text"]),
                    span(f["span"]),
                    str(f["reason"]),
                    str(f["evidence"]),
                    span(f.get("evidence_span")),
                )
                flags.append(flag)
                if flag.kind == "sentence" and f.get("support") is not None:
                    s = float(f["support"])
                    aligned.append(
                        SentenceAlignment(
                            flag.text,
                            flag.span,
                            s,
                            s,
                            None,
                            flag.evidence,
                            flag.evidence_span,
                            False,
                        )
                    )
            return GroundingResult(
                score=float(data["score"]),
                specifics=int(data["specifics"]),
                unsupported_specifics=int(data["unsupported_specifics"]),
                sentences=int(data["sentences"]),
                unsupported_sentences=int(data["unsupported_sentences"]),
                flags=tuple(flags),
                alignment=tuple(aligned),
            )
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            return None

    @classmethod
    def cell(cls, result) -> str:
        """`4: 80 · $300 billion · 2020 · 90 percent`: how many spans are unsupported, the
        first specifics, then how many sentences (`6: Tuesday · ten · 4 sentences`); empty
        when everything is supported."""
        if not result.flags:
            return ""
        specs = [f for f in result.flags if f.kind != "sentence"]
        shown = []
        for f in specs[:CELL_SPECIFICS]:
            text = " ".join(f.text.split())
            text = text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"
            shown.append(text + "?" if f.kind in _DOUBTS else text)  # not counted: a doubt
        if len(specs) > CELL_SPECIFICS:
            shown.append(f"+{len(specs) - CELL_SPECIFICS}")
        n = len(result.flags) - len(specs)
        if n:
            shown.append(f"{n} sentence{'s' * (n != 1)}")
        return f"{result.unsupported}: " + " · ".join(shown)

    @classmethod
    def cell_summary(cls, means) -> str:
        return f"{means['unsupported']:.2f} a candidate" if "unsupported" in means else ""

    @classmethod
    def check_json(cls, data, where: str) -> str | None:
        from harness.results import check_numbers

        problem = check_numbers(data, ("score",), where)
        if problem:
            return problem
        for k in ("unsupported", "specifics", "unsupported_specifics", "sentences"):
            v = data.get(k, 0)
            if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                return f"{where}.{k} must be a whole number"
        flags = data.get("flags", [])
        if not isinstance(flags, list):
            return f"{where}.flags must be a list"
        for j, f in enumerate(flags):
            w = f"{where}.flags[{j}]"
            if not isinstance(f, dict):
                return f"{w} must be an object"
            for k in ("kind", "text", "reason", "evidence"):
                if not isinstance(f.get(k), str):
                    return f"{w}.{k} must be a string"
            for k in ("span", "evidence_span"):
                s = f.get(k)
                ok = s is None or (
                    isinstance(s, list)
                    and len(s) == 2
                    and all(isinstance(x, int) and not isinstance(x, bool) for x in s)
                )
                if not ok:
                    return f"{w}.{k} must be two whole numbers or null"
        return None

    # ---------------------------------------------------------------- gate
    @classmethod
    def failure_detail(cls, result, metric: str) -> tuple[str, tuple[int, int] | None]:
        """A failed `grounding` or `unsupported` threshold names the flagged spans (the
        first six): `unsupported: "80" (the article states no 80); ...`; the annotation
        points at the first."""
        if not result.flags:
            return "", None
        first = result.flags[0].span
        return "unsupported: " + flagged_text(result.flags), tuple(first) if first else None


def flagged_text(flags: Sequence[Any], limit: int = 6) -> str:
    """Flagged spans named for a message: `"80" (the article states no 80); sentence "..."`."""
    parts = []
    for f in flags[:limit]:
        text = " ".join(f.text.split())
        if len(text) > 60:
            text = text[:59].rstrip() + "…"
        quoted = "\u201c" + text + "\u201d"
        parts.append(f"sentence {quoted}" if f.kind == "sentence" else f"{quoted} ({f.reason})")
    more = len(flags) - limit
    return "; ".join(parts) + (f"; and {more} more" if more > 0 else "")
