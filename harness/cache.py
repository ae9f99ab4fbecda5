"""A disk cache of embeddings keyed by model, settings and text hash, and of fact verdicts
keyed by the matcher, the parser, the facts file and the text.

One SQLite file (stdlib `sqlite3`, WAL mode) so two runs sharing the cache at
once both finish; a corrupt or unreadable cache is moved aside and rebuilt,
never fatal. Location: `--cache-dir`, else `$HARNESS_CACHE_DIR`, else
`$XDG_CACHE_HOME/harness`, else `~/.cache/harness`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

SCHEMA = 2  # 2: every row carries a checksum of its key, length and bytes
NORM_TOLERANCE = 1e-2  # every encoder returns unit vectors (fp16 on a GPU: within 1e-3)


DEFAULT_MAX_ROWS = 2_000_000  # per family: ~3 GB of 384-dim vectors at the most


def max_rows() -> int:
    """How many entries each family keeps (`$HARNESS_CACHE_MAX_ROWS`); the oldest go first."""
    try:
        return max(1, int(os.environ.get("HARNESS_CACHE_MAX_ROWS", DEFAULT_MAX_ROWS)))
    except ValueError:
        return DEFAULT_MAX_ROWS


def default_cache_dir() -> Path:
    if env := os.environ.get("HARNESS_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "harness"


def text_key(model_key: str, text: str) -> str:
    return hashlib.sha256(f"{model_key}\x00{text}".encode("utf-8", "surrogatepass")).hexdigest()


def row_check(key: str, dim: int, data: bytes) -> bytes:
    """The checksum stored beside a vector: a row whose bytes were zeroed, scribbled or
    swapped with another row's no longer matches it."""
    return hashlib.blake2b(f"{key}\x00{dim}\x00".encode() + data, digest_size=16).digest()


def _unit(vec: np.ndarray) -> bool:
    """Finite and of unit length: what every encoder returns (a zero row is not)."""
    import numpy as np

    if not np.all(np.isfinite(vec)):
        return False
    return abs(float(np.linalg.norm(vec.astype(np.float64))) - 1.0) <= NORM_TOLERANCE


class EmbeddingCache:
    def __init__(self, folder: Path | str | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_cache_dir()
        self.path = self.folder / f"embeddings-v{SCHEMA}.sqlite"
        self._db: sqlite3.Connection | None = None
        self.disabled = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or self.disabled:
            return self._db
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._db = self._open_retrying()
        except sqlite3.DatabaseError as exc:
            self._recover(exc)
        except OSError as exc:
            print(
                f"harness: warning: cache disabled ({self.folder}: {exc.strerror})", file=sys.stderr
            )
            self.disabled = True
        return self._db

    def _open_retrying(self, patience: float = 30.0) -> sqlite3.Connection:
        """Open, retrying while another run holds a lock that SQLite does not wait for itself
        (switching a new file to WAL, WAL recovery): two runs starting at once both get it."""
        delay, deadline = 0.02, time.monotonic() + patience
        while True:
            try:
                return self._open()
            except sqlite3.OperationalError as exc:
                if _is_corrupt(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 0.5)

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS vec "
                "(key TEXT PRIMARY KEY, dim INTEGER, data BLOB, checksum BLOB)"
            )
            db.execute("CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT)")
            db.execute(
                "SELECT count(*) FROM vec WHERE key = ''"
            ).fetchone()  # touch: detects corruption
        except BaseException:
            db.close()
            raise
        return db

    def _recover(self, exc: sqlite3.DatabaseError) -> None:
        """Rebuild a corrupt cache; any other failure (locked, I/O) only disables it for this run.

        Moving aside a healthy cache that another run holds locked would lose its vectors.
        """
        if _is_corrupt(exc):
            self._rebuild()
            return
        print(
            f"harness: warning: cache disabled for this run ({self.path}: {exc})", file=sys.stderr
        )
        self.close()
        self.disabled = True

    def _rebuild(self) -> None:
        print(
            f"harness: warning: embedding cache {self.path} is corrupt; rebuilding", file=sys.stderr
        )
        if self._db is not None:
            self._db.close()
            self._db = None
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.replace(f"{self.path}{suffix}", f"{self.path}{suffix}.corrupt")
        try:
            self._db = self._open()
        except (sqlite3.DatabaseError, OSError):
            self.disabled = True

    def get_many(self, model_key: str, texts: Iterable[str]) -> dict[str, np.ndarray]:
        import numpy as np  # here, not at import: a rerun served whole by results needs none

        texts = list(texts)
        db = self._connect()
        if db is None or not texts:
            return {}
        keys = {text_key(model_key, t): t for t in texts}
        out: dict[str, np.ndarray] = {}
        try:
            items = list(keys)
            for start in range(0, len(items), 500):
                chunk = items[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT key, dim, data, checksum FROM vec WHERE key IN ({marks})", chunk
                )
                for key, dim, data, check in rows:
                    if key not in keys or not isinstance(data, bytes) or not isinstance(dim, int):
                        continue  # a damaged row is simply recomputed (and rewritten)
                    if check != row_check(key, dim, data):
                        continue  # zeroed, scribbled or swapped bytes
                    try:
                        vec = np.frombuffer(data, dtype=np.float32)
                    except (TypeError, ValueError):
                        continue  # not a float32 blob
                    if vec.shape != (dim,) or not _unit(vec):
                        continue  # zeros, NaN, a wrong norm: never returned
                    out[keys[key]] = vec
        except sqlite3.DatabaseError as exc:
            self._recover(exc)
            return {}
        return out

    def put_many(self, model_key: str, vectors: dict[str, np.ndarray]) -> None:
        import numpy as np

        db = self._connect()
        if db is None or not vectors:
            return
        rows = []
        for t, v in vectors.items():
            v = np.asarray(v, dtype=np.float32)
            if v.ndim != 1 or not _unit(v):
                continue  # would never be accepted back: not worth a row
            key, data = text_key(model_key, t), v.tobytes()
            rows.append((key, int(v.shape[0]), data, row_check(key, int(v.shape[0]), data)))
        if rows:
            self._write(db, "INSERT OR REPLACE INTO vec VALUES (?, ?, ?, ?)", rows)

    def _write(self, db: sqlite3.Connection, sql: str, rows: list) -> None:
        table = "vec" if " vec " in sql else "kv"
        try:
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.executemany(sql, rows)
                # bounded: past the limit the oldest rows (lowest rowid) make room
                lo, hi = db.execute(f"SELECT min(rowid), max(rowid) FROM {table}").fetchone()
                limit = max_rows()
                if hi is not None and hi - lo + 1 > limit:
                    db.execute(f"DELETE FROM {table} WHERE rowid <= ?", (hi - limit,))
        except sqlite3.DatabaseError as exc:
            if _is_corrupt(exc):
                self._rebuild()
            else:  # locked past the timeout, disk full: the rows are simply not cached
                print(f"harness: warning: cache write skipped ({exc})", file=sys.stderr)

    def info(self) -> dict[str, object]:
        """Where the cache is, its size, and its entries per family."""
        out: dict[str, object] = {"path": str(self.path), "exists": self.path.exists()}
        size = 0
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                size += os.path.getsize(f"{self.path}{suffix}")
        out["bytes"] = size
        out["max_rows_per_family"] = max_rows()
        db = self._connect() if self.path.exists() else None
        counts = {"embeddings": 0, "facts": 0}
        if db is not None:
            try:
                counts["embeddings"] = db.execute("SELECT count(*) FROM vec").fetchone()[0]
                for family, n in db.execute(
                    f"SELECT {_FAMILY_OF_KEY}, count(*) FROM kv GROUP BY 1"
                ):
                    counts[family] = counts.get(family, 0) + n
            except sqlite3.DatabaseError as exc:
                self._recover(exc)
        out["entries"] = counts
        return out

    def clear(self, family: str = "all") -> dict[str, int]:
        """Delete the entries of one family ("embeddings": the vectors and the embedding
        family's cosines; "embedding", "facts", "rouge", ...) or all; how many per family."""
        db = self._connect()
        gone = {"embeddings": 0, "facts": 0}
        if db is None:
            return gone
        if family in ("all", "embeddings"):
            with db:
                db.execute("BEGIN IMMEDIATE")
                gone["embeddings"] = db.execute("DELETE FROM vec").rowcount
        # "embeddings" also takes the embedding family's cosines (computed from the vectors)
        results = "embedding" if family == "embeddings" else family
        with db:
            db.execute("BEGIN IMMEDIATE")
            for fam, n in db.execute(f"SELECT {_FAMILY_OF_KEY}, count(*) FROM kv GROUP BY 1"):
                if results in ("all", fam):
                    gone[fam] = n
            if results == "all":
                db.execute("DELETE FROM kv")
            else:
                db.execute(f"DELETE FROM kv WHERE {_FAMILY_OF_KEY} = ?", (results,))
        db.execute("VACUUM")
        return gone

    def get_json_many(self, keys: Iterable[str]) -> dict[str, object]:
        """Stored JSON values by key (the families' per-candidate results); unreadable rows
        are simply missing."""
        import json

        keys = list(dict.fromkeys(keys))
        db = self._connect()
        if db is None or not keys:
            return {}
        out: dict[str, object] = {}
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                for key, value in db.execute(
                    f"SELECT key, value FROM kv WHERE key IN ({marks})", chunk
                ):
                    try:
                        out[key] = json.loads(value)
                    except (TypeError, ValueError):
                        continue  # a damaged row is recomputed
        except sqlite3.DatabaseError as exc:
            self._recover(exc)
            return {}
        return out

    def put_json_many(self, values: dict[str, object]) -> None:
        import json

        db = self._connect()
        if db is None or not values:
            return
        rows = [(k, json.dumps(v, separators=(",", ":"))) for k, v in values.items()]
        self._write(db, "INSERT OR REPLACE INTO kv VALUES (?, ?)", rows)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


# A per-candidate result's key is "<family>:<hash>" (harness.run); a bare hash is a fact
# verdict stored before families had names.
_FAMILY_OF_KEY = (
    "CASE WHEN instr(key, ':') > 0 THEN substr(key, 1, instr(key, ':') - 1) ELSE 'facts' END"
)

_CORRUPT_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB


def _is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    """A damaged or foreign file (rebuild it), as opposed to a lock or I/O error (keep it)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text
