"""One definition per metric: metric descriptors and the metric-family registry.

A **metric** has one name, used everywhere: the JSON report (`candidates[].metrics`,
`summary.means`), the gate (`--fail-under NAME=VALUE`, `[tool.harness.gate] NAME`),
`compare`, and the table, CSV, Markdown and HTML columns. Its `Metric` descriptor carries
the label, the short column title, the range, the direction (higher or lower is better)
and the family that computes it.

A **family** (`MetricFamily`) scores a chunk of candidates and owns everything about its
results: the metrics it declares, its part of the run's signature, the per-candidate
result's JSON (`to_json` / `from_json`, also the cache's payload), the cache key of one
candidate (made from the same parts as its signature), extra summary aggregates, extra
gate checks and options, and an extra text column. The built-in families (ROUGE,
embedding, facts) register exactly as an outside package does: a class named in the
entry-point group `harness.metrics`, or `register(cls)` at run time.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from harness.errors import ConfigError

if TYPE_CHECKING:
    from harness.gate import GateCheck, GateConfig
    from harness.loading import Candidate, Document
    from harness.results import CandidateResult

ENTRY_POINT_GROUP = "harness.metrics"
BUILTIN = (
    "harness.families.rouge:RougeFamily",
    "harness.families.embedding:EmbeddingFamily",
    "harness.families.facts:FactsFamily",
    "harness.families.grounding:GroundingFamily",
)


@dataclass(frozen=True)
class Metric:
    """One metric, one name."""

    name: str  # rouge1, embedding_max, coverage, contradicted, ...
    label: str  # "ROUGE-1 F": headings, HTML cards
    short: str  # "R1": table column titles
    family: str  # the family that computes it
    low: float = 0.0
    high: float = 1.0
    higher_is_better: bool = True
    count: bool = False  # a whole number per candidate (a per-candidate limit is whole too)
    column: bool = True  # shown in the table, Markdown and HTML candidate table
    chart: bool = True  # a distribution chart in the HTML report

    @property
    def direction(self) -> str:
        return "higher" if self.higher_is_better else "lower"

    def check_value(self, value: float, source: str, path: Any = None) -> float:
        """A threshold on this metric, checked against its range (a ConfigError otherwise)."""
        if not self.low <= value <= self.high:
            high = "" if math.isinf(self.high) else f" and {self.high:g}"
            what = f"between {self.low:g}{high}" if high else f"{self.low:g} or more"
            raise ConfigError(f"{source} must be {what}, got {value!r}", path)
        return float(value)


@dataclass(frozen=True)
class GateOption:
    """A family's own gate flag, e.g. `--max-contradicted N` (a shorthand for a threshold)."""

    flag: str  # "--max-contradicted"
    metric: str
    scope: str = "candidate"  # or "mean"
    help: str = ""


class ScoreError(str):
    """A family's per-candidate failure (the candidate is reported as an error)."""


class MetricFamily:
    """Base class of a metric family; subclass it and register the subclass.

    Class attributes describe the family; an instance holds its engines for one run
    (`__init__(documents, context)`, heavy imports there or later, never at module level).
    """

    name: ClassVar[str] = ""
    metrics: ClassVar[tuple[Metric, ...]] = ()
    gate_options: ClassVar[tuple[GateOption, ...]] = ()
    column: ClassVar[tuple[str, str] | None] = None  # (key, title) of an extra text column

    def __init__(self, documents: Mapping[str, Document], context: RunContext) -> None:
        self.documents = documents
        self.context = context

    # ---------------------------------------------------------------- a run
    def signature(self) -> list[str]:
        """`key:value` parts naming everything behind this family's numbers."""
        return []

    def settings(self) -> dict[str, Any]:
        """Keys this family adds to the report's `settings`."""
        return {}

    def applies(self, candidate: Candidate) -> bool:
        """Whether this family scores `candidate` at all (facts: its document has facts)."""
        return True

    def score(self, candidates: Sequence[Candidate]) -> list[Any]:
        """One result per candidate, in order; a `ScoreError` fails that candidate only."""
        raise NotImplementedError

    def cache_key(self, candidate: Candidate) -> str | None:
        """The per-candidate cache key (None: never cached). Build it from the same parts
        as `signature()` plus the candidate's text, so a changed setting misses."""
        return None

    def warnings(self, candidate: Candidate, result: Any) -> tuple[str, ...]:
        return ()

    def close(self, abort: bool = False) -> None:
        """Release engines and worker processes."""

    # ---------------------------------------------------------------- results
    @classmethod
    def values(cls, result: Any) -> dict[str, float]:
        """The declared metrics' values for one result (a metric may be missing)."""
        raise NotImplementedError

    @classmethod
    def to_json(cls, result: Any) -> Any:
        """The result as JSON (the report's `candidates[].<family>`); from_json reads it back."""
        raise NotImplementedError

    @classmethod
    def from_json(cls, data: Any) -> Any:
        """A result from `to_json`'s output, or None when it is damaged."""
        raise NotImplementedError

    @classmethod
    def cache_dump(cls, result: Any) -> Any:
        return cls.to_json(result)

    @classmethod
    def cache_load(cls, data: Any) -> Any:
        return cls.from_json(data)

    @classmethod
    def cell(cls, result: Any) -> str:
        """The text of the family's extra column (`column`) for one result."""
        return ""

    @classmethod
    def cell_summary(cls, means: Mapping[str, float]) -> str:
        """The summary row's text in the family's extra column (facts: mean coverage)."""
        return ""

    @classmethod
    def check_json(cls, data: Any, where: str) -> str | None:
        """A report read back is untrusted: the first problem in this family's object, or None."""
        return None

    # ---------------------------------------------------------------- summary
    @classmethod
    def aggregate(cls) -> Aggregate | None:
        """Extra summary keys beyond the means (facts: per-fact verdict rates), or None."""
        return None

    # ---------------------------------------------------------------- gate
    @classmethod
    def failure_detail(cls, result: Any, metric: str) -> tuple[str, tuple[int, int] | None]:
        """What a failed threshold on `metric` adds to its message (grounding: the spans
        flagged), and the candidate span a CI annotation points at; ("", None) for none."""
        return "", None

    @classmethod
    def gate_checks(
        cls,
        candidate: CandidateResult,
        result: Any,
        config: GateConfig,
        documents: Mapping[str, Document] | None,
        computed: set[str],
        skipped: dict[str, int],
    ) -> list[GateCheck]:
        """Checks beyond the metric thresholds (facts: `required = true` facts)."""
        return []


class Aggregate:
    """Accumulates one family's extra summary over results, one at a time (streamed runs)."""

    def add(self, result: Any) -> None:
        raise NotImplementedError

    def build(self) -> dict[str, Any]:
        raise NotImplementedError


@dataclass
class RunContext:
    """What a family instance may use during a run: the settings and shared resources."""

    config: Any  # harness.run.RunConfig
    encoder: Any = None
    _cache: Any = None

    def cache(self):
        """The run's SQLite cache (embeddings and per-candidate results), or None."""
        if not self.config.use_cache:
            return None
        if self._cache is None:
            from harness.cache import EmbeddingCache

            self._cache = EmbeddingCache(self.config.cache_dir)
        return self._cache

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None


# -------------------------------------------------------------------- the registry

_FAMILIES: dict[str, type[MetricFamily]] = {}
_LOADED = False


def _load(spec: str) -> type[MetricFamily]:
    from importlib import import_module

    module, _, attr = spec.partition(":")
    return getattr(import_module(module), attr)


def register(family: type[MetricFamily]) -> type[MetricFamily]:
    """Register a family class (also usable as a decorator); a new name must be unique."""
    _ensure_loaded()
    _add(family)
    return family


def _add(family: type[MetricFamily]) -> None:
    if not family.name or not family.metrics:
        raise ConfigError(f"metric family {family!r} declares no name or no metrics")
    taken = {m.name: f.name for f in _FAMILIES.values() for m in f.metrics if f.name != family.name}
    for m in family.metrics:
        if m.name in taken:
            raise ConfigError(
                f"metric {m.name!r} of {family.name!r} is already {taken[m.name]!r}'s"
            )
        if m.family != family.name:
            raise ConfigError(f"metric {m.name!r} names family {m.family!r}, not {family.name!r}")
    _FAMILIES[family.name] = family


def unregister(name: str) -> None:
    _FAMILIES.pop(name, None)


def _ensure_loaded() -> None:
    global _LOADED
    if _LOADED:
        return
    _LOADED = True
    for spec in BUILTIN:
        _add(_load(spec))
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in _FAMILIES:
            continue
        try:
            _add(ep.load())
        except Exception as exc:  # a broken plugin is reported, never fatal to the others
            import sys

            print(f"harness: warning: metric family {ep.name!r}: {exc}", file=sys.stderr)


def families() -> dict[str, type[MetricFamily]]:
    """Every registered family, by name, in registration order."""
    _ensure_loaded()
    return dict(_FAMILIES)


def family(name: str) -> type[MetricFamily]:
    found = families().get(name)
    if found is None:
        raise ConfigError(f"unknown metric family {name!r} (choose from {', '.join(_FAMILIES)})")
    return found


def all_metrics() -> dict[str, Metric]:
    """Every metric of every family, by name, in family order."""
    return {m.name: m for f in families().values() for m in f.metrics}


def metric(name: str) -> Metric | None:
    return all_metrics().get(name)


def metric_names(kind: str = "all") -> tuple[str, ...]:
    """Names of `higher`-is-better, `lower`-is-better or `all` metrics."""
    return tuple(m.name for m in all_metrics().values() if kind == "all" or m.direction == kind)


def builtin_families() -> list[type[MetricFamily]]:
    """The built-in families alone, without scanning entry points (cheap at start-up)."""
    return [_load(spec) for spec in BUILTIN]


def gate_options() -> tuple[GateOption, ...]:
    """Every registered family's own gate flags."""
    return tuple(o for f in families().values() for o in f.gate_options)


def result_values(scores: Mapping[str, Any]) -> dict[str, float]:
    """Metric values of one candidate's family results (`CandidateResult.scores`)."""
    out: dict[str, float] = {}
    regs = families()
    for fam, result in scores.items():
        if result is not None and fam in regs:
            out.update(regs[fam].values(result))
    return out


def ordered(names: Iterable[str]) -> list[str]:
    """`names` in registry order (unknown names last, in their own order)."""
    order = {n: i for i, n in enumerate(all_metrics())}
    return sorted(dict.fromkeys(names), key=lambda n: order.get(n, len(order)))
