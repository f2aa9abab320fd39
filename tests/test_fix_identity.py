"""A file `--fix` rewrites keeps its owner, group, hard links and extended attributes."""

from __future__ import annotations

import os
import stat

import pytest
from helpers import ARTICLE

from linter.cli import main

UNTIDY = ARTICLE.replace("  - Infrastructure\n", "  - Infrastructure\n  - local\n")


def _fix(path) -> None:
    main(["check", "--no-cache", "--jobs", "1", "--fix", str(path)])
    assert "  - local\n" not in path.read_text()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="only root can give a file away")
def test_root_keeps_the_pages_owner_and_group(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(UNTIDY)
    os.chown(page, 1234, 2345)
    page.chmod(0o640)
    _fix(page)
    info = os.stat(page)
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 2345, 0o640)


@pytest.mark.skipif(not hasattr(os, "link"), reason="hard links")
def test_a_hard_linked_page_stays_one_file(tmp_path):
    (tmp_path / "content").mkdir()
    page = tmp_path / "content" / "page.md"
    page.write_text(UNTIDY)
    other = tmp_path / "other-name.md"
    os.link(page, other)
    _fix(page)
    assert os.stat(page).st_ino == os.stat(other).st_ino and os.stat(page).st_nlink == 2
    assert other.read_text() == page.read_text()


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="extended attributes")
def test_extended_attributes_are_kept(tmp_path):
    page = tmp_path / "page.md"
    page.write_text(UNTIDY)
    try:
        os.setxattr(page, "user.origin", b"cms")
    except OSError:
        pytest.skip("this file system takes no user xattrs")
    _fix(page)
    assert os.getxattr(page, "user.origin") == b"cms"
