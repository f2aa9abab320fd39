"""A non-editable install, run from another folder, finds the schema inside the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest
from helpers import ARTICLE, REPO


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = out.glob("content_linter-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(out / "site")
    return out / "site", names


def test_wheel_ships_schema_inside_the_package(unpacked_wheel):
    _, names = unpacked_wheel
    assert "linter/schemas/article.schema.json" in names
    assert any(name.endswith("entry_points.txt") for name in names)


def test_installed_package_finds_schema_from_another_folder(unpacked_wheel, tmp_path):
    site, _ = unpacked_wheel
    (tmp_path / "a.md").write_text(ARTICLE.replace("quality: 50", "quality: 150"))
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "from linter.schema.check import default_schema_path; print(default_schema_path())",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert where.startswith(str(site)), where
    result = subprocess.run(
        [sys.executable, "-m", "linter", "check", "a.md"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "a.md:" in result.stdout and "FM100 [error] `quality` must be at most 100" in result.stdout
