"""Scoring summaries from a test: one call, thresholds asserted, a failure that reads well.

For pytest (or any test runner), on texts held in memory, no folders and no placeholder
files::

    from harness.testing import assert_summary

    def test_my_summarizer():
        assert_summary(
            summarize(article),
            references=["The council approved a park that opens in spring."],
            thresholds={"rouge1": 0.3, "rougeL": 0.25},
        )

`score_summary` / `score_pairs` score and return an `Evaluation`; `assert_summary` /
`assert_pairs` also raise `ThresholdError` (an `AssertionError`) naming every failed check:
the candidate, the metric, its value and the threshold, and for facts which fact was absent
or contradicted, with the evidence sentence. Thresholds use the gate's keys
(`[tool.harness.gate]`, README "CI gate"): `{"rouge1": 0.3, "max-contradicted": 0,
"mean.rougeL": 0.25}`.

Metrics: by default ROUGE, plus the facts checklist when facts are given, plus any family a
threshold names (`embedding_max` loads the embedding model: real, local, a few seconds the
first time; it is loaded once per process and reused). `metrics=("rouge",)` chooses them
explicitly. Everything runs through the library's one pipeline (`harness.pipeline.evaluate`),
so the numbers, the gate and the cache are the CLI's.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from harness.errors import ConfigError
from harness.gate import GateCheck, format_number
from harness.loading import Candidate, Dataset, Document, Reference
from harness.source_names import with_article_names
from harness.text import is_blank, unix_newlines

DEFAULT_METRICS = ("rouge",)  # fast (no model); "facts" joins when facts are given
_ENCODERS: dict[tuple[str, str, int], Any] = {}  # one loaded model per process and setting


class ThresholdError(AssertionError):
    """A threshold or required fact failed; the message lists every failed check."""


@dataclass(frozen=True)
class Pair:
    """One summary to score against its references (and, optionally, article and facts)."""

    summary: str
    references: Sequence[str] | str
    id: str | None = None
    article: str | None = None
    facts: Any = None  # a facts.toml path, its TOML text, or a harness.facts.FactSet


@dataclass(frozen=True)
class Evaluation:
    """A scored run: `outcome` is the pipeline's (`run`, `gate`, `failed`)."""

    outcome: Any  # harness.pipeline.Outcome
    documents: Mapping[str, Document]  # one per pair, by the pair's id
    articles: frozenset[str]  # documents (= pair ids) that came with an article

    @property
    def run(self) -> Any:
        return self.outcome.run

    @property
    def passed(self) -> bool:
        """Every candidate scored, every threshold and required fact met."""
        return not self.outcome.failed

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.run.candidates)

    @property
    def means(self) -> dict[str, float]:
        return dict(self.run.summary.means)

    def candidate(self, id: str | None = None) -> Any:
        """One candidate's `CandidateResult`; `id` may be left out when there is one."""
        cands = self.run.candidates
        if id is None:
            if len(cands) != 1:
                raise ValueError(f"{len(cands)} candidates scored; name one: {', '.join(self.ids)}")
            return cands[0]
        for c in cands:
            if c.id == id:
                return c
        raise KeyError(f"no candidate {id!r} (scored: {', '.join(self.ids)})")

    def metrics(self, id: str | None = None) -> dict[str, float]:
        """A candidate's metric values by name (`embedding_article` only with an article)."""
        c = self.candidate(id)
        values = dict(c.metrics)
        if c.document not in self.articles:
            values.pop("embedding_article", None)
        return values

    def facts(self, id: str | None = None) -> dict[str, str]:
        """A candidate's verdict per fact id: present, absent or contradicted."""
        result = self.candidate(id).facts
        return {} if result is None else {r.id: r.verdict for r in result.results}

    def failures(self) -> list[str]:
        """One readable line (or a few) per failed check and per candidate not scored."""
        return _failure_lines(self)

    def check(self) -> Evaluation:
        """Raise `ThresholdError` listing every failure unless the run passed."""
        __tracebackhide__ = True  # pytest: show the caller's line, not this one
        gate = self.outcome.gate
        if gate is not None and gate.total == 0 and not self.run.summary.errors:
            raise ValueError(
                "nothing to assert: give thresholds (e.g. {'rouge1': 0.3}) or facts with "
                "required = true"
            )
        if not self.passed:
            failed = gate.failed_count if gate is not None else 0
            errors = self.run.summary.errors
            head = f"harness: {failed} of {gate.total if gate else 0} checks failed"
            if errors:
                head += f", {errors} candidate(s) not scored"
            lines = [head, *(f"  {line}" for line in self.failures())]
            raise ThresholdError("\n".join(lines))
        return self


# ---------------------------------------------------------------- entry points


def score_summary(
    summary: str,
    references: Sequence[str] | str,
    *,
    article: str | None = None,
    facts: Any = None,
    id: str = "summary",
    **options: Any,
) -> Evaluation:
    """Score one summary; `options` as `score_pairs`."""
    return score_pairs([Pair(summary, references, id, article, facts)], **options)


def assert_summary(
    summary: str,
    references: Sequence[str] | str,
    *,
    article: str | None = None,
    facts: Any = None,
    id: str = "summary",
    **options: Any,
) -> Evaluation:
    """Score one summary and assert `thresholds` and required facts (`ThresholdError`)."""
    __tracebackhide__ = True
    return score_summary(
        summary, references, article=article, facts=facts, id=id, **options
    ).check()


def assert_pairs(pairs: Iterable[Any], **options: Any) -> Evaluation:
    """Score every pair and assert `thresholds` and required facts (`ThresholdError`)."""
    __tracebackhide__ = True
    return score_pairs(pairs, **options).check()


def score_pairs(
    pairs: Iterable[Any],
    *,
    facts: Any = None,
    thresholds: Mapping[str, Any] | None = None,
    required_facts: bool | str | Iterable[str] = True,
    metrics: Sequence[str] | None = None,
    config: Any = None,
    encoder: Any = None,
) -> Evaluation:
    """Score pairs of (summary, references), each its own document, in one run.

    A pair is a `Pair`, a `(summary, references)` tuple or a dict with `summary` (or
    `prediction`), `references` (a string or a list), optional `id`, `article`, `facts`.
    `facts` applies to every pair that has none of its own. `thresholds` takes the gate's
    keys (`rouge1`, `max-contradicted`, `mean.rougeL`, ...). `required_facts`: True, the
    facts marked `required = true`; False, none; `"all"`; or a list of fact ids.
    `metrics` names the families (default: rouge, facts when given, and those the
    thresholds need); `config` is a `harness.RunConfig` for everything else (stemmer,
    tokenizer, cache ...; its `metrics` are replaced); `encoder` any object with `name` and
    `encode(texts)` in place of the embedding model.
    """
    from harness.pipeline import evaluate
    from harness.run import RunConfig

    gate = _gate(thresholds, required_facts)
    items = [_pair(p, i) for i, p in enumerate(pairs)]
    if not items:
        raise ValueError("no pairs to score")
    shared = _factset(facts, "", required_facts)  # read once for every pair without its own
    documents: dict[str, Document] = {}
    candidates = []
    for p in items:
        if p.id in documents:
            raise ValueError(f"pair id {p.id!r} appears twice; ids must be unique")
        if p.facts is not None:
            factset = _factset(p.facts, p.id, required_facts)
        else:
            factset = replace(shared, document=p.id) if shared is not None else None
        if factset is not None:
            factset = with_article_names(factset, p.article)
        refs = (p.references,) if isinstance(p.references, str) else tuple(p.references)
        if not refs or any(not isinstance(r, str) or is_blank(r) for r in refs):
            raise ValueError(f"pair {p.id!r}: references must be one or more non-empty strings")
        documents[p.id] = Document(
            p.id,
            Path(p.id),
            unix_newlines(p.article or ""),
            tuple(
                Reference(f"ref-{j}", Path(p.id, f"ref-{j}"), unix_newlines(r))
                for j, r in enumerate(refs)
            ),
            factset,
        )
        warnings = ("empty summary",) if is_blank(p.summary) else ()
        candidates.append(Candidate(p.id, p.id, p.id, unix_newlines(p.summary), warnings))
    chosen = _metrics(metrics, gate, documents)
    config = replace(config or RunConfig(), metrics=chosen)
    if "embedding" in chosen and encoder is None:
        encoder = _shared_encoder(config)
    dataset = Dataset(documents, tuple(candidates))
    outcome = evaluate(dataset, config, gate, encoder=encoder)
    return Evaluation(outcome, documents, frozenset(p.id for p in items if p.article))


# ---------------------------------------------------------------- inputs


def _pair(p: Any, index: int) -> Pair:
    if isinstance(p, Pair):
        pair = p
    elif isinstance(p, Mapping):
        unknown = set(p) - {"id", "summary", "prediction", "references", "article", "facts"}
        if unknown:
            raise ValueError(f"pair {index}: unknown key {sorted(unknown)[0]!r}")
        summary = p.get("summary", p.get("prediction"))
        pair = Pair(summary, p.get("references"), p.get("id"), p.get("article"), p.get("facts"))
    elif isinstance(p, tuple | list) and len(p) == 2:
        pair = Pair(p[0], p[1])
    else:
        raise ValueError(
            f"pair {index}: expected a Pair, a (summary, references) tuple or a dict, "
            f"got {type(p).__name__}"
        )
    if not isinstance(pair.summary, str):
        raise ValueError(f"pair {index}: summary must be a string, got {pair.summary!r}")
    if pair.references is None:
        raise ValueError(f"pair {index}: references are missing")
    pid = pair.id if pair.id is not None else f"pair-{index}"
    if not isinstance(pid, str) or is_blank(pid):
        raise ValueError(f"pair {index}: id must be a non-empty string, got {pid!r}")
    return replace(pair, id=pid)


def _factset(facts: Any, document: str, required: bool | str | Iterable[str]) -> Any:
    """A FactSet for `document` from a path, TOML text or a FactSet; `required` applied."""
    if facts is None:
        return None
    from harness.facts import FactSet, load_facts, parse_facts

    if isinstance(facts, FactSet):
        factset = replace(facts, document=document)
    elif isinstance(facts, Path) or (isinstance(facts, str) and "\n" not in facts):
        if not Path(facts).is_file():
            raise ConfigError("facts file not found", facts)
        factset = load_facts(Path(facts), document)
    elif isinstance(facts, str):
        try:
            data = tomllib.loads(facts)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"facts: malformed TOML: {exc}") from None
        sha = hashlib.sha256(facts.encode("utf-8")).hexdigest()
        factset = parse_facts(data, document, sha256=sha, text=facts)
    else:
        raise TypeError(
            f"facts: expected a path, TOML text or a FactSet, got {type(facts).__name__}"
        )
    if required is True or required is False:
        return factset
    wanted = set(factset.ids) if required == "all" else {str(r) for r in required}  # type: ignore[union-attr]
    unknown = sorted(wanted - set(factset.ids))
    if unknown:
        raise ValueError(
            f"required_facts: unknown fact {unknown[0]!r} (facts: {', '.join(factset.ids)})"
        )
    facts_ = tuple(replace(f, required=f.id in wanted) for f in factset.facts)
    return replace(factset, facts=facts_)


def _gate(thresholds: Mapping[str, Any] | None, required: bool | str | Iterable[str]) -> Any:
    """A GateConfig from the gate's keys; `mean.NAME` is the same as a `mean` sub-table."""
    from harness.config import parse_gate_table

    table: dict[str, Any] = {}
    means: dict[str, Any] = {}
    for key, value in (thresholds or {}).items():
        if key.startswith("mean."):
            means[key[5:]] = value
        elif key == "mean" and isinstance(value, Mapping):
            means.update(value)
        else:
            table[key] = value
    if means:
        table["mean"] = means
    gate = parse_gate_table(table, "thresholds")
    return replace(gate, required_facts=required is not False, source=None)


def _metrics(metrics: Sequence[str] | None, gate: Any, documents: Mapping[str, Document]):
    from harness.metrics import metric

    needed = tuple(dict.fromkeys(metric(m).family for m in gate.metrics))  # type: ignore[union-attr]
    if metrics is not None:
        chosen = tuple(metrics)
        missing = [f for f in needed if f not in chosen]
        if missing:
            raise ValueError(
                f"a threshold needs the {missing[0]} metrics, not in metrics={chosen!r}"
            )
        return chosen
    with_facts = any(d.facts is not None for d in documents.values())
    base = DEFAULT_METRICS + (("facts",) if with_facts else ())
    return tuple(dict.fromkeys(base + needed))


def _shared_encoder(config: Any) -> Any:
    """The embedding model, loaded once per process for every call with the same settings."""
    from harness.embedding import SentenceTransformerEncoder

    key = (config.model, config.device, config.batch_size)
    if key not in _ENCODERS:
        _ENCODERS[key] = SentenceTransformerEncoder(*key)
    return _ENCODERS[key]


# ---------------------------------------------------------------- the message


def _failure_lines(ev: Evaluation) -> list[str]:
    """Failed checks grouped under their candidate (then the run's mean), facts explained."""
    gate = ev.outcome.gate
    failed = [k for k in (gate.checks if gate is not None else ()) if k.status == "failed"]
    lines: list[str] = []
    for c in ev.run.candidates:
        if c.status != "ok":
            lines.append(f"{c.id}: not scored: {c.error}")
            continue
        mine = [k for k in failed if k.candidate == c.id and k.document == c.document]
        if not mine:
            continue
        lines.append(f"{c.id}:")
        named = {k.metric[5:] for k in mine if k.metric.startswith("fact:")}
        for k in mine:
            if k.metric.startswith("fact:"):
                lines.append("  " + _fact_line(ev, c, k.metric[5:], required=True))
            else:
                lines.append(f"  {k.metric} = {_value(k)} (threshold: {k.name})")
        if any(k.metric in ("coverage", "contradicted") for k in mine) and c.facts is not None:
            lines.extend(
                "  " + _fact_line(ev, c, r.id)
                for r in c.facts.results
                if r.verdict != "present" and r.id not in named
            )
    run_level = [k for k in failed if k.candidate is None]
    if run_level:
        lines.append(f"run mean ({ev.run.summary.scored} scored):")
        lines.extend(f"  {k.metric} = {_value(k)} (threshold: {k.name})" for k in run_level)
    return lines


def _value(k: GateCheck) -> str:
    return format_number(k.value)


def _fact_line(ev: Evaluation, c: Any, fact_id: str, required: bool = False) -> str:
    """`required fact 'x' is contradicted ("statement"); evidence: '...'`."""
    doc = ev.documents.get(c.document) if c is not None else None
    fact = doc.facts.get(fact_id) if doc is not None and doc.facts is not None else None
    result = c.facts if c is not None else None
    verdict = next((r for r in result.results if r.id == fact_id), None) if result else None
    line = f"{'required fact' if required else 'fact'} {fact_id!r} is "
    line += verdict.verdict if verdict is not None else "absent"
    if fact is not None and fact.statement:
        line += f" ({fact.statement})"
    if verdict is not None and verdict.verdict == "contradicted" and verdict.evidence:
        line += f"; evidence: {verdict.evidence!r}"
        if verdict.span:
            line += f" at characters {verdict.span[0]}-{verdict.span[1]}"
    return line
