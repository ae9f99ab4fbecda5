"""The CI gate: thresholds per candidate and on the run's means, and required facts.

`evaluate_gate(run, config, documents)` checks every scored candidate against the
configured thresholds (see `harness.config` for where they come from) and every
fact marked `required = true` in its document's facts file:

- a higher-is-better metric (`rouge1` ... `rougeLsum`, `embedding_max`, `embedding_mean`,
  `embedding_article`, `coverage`, or any registered family's, see `harness.metrics`): the
  candidate fails when its value is under the threshold (`value >= threshold` passes);
- a lower-is-better metric (`contradicted`): the candidate fails when it is over the limit;
- each family's own checks: facts' `fact:<id>`, a required fact that is absent or
  contradicted fails the candidate whatever its coverage;
- `mean.<metric>`: the same names on the run's mean over scored candidates.

Values are compared as the JSON report shows them (rounded to 6 decimals), so a
coverage printed as 1.0 passes `coverage >= 1.0`. A candidate that could not be
scored is not a gate failure (it already makes the run exit 1): it is listed in
`GateResult.errors`. A threshold on a metric this run did not compute (say
`coverage` with `--metrics rouge`) is skipped with a note, never failed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from harness.text import printable

if TYPE_CHECKING:
    from harness.loading import Document
    from harness.results import CandidateResult, RunResult


def _metric(name: str):
    from harness.metrics import metric

    return metric(name)


def format_number(value: float | int | str | None) -> str:
    """Thresholds and values as people write them: 1.0, 0.3, 0.4167, 2."""
    if value is None:
        return "n/a"
    if isinstance(value, str):
        return value
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value)) if isinstance(value, int) else f"{float(value):.1f}"
    return f"{float(value):.4f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Threshold:
    """One configured limit: `metric >= value` (or `<=` for `contradicted`)."""

    metric: str  # a metric's one name (harness.metrics)
    value: float
    scope: str = "candidate"  # "candidate" or "mean"
    source: str = ""  # "pyproject.toml [tool.harness.gate] rouge1", "--fail-under", ...

    @property
    def op(self) -> str:
        m = _metric(self.metric)
        return "<=" if m is not None and not m.higher_is_better else ">="

    @property
    def whole(self) -> bool:
        """A per-candidate limit on a count (contradicted) is a whole number."""
        m = _metric(self.metric)
        return m is not None and m.count and self.scope == "candidate"

    @property
    def name(self) -> str:
        """The check's name as reports show it: `mean.rouge1`, `contradicted`."""
        return f"mean.{self.metric}" if self.scope == "mean" else self.metric

    @property
    def label(self) -> str:
        value: float | int = int(self.value) if self.whole else self.value
        return f"{self.name} {self.op} {format_number(value)}"

    def passes(self, value: float) -> bool:
        shown = round(float(value), 6)
        return shown <= self.value if self.op == "<=" else shown >= self.value


@dataclass(frozen=True)
class GateConfig:
    """Every threshold of a run; `harness.config.load_gate_config` builds one."""

    thresholds: tuple[Threshold, ...] = ()
    required_facts: bool = True  # enforce `required = true` facts
    source: str | None = None  # the config file the thresholds came from, if any

    def __post_init__(self) -> None:
        from harness.metrics import all_metrics

        order = {m: i for i, m in enumerate(all_metrics())}
        ordered = tuple(
            sorted(self.thresholds, key=lambda t: (t.scope == "mean", order.get(t.metric, 99)))
        )
        object.__setattr__(self, "thresholds", ordered)

    def scoped(self, scope: str) -> tuple[Threshold, ...]:
        return tuple(t for t in self.thresholds if t.scope == scope)

    @property
    def metrics(self) -> tuple[str, ...]:
        """Metric names with a threshold at any scope (the gated metrics of `harness compare`)."""
        return tuple(dict.fromkeys(t.metric for t in self.thresholds))

    def with_thresholds(self, overrides: tuple[Threshold, ...] | list[Threshold]) -> GateConfig:
        """A copy where each override replaces the threshold on the same metric and scope."""
        keys = {(t.metric, t.scope) for t in overrides}
        kept = tuple(t for t in self.thresholds if (t.metric, t.scope) not in keys)
        return GateConfig(kept + tuple(overrides), self.required_facts, self.source)


@dataclass(frozen=True)
class GateCheck:
    """One check of one candidate (or of the run's mean): passed, failed or skipped."""

    candidate: str | None  # None for a run-level (mean) check
    document: str | None
    metric: str  # "coverage", "contradicted", "fact:no-council-staff", "mean.rouge1"
    name: str  # "coverage >= 1.0", "fact:no-council-staff (required)"
    status: str  # "passed", "failed" or "skipped"
    value: float | str | None
    threshold: float | str
    message: str = ""
    path: str | None = None
    span: tuple[int, int] | None = None  # evidence span of a contradicted required fact


@dataclass(frozen=True)
class GateFailure:
    candidate: str | None  # None for a run-level (mean) threshold
    document: str | None
    metric: str
    value: float | str | None
    threshold: float | str
    message: str = ""


@dataclass(frozen=True)
class ScoringError:
    """A candidate that could not be scored: not a gate failure, but the run exits 1."""

    candidate: str
    document: str | None
    error: str


@dataclass(frozen=True)
class GateResult:
    passed: bool
    failures: tuple[GateFailure, ...] = ()
    checks: tuple[GateCheck, ...] = ()
    notes: tuple[str, ...] = ()  # one line per skipped threshold
    errors: tuple[ScoringError, ...] = ()
    unkept: int = 0  # passed or skipped checks not kept in `checks` (streamed runs)
    failures_dropped: int = 0  # failed checks past the detail limit (streamed runs)

    @property
    def total(self) -> int:
        return len(self.checks) + self.unkept + self.failures_dropped

    @property
    def failed_count(self) -> int:
        return len(self.failures) + self.failures_dropped


# ---------------------------------------------------------------- evaluation


def candidate_value(c: CandidateResult, metric: str) -> float | None:
    """The candidate's value for a metric, or None when it was not computed."""
    m = _metric(metric)
    if m is None:
        raise KeyError(metric)
    result = c.scores.get(m.family)
    if result is None:
        return None
    from harness.metrics import family

    return family(m.family).values(result).get(metric)


def _failure_message(who: str, t: Threshold, value: float) -> str:
    shown: float | int = int(value) if t.whole else value
    limit = t.label.rsplit(" ", 1)[1]
    if t.op == "<=":
        return f"{who}: {t.name} {format_number(shown)} is over the maximum {limit}"
    return f"{who}: {t.name} {format_number(shown)} is under the threshold {limit}"


def _skip_reason(c: CandidateResult, metric: str, computed: set[str], documents) -> str:
    family = _metric(metric).family  # type: ignore[union-attr]
    if family not in computed:
        return f"{family} not computed in this run (--metrics {','.join(sorted(computed))})"
    if family == "facts" and documents is not None:
        doc = documents.get(c.document) if c.document else None
        if doc is not None and doc.facts is None:
            return f"document {c.document} has no facts.toml"
    if metric == "embedding_article" and documents is not None:
        doc = documents.get(c.document) if c.document else None
        if doc is not None and doc.article is None:
            return "no article (pair-level data without one)"
    return f"{family} not available"


def _candidate_checks(
    c: CandidateResult,
    config: GateConfig,
    documents: Mapping[str, Document] | None,
    computed: set[str],
    skipped: dict[str, int],
) -> list[GateCheck]:
    checks: list[GateCheck] = []
    for t in config.scoped("candidate"):
        value = candidate_value(c, t.metric)
        if value is None:
            reason = _skip_reason(c, t.metric, computed, documents)
            note = f"skipped {t.label}: {reason}"
            skipped[note] = skipped.get(note, 0) + 1
            checks.append(
                GateCheck(
                    c.id, c.document, t.metric, t.label, "skipped", None, t.value, note, c.path
                )
            )
            continue
        ok = t.passes(value)
        checks.append(
            GateCheck(
                c.id,
                c.document,
                t.metric,
                t.label,
                "passed" if ok else "failed",
                round(value, 6),
                t.value,
                "" if ok else _failure_message(c.id, t, value),
                c.path,
            )
        )
    from harness.metrics import families

    for name, fam in families().items():
        checks.extend(fam.gate_checks(c, c.scores.get(name), config, documents, computed, skipped))
    return checks


def _mean_checks(
    means: Mapping[str, float], config: GateConfig, computed: set[str], skipped: dict[str, int]
) -> list[GateCheck]:
    checks: list[GateCheck] = []
    for t in config.scoped("mean"):
        key = t.metric
        if key not in means:
            family = _metric(t.metric).family  # type: ignore[union-attr]
            reason = (
                f"{family} not computed in this run"
                if family not in computed
                else "no candidate has this metric"
            )
            note = f"skipped {t.label}: {reason}"
            skipped[note] = skipped.get(note, 0) + 1
            checks.append(GateCheck(None, None, t.name, t.label, "skipped", None, t.value, note))
            continue
        value = float(means[key])
        ok = t.passes(value)
        checks.append(
            GateCheck(
                None,
                None,
                t.name,
                t.label,
                "passed" if ok else "failed",
                round(value, 6),
                t.value,
                "" if ok else _failure_message("run", t, value),
            )
        )
    return checks


SKIPPED_KEPT = 1000  # streamed runs keep this many skipped checks in detail


class GateAccumulator:
    """Evaluates the gate one candidate at a time.

    With `keep_checks=False` (streamed runs) only failed and skipped checks are kept,
    plus a count of the rest, so memory stays flat however many candidates there are.
    """

    def __init__(
        self,
        config: GateConfig,
        documents: Mapping[str, Document] | None,
        computed: set[str],
        keep_checks: bool = True,
        max_failures: int | None = None,
    ) -> None:
        self.config = config
        self.documents = documents
        self.computed = computed
        self.keep_checks = keep_checks
        self.max_failures = max_failures  # failed checks kept in detail; the rest are counted
        self.checks: list[GateCheck] = []
        self.passed_count = 0
        self.failed_kept = 0
        self.failures_dropped = 0
        self.skipped_checks = 0
        self.errors: list[ScoringError] = []
        self.skipped: dict[str, int] = {}

    def _keep(self, checks: list[GateCheck]) -> None:
        if self.keep_checks:
            self.checks.extend(checks)
            return
        for k in checks:
            if k.status == "passed":
                self.passed_count += 1
            elif k.status == "failed" and self.max_failures is not None:
                if self.failed_kept < self.max_failures:
                    self.failed_kept += 1
                    self.checks.append(k)
                else:
                    self.failures_dropped += 1
            elif k.status == "failed" or k.candidate is None:
                self.checks.append(k)
            else:
                # a skipped check is summarised once in `notes`; keep only the first few
                self.skipped_checks += 1
                if self.skipped_checks <= SKIPPED_KEPT:
                    self.checks.append(k)

    def add(self, c: CandidateResult) -> None:
        if c.status != "ok":
            self.errors.append(ScoringError(c.id, c.document, c.error or "could not be scored"))
            return
        self._keep(_candidate_checks(c, self.config, self.documents, self.computed, self.skipped))

    def finish(self, means: Mapping[str, float]) -> GateResult:
        self._keep(_mean_checks(means, self.config, self.computed, self.skipped))
        failures = tuple(
            GateFailure(k.candidate, k.document, k.metric, k.value, k.threshold, k.message)
            for k in self.checks
            if k.status == "failed"
        )
        notes = tuple(
            note + (f" ({n} candidates)" if n > 1 else "") for note, n in self.skipped.items()
        )
        return GateResult(
            not failures and not self.failures_dropped,
            failures,
            tuple(self.checks),
            notes,
            tuple(self.errors),
            self.passed_count + max(0, self.skipped_checks - SKIPPED_KEPT),
            self.failures_dropped,
        )


def evaluate_gate(
    run: RunResult,
    config: GateConfig,
    documents: Mapping[str, Document] | None = None,
) -> GateResult:
    """Check a scored run against the gate; required facts come from `documents`."""
    from harness.metrics import families

    computed = set(run.settings.get("metrics") or families())
    acc = GateAccumulator(config, documents, computed)
    for c in run.candidates:
        acc.add(c)
    return acc.finish(run.summary.means)


def required_fact_checks(
    c: CandidateResult,
    result: Any,
    documents: Mapping[str, Document] | None,
    computed: set[str],
    skipped: dict[str, int],
) -> list[GateCheck]:
    if documents is None or c.document is None or c.document not in documents:
        return []
    factset = documents[c.document].facts
    if factset is None:
        return []
    required = [f for f in factset.facts if getattr(f, "required", False)]
    if not required:
        return []
    if result is None:
        note = (
            "skipped required facts: facts not computed in this run "
            f"(--metrics {','.join(sorted(computed))})"
        )
        skipped[note] = skipped.get(note, 0) + 1
        return [
            GateCheck(
                c.id,
                c.document,
                f"fact:{f.id}",
                f"fact:{f.id} (required)",
                "skipped",
                None,
                "present",
                note,
                c.path,
            )
            for f in required
        ]
    verdicts = {r.id: r for r in result.results}
    out = []
    for f in required:
        r = verdicts.get(f.id)
        verdict = r.verdict if r is not None else "absent"
        ok = verdict == "present"
        message = ""
        if not ok:
            what = "contradicts" if verdict == "contradicted" else "lacks"
            message = f"{c.id}: {what} required fact {f.id}"
            statement = getattr(f, "statement", "")
            if statement:
                message += f" ({statement})"
            if verdict == "contradicted" and r is not None and r.evidence:
                message += f"; evidence: {r.evidence!r}"
        out.append(
            GateCheck(
                c.id,
                c.document,
                f"fact:{f.id}",
                f"fact:{f.id} (required)",
                "passed" if ok else "failed",
                verdict,
                "present",
                message,
                c.path,
                tuple(r.span) if (r is not None and r.span and not ok) else None,  # type: ignore[arg-type]
            )
        )
    return out


# ---------------------------------------------------------------- output


def gate_to_dict(result: GateResult) -> dict[str, Any]:
    """The JSON report's `gate` object."""
    return {
        "passed": result.passed,
        "checks": result.total,
        "failures_total": result.failed_count,
        "failures": [
            {
                "candidate": f.candidate,
                "document": f.document,
                "metric": f.metric,
                "value": f.value,
                "threshold": f.threshold,
                "message": f.message,
            }
            for f in result.failures
        ],
        "skipped": list(result.notes),
        "errors": [
            {"candidate": e.candidate, "document": e.document, "error": e.error}
            for e in result.errors
        ],
    }


def failure_rows(result: GateResult) -> list[tuple[str, str, str, str]]:
    """(candidate, metric, value, threshold) per failure, for tables."""
    rows = []
    several = len({k.document for k in result.checks if k.document is not None}) > 1
    for f in result.failures:
        who = f.candidate if f.candidate is not None else "(run mean)"
        if (
            several
            and f.document
            and f.candidate is not None
            and not f.candidate.startswith(f"{f.document}/")  # folder ids carry it already
        ):
            who = f"{f.document}/{f.candidate}"
        rows.append(
            tuple(
                printable(x)
                for x in (who, f.metric, format_number(f.value), format_number(f.threshold))
            )
        )
    return rows


def verdict_line(result: GateResult) -> str:
    n = result.total
    if n == 0:
        return "gate: passed (nothing to check: no thresholds, no required facts)"
    if result.passed:
        return f"gate: passed ({n} checks)"
    return f"gate: FAILED ({result.failed_count} of {n} checks failed)"


MAX_SHOWN = 30  # failures listed in text output; the machine formats carry all of them


def render_gate_text(result: GateResult) -> str:
    """A plain-text verdict and failures list, printed below the table."""
    lines = [verdict_line(result)]
    rows = failure_rows(result)
    hidden = max(0, result.failed_count - MAX_SHOWN)  # streamed runs count past those kept
    rows = rows[:MAX_SHOWN]
    if rows:
        head = ("candidate", "metric", "value", "threshold")
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
        for row in [head, *rows]:
            cells = (cell.ljust(w) for cell, w in zip(row, widths, strict=True))
            lines.append(("  " + "  ".join(cells)).rstrip())
    if hidden:
        lines.append(f"  ... and {hidden} more failures (all are in --format json or junit)")
    for e in result.errors[:MAX_SHOWN]:
        lines.append(
            f"  not scored (exit 1, not a gate failure): {printable(e.candidate)}: "
            f"{printable(e.error)}"
        )
    if len(result.errors) > MAX_SHOWN:
        lines.append(f"  ... and {len(result.errors) - MAX_SHOWN} more not scored")
    return "\n".join(lines) + "\n"
