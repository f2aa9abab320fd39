"""README's Helix recipe and the VS Code extension in examples/ hold against the formats their
editors document (Helix's book, `languages.toml`; VS Code's extension manifest), without either
editor (tests/test_editor_helix.py runs the Helix recipe where Helix is at hand)."""

from __future__ import annotations

import json
import re

from editors import EDITORS, blocks
from helpers import EXAMPLES, REPO

from linter.cli import main
from linter.reading import toml_library as tomllib

VSCODE = EXAMPLES / "editors" / "vscode"
MANIFEST = json.loads((VSCODE / "package.json").read_text(encoding="utf-8"))
EXTENSION = (VSCODE / "extension.js").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))

# The keys Helix's book lists for a `[language-server.NAME]` table (23.10 and later).
HELIX_SERVER_KEYS = {"command", "args", "config", "timeout", "environment", "required-root-patterns"}


def test_the_helix_recipe_is_a_languages_toml_helix_reads():
    [block] = blocks("toml")
    table = tomllib.loads(block)
    server = table["language-server"]["content-lint"]
    assert set(server) <= HELIX_SERVER_KEYS
    assert [server["command"], *server["args"]] == ["content-lint", "server"]
    assert server["command"] in PYPROJECT["project"]["scripts"]
    [language] = table["language"]
    assert language["name"] == "markdown"
    assert "content-lint" in language["language-servers"]


def test_the_vscode_extension_has_what_vsce_needs_to_package_it():
    for field in ("name", "publisher", "version", "main"):
        assert MANIFEST[field], field
    assert re.fullmatch(r"\^1\.\d+\.0", MANIFEST["engines"]["vscode"])
    assert (VSCODE / MANIFEST["main"]).is_file()
    assert "vsce package" in MANIFEST["scripts"]["package"]
    assert "@vscode/vsce" in MANIFEST["devDependencies"]
    assert "vscode-languageclient" in MANIFEST["dependencies"]


def test_the_vscode_extension_starts_the_server_for_the_languages_readme_names():
    languages = json.loads(re.search(r"const LANGUAGES = (\[.*?\]);", EXTENSION).group(1))
    activation = [event.removeprefix("onLanguage:") for event in MANIFEST["activationEvents"]]
    assert activation == languages
    vscode_entry = EDITORS[EDITORS.index("- **VS Code**") : EDITORS.index("- **Neovim**")]
    named = re.search(r"for the ((?:`\w+`(?:,\s*|\s+and\s+)?)+)\s+languages", vscode_entry)
    assert named and re.findall(r"`(\w+)`", named.group(1)) == languages


def test_every_setting_the_extension_reads_is_declared_with_the_server_command_as_default():
    declared = MANIFEST["contributes"]["configuration"]["properties"]
    read = dict(re.findall(r'settings\.get\("(\w+)", (.*?)\)(?:,| })', EXTENSION))
    assert {f"contentLint.{key}" for key in read} == set(declared)
    defaults = {key: json.loads(value) for key, value in read.items()}
    assert {key: declared[f"contentLint.{key}"]["default"] for key in read} == defaults
    assert [defaults["command"], *defaults["args"]] == ["content-lint", "server"]


def test_the_extension_folder_holds_no_page_for_check(capsys):
    # `content-lint check examples/` must not lint the extension (nor its node_modules, ignored).
    assert main(["check", str(EXAMPLES / "editors")]) == 2
    assert "no file to check" in capsys.readouterr().err
    assert "node_modules/" in (VSCODE / ".gitignore").read_text().splitlines()
