"""README's Neovim recipes, run as written in a headless Neovim against `content-lint server`.

Each Lua block of README's editor section is loaded as the whole `init.lua`; Neovim then opens
an .md and an .mdx page, each with a defect, and the test reads the diagnostics Neovim holds. It
runs with every `nvim` named in CONTENT_LINT_NVIM (paths joined by os.pathsep), beside this
Python or on PATH that is recent enough for the block, and is skipped, with the versions it
found, when none is.
"""

from __future__ import annotations

import json
import subprocess

import pytest
from editors import QUALITY_COLUMN, QUALITY_LINE, blocks, editors, environment, project

pytestmark = pytest.mark.timeout(180)

BLOCKS = blocks("lua")

# Opens each page, waits for content-lint's diagnostics, writes what Neovim holds as JSON lines.
HARNESS = """
local lines = {}
for page in string.gmatch(os.getenv("CL_PAGES"), "[^\\n]+") do
  vim.cmd.edit(vim.fn.fnameescape(page))
  vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    table.insert(found, { code = d.code, lnum = d.lnum, col = d.col, end_col = d.end_col, source = d.source })
  end
  local clients = (vim.lsp.get_clients or vim.lsp.get_active_clients)({ bufnr = 0 })
  table.insert(lines, vim.json.encode({ filetype = vim.bo.filetype, diagnostics = found,
    roots = vim.tbl_map(function(c) return c.config.root_dir or "" end, clients) }))
end
vim.fn.writefile(lines, os.getenv("CL_OUT"))
vim.cmd("qa!")
"""
EXPECTED = [
    {"code": "FM100", "lnum": QUALITY_LINE, "col": QUALITY_COLUMN, "end_col": 12, "source": "content-lint"}
]


def minimum(block: str) -> tuple[int, int]:
    """The oldest Neovim a README block is for: vim.lsp.enable came in 0.11, vim.lsp.start in 0.8."""
    return (0, 11) if "vim.lsp.enable" in block else (0, 8)


def test_readme_shows_a_form_for_each_neovim_line():
    assert sorted(minimum(block) for block in BLOCKS) == [(0, 8), (0, 11)]
    for block in BLOCKS:
        assert 'cmd = { "content-lint", "server" }' in block


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: "neovim-{}.{}".format(*minimum(b)))
def test_the_recipe_shows_the_finding_at_its_position(block, tmp_path):
    site = tmp_path / "site"
    page = project(site)
    mdx = page.with_name("tram.mdx")  # a page of its own: the same URL would be a duplicate
    mdx.write_text(page.read_text().replace("ferry", "tram"))
    (tmp_path / "init.lua").write_text(block)
    (tmp_path / "harness.lua").write_text(HARNESS)
    for nvim in editors("CONTENT_LINT_NVIM", "nvim", minimum(block)):
        out = tmp_path / "out.json"
        out.unlink(missing_ok=True)
        env = dict(environment(tmp_path / "home"), CL_PAGES=f"{page}\n{mdx}", CL_OUT=str(out))
        command = [nvim, "--headless", "-n", "-i", "NONE", "-u", "init.lua", "-c", "luafile harness.lua"]
        run = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
        assert out.exists(), f"{nvim}: {run.stdout}{run.stderr}"
        seen = [json.loads(line) for line in out.read_text().splitlines()]
        assert [buffer["filetype"] for buffer in seen] == ["markdown", "mdx"], f"{nvim}: {seen}"
        for buffer in seen:
            assert buffer["roots"] == [str(site)], nvim  # one client, rooted at the project's config
            assert buffer["diagnostics"] == EXPECTED, f"{nvim}: {seen}"
