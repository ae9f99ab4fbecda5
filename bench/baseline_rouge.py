"""Baseline: a plain rouge-score loop over a folder of candidates (what users would write).

python bench/baseline_rouge.py CANDIDATES_DIR REFERENCES_DOC_DIR OUT.json
"""

import json
import sys
from pathlib import Path

from rouge_score import rouge_scorer

cands_dir, doc_dir, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
refs = [
    p.read_text("utf-8")
    for p in sorted(doc_dir.iterdir())
    if p.suffix in (".txt", ".md") and p.name != "article.txt"
]
# rouge-score's defaults (no stemming), which are the harness's
scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"])
results = {}
for path in sorted(cands_dir.glob("*.txt")):
    scores = scorer.score_multi(refs, path.read_text("utf-8"))
    results[path.stem] = {t: [s.precision, s.recall, s.fmeasure] for t, s in scores.items()}
out.write_text(json.dumps(results))
