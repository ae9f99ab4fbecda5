"""Time-bounded matching for the facts file's raw `re:` phrasings.

A `re:` phrasing is a regular expression written by whoever edits facts.toml, and a
backtracking engine can take exponential time on it (`re:(a|a)+$` against forty `a`
and a `b`). Patterns that hold a `re:` phrasing are therefore compiled with the `regex`
package, which takes a `timeout=`, and every match made through them shares one time
budget per candidate (`budget()`); past it, `RegexTimeout` names the phrasings, and the
run reports that candidate as an error naming the facts file, the fact and the line.
Patterns built only from plain phrasings are the standard library's `re` (they are
escaped by construction).
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import regex

# all `re:` matching for one candidate, summed; $HARNESS_REGEX_BUDGET_S overrides it
BUDGET_S = float(os.environ.get("HARNESS_REGEX_BUDGET_S") or 10.0)
_deadline: float | None = None


class RegexTimeout(Exception):
    """A `re:` phrasing took longer than the budget on one candidate."""

    def __init__(self, phrasings: tuple[str, ...]) -> None:
        self.phrasings = phrasings
        super().__init__(", ".join(phrasings))

    def describe(self, factset: Any) -> str:
        """`facts.toml:LINE: fact 'x': re: phrasing '...' took over N s ...`, one line."""
        path = getattr(factset, "path", None)
        phrasing = self.phrasings[0] if self.phrasings else "re:"
        line = _line_of(path, phrasing)
        where = f"{path}:{line}" if path and line else str(path or "facts")
        facts = [f.id for f in getattr(factset, "facts", ()) if phrasing in _phrasings(f)]
        which = f" fact {facts[0]!r}:" if facts else ""
        return (
            f"{where}:{which} the phrasing {phrasing!r} took over {BUDGET_S:g} s on this "
            "candidate (catastrophic backtracking); simplify the regular expression"
        )


def _phrasings(fact: Any) -> set[str]:
    out: set[str] = set(fact.context) | set(fact.exclude) | set(fact.opposite_requires)
    for prop in (fact.claim, *fact.contradictions):
        for table in (prop.slots, prop.not_after, prop.not_before):
            for _, values in table:
                out.update(values)
        out.update(prop.unless)
        out.update(prop.shared)
    return out


def _line_of(path: Path | str | None, phrasing: str) -> int | None:
    if not path:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for needle in (phrasing.replace("\\", "\\\\").replace('"', '\\"'), phrasing):
        for n, line in enumerate(text.splitlines(), start=1):
            if needle in line:
                return n
    return None


@contextlib.contextmanager
def budget(seconds: float | None = None) -> Iterator[None]:
    """Share one time budget between every bounded match made inside the block."""
    global _deadline
    saved = _deadline
    _deadline = time.monotonic() + (BUDGET_S if seconds is None else seconds)
    try:
        yield
    finally:
        _deadline = saved


def _timeout() -> float:
    if _deadline is None:
        return BUDGET_S
    return max(_deadline - time.monotonic(), 0.001)


class BoundedPattern:
    """A compiled `regex` pattern whose every match is bounded in time (see module doc)."""

    def __init__(self, source: str, phrasings: tuple[str, ...], flags: int = 0) -> None:
        self.pattern = source
        self.phrasings = phrasings
        self._p = regex.compile(source, flags)

    def _call(self, method: str, *args: Any) -> Any:
        try:
            return getattr(self._p, method)(*args, timeout=_timeout())
        except TimeoutError:
            raise RegexTimeout(self.phrasings) from None

    def match(self, string: str, pos: int = 0, endpos: int | None = None):
        return self._call("match", string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        return self._call("search", string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None):
        return self._call("fullmatch", string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):
        try:  # the whole scan under one timeout, read here so the bound holds
            return list(self._p.finditer(string, pos, endpos, timeout=_timeout()))
        except TimeoutError:
            raise RegexTimeout(self.phrasings) from None


def raw_phrasings(aliases: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return tuple(a.strip() for a in aliases if a.strip().startswith("re:"))


def compile_phrasings(source: str, aliases: tuple[str, ...] | list[str]):
    """`source` compiled: bounded when any of `aliases` is a raw `re:` phrasing."""
    raw = raw_phrasings(aliases)
    return BoundedPattern(source, raw) if raw else re.compile(source)


def recompile(pattern: Any, source: str):
    """A pattern built around `pattern.pattern`, bounded like `pattern` itself."""
    if isinstance(pattern, BoundedPattern):
        return BoundedPattern(source, pattern.phrasings)
    return re.compile(source)


def check(source: str) -> None:
    """Raise `re.error` when `source` does not compile as a bounded pattern, alone or
    joined with other phrasings as `compile_aliases` joins them (a global `(?x)` there
    would swallow the rest of the pattern: scope it, `(?x:...)`)."""
    for form in (source, f"(?i:(?:{source})|x)"):
        try:
            regex.compile(form)
        except (regex.error, OverflowError, RecursionError) as exc:
            hint = (
                ""
                if form == source
                else " (once joined with other phrasings; scope flags: (?x:...))"
            )
            raise re.error(f"{exc}{hint}") from None
