"""README's examples hold: the output it shows is what its command prints, run from the checkout,
and its config examples, pasted into a project, are configs content-lint accepts."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import pytest
from helpers import ARTICLE, REPO, write
from packaging.requirements import Requirement

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


def _toml_example(first_line: str) -> str:
    found = [b for b in re.findall(r"```toml\n(.*?)```", README, re.DOTALL) if b.startswith(first_line)]
    assert len(found) == 1, first_line
    return found[0]


def test_the_full_config_example_is_accepted(tmp_path, monkeypatch, capsys):
    """Pasted into a news site's pyproject.toml, beside the schema it names."""
    write(tmp_path, {"pyproject.toml": _toml_example("[tool.content-lint]\n"), "content/a.md": ARTICLE})
    (tmp_path / "schemas").mkdir()
    shutil.copy(REPO / "schemas" / "article.schema.json", tmp_path / "schemas")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "."]) == 0, capsys.readouterr().err
    assert "All checks passed (1 file)" in capsys.readouterr().err


def test_the_roles_and_types_example_is_accepted(tmp_path, monkeypatch, capsys):
    """Pasted into a content-lint.toml: its one type's page is checked under the type's preset."""
    page = "---\ntitle: A post\ndate: 2024-05-01T10:00:00Z\nlastmod: 2024-05-02T10:00:00Z\n---\n"
    write(tmp_path, {"content-lint.toml": _toml_example('preset = "hugo"\n'), "content/blog/p.md": page})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--show-settings", "content/blog/p.md"]) == 0
    shown = capsys.readouterr().out
    assert "content type: blog\npreset: jekyll\n" in shown
    assert main(["check", "content"]) == 0, capsys.readouterr().err


def test_the_server_without_its_extra_names_a_command_that_installs_it(tmp_path):
    """The extra's requirement, into the very Python that runs content-lint."""
    blocked = (
        "import sys; sys.modules['pygls'] = None; from linter.cli import main; sys.exit(main(['server']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", blocked], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    message, command = done.stderr.strip().removeprefix("content-lint: error: ").split(": ", 1)
    assert message == "the language server needs pygls"
    python, module, pip, install, requirement = shlex.split(command)
    assert (python, module, pip, install) == (sys.executable, "-m", "pip", "install")
    extra = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["optional-dependencies"]["server"]
    assert [Requirement(requirement)] == [Requirement(r) for r in extra]
