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
    coverage = 1.0                 # per candidate: fail when under (any name of MIN_METRICS)
    rouge1 = 0.30
    max-contradicted = 0           # per candidate: fail when more facts are contradicted
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
from harness.gate import MAX_METRICS, MIN_METRICS, GateConfig, Threshold

HARNESS_TOML = "harness.toml"
PYPROJECT = "pyproject.toml"
BOOL_KEYS = ("required-facts",)
RANGES = {
    "coverage": (0.0, 1.0),
    "rouge1": (0.0, 1.0),
    "rouge2": (0.0, 1.0),
    "rougeL": (0.0, 1.0),
    "rougeLsum": (0.0, 1.0),
    "embedding": (-1.0, 1.0),
    "embedding_mean": (-1.0, 1.0),
    "embedding_article": (-1.0, 1.0),
}


def _names() -> str:
    return ", ".join(MIN_METRICS)


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
        metric = key[4:]
        if metric not in MAX_METRICS:
            raise ConfigError(
                f"{where} unknown key {key!r} (only max-contradicted has a maximum)", path
            )
        return Threshold(metric, _number(value, metric, scope, source, path), scope, origin)
    if key in MAX_METRICS:
        raise ConfigError(f"{where} {key!r} is lower-is-better: write max-{key} = N instead", path)
    if key not in MIN_METRICS:
        extra = ", required-facts, mean" if scope == "candidate" else ""
        raise ConfigError(
            f"{where} unknown metric {key!r} (choose from {_names()}, max-contradicted{extra})",
            path,
        )
    return Threshold(key, _number(value, key, scope, source, path), scope, origin)


def _number(value: Any, metric: str, scope: str, source: str, path: Path | str | None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ConfigError(f"{source} must be a number, got {value!r}", path)
    if metric in MAX_METRICS:
        if value < 0:
            raise ConfigError(f"{source} must be 0 or more, got {value!r}", path)
        if scope == "candidate":
            if float(value) != int(value):
                raise ConfigError(f"{source} must be a whole number, got {value!r}", path)
            return int(value)
        return float(value)
    low, high = RANGES[metric]
    if not low <= value <= high:
        raise ConfigError(f"{source} must be between {low:g} and {high:g}, got {value!r}", path)
    return float(value)


# ---------------------------------------------------------------- command line


def parse_cli_thresholds(
    fail_under: Iterable[str] = (),
    max_contradicted: int | None = None,
    max_mean_contradicted: float | None = None,
) -> list[Threshold]:
    """Thresholds from `--fail-under NAME=VALUE` (NAME may be `mean.NAME`) and the max options."""
    out: list[Threshold] = []
    for spec in fail_under:
        name, sep, raw = spec.partition("=")
        name = name.strip()
        option = f"--fail-under {spec}"
        if not sep or not name or not raw.strip():
            raise ConfigError(
                f"{option}: expected NAME=VALUE, e.g. coverage=1.0 or mean.rouge1=0.4"
            )
        scope = "candidate"
        if name.startswith("mean."):
            scope, name = "mean", name[5:]
        if name in MAX_METRICS:
            flag = "--max-contradicted" if scope == "candidate" else "--max-mean-contradicted"
            raise ConfigError(f"{option}: {name} is lower-is-better; use {flag}")
        if name not in MIN_METRICS:
            raise ConfigError(
                f"{option}: unknown metric {name!r} (choose from {_names()}, "
                "or mean.<metric> for the run's mean)"
            )
        try:
            value = float(raw)
        except ValueError:
            raise ConfigError(f"{option}: {raw.strip()!r} is not a number") from None
        value = _number(value, name, scope, option, None)
        out.append(Threshold(name, value, scope, "--fail-under"))
    if max_contradicted is not None:
        value = _number(max_contradicted, "contradicted", "candidate", "--max-contradicted", None)
        out.append(Threshold("contradicted", value, "candidate", "--max-contradicted"))
    if max_mean_contradicted is not None:
        value = _number(
            max_mean_contradicted, "contradicted", "mean", "--max-mean-contradicted", None
        )
        out.append(Threshold("contradicted", value, "mean", "--max-mean-contradicted"))
    return out
