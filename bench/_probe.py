"""Run `harness` exactly like its console script, then record which heavy modules got imported.

    BENCH_PROBE_OUT=FILE python bench/_probe.py score ...

At exit, FILE receives a JSON list of the loaded top-level modules among torch,
sentence_transformers, transformers, tokenizers, safetensors, rouge_score,
rouge_score_rs, sentencex, spacy, rich, numpy, jinja2 (an atexit hook, so it also runs
when the CLI calls sys.exit).
"""

import atexit
import json
import os
import sys

WATCH = (
    "torch",
    "sentence_transformers",
    "transformers",
    "tokenizers",
    "safetensors",
    "rouge_score",
    "rouge_score_rs",
    "sentencex",
    "spacy",
    "rich",
    "numpy",
    "jinja2",
)


def _dump() -> None:
    loaded = sorted(m for m in WATCH if m in sys.modules)
    with open(os.environ["BENCH_PROBE_OUT"], "w", encoding="utf-8") as fh:
        json.dump(loaded, fh)


atexit.register(_dump)
sys.argv[0] = "harness"
from harness.cli import main  # noqa: E402

sys.exit(main())
