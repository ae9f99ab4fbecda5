"""Loading the gate configuration from files and command-line options.

Where thresholds come from, highest precedence first:

1. command-line options (`--fail-under NAME=VALUE`, `--max-contradicted N`,
   `--max-mean-contradicted X`), each replacing the file's threshold on the same
   metric and scope;
2. the config file: `--config FILE` when given, else `harness.toml` in the current
   directory (table `[gate]`), else `pyproject.toml` in the current directory (table
   `[tool.harness.gate]`). The first file found is used whole; files are never merged.

The table::

    [tool.harness.gate]            # [gate] in harness.toml
    coverage = 1.0                 # per candidate: fail when under (any higher-is-better metric)
    rouge1 = 0.30
    max-contradicted = 0           # per candidate: fail when over (max-NAME: lower-is-better)
    required-facts = true          # facts marked `required = true` must be present (default)

    [tool.harness.gate.mean]       # [gate.mean]: the same names on the run's means
    rougeL = 0.25
    max-contradicted = 0.2

An unknown key or a value out of range is a ConfigError (exit 2) naming the file and key.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from harness.errors import ConfigError
from harness.gate import GateConfig, Threshold
from harness.metrics import Metric, metric_names
from harness.results import LEGACY_METRIC_NAMES

HARNESS_TOML = "harness.toml"
PYPROJECT = "pyproject.toml"


def _names(kind: str = "higher") -> str:
    return ", ".join(metric_names(kind))


def _lookup(name: str) -> Metric | None:
    """The metric named `name` (0.1.0's `embedding` is `embedding_max`), or None."""
    from harness.metrics import metric

    return metric(LEGACY_METRIC_NAMES.get(name, name))


def find_config_file(cwd: Path) -> tuple[Path, tuple[str, ...]] | None:
    """The config file in `cwd` and the table path of its gate, or None."""
    harness_toml = cwd / HARNESS_TOML
    if harness_toml.is_file():
        return harness_toml, ("gate",)
    pyproject = cwd / PYPROJECT
    if pyproject.is_file():
        data = _read_toml(pyproject)
        if isinstance(data.get("tool"), dict) and "harness" in data["tool"]:
            return pyproject, ("tool", "harness", "gate")
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            raw = handle.read()
        return tomllib.loads(raw.decode("utf-8-sig"))  # a BOM (Windows editors) is allowed
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML ({exc})", path) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"config file is not valid UTF-8 (byte at offset {exc.start}); re-encode it as UTF-8",
            path,
        ) from None
    except OSError as exc:
        raise ConfigError(f"cannot read config: {exc.strerror or exc}", path) from None


def load_gate_config(
    cwd: Path | None = None,
    config_file: Path | None = None,
    overrides: Iterable[Threshold] = (),
) -> GateConfig:
    """The gate of a run: a config file (named, else found in `cwd`) with `overrides` on top."""
    if config_file is not None:
        if not config_file.is_file():
            raise ConfigError("config file not found", config_file)
        table_path = ("tool", "harness", "gate") if config_file.name == PYPROJECT else ("gate",)
        config = parse_gate_file(config_file, table_path, must_exist=True)
    else:
        found = find_config_file(cwd or Path.cwd())
        config = parse_gate_file(*found) if found else GateConfig()
    return config.with_thresholds(tuple(overrides))


def parse_gate_file(
    path: Path, table_path: tuple[str, ...], must_exist: bool = False
) -> GateConfig:
    data: Any = _read_toml(path)
    for key in table_path:
        data = data.get(key) if isinstance(data, dict) else None
    header = "[" + ".".join(table_path) + "]"
    if data is None:
        if must_exist:
            raise ConfigError(f"no {header} table", path)
        return GateConfig(source=str(path))
    if not isinstance(data, dict):
        raise ConfigError(f"{header} must be a table", path)
    return parse_gate_table(data, header, path)


def parse_gate_table(
    table: dict[str, Any], where: str, path: Path | str | None = None
) -> GateConfig:
    """Validate one gate table; errors name the file (`path`), the table (`where`) and the key."""
    thresholds: list[Threshold] = []
    required_facts = True
    for key, value in table.items():
        if key == "mean":
            if not isinstance(value, dict):
                raise ConfigError(f"{where} mean must be a table", path)
            mean_where = where[:-1] + ".mean]" if where.endswith("]") else f"{where}.mean"
            for mkey, mvalue in value.items():
                thresholds.append(_threshold(mkey, mvalue, "mean", mean_where, path))
        elif key == "required-facts":
            if not isinstance(value, bool):
                raise ConfigError(f"{where} required-facts must be true or false", path)
            required_facts = value
        else:
            thresholds.append(_threshold(key, value, "candidate", where, path))
    return GateConfig(tuple(thresholds), required_facts, str(path) if path else None)


def _threshold(key: str, value: Any, scope: str, where: str, path: Path | str | None) -> Threshold:
    source = f"{where} {key}"
    origin = f"{Path(path).name} {source}" if path else source
    if key.startswith("max-"):
        m = _lookup(key[4:])
        if m is None or m.higher_is_better:
            raise ConfigError(
                f"{where} unknown key {key!r} (max-NAME is for lower-is-better metrics: "
                f"{_names('lower')})",
                path,
            )
        return Threshold(m.name, _number(value, m, scope, source, path), scope, origin)
    m = _lookup(key)
    if m is not None and not m.higher_is_better:
        raise ConfigError(f"{where} {key!r} is lower-is-better: write max-{key} = N instead", path)
    if m is None:
        extra = ", required-facts, mean" if scope == "candidate" else ""
        raise ConfigError(
            f"{where} unknown metric {key!r} (choose from {_names()}, max-NAME for "
            f"{_names('lower')}{extra})",
            path,
        )
    return Threshold(m.name, _number(value, m, scope, source, path), scope, origin)


def _number(value: Any, m: Metric, scope: str, source: str, path: Path | str | None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ConfigError(f"{source} must be a number, got {value!r}", path)
    if m.count and scope == "candidate":
        if value < m.low:
            raise ConfigError(f"{source} must be {m.low:g} or more, got {value!r}", path)
        if float(value) != int(value):
            raise ConfigError(f"{source} must be a whole number, got {value!r}", path)
        return int(value)
    return m.check_value(value, source, path)


# ---------------------------------------------------------------- command line


def parse_cli_thresholds(
    fail_under: Iterable[str] = (),
    fail_over: Iterable[str] = (),
    options: Iterable[tuple[str, str, str, float]] = (),
) -> list[Threshold]:
    """Thresholds from `--fail-under NAME=VALUE` (higher-is-better metrics), `--fail-over
    NAME=VALUE` (lower-is-better; NAME may be `mean.NAME` in both) and the families' own
    gate options, given as (flag, metric, scope, value)."""
    out: list[Threshold] = []
    for flag, specs, kind in (
        ("--fail-under", fail_under, "higher"),
        ("--fail-over", fail_over, "lower"),
    ):
        for spec in specs:
            out.append(_cli_threshold(flag, spec, kind))
    for flag, name, scope, value in options:
        m = _lookup(name)
        assert m is not None, name
        out.append(Threshold(m.name, _number(value, m, scope, flag, None), scope, flag))
    return out


def _cli_threshold(flag: str, spec: str, kind: str) -> Threshold:
    name, sep, raw = spec.partition("=")
    name = name.strip()
    option = f"{flag} {spec}"
    if not sep or not name or not raw.strip():
        example = "coverage=1.0 or mean.rouge1=0.4" if kind == "higher" else "contradicted=0"
        raise ConfigError(f"{option}: expected NAME=VALUE, e.g. {example}")
    scope = "candidate"
    if name.startswith("mean."):
        scope, name = "mean", name[5:]
    m = _lookup(name)
    if m is not None and m.direction != kind:
        other = "--fail-over" if kind == "higher" else "--fail-under"
        raise ConfigError(f"{option}: {name} is {m.direction}-is-better; use {other}")
    if m is None:
        raise ConfigError(
            f"{option}: unknown metric {name!r} (choose from {_names(kind)}, "
            "or mean.<metric> for the run's mean)"
        )
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"{option}: {raw.strip()!r} is not a number") from None
    return Threshold(m.name, _number(value, m, scope, option, None), scope, flag)
