"""Which harness modules an engine runs, read from their source, so that a cache key can
hash them all: a cached result is never served by changed code, even when no version was
bumped. The imports are found by two patterns over the text (a few milliseconds), not by
parsing every module (a tenth of a second on each run that computes a cache key)."""

from __future__ import annotations

import re
from pathlib import Path

# "from harness import a, b" or "from harness import (\n    a,\n    b,\n)", at any depth
_FROM_PACKAGE = re.compile(r"^[ \t]*from harness import (?:\(([^)]*)\)|([^\n]+))", re.M)
# "from harness.a import x", "import harness.a"
_FROM_MODULE = re.compile(r"^[ \t]*(?:from|import) harness\.(\w+)", re.M)
_COMMENT = re.compile(r"#[^\n]*")


def modules_of(here: Path, roots: tuple[str, ...]) -> list[str]:
    """The file names of the modules `roots` (names in the package folder `here`) and of
    every harness module they import, directly or through another one, anywhere in their
    source (function-level imports included); nothing is imported."""
    todo, seen = list(roots), set()
    while todo:
        name = todo.pop()
        if name in seen or not (here / f"{name}.py").exists():
            continue
        seen.add(name)
        source = (here / f"{name}.py").read_text(encoding="utf-8")
        for m in _FROM_PACKAGE.finditer(source):
            names = _COMMENT.sub("", m.group(1) or m.group(2)).replace("\n", ",").split(",")
            todo += [n.split(" as ")[0].strip() for n in names if n.strip()]
        todo += _FROM_MODULE.findall(source)
    return sorted(f"{name}.py" for name in seen)
