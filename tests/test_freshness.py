"""Which files under the content roots need more than a look: serial and forked alike."""

from __future__ import annotations

import os

import pytest
from helpers import ARTICLE, roots_project

from linter import freshness
from linter.cache import trusted_mtime
from linter.cli import main
from linter.identity import Identities


def _stamp(path, keys="", shift=0):
    info = os.lstat(path)
    real = Identities().real(str(path))
    return real, (
        real,
        info.st_size,
        trusted_mtime(info.st_mtime_ns + shift, info.st_mtime_ns + 10**10),
        keys,
    )


@pytest.fixture
def folder(tmp_path):
    names = [f"f{index:02}.md" for index in range(12)]
    for name in names:
        (tmp_path / name).write_text(f"---\ntitle: {name}\n---\n")
    paths = [str(tmp_path / name) for name in names]
    stamps = dict(_stamp(p, keys="k-" + os.path.basename(p)) for p in paths)
    del stamps[Identities().real(paths[3])]  # not cached
    real5, stamp5 = _stamp(paths[5], keys="k-f05.md", shift=1)  # changed since cached
    stamps[real5] = stamp5
    real7, stamp7 = _stamp(paths[7], keys="other\nwanted")  # shares a key
    stamps[real7] = stamp7
    checked = {Identities().real(paths[9])}
    paths.insert(10, str(tmp_path / "vanished.md"))  # cannot be stat-ed: left out
    return paths, stamps, checked


def _summary(verdicts, paths):
    return [(os.path.basename(paths[v.position]), v.keys) for v in verdicts]


def test_verdicts_name_changed_uncached_and_sharing_files_in_order(folder):
    paths, stamps, checked = folder
    verdicts = freshness.judge(paths, stamps, checked, {"wanted"}, jobs=1)
    assert _summary(verdicts, paths) == [("f03.md", None), ("f05.md", None), ("f07.md", ("other", "wanted"))]
    assert verdicts[0].where.real == Identities().real(paths[3])


def test_forked_workers_give_the_same_verdicts(folder, monkeypatch):
    paths, stamps, checked = folder
    serial = freshness.judge(paths, stamps, checked, {"wanted"}, jobs=1)
    monkeypatch.setattr(freshness, "PARALLEL_FROM", 4)
    forked_pids = []
    real_forked = freshness._judge_forked
    monkeypatch.setattr(
        freshness, "_judge_forked", lambda *a: forked_pids.append(os.getpid()) or real_forked(*a)
    )
    assert freshness.judge(paths, stamps, checked, {"wanted"}, jobs=2) == serial
    assert forked_pids  # the forked path really ran
    assert freshness._TASK is None  # nothing left behind for a later fork


def test_content_roots_run_is_the_same_with_forked_freshness(tmp_path, monkeypatch, capsys):
    roots_project(tmp_path, monkeypatch, count=8)
    assert main(["check", "content", "-q"]) == 0
    (tmp_path / "content" / "o2.md").write_text(ARTICLE.replace("sea-wall-approved", "old-5"))  # changed
    (tmp_path / "new.md").write_text(ARTICLE.replace("sea-wall-approved", "old-6"))
    expected = main(["check", "new.md", "-q"]), capsys.readouterr().out
    assert expected[0] == 1 and "content/o6.md" in expected[1]
    monkeypatch.setattr(freshness, "PARALLEL_FROM", 2)
    assert (main(["check", "new.md", "-q", "--jobs", "2"]), capsys.readouterr().out) == expected
