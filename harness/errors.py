"""Error types and the exit codes they map to.

Exit codes follow pytest's convention so CI can tell a quality failure from a
broken run: 0 pass, 1 a gate failed or a candidate could not be scored,
2 usage or configuration error, 3 internal error.
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class HarnessError(Exception):
    """An error the user can fix; its message is one line naming the file and the problem."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        self.detail = message
        super().__init__(self._format())

    def _format(self) -> str:
        if self.path is None:
            return self.detail
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.detail}"


class ConfigError(HarnessError):
    """Missing references, a malformed facts file, a bad option: exit 2."""


class InputError(HarnessError):
    """A candidate that cannot be read or scored; reported per candidate, exit 1."""

    exit_code = EXIT_FAILED


class ModelError(ConfigError):
    """The embedding model cannot be loaded offline."""
