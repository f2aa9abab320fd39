"""What the editor-recipe tests share: README's editor section, the editors at hand, and a
project with one page whose defect every editor must show at the CLI's position."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ARTICLE, REFERENCE_TIME, REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
_SECTION = re.search(r"^## In the editor: the language server\n(.*?)(?=^## )", README, re.M | re.S)
EDITORS = _SECTION.group(1) if _SECTION else ""
#: The directory of the Python running the tests, where `content-lint` was installed with it.
BIN = Path(sys.executable).parent
SERVER = BIN / "content-lint"

#: The page's one defect: `quality: 150` on line 9, its value in columns 9-12 (0-based), which
#: `check` reports as 9:10.
QUALITY_LINE, QUALITY_COLUMN = 8, 9
MESSAGE = "`quality` must be at most 100, got 150"


def blocks(language: str) -> list[str]:
    """The fenced code blocks of README's editor section in one language, indentation removed."""
    found = re.findall(rf"^( *)```{language}\n(.*?)^ *```", EDITORS, re.M | re.S)
    return ["".join(line[len(indent) :] for line in body.splitlines(True)) for indent, body in found]


def project(root: Path) -> Path:
    """A project with a config and one page with a defect; returns the page."""
    if not SERVER.exists():
        pytest.skip(f"no `content-lint` command beside {sys.executable}")
    (root / "content").mkdir(parents=True)
    (root / "content-lint.toml").write_text(REFERENCE_TIME)
    page = root / "content" / "ferry.md"
    page.write_text(ARTICLE.replace("sea-wall", "ferry").replace("quality: 50", "quality: 150"))
    return page


def version(program: str) -> tuple[int, ...] | None:
    """The first dotted version number that `program --version` prints."""
    try:
        out = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r"(\d+)\.(\d+)", out)
    return (int(match.group(1)), int(match.group(2))) if match else None


def editors(variable: str, name: str, oldest: tuple[int, int]) -> list[str]:
    """The editors named in `variable` (paths joined by os.pathsep), beside this Python or on PATH
    whose version is at least `oldest`; skips the test, naming what it found, when there is none."""
    named = [p for p in os.environ.get(variable, "").split(os.pathsep) if p]
    found = [shutil.which(name, path=str(BIN)), shutil.which(name)]
    seen = {program: version(program) for program in dict.fromkeys(named + [p for p in found if p])}
    usable = [program for program, v in seen.items() if v is not None and v >= oldest]
    if not usable:
        listed = ", ".join(f"{p} ({'.'.join(map(str, v)) if v else 'no version'})" for p, v in seen.items())
        wanted = ".".join(map(str, oldest))
        pytest.skip(
            f"needs {name} >= {wanted} in {variable}, beside Python or on PATH; found: {listed or 'none'}"
        )
    return usable


def environment(home: Path) -> dict[str, str]:
    """The editor's environment: our `content-lint` first on PATH, its own config and state in `home`."""
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", HOME=str(home))
    env.update(
        {f"XDG_{kind}_HOME": str(home / kind.lower()) for kind in ("CONFIG", "DATA", "STATE", "CACHE")}
    )
    return env
