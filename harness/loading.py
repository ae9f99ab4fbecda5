"""Loading references, articles, facts files and candidates from disk.

Layout::

    references/<document>/article.txt     the source article
    references/<document>/facts.toml      the required facts (optional)
    references/<document>/*.txt|*.md     every other text file is a reference summary

Candidates are `.txt`/`.md` files under a folder (id = path relative to the
folder, without extension) or lines of a JSONL file
(`{"id": ..., "document": ..., "summary": ...}`). With a single document every
candidate is scored against it; with several, folder candidates live in
`<folder>/<document>/...`.
"""

from __future__ import annotations

import contextlib
import json
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.errors import ConfigError, InputError
from harness.facts import FactSet, load_facts
from harness.id_index import IdIndex, LineLocator, digest
from harness.source_names import with_article_names
from harness.text import is_blank, unix_newlines

TEXT_SUFFIXES = (".txt", ".md")
ARTICLE_NAME = "article.txt"
FACTS_NAME = "facts.toml"
MAX_BYTES = 1_000_000
BACKUP_SUFFIXES = ("~", ".swp", ".swo", ".bak", ".orig", ".tmp")


@dataclass(frozen=True)
class Reference:
    name: str
    path: Path
    text: str


@dataclass(frozen=True)
class Document:
    id: str
    path: Path
    article: str | None  # None: pair-level data without an article (harness.pairs)
    references: tuple[Reference, ...]
    facts: FactSet | None


@dataclass(frozen=True)
class Candidate:
    id: str
    path: str
    document: str
    text: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class LoadFailure:
    """A candidate that could not be read; it is reported and the run goes on."""

    id: str
    path: str
    document: str | None
    error: str


def decode(data: bytes, path: Path | str) -> str:
    """Decode candidate or reference bytes as UTF-8 (BOM allowed), CRLF folded to LF.

    Binary data (NUL bytes) and invalid UTF-8 are errors: scoring mis-decoded text
    would silently give wrong numbers.
    """
    wide = _wide_encoding(data)
    if wide is not None:
        raise InputError(f"{wide}, not UTF-8; re-encode the file as UTF-8", path)
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not text", path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-encode the file as UTF-8",
            path,
        ) from None
    return unix_newlines(text)


_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32 (little-endian byte-order mark)"),
    (b"\x00\x00\xfe\xff", "UTF-32 (big-endian byte-order mark)"),
    (b"\xff\xfe", "UTF-16 (little-endian byte-order mark)"),
    (b"\xfe\xff", "UTF-16 (big-endian byte-order mark)"),
)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16/32 text (Windows editors, PowerShell's `>`): by its byte-order mark, or
    without one, mostly-ASCII text with every other byte NUL. None for anything else."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            return name
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, other, name in ((odd, even, "little"), (even, odd, "big")):
        if zeros.count(0) >= 0.9 * len(zeros) and other.count(0) <= 0.1 * len(other):
            return f"UTF-16 ({name}-endian, no byte-order mark)"
    return None


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit", path)
        with path.open("rb") as handle:  # never more than the limit: /proc files say size 0
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"file is over the {max_bytes:,}-byte limit", path)
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError("is a directory, expected a text file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from None
    return decode(data, path)


def _is_skipped(name: str) -> bool:
    return name.startswith(".") or name.startswith("#") or name.endswith(BACKUP_SUFFIXES)


def _printable(text: str) -> str:
    """`text` with lone surrogates (undecodable file names, JSON "\\ud800" escapes) as U+FFFD."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte (JSON "\\ud800")
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _fs_utf8(text: str) -> str | None:
    """A path as its UTF-8 name whatever the locale: under `LC_ALL=C` Python decodes
    `café.txt` with surrogate escapes; its bytes are still valid UTF-8. None when the
    bytes are not UTF-8 (a name to be renamed)."""
    try:
        return os.fsencode(text).decode("utf-8")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return None


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


LOOKALIKE = "differs only in case, Unicode form or spacing"


def _lookalike_form(cid: str) -> str:
    """What an id looks like: NFKC, case-folded, NFC again, spaces collapsed."""
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFKC", cid).casefold())
    return " ".join(folded.split())


class _SeenIds:
    """The duplicate and look-alike checks of one candidate source: digests in two
    `IdIndex`es, each hit confirmed on the real ids (`ident`: location -> (document, id),
    read back from the source), so a digest collision is never taken for a match."""

    def __init__(self, ident: Callable[[int], tuple[str, str] | None]) -> None:
        self.exact, self.alike = IdIndex(), IdIndex()
        self.ident = ident

    def duplicate_of(self, doc: str, cid: str, where: int) -> int | None:
        """The location of an earlier (doc, cid), else None (and this one is recorded)."""
        key = digest(doc, cid)
        for first in self.exact.get_all(key):
            if self.ident(first) == (doc, cid):
                return first
        self.exact.add(key, where)
        return None

    def warnings(self, cid: str, doc: str, where: int, name_of) -> tuple[str, ...]:
        """Warnings for an id people cannot tell apart: blank, or like an earlier one."""
        out = []
        if is_blank(cid):
            out.append("id is blank (only spaces or invisible characters)")
        form = _lookalike_form(cid)
        key = digest(doc, form)
        for first in self.alike.get_all(key):
            earlier = self.ident(first)
            if earlier is not None and earlier[0] == doc and _lookalike_form(earlier[1]) == form:
                out.append(f"id {cid!a} looks like the id of {name_of(first)} ({LOOKALIKE})")
                break
        else:
            self.alike.add(key, where)
        return tuple(out)


# ---------------------------------------------------------------- references


def load_document(folder: Path, need_summaries: bool = True) -> Document:
    """One document folder. `need_summaries=False` (facts, explain, calibrate: commands that
    read only the article and the facts file) lets it have no reference summaries yet."""
    article_path = folder / ARTICLE_NAME
    if not article_path.is_file():
        raise ConfigError(f"no {ARTICLE_NAME} in document folder", folder)
    try:
        article = read_text(article_path)
    except InputError as exc:
        raise ConfigError(exc.detail, article_path) from None
    refs = []
    for path in sorted(folder.iterdir()):
        if (
            path.name == ARTICLE_NAME
            or _is_skipped(path.name)
            or path.suffix.lower() not in TEXT_SUFFIXES
            or not path.is_file()
        ):
            continue
        try:
            text = read_text(path)
        except InputError as exc:
            raise ConfigError(exc.detail, path) from None
        if is_blank(text):
            raise ConfigError("reference summary is empty", path)
        refs.append(Reference(path.stem, path, text))
    if not refs and need_summaries:
        raise ConfigError(
            "document has no reference summaries (add .txt or .md files beside article.txt)",
            folder,
        )
    facts_path = folder / FACTS_NAME
    _check_facts_path(folder, facts_path)
    facts = load_facts(facts_path, folder.name) if facts_path.is_file() else None
    if facts is not None:
        facts = with_article_names(facts, article)
    return Document(folder.name, folder, article, tuple(refs), facts)


def _check_facts_path(folder: Path, facts_path: Path) -> None:
    """A facts file that is there but cannot be used is an error, never "no facts"."""
    if os.path.lexists(facts_path) and not facts_path.is_file():
        if facts_path.is_symlink() and not facts_path.exists():
            raise ConfigError("facts file is a broken symlink", facts_path)
        if facts_path.is_dir():
            raise ConfigError("facts file is a folder, expected a TOML file", facts_path)
        raise ConfigError("facts file is not a regular file", facts_path)
    if facts_path.is_file():
        return
    for path in folder.iterdir():
        if path.name.lower() == FACTS_NAME:  # facts.TOML, Facts.toml: never silently ignored
            raise ConfigError(f"the facts file must be named exactly {FACTS_NAME}", path)


def load_references(root: Path, need_summaries: bool = True) -> dict[str, Document]:
    """Every document folder under `root`, by id (folder name), sorted."""
    if not root.exists():
        raise ConfigError("references folder not found (use --references DIR)", root)
    if not root.is_dir():
        raise ConfigError("references path is not a folder", root)
    folders = sorted(p for p in root.iterdir() if p.is_dir() and not _is_skipped(p.name))
    if not folders:
        raise ConfigError("no document folders (expected references/<document>/article.txt)", root)
    return {f.name: load_document(f, need_summaries) for f in folders}


# ---------------------------------------------------------------- candidates


def _walk(root: Path, follow_outside: bool = False) -> Iterator[tuple[Path, str | None, bool]]:
    """Yield (path, note, is_error) under root, following symlinks once.

    A file to read has no note; a skipped file has a note; a folder or entry that could
    hold candidates but cannot be read (permissions, a path over the OS length limit) is
    an error, never silently dropped. A symlink that resolves outside `root` is an error
    and is not followed unless `follow_outside` (a pull request can add
    `candidates/x.txt -> ../.git/config`).
    """
    root_real = os.path.realpath(root)
    seen: set[tuple[int, int]] = set()  # (device, inode) of each folder listed
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            # One stat per folder, not a realpath (an lstat of every ancestor: cubic in
            # the depth of a deep tree).
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:
                yield folder, "symlink loop, skipped", False
                continue
            seen.add((st.st_dev, st.st_ino))
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield folder, f"cannot list folder: {exc.strerror or exc}", True
            continue
        subfolders = []
        for entry in entries:
            path = Path(entry.path)
            if _is_skipped(entry.name):
                continue
            try:
                is_dir = entry.is_dir()
                is_file = entry.is_file()
            except OSError as exc:
                yield path, f"cannot read: {exc.strerror or exc}", True
                continue
            if (is_dir or is_file) and entry.is_symlink() and not follow_outside:
                real = os.path.realpath(path)
                if real != root_real and not real.startswith(root_real.rstrip(os.sep) + os.sep):
                    yield (
                        path,
                        (
                            "symlink to a path outside the candidates folder, not followed "
                            "(--follow-symlinks-outside allows it)"
                        ),
                        True,
                    )
                    continue
            if is_dir:
                subfolders.append(path)
            elif is_file:
                if path.suffix.lower() in TEXT_SUFFIXES:
                    yield path, None, False
                else:
                    yield path, "not a .txt or .md file, ignored", False
            elif entry.is_symlink():
                yield path, "broken symlink, skipped", False
        stack.extend(reversed(subfolders))


def _candidate_id(rel: Path) -> str:
    return rel.with_suffix("").as_posix()


def iter_folder(
    root: Path,
    documents: dict[str, Document],
    notes: list[str] | None = None,
    follow_outside: bool = False,
) -> Iterator[Candidate | LoadFailure]:
    single = next(iter(documents)) if len(documents) == 1 else None
    files = []
    unreadable = []
    for path, note, is_error in _walk(root, follow_outside):
        if is_error:
            unreadable.append((path, note))
        elif note is not None:
            if notes is not None:
                notes.append(f"{path}: {note}")
        else:
            files.append(path)
    for path, problem in unreadable:  # could hold candidates: an error, so no gate passes
        rel = path.relative_to(root)
        doc = single or (rel.parts[0] if rel.parts and rel.parts[0] in documents else None)
        shown = _printable(str(path))
        cid = _candidate_id(rel) if rel.suffix.lower() in TEXT_SUFFIXES else rel.as_posix()
        yield LoadFailure(_printable(cid or "."), shown, doc, f"{shown}: {problem}")
    files.sort(key=lambda p: p.relative_to(root).as_posix())

    def ident(index: int) -> tuple[str, str] | None:
        rel = files[index].relative_to(root)
        cid = _fs_utf8(_candidate_id(rel))
        doc = single or (rel.parts[0] if len(rel.parts) > 1 else None)
        return None if cid is None or doc is None else (doc, cid)

    seen = _SeenIds(ident)
    names: list[str] = []  # shown names, by position, for "also PATH" and look-alikes
    for index, path in enumerate(files):
        rel = path.relative_to(root)
        names.append(_printable(str(path)))
        cid = _fs_utf8(_candidate_id(rel))
        name = _fs_utf8(str(path))
        if cid is None or name is None:
            shown = _printable(str(path))
            yield LoadFailure(
                _printable(_candidate_id(rel)),
                shown,
                single,
                f"{shown}: file name is not valid UTF-8; rename the file",
            )
            continue
        if single is not None:
            doc = single
        else:
            doc = rel.parts[0] if len(rel.parts) > 1 else None
            if doc not in documents:
                yield LoadFailure(
                    cid,
                    name,
                    None,
                    f"{name}: cannot tell its document: with several documents candidates "
                    f"live in <folder>/<document>/ (documents: {', '.join(documents)})",
                )
                continue
        first = seen.duplicate_of(doc, cid, index)
        if first is not None:
            yield LoadFailure(
                cid, name, doc, f"{name}: duplicate candidate id {cid!r} (also {names[first]})"
            )
            continue
        try:
            text = read_text(path)
        except InputError as exc:
            yield LoadFailure(cid, name, doc, str(exc))
            continue
        warnings = ("empty summary",) if is_blank(text) else ()
        warnings += seen.warnings(cid, doc, index, names.__getitem__)
        yield Candidate(cid, name, doc, text, warnings)


def iter_jsonl(path: Path, documents: dict[str, Document]) -> Iterator[Candidate | LoadFailure]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror}", path) from None
    locator = LineLocator(path, _bounded_lines)  # earlier lines read back, not kept

    def lines() -> Iterator[bytes | None]:
        for number, raw in enumerate(_bounded_lines(handle), start=1):
            locator.mark(number + 1, handle.tell())
            yield raw

    with handle, contextlib.closing(locator):
        yield from iter_jsonl_lines(lines(), str(path), documents, locator.read)


BLANK_LINE = object()  # what read_jsonl_line gives for a line with nothing on it


def read_jsonl_line(raw: bytes | None, number: int, where: str) -> Any:
    """One JSONL line's JSON value; a `LoadFailure` naming `where` and the problem (a line
    over the limit, not UTF-8, not JSON, nested too deeply, a number too long); or
    `BLANK_LINE`."""
    if raw is None:
        return LoadFailure(
            f"line-{number}", where, None, f"{where}: line is over the {MAX_BYTES:,}-byte limit"
        )
    if not raw.strip():
        return BLANK_LINE
    try:
        return json.loads(decode(raw, where))
    except InputError as exc:
        return LoadFailure(f"line-{number}", where, None, str(exc))
    except json.JSONDecodeError as exc:
        return LoadFailure(f"line-{number}", where, None, f"{where}: invalid JSON ({exc.msg})")
    except RecursionError:
        return LoadFailure(f"line-{number}", where, None, f"{where}: JSON nested too deeply")
    except ValueError:  # a whole number over Python's 4,300-digit conversion limit
        return LoadFailure(
            f"line-{number}", where, None, f"{where}: invalid JSON (a number too long)"
        )


def iter_jsonl_lines(
    lines: Iterable[bytes | None],
    source: str,
    documents: dict[str, Document],
    reread: Callable[[int], bytes | None] | None = None,
) -> Iterator[Candidate | LoadFailure]:
    """The candidates of JSONL lines (None: a line over the limit) read from `source`.

    `reread(n)` gives line n again, to confirm a duplicate or look-alike id on the real
    ids (a digest is only a hint); without it the lines are kept in memory for that.
    """
    single = next(iter(documents)) if len(documents) == 1 else None
    if reread is None:
        kept: dict[int, bytes | None] = {}
        reread = kept.get

        def keeping(lines: Iterable[bytes | None]) -> Iterator[bytes | None]:
            for number, raw in enumerate(lines, start=1):
                kept[number] = raw
                yield raw

        lines = keeping(lines)

    def ident(number: int) -> tuple[str, str] | None:
        """(document, id) of an earlier line, read again."""
        raw = reread(number)
        try:
            record = json.loads(decode(raw, source)) if raw is not None else None
        except (InputError, ValueError, RecursionError):
            return None
        found = _check_record(record, "", number, documents, single)
        return None if isinstance(found, LoadFailure) else (found[1], found[0])

    seen = _SeenIds(ident)
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}"
        record = read_jsonl_line(raw, number, where)
        if record is BLANK_LINE:
            continue
        if isinstance(record, LoadFailure):
            yield record
            continue
        failure = _check_record(record, where, number, documents, single)
        if isinstance(failure, LoadFailure):
            yield failure
            continue
        cid, doc, summary = failure
        first = seen.duplicate_of(doc, cid, number)
        if first is not None:
            yield LoadFailure(cid, where, doc, f"{where}: duplicate id {cid!r} (also line {first})")
            continue
        warnings = ("empty summary",) if is_blank(summary) else ()
        warnings += seen.warnings(cid, doc, number, "line {}".format)
        yield Candidate(cid, where, doc, unix_newlines(summary), warnings)


def _bounded_lines(handle, limit: int = MAX_BYTES) -> Iterator[bytes | None]:
    """The lines of a binary file; None for a line over `limit` bytes, never held in memory."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = handle.readline(1 << 20)
            yield None
            continue
        yield line


def _check_record(
    record: object, where: str, number: int, documents: dict[str, Document], single: str | None
) -> LoadFailure | tuple[str, str, str]:
    if not isinstance(record, dict):
        return LoadFailure(f"line-{number}", where, None, f"{where}: expected a JSON object")
    if "id" not in record or record["id"] in (None, ""):
        return LoadFailure(f"line-{number}", where, None, f'{where}: missing "id"')
    cid = record["id"]
    if not isinstance(cid, (str, int)) or isinstance(cid, bool):
        if isinstance(cid, (bool, float)):
            got = json.dumps(cid)  # true, 1.5
        else:
            got = "a list" if isinstance(cid, list) else "an object"
        return LoadFailure(
            f"line-{number}",
            where,
            None,
            f'{where}: "id" must be a string or a whole number, not {got}',
        )
    cid = str(cid)
    if not _is_utf8(cid):
        return LoadFailure(
            _printable(cid), where, None, f'{where}: "id" has an unpaired surrogate escape'
        )
    if "references" in record:  # pair-level lines are read whole or not at all
        return LoadFailure(
            cid,
            where,
            None,
            f'{where}: has "references" but the first line does not; give every line its '
            "references (pair-level) or none",
        )
    summary = record.get("summary")
    if not isinstance(summary, str):
        return LoadFailure(cid, where, None, f'{where}: "summary" must be a string')
    if not _is_utf8(summary):
        return LoadFailure(
            cid,
            where,
            None,
            f'{where}: "summary" has an unpaired surrogate escape (such as \\ud800), not text',
        )
    doc = record.get("document")
    if doc is None:
        doc = single
    if doc is None:
        return LoadFailure(cid, where, None, f'{where}: missing "document" (several documents)')
    if not isinstance(doc, str):
        return LoadFailure(cid, where, None, f'{where}: "document" must be a string')
    if doc not in documents:
        return LoadFailure(cid, where, None, f"{where}: unknown document {doc!r}")
    return cid, str(doc), summary


def iter_candidates(
    path: Path,
    documents: dict[str, Document],
    notes: list[str] | None = None,
    follow_outside: bool = False,
) -> Iterator[Candidate | LoadFailure]:
    """Candidates from a folder or a JSONL file, in a stable order."""
    if not path.exists():
        raise ConfigError("candidates path not found", path)
    if path.is_dir():
        return iter_folder(path, documents, notes, follow_outside)
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return iter_jsonl(path, documents)
    if path.suffix.lower() in TEXT_SUFFIXES:
        return iter_folder_single(path, documents)
    raise ConfigError("expected a folder of .txt/.md files or a .jsonl file", path)


def iter_folder_single(
    path: Path, documents: dict[str, Document]
) -> Iterator[Candidate | LoadFailure]:
    if len(documents) != 1:
        yield LoadFailure(path.stem, str(path), None, f"{path}: several documents; use a folder")
        return
    doc = next(iter(documents))
    try:
        text = read_text(path)
    except InputError as exc:
        yield LoadFailure(path.stem, str(path), doc, str(exc))
        return
    warnings = ("empty summary",) if is_blank(text) else ()
    yield Candidate(path.stem, str(path), doc, text, warnings)


@dataclass(frozen=True)
class Dataset:
    documents: dict[str, Document]
    candidates: tuple[Candidate | LoadFailure, ...]
    notes: tuple[str, ...] = ()


def load_dataset(candidates: Path | str, references: Path | str = "references") -> Dataset:
    """Load references and every candidate into memory (the library's entry point).

    Pair-level data (`harness.pairs`: JSONL with `references`, a summaries/ + references/
    folder, `-` for stdin) carries its own references; `references` is then not read."""
    from harness.pairs import open_input

    source = open_input(Path(candidates), Path(references))
    items = tuple(source.items)  # a folder's notes are gathered while it is read
    return Dataset(source.documents, items, tuple(source.notes))
