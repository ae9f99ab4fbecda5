"""The embedding cache: corrupt or truncated files are rebuilt, locks are not corruption,
and two runs sharing one cache at once both finish with the right numbers."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from harness.cache import EmbeddingCache, _is_corrupt


def vec(text: str, dim: int = 16) -> np.ndarray:
    seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")
    v = np.random.default_rng(seed).standard_normal(dim).astype(np.float32)
    return v / np.linalg.norm(v)


def filled(folder: Path, n: int = 2000) -> tuple[EmbeddingCache, dict[str, np.ndarray]]:
    cache = EmbeddingCache(folder)
    vectors = {f"text number {i} " * 10: vec(f"t{i}", 64) for i in range(n)}
    cache.put_many("m", vectors)
    cache.close()
    return cache, vectors


def assert_roundtrip(folder: Path, vectors: dict[str, np.ndarray]) -> None:
    cache = EmbeddingCache(folder)
    cache.put_many("m", vectors)
    got = cache.get_many("m", list(vectors))
    cache.close()
    assert len(got) == len(vectors)
    for text, v in vectors.items():
        np.testing.assert_array_equal(got[text], v)


def test_roundtrip(tmp_path: Path) -> None:
    _, vectors = filled(tmp_path)
    cache = EmbeddingCache(tmp_path)
    got = cache.get_many("m", list(vectors))
    assert len(got) == len(vectors)
    assert cache.get_many("other-model", list(vectors)) == {}


def _damage(path: Path, how: str) -> None:
    size = path.stat().st_size
    if how == "garbage":
        path.write_bytes(b"this is not a database" * 500)
    elif how == "truncated":
        with path.open("r+b") as f:
            f.truncate(size // 2)
    elif how == "zeroed-header":
        with path.open("r+b") as f:
            f.write(b"\x00" * 100)
    elif how == "scribbled-pages":
        data = bytearray(path.read_bytes())
        for i in range(8192, len(data) - 4096, 4096):
            data[i : i + 64] = b"\xff" * 64
        path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["garbage", "truncated", "zeroed-header", "scribbled-pages"])
def test_corrupt_cache_is_detected_and_rebuilt(
    tmp_path: Path, how: str, capsys: pytest.CaptureFixture
) -> None:
    cache, vectors = filled(tmp_path)
    _damage(cache.path, how)
    fresh = EmbeddingCache(tmp_path)
    got = fresh.get_many("m", list(vectors))
    fresh.close()
    # nothing wrong is ever returned: either the damage was caught (cache moved aside) or
    # only intact rows come back
    for text, v in got.items():
        np.testing.assert_array_equal(v, vectors[text])
    err = capsys.readouterr().err
    if len(got) < len(vectors):
        assert "is corrupt; rebuilding" in err
        assert (tmp_path / f"{cache.path.name}.corrupt").exists()
    assert_roundtrip(tmp_path, vectors)


def test_damaged_rows_are_recomputed_not_returned(tmp_path: Path) -> None:
    cache, vectors = filled(tmp_path, 10)
    texts = list(vectors)
    from harness.cache import text_key

    db = sqlite3.connect(cache.path)
    db.execute("UPDATE vec SET data = ? WHERE key = ?", (b"\x00\x01", text_key("m", texts[0])))
    db.execute("UPDATE vec SET dim = 3 WHERE key = ?", (text_key("m", texts[1]),))
    nan = np.full(64, np.nan, dtype=np.float32).tobytes()
    db.execute("UPDATE vec SET data = ? WHERE key = ?", (nan, text_key("m", texts[2])))
    db.execute("UPDATE vec SET data = 'text' WHERE key = ?", (text_key("m", texts[3]),))
    db.execute("UPDATE vec SET data = NULL WHERE key = ?", (text_key("m", texts[4]),))
    db.commit()
    db.close()
    got = EmbeddingCache(tmp_path).get_many("m", texts)
    assert set(got) == set(texts[5:])


def test_unusable_cache_folder_only_disables_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = EmbeddingCache(blocker / "cache")
    cache.put_many("m", {"a": vec("a")})
    assert cache.get_many("m", ["a"]) == {}
    assert cache.disabled
    assert "cache disabled" in capsys.readouterr().err


def test_a_locked_cache_is_not_treated_as_corrupt(tmp_path: Path) -> None:
    _, vectors = filled(tmp_path, 5)
    locked = sqlite3.OperationalError("database is locked")
    locked.sqlite_errorcode = 5  # SQLITE_BUSY
    assert not _is_corrupt(locked)
    malformed = sqlite3.DatabaseError("database disk image is malformed")
    malformed.sqlite_errorcode = 11
    assert _is_corrupt(malformed)
    notadb = sqlite3.DatabaseError("file is not a database")
    assert _is_corrupt(notadb)

    holder = sqlite3.connect(tmp_path / "embeddings-v2.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another run holds the write lock
    try:
        cache = EmbeddingCache(tmp_path)
        cache._connect()
        assert cache._db is not None
        cache._db.execute("PRAGMA busy_timeout = 50")
        cache.put_many("m", {"new": vec("new")})  # times out: skipped, not "corrupt"
        cache.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not (tmp_path / "embeddings-v2.sqlite.corrupt").exists()
    assert len(EmbeddingCache(tmp_path).get_many("m", list(vectors))) == 5


WORKER = textwrap.dedent(
    """
    import hashlib, json, sys
    import numpy as np
    from harness.loading import load_references, Candidate
    from harness.run import RunConfig, Scorer

    class Encoder:
        name = "fake-16"
        def __init__(self):
            self.encoded = 0
        def encode(self, texts):
            self.encoded += len(texts)
            out = []
            for t in texts:
                seed = int.from_bytes(hashlib.sha256(t.encode()).digest()[:8], "big")
                v = np.random.default_rng(seed).standard_normal(16).astype(np.float32)
                out.append(v / np.linalg.norm(v))
            return np.stack(out)
        def cache_key(self):
            return self.name

    which, cache_dir, refs, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    from pathlib import Path
    docs = load_references(Path(refs))
    doc = next(iter(docs))
    start = 0 if which == "a" else n // 2  # half the texts overlap
    items = [Candidate(f"c{i}", f"c{i}", doc, f"summary {i} " * 5) for i in range(start, start + n)]
    encoder = Encoder()
    import harness.run
    harness.run.CHUNK = 25  # many small cache writes, interleaved with the other run
    scorer = Scorer(docs, RunConfig(metrics=("embedding",), cache_dir=cache_dir), encoder=encoder)
    results = list(scorer.iter_results(items))
    scorer.close()
    print(json.dumps({r.id: round(r.embedding.max, 6) for r in results}))
    """
)


def test_two_runs_sharing_a_cache_at_once_both_finish(tmp_path: Path) -> None:
    refs = tmp_path / "references" / "doc"
    refs.mkdir(parents=True)
    (refs / "article.txt").write_text("An article about a park.", encoding="utf-8")
    (refs / "ref.txt").write_text("A park summary.", encoding="utf-8")
    (tmp_path / "worker.py").write_text(WORKER, encoding="utf-8")
    cache_dir = tmp_path / "cache"
    n = 1500
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    refs_dir = str(tmp_path / "references")
    procs = [
        subprocess.Popen(
            [sys.executable, "worker.py", which, str(cache_dir), refs_dir, str(n)],
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for which in ("a", "b")
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert "warning" not in err and "Traceback" not in err  # not corrupt, never disabled
    a, b = (json.loads(out) for out, _ in outs)
    assert len(a) == n and len(b) == n
    for cid in set(a) & set(b):  # the overlap got the same numbers in both runs
        assert a[cid] == b[cid]
    # every text either run encoded is in the cache, intact
    texts = {f"summary {i} " * 5 for i in range(0, n + n // 2)}
    got = EmbeddingCache(cache_dir).get_many("fake-16", texts)
    assert len(got) == len(texts)
    for text, v in got.items():
        np.testing.assert_allclose(v, vec(text), rtol=0, atol=0)
    assert not list(cache_dir.glob("*.corrupt"))
