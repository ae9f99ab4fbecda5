"""Pick the spans of the blind flag-precision sample (tests/data/grounding_flags_refs.jsonl).

Summaries: the 11 human reference summaries of each SummEval development article
(data/summeval/dev.jsonl), which grounding was never developed on (its development used
the system summaries). Spans: every number, date, name and quote grounding flags in them,
mixed with as many of the specifics it does not flag (a seeded draw,
numpy.random.default_rng(31)), in a seeded random order. The labeler sees only
`spans.jsonl` (article, reference, span, offsets, the reference text): nothing says
which spans were flagged. Which were is written apart, to `key.jsonl`, and joined to the
labels only after every label is written.

    python bench/sample_flags_refs.py OUTDIR      # writes OUTDIR/spans.jsonl, OUTDIR/key.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from harness.grounding import analyse_article, ground, specifics
from harness.text import fold_keep_offsets, sentence_spans

REPO = Path(__file__).resolve().parent.parent
SPECIFIC_KINDS = ("number", "date", "entity", "quote")


def collect() -> tuple[list[dict], list[dict]]:
    """Every flagged specific and every unflagged one, each as a row without its verdict."""
    flagged: list[dict] = []
    unflagged: list[dict] = []
    for line in (REPO / "data/summeval/dev.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        analysis = analyse_article(doc["article"])
        for k, ref in enumerate(doc["references"]):
            result = ground(ref, analysis=analysis)
            hit = {f.span for f in result.flags if f.kind in SPECIFIC_KINDS}
            text = fold_keep_offsets(ref)
            for sp in specifics(text, sentence_spans(text)):
                row = {
                    "article": doc["id"],
                    "reference": k,
                    "span": ref[sp.start : sp.end],
                    "start": sp.start,
                    "end": sp.end,
                    "summary": ref,
                }
                (flagged if (sp.start, sp.end) in hit else unflagged).append(row)
    return flagged, unflagged


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    flagged, unflagged = collect()
    rng = np.random.default_rng(31)
    masked = [unflagged[i] for i in sorted(rng.choice(len(unflagged), len(flagged), replace=False))]
    rows = [(r, True) for r in flagged] + [(r, False) for r in masked]
    order = rng.permutation(len(rows))
    with (
        (out / "spans.jsonl").open("w", encoding="utf-8") as spans,
        (out / "key.jsonl").open("w", encoding="utf-8") as key,
    ):
        for item, i in enumerate(order, 1):
            row, was_flagged = rows[i]
            spans.write(json.dumps({"item": item, **row}) + "\n")
            key.write(json.dumps({"item": item, "flagged": was_flagged}) + "\n")
    print(f"{len(flagged)} flagged + {len(masked)} unflagged spans", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
