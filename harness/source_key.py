"""Which harness modules an engine runs, read from their source, so that a cache key can
hash them all: a cached result is never served by changed code, even when no version was
bumped."""

from __future__ import annotations

import ast
from pathlib import Path


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
        tree = ast.parse((here / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "harness":
                todo += [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("harness."):
                todo.append(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                todo += [a.name.split(".")[1] for a in node.names if a.name.startswith("harness.")]
    return sorted(f"{name}.py" for name in seen)
