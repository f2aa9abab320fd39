"""--output-file: checked before the run (one line, exit 2), written atomically to a regular
file with the usual permissions, and straight through to anything else (a device, a FIFO)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from helpers import ARTICLE

from linter.cli import main

BAD = ARTICLE.replace("quality: 50", "quality: 150")


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "bad.md").write_text(BAD)
    return tmp_path


def _check(*output: str) -> list[str]:
    return ["check", "content", "--no-cache", "--output-format", "concise", "--output-file", *output]


def _one_error_line(capsys: pytest.CaptureFixture[str], *parts: str) -> None:
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and err.startswith("content-lint: error: --output-file ")
    assert all(part in err for part in parts), err


def test_missing_folder_is_refused_before_the_run(project, capsys):
    assert main(_check("reports/lint.txt")) == 2
    _one_error_line(capsys, "reports/lint.txt", "does not exist")
    assert not (project / "reports").exists()


def test_a_folder_is_refused(project, capsys):
    (project / "reports").mkdir()
    assert main(_check("reports")) == 2
    _one_error_line(capsys, "reports: is a folder")
    assert list((project / "reports").iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_folder_is_refused(project, capsys):
    (project / "reports").mkdir(mode=0o555)
    assert main(_check("reports/lint.txt")) == 2
    _one_error_line(capsys, "reports/lint.txt", "permission denied")


def test_full_device_fails_with_one_line_and_stays_a_device(project, capsys, tmp_path):
    full = _device(tmp_path, "/dev/full")
    assert main(_check(str(full))) == 2
    _one_error_line(capsys, "No space left on device")
    assert stat.S_ISCHR(os.stat(full).st_mode)


def test_dev_null_is_written_through_not_replaced(project, capsys, tmp_path):
    null = _device(tmp_path, "/dev/null")
    assert main(_check(str(null))) == 1
    assert stat.S_ISCHR(os.stat(null).st_mode)
    assert "Found 1 error(s)" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.timeout(30)
def test_fifo_gets_the_report_and_stays_a_fifo(project, tmp_path):
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert main(_check(str(fifo))) == 1
    reader.join()
    assert received == [
        b"content/bad.md:9:10: FM100 [error] `quality` must be at most 100, got 150 (at /quality)\n"
    ]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_new_report_gets_the_umask_permissions(project):
    old = os.umask(0o027)
    try:
        assert main(_check("lint.txt")) == 1
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(project / "lint.txt").st_mode) == 0o640


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
@pytest.mark.parametrize("mode", [0o600, 0o664])
def test_existing_report_keeps_its_mode(project, mode):
    report = project / "lint.txt"
    report.write_text("old report\n")
    report.chmod(mode)
    old = os.umask(0o077)
    try:
        assert main(_check("lint.txt")) == 1
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(report).st_mode) == mode
    assert "FM100" in report.read_text()


def test_no_temporary_file_is_left_beside_the_report(project):
    assert main(_check("lint.txt")) == 1
    assert sorted(path.name for path in project.iterdir()) == ["content", "lint.txt"]


def _device(tmp_path: Path, real: str) -> Path:
    """`real`, or, as root (who could replace it if the code regressed), a copy of it made here."""
    if not os.path.exists(real):
        pytest.skip(f"no {real} here")
    if os.name != "posix" or os.geteuid() != 0:
        return Path(real)
    copy = tmp_path / Path(real).name
    os.mknod(copy, stat.S_IFCHR | 0o666, os.stat(real).st_rdev)
    return copy
