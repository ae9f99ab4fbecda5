"""harness: score candidate summaries on ROUGE, embedding similarity and required facts.

The library API, importable from the package (loaded lazily, so `harness --help` stays fast)::

    import harness

    dataset = harness.load_dataset("candidates", references="references")
    run = harness.score(dataset, harness.RunConfig(metrics=("rouge", "facts")))
    run.candidates[0].rouge.best["rougeL"].fmeasure
    facts = dataset.documents["my-article"].facts
    harness.check_facts("The museum will not reopen this year.", facts)
    harness.explain_fact("The museum will not reopen this year.", facts.get("closed")).reason
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_dataset": "harness.loading",
    "load_references": "harness.loading",
    "RunConfig": "harness.run",
    "GateConfig": "harness.gate",
    "load_gate_config": "harness.config",
    "Scorer": "harness.run",
    "score": "harness.run",
    "evaluate": "harness.pipeline",
    "register_family": "harness.metrics",
    "check_facts": "harness.matcher",
    "explain_fact": "harness.matcher",
    "load_facts": "harness.facts",
    "run_to_dict": "harness.results",
    "load_report": "harness.results",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'harness' has no attribute {name!r}")
    attr = "register" if name == "register_family" else name
    return getattr(import_module(module), attr)
