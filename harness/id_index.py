"""The ids a run has seen, kept compactly, for the duplicate and look-alike checks.

A streamed run must stay flat in memory, so the ids themselves are never kept: each is
an 8-byte digest with its location (a JSONL line number or a file's position), about
12 bytes an id. A digest is only a hint: a hit is confirmed on the real ids (the
earlier line read back from the file, the earlier file's name), so two different ids
that share a digest never make a wrong duplicate error or look-alike warning.

`IdIndex` holds the (digest, location) pairs in 256 sorted numpy arrays split by the
digest's top byte, plus a dict of the latest few thousand: adding stays cheap, and a
flush copies one small array at a time, never the whole index (no transient double).
`LineLocator` finds a JSONL line again from a sparse list of line offsets.
"""

from __future__ import annotations

import bisect
import hashlib
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

BUCKETS = 256


def digest(*parts: str) -> int:
    """A signed 64-bit BLAKE2b digest of the parts (NUL-separated; lone surrogates kept)."""
    h = hashlib.blake2b(digest_size=8)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return int.from_bytes(h.digest(), "little", signed=True)


class IdIndex:
    """A multimap digest -> locations, in the order they were added.

    Locations are whole numbers >= 0, kept as uint32 until one does not fit (then
    int64). 1,000,000 ids take 12 MB.
    """

    PENDING = 4096

    def __init__(self) -> None:
        self._pending: dict[int, int] = {}
        self._keys: list[Any] | None = None  # per bucket: numpy int64, sorted
        self._values: list[Any] | None = None
        self._size = 0
        self._wide = False  # values over uint32

    def get_all(self, key: int) -> list[int]:
        """Every location added with `key`, oldest first (one, unless digests collide)."""
        out: list[int] = []
        if self._keys is not None:
            import numpy as np

            b = (key >> 56) & 0xFF
            keys = self._keys[b]
            k = np.int64(key)
            lo = int(keys.searchsorted(k, "left"))
            hi = int(keys.searchsorted(k, "right"))
            if hi > lo:
                out.extend(int(v) for v in self._values[b][lo:hi])
        found = self._pending.get(key)
        if found is not None:
            out.append(found)
        return out

    def add(self, key: int, value: int) -> None:
        if key in self._pending:  # a second id with this digest: keep both, in order
            self._flush()
        self._pending[key] = value
        if value > 0xFFFFFFFF and not self._wide:
            self._widen()
        if len(self._pending) >= max(self.PENDING, self._size // 256):
            self._flush()

    def _widen(self) -> None:
        self._wide = True
        if self._values is not None:
            import numpy as np

            self._values = [v.astype(np.int64) for v in self._values]

    def _flush(self) -> None:
        import numpy as np

        if not self._pending:
            return
        vtype = np.int64 if self._wide else np.uint32
        if self._keys is None:
            self._keys = [np.empty(0, np.int64) for _ in range(BUCKETS)]
            self._values = [np.empty(0, vtype) for _ in range(BUCKETS)]
        n = len(self._pending)
        keys = np.fromiter(self._pending.keys(), np.int64, n)
        values = np.fromiter(self._pending.values(), vtype, n)
        order = np.argsort(keys, kind="stable")
        keys, values = keys[order], values[order]
        buckets = (keys >> 56) & 0xFF
        starts = np.flatnonzero(np.r_[True, buckets[1:] != buckets[:-1]])
        ends = np.r_[starts[1:], n]
        for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
            b = int(buckets[s])
            at = self._keys[b].searchsorted(keys[s:e], "right")
            self._keys[b] = np.insert(self._keys[b], at, keys[s:e])
            self._values[b] = np.insert(self._values[b], at, values[s:e])
        self._size += n
        self._pending = {}

    def nbytes(self) -> int:
        """Bytes held in the arrays (the pending dict holds at most a few thousand)."""
        if self._keys is None:
            return 0
        return sum(k.nbytes for k in self._keys) + sum(v.nbytes for v in self._values)


class LineLocator:
    """Reads line N of a file again, from (line, offset) marks taken every 64 lines or
    256 KB: at most one such stretch is read back per lookup."""

    EVERY_LINES = 64
    EVERY_BYTES = 256 * 1024

    def __init__(self, path: Path, lines: Callable[[IO[bytes]], Iterator[bytes | None]]) -> None:
        self.path = path
        self._lines = lines  # how the file is split into lines (the reader's own rule)
        self._marks_line = array("q", [1])
        self._marks_offset = array("q", [0])
        self._handle: IO[bytes] | None = None

    def mark(self, number: int, offset: int) -> None:
        """Line `number` starts at byte `offset` (call in order, as lines are read)."""
        if (
            number - self._marks_line[-1] >= self.EVERY_LINES
            or offset - self._marks_offset[-1] >= self.EVERY_BYTES
        ):
            self._marks_line.append(number)
            self._marks_offset.append(offset)

    def read(self, number: int) -> bytes | None:
        """Line `number` (1-based) as the reader saw it (None: a line it skipped)."""
        i = bisect.bisect_right(self._marks_line, number) - 1
        if self._handle is None:
            self._handle = self.path.open("rb")
        self._handle.seek(self._marks_offset[i])
        at = self._marks_line[i]
        for raw in self._lines(self._handle):
            if at == number:
                return raw
            at += 1
        return None

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
