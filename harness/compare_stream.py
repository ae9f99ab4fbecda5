"""`compare` on reports of any size: each report read as a stream into arrays.

A report's candidates are read one at a time (a JSON report's `candidates` array element
by element with `json.JSONDecoder.raw_decode` over a buffered file; a JSONL report line
by line), checked like `load_report` checks them, and kept only as what the comparison
needs: the (document, id) -> row map, an ok flag, each metric as a float64 column (NaN:
absent), and the facts' verdicts packed in a few bytes. Two reports of a million
candidates take a few hundred MB instead of tens of GB.

A report the stream reader cannot take as it is (a 0.1.0 report to upgrade, an invalid
field, broken JSON, an unusual layout) is read by `harness.results.load_report`, so its
error message or its upgrade is exactly that function's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import numpy as np

_VERDICT_CODES = {"present": 1, "absent": 2, "contradicted": 3}
_VERDICT_NAMES = {v: k for k, v in _VERDICT_CODES.items()}
_OTHER_VERDICT = 0  # a verdict string outside the three (a library dict): kept by index


class _Fallback(Exception):
    """The stream reader hands this report to `load_report`."""


# ---------------------------------------------------------------- compact columns


class _Floats:
    """A growable float64 column (NaN: no value)."""

    def __init__(self, size: int = 0) -> None:
        self.data = np.full(max(1024, size), np.nan)
        self.n = size

    def set(self, row: int, value: float) -> None:
        if row >= len(self.data):
            grown = np.full(max(row + 1, len(self.data) * 3 // 2), np.nan)
            grown[: len(self.data)] = self.data
            self.data = grown
        self.data[row] = value
        self.n = max(self.n, row + 1)

    def view(self, rows: int) -> np.ndarray:
        if rows > len(self.data):
            self.set(rows - 1, np.nan)
        return self.data[:rows]


class ReportValues:
    """What `compare` needs of one report's candidates, compactly."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str | None, str], int] = {}
        self.ok = bytearray()
        self.columns: dict[str, _Floats] = {}
        self.verdicts: list[bytes | None] = []
        self.fact_ids: dict[str, int] = {}
        self.fact_names: list[str] = []
        self.other_verdicts: list[str] = []
        self.signature = ""
        self._documents: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.rows)

    def add(self, cand: dict[str, Any]) -> None:
        """One candidate object of a current-schema report (a later same key replaces)."""
        from harness.compare import candidate_metrics

        doc = cand.get("document")
        if isinstance(doc, str):
            doc = self._documents.setdefault(doc, doc)  # one string per document
        key = (doc, str(cand.get("id")))
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = len(self.ok)
            self.ok.append(0)
            self.verdicts.append(None)
        else:
            for col in self.columns.values():
                if row < col.n:
                    col.data[row] = np.nan
        ok = cand.get("status") == "ok"
        self.ok[row] = ok
        if not ok:
            self.verdicts[row] = None
            return
        for name, value in candidate_metrics(cand).items():
            col = self.columns.get(name)
            if col is None:
                col = self.columns[name] = _Floats()
            col.set(row, value)
        self.verdicts[row] = self._pack(cand)

    def _pack(self, cand: dict[str, Any]) -> bytes | None:
        from harness.compare import _verdicts

        verdicts = _verdicts(cand)
        if not verdicts:
            return None
        out = bytearray()
        for fact, verdict in verdicts.items():
            code = self.fact_ids.get(fact)
            if code is None:
                code = self.fact_ids[fact] = len(self.fact_names)
                self.fact_names.append(fact)
            v = _VERDICT_CODES.get(verdict, _OTHER_VERDICT)
            if v == _OTHER_VERDICT:
                out += (4 + len(self.other_verdicts)).to_bytes(4, "little")
                self.other_verdicts.append(verdict)
            else:
                out += v.to_bytes(4, "little")
            out += code.to_bytes(4, "little")
        return bytes(out)

    def facts(self, row: int) -> dict[str, str]:
        """The {fact: verdict} of a row, in the report's order."""
        packed = self.verdicts[row]
        if not packed:
            return {}
        out = {}
        for i in range(0, len(packed), 8):
            v = int.from_bytes(packed[i : i + 4], "little")
            fact = self.fact_names[int.from_bytes(packed[i + 4 : i + 8], "little")]
            out[fact] = _VERDICT_NAMES[v] if v < 4 else self.other_verdicts[v - 4]
        return out

    def column(self, name: str) -> np.ndarray:
        col = self.columns.get(name)
        return col.view(len(self.ok)) if col is not None else np.full(len(self.ok), np.nan)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportValues:
        """From a report dict (any schema `as_current` reads)."""
        from harness.results import as_current

        data = as_current(data)
        values = cls()
        for c in data.get("candidates", []):
            if isinstance(c, dict):
                values.add(c)
        values.signature = str(data.get("signature", ""))
        return values


# ---------------------------------------------------------------- reading a report file


def read_values(path: Path | str) -> ReportValues:
    """A report file's values, read as a stream (see the module's docstring)."""
    from harness.results import load_report

    path = Path(path)
    try:
        return _stream(path)
    except _Fallback:
        return ReportValues.from_dict(load_report(path))


def _stream(path: Path) -> ReportValues:
    from harness.results import SCHEMA_VERSION, _check_candidate, _Invalid

    values = ReportValues()
    header: dict[str, Any] = {}
    count = 0

    def candidate(c: Any) -> None:
        nonlocal count
        if header.get("schema_version", SCHEMA_VERSION) != SCHEMA_VERSION:
            raise _Fallback  # an older report: load_report upgrades it
        try:
            _check_candidate(c, f"candidates[{count}]")
        except _Invalid:
            raise _Fallback from None
        values.add(c)
        count += 1

    try:
        handle = path.open(encoding="utf-8-sig")  # as read_text_file reads it
    except OSError:
        raise _Fallback from None
    with handle:
        try:
            try:
                _read_json(handle, header, candidate)
            except _Jsonl:
                handle.seek(0)
                values = ReportValues()
                header.clear()
                count = 0
                _read_jsonl(handle, header, candidate)
        except (ValueError, RecursionError, OSError):  # UnicodeDecodeError, JSON errors
            raise _Fallback from None
    _check_header(header)
    values.signature = header.get("signature", "")
    return values


def _check_header(header: dict[str, Any]) -> None:
    """Everything but the candidates, checked as `load_report` checks it."""
    from harness.results import SCHEMA_VERSION, _Invalid, validate_report

    if header.get("schema_version") != SCHEMA_VERSION:
        raise _Fallback
    data = {**header, "candidates": []}
    data.setdefault("signature", "")
    try:
        validate_report(data)
    except _Invalid:
        raise _Fallback from None
    header.setdefault("signature", "")


class _Jsonl(Exception):
    """More than one JSON value: a JSONL report."""


class _Buffer:
    """A text file read in blocks; `decode` takes one whole JSON value at a time."""

    BLOCK = 1 << 20
    MAX_VALUE = 64 << 20  # one candidate object larger than this: load_report reads it

    def __init__(self, handle: TextIO) -> None:
        self.handle = handle
        self.text = ""
        self.pos = 0
        self.eof = False
        self.decoder = json.JSONDecoder()

    def _more(self) -> bool:
        if self.eof:
            return False
        block = self.handle.read(max(self.BLOCK, len(self.text) - self.pos))
        if not block:
            self.eof = True
            return False
        self.text = self.text[self.pos :] + block
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next non-space character ('' at the end)."""
        while True:
            text, pos = self.text, self.pos
            while pos < len(text) and text[pos] in " \t\n\r":
                pos += 1
            self.pos = pos
            if pos < len(text):
                return text[pos]
            if not self._more():
                return ""

    def expect(self, chars: str) -> str:
        c = self.peek()
        if c == "" or c not in chars:
            raise _Fallback
        self.pos += 1
        return c

    def decode(self) -> Any:
        """The next JSON value; it must be followed by more text (or the file's end), so
        a value cut by the block's end (a number, a literal) is never taken half."""
        self.peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.text, self.pos)
            except json.JSONDecodeError:
                if len(self.text) - self.pos < self.MAX_VALUE and self._more():
                    continue  # cut by the block's end: read on
                raise _Fallback from None  # broken, or one value over MAX_VALUE
            if end < len(self.text) or self.eof or not self._more():
                self.pos = end
                return value


def _read_json(handle: TextIO, header: dict[str, Any], candidate) -> None:
    buf = _Buffer(handle)
    buf.expect("{")
    seen: set[str] = set()
    if buf.peek() == "}":
        raise _Fallback  # no candidates: load_report says so
    while True:
        key = buf.decode()
        if not isinstance(key, str):
            raise _Fallback
        buf.expect(":")
        if key == "candidates" and key not in seen and buf.peek() == "[":
            buf.expect("[")
            if buf.peek() == "]":
                buf.expect("]")
            else:
                while True:
                    candidate(buf.decode())
                    if buf.expect(",]") == "]":
                        break
        elif key == "candidates":
            raise _Fallback  # not a list, or a second one: load_report decides
        else:
            header[key] = buf.decode()
        seen.add(key)
        if buf.expect(",}") == "}":
            break
    if buf.peek() != "":
        if "candidates" in seen:
            raise _Fallback
        raise _Jsonl
    if "candidates" not in seen:
        raise _Fallback


# `str.splitlines` (what load_report splits a JSONL report by) also breaks at these
_OTHER_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _read_jsonl(handle: TextIO, header: dict[str, Any], candidate) -> None:
    tail: dict[str, Any] | None = None
    for line in _lines(handle):
        if _OTHER_BREAKS.search(line):
            raise _Fallback
        if not line.strip():
            continue
        obj = json.loads(line)
        if isinstance(obj, dict) and "signature" in obj and "id" not in obj:
            tail = obj
        else:
            candidate(obj)
    header.update({k: v for k, v in (tail or {}).items() if k != "candidates"})


def _lines(handle: TextIO) -> Iterator[str]:
    for line in handle:  # universal newlines, as read_text reads it
        yield line.rstrip("\n")


# ---------------------------------------------------------------- the comparison


def compare_values(
    base: ReportValues,
    cur: ReportValues,
    resamples: int,
    seed: int,
    confidence: float,
):
    """The comparison of two reports' values (`harness.compare.compare_reports`)."""
    from harness.compare import (
        Comparison,
        LostFact,
        MetricDelta,
        _label,
        paired_bootstrap,
        signature_differences,
    )
    from harness.metrics import ordered

    b_rows, c_rows, keys = [], [], []
    only_cur = []
    for key, crow in cur.rows.items():
        brow = base.rows.get(key)
        if brow is None:
            only_cur.append(_label(key))
            continue
        if base.ok[brow] and cur.ok[crow]:
            b_rows.append(brow)
            c_rows.append(crow)
            keys.append(key)
    only_base = tuple(_label(k) for k in base.rows if k not in cur.rows)
    bi = np.asarray(b_rows, dtype=np.int64)
    ci = np.asarray(c_rows, dtype=np.int64)
    n = len(keys)

    first_seen = []  # (first pair where the metric is in both, its column's place)
    b_vals: dict[str, np.ndarray] = {}
    c_vals: dict[str, np.ndarray] = {}
    for place, name in enumerate(base.columns):
        if name not in cur.columns:
            continue
        bv, cv = base.column(name)[bi], cur.column(name)[ci]
        both = ~np.isnan(bv) & ~np.isnan(cv)
        if both.any():
            first_seen.append((int(np.argmax(both)), place, name))
            b_vals[name], c_vals[name] = bv, cv
    names = ordered(name for _, _, name in sorted(first_seen))

    docs = [k[0] for k in keys]

    def deltas(document: str | None, mask: np.ndarray | None) -> list:
        out = []
        for metric in names:
            bv, cv = b_vals[metric], c_vals[metric]
            keep = ~np.isnan(bv) & ~np.isnan(cv)
            if mask is not None:
                keep &= mask
            if not keep.any():
                continue
            bs, cs = bv[keep], cv[keep]
            delta, low, high = paired_bootstrap(bs, cs, resamples, seed, confidence)
            out.append(
                MetricDelta(
                    metric,
                    document,
                    int(keep.sum()),
                    float(np.mean(bs)),
                    float(np.mean(cs)),
                    delta,
                    low,
                    high,
                )
            )
        return out

    overall = deltas(None, None)
    documents = sorted({d for d in docs if d is not None})
    per_doc: list = []
    if len(documents) > 1:
        for doc in documents:
            per_doc += deltas(doc, np.array([d == doc for d in docs], dtype=bool))

    matrix = np.full((n, len(names)), np.nan)
    for j, m in enumerate(names):
        matrix[:, j] = c_vals[m] - b_vals[m]  # NaN where either is absent
    lost: list = []
    for key, brow, crow in zip(keys, b_rows, c_rows, strict=True):
        if base.verdicts[brow] is None:
            continue
        now = cur.facts(crow)
        for fact, was in base.facts(brow).items():
            is_now = now.get(fact)
            if is_now is None:
                continue
            if (was == "present" and is_now != "present") or (
                was != "contradicted" and is_now == "contradicted"
            ):
                lost.append(LostFact(key[0], key[1], fact, was, is_now))

    return Comparison(
        base.signature,
        cur.signature,
        signature_differences(base.signature, cur.signature),
        n,
        only_base,
        tuple(only_cur),
        tuple(overall),
        tuple(per_doc),
        CandidateDeltas(keys, names, matrix),
        tuple(lost),
        resamples,
        seed,
        confidence,
    )


class CandidateDeltas(Sequence):
    """Per-candidate deltas, made one at a time from a (candidates x metrics) array."""

    def __init__(self, keys: list, names: list[str], matrix: np.ndarray) -> None:
        self._keys, self._names, self._matrix = keys, names, matrix
        self.several = len({k[0] for k in keys}) > 1

    def __len__(self) -> int:
        return len(self._keys)

    def __getitem__(self, i):
        from harness.compare import CandidateDelta

        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        doc, cid = self._keys[i]
        row = self._matrix[i].tolist()
        return CandidateDelta(
            doc, cid, {m: v for m, v in zip(self._names, row, strict=True) if v == v}
        )

    def __iter__(self):
        for i in range(len(self._keys)):
            yield self[i]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


# ---------------------------------------------------------------- writing the comparison


_PLACE = "\x00candidates\x00"


def write_comparison_json(data_without_candidates: dict[str, Any], comp, out: TextIO) -> None:
    """`dumps(comparison_to_dict(...)) + "\\n"`, with the `candidates` list written a
    candidate at a time (the same bytes)."""
    from harness.compare import _r
    from harness.output import dumps

    text = dumps({**data_without_candidates, "candidates": _PLACE})
    head, tail = text.split(json.dumps(_PLACE), 1)
    out.write(head)
    if len(comp.candidates) == 0:
        out.write("[]")
    else:
        out.write("[\n")
        batch = []
        last = len(comp.candidates) - 1
        for i, c in enumerate(comp.candidates):
            item = {
                "document": c.document,
                "id": c.candidate,
                "deltas": {k: _r(v) for k, v in c.deltas.items()},
            }
            lines = dumps(item).replace("\n", "\n    ")
            batch.append("    " + lines + (",\n" if i < last else "\n"))
            if len(batch) >= 1024:
                out.write("".join(batch))
                batch = []
        out.write("".join(batch))
        out.write("  ]")
    out.write(tail)
    out.write("\n")
