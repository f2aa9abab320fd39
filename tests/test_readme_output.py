"""The output README shows is what the command it shows prints, run from the checkout."""

from __future__ import annotations

import json
import re

import pytest
from helpers import REPO

from linter.cli import main

README = (REPO / "README.md").read_text(encoding="utf-8")
SECTION = re.search(r"^## What it prints\n(.*?)(?=^## )", README, re.MULTILINE | re.DOTALL)
assert SECTION


def _run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: str) -> list[str]:
    """Standard output, then standard error, as a terminal shows them once the run ends."""
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # the README shows a terminal, not a runner
    words = command.split()
    assert words[0] == "content-lint"
    main([*words[1:], "--no-cache"])
    out, err = capsys.readouterr()
    return out.splitlines() + err.splitlines()


def test_the_shown_run_prints_the_shown_lines(monkeypatch, capsys):
    """The shown lines are printed as shown, in order; a `...` line stands for lines left out."""
    block = re.search(r"```\n\$ (.*?)\n(.*?)```", SECTION.group(1), re.DOTALL)
    assert block
    printed = _run(monkeypatch, capsys, block.group(1))
    at, skipping = 0, False
    for line in block.group(2).splitlines():
        if line == "...":
            skipping = True
            continue
        found = printed.index(line, at) if skipping and line in printed[at:] else at
        assert printed[found : found + 1] == [line], f"printed[{found}] is not {line!r}"
        at, skipping = found + 1, False
    assert not skipping and at == len(printed), "the block's last lines end the output"


def test_the_json_shown_is_the_json_printed(monkeypatch, capsys):
    block = re.search(r"```json\n(.*?)```", SECTION.group(1), re.DOTALL)
    assert block
    shown = json.loads(block.group(1))
    monkeypatch.chdir(REPO)
    main(["check", "--output-format", "json", "--no-cache", shown["findings"][0]["path"]])
    assert json.loads(capsys.readouterr().out) == shown
