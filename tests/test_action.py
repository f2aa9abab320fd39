"""The GitHub Action's steps, run as the runner would run them (bash, `${{ }}` filled in, the
`GITHUB_*` files), under a fake environment: annotations, the job summary and the SARIF file.

The install step is the one step not run: it would `pip install` this checkout again; the test
gives the later steps what it writes to `$GITHUB_ENV`, pointing at the content-lint under test.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import ARTICLE, REPO, write

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="the Action's steps are bash")

BAD = ARTICLE.replace("quality: 50", "quality: 150")
TEMPLATE = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


def run_action(workspace: Path, temp: Path, inputs: dict[str, str]) -> tuple[list[int], list[str]]:
    """Each step's exit status and standard output, in order; a failing step ends the job."""
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    values = {f"inputs.{k}": v["default"] for k, v in action["inputs"].items()}
    values |= {f"inputs.{k}": v for k, v in inputs.items()}
    values |= {"github.action_path": str(REPO), "runner.temp": str(temp)}
    github_env, summary = temp / "github_env", temp / "step_summary"
    github_env.write_text(
        f"CONTENT_LINT={Path(sys.executable).parent / 'content-lint'}\n"
        f"CONTENT_LINT_SECRET_DIR={temp / 'secret'}\nCONTENT_LINT_CACHE={temp / 'cache'}\n"
    )
    env = {"PATH": os.environ["PATH"], "RUNNER_TEMP": str(temp), "GITHUB_ACTIONS": "true"}
    env |= {"GITHUB_ENV": str(github_env), "GITHUB_STEP_SUMMARY": str(summary)}
    env |= {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/site", "GITHUB_SHA": "abc123"}
    statuses, outputs = [], []
    for step in action["runs"]["steps"]:
        if step["name"] == "Install content-lint":
            continue
        condition = step.get("if")
        if condition and not _holds(condition, values):
            continue
        fill = lambda text: TEMPLATE.sub(lambda m: values[m.group(1)], str(text))  # noqa: E731
        step_env = env | dict(line.split("=", 1) for line in github_env.read_text().splitlines())
        step_env |= {key: fill(value) for key, value in step.get("env", {}).items()}
        done = subprocess.run(
            ["bash", "-eo", "pipefail", "-c", fill(step["run"])],
            cwd=workspace,
            env=step_env,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
        statuses.append(done.returncode)
        outputs.append(done.stdout)
        if done.returncode:
            break
    return statuses, outputs


def _holds(condition: str, values: dict[str, str]) -> bool:
    """The one form action.yml uses: `inputs.NAME != ''`."""
    found = re.fullmatch(r"(inputs\.[\w-]+) != ''", condition.strip())
    assert found, f"the test cannot evaluate `if: {condition}`"
    return values[found.group(1)] != ""


def test_the_action_annotates_summarises_and_writes_sarif(tmp_path: Path) -> None:
    workspace, temp = tmp_path / "checkout", tmp_path / "runner-temp"
    temp.mkdir()
    write(workspace, {"news/a.md": ARTICLE, "news/b.md": BAD.replace("sea-wall", "ferry")})
    statuses, outputs = run_action(workspace, temp, {"paths": "news", "sarif-file": "report.sarif"})
    assert statuses == [0, 0, 1]  # SARIF and the summary never fail the job; the check does
    assert outputs[2].splitlines() == [
        "::error file=news/b.md,line=9,col=10,endLine=9,endColumn=13,title=FM100 (schema)"
        "::`quality` must be at most 100, got 150 (at /quality)"
    ]
    sarif = json.loads((workspace / "report.sarif").read_text())
    [result] = sarif["runs"][0]["results"]
    assert result["ruleId"] == "FM100"
    summary = (temp / "step_summary").read_text()
    assert "**1 error(s)** and **0 warning(s)** in 2 file(s)." in summary
    assert "| 1 | FM100 | schema | error | - |" in summary
    assert "- [news/b\\.md:9:10](https://github.com/o/site/blob/abc123/news/b.md#L9) FM100 " in summary
    assert not (workspace / ".content-lint-cache").exists()  # the cache lives in the runner's temp


def test_a_page_cannot_put_markdown_into_the_summary(tmp_path: Path) -> None:
    workspace, temp = tmp_path / "checkout", tmp_path / "runner-temp"
    temp.mkdir()
    write(workspace, {"news/[x](https:evil).md": "---\n![p](https://evil/p.png): 1\n---\n"})
    statuses, _ = run_action(workspace, temp, {"paths": "news", "args": "--preset news-article"})
    assert statuses == [0, 1]
    summary = (temp / "step_summary").read_text()
    assert "](https:evil)" not in summary and "![p](" not in summary
    assert "\\[x\\]\\(https:evil\\)\\.md" in summary
