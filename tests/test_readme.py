"""The README stays true: its rule table, output formats and presets (from the registries), its
two commands, and its CI snippets."""

from __future__ import annotations

import re
import shlex

import pytest
import yaml
from helpers import REPO

from linter.cli import build_parser
from linter.config.presets import PRESETS
from linter.reporting import formats_markdown_list
from linter.rules.docs import rules_markdown_table

README = (REPO / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.MULTILINE | re.DOTALL)
    assert match, title
    return match.group(1)


def _yaml_block(title: str):
    block = re.search(r"```yaml\n(.*?)```", _section(title), re.DOTALL)
    assert block, title
    return yaml.safe_load(block.group(1))


def test_rule_table_matches_the_registry():
    table = re.search(r"<!-- rules:start -->\n(.*?)<!-- rules:end -->", README, re.DOTALL)
    assert table is not None
    assert table.group(1) == rules_markdown_table(), "run `content-lint rules --markdown` and paste it"


def test_format_list_matches_the_registry():
    listed = re.search(r"<!-- formats:start -->\n(.*?)<!-- formats:end -->", README, re.DOTALL)
    assert listed is not None
    assert listed.group(1) == formats_markdown_list(), "paste linter.reporting.formats_markdown_list()"


#: Detected presets: every preset that has a framework's files to find (news-article and generic
#: apply where none is).
FRAMEWORKS = [preset for preset in PRESETS.values() if preset.detect is not None]


def _paragraph(containing: str) -> str:
    found = [p for p in README.split("\n\n") if containing in p]
    assert len(found) == 1, containing
    return " ".join(found[0].split())


@pytest.mark.parametrize("preset", FRAMEWORKS, ids=lambda preset: preset.name)
def test_every_framework_preset_is_named_where_the_readme_lists_them(preset):
    places = {
        "the introduction": _paragraph("presets ship for"),
        "Without a config": _paragraph("are known. A site found is checked with its preset"),
    }
    for place, text in places.items():
        assert preset.framework in text, f"README ({place}) does not name {preset.framework}"
    names = _paragraph("Without a config the framework found on disk picks the preset")
    assert f"`{preset.name}`" in names, f"README (Formats) does not name `{preset.name}`"
    sample = f"- **{preset.framework}** (`examples/{preset.name}`): "
    assert sample in _section("Formats: presets, roles and content types"), f"README: add {sample!r}"


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_second():
    commands = re.findall(r"```sh\n(.*?)\n```", _section("Quick start"), re.DOTALL)
    assert len(commands) == 2
    assert "examples/" in commands[0] and "content-lint check" in commands[0]
    ci = (REPO / ".ci" / "run").read_text()
    assert "pip install --quiet '.[test]'" in ci and "pip install '.[test]'" in commands[1]
    tests = commands[1].rsplit(" && ", 1)[1]
    assert tests.startswith(".venv/bin/python -m pytest") and tests in ci.splitlines()  # all of them


def test_pre_commit_snippet_names_a_real_hook():
    config = _yaml_block("Using it from pre-commit")
    hook_ids = {hook["id"] for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())}
    used = {hook["id"] for repo in config["repos"] for hook in repo["hooks"]}
    assert used and used <= hook_ids


def test_github_workflow_snippet_uses_the_action_with_real_inputs():
    workflow = _yaml_block("Using it in GitHub Actions")
    action = yaml.safe_load((REPO / "action.yml").read_text())
    steps = workflow["jobs"]["lint"]["steps"]
    ours = [step for step in steps if step.get("uses", "").startswith("content-lint/content-lint@")]
    assert len(ours) == 1
    assert set(ours[0].get("with", {})) <= set(action["inputs"])
    assert action["runs"]["using"] == "composite"
    for step in action["runs"]["steps"]:
        for line in step["run"].splitlines():
            if 'content-lint" check' in line:
                _parse_check(line.split('content-lint" ', 1)[1].replace("$ARGS $PATHS", "content"))


def test_gitlab_snippet_commands_parse():
    job = _yaml_block("Using it in GitLab CI")["content-lint"]
    commands = [c for c in job["script"] if c.startswith("content-lint ")]
    assert commands
    for command in commands:
        args = _parse_check(command.removeprefix("content-lint "))
        assert args.output_format == "gitlab"
        assert args.output_file.name == job["artifacts"]["reports"]["codequality"]


def _parse_check(command: str):
    words = [w for w in shlex.split(command) if not w.startswith('"$')]
    words = [w.replace('"', "") for w in words]
    return build_parser().parse_args(words)


def test_how_it_works_names_modules_that_exist():
    """Every module the data-flow diagram names is where it says (a box's package, or linter/)."""
    diagram = re.search(r"```\n(.*?)```", _section("How it works"), re.DOTALL)
    assert diagram
    package = REPO / "linter"
    checked = []
    for line in diagram.group(1).splitlines():
        box = re.match(r"(?:  -> )?(\S+)", line) if not line.startswith("    ") else None
        if box:
            head = box.group(1)
            package = REPO / "linter" / (head.rstrip("/") if head.endswith("/") else head.rpartition("/")[0])
        for name in re.findall(r"[\w/]+\.py\b", line):
            path = REPO / "linter" / name if "/" in name else package / name
            assert path.is_file(), name
            checked.append(name)
    assert len(checked) > 20
