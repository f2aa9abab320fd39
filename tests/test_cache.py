"""The result cache: reused when nothing changed, never trusted when something did, never fatal."""

from __future__ import annotations

import os
import sqlite3

import pytest
from helpers import ARTICLE, REFERENCE_TIME, clock_ahead, roots_project

from linter.cli import main
from linter.reading.file_stamps import last_change_ns
from linter.rules.urls import DuplicateArticle
from linter.running import cached

BROKEN = ARTICLE.replace("quality: 50", "quality: 150")


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content-lint.toml").write_text(REFERENCE_TIME)
    for index in range(3):
        text = BROKEN if index == 0 else ARTICLE.replace("sea-wall-approved", f"story-{index}")
        (tmp_path / "content" / f"a{index}.md").write_text(text)
    return tmp_path


def _run(capsys, *extra):
    status = main(["check", "content", "-q", *extra])
    return status, capsys.readouterr().out


def _count_decoded(monkeypatch, decoded):
    """Record each file's duplicate-article facts as they are decoded."""
    real = DuplicateArticle.decode_facts
    monkeypatch.setattr(
        DuplicateArticle, "decode_facts", lambda self, data: decoded.append(data) or real(self, data)
    )


def _cache_files(project):
    return sorted((project / ".content-lint-cache").glob("results-*.sqlite3"))


def test_second_run_reuses_results_and_prints_the_same(project, capsys, monkeypatch):
    first = _run(capsys)
    assert first[0] == 1 and "FM100" in first[1]
    assert len(_cache_files(project)) == 1
    assert (project / ".content-lint-cache" / ".gitignore").read_text().strip().endswith("*")

    import linter.running.engine

    def fail(*args, **kwargs):
        raise AssertionError("a cached file was linted again")

    monkeypatch.setattr(linter.running.engine.Engine, "lint_file", fail)
    assert _run(capsys) == first


def test_changed_file_is_linted_again(project, capsys):
    _run(capsys)
    path = project / "content" / "a0.md"
    path.write_text(ARTICLE)
    os.utime(path, ns=(1, 1))  # even with an old timestamp, new content is noticed via the size
    assert _run(capsys) == (0, "")


def test_same_size_and_mtime_but_recent_is_rehashed(project, capsys):
    _run(capsys)
    path = project / "content" / "a0.md"
    stat = path.stat()
    path.write_text(BROKEN.replace("quality: 150", "quality: 151"))  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same mtime: only the content differs
    _status, out = _run(capsys)
    assert "got 151" in out


def test_config_change_uses_another_cache(project, capsys):
    _run(capsys)
    (project / "content-lint.toml").write_text(REFERENCE_TIME + 'ignore = ["FM100"]\n')
    assert _run(capsys) == (0, "")
    assert len(_cache_files(project)) == 2


def test_no_cache_writes_nothing(project, capsys):
    _run(capsys, "--no-cache")
    assert not (project / ".content-lint-cache").exists()


def test_cache_dir_option_and_clean(project, capsys):
    folder = project / "elsewhere"
    _run(capsys, "--cache-dir", str(folder))
    assert list(folder.glob("results-*.sqlite3"))
    (folder / "keep.txt").write_text("not ours")
    assert main(["clean", "--cache-dir", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["keep.txt"]


def test_clean_refuses_a_folder_that_is_not_a_cache(project, capsys):
    (project / "precious").mkdir()
    (project / "precious" / "results-v1-x.sqlite3").write_text("mine")
    assert main(["clean", "--cache-dir", str(project / "precious")]) == 0
    assert (project / "precious" / "results-v1-x.sqlite3").exists()


@pytest.mark.parametrize("garbage", [b"", b"garbage" * 100, b"SQLite format 3\x00" + b"\xff" * 500])
def test_damaged_cache_file_is_rebuilt(project, capsys, garbage):
    expected = _run(capsys)
    [cache_file] = _cache_files(project)
    for suffix in ("-wal", "-shm"):
        side = cache_file.with_name(cache_file.name + suffix)
        if side.exists():
            side.unlink()
    cache_file.write_bytes(garbage)
    assert _run(capsys) == expected
    assert _run(capsys) == expected
    with sqlite3.connect(cache_file) as connection:
        assert connection.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 3


def test_damaged_entry_is_ignored_and_rewritten(project, capsys):
    expected = _run(capsys)
    [cache_file] = _cache_files(project)
    with sqlite3.connect(cache_file) as connection:
        connection.execute("UPDATE entries SET findings = '{not json'")
    assert _run(capsys) == expected
    with sqlite3.connect(cache_file) as connection:
        rows = dict(connection.execute("SELECT path, findings FROM entries"))
    assert {os.path.basename(path): text[:5] for path, text in rows.items()} == {
        "a0.md": '{"f":',  # rewritten; the clean files have nothing to store
        "a1.md": "",
        "a2.md": "",
    }


def test_damaged_facts_of_a_duplicate_are_rebuilt(project, capsys):
    (project / "content" / "a3.md").write_text(ARTICLE.replace("sea-wall-approved", "story-1"))
    expected = _run(capsys, "--select", "FM404")
    assert expected[0] == 1 and expected[1].count("FM404") == 2
    [cache_file] = _cache_files(project)
    with sqlite3.connect(cache_file) as connection:
        connection.execute("UPDATE facts SET facts = '[broken'")
    assert _run(capsys, "--select", "FM404") == expected


def test_only_files_sharing_a_key_have_their_facts_decoded(project, capsys, monkeypatch):
    """100,000 cached files must not cost 100,000 fact decodings: only a duplicate's do."""

    (project / "content" / "a3.md").write_text(ARTICLE.replace("sea-wall-approved", "story-1"))
    _run(capsys)
    decoded = []
    _count_decoded(monkeypatch, decoded)
    status, out = _run(capsys)
    assert status == 1 and out.count("FM404") == 2
    assert len(decoded) == 2


def test_unwritable_cache_folder_does_not_fail_the_run(project, capsys):
    (project / "blocked").write_text("a file where the cache folder should be")
    assert _run(capsys, "--cache-dir", str(project / "blocked"))[0] == 1


def test_a_changed_file_reads_only_the_facts_of_its_duplicate(tmp_path, monkeypatch, capsys):
    """One changed file against a warm content root: the duplicate's facts come from the cache
    (one read), no unchanged file is linted again."""
    import linter.running.runner as runner

    roots_project(tmp_path, monkeypatch, count=6)
    assert main(["check", "content", "-q"]) == 0
    (tmp_path / "new.md").write_text(ARTICLE.replace("sea-wall-approved", "old-4"))
    decoded, linted = [], []
    real_lint_many = runner.lint_many
    _count_decoded(monkeypatch, decoded)
    monkeypatch.setattr(
        runner,
        "lint_many",
        lambda engine, paths, *a, **k: linted.extend(paths) or real_lint_many(engine, paths, *a, **k),
    )
    assert main(["check", "new.md", "-q"]) == 1
    assert (
        "FM404 [error] `webUrl` is the same article as `webUrl` in content/o4.md" in capsys.readouterr().out
    )
    assert linted == ["new.md"]
    assert len(decoded) == 2  # new.md and its duplicate, no other file


def test_a_big_cold_run_keeps_no_facts_in_memory_yet_finds_duplicates(project, capsys, monkeypatch):
    """Past one store batch, fresh results drop their facts once cached; the duplicates' facts
    are read back, so the findings are those of a run that kept everything."""
    (project / "content" / "a3.md").write_text(ARTICLE.replace("sea-wall-approved", "story-1"))
    expected = _run(capsys, "--no-cache")
    monkeypatch.setattr(cached, "STORE_BATCH", 2)
    decoded = []
    _count_decoded(monkeypatch, decoded)
    assert _run(capsys) == expected
    assert expected[1].count("FM404") == 2
    assert len(decoded) == 2  # a1.md and a3.md, read back from the cache


def test_a_run_without_cache_unpacks_only_the_facts_of_duplicates(project, capsys, monkeypatch):
    """Results hold their facts packed; only the duplicates' are unpacked, and the findings
    are those of a run that keeps everything."""
    (project / "content" / "a3.md").write_text(ARTICLE.replace("sea-wall-approved", "story-1"))
    decoded: list[object] = []
    _count_decoded(monkeypatch, decoded)
    status, out = _run(capsys, "--no-cache")
    assert status == 1 and out.count("FM404") == 2
    assert len(decoded) == 2  # a1.md and a3.md
    assert not (project / ".content-lint-cache").exists()


def test_a_planted_cache_table_with_loose_types_is_read_safely(project, capsys):
    """A cache file someone replaced with a non-STRICT table holding wrong types: those rows
    are skipped and the files linted again, never a crash or a wrong finding."""
    expected = _run(capsys)
    [cache_file] = _cache_files(project)
    with sqlite3.connect(cache_file) as connection:
        rows = connection.execute("SELECT * FROM entries").fetchall()
        connection.execute("DROP TABLE entries")
        connection.execute(
            "CREATE TABLE entries (path, size, changed_ns, digest, findings, keys, alias, files)"
        )
        for path, _size, changed_ns, digest, _findings, keys, alias, _files in rows:
            connection.execute(
                "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (path, "big", changed_ns, digest, 42, keys, alias, 7),
            )
    assert _run(capsys) == expected
    assert _run(capsys) == expected


@pytest.mark.parametrize("lookups_up_to", [0, 2_000])
def test_checked_entries_are_read_by_scan_or_by_lookup_alike(project, capsys, monkeypatch, lookups_up_to):
    import linter.running.cache_store
    import linter.running.engine

    first = _run(capsys)
    monkeypatch.setattr(linter.running.cache_store, "_LOOKUPS_UP_TO", lookups_up_to)
    monkeypatch.setattr(linter.running.engine.Engine, "lint_file", lambda *a: pytest.fail("linted again"))
    assert _run(capsys) == first


def test_a_recent_file_is_cached_without_its_stamp_until_a_rehash_vouches_for_it(
    tmp_path, monkeypatch, capsys
):
    """A file changed less than 2 s before it was cached could change again within the same
    clock tick: its change time is not stored, so the next run re-hashes it once, then trusts
    its stat. (A file is aged by running the clock ahead: no call sets a ctime back.)"""

    roots_project(tmp_path, monkeypatch, count=3)
    clock_ahead(monkeypatch, 3600)  # an hour after the files were written
    assert main(["check", "content", "-q"]) == 0
    [cache_file] = sorted((tmp_path / ".content-lint-cache").glob("results-*.sqlite3"))

    def stored_stamps():
        with sqlite3.connect(cache_file) as connection:
            rows = connection.execute("SELECT path, changed_ns FROM entries").fetchall()
        return {os.path.basename(path): changed for path, changed in rows}

    def change_time(name):
        return last_change_ns(os.stat(tmp_path / name if name == "new.md" else tmp_path / "content" / name))

    assert stored_stamps() == {name: change_time(name) for name in ("o0.md", "o1.md", "o2.md")}
    for name in ("o1.md", "o2.md"):  # the same bytes written again, checked at once
        path = tmp_path / "content" / name
        path.write_bytes(path.read_bytes())
    clock_ahead(monkeypatch, 0)
    assert main(["check", "content", "-q"]) == 0
    assert stored_stamps() == {"o0.md": change_time("o0.md"), "o1.md": None, "o2.md": None}
    clock_ahead(monkeypatch, 3600)
    reread: list[str] = []
    real_read_head = cached.read_head
    monkeypatch.setattr(
        cached, "read_head", lambda path, limit: reread.append(path) or real_read_head(path, limit)
    )
    (tmp_path / "new.md").write_text(ARTICLE.replace("sea-wall-approved", "old-1"))
    assert main(["check", "new.md", "-q"]) == 1  # o1 is its duplicate
    assert sorted(os.path.basename(p) for p in reread) == ["o1.md", "o2.md"]
    assert stored_stamps() == {name: change_time(name) for name in ("o0.md", "o1.md", "o2.md", "new.md")}
    reread.clear()
    assert main(["check", "new.md", "-q"]) == 1
    assert "FM404" in capsys.readouterr().out
    assert reread == []  # every stamp vouched for: nothing read again


def test_cache_files_of_other_keys_unused_for_a_week_are_deleted(project, capsys):
    """Without a fixed reference time the cache key changes daily: old files must not pile up."""
    _run(capsys)
    folder = project / ".content-lint-cache"
    [current] = _cache_files(project)
    old = os.path.getmtime(current) - 8 * 24 * 3600
    stale = [folder / "results-v4-aaaa.sqlite3", folder / "results-v5-bbbb.sqlite3-wal"]
    recent = folder / "results-v5-cccc.sqlite3"  # another config, used yesterday: kept
    unrelated = folder / "notes.txt"  # not ours: never touched
    for path in [*stale, recent, unrelated]:
        path.write_text("x")
    for path in [*stale, unrelated]:
        os.utime(path, (old, old))
    os.utime(recent, (old + 7 * 24 * 3600, old + 7 * 24 * 3600))
    os.utime(current, (old, old))  # the key in use is kept and marked as used
    assert _run(capsys)[0] == 1
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [".gitignore", "CACHEDIR.TAG", current.name, recent.name, unrelated.name]
        + [p.name for p in folder.glob(current.name + "-*")]
    )
    assert os.path.getmtime(current) > old + 7 * 24 * 3600


def test_a_fresh_checkout_is_answered_from_the_cache_in_a_few_transactions(tmp_path, monkeypatch, capsys):
    """CI restores the cache into a fresh checkout: every file has a new stat and the same bytes.
    Each is re-hashed and answered from the cache, its new stat written with the others in one
    transaction (one a file made a 100,000-file run six times slower than no cache), and the
    next run trusts every stat again."""
    roots_project(tmp_path, monkeypatch, count=60)
    clock_ahead(monkeypatch, 3600)
    first = main(["check", "content"]), capsys.readouterr().out
    for page in (tmp_path / "content").iterdir():  # as `git checkout` writes them
        text = page.read_bytes()
        page.unlink()
        page.write_bytes(text)
    clock_ahead(monkeypatch, 7200)

    import linter.running.engine

    monkeypatch.setattr(linter.running.engine.Engine, "lint_file", lambda *a: pytest.fail("linted again"))
    connections: list[object] = []
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: connections.append(a) or real_connect(*a, **k))
    reread: list[str] = []
    real_read_head = cached.read_head
    monkeypatch.setattr(
        cached, "read_head", lambda path, limit: reread.append(path) or real_read_head(path, limit)
    )
    assert (main(["check", "content"]), capsys.readouterr().out) == first
    assert len(reread) == 60
    assert len(connections) < 15  # not one a file
    reread.clear()
    assert (main(["check", "content"]), capsys.readouterr().out) == first
    assert reread == []
