"""The compact id index behind the duplicate and look-alike checks (issue 15, item 20).

A digest is only a hint: every test that forces digests to collide expects exactly the
errors and warnings of a run without collisions.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from test_inputs import GOOD, project

from harness import loading
from harness.id_index import IdIndex, LineLocator, digest
from harness.loading import LoadFailure, iter_folder, iter_jsonl, load_references


def test_index_agrees_with_a_dict_of_lists_across_flushes_and_collisions() -> None:
    rng = np.random.default_rng(7)
    index, want = IdIndex(), {}
    keys = [int(k) for k in rng.integers(-(2**63), 2**63 - 1, 20_000, dtype=np.int64)]
    keys += keys[:300]  # the same digest again: a second location, kept after the first
    keys += [0, -1, 2**63 - 1, -(2**63)]
    for value, key in enumerate(keys):
        index.add(key, value)
        want.setdefault(key, []).append(value)
    for key, values in want.items():
        assert index.get_all(key) == values
    assert index.get_all(12345) == [] or 12345 in want
    assert index.nbytes() + 12 * len(index._pending) == 12 * len(keys)  # 12 bytes an id


def test_locations_over_32_bits_are_kept_whole() -> None:
    index = IdIndex()
    for i in range(5000):
        index.add(i, i)
    index.add(-5, 2**40)
    for i in range(5000, 9000):
        index.add(i, i)
    assert index.get_all(-5) == [2**40]
    assert index.get_all(4999) == [4999] and index.get_all(8999) == [8999]


def test_digest_keeps_the_parts_apart() -> None:
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("\ud800") != digest("\udc00")  # lone surrogates are ids too


def test_line_locator_finds_every_line_past_long_lines(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    lines = [b"x" * (300 if i % 7 else 70_000) + b"%d\n" % i for i in range(400)]
    path.write_bytes(b"".join(lines))
    with path.open("rb") as fh:
        locator = LineLocator(path, lambda h: loading._bounded_lines(h, 50_000))
        for number, _ in enumerate(loading._bounded_lines(fh, 50_000), start=1):
            locator.mark(number + 1, fh.tell())
    for number in (1, 2, 64, 65, 200, 399, 400):
        got = locator.read(number)
        if (number - 1) % 7 == 0:
            assert got is None  # over the limit: the reader skipped it, so does the locator
        else:
            assert got == lines[number - 1]
    locator.close()


def _outcome(items: list) -> list[tuple]:
    return [(i.id, i.error) if isinstance(i, LoadFailure) else (i.id, i.warnings) for i in items]


IDS = ["a", "b", "A", "a", "c", "caf\u00e9", "cafe\u0301", "b", "d"]


def _jsonl_outcome(root: Path) -> list[tuple]:
    lines = [json.dumps({"id": cid, "summary": GOOD}) for cid in IDS]
    lines.insert(3, "x" * (loading.MAX_BYTES + 5))  # a skipped line keeps the numbering
    (root / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _outcome(list(iter_jsonl(root / "c.jsonl", load_references(root / "references"))))


def test_jsonl_checks_are_exact_when_every_digest_collides(tmp_path: Path, monkeypatch) -> None:
    root = project(tmp_path)
    plain = _jsonl_outcome(root)
    monkeypatch.setattr(loading, "digest", lambda *parts: 42)
    assert _jsonl_outcome(root) == plain
    errors = [e for _, e in plain if isinstance(e, str)]
    assert [e.split(": ", 1)[1] for e in errors[1:]] == [
        "duplicate id 'a' (also line 1)",
        "duplicate id 'b' (also line 2)",
    ]
    warned = [w for _, w in plain if isinstance(w, tuple) and w]
    assert len(warned) == 2  # 'A' like line 1, 'cafe\u0301' like line 7


def test_folder_checks_are_exact_when_every_digest_collides(tmp_path: Path, monkeypatch) -> None:
    root = project(tmp_path)
    for name in ("a.txt", "a.md", "b.txt", "Good.txt", "good.txt", "x/y.txt", "x/Y.txt"):
        (root / "c" / name).parent.mkdir(exist_ok=True)
        (root / "c" / name).write_text(GOOD, encoding="utf-8")
    if len(list((root / "c").iterdir())) < 5:
        pytest.skip("this file system folds case")
    documents = load_references(root / "references")
    plain = _outcome(list(iter_folder(root / "c", documents)))
    monkeypatch.setattr(loading, "digest", lambda *parts: 42)
    assert _outcome(list(iter_folder(root / "c", documents))) == plain
    assert [e.split(": ", 1)[1][:25] for _, e in plain if isinstance(e, str)] == [
        "duplicate candidate id 'a"
    ]
    assert sum(isinstance(w, tuple) and bool(w) for _, w in plain) == 2  # good, x/Y


def test_lines_without_a_file_are_checked_exactly_too(tmp_path: Path, monkeypatch) -> None:
    """stdin's lines (no file to read back): kept for the confirmation, same verdicts."""
    root = project(tmp_path)
    documents = load_references(root / "references")
    lines = [json.dumps({"id": cid, "summary": GOOD}).encode() + b"\n" for cid in IDS]

    def outcome() -> list[tuple]:
        return _outcome(list(loading.iter_jsonl_lines(iter(lines), "<stdin>", documents)))

    plain = outcome()
    monkeypatch.setattr(loading, "digest", lambda *parts: 42)
    assert outcome() == plain
    assert sum(isinstance(e, str) for _, e in plain) == 2  # 'a' and 'b' again
