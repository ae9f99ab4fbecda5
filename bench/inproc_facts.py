"""In-process time of the facts metric alone: harness.matcher.check_facts over every candidate.

python bench/inproc_facts.py CANDIDATES(.jsonl|DIR) REFERENCES  -> prints JSON
"""

import json
import sys
import time
from pathlib import Path

from harness.loading import Candidate, iter_candidates, load_references
from harness.matcher import check_facts

documents = load_references(Path(sys.argv[2]))
items = [c for c in iter_candidates(Path(sys.argv[1]), documents) if isinstance(c, Candidate)]
factsets = {d: doc.facts for d, doc in documents.items()}
if not any(factsets.values()):
    sys.exit("no facts.toml under the references: nothing to check")
check_facts(items[0].text, factsets[items[0].document])  # compile patterns outside the timing
t0 = time.perf_counter()
n = 0
for c in items:
    fs = factsets[c.document]
    if fs is not None:
        check_facts(c.text, fs)
        n += 1
dt = time.perf_counter() - t0
print(json.dumps({"candidates": n, "seconds": dt, "per_candidate_ms": 1000 * dt / max(1, n)}))
