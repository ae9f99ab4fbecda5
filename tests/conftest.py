"""Shared fixtures: a fake embedding model for fast unit tests, tiny reference folders."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parent.parent


class FakeEncoder:
    """Bag-of-words hashed into 64 dimensions, L2-normalised: similar words, similar vectors."""

    name = "fake-bow-64"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts):
        self.calls.append(list(texts))
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "big")
                out[i, h % 64] += 1.0
            norm = np.linalg.norm(out[i])
            out[i] = out[i] / norm if norm else out[i]
            if not norm:
                out[i, 0] = 1.0
        return out

    def cache_key(self) -> str:
        return self.name


@pytest.fixture
def fake_encoder() -> FakeEncoder:
    return FakeEncoder()


ARTICLE = (
    "The city council approved a new park on Monday. The park will open in spring "
    "and include a playground. Funding comes from a state grant of two million dollars."
)


def made_up_facts(toml: str):
    """The facts of a TOML text written for a test (a made-up topic), as document
    "made-up"."""
    import tomllib

    from harness.facts import parse_facts

    return parse_facts(tomllib.loads(toml), "made-up")


def parsed_facts(toml: str):
    """`made_up_facts(toml)` for tests of rules that read the dependency parse, which
    fail, not skip, without the English pipeline (a dependency of harness)."""
    from harness import syntax

    assert syntax.parser() is not None, "the English pipeline is a dependency of harness"
    return made_up_facts(toml)


def verdict_of(facts, text: str, fact: str) -> str:
    """The verdict `harness.matcher.check_facts` gives FACT of the made-up facts on TEXT."""
    from harness.matcher import check_facts

    result = check_facts(text, facts).get(fact)
    assert result is not None, f"no fact {fact!r}"
    return result.verdict


def make_refs(root: Path, docs: dict[str, list[str]] | None = None) -> Path:
    """references/<doc>/article.txt plus reference summaries; returns the references folder."""
    docs = docs or {
        "park": [
            "The council approved a park that opens in spring with a playground.",
            "A state grant of two million dollars funds a new park approved by the council.",
        ]
    }
    refs = root / "references"
    for doc, summaries in docs.items():
        folder = refs / doc
        folder.mkdir(parents=True)
        (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
        for i, text in enumerate(summaries):
            (folder / f"ref-{i}.txt").write_text(text, encoding="utf-8")
    return refs


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A temp project: references/park with two references and three candidates."""
    make_refs(tmp_path)
    cands = tmp_path / "candidates"
    cands.mkdir()
    (cands / "good.txt").write_text(
        "The council approved a new park. It opens in spring with a playground.", encoding="utf-8"
    )
    (cands / "short.txt").write_text("A park.", encoding="utf-8")
    (cands / "other.md").write_text("- Stocks fell sharply\n- Oil prices rose", encoding="utf-8")
    return tmp_path


def score_facts_json(refs: Path, cands: Path, out: Path, *extra: str) -> dict:
    """`harness score CANDS --metrics facts --format json -o OUT --no-gate`, read back."""
    import json

    from click.testing import CliRunner

    from harness.cli import main

    args = ["score", str(cands), "--references", str(refs), "--metrics", "facts"]
    run = CliRunner().invoke(
        main,
        [*args, *extra, "--format", "json", "-o", str(out), "--no-gate"],
        catch_exceptions=False,
    )
    assert run.exit_code == 0, run.output
    return json.loads(out.read_text())


# The demo candidates the README and tests/data/demo_expected.toml describe as good summaries
# (no invented specifics, nothing contradicted).
DEMO_GOOD = (
    "excellent-abstract",
    "excellent-bullets",
    "good-missing-article5",
    "good-missing-uk-chair",
    "paraphrased-heavy",
    "lead-extractive",
    "very-long",
    "very-short",
    "british-spelling",
)


def park_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-document project (references/park) with a good and a bad candidate, made the
    current folder, with no GitHub step summary in the environment."""
    doc = tmp_path / "references" / "park"
    doc.mkdir(parents=True)
    (doc / "article.txt").write_text("The council approved a park. It opens in spring.")
    (doc / "ref.txt").write_text("The council approved a park that opens in spring.")
    cands = tmp_path / "candidates"
    cands.mkdir()
    (cands / "good.txt").write_text("The council approved a park that opens in spring.")
    (cands / "bad.txt").write_text("Stocks fell.")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def run_on_pty(args: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str, str]:
    """`python -m harness.cli ARGS` with stdin and stdout on a pseudo-terminal (stderr
    piped): (exit code, what the terminal showed, stderr)."""
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "harness.cli", *args],
        cwd=cwd,
        stdin=follower,
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:  # the terminal closed: the command has exited
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    return proc.wait(timeout=300), out.decode("utf-8", "replace"), err
