"""--output-file never follows a symlink a pull request could commit: a link at the report's
name inside the project is replaced by the report, a linked folder on the way is refused, and
only links outside the project (the user's own) are followed."""

from __future__ import annotations

import os

import pytest
from helpers import ARTICLE

from linter.cli import main

pytestmark = pytest.mark.skipif(not hasattr(os, "symlink"), reason="symlinks")

BAD = ARTICLE.replace("quality: 50", "quality: 150")
SECRET = "ssh-ed25519 AAAA the owner's only key\n"


@pytest.fixture
def layout(tmp_path, monkeypatch):
    """A checkout in `project/` and, beside it, a file the CI account owns."""
    project, home = tmp_path / "project", tmp_path / "home"
    (project / "content").mkdir(parents=True)
    (project / "content" / "bad.md").write_text(BAD)
    home.mkdir()
    (home / "authorized_keys").write_text(SECRET)
    monkeypatch.chdir(project)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return project, home


def _check(output: str, *extra: str) -> list[str]:
    return ["check", "content", "--no-cache", "--output-file", output, *extra]


@pytest.mark.parametrize("output_format", ["sarif", "concise", "gitlab"])
def test_a_committed_link_at_the_report_name_is_replaced_not_followed(layout, output_format):
    project, home = layout
    (project / "report.out").symlink_to(home / "authorized_keys")
    assert main(_check("report.out", "--output-format", output_format)) == 1
    assert (home / "authorized_keys").read_text() == SECRET
    assert not (project / "report.out").is_symlink()
    assert "FM100" in (project / "report.out").read_text()


def test_a_relative_link_at_the_report_name_is_replaced_too(layout):
    project, home = layout
    (project / "report.out").symlink_to("../home/authorized_keys")
    assert main(_check("report.out", "--output-format", "concise")) == 1
    assert (home / "authorized_keys").read_text() == SECRET
    assert (project / "report.out").read_text().startswith("content/bad.md:9:10: FM100")


def test_a_committed_linked_folder_on_the_way_is_refused(layout, capsys):
    project, home = layout
    (project / "reports").symlink_to(home)
    assert main(_check("reports/authorized_keys")) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "reports is a symbolic link inside the project; it is not followed" in err
    assert (home / "authorized_keys").read_text() == SECRET


def test_dot_dot_through_a_linked_folder_is_judged_as_written(layout):
    """`reports/../x` is the project's `x`, whatever `reports` points at."""
    project, home = layout
    (project / "reports").symlink_to(home / "sub", target_is_directory=True)
    assert main(_check("reports/../lint.txt", "--output-format", "concise")) == 1
    assert "FM100" in (project / "lint.txt").read_text()
    assert sorted(p.name for p in home.iterdir()) == ["authorized_keys"]


@pytest.mark.usefixtures("layout")
def test_the_users_own_link_outside_the_project_is_followed(tmp_path):
    (tmp_path / "real-reports").mkdir()
    (tmp_path / "reports").symlink_to(tmp_path / "real-reports")
    (tmp_path / "real-reports" / "old.txt").write_text("old\n")
    (tmp_path / "lint.txt").symlink_to(tmp_path / "real-reports" / "old.txt")
    assert main(_check(str(tmp_path / "reports" / "new.txt"), "--output-format", "concise")) == 1
    assert main(_check(str(tmp_path / "lint.txt"), "--output-format", "concise")) == 1
    assert "FM100" in (tmp_path / "real-reports" / "new.txt").read_text()
    assert (tmp_path / "lint.txt").is_symlink()
    assert "FM100" in (tmp_path / "real-reports" / "old.txt").read_text()


def test_a_checked_folder_elsewhere_is_part_of_the_project(layout, tmp_path, monkeypatch):
    """Run from outside the checkout: links in the checked folder are still not followed."""
    project, home = layout
    monkeypatch.chdir(tmp_path)
    (project / "content" / "report.out").symlink_to(home / "authorized_keys")
    output = str(project / "content" / "report.out")
    assert main(["check", str(project / "content"), "--no-cache", "--output-file", output]) == 1
    assert (home / "authorized_keys").read_text() == SECRET


def test_update_baseline_through_a_committed_linked_folder_is_refused(layout, capsys):
    project, home = layout
    (project / "lint").symlink_to(home)
    assert (
        main(["check", "content", "--no-cache", "--baseline", "lint/authorized_keys", "--update-baseline"])
        == 2
    )
    assert "lint is a symbolic link inside the project; it is not followed" in capsys.readouterr().err
    assert (home / "authorized_keys").read_text() == SECRET


def test_update_baseline_replaces_a_committed_link_at_its_name(layout):
    project, home = layout
    (project / "baseline.json").symlink_to(home / "authorized_keys")
    (home / "authorized_keys").write_text('{"version": 1, "findings": []}\n')
    assert main(["check", "content", "--no-cache", "--baseline", "baseline.json", "--update-baseline"]) == 0
    assert (home / "authorized_keys").read_text() == '{"version": 1, "findings": []}\n'
    assert not (project / "baseline.json").is_symlink()
    assert '"code": "FM100"' in (project / "baseline.json").read_text()
