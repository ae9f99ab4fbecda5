"""Pair-level data: each example carries its own references (and optionally its article).

This is how a dataset evaluation is usually laid out (one prediction, one or more
references per example), without a `references/<document>/` folder per example. Two
forms are read:

JSONL, one example per line (a file, or `-` for stdin)::

    {"id": "ex-1", "summary": "...", "references": ["...", "..."], "article": "..."}

`references` is a string or a list of strings; `prediction` is accepted for `summary`;
`article` is optional. A file is pair-level when its first JSON object has `references`;
then every line needs them. A file whose first object has none is the classic
`{"id", "document", "summary"}` form (`harness.loading`).

A folder of parallel files, named by example id::

    <folder>/summaries/<id>.txt      the summary to score (or predictions/<id>.txt)
    <folder>/references/<id>.txt     its one reference, or
    <folder>/references/<id>/*.txt   its several references
    <folder>/articles/<id>.txt       its source article (optional)

(`.md` works wherever `.txt` does.) Each example becomes a `Document` of its own (id =
example id) with no facts file; an example without an article has `article=None`, so
the metrics that need one (embedding to the article, facts, grounding) skip it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from harness.errors import ConfigError, InputError
from harness.loading import (
    BLANK_LINE,
    TEXT_SUFFIXES,
    Candidate,
    Document,
    LoadFailure,
    Reference,
    _bounded_lines,
    _is_skipped,
    _is_utf8,
    _printable,
    _SeenIds,
    read_jsonl_line,
    read_text,
)
from harness.text import is_blank, unix_newlines

SUMMARY_FOLDERS = ("summaries", "predictions")
REFERENCE_FOLDER = "references"
ARTICLE_FOLDER = "articles"
STDIN = "<stdin>"


@dataclass
class PairData:
    """What a pair-level source holds: one document per example, its candidate, notes."""

    documents: dict[str, Document] = field(default_factory=dict)
    items: list[Candidate | LoadFailure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    source: str = ""


def skipped_notes(documents: dict[str, Document], metrics: Iterable[str], source: str) -> list[str]:
    """Pair-level data: what is not computed for want of facts files or articles, said once."""
    metrics = tuple(metrics)
    out = []
    if "facts" in metrics and documents:
        out.append(f"{source}: pair-level data has no facts files: facts are not checked")
    bare = sum(doc.article is None for doc in documents.values())
    if "embedding" in metrics and bare:
        out.append(
            f"{source}: {bare} of {len(documents)} example(s) have no article: "
            "embedding_article is not computed for them"
        )
    if "grounding" in metrics and bare:
        out.append(
            f"{source}: {bare} of {len(documents)} example(s) have no article: "
            "grounding is not checked for them"
        )
    return out


# ---------------------------------------------------------------- JSONL


def _first_record(lines: Iterable[bytes | None]) -> object:
    for raw in lines:
        if raw is None or not raw.strip():
            continue
        try:
            record = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            continue
        if isinstance(record, dict):
            return record
    return None


def jsonl_is_pairs(data: bytes) -> bool:
    """Whether the first JSON object of a JSONL text carries `references`."""
    record = _first_record(data.splitlines())
    return isinstance(record, dict) and "references" in record


def file_is_pairs(path: Path) -> bool:
    """Whether a JSONL file's first JSON object carries `references`."""
    try:
        with path.open("rb") as handle:
            record = _first_record(_bounded_lines(handle))
    except OSError:
        return False  # the classic reader reports the problem
    return isinstance(record, dict) and "references" in record


def read_pairs_jsonl(lines: Iterable[bytes | None], source: str) -> PairData:
    """Every line of a pair-level JSONL text: a document and a candidate each, or a
    one-line `LoadFailure` naming `source:line` and the problem."""
    out = PairData()
    ids_by_line: dict[int, str] = {}  # the ids are held anyway (one document each)
    seen = _SeenIds(lambda n: ("", ids_by_line[n]) if n in ids_by_line else None)
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}"
        record = read_jsonl_line(raw, number, where)
        if record is BLANK_LINE:
            continue
        if isinstance(record, LoadFailure):
            out.items.append(record)
            continue
        checked = _check_pair(record, where, number)
        if isinstance(checked, LoadFailure):
            out.items.append(checked)
            continue
        cid, summary, refs, article = checked
        first = seen.duplicate_of("", cid, number)
        if first is not None:
            out.items.append(
                LoadFailure(cid, where, None, f"{where}: duplicate id {cid!r} (also line {first})")
            )
            continue
        ids_by_line[number] = cid
        path = Path(where)
        references = tuple(
            Reference(f"reference-{k}", path, text) for k, text in enumerate(refs, start=1)
        )
        out.documents[cid] = Document(cid, path, article, references, None)
        warnings = ("empty summary",) if is_blank(summary) else ()
        warnings += seen.warnings(cid, "", number, "line {}".format)
        out.items.append(Candidate(cid, where, cid, summary, warnings))
    out.source = source
    return out


def read_pairs_file(path: Path) -> PairData:
    with path.open("rb") as handle:
        return read_pairs_jsonl(_bounded_lines(handle), str(path))


def _fail(number: int, where: str, problem: str) -> LoadFailure:
    return LoadFailure(f"line-{number}", where, None, f"{where}: {problem}")


def _text_field(record: dict, name: str, where: str, cid: str) -> str | LoadFailure:
    value = record[name]
    if not isinstance(value, str):
        return LoadFailure(cid, where, None, f'{where}: "{name}" must be a string')
    if not _is_utf8(value):
        return LoadFailure(
            cid, where, None, f'{where}: "{name}" has an unpaired surrogate escape, not text'
        )
    return unix_newlines(value)


def _check_pair(
    record: object, where: str, number: int
) -> LoadFailure | tuple[str, str, tuple[str, ...], str | None]:
    if not isinstance(record, dict):
        return _fail(number, where, "expected a JSON object")
    cid = record.get("id")
    if cid is None or cid == "":
        return _fail(number, where, 'missing "id"')
    if not isinstance(cid, (str, int)) or isinstance(cid, bool):
        return _fail(number, where, '"id" must be a string or a whole number')
    cid = str(cid)
    if not _is_utf8(cid):
        return LoadFailure(
            _printable(cid), where, None, f'{where}: "id" has an unpaired surrogate escape'
        )
    names = [k for k in ("summary", "prediction") if k in record]
    if not names:
        return LoadFailure(cid, where, None, f'{where}: missing "summary" (or "prediction")')
    if len(names) == 2:
        return LoadFailure(cid, where, None, f'{where}: give "summary" or "prediction", not both')
    summary = _text_field(record, names[0], where, cid)
    if isinstance(summary, LoadFailure):
        return summary
    if "references" not in record:
        return LoadFailure(
            cid,
            where,
            None,
            f'{where}: missing "references" (the file\'s first line has them, so every line '
            "needs them)",
        )
    refs = record["references"]
    if isinstance(refs, str):
        refs = [refs]
    if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
        return LoadFailure(
            cid, where, None, f'{where}: "references" must be a string or a list of strings'
        )
    if not refs:
        return LoadFailure(cid, where, None, f'{where}: "references" is an empty list')
    for k, ref in enumerate(refs, start=1):
        if not _is_utf8(ref):
            return LoadFailure(
                cid, where, None, f"{where}: reference {k} has an unpaired surrogate escape"
            )
        if is_blank(ref):
            return LoadFailure(cid, where, None, f"{where}: reference {k} is empty")
    article = None
    if record.get("article") is not None:
        article = _text_field(record, "article", where, cid)
        if isinstance(article, LoadFailure):
            return article
        if is_blank(article):
            article = None
    return cid, summary, tuple(unix_newlines(r) for r in refs), article


# ---------------------------------------------------------------- folder


def summary_folder(root: Path) -> Path | None:
    """The `summaries/` (or `predictions/`) folder of a pair-level folder, else None: a
    folder is pair-level when it holds one of them beside `references/`."""
    if not (root / REFERENCE_FOLDER).is_dir():
        return None
    for name in SUMMARY_FOLDERS:
        if (root / name).is_dir():
            return root / name
    return None


@dataclass
class _Listing:
    """A sub-folder's texts by id, and what in it cannot be used (by id, a one-line problem)."""

    texts: dict[str, Path] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)


def _texts(folder: Path, root: Path, follow_outside: bool, notes: list[str]) -> _Listing:
    """Text files and sub-folders of `folder` by id (name without extension). Two entries
    with one id, and a symlink leading outside `root` (unless `follow_outside`), are
    problems for that id; other files are noted and ignored."""
    out = _Listing()
    if not folder.is_dir():
        return out
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        raise ConfigError(f"cannot list folder: {exc.strerror or exc}", folder) from None
    root_real = os.path.realpath(root)
    for path in entries:
        if _is_skipped(path.name):
            continue
        cid = path.name if path.is_dir() else path.stem
        shown = _printable(str(path))
        if not path.is_dir() and path.suffix.lower() not in TEXT_SUFFIXES:
            notes.append(f"{shown}: not a .txt or .md file, ignored")
            continue
        real = os.path.realpath(path)
        if path.is_symlink() and not follow_outside and not real.startswith(root_real + os.sep):
            out.problems[cid] = (
                f"{shown}: symlink to a path outside the folder, not followed "
                "(--follow-symlinks-outside allows it)"
            )
            continue
        if cid in out.texts:
            out.problems[cid] = f"{shown}: two entries for id {cid!r} (also {out.texts[cid]})"
            continue
        out.texts[cid] = path
    return out


def read_pairs_folder(root: Path, follow_outside: bool = False) -> PairData:
    """Every summary of a pair-level folder with its references (and article, if any)."""
    out = PairData()
    summaries_dir = summary_folder(root)
    if summaries_dir is None:
        raise ConfigError(
            "not a pair-level folder (expected summaries/ and references/ inside)", root
        )
    summaries = _texts(summaries_dir, root, follow_outside, out.notes)
    refs = _texts(root / REFERENCE_FOLDER, root, follow_outside, out.notes)
    articles = _texts(root / ARTICLE_FOLDER, root, follow_outside, out.notes)
    names: list[str] = []
    ids = sorted(summaries.texts.keys() | summaries.problems.keys())
    seen = _SeenIds(lambda i: ("", ids[i]))
    for index, cid in enumerate(ids):
        path = summaries.texts.get(cid)
        shown = _printable(str(path if path is not None else summaries_dir / cid))
        names.append(shown)
        problem = next(
            (x.problems[cid] for x in (summaries, refs, articles) if cid in x.problems), None
        )
        if problem is not None:
            out.items.append(LoadFailure(cid, shown, None, problem))
            continue
        if path.is_dir():
            out.notes.append(f"{shown}: a folder among the summaries, ignored")
            continue
        try:
            summary = read_text(path)
            references = _read_references(refs.texts.get(cid), cid, root)
            article = None
            if cid in articles.texts:
                article = read_text(articles.texts[cid])
                article = None if is_blank(article) else article
        except InputError as exc:
            out.items.append(LoadFailure(cid, shown, None, str(exc)))
            continue
        out.documents[cid] = Document(cid, path, article, references, None)
        warnings = ("empty summary",) if is_blank(summary) else ()
        warnings += seen.warnings(cid, "", index, names.__getitem__)
        out.items.append(Candidate(cid, shown, cid, summary, warnings))
    for cid in sorted(refs.texts.keys() - set(ids)):
        out.notes.append(f"{refs.texts[cid]}: a reference without a summary, ignored")
    out.source = str(root)
    return out


def _read_references(where: Path | None, cid: str, root: Path) -> tuple[Reference, ...]:
    if where is None:
        raise InputError(
            f"no reference for {cid!r} (expected {REFERENCE_FOLDER}/{cid}.txt or "
            f"{REFERENCE_FOLDER}/{cid}/*.txt)",
            root,
        )
    paths = [where]
    if where.is_dir():
        paths = [
            p
            for p in sorted(where.iterdir())
            if p.is_file() and not _is_skipped(p.name) and p.suffix.lower() in TEXT_SUFFIXES
        ]
        if not paths:
            raise InputError("no .txt or .md reference in this folder", where)
    refs = []
    for path in paths:
        text = read_text(path)
        if is_blank(text):
            raise InputError("reference summary is empty", path)
        refs.append(Reference(path.stem, path, text))
    return tuple(refs)


# ---------------------------------------------------------------- dispatch


@dataclass
class Input:
    """What `harness score PATH` reads: its documents, candidates (a list, or an iterator
    for a classic source that may stream) and notes; `pairs` for pair-level data."""

    documents: dict[str, Document]
    items: Iterable[Candidate | LoadFailure]
    notes: list[str]
    pairs: bool
    source: str = ""


def read_stdin() -> bytes:
    import sys

    if sys.stdin is None or sys.stdin.isatty():
        raise ConfigError(
            "reads JSONL from stdin, which is a terminal here; pipe a file in: "
            "cat preds.jsonl | harness score -",
            "-",
        )
    return sys.stdin.buffer.read()


def open_input(path: Path, references: Path, follow_outside: bool = False) -> Input:
    """Pair-level data (JSONL with `references`, `-` for stdin, or a pair-level folder),
    else candidates scored against the documents of the `references` folder."""
    from io import BytesIO

    from harness.loading import iter_candidates, iter_jsonl_lines, load_references

    if str(path) == "-":
        data = read_stdin()
        if not data.strip():
            raise ConfigError("no candidates found: stdin is empty (expected JSONL lines)", "-")
        if jsonl_is_pairs(data):
            got = read_pairs_jsonl(_bounded_lines(BytesIO(data)), STDIN)
            return Input(got.documents, got.items, got.notes, True, got.source)
        documents = load_references(references)
        return Input(
            documents, iter_jsonl_lines(_bounded_lines(BytesIO(data)), STDIN, documents), [], False
        )
    pairs = None
    if path.is_dir() and summary_folder(path) is not None:
        pairs = read_pairs_folder(path, follow_outside)
    elif path.is_file() and path.suffix.lower() in (".jsonl", ".ndjson") and file_is_pairs(path):
        pairs = read_pairs_file(path)
    if pairs is not None:
        return Input(pairs.documents, pairs.items, pairs.notes, True, pairs.source)
    documents = load_references(references)
    notes: list[str] = []
    return Input(documents, iter_candidates(path, documents, notes, follow_outside), notes, False)
