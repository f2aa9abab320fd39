"""A framework's own config is read to find a site's pages (never run): a hostile one (an alias
bomb, nesting far past any parser's stack, a JavaScript expression with no end) must neither
hang the run, nor crash it, nor change which framework checks the pages."""

from __future__ import annotations

import pytest
from helpers import write

from linter.cli import main

pytestmark = pytest.mark.timeout(60)

BOMB = "\n".join(
    ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    + [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 30)]
)
DEEP_LIST = "[" * 50_000 + "]" * 50_000
PAGE = "---\ntitle: A\n---\n"

SITES = {
    "jekyll alias bomb": (
        {"_config.yml": BOMB + "\ncollections: *a29\nexclude: *a29\n", "index.md": PAGE},
        "Jekyll",
    ),
    "jekyll deep list": ({"_config.yml": f"collections: {DEEP_LIST}\n", "index.md": PAGE}, "Jekyll"),
    "hugo alias bomb": ({"hugo.yaml": BOMB + "\nlanguages: *a29\n", "content/a.md": PAGE}, "Hugo"),
    "mkdocs python tags": (
        {"mkdocs.yml": "docs_dir: !!python/name:os.system\n", "docs/a.md": PAGE},
        "MkDocs",
    ),
    "mkdocs deep list": ({"mkdocs.yml": f"nav: {DEEP_LIST}\n", "docs/a.md": PAGE}, "MkDocs"),
    "zola deep toml": (
        {
            "config.toml": 'base_url = "x"\nignored_content = ' + "[" * 5000 + "]" * 5000 + "\n",
            "content/a.md": "+++\ntitle = 'A'\n+++\n",
        },
        "Zola",
    ),
    "docusaurus endless expression": (
        {
            "docusaurus.config.js": "module.exports = {presets: [['classic', {docs: {path: " + "(" * 100_000,
            "docs/a.md": PAGE,
        },
        "Docusaurus",
    ),
}


@pytest.mark.parametrize("name", sorted(SITES))
def test_a_hostile_framework_config_is_read_bounded_and_the_pages_still_checked(
    name, tmp_path, monkeypatch, capsys
):
    files, framework = SITES[name]
    write(tmp_path, files)
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "."]) == 0
    err = capsys.readouterr().err
    assert f"checked as a {framework} site" in err
    assert "All checks passed (1 file)" in err and "Traceback" not in err
