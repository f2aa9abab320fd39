"""check-jsonschema on the same files and schema: its own venv, front matter as `.yaml` files.

check-jsonschema reads whole YAML files, so each front-matter block is written out as one;
files whose front matter is never closed are left out, for both tools. Our linter is timed
on hard links to exactly the `.md` files whose block was extracted.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from measure import MeasureError
from ours import CONFIG

PACKAGE = "check-jsonschema"
BATCH = 1000  # file names per command line: far below ARG_MAX, few process starts
SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "article.schema.json"


def install(work: Path) -> Path:
    """check-jsonschema in `work/peer-venv`, installed on first use and reused after."""
    venv = work / "peer-venv"
    exe = venv / "bin" / "check-jsonschema"
    if not exe.exists():
        print(f"installing {PACKAGE} into {venv} ...", file=sys.stderr)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        for command in ([sys.executable, "-m", "venv", "--clear", str(venv)], [*pip, PACKAGE]):
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise MeasureError(
                    f"installing {PACKAGE} failed: {(done.stdout + done.stderr).strip()[-1000:]}"
                )
    return exe


def version(exe: Path) -> str:
    done = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=False)
    return (done.stdout or done.stderr).strip().splitlines()[-1] if done.returncode == 0 else "unknown"


def front_matter(data: bytes) -> bytes | None:
    """The block between the fences (LF files, as the generator writes), or None if unclosed."""
    if not data.startswith(b"---\n"):
        return None
    end = data.find(b"\n---\n", 3)
    return data[4 : end + 1] if end >= 0 else None


def _articles(corpus: Path) -> Iterator[Path]:
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir() and not p.name.startswith(".")):
        yield from sorted(folder.glob("*.md"))


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def extract(corpus: Path, dest: Path) -> list[str]:
    """`dest/yaml/**.yaml` for check-jsonschema, `dest/md/**.md` for us; the yaml paths."""
    shutil.rmtree(dest, ignore_errors=True)
    names: list[str] = []
    for path in _articles(corpus):
        block = front_matter(path.read_bytes())
        if block is None:
            continue
        relative = path.relative_to(corpus)
        as_yaml, as_md = dest / "yaml" / relative.with_suffix(".yaml"), dest / "md" / relative
        for folder in (as_yaml.parent, as_md.parent):
            folder.mkdir(parents=True, exist_ok=True)
        as_yaml.write_bytes(block)
        _link(path, as_md)
        names.append(str(relative.with_suffix(".yaml")))
    shutil.copyfile(corpus / CONFIG, dest / "md" / CONFIG)
    return names


def commands(exe: Path, names: list[str]) -> list[list[str]]:
    base = [str(exe), "--schemafile", str(SCHEMA)]
    return [[*base, *names[start : start + BATCH]] for start in range(0, len(names), BATCH)]
