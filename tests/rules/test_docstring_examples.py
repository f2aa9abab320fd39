"""Every rule's `Bad::` and `Good::` examples run: Bad triggers the rule, Good does not.

An example is the front matter of one file (fences added) or, when one of the rule's examples
starts with a fence, whole files; `# name.md` lines split an example into several files of one
run, `# with option = value` lines (TOML) set the rule's options and a `# preset: NAME` line
names the preset the example is read with.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import NOW_TEXT, png

from linter.cli import main
from linter.rules.base import Rule
from linter.rules.registry import ALL_RULES

FILE_HEADER = re.compile(r"^# (\S+\.(?:md|markdown|html))$")
OPTION = re.compile(r"^# with (\S+ = .+)$")
PRESET = re.compile(r"^# preset: (\S+)$", re.MULTILINE)
FENCES = ("---", "+++", "{")
#: Files an example's prose describes beside it (FM303: "a file cache/... of 600x400 pixels").
BESIDE = {"FM303": {"cache/cdn.example.com/lead.jpg": png(600, 400)}}
DOCUMENTED = [rule for rule in ALL_RULES if "Bad::" in rule.documentation()]


def example(rule: type[Rule], marker: str) -> str:
    """The indented block after `marker` (`Bad::` or `Good::`), dedented."""
    lines = rule.documentation().split("\n")
    start = lines.index(marker) + 1
    block: list[str] = []
    for line in lines[start:]:
        if line and not line.startswith("    "):
            break
        block.append(line[4:])
    return "\n".join(block).strip("\n") + "\n"


def whole_files(rule: type[Rule]) -> bool:
    return any(example(rule, marker).startswith(FENCES) for marker in ("Bad::", "Good::"))


def write_files(folder: Path, text: str, whole: bool) -> list[str]:
    """The example's files under `folder`; returns its option lines."""
    files: dict[str, list[str]] = {}
    options: list[str] = []
    name = "example.md"
    for line in text.split("\n"):
        header, option = FILE_HEADER.match(line), OPTION.match(line)
        if header:
            name = header.group(1)
        elif option:
            options.append(option.group(1))
        else:
            files.setdefault(name, []).append(line)
    for name, lines in files.items():
        body = "\n".join(lines).strip("\n") + "\n"
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body if whole else f"---\n{body}---\n", encoding="utf-8")
    return options


def codes(tmp_path: Path, rule: type[Rule], marker: str) -> set[str]:
    project = tmp_path / marker.rstrip(":").lower()
    (project / "content").mkdir(parents=True)
    options = write_files(project / "content", example(rule, marker), whole_files(rule))
    for name, data in BESIDE.get(rule.code, {}).items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_bytes(data)
    config = project / "content-lint.toml"
    preset = PRESET.search(example(rule, marker))
    top = f'preset = "{preset.group(1)}"\n' if preset else ""
    config.write_text(
        top + f"[rules.{rule.name}]\n" + "".join(f"{line}\n" for line in options), encoding="utf-8"
    )
    report = project / "report.json"
    argv = ["check", str(project / "content"), "--config", str(config), "--output-format", "json"]
    argv += ["--output-file", str(report), "--no-cache", "--select", rule.code]
    argv += ["--reference-time", NOW_TEXT]
    assert main(argv) in (0, 1)
    return {finding["code"] for finding in json.loads(report.read_text(encoding="utf-8"))["findings"]}


@pytest.mark.parametrize("rule", DOCUMENTED, ids=lambda rule: rule.code)
def test_bad_example_triggers_the_rule_and_good_does_not(tmp_path, rule):
    assert rule.code in codes(tmp_path, rule, "Bad::")
    assert rule.code not in codes(tmp_path, rule, "Good::")


def test_every_rule_but_the_run_level_ones_has_examples():
    run_level = {"FM000", "FM007", "FM008", "FM010", "FM011"}  # FM011 judges the config, not a file
    assert {rule.code for rule in ALL_RULES} - {rule.code for rule in DOCUMENTED} == run_level


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_documentation_names_every_option(rule):
    for option in rule.options:
        assert f"`{option.name}`" in rule.documentation()
