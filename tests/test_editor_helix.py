"""README's Helix recipe, run as written: Helix, in a tmux pane, opens a page with a defect and
shows content-lint's finding under the value it blames and in its diagnostics picker.

It runs with every `hx` named in CONTENT_LINT_HX (paths joined by os.pathsep), beside this Python
or on PATH that is 23.10 or later (the first with `[language-server.NAME]` tables), and needs
tmux; it is skipped, with what it found, otherwise.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from editors import MESSAGE, QUALITY_COLUMN, blocks, editors, environment, project

pytestmark = pytest.mark.timeout(180)

# The test's own display settings, so that the message is drawn under the column it blames; the
# recipe under test is README's languages.toml alone.
DISPLAY = '[editor.inline-diagnostics]\ncursor-line = "hint"\nother-lines = "hint"\n'


def screen(socket: str, until: Callable[[str], bool], timeout: float = 30) -> str:
    """The pane's text once `until` holds on it (or, after `timeout` seconds, as it is then)."""
    deadline = time.monotonic() + timeout
    while True:
        text = subprocess.run(
            ["tmux", "-L", socket, "capture-pane", "-p"], capture_output=True, text=True
        ).stdout
        if until(text) or time.monotonic() > deadline:
            return text
        time.sleep(0.2)


def blamed_column(text: str) -> int | None:
    """The page column that the inline diagnostic under `quality: 150` points at."""
    lines = text.splitlines()
    for row, line in enumerate(lines[:-1]):
        below = lines[row + 1]
        if line.rstrip().endswith("quality: 150") and MESSAGE in below:
            return below.index("└") - line.index("quality")
    return None


def test_the_recipe_shows_the_finding_at_its_position(tmp_path: Path):
    if not shutil.which("tmux"):
        pytest.skip("needs tmux to run Helix in a terminal")
    [recipe] = blocks("toml")
    page = project(tmp_path / "site")
    home = tmp_path / "home"
    (home / "config" / "helix").mkdir(parents=True)
    (home / "config" / "helix" / "languages.toml").write_text(recipe)
    (home / "config" / "helix" / "config.toml").write_text(DISPLAY)
    env = environment(home)
    for index, hx in enumerate(editors("CONTENT_LINT_HX", "hx", (23, 10))):
        socket = f"content-lint-test-{tmp_path.name}-{index}"
        # A new tmux server per run, started with `env`, which Helix inherits from it.
        start = [
            "tmux",
            "-L",
            socket,
            "new-session",
            "-d",
            "-x",
            "160",
            "-y",
            "40",
            shlex.join([hx, str(page)]),
        ]
        subprocess.run(start, env=env, check=True)
        try:
            text = screen(socket, lambda text: blamed_column(text) is not None)
            assert blamed_column(text) == QUALITY_COLUMN, f"{hx}:\n{text}"
            subprocess.run(["tmux", "-L", socket, "send-keys", "Space", "d"], check=True)
            text = screen(socket, lambda text: "FM100" in text)
            assert re.search(rf"ERROR +FM100 +{re.escape(MESSAGE)}", text), f"{hx}:\n{text}"
        finally:
            subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
