"""A plain `check` loads only the code it needs: fixes, a baseline, the cache, workers, other
output formats, the rule docs, `init` and the language server are loaded where a run asks for
them. Every module is compiled at each start when bytecode is not written (pre-commit in CI), so
what a run imports is start-up time a user waits for on every call. Checked in a fresh
interpreter, by the modules it holds after `main([...])`; speed itself is benchmarked in
benchmarks/, never timed here."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from helpers import ARTICLE, fresh_python

from linter.reporting import REPORTERS, format_module

_MARKER = "--- modules ---"
_SCRIPT = f"""
import sys
from linter.cli import main
status = main(sys.argv[1:])
print({_MARKER!r})
print("\\n".join(sorted(n for n in sys.modules if n.startswith(("linter", "multiprocessing", "sqlite3", "pygls", "yaml", "pathspec")))))
"""

FIXING = ("linter.cli_fix", "linter.running.fixing", "linter.fixing.apply", "linter.reporting.diff")
BASELINE = ("linter.cli_baseline", "linter.reporting.baseline")
CACHE = (
    "linter.running.cache_store",
    "linter.running.cache_folder",
    "linter.running.cache_secret",
    "sqlite3",
)
WORKERS = ("linter.running.pool", "multiprocessing")
COMMANDS = ("linter.rules.docs", "linter.adopting.init", "linter.server.lsp", "pygls")
#: Every output format's module; a run loads only the one it prints in.
FORMATS = tuple(format_module(name) for name in REPORTERS)
#: Each framework's config reader, by a file that makes detection find the framework.
READERS = {
    "linter.config.presets.docusaurus_config": ("docusaurus.config.js", "export default {};\n"),
    "linter.config.presets.js_text": ("docusaurus.config.js", "export default {};\n"),
    "linter.config.presets.eleventy_config": ("eleventy.config.js", "export default function () {}\n"),
    "linter.config.presets.hugo_config": ("hugo.toml", 'title = "Harbour"\n'),
    "linter.config.presets.jekyll_config": ("_config.yml", "title: Harbour\n"),
    "linter.config.presets.mkdocs_config": ("mkdocs.yml", "site_name: Harbour\n"),
    "linter.config.presets.vitepress_config": (".vitepress/config.mjs", "export default {};\n"),
}


def _run(folder: Path, script: str, *arguments: str) -> tuple[str, str]:
    """`script` run with `arguments` by a fresh interpreter in `folder`: what it printed before
    the marker (the run's own output) and after it (what the script reports of the run)."""
    run = fresh_python(script, *arguments, cwd=folder)
    assert _MARKER in run.stdout, run.stderr
    output, report = run.stdout.split(_MARKER, 1)
    return output, report


def _loaded(folder: Path, *arguments: str) -> list[str]:
    return _run(folder, _SCRIPT, "check", "--jobs", "1", *arguments, ".")[1].split()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """One article with a duplicate topic: a finding that carries a fix, as most sites have."""
    (tmp_path / "a.md").write_text(ARTICLE.replace("  - Infrastructure\n", "  - Infrastructure\n  - Local\n"))
    return tmp_path


@pytest.mark.parametrize(
    ("arguments", "chosen"),
    [
        ((), "linter.reporting.concise"),
        (("--output-format", "json"), "linter.reporting.json"),
        (("--output-format", "full"), "linter.reporting.full"),
    ],
)
def test_a_check_without_cache_loads_no_feature_it_was_not_asked_for(site, arguments, chosen):
    loaded = _loaded(site, "--no-cache", *arguments)
    assert {"linter.running.engine", chosen} <= set(loaded)  # the run did happen, in that format
    unwanted = [*FIXING, *BASELINE, *CACHE, *WORKERS, *COMMANDS, *FORMATS]
    assert [name for name in unwanted if name in loaded and name != chosen] == []


def test_a_check_with_the_cache_loads_it_and_still_no_other_feature(site):
    loaded = _loaded(site)
    assert {"linter.running.cache_store", "sqlite3"} <= set(loaded)
    unwanted = [*FIXING, *BASELINE, *WORKERS, *COMMANDS, *FORMATS]
    assert [name for name in unwanted if name in loaded and name != format_module("concise")] == []


def test_the_features_are_loaded_when_asked_for(site):
    """The names above are the modules that do the work: each run that asks for it loads it."""
    assert set(FIXING) <= set(_loaded(site, "--no-cache", "--diff"))
    assert set(BASELINE) <= set(_loaded(site, "--no-cache", "--baseline", "b.json", "--update-baseline"))


_ONE_FILE_SCRIPT = f"""
import sys
from linter.cli import main
status = main(sys.argv[1:])
print({_MARKER!r})
print(status, *(name for name in ("dataclasses", "inspect") if name in sys.modules))
"""


@pytest.mark.parametrize(
    ("arguments", "exit_status"),
    [((), "1"), (("--baseline", "b.json", "--update-baseline"), "0"), (("--show-settings",), "0")],
)
def test_a_one_file_check_loads_no_dataclasses(site, arguments, exit_status):
    """`import dataclasses` (with the `inspect`, `ast` and `dis` it imports) costs a one-file
    run (pre-commit on one page) more than reading the page, and each class it makes ~0.2 ms:
    the records of a check, a baseline and the settings shown are NamedTuples and plain
    classes."""
    report = _run(site, _ONE_FILE_SCRIPT, "check", "--force-exclude", *arguments, "a.md")[1]
    status, *loaded = report.split()
    assert status == exit_status  # 1: the duplicate topic was found, so the page was checked
    assert loaded == []


@pytest.mark.parametrize(
    ("front_matter", "composed"),
    [
        ('title: "Sea wall approved"\ntags:\n  - harbour\n  - council\n', False),
        ('title: "Sea wall approved"\ntags: [harbour, council]\n', True),  # a flow list
    ],
)
def test_pyyaml_is_loaded_only_for_a_page_the_line_reader_does_not_read(tmp_path, front_matter, composed):
    """Loading PyYAML costs more than reading a page: plain block YAML never needs it."""
    (tmp_path / "a.md").write_text(f"---\n{front_matter}---\nBody.\n")
    loaded = _loaded(tmp_path, "--no-cache", "--output-format", "json")
    assert "linter.running.engine" in loaded
    assert ("yaml" in loaded) is composed


def test_a_site_without_a_framework_loads_no_framework_config_reader(site):
    """Detection looks for each framework's files; reading a config waits until one is found."""
    loaded = _loaded(site, "--no-cache")
    assert "linter.running.engine" in loaded
    assert [name for name in READERS if name in loaded] == []


@pytest.mark.parametrize("reader", READERS)
def test_a_framework_found_loads_its_config_reader(site, reader):
    name, text = READERS[reader]
    (site / name).parent.mkdir(exist_ok=True)
    (site / name).write_text(text)
    assert reader in _loaded(site, "--no-cache")


@pytest.mark.parametrize("name", [*FIXING, *BASELINE, *CACHE, *WORKERS, *COMMANDS[:3], *FORMATS, *READERS])
def test_every_module_named_here_exists(name):
    """A renamed module would make the checks above pass for nothing."""
    assert importlib.util.find_spec(name) is not None


def test_importing_the_cli_loads_only_the_argument_parser():
    """`import linter.cli` is paid before any command is known (the server, `--version`,
    `--help` too): the config, engine, YAML parser and schema engine load with a command."""
    run = fresh_python("import sys, linter.cli; print('\\n'.join(sys.modules))")
    assert run.returncode == 0, run.stderr
    loaded = set(run.stdout.split())
    assert "linter.cli_args" in loaded
    heavy = [
        "linter.config.settings",
        "linter.running.engine",
        "linter.rules",
        "yaml",
        "jsonschema_rs",
        "pathspec",
    ]
    assert [name for name in heavy if name in loaded] == []


def test_a_check_matching_every_kind_of_pattern_loads_no_pathspec(tmp_path):
    """pathspec (kept as the tests' oracle) cost a third of a one-file run's imports: exclude,
    pages, `[[types]] paths`, `per-file-ignores` and `.gitignore` files use our own matcher."""
    config = (
        'exclude = ["drafts/"]\n[per-file-ignores]\n"news/*.md" = ["FM100"]\n'
        '[[types]]\nname = "news"\npaths = ["news/**", "!news/README*"]\n'
    )
    files = {"content-lint.toml": config, ".gitignore": "*.tmp\n!keep.tmp\n", "news/a.md": ARTICLE}
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text)
    loaded = _loaded(tmp_path, "--no-cache", "--force-exclude", "news/a.md")
    assert "linter.running.engine" in loaded
    assert [name for name in loaded if name.startswith("pathspec")] == []


_TOML_PAGE = """\
+++
title = "Harbour council approves new sea wall"
publishedDateTime = 2024-04-02T09:30:00Z
webUrl = "https://www.coastline.example/news/sea-wall-approved"
topics = ["Local", "Infrastructure", "Local"]

[provider]
name = "Coastline Daily"
domain = 7
+++
Body.
"""
_JSON_PAGE = """\
{
  "title": "Harbour council approves new sea wall",
  "publishedDateTime": "2024-04-02T09:30:00Z",
  "webUrl": "https://www.coastline.example/news/sea-wall-approved",
  "topics": ["Local", "Infrastructure", "Local"],
  "provider": {"name": "Coastline Daily", "domain": 7}
}
Body.
"""
_TOPICS = '["Local", "Infrastructure", "Local"]'


@pytest.mark.parametrize(
    ("page", "findings"),
    [
        (_TOML_PAGE, ["a.md:5:38: FM506", "a.md:9:10: FM100"]),
        (_JSON_PAGE, ["a.md:5:41: FM506", "a.md:6:53: FM100"]),
    ],
    ids=["toml", "json"],
)
@pytest.mark.parametrize("fix", [False, True], ids=["check", "fix"])
def test_toml_and_json_front_matter_load_no_pyyaml(tmp_path, page, findings, fix):
    """Loading PyYAML costs a fifth of a one-file run: TOML and JSON front matter (Hugo, Zola)
    are read, placed (here inside a nested table) and fixed without it."""
    (tmp_path / "a.md").write_text(page)
    arguments = ("--fix",) if fix else ()
    output, loaded = _run(tmp_path, _SCRIPT, "check", "--no-cache", *arguments, "a.md")
    shown = [line.split(" [")[0] for line in output.splitlines() if line.startswith("a.md:")]
    if fix:
        assert shown == findings[1:]  # the duplicate topic was fixed, the other finding stays
        assert (tmp_path / "a.md").read_text() == page.replace(_TOPICS, '["Local", "Infrastructure"]')
    else:
        assert shown == findings
    assert "linter.running.engine" in loaded.split()
    assert [name for name in loaded.split() if name.startswith("yaml")] == []
