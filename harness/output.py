"""Output formats: table, json, jsonl, csv, markdown; atomic file writes."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from harness.errors import ConfigError
from harness.families.facts import SYMBOL
from harness.metrics import MetricFamily, families
from harness.results import (
    SCHEMA_VERSION,
    CandidateResult,
    RunResult,
    candidate_to_dict,
    summary_to_dict,
)
from harness.text import markdown_text, printable


def dumps(obj: Any) -> str:
    """Deterministic JSON: fixed key order as built, UTF-8 kept, floats pre-rounded."""
    return json.dumps(obj, ensure_ascii=False, indent=2, allow_nan=False)


def checklist(c: CandidateResult) -> str:
    """Compact checklist such as `✓✗⚠ 1/3 -museum-closed !director-resigned`."""
    from harness.families.facts import FactsFamily

    return FactsFamily.cell(c.facts) if c.facts is not None else ""


# ------------------------------------------------------------------ row form


def _run_families(run: RunResult) -> list[type[MetricFamily]]:
    """The families of this run, in registry order (all registered when not recorded)."""
    regs = families()
    chosen = run.settings.get("metrics")
    return [f for name, f in regs.items() if chosen is None or name in chosen]


def row_fields(run: RunResult) -> list[str]:
    """CSV columns: the candidate, every metric of the run by its one name, the families'
    text columns, then error and warnings."""
    fams = _run_families(run)
    metric_cols = [m.name for f in fams for m in f.metrics]
    extra = [f.column[0] for f in fams if f.column]
    return ["id", "document", "status", *metric_cols, *extra, "error", "warnings"]


def flat_row(c: CandidateResult) -> dict[str, Any]:
    """One flat record per candidate (csv, markdown, table), keyed by the metrics' names."""
    regs = families()
    row: dict[str, Any] = {"id": c.id, "document": c.document or "", "status": c.status}
    row.update(c.metrics)
    for name, result in c.scores.items():
        col = regs[name].column
        if col:
            row[col[0]] = regs[name].cell(result)
    row["error"] = c.error or ""
    row["warnings"] = "; ".join(c.warnings)
    return row


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(", ", ": "))


def _compact(obj: Any) -> str:
    return _ENCODER.encode(obj)  # one encoder for every line (json.dumps builds one a call)


def render_json(run: RunResult, extra: dict[str, Any] | None = None) -> str:
    """The report (see `write_json`) as one string."""
    buf = io.StringIO()
    write_json(run, extra, buf)
    return buf.getvalue()


_STREAMED = object()  # the candidates' place in the report while its other keys are built
_BATCH = 1024  # candidate lines per write


def write_json(run: RunResult, extra: dict[str, Any] | None, out: TextIO) -> None:
    """Write the report: one top-level key per line, one candidate per line.

    Still one JSON document (`jq`, `json.load`), but written with the C encoder (an
    indented dump goes through Python's slow pure encoder, several times the cost), and
    a candidate at a time: the whole report is never built in memory, as a dict or as a
    string.
    """
    data = {
        "schema_version": SCHEMA_VERSION,
        "signature": run.signature,
        "settings": run.settings,
        "summary": summary_to_dict(run.summary),
        "candidates": _STREAMED,
    }
    if extra:
        data.update(extra)
    out.write("{\n")
    keys = list(data)
    for i, key in enumerate(keys):
        comma = "," if i < len(keys) - 1 else ""
        value = data[key]
        if key != "candidates":
            out.write(f"  {_compact(key)}: {_compact(value)}{comma}\n")
            continue
        if value is _STREAMED:
            _write_candidates(run.candidates, comma, out)
        else:  # `extra` brought its own candidates (dicts)
            _write_candidates(list(value or ()), comma, out, as_dicts=True)
    out.write("}\n")


def _write_candidates(items: Any, comma: str, out: TextIO, as_dicts: bool = False) -> None:
    """The `candidates` array, a line each, written in batches."""
    n = len(items)
    if n == 0:
        out.write(f'  "candidates": []{comma}\n')
        return
    out.write('  "candidates": [\n')
    batch: list[str] = []
    for j, c in enumerate(items):
        obj = c if as_dicts else candidate_to_dict(c)
        batch.append(f"    {_compact(obj)}{',' if j < n - 1 else ''}\n")
        if len(batch) >= _BATCH:
            out.write("".join(batch))
            batch = []
    out.write("".join(batch))
    out.write(f"  ]{comma}\n")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A cell spreadsheets cannot run: text starting with = + - @ tab or CR gets a `'`
    in front (OWASP's CSV-injection rule); numbers are written as numbers."""
    if isinstance(value, float):
        return f"{value:.6f}"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def render_csv(run: RunResult, extra: dict[str, Any] | None = None) -> str:
    """One row per candidate. A field holding a newline or a lone CR is quoted (the
    writer's terminator is CRLF, so both are special; rows still end in LF)."""
    rows = [flat_row(c) for c in run.candidates]
    fields = row_fields(run)
    out = []
    for row in [dict(zip(fields, fields, strict=True)), *rows]:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerow([csv_cell(row.get(k)) for k in fields])
        out.append(buf.getvalue()[:-2] + "\n")
    return "".join(out)


TEXT_COLUMNS = ("id", "status", "document")


def _columns(run: RunResult) -> list[tuple[str, str]]:
    """(key, title) of the table's columns that carry data in this run."""
    fams = _run_families(run)
    rows = [flat_row(c) for c in run.candidates if c.status == "ok"]
    metric_cols = [(m.name, m.short) for f in fams for m in f.metrics if m.column]
    extra = [f.column for f in fams if f.column]
    cols = [
        (key, title)
        for key, title in [*metric_cols, *extra]
        if any(r.get(key) not in (None, "") for r in rows)
    ]
    cols = [("id", "candidate"), *cols, ("status", "status")]
    if len(run.settings.get("documents", [])) > 1:
        cols.insert(1, ("document", "document"))
    return cols


def _text_column(key: str) -> bool:
    return key in TEXT_COLUMNS or any(f.column and f.column[0] == key for f in families().values())


def _status_text(c: CandidateResult) -> str:
    if c.status != "ok":
        return f"error: {c.error}"
    return "ok" + (f" ({'; '.join(c.warnings)})" if c.warnings else "")


def _summary_cells(run: RunResult, cols: list[tuple[str, str]]) -> list[str]:
    m = run.summary.means
    text_cols = {f.column[0]: f for f in families().values() if f.column}
    cells = []
    for key, _ in cols:
        if key == "id":
            cells.append(f"mean ({run.summary.scored} scored)")
        elif key in m:
            cells.append(f"{m[key]:.4f}")
        elif key in text_cols:
            cells.append(text_cols[key].cell_summary(m))
        elif key == "status":
            n = run.summary.errors
            cells.append(f"{n} error{'s' if n != 1 else ''}" if n else "")
        else:
            cells.append("")
    return cells


def render_markdown(run: RunResult, extra: dict[str, Any] | None = None) -> str:
    cols = _columns(run)
    lines = [
        "| " + " | ".join(title for _, title in cols) + " |",
        "|" + "|".join("---" if _text_column(k) else "---:" for k, _ in cols) + "|",
    ]
    for c in run.candidates:
        row = flat_row(c)
        row["status"] = _status_text(c)
        lines.append("| " + " | ".join(markdown_text(_fmt(row.get(k))) for k, _ in cols) + " |")
    lines.append(
        "| "
        + " | ".join(f"**{markdown_text(x)}**" if x else "" for x in _summary_cells(run, cols))
        + " |"
    )
    lines.append("")
    lines.append(f"`{run.signature}`")
    return "\n".join(lines) + "\n"


def _short_status(c: CandidateResult) -> str:
    """The status in a narrow table: `ok`, `ok*` (with warnings) or `error`; the details
    are on stderr as they come, and in every other format."""
    if c.status != "ok":
        return "error"
    return "ok*" if c.warnings else "ok"


def _short_checklist(c: CandidateResult) -> str:
    """The facts cell in a narrow table: marks and count (`✓✗⚠ 1/3`), not the fact ids."""
    return " ".join(checklist(c).split(" ")[:2])


def _short_summary(cells: list[str], cols: list[tuple[str, str]]) -> list[str]:
    """The summary row in a narrow table: `mean`, and the facts cell's number alone."""
    out = list(cells)
    for i, (key, _) in enumerate(cols):
        if key == "id":
            out[i] = "mean"
        elif key == "checklist" and out[i]:
            out[i] = out[i].split()[-1]
    return out


def _fit_columns(
    run: RunResult, cols: list[tuple[str, str]], width: int | None
) -> tuple[list[tuple[str, str]], bool]:
    """(the columns that fit in `width` terminal cells, whether the layout is compact).

    Everything, when it fits. Else a compact layout (no side borders, the status a word,
    the summary row labelled `mean`): the id whole up to half the width, then the other
    columns in order while each fits whole, never squeezed; when none fits beside them
    the id takes the rest of the line. Rows stay one line wherever the id fits.
    """
    if width is None:
        return cols, False
    from rich.cells import cell_len

    rows = [flat_row(c) for c in run.candidates]
    keys = [k for k, _ in cols]
    cells = _summary_cells(run, cols)
    summary = dict(zip(keys, cells, strict=True))
    compact = dict(zip(keys, _short_summary(cells, cols), strict=True))

    def need(key: str, title: str, short: bool = False) -> int:
        if key == "status":
            status = _short_status if short else _status_text
            texts = [status(c) for c in run.candidates]
        elif key == "checklist" and short:
            texts = [_short_checklist(c) for c in run.candidates if c.facts is not None]
        else:
            texts = [printable(_fmt(r.get(key))) for r in rows]
        texts.append((compact if short else summary)[key])
        return max(cell_len(t) for t in [title, *texts]) + 3  # padding, border

    sizes = {key: need(key, title) for key, title in cols}
    if 1 + sum(sizes.values()) <= width:
        return cols, False
    sizes = {key: need(key, title, short=True) for key, title in cols}
    base = -3 + sizes["status"]  # no outer border or edge padding in the compact layout
    used = base + min(sizes["id"], max(12, width // 2))
    keep = {"id", "status"}
    for key, _ in cols:
        if key not in keep and used + sizes[key] <= width:
            keep.add(key)
            used += sizes[key]
    return [(k, t) for k, t in cols if k in keep], True


def build_table(run: RunResult, width: int | None = None):
    """The score table; with `width` (a terminal) a compact layout when it does not fit:
    status shortened, the columns that do not fit left out (named in the caption) rather
    than squeezed to nothing; the id and the status always stay."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    every = _columns(run)
    cols, short = _fit_columns(run, every, width)
    left_out = [title for key, title in every if (key, title) not in cols]
    notes = [f"not shown (too narrow): {', '.join(left_out)}"] if left_out else []
    if short and any(c.warnings for c in run.candidates):
        notes.append("ok*: with warnings (on stderr, in --format json)")
    table = Table(
        title=None,
        show_lines=False,
        caption="; ".join(notes) or None,
        box=box.SIMPLE_HEAD if short else box.HEAVY_HEAD,
        show_edge=not short,
        pad_edge=not short,
    )
    for key, title in cols:
        justify = "left" if _text_column(key) else "right"
        fixed = key not in ("id", "document") and (short or key == "checklist")
        table.add_column(title, justify=justify, no_wrap=fixed, overflow="fold")
    for c in run.candidates:
        row = flat_row(c)
        cells = []
        for key, _ in cols:
            if key == "status":
                style = "red" if c.status != "ok" else ("yellow" if c.warnings else "green")
                text = _short_status(c) if short else _status_text(c)
                cells.append(Text(printable(text), style=style))
            elif key == "checklist" and c.facts is not None:
                text = Text()
                for r in c.facts.results:
                    text.append(
                        SYMBOL[r.verdict],
                        style={"present": "green", "absent": "yellow", "contradicted": "bold red"}[
                            r.verdict
                        ],
                    )
                rest = (_short_checklist(c) if short else checklist(c)).split(" ")[1:]
                text.append(printable(" " + " ".join(rest)))
                cells.append(text)
            else:  # ids and paths are data: control characters escaped, never rich markup
                cells.append(Text(printable(_fmt(row.get(key)))))
        table.add_row(*cells)
    table.add_section()
    cells = _summary_cells(run, cols)
    table.add_row(*(_short_summary(cells, cols) if short else cells), style="bold")
    return table


def render_table(run: RunResult, extra: dict[str, Any] | None = None) -> str:
    from rich.console import Console

    buf = io.StringIO()
    console = Console(file=buf, width=160, force_terminal=False, color_system=None)
    console.print(build_table(run))
    console.print(run.signature, soft_wrap=True)
    return buf.getvalue()


def iter_jsonl(results: Iterable[CandidateResult]) -> Iterable[str]:
    for c in results:
        yield json.dumps(candidate_to_dict(c), ensure_ascii=False, allow_nan=False) + "\n"


def jsonl_tail(run: RunResult, extra: dict[str, Any] | None = None) -> str:
    """The last line of a JSONL report: summary, signature, settings, then gate and the rest."""
    tail = {
        "schema_version": SCHEMA_VERSION,
        "summary": summary_to_dict(run.summary),
        "signature": run.signature,
        "settings": run.settings,
        **(extra or {}),
    }
    return json.dumps(tail, ensure_ascii=False, allow_nan=False) + "\n"


def render_jsonl(run: RunResult, extra: dict[str, Any] | None = None) -> str:
    return "".join(iter_jsonl(run.candidates)) + jsonl_tail(run, extra)


RENDERERS: dict[str, Callable[..., str]] = {
    "table": render_table,
    "json": render_json,
    "jsonl": render_jsonl,
    "csv": render_csv,
    "markdown": render_markdown,
}


def _output_target(path: Path) -> tuple[Path, bool]:
    """Where a report for `path` really goes: (target, plain).

    A symlink is written through: its target is replaced atomically (beside the target),
    never the link itself. A FIFO or a character device (`/dev/stdout`, `/dev/null`, a
    pipe) is written plainly, never replaced. Any other non-regular file (socket, block
    device) is a ConfigError. `plain` is False for a regular or missing file.
    """
    import stat

    try:
        st = os.stat(path)  # follows symlinks
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise ConfigError(f"cannot write output: {exc.strerror or exc}", path) from None
    if st is not None and (stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode)):
        return path, True
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise ConfigError("output path is a folder, expected a file name", path)
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise ConfigError("output path is not a regular file, a pipe or a terminal", path)
    if any(hop.startswith(("/proc/", "/dev/")) for hop in _link_chain(path)):
        return path, True  # /dev/stdout redirected to a file: the shell's file, kept as is
    if os.path.islink(path):
        return Path(os.path.realpath(path)), False
    return path, False


def _link_chain(path: Path) -> list[str]:
    """`path` and every symlink hop after it, as absolute paths (at most 40 hops)."""
    hops = [os.path.abspath(path)]
    for _ in range(40):
        try:
            nxt = os.readlink(hops[-1])
        except OSError:
            break
        hops.append(os.path.join(os.path.dirname(hops[-1]), nxt))
    return hops


def _temp_beside(path: Path) -> tuple[int, str]:
    """A temp file in the folder of `path` (so rename is atomic), with normal permissions.

    Missing folder, a folder as target, or a read-only folder is a ConfigError (exit 2).
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ConfigError("output folder does not exist", folder)
    if path.is_dir():
        raise ConfigError("output path is a folder, expected a file name", path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ConfigError(f"cannot write output: {exc.strerror}", path) from None
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
    return fd, tmp


def check_output(path: Path) -> None:
    """Fail early (exit 2) when `path` cannot be written, before any scoring is done."""
    target, plain = _output_target(Path(path))
    if plain:
        if not os.access(target, os.W_OK):
            raise ConfigError("cannot write output: Permission denied", path)
        return
    fd, tmp = _temp_beside(target)
    os.close(fd)
    os.unlink(tmp)


class AtomicWriter:
    """A text stream that becomes `path` only when closed without error.

    Ctrl-C or a crash removes the temp file: readers never see half a report. A symlink
    is written through to its target; a pipe or a character device is written plainly.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.target, self.plain = _output_target(self.path)
        self.tmp: str | None = None
        if self.plain:
            try:
                self.handle: TextIO = open(  # noqa: SIM115 - closed in __exit__
                    self.target, "w", encoding="utf-8", newline=""
                )
            except OSError as exc:
                raise ConfigError(
                    f"cannot write output: {exc.strerror or exc}", self.path
                ) from None
            return
        fd, self.tmp = _temp_beside(self.target)
        self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def __enter__(self) -> TextIO:
        return self.handle

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            try:
                self.handle.flush()
                if self.plain:
                    self.handle.close()
                    return
                os.fsync(self.handle.fileno())
                self.handle.close()
                os.replace(self.tmp, self.target)
                return
            except OSError as exc:  # disk full, target replaced by a folder meanwhile
                self._discard()
                reason = exc.strerror or str(exc)
                raise ConfigError(f"cannot write output: {reason}", self.path) from None
            except BaseException:  # Ctrl-C during the final write
                self._discard()
                raise
        self._discard()
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            reason = exc.strerror or str(exc)  # disk full while writing the report
            raise ConfigError(f"cannot write output: {reason}", self.path) from None

    def _discard(self) -> None:
        with contextlib.suppress(OSError):
            self.handle.close()
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)


def write_atomic(path: Path, text: str | Callable[[TextIO], None]) -> None:
    """Write `text` (or what a writer such as `write_json` writes) to `path` via a temp
    file and a rename."""
    with AtomicWriter(path) as handle:
        if callable(text):
            text(handle)
        else:
            handle.write(text)
