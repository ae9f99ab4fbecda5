"""Merging shard reports (`harness score --shard I/N`) into the report of one run.

Every shard of the split must be there, once, with the same signature and settings; no
candidate id may appear in two shards. Candidates are put back in their one-run order
(`settings.shard.positions`), the summary is recomputed from the shards' exact sums (means
equal to a one-run's) and the candidates' results (the families' aggregates), and the gate
is evaluated afresh on the merged results.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from harness.errors import ConfigError
from harness.shard import SETTINGS_KEY


@dataclass(frozen=True)
class Merged:
    """The merged run and its gate (as `harness.pipeline.Outcome`)."""

    outcome: Any  # harness.pipeline.Outcome
    shards: int


def _shard_block(data: Mapping[str, Any], path: Path) -> dict[str, Any]:
    block = (data.get("settings") or {}).get(SETTINGS_KEY)
    ok = (
        isinstance(block, dict)
        and isinstance(block.get("index"), int)
        and isinstance(block.get("count"), int)
        and isinstance(block.get("positions"), list)
        and isinstance(block.get("sums"), dict)
        and isinstance(block.get("counts"), dict)
    )
    if not ok:
        raise ConfigError("not a shard report (write one with `harness score --shard I/N`)", path)
    if len(block["positions"]) != len(data["candidates"]):
        raise ConfigError("shard report damaged: positions and candidates differ in number", path)
    return block


def merge_reports(
    paths: Sequence[Path], gate_config: Any = None, documents: Mapping[str, Any] | None = None
) -> Merged:
    """Read, check and merge shard reports; a ConfigError (one line) when they do not fit."""
    from harness.results import candidate_from_dict, load_report

    if not paths:
        raise ConfigError("name the shard reports to merge")
    reports = [(Path(p), load_report(p)) for p in paths]
    blocks = [_shard_block(data, path) for path, data in reports]
    first_path, first = reports[0]
    count = blocks[0]["count"]
    base_settings = _without_shard(first["settings"])
    seen: dict[int, Path] = {}
    owner: dict[str, Path] = {}
    for (path, data), block in zip(reports, blocks, strict=True):
        if data["signature"] != first["signature"]:
            raise ConfigError(f"signature differs from {first_path}'s; not the same run", path)
        if _without_shard(data["settings"]) != base_settings:
            raise ConfigError(f"settings differ from {first_path}'s; not the same run", path)
        if block["count"] != count:
            raise ConfigError(f"shard of {block['count']}, but {first_path} is of {count}", path)
        if block["index"] in seen:
            raise ConfigError(
                f"shard {block['index']}/{count} is also {seen[block['index']]}", path
            )
        seen[block["index"]] = path
        for c in data["candidates"]:
            other = owner.get(c["id"])
            if other is not None and other != path:
                raise ConfigError(f"candidate id {c['id']!r} is also in {other}", path)
            owner[c["id"]] = path
    missing = [f"{i}/{count}" for i in range(1, count + 1) if i not in seen]
    if missing:
        raise ConfigError(f"shard(s) {', '.join(missing)} missing; merge needs all {count}")

    placed = []
    for (_, data), block in zip(reports, blocks, strict=True):
        placed += zip(block["positions"], data["candidates"], strict=True)
    if not placed:
        raise ConfigError("no candidates in any shard")
    placed.sort(key=lambda pc: pc[0])
    results = [candidate_from_dict(c) for _, c in placed]
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    for block in sorted(blocks, key=lambda b: b["index"]):
        for name, value in block["sums"].items():
            sums[name] = sums.get(name, 0.0) + float(value)
            counts[name] = counts.get(name, 0) + int(block["counts"].get(name, 0))
    return Merged(
        _finish(results, first, base_settings, sums, counts, gate_config, documents), count
    )


def _without_shard(settings: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in settings.items() if k != SETTINGS_KEY}


def _finish(results, first, settings, sums, counts, gate_config, documents):
    """The summary (exact means) and the gate over the merged results."""
    from harness.gate import GateAccumulator
    from harness.metrics import families, ordered
    from harness.pipeline import Outcome, gated_metrics
    from harness.results import RunResult
    from harness.run import SummaryBuilder

    builder = SummaryBuilder()
    for r in results:
        builder.add(r)
    summary = builder.build()
    means = {k: sums[k] / counts[k] for k in ordered(sums) if counts.get(k)}
    if set(means) == set(summary.means):  # the shards' exact sums, not rounded values
        summary = replace(summary, means=means)
    gate = None
    if gate_config is not None:
        computed = set(settings.get("metrics") or families())
        acc = GateAccumulator(gate_config, documents, computed)
        for r in results:
            acc.add(r)
        gate = acc.finish(summary.means)
    run = RunResult(tuple(results), summary, first["signature"], settings)
    return Outcome(run, gate, None, gated_metrics(gate_config))
