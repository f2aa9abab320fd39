"""Hostile files: each ends in a finding (or a clear skip) quickly, with bounded memory, and
the other files of the run are still checked. Time bounds are enforced by pytest-timeout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tracemalloc

import pytest
from helpers import ARTICLE, REPO, codes, lint_paths, lint_text

pytestmark = pytest.mark.timeout(60)


def _bomb(merge: bool) -> str:
    lines = ["---", 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        if merge:
            lines.append(f"l{i}: &l{i}\n  <<: *l{i - 1}\n  k{i}: v")
        else:
            lines.append(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]")
    return "\n".join(lines) + "\n---\n"


@pytest.mark.timeout(10)
@pytest.mark.parametrize("merge", [False, True], ids=["alias-bomb", "merge-key-bomb"])
def test_bombs_are_refused_before_expansion(tmp_path, merge):
    findings = lint_text(tmp_path, _bomb(merge))
    assert "FM006" in codes(findings)
    if not merge:  # the expansion budget stops reading at once, at the alias that exceeds it
        budget = [f for f in findings if f.code == "FM008"]
        assert len(budget) == 1 and "alias bomb" in budget[0].message
        assert budget[0].line <= _bomb(merge).count("\n")


@pytest.mark.timeout(20)
@pytest.mark.parametrize("style", ["flow", "block"])
def test_5000_deep_nesting(tmp_path, style):
    depth = 5000
    if style == "flow":
        block = "a: " + "[" * depth + "]" * depth + "\n"
    else:
        block = "".join(" " * i + f"k{i}:\n" for i in range(depth)) + " " * depth + "end: 1\n"
    findings = lint_text(tmp_path, f"---\n{block}---\n", config={"max-front-matter-bytes": 64 << 20})
    assert codes(findings) == ["FM008"]


def _peak_memory(callable_):
    tracemalloc.start()
    try:
        result = callable_()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.timeout(20)
def test_50_mb_front_matter_is_refused_reading_only_the_limit(tmp_path):
    path = tmp_path / "huge.md"
    with path.open("w") as handle:
        handle.write("---\ntitle: x\n")
        line = "excerpt_line: " + "y" * 1000 + "\n"
        handle.write(line * (50 * 1024))
        handle.write("---\n")
    findings, peak = _peak_memory(lambda: lint_paths(tmp_path, [path]))
    assert codes(findings) == ["FM008"]
    assert peak < 16 << 20, peak


@pytest.mark.timeout(20)
def test_1_gb_file_reads_only_its_front_matter(tmp_path):
    path = tmp_path / "big.md"
    with path.open("wb") as handle:
        handle.write(ARTICLE.encode())
        handle.truncate(1 << 30)  # sparse: 1 GB of NULs after the front matter, no disk used
    findings, peak = _peak_memory(lambda: lint_paths(tmp_path, [path]))
    assert findings == []
    assert peak < 16 << 20, peak


def test_device_is_not_read(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero on this system")
    [finding] = lint_paths(tmp_path, [tmp_path.parent / "/dev/zero"])
    assert finding.code == "FM007" and "device" in finding.message


def test_file_vanishing_between_discovery_and_reading(tmp_path):
    path = tmp_path / "gone.md"
    path.write_text(ARTICLE)
    from linter.config.settings import config_from_table
    from linter.running.engine import build_engine

    engine = build_engine(config_from_table({}, tmp_path / "c.toml"))
    path.unlink()
    [finding] = engine.run([str(path)]).findings
    assert finding.code == "FM007" and "vanished" in finding.message


def test_a_run_of_hostile_files_still_checks_the_others(tmp_path):
    (tmp_path / "bomb.md").write_text(_bomb(False))
    (tmp_path / "binary.md").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "latin1.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")
    os.symlink(tmp_path / "loop.md", tmp_path / "loop.md")
    os.mkfifo(tmp_path / "fifo.md")
    (tmp_path / "bad.md").write_text(ARTICLE.replace("quality: 50", "quality: 150"))
    (tmp_path / "good.md").write_text(ARTICLE.replace("sea-wall-approved", "other"))
    paths = sorted(tmp_path.iterdir())
    findings = lint_paths(tmp_path, paths)
    by_file = {os.path.basename(f.path): f.code for f in findings}
    assert by_file == {
        "bad.md": "FM100",
        "binary.md": "FM007",
        "bomb.md": "FM008",
        "fifo.md": "FM007",
        "latin1.md": "FM007",
        "loop.md": "FM007",
    }


def test_non_utf8_file_name_is_reported_and_output_stays_valid(tmp_path):
    name = os.fsencode(str(tmp_path)) + b"/caf\xe9.md"
    with open(name, "wb") as handle:
        handle.write(b"no front matter\n")
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "linter",
            "check",
            str(tmp_path),
            "--no-cache",
            "--preset",
            "news-article",
            "--output-format",
            "json",
        ],
        capture_output=True,
        cwd=REPO,
        env=env,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    payload = json.loads(result.stdout.decode("utf-8"))
    [finding] = payload["findings"]
    assert finding["code"] == "FM001" and finding["path"].endswith(".md")
    assert b"Traceback" not in result.stderr
