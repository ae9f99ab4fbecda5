"""Extract XSumFaith (BBC articles with real system summaries) from the AggreFact workbooks.

Source: XSumFaith (Maynez et al., 2020, "On Faithfulness and Factuality in Abstractive
Summarization"): 500 XSum test articles (BBC), summaries by four systems (PtGen, TConvS2S,
TranS2S, BERTS2S) and the XSum reference ("Gold"), as redistributed in the public repository
Liyan06/AggreFact (`data/AggreFact-Unified-val.xlsx`, `-test.xlsx`). Texts are unchanged.

The same workbooks also carry CLIFF (Cao and Wang, 2021, "CLIFF: Contrastive Learning for
Improving Faithfulness and Factuality in Abstractive Summarization"): BART and PEGASUS
summaries of XSum articles, cased as the systems wrote them; `--dataset CLIFF` extracts those.

A development-time step, run once; it needs openpyxl, which harness does not depend on:

    python scripts/xsumfaith_extract.py VAL.xlsx TEST.xlsx > /tmp/xsumfaith_all.jsonl
    python scripts/xsumfaith_extract.py --dataset CLIFF VAL.xlsx TEST.xlsx > /tmp/cliff_all.jsonl

One line per (article id, system): id, model, summary, article.
"""

from __future__ import annotations

import json
import sys


def main(argv: list[str]) -> int:
    import openpyxl

    dataset, paths = "xsumfaith", argv
    if argv[:1] == ["--dataset"] and len(argv) > 1:
        dataset, paths = argv[1], argv[2:]
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2

    rows: dict[tuple[str, str], dict] = {}
    docs: dict[str, str] = {}  # CLIFF's rows leave `doc` empty; XSumFaith's rows of the id have it
    for path in paths:
        book = openpyxl.load_workbook(path, read_only=True)
        for sheet in book.worksheets:
            it = sheet.iter_rows(values_only=True)
            head = next(it)
            if "doc" not in head:
                continue  # the CNN/DM sheets carry no article text
            for values in it:
                d = dict(zip(head, values, strict=False))
                if d["doc"]:
                    docs[str(d["id"])] = d["doc"]
                if d["dataset"] != dataset:
                    continue
                key = (str(d["id"]), str(d["model_name"]))
                rows[key] = {
                    "id": key[0],
                    "model": key[1],
                    "summary": d["summ"],
                    "article": d["doc"],
                }
    for key in sorted(rows):
        row = rows[key]
        row["article"] = row["article"] or docs.get(row["id"])
        if not row["article"]:
            print(f"{key}: no article text in the workbooks; left out", file=sys.stderr)
            continue
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
