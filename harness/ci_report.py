"""Reports CI systems read: JUnit XML, GitHub workflow annotations, a step summary.

- `render_junit`: one `<testsuite>` per document (plus `mean` for run-level
  thresholds), one `<testcase>` per candidate x check (classname = candidate id,
  name = the check, e.g. `coverage >= 1.0`, `fact:no-council-staff (required)`). A failed
  check has `<failure>`, a check on a metric this run did not compute `<skipped>`, a
  candidate that could not be scored one `<error>` testcase named `scored`. The run
  signature is written once (a property of the first suite), so the file grows linearly
  with candidates whatever the number of documents; a candidate's scoring time is shared
  among its testcases; `<testsuites>` carries only the attributes of the Jenkins schema.
- `render_github`: `::error file=...,title=...::message` lines GitHub turns into
  annotations on the candidate files, escaped per the workflow-command rules.
- `render_step_summary` / `append_step_summary`: Markdown appended to the file named
  by `$GITHUB_STEP_SUMMARY`.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from harness.gate import GateCheck, GateResult, failure_rows, format_number, verdict_line
from harness.text import unix_newlines

if TYPE_CHECKING:
    from harness.results import RunResult

# Characters XML 1.0 forbids even escaped (C0 controls other than tab, LF, CR; U+FFFE/F;
# lone surrogates): dropped from any text that goes into the report.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: object) -> str:
    return _XML_INVALID.sub("\ufffd", str(text))


# ---------------------------------------------------------------- JUnit


def _case(parent: ET.Element, classname: str, name: str, seconds: float = 0.0) -> ET.Element:
    attrs = {"classname": xml_safe(classname), "name": xml_safe(name), "time": _time(seconds)}
    return ET.SubElement(parent, "testcase", attrs)


def _time(seconds: float | None) -> str:
    return f"{max(0.0, seconds or 0.0):.6f}".rstrip("0").rstrip(".") or "0"


def _check_detail(k: GateCheck) -> str:
    lines = [
        f"check: {k.name}",
        f"value: {format_number(k.value)}",
        f"threshold: {format_number(k.threshold)}",
    ]
    if k.document:
        lines.insert(0, f"document: {k.document}")
    if k.path:
        lines.append(f"file: {k.path}")
    return "\n".join(lines)


def render_junit(
    run: RunResult,
    gate: GateResult | None = None,
    *,
    name: str = "harness",
    timestamp: _dt.datetime | None = None,
    elapsed: float = 0.0,
) -> str:
    """JUnit XML that GitLab, Jenkins and GitHub test reporters accept."""
    stamp = (timestamp or _dt.datetime.now()).replace(microsecond=0, tzinfo=None).isoformat()
    checks_by_candidate: dict[tuple[str | None, str], list[GateCheck]] = {}
    mean_checks: list[GateCheck] = []
    for k in gate.checks if gate else ():
        if k.candidate is None:
            mean_checks.append(k)
        else:
            checks_by_candidate.setdefault((k.document, k.candidate), []).append(k)

    suites: dict[str, ET.Element] = {}
    root = ET.Element("testsuites", {"name": xml_safe(name)})

    def suite(suite_name: str) -> ET.Element:
        if suite_name not in suites:
            el = ET.SubElement(root, "testsuite", {"name": xml_safe(suite_name)})
            if not suites:  # the signature once per report, not once per suite
                props = ET.SubElement(el, "properties")
                signature = {"name": "signature", "value": xml_safe(run.signature)}
                ET.SubElement(props, "property", signature)
            suites[suite_name] = el
        return suites[suite_name]

    for c in run.candidates:
        parent = suite(c.document or "unknown")
        if c.status != "ok":
            case = _case(parent, c.id, "scored", c.seconds or 0.0)
            err = ET.SubElement(
                case,
                "error",
                {"message": xml_safe(c.error or "could not be scored"), "type": "ScoringError"},
            )
            err.text = xml_safe(f"file: {c.path}\n{c.error or ''}")
            continue
        checks = checks_by_candidate.get((c.document, c.id), [])
        if not checks:
            _case(parent, c.id, "scored", c.seconds or 0.0)
            continue
        share = (c.seconds or 0.0) / len(checks)  # its scoring time over its checks
        for k in checks:
            case = _case(parent, c.id, k.name, share)
            _add_outcome(case, k)
    if mean_checks:
        parent = suite("mean")
        for k in mean_checks:
            _add_outcome(_case(parent, "run", k.name), k)

    totals = {"tests": 0, "failures": 0, "errors": 0}  # no `skipped` on <testsuites>
    for el in suites.values():
        cases = el.findall("testcase")
        counts = {
            "tests": len(cases),
            "failures": sum(1 for t in cases if t.find("failure") is not None),
            "errors": sum(1 for t in cases if t.find("error") is not None),
            "skipped": sum(1 for t in cases if t.find("skipped") is not None),
        }
        for key, value in counts.items():
            el.set(key, str(value))
            if key in totals:
                totals[key] += value
        el.set("time", _time(sum(float(t.get("time", "0")) for t in cases)))
        el.set("timestamp", stamp)
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("time", f"{max(0.0, elapsed):.3f}")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _add_outcome(case: ET.Element, k: GateCheck) -> None:
    if k.status == "failed":
        el = ET.SubElement(
            case, "failure", {"message": xml_safe(k.message or k.name), "type": "GateFailure"}
        )
        el.text = xml_safe(_check_detail(k))
    elif k.status == "skipped":
        ET.SubElement(case, "skipped", {"message": xml_safe(k.message or "not computed")})


# ---------------------------------------------------------------- GitHub


def escape_data(text: str) -> str:
    """A workflow command's message: `%`, CR and LF are percent-encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: also `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: str | int | None) -> str:
    """`::kind prop=value,...::message` with GitHub's escaping."""
    given = [f"{k}={escape_property(str(v))}" for k, v in props.items() if v not in (None, "")]
    head = f"::{kind} {','.join(given)}" if given else f"::{kind}"
    return f"{head}::{escape_data(message)}"


_LINE_SUFFIX = re.compile(r"^(.*):(\d+)$")


def locate(path: str | None, span: tuple[int, int] | None = None) -> tuple[str | None, int | None]:
    """(file, line) for an annotation: `preds.jsonl:3` is line 3; a span maps to its line."""
    if not path:
        return None, None
    m = _LINE_SUFFIX.match(path)
    if m and not Path(path).exists():
        return m.group(1), int(m.group(2))
    if span is not None:
        try:
            text = Path(path).read_bytes().decode("utf-8-sig", errors="replace")
        except OSError:
            return path, None
        text = unix_newlines(text)
        return path, text.count("\n", 0, max(0, span[0])) + 1
    return path, None


def render_github(run: RunResult, gate: GateResult | None = None) -> str:
    """Workflow commands: an error per gate failure and unscored candidate, then the verdict."""
    paths = {(c.document, c.id): c.path for c in run.candidates}
    lines: list[str] = []
    for c in run.candidates:
        if c.status != "ok":
            file, line = locate(c.path)
            lines.append(
                command(
                    "error",
                    c.error or "could not be scored",
                    file=file,
                    line=line,
                    title=f"harness: {c.id} could not be scored",
                )
            )
    if gate is not None:
        for k in gate.checks:
            if k.status != "failed":
                continue
            path = k.path or paths.get((k.document, k.candidate or ""))
            file, line = locate(path, k.span)
            who = k.candidate if k.candidate is not None else "run mean"
            lines.append(
                command(
                    "error", k.message, file=file, line=line, title=f"harness gate: {who}: {k.name}"
                )
            )
        for note in gate.notes:
            lines.append(command("notice", note, title="harness gate"))
        kind = "notice" if gate.passed else "error"
        lines.append(command(kind, verdict_line(gate), title="harness gate"))
    s = run.summary
    lines.append(f"harness: {s.scored} of {s.candidates} candidates scored, {s.errors} errors")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- step summary


def _md(text: object) -> str:
    from harness.text import markdown_text

    return markdown_text(text)


def _code(text: str) -> str:
    """A metric name as `code` when it is a plain name, else escaped text (no break-out)."""
    return f"`{text}`" if re.fullmatch(r"[\w:.\-]+", text) else _md(text)


def render_gate_markdown(gate: GateResult) -> str:
    icon = "✅" if gate.passed else "❌"
    lines = [f"**{icon} {verdict_line(gate)}**", ""]
    rows = failure_rows(gate)
    if rows:
        lines += ["| candidate | metric | value | threshold |", "|---|---|---:|---:|"]
        lines += [f"| {_md(a)} | {_code(b)} | {_md(c)} | {_md(d)} |" for a, b, c, d in rows]
        lines.append("")
    if gate.errors:
        lines.append("Not scored (the run exits 1; not gate failures):")
        lines += [f"- {_md(e.candidate)}: {_md(e.error)}" for e in gate.errors]
        lines.append("")
    if gate.notes:
        lines += [f"- note: {_md(n)}" for n in gate.notes]
        lines.append("")
    return "\n".join(lines)


def render_step_summary(
    run: RunResult, gate: GateResult | None = None, comparison_markdown: str | None = None
) -> str:
    from harness.output import render_markdown

    s = run.summary
    title = "harness"
    if gate is not None:
        title += ": gate passed" if gate.passed else ": gate failed"
    parts = [
        f"## {title}",
        "",
        f"{s.scored} of {s.candidates} candidates scored, {s.errors} errors.",
        "",
    ]
    if gate is not None:
        parts.append(render_gate_markdown(gate))
    if comparison_markdown:
        parts += ["### Against the baseline", "", comparison_markdown, ""]
    parts += [
        "<details><summary>Scores</summary>",
        "",
        render_markdown(run),
        "</details>",
        "",
    ]
    return "\n".join(parts)


def append_step_summary(text: str, env: Mapping[str, str] | None = None) -> Path | None:
    """Append Markdown to `$GITHUB_STEP_SUMMARY` when it is set; returns the file or None."""
    target = (env if env is not None else os.environ).get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    path = Path(target)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(text if text.endswith("\n") else text + "\n")
    return path
