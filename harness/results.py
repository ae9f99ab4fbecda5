"""Frozen result records and their stable JSON shape."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.errors import ConfigError
from harness.fact_results import FactsResult
from harness.rouge import RougeResult


@dataclass(frozen=True)
class EmbeddingResult:
    max: float  # best cosine over references
    mean: float  # mean cosine over references
    article: float | None  # cosine to the source article; None without one (pair-level data)


SCHEMA_VERSION = "0.2.0"
"""The JSON report's shape. 0.2.0: one name per metric (`candidates[].metrics`, the
family objects under their family's name); 0.1.0 reports (no `schema_version`) are read
and upgraded by `upgrade_report`."""
SCHEMA_FILE = "schema/report.schema.json"  # the published JSON Schema, in the package


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the report: harness/schema/report.schema.json."""
    from importlib.resources import files

    return json.loads(files("harness").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


LEGACY_METRIC_NAMES = {"embedding": "embedding_max"}  # 0.1.0's gate name -> the one name


@dataclass(frozen=True)
class CandidateResult:
    id: str
    path: str
    document: str | None
    status: str  # "ok" or "error"
    error: str | None = None
    scores: Mapping[str, Any] = field(default_factory=dict)  # family name -> its result
    warnings: tuple[str, ...] = ()
    # wall time spent scoring it: each family's time on its chunk shared equally among the
    # candidates it scored (the engines score a chunk at once). Timing, so not part of
    # equality nor of the JSON report (which stays byte-identical run to run); JUnit's times.
    seconds: float | None = field(default=None, compare=False)

    @property
    def rouge(self) -> RougeResult | None:
        return self.scores.get("rouge")

    @property
    def embedding(self) -> EmbeddingResult | None:
        return self.scores.get("embedding")

    @property
    def facts(self) -> FactsResult | None:
        return self.scores.get("facts")

    @property
    def metrics(self) -> dict[str, float]:
        """Every metric value of this candidate, by its one name."""
        from harness.metrics import result_values

        return result_values(self.scores)


@dataclass(frozen=True)
class Summary:
    candidates: int
    scored: int
    errors: int
    means: dict[str, float] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # families' aggregates (fact_rates)

    @property
    def fact_rates(self) -> dict[str, dict[str, float]]:
        return self.extra.get("fact_rates", {})


@dataclass(frozen=True)
class RunResult:
    candidates: tuple[CandidateResult, ...]
    summary: Summary
    signature: str
    settings: dict[str, Any] = field(default_factory=dict)


def _r(x: float) -> float:
    """Round for output so JSON is byte-stable across platforms and runs."""
    return round(float(x), 6)


def candidate_to_dict(c: CandidateResult) -> dict[str, Any]:
    from harness.metrics import families

    regs = families()
    out: dict[str, Any] = {
        "id": c.id,
        "path": c.path,
        "document": c.document,
        "status": c.status,
        "error": c.error,
        "warnings": list(c.warnings),
        "metrics": {k: v if isinstance(v, int) else _r(v) for k, v in c.metrics.items()},
    }
    for name, result in c.scores.items():
        out[name] = regs[name].to_json(result)
    return out


def candidate_from_dict(d: Mapping[str, Any]) -> CandidateResult:
    """A candidate of a (0.2.0) JSON report back as a result: merging shards, recomputing a
    summary or a gate. Families not registered here are left out."""
    from harness.metrics import families

    scores = {}
    for name, cls in families().items():
        if d.get(name) is not None:
            result = cls.from_json(d[name])
            if result is not None:
                scores[name] = result
    return CandidateResult(
        str(d["id"]),
        str(d.get("path") or ""),
        d.get("document"),
        str(d.get("status")),
        d.get("error"),
        scores,
        tuple(d.get("warnings") or ()),
    )


def fact_result_to_dict(r) -> dict[str, Any]:
    """One fact verdict as the JSON report holds it (also `harness explain --format json`)."""
    out = {
        "id": r.id,
        "verdict": r.verdict,
        "evidence": r.evidence,
        "span": list(r.span) if r.span else None,
        "confidence": _r(r.confidence),
    }
    if r.other_verdict is not None:  # the summary both states and contradicts the fact
        out["other"] = {
            "verdict": r.other_verdict,
            "evidence": r.other_evidence,
            "span": list(r.other_span) if r.other_span else None,
        }
    return out


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return _r(value)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


def summary_to_dict(s: Summary) -> dict[str, Any]:
    return {
        "candidates": s.candidates,
        "scored": s.scored,
        "errors": s.errors,
        "means": {k: _r(v) for k, v in s.means.items()},
        **{k: _rounded(v) for k, v in s.extra.items()},
    }


def run_to_dict(run: RunResult) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "signature": run.signature,
        "settings": run.settings,
        "summary": summary_to_dict(run.summary),
        "candidates": [candidate_to_dict(c) for c in run.candidates],
    }


# ---------------------------------------------------------------- reading reports


def read_text_file(path: Path, what: str) -> str:
    """A UTF-8 (BOM allowed) file the user named; a one-line ConfigError when unreadable."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{what} not found", path) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{what} is not UTF-8 text", path) from None
    except OSError as exc:
        raise ConfigError(f"cannot read {what}: {exc.strerror or exc}", path) from None


def iter_json_lines(text: str, path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, object) for every non-blank JSONL line; a broken line names its number."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"invalid JSON ({exc.msg})", path, number) from None
        except RecursionError:
            raise ConfigError("JSON nested too deeply", path, number) from None
        except ValueError:  # a whole number over Python's 4,300-digit conversion limit
            raise ConfigError("invalid JSON (a number too long)", path, number) from None


def load_report(path: Path | str) -> dict[str, Any]:
    """A `harness score --format json` or `--format jsonl` report as the JSON dict.

    For JSONL, candidate lines become `candidates` and the last line's `summary`,
    `signature`, `settings` and `gate` are kept. A ConfigError when it is not a report.
    """
    path = Path(path)
    text = read_text_file(path, "report")
    try:
        data = json.loads(text)
    except RecursionError:
        raise ConfigError("JSON nested too deeply", path) from None
    except json.JSONDecodeError:
        candidates: list[Any] = []
        tail: dict[str, Any] = {}
        for _, obj in iter_json_lines(text, path):
            if isinstance(obj, dict) and "signature" in obj and "id" not in obj:
                tail = obj
            else:
                candidates.append(obj)
        data = {**tail, "candidates": candidates}
    except ValueError:  # a whole number over Python's 4,300-digit conversion limit
        raise ConfigError("invalid JSON (a number too long)", path) from None
    if not isinstance(data, dict) or not isinstance(data.get("candidates"), list):
        raise ConfigError(
            'not a harness JSON report (expected an object with "candidates"; '
            "write one with `harness score --format json`)",
            path,
        )
    data.setdefault("signature", "")
    try:
        upgrade_report(data)
        validate_report(data)
    except _Invalid as exc:
        raise ConfigError(f"not a harness report: {exc}", path) from None
    return data


def as_current(data: Mapping[str, Any]) -> dict[str, Any]:
    """A report dict in the current schema (a 0.1.0 one upgraded on a copy)."""
    if data.get("schema_version") == SCHEMA_VERSION:
        return dict(data)
    import copy

    try:
        return upgrade_report(copy.deepcopy(dict(data)))
    except _Invalid as exc:
        raise ConfigError(f"not a harness report: {exc}") from None


# ---------------------------------------------------------------- validating reports
#
# A report read back (`compare`, `report`, `--baseline`) may come from anywhere: every
# field the harness uses is checked for its type before use, so a hostile or damaged file
# is one exit-2 error, never a crash, a silently wrong comparison or markup in a page.

VERDICTS = ("present", "absent", "contradicted")


class _Invalid(Exception):
    pass


def _is_num(v: Any) -> bool:
    import math

    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _need(ok: bool, where: str, what: str) -> None:
    if not ok:
        raise _Invalid(f"{where} must be {what}")


def _opt_str(v: Any) -> bool:
    return v is None or isinstance(v, str)


def _str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def check_numbers(obj: Any, keys: tuple[str, ...], where: str) -> str | None:
    """The first of `keys` in `obj` that is not a finite number, or None (a family's check)."""
    if not isinstance(obj, dict):
        return f"{where} must be an object or null"
    for k in keys:
        if k in obj and not _is_num(obj[k]):
            return f"{where}.{k} must be a finite number"
    return None


def check_prf_block(value: Any, where: str) -> str | None:
    """A map of ROUGE type -> {precision, recall, fmeasure}."""
    if not isinstance(value, dict):
        return f"{where} must be an object or null"
    for t, prf in value.items():
        problem = check_numbers(prf, ("precision", "recall", "fmeasure"), f"{where}.{t}")
        if problem:
            return problem
    return None


def check_facts_block(facts: Any, where: str) -> str | None:
    """The facts object of a candidate (the same in 0.1.0 and 0.2.0)."""
    try:
        _check_facts(facts, where)
    except _Invalid as exc:
        return str(exc)
    return None


def _check_numbers(obj: Any, keys: tuple[str, ...], where: str) -> None:
    problem = check_numbers(obj, keys, where)
    if problem:
        raise _Invalid(problem)


def _check_facts(facts: Any, where: str) -> None:
    _check_numbers(facts, ("coverage",), where)
    for k in ("present", "absent", "contradicted"):
        _need(_is_int(facts.get(k, 0)), f"{where}.{k}", "a whole number")
    results = facts.get("results", [])
    _need(isinstance(results, list), f"{where}.results", "a list")
    for j, r in enumerate(results):
        w = f"{where}.results[{j}]"
        _need(isinstance(r, dict), w, "an object")
        _need(isinstance(r.get("id"), str), f"{w}.id", "a string")
        _need(r.get("verdict") in VERDICTS, f"{w}.verdict", "present, absent or contradicted")
        _need(_opt_str(r.get("evidence")), f"{w}.evidence", "a string or null")
        span = r.get("span")
        _need(
            span is None
            or (isinstance(span, list) and len(span) == 2 and all(_is_int(x) for x in span)),
            f"{w}.span",
            "null or two whole numbers",
        )
        if "confidence" in r:
            _need(_is_num(r["confidence"]), f"{w}.confidence", "a finite number")


def _check_candidate_head(c: Any, where: str) -> None:
    _need(isinstance(c, dict), where, "an object")
    _need(isinstance(c.get("id"), str) and c["id"] != "", f"{where}.id", "a non-empty string")
    for key in ("path", "document", "error"):
        _need(_opt_str(c.get(key)), f"{where}.{key}", "a string or null")
    _need(c.get("status") in ("ok", "error"), f"{where}.status", '"ok" or "error"')
    _need(_str_list(c.get("warnings", [])), f"{where}.warnings", "a list of strings")


def _check_candidate(c: Any, where: str) -> None:
    """A 0.2.0 candidate: its flat metrics, and each registered family's own object."""
    from harness.metrics import families

    _check_candidate_head(c, where)
    metrics = c.get("metrics") or {}
    _need(isinstance(metrics, dict), f"{where}.metrics", "an object")
    for k, v in metrics.items():
        _need(_is_num(v), f"{where}.metrics.{k}", "a finite number")
    for name, cls in families().items():
        if c.get(name) is not None:
            problem = cls.check_json(c[name], f"{where}.{name}")
            if problem:
                raise _Invalid(problem)


def _check_candidate_v1(c: Any, where: str) -> None:
    """A 0.1.0 candidate: rouge / rouge_mean by type, embedding max/mean/article, facts."""
    _check_candidate_head(c, where)
    for key in ("rouge", "rouge_mean"):
        if c.get(key) is not None:
            problem = check_prf_block(c[key], f"{where}.{key}")
            if problem:
                raise _Invalid(problem)
    if c.get("embedding") is not None:
        _check_numbers(c["embedding"], ("max", "mean", "article"), f"{where}.embedding")
    if c.get("facts") is not None:
        _check_facts(c["facts"], f"{where}.facts")


def _upgrade_candidate(c: dict[str, Any]) -> dict[str, Any]:
    """A 0.1.0 candidate in the 0.2.0 shape (one name per metric)."""
    out = {k: c.get(k) for k in ("id", "path", "document", "status", "error")}
    out["warnings"] = c.get("warnings", [])
    metrics: dict[str, float] = {}
    if isinstance(c.get("rouge"), dict):
        for t, prf in c["rouge"].items():
            if "fmeasure" in prf:
                metrics[t] = prf["fmeasure"]
        out["rouge"] = {"best": c["rouge"], "mean": c.get("rouge_mean") or {}}
    if isinstance(c.get("embedding"), dict):
        emb = {f"embedding_{k}": v for k, v in c["embedding"].items()}
        metrics.update(emb)
        out["embedding"] = emb
    if isinstance(c.get("facts"), dict):
        for k in ("coverage", "contradicted"):
            if k in c["facts"]:
                metrics[k] = c["facts"][k]
        out["facts"] = c["facts"]
    out["metrics"] = metrics
    return out


def upgrade_report(data: dict[str, Any]) -> dict[str, Any]:
    """A report of any known schema in the current shape (0.1.0: renamed in place)."""
    version = data.get("schema_version")
    if version == SCHEMA_VERSION:
        return data
    if version is not None:
        raise _Invalid(
            f"schema_version {version!r} is not one this harness reads (0.1.0, {SCHEMA_VERSION})"
        )
    for i, c in enumerate(data["candidates"]):
        _check_candidate_v1(c, f"candidates[{i}]")
    data["candidates"] = [_upgrade_candidate(c) for c in data["candidates"]]
    renamed = LEGACY_METRIC_NAMES
    gate = data.get("gate")
    if isinstance(gate, dict) and isinstance(gate.get("failures"), list):
        for f in gate["failures"]:
            if isinstance(f, dict) and isinstance(f.get("metric"), str):
                scope, _, name = f["metric"].rpartition(".")
                if name in renamed:
                    f["metric"] = f"{scope}.{renamed[name]}" if scope else renamed[name]
    comp = data.get("comparison")
    if isinstance(comp, dict) and isinstance(comp.get("metrics"), list):
        for m in comp["metrics"]:
            if isinstance(m, dict) and m.get("metric") in renamed:
                m["metric"] = renamed[m["metric"]]
    data["schema_version"] = SCHEMA_VERSION
    data["upgraded_from"] = "0.1.0"
    return data


def _check_gate(gate: Any) -> None:
    _need(isinstance(gate, dict), "gate", "an object or null")
    _need(isinstance(gate.get("passed", False), bool), "gate.passed", "true or false")
    failures = gate.get("failures", [])
    _need(isinstance(failures, list), "gate.failures", "a list")
    for j, f in enumerate(failures):
        w = f"gate.failures[{j}]"
        _need(isinstance(f, dict), w, "an object")
        for key in ("candidate", "document", "message"):
            _need(_opt_str(f.get(key)), f"{w}.{key}", "a string or null")
        _need(isinstance(f.get("metric"), str), f"{w}.metric", "a string")
        for key in ("value", "threshold"):
            v = f.get(key)
            _need(v is None or _is_num(v) or isinstance(v, str), f"{w}.{key}", "a number or string")


def _check_comparison(comp: Any) -> None:
    _need(isinstance(comp, dict), "comparison", "an object")
    _need(_is_int(comp.get("matched", 0)), "comparison.matched", "a whole number")
    if "confidence" in comp:
        _need(_is_num(comp["confidence"]), "comparison.confidence", "a finite number")
    metrics = comp.get("metrics", [])
    _need(isinstance(metrics, list), "comparison.metrics", "a list")
    for j, m in enumerate(metrics):
        w = f"comparison.metrics[{j}]"
        _need(isinstance(m, dict), w, "an object")
        _need(isinstance(m.get("metric"), str), f"{w}.metric", "a string")
        _need(_opt_str(m.get("verdict")), f"{w}.verdict", "a string")
        for key in ("baseline", "current", "delta"):
            _need(m.get(key) is None or _is_num(m[key]), f"{w}.{key}", "a finite number")
        ci = m.get("ci")
        _need(
            ci is None or (isinstance(ci, list) and len(ci) == 2 and all(map(_is_num, ci))),
            f"{w}.ci",
            "null or two finite numbers",
        )


def validate_report(data: dict[str, Any]) -> None:
    """Raise `_Invalid` naming the first field of a report whose type is wrong."""
    _need(isinstance(data.get("signature"), str), "signature", "a string")
    _need(data.get("schema_version") == SCHEMA_VERSION, "schema_version", repr(SCHEMA_VERSION))
    for i, c in enumerate(data["candidates"]):
        _check_candidate(c, f"candidates[{i}]")
    settings = data.get("settings", {})
    _need(isinstance(settings, dict), "settings", "an object")
    _need(_str_list(settings.get("metrics", [])), "settings.metrics", "a list of strings")
    _need(_str_list(settings.get("documents", [])), "settings.documents", "a list of strings")
    _need(isinstance(settings.get("stemmer", True), bool), "settings.stemmer", "true or false")
    for key in ("tokenizer", "model", "lsum_split"):
        _need(_opt_str(settings.get(key)), f"settings.{key}", "a string or null")
    summary = data.get("summary", {})
    _need(isinstance(summary, dict), "summary", "an object")
    for key in ("candidates", "scored", "errors"):
        if key in summary:
            _need(_is_int(summary[key]), f"summary.{key}", "a whole number")
    means = summary.get("means", {})
    _need(isinstance(means, dict), "summary.means", "an object")
    for k, v in means.items():
        _need(_is_num(v), f"summary.means.{k}", "a finite number")
    rates = summary.get("fact_rates", {})
    _need(isinstance(rates, dict), "summary.fact_rates", "an object")
    for fact, r in rates.items():
        _check_numbers(r, tuple(r) if isinstance(r, dict) else (), f"summary.fact_rates.{fact}")
    if data.get("gate") is not None:
        _check_gate(data["gate"])
    if data.get("comparison") is not None:
        _check_comparison(data["comparison"])
