"""Re-reading one candidate's text from the `path` a report names (`harness report
--with-texts`): a text file, or `file.jsonl:LINE`. The bytes are decoded by the loaders'
own reader (`harness.loading.read_text` / `decode`), so a text reads back exactly as it
was scored."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from harness.loading import decode, read_text

_JSONL_LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+)$")


def read_candidate_text(
    path: str, base: Path | None = None, roots: list[Path] | None = None
) -> str:
    """Re-read a candidate's text from its `path`: a text file, or `file.jsonl:LINE`.

    Relative paths are tried against the working folder, then against `base` (the folder
    of the results file). With `roots`, a file is read only when it really lies (symlinks
    resolved) under one of them: a report's paths are untrusted (`/etc/passwd`,
    `../../.git/config`). Raises OSError or ValueError when the text cannot be recovered.
    """
    from harness.text import unix_newlines

    allowed = [Path(os.path.realpath(r)) for r in roots] if roots is not None else None

    def inside(p: Path) -> bool:
        if allowed is None:
            return True
        real = Path(os.path.realpath(p))
        return any(real == r or r in real.parents for r in allowed)

    def resolve(p: str) -> Path | None:
        for cand in (Path(p), (base / p) if base is not None else None):
            if cand is not None and cand.is_file():
                if not inside(cand):
                    raise PermissionError(f"{p}: outside the folders texts may be read from")
                return cand
        return None

    found = resolve(path)
    if found is not None:
        return read_text(found)
    m = _JSONL_LINE.match(path)
    if m:
        file = resolve(m.group("file"))
        if file is not None:
            number = int(m.group("line"))
            with file.open("rb") as handle:
                for i, raw in enumerate(handle, start=1):
                    if i == number:
                        record = json.loads(decode(raw, path))
                        summary = None
                        if isinstance(record, dict):  # pair-level lines may say "prediction"
                            summary = record.get("summary", record.get("prediction"))
                        if not isinstance(summary, str):
                            raise ValueError(f'{path}: no "summary" string on that line')
                        return unix_newlines(summary)
            raise ValueError(f"{path}: the file has fewer lines now")
    raise FileNotFoundError(f"{path}: not found")
