"""The same inputs give byte-identical reports, whatever order files are created or listed in."""

from __future__ import annotations

import json
import os
import random
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.cli import main

ARTICLE = (
    "The city council approved a new park on Monday. The park will open in spring "
    "and include a playground. Funding comes from a state grant of two million dollars."
)
REFS = {
    "ref-b.txt": "A state grant of two million dollars funds a new park approved by the council.",
    "ref-a.md": "- The council approved a park.\n- It opens in spring with a playground.",
    "ref-c.txt": "Council backs park; grant pays.",
}
FACTS = """\
[[fact]]
id = "park-approved"
statement = "The council approved a new park."
slots = { who = ["council"], did = ["approv*", "back*"], what = ["park"] }

[[fact]]
id = "grant"
statement = "A state grant pays for the park."
slots = { what = ["grant"] }
"""
CANDIDATES = {
    "b/two.txt": "The council approved a park. A grant of two million dollars pays for it.",
    "a.md": "- Park approved by council\n- Opens in spring",
    "c.txt": "Stocks fell sharply. Oil rose by one third, 1/3, a repeating 0.333...",
    "a/one.txt": "The park opens in spring. The council did not approve it.",
    "z.txt": "Совет одобрил парк. Cristóbal 🎉",
    "empty.txt": "",
    "bad.txt": b"caf\xe9",
    "m.md": "A state grant pays. " * 40,
}


def build(root: Path, seed: int) -> None:
    """The same tree, created in a seed-dependent order with seed-dependent mtimes."""
    rng = random.Random(seed)
    doc = root / "references" / "park"
    doc.mkdir(parents=True)
    items = [("references/park/article.txt", ARTICLE), ("references/park/facts.toml", FACTS)]
    items += [(f"references/park/{k}", v) for k, v in REFS.items()]
    items += [(f"c/{k}", v) for k, v in CANDIDATES.items()]
    rng.shuffle(items)
    for rel, content in items:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        stamp = time.time() - rng.randint(0, 10_000_000)
        os.utime(path, (stamp, stamp))


def report(root: Path, fmt: str, *extra: str) -> bytes:
    old = Path.cwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(
            main,
            ["score", "c", "--metrics", "rouge,facts", "--format", fmt, "--no-progress", *extra],
            catch_exceptions=False,
        )
    finally:
        os.chdir(old)
    assert result.exit_code == 1  # bad.txt is not UTF-8
    return result.stdout_bytes


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "markdown"])
def test_creation_order_and_mtimes_do_not_change_a_byte(tmp_path: Path, fmt: str) -> None:
    root = tmp_path / "project"  # the same path each time: paths are part of the report
    outputs = []
    for seed in (1, 2, 3):
        build(root, seed)
        outputs.append(report(root, fmt))
        shutil.rmtree(root)
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0]


def test_listing_order_does_not_change_a_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(tmp_path, 7)
    forward = report(tmp_path, "json")
    real_scandir = os.scandir

    def reversed_scandir(path):
        entries = list(real_scandir(path))
        entries.reverse()
        return iter(entries)

    monkeypatch.setattr(os, "scandir", reversed_scandir)
    real_iterdir = Path.iterdir
    monkeypatch.setattr(
        Path, "iterdir", lambda self: iter(sorted(real_iterdir(self), reverse=True))
    )
    backward = report(tmp_path, "json")
    assert forward == backward


def test_json_shape_is_stable(tmp_path: Path) -> None:
    build(tmp_path, 0)
    data = json.loads(report(tmp_path, "json"))
    assert list(data)[:5] == ["schema_version", "signature", "settings", "summary", "candidates"]
    ids = [c["id"] for c in data["candidates"]]
    assert ids == sorted(ids)
    assert ids == ["a", "a/one", "b/two", "bad", "c", "empty", "m", "z"]
    for c in data["candidates"]:
        families = ["rouge", "facts"] if c["status"] == "ok" else []
        assert list(c) == [
            "id", "path", "document", "status", "error", "warnings", "metrics", *families,
        ]  # fmt: skip

    def floats(obj):
        if isinstance(obj, float):
            yield obj
        elif isinstance(obj, dict):
            for v in obj.values():
                yield from floats(v)
        elif isinstance(obj, list):
            for v in obj:
                yield from floats(v)

    for x in floats(data):
        assert round(x, 6) == x  # rounded once, printed by repr: no 0.30000000000000004


def test_jsonl_input_order_is_kept_and_reruns_are_identical(tmp_path: Path) -> None:
    build(tmp_path, 0)
    lines = [
        json.dumps({"id": f"x{i}", "summary": f"The council approved park {i}."}) for i in (3, 1, 2)
    ]
    (tmp_path / "p.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        runs = [
            CliRunner().invoke(main, ["score", "p.jsonl", "--metrics", "rouge,facts", "--format",
                                      "json", "--no-progress"]).stdout_bytes
            for _ in range(2)
        ]  # fmt: skip
    finally:
        os.chdir(old)
    assert runs[0] == runs[1]
    assert [c["id"] for c in json.loads(runs[0])["candidates"]] == ["x3", "x1", "x2"]
