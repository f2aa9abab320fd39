"""Shared test helpers: lint a string the way the CLI would, with a fixed 'now'."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import time
import zlib
from datetime import datetime
from pathlib import Path
from typing import Any

from linter.config.settings import config_from_table, parse_datetime
from linter.findings import Finding
from linter.running.engine import build_engine

REPO = Path(__file__).resolve().parent.parent
SEED_DIR = REPO.parent / "shared" / "seed"
EXAMPLES = REPO / "examples"
NOW_TEXT = "2026-11-26T12:00:00Z"
NOW = parse_datetime(NOW_TEXT)
#: the config line that pins the same now
REFERENCE_TIME = f'reference-time = "{NOW_TEXT}"\n'

# A clean article of our own, in the seed's format; tests edit copies of it.
ARTICLE = """\
---
category: news
title: "Harbour council approves new sea wall"
excerpt: "Construction starts in spring and should protect two hundred homes from storm surges."
publishedDateTime: 2024-04-02T09:30:00Z
originalUrl: "https://www.coastline.example/news/sea-wall-approved"
webUrl: "https://www.coastline.example/news/sea-wall-approved"
type: article
quality: 50
heat: 2
published: true
provider:
  name: Coastline Daily
  domain: coastline.example
topics:
  - Local
  - Infrastructure
images:
  - url: "https://cdn.coastline.example/img/sea-wall.jpg"
    width: 1200
    height: 800
    isCached: true
related:
  - title: "Storm surge maps updated for the bay"
    excerpt: "New models show which streets flood first."
    publishedDateTime: 2024-03-28T14:00:00Z
    webUrl: "https://bayobserver.example/environment/surge-maps"
    type: article
    provider:
      name: Bay Observer
      domain: bayobserver.example
    quality: 40
    images:
      - url: "https://bayobserver.example/media/surge-map.png"
        width: 800
        height: 600
        isCached: false
secured: "pU3KGCUwux1tEyze1iN7LtkeP3IfyxlxF0SU1kk8nVw0YL4xIB5p/tqg7ui5mX9c;fCmZ/a/lkyU81lSvTfrXFA=="
---
Body text is never parsed.
"""


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing `needle` (so tests need no hand counting)."""
    for number, line in enumerate(text.split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")


def column_of(text: str, needle: str) -> int:
    line = text.split("\n")[line_of(text, needle) - 1]
    return line.index(needle) + 1


def lint_text(
    tmp_path: Path,
    text: str | bytes,
    *,
    name: str = "article.md",
    config: dict[str, Any] | None = None,
    now: datetime = NOW,
) -> list[Finding]:
    """Write `text` to a file in `tmp_path` and lint it alone with `config` as [tool.content-lint]."""
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return lint_paths(tmp_path, [path], config=config, now=now)


def lint_paths(
    tmp_path: Path, paths: list[Path], *, config: dict[str, Any] | None = None, now: datetime = NOW
) -> list[Finding]:
    cfg = config_from_table(config or {}, tmp_path / "content-lint.toml")
    engine = build_engine(cfg, now=now)
    return engine.run([str(p) for p in paths]).findings


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def only(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def roots_project(tmp_path, monkeypatch, count: int = 3) -> None:
    """A project whose config names `content` as the content root, with `count` distinct
    articles `content/o<i>.md`; the working folder is the project."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content-lint.toml").write_text(REFERENCE_TIME + 'content-roots = ["content"]\n')
    (tmp_path / "content").mkdir()
    for index in range(count):
        (tmp_path / "content" / f"o{index}.md").write_text(
            ARTICLE.replace("sea-wall-approved", f"old-{index}")
        )


def png(width: int, height: int) -> bytes:
    """A tiny real PNG of `width` x `height` grey pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def refused(capsys: Any, *args: str) -> str:
    """Check `a.md` with `args` and assert a usage error: exit 2, one line, no traceback."""
    from linter.cli import main

    status = main(["check", "a.md", "--no-cache", *args])
    err = str(capsys.readouterr().err)
    assert status == 2, err
    assert err.startswith("content-lint: error: ") and err.count("\n") == 1 and "Traceback" not in err
    return err


#: A finding as the preset tests compare them: (path, line, column, code, message).
Found = tuple[str, int, int, str, str]


def check_report(capsys: Any, *args: str, cache: bool = False) -> tuple[int, list[dict[str, Any]], str]:
    """`content-lint check` in the working folder as a user runs it, with a JSON report, the
    tests' fixed now and no cache (unless `cache`): the exit status, the findings as the report
    gives them and what the run said on standard error. The tests' one way to run the CLI for
    its findings; a usage error (exit 2) prints no report and has none."""
    from linter.cli import main

    no_cache = () if cache else ("--no-cache",)
    status = main(["check", "--output-format", "json", *no_cache, "--reference-time", NOW_TEXT, *args])
    out, err = capsys.readouterr()
    return status, json.loads(out)["findings"] if status != 2 else [], err


def fields(findings: list[dict[str, Any]], *names: str) -> list[tuple[Any, ...]]:
    """Each finding of a JSON report as the tuple of its `names` fields, in report order."""
    return [tuple(finding[name] for name in names) for finding in findings]


def check_json(capsys: Any, root: Path, monkeypatch: Any, *args: str) -> tuple[int, list[Found]]:
    """`content-lint check` from `root` as a user runs it (JSON report, no cache, the tests'
    fixed now): the exit status and every finding, sorted."""
    status, found, _ = check_json_err(capsys, root, monkeypatch, *args)
    return status, found


def check_json_err(capsys: Any, root: Path, monkeypatch: Any, *args: str) -> tuple[int, list[Found], str]:
    """`check_json`, and what the run said on standard error (the framework notice)."""
    monkeypatch.chdir(root)
    status, findings, err = check_report(capsys, *args)
    return status, sorted(fields(findings, "path", "line", "column", "code", "message")), err


def shown_files(capsys: Any, root: Path, monkeypatch: Any, *args: str) -> list[str]:
    """The files `check --show-files` lists as checked from `root` (not the skipped ones)."""
    from linter.cli import main

    monkeypatch.chdir(root)
    main(["check", "--show-files", *args])
    lines = capsys.readouterr().out.splitlines()
    return sorted(line for line in lines if line and "(skipped" not in line)


def folders_listed(monkeypatch) -> list[str]:
    """The names of the folders a run lists from now on (each `os.scandir` call, in order)."""
    listed: list[str] = []
    scandir = os.scandir

    def counting(path: str = ".") -> object:
        listed.append(os.path.basename(os.path.abspath(path)))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", counting)
    return listed


def slug_article(slug: str) -> str:
    """The shipped news article under another slug: a page of its own, no duplicate URL."""
    return ARTICLE.replace("sea-wall-approved", slug)


def news_and_sport(root: Path, config: str) -> None:
    """`root/content/news` and `root/content/sport`, three distinct articles each, under the
    config text `config` (the layout of the warm-cache tests)."""
    (root / "content-lint.toml").write_text(config)
    for folder in ("news", "sport"):
        (root / "content" / folder).mkdir(parents=True)
        for index in range(3):
            (root / "content" / folder / f"{folder}{index}.md").write_text(slug_article(f"{folder}-{index}"))


_REAL_TIME_NS = time.time_ns


def clock_ahead(monkeypatch, seconds: int = 10) -> None:
    """`time.time_ns` runs `seconds` ahead of the real clock (0: the real clock again), so files
    and folders just written are old enough for the cache to trust their stamps and keep their
    listings (see trusted_time). The only way to age a file: a stamp holds its ctime, which no
    call can set back."""
    monkeypatch.setattr(time, "time_ns", lambda: _REAL_TIME_NS() + seconds * 10**9)


def warm_and_cold_reports(capsys, *options: str) -> tuple[dict[str, object], dict[str, object]]:
    """The JSON report of a warm `check .` (with `options`), and that of a run without the cache."""
    from linter.cli import main

    capsys.readouterr()
    main(["check", ".", "--output-format", "json", *options])
    warm = json.loads(capsys.readouterr().out)
    main(["check", ".", "--output-format", "json", "--no-cache"])
    return warm, json.loads(capsys.readouterr().out)


def fresh_python(script: str, *arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`script` run by a fresh interpreter that imports this checkout (what a run loads, or how
    it starts, is seen only in a new process)."""
    return subprocess.run(
        [sys.executable, "-c", script, *arguments],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def git_on_path(folder: Path, script: str, monkeypatch) -> None:
    """A `git` first on PATH: a shell script with the body `script`, kept in `folder/bin`."""
    command = folder / "bin" / "git"
    command.parent.mkdir()
    command.write_text(f"#!/bin/sh\n{script}")
    command.chmod(0o755)
    monkeypatch.setenv("PATH", f"{command.parent}{os.pathsep}{os.environ['PATH']}")
