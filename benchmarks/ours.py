"""The content-lint under test: where it is, which of the speed features it has, its commands.

The result cache, `--jobs`, `content-lint clean` and `content-roots` may not all exist yet;
each is detected (from `--help`, or by trying the config key) and a missing one turns its
measurement into a note instead of a failure.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from articles import REFERENCE_TIME

CONFIG = "content-lint.toml"
DEFAULT_CACHE = ".content-lint-cache"
REPO = Path(__file__).resolve().parent.parent


def executable() -> Path:
    """`content-lint` beside the running interpreter, else in the repository's `.venv`, else on PATH."""
    for folder in (Path(sys.executable).parent, REPO / ".venv" / "bin"):
        if (folder / "content-lint").exists():
            return folder / "content-lint"
    found = shutil.which("content-lint")
    if found is None:
        raise SystemExit("content-lint not found beside this python, in .venv or on PATH; install it first")
    return Path(found)


@dataclass(frozen=True)
class Features:
    jobs: bool
    no_cache: bool
    cache_dir: bool
    clean: bool
    content_roots: bool

    @property
    def cache(self) -> bool:
        return self.no_cache or self.cache_dir or self.clean

    def missing(self) -> list[str]:
        flags = {
            "--jobs": self.jobs,
            "--no-cache": self.no_cache,
            "--cache-dir": self.cache_dir,
            "`content-lint clean`": self.clean,
            "`content-roots` config": self.content_roots,
        }
        return [name for name, present in flags.items() if not present]


def _help(exe: Path, *args: str) -> str:
    done = subprocess.run([str(exe), *args, "--help"], capture_output=True, text=True, check=False)
    return done.stdout + done.stderr


def _accepts_content_roots(exe: Path) -> bool:
    with tempfile.TemporaryDirectory(prefix="content-lint-probe-") as folder:
        Path(folder, CONFIG).write_text('content-roots = ["."]\n', encoding="utf-8")
        done = subprocess.run(
            [str(exe), "check", "--show-files", "."], cwd=folder, capture_output=True, text=True, check=False
        )
    return not (done.returncode == 2 and "content-roots" in done.stderr)


def detect(exe: Path) -> Features:
    check, top = _help(exe, "check"), _help(exe)
    return Features(
        jobs="--jobs" in check,
        no_cache="--no-cache" in check,
        cache_dir="--cache-dir" in check,
        clean="clean" in top.split("positional arguments")[0],
        content_roots=_accepts_content_roots(exe),
    )


def write_config(root: Path, features: Features) -> None:
    """Config in the corpus root: it stops the search upward and fixes discovery and roots."""
    lines = ["# written by benchmarks/run.py", "respect-gitignore = false"]
    if features.content_roots:
        lines.append('content-roots = ["."]')
    (root / CONFIG).write_text("\n".join(lines) + "\n", encoding="utf-8")


class Commands:
    """Argument lists for each kind of run, given the features present."""

    def __init__(self, exe: Path, features: Features) -> None:
        self.exe, self.features = str(exe), features

    def check(self, *args: str) -> list[str]:
        return [self.exe, "check", "--reference-time", REFERENCE_TIME, *args]

    def cold(self, jobs: int, target: str = ".") -> list[str]:
        args = ["--jobs", str(jobs)] if self.features.jobs else []
        if self.features.no_cache:
            args.append("--no-cache")
        return self.check(*args, target)

    def cached(self, cache: Path, target: str = ".") -> list[str]:
        return self.check("--cache-dir", str(cache), target)


def clear_default_cache(root: Path) -> None:
    """Cold runs without `--no-cache` must not find a cache from an earlier run."""
    shutil.rmtree(root / DEFAULT_CACHE, ignore_errors=True)
