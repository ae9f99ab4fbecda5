"""The whole JSON report of the demo candidates, pinned field by field.

`tests/data/expected_demo_report.json` is what `harness score candidates --metrics
rouge,facts --format json` writes in the repository root (the gate from pyproject.toml
included). Any difference is listed path by path (`candidates[3].facts.results[1].verdict:
expected 'present', got 'absent'`). The file changes only by an explicit command, after
reading that list and deciding the new numbers are right:

    PYTHONPATH=. python tests/test_golden_report.py --update
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
EXPECTED = REPO / "tests" / "data" / "expected_demo_report.json"
ARGS = ["score", "candidates", "--references", "references", "--metrics", "rouge,facts",
        "--format", "json", "--no-progress", "--no-cache"]  # fmt: skip
UPDATE = "PYTHONPATH=. python tests/test_golden_report.py --update"


def demo_report() -> dict[str, Any]:
    import os

    from harness.cli import main

    old = Path.cwd()
    os.chdir(REPO)
    try:
        result = CliRunner().invoke(main, ARGS)
    finally:
        os.chdir(old)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def flatten(obj: Any, path: str = "") -> dict[str, Any]:
    """{'candidates[0].metrics.rouge1': 0.41, ...}: every leaf by its path."""
    if isinstance(obj, dict):
        out: dict[str, Any] = {} if obj else {path: {}}
        for k, v in obj.items():
            out.update(flatten(v, f"{path}.{k}" if path else str(k)))
        return out
    if isinstance(obj, list):
        out = {} if obj else {path: []}
        for i, v in enumerate(obj):
            out.update(flatten(v, f"{path}[{i}]"))
        return out
    return {path: obj}


def differences(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    want, got = flatten(expected), flatten(actual)
    out = []
    for key in dict.fromkeys([*want, *got]):
        if key not in got:
            out.append(f"{key}: expected {want[key]!r}, missing now")
        elif key not in want:
            out.append(f"{key}: not expected, now {got[key]!r}")
        elif want[key] != got[key] or type(want[key]) is not type(got[key]):
            out.append(f"{key}: expected {want[key]!r}, got {got[key]!r}")
    return out


def test_demo_report_matches_the_stored_one() -> None:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    diffs = differences(expected, demo_report())
    shown = "\n  ".join(diffs[:40]) + (
        f"\n  ... and {len(diffs) - 40} more" if len(diffs) > 40 else ""
    )
    assert not diffs, (
        f"{len(diffs)} field(s) of the demo report differ from {EXPECTED.name}:\n  {shown}\n"
        f"If every change is intended, regenerate it with: {UPDATE}"
    )


def test_differences_are_listed_by_path() -> None:
    a = {"candidates": [{"id": "x", "metrics": {"rouge1": 0.5}}], "gate": {"passed": True}}
    b = {"candidates": [{"id": "x", "metrics": {"rouge1": 0.25}}], "gate": {"passed": True},
         "extra": 1}  # fmt: skip
    assert differences(a, b) == [
        "candidates[0].metrics.rouge1: expected 0.5, got 0.25",
        "extra: not expected, now 1",
    ]


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit(f"usage: {UPDATE}")
    EXPECTED.write_text(json.dumps(demo_report(), ensure_ascii=False, indent=2) + "\n",
                        encoding="utf-8")  # fmt: skip
    print(f"wrote {EXPECTED.relative_to(REPO)}")
