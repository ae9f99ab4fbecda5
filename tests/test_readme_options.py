"""Every command-line option of every command is documented in the README."""

from __future__ import annotations

from pathlib import Path

import click

from harness.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "harness") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        out.append((f"{prefix} {name}", cmd))
        if isinstance(cmd, click.Group):
            out += _commands(cmd, f"{prefix} {name}")
    return out


def test_every_option_is_in_the_readme() -> None:
    missing = []
    for where, cmd in _commands(main):
        for param in cmd.params:
            if not isinstance(param, click.Option):
                continue
            for flag in (*param.opts, *param.secondary_opts):
                if (
                    flag.startswith("--")
                    and flag not in ("--help", "--debug")
                    and flag not in README
                ):
                    missing.append(f"{where} {flag}")
    assert not missing, "options the README does not mention: " + ", ".join(missing)


def test_every_command_is_in_the_readme() -> None:
    missing = [where for where, _ in _commands(main) if where not in README]
    assert not missing, "commands the README does not mention: " + ", ".join(missing)
