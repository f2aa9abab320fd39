"""No file inside the checked tree can change a verdict: a forged or copied cache database, a
planted symlink, a user's own folder given as `--cache-dir`, a file checked through an alias."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat

import pytest
import yaml
from helpers import ARTICLE, REFERENCE_TIME, REPO

from linter.cli import main
from linter.config.settings import load_config
from linter.reading.frontmatter import read_head
from linter.running.cache import CACHE_FORMAT, digest
from linter.running.engine import build_engine
from linter.running.runner import cache_key

BAD = ARTICLE.replace("quality: 50", "quality: 150")  # FM100: the schema caps quality at 100
CACHE = ".content-lint-cache"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project with one bad article, and two secret folders outside it: the victim's (in
    use) and the attacker's."""
    root = tmp_path / "project"
    (root / "content").mkdir(parents=True)
    (root / "content-lint.toml").write_text(REFERENCE_TIME)
    (root / "content" / "a.md").write_text(BAD)
    monkeypatch.chdir(root)
    monkeypatch.setenv("CONTENT_LINT_SECRET_DIR", str(tmp_path / "victim"))
    return root


def _check(capsys, *extra):
    status = main(["check", "content", "-q", *extra])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out, captured.err


def _databases(folder):
    return sorted(folder.glob("results-v*.sqlite3"))


def _forge(project, capsys, monkeypatch, secret_dir):
    """What an attacker does: cache a good version of the file under their own secret, then
    make its entry vouch for the bad bytes (digest, size, no mtime). Returns the database."""
    bad = project / "content" / "a.md"
    before = set(_databases(project / CACHE))
    monkeypatch.setenv("CONTENT_LINT_SECRET_DIR", str(secret_dir))
    bad.write_text(ARTICLE)
    assert _check(capsys)[0] == 0
    bad.write_text(BAD)
    [database] = set(_databases(project / CACHE)) - before
    with sqlite3.connect(database) as connection:
        connection.execute(
            "UPDATE entries SET digest = ?, size = ?, changed_ns = NULL",
            (digest(read_head(str(bad), 1 << 20)), bad.stat().st_size),
        )
    connection.close()
    return database


def test_a_forged_cache_database_cannot_pass_a_bad_file(project, capsys, monkeypatch, tmp_path):
    expected = _check(capsys, "--no-cache")
    assert expected[0] == 1 and "FM100" in expected[1]
    forged = _forge(project, capsys, monkeypatch, tmp_path / "attacker")
    assert _check(capsys)[:2] == (0, "")  # a working forgery, for whoever holds that secret
    # ...also planted under the names the old, predictable scheme used
    key = cache_key(build_engine(load_config(None, project)))
    for name in (f"results-v5-{key}.sqlite3", f"results-v{CACHE_FORMAT}-{key}.sqlite3"):
        shutil.copyfile(forged, project / CACHE / name)
    monkeypatch.setenv("CONTENT_LINT_SECRET_DIR", str(tmp_path / "victim"))
    assert _check(capsys)[:2] == expected[:2]
    assert _check(capsys)[:2] == expected[:2]


def test_a_database_copied_from_another_secret_is_deleted_unread(project, capsys, monkeypatch, tmp_path):
    expected = _check(capsys, "--no-cache")
    assert _check(capsys)[:2] == expected[:2]
    [own] = _databases(project / CACHE)  # the victim's name, which the attacker learned
    forged = _forge(project, capsys, monkeypatch, tmp_path / "attacker")
    for side in own.parent.glob(own.name + "-*"):
        side.unlink()
    shutil.copyfile(forged, own)
    monkeypatch.setenv("CONTENT_LINT_SECRET_DIR", str(tmp_path / "victim"))
    assert _check(capsys)[:2] == expected[:2]
    with sqlite3.connect(own) as connection:  # rebuilt with the victim's own verdict
        [(findings,)] = connection.execute("SELECT findings FROM entries").fetchall()
    connection.close()
    assert "FM100" in findings


def test_the_secret_is_private_and_made_once(project, capsys, tmp_path):
    _check(capsys)
    secret = tmp_path / "victim" / "cache-secret"
    assert stat.S_IMODE(os.stat(secret.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(secret).st_mode) == 0o600
    first = secret.read_bytes()
    assert len(first) == 32
    names = _databases(project / CACHE)
    _check(capsys)
    assert secret.read_bytes() == first and _databases(project / CACHE) == names
    assert sorted(os.listdir(secret.parent)) == ["cache-secret"]


def _secret_inside(project, tmp_path):
    return str(project / "secret")


def _secret_blocked(project, tmp_path):
    (tmp_path / "blocked").write_text("a file where the folder should be")
    return str(tmp_path / "blocked" / "content-lint")


def _secret_linked(project, tmp_path):
    (tmp_path / "victim").mkdir(mode=0o700)
    (tmp_path / "outside.bin").write_bytes(b"k" * 32)
    os.symlink(tmp_path / "outside.bin", tmp_path / "victim" / "cache-secret")
    return str(tmp_path / "victim")


def _secret_readable(project, tmp_path):
    (tmp_path / "victim").mkdir(mode=0o700)
    (tmp_path / "victim" / "cache-secret").write_bytes(b"k" * 32)
    os.chmod(tmp_path / "victim" / "cache-secret", 0o644)
    return str(tmp_path / "victim")


@pytest.mark.parametrize("where", [_secret_inside, _secret_blocked, _secret_linked, _secret_readable])
def test_without_a_usable_secret_the_run_goes_on_without_a_cache(
    project, capsys, monkeypatch, tmp_path, where
):
    expected = _check(capsys, "--no-cache")
    monkeypatch.setenv("CONTENT_LINT_SECRET_DIR", where(project, tmp_path))
    status, out, err = _check(capsys)
    assert (status, out) == expected[:2]
    assert err.count("\n") == 1 and err.startswith("content-lint: running without a cache:")
    assert not (project / CACHE).exists() and not (project / "secret").exists()
    if (tmp_path / "outside.bin").exists():
        assert (tmp_path / "outside.bin").read_bytes() == b"k" * 32


def _tree(folder):
    """Every name under `folder` with its bytes (or link target): what must not change."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            found[str(path)] = os.readlink(path)
        elif path.is_file():
            found[str(path)] = path.read_bytes()
        else:
            found[str(path)] = "a folder"
    return found


def _other_application(path):
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
        connection.execute("INSERT INTO notes VALUES ('mine')")
    connection.close()


def _schema_and_mode(path):
    with sqlite3.connect(path) as connection:
        tables = connection.execute("SELECT name FROM sqlite_master").fetchall()
        mode = connection.execute("PRAGMA journal_mode").fetchone()
    connection.close()
    return tables, mode


@pytest.mark.parametrize("link", [os.symlink, os.link])
def test_links_planted_at_the_database_and_its_side_files_are_never_followed(project, capsys, tmp_path, link):
    expected = _check(capsys, "--no-cache")
    _check(capsys)
    [database] = _databases(project / CACHE)
    for side in database.parent.glob(database.name + "-*"):
        side.unlink()
    database.unlink()
    outside = tmp_path / "outside"
    outside.mkdir()
    _other_application(outside / "app.sqlite3")
    link(outside / "app.sqlite3", database)
    for suffix in ("-wal", "-shm", "-journal"):
        (outside / suffix).write_bytes(b"precious" * 100)
        link(outside / suffix, database.with_name(database.name + suffix))
    before, app = _tree(outside), _schema_and_mode(outside / "app.sqlite3")
    assert _check(capsys)[:2] == expected[:2]
    assert _check(capsys)[:2] == expected[:2]
    assert _tree(outside) == before
    assert _schema_and_mode(outside / "app.sqlite3") == app == ([("notes",)], ("delete",))
    assert not database.is_symlink() and database.stat().st_nlink == 1  # rebuilt as our own


def test_a_symlinked_cache_folder_is_neither_used_nor_cleaned(project, capsys, tmp_path):
    expected = _check(capsys, "--no-cache")
    outside = tmp_path / "someone-elses-cache"
    outside.mkdir()
    (outside / "CACHEDIR.TAG").write_text(
        "Signature: 8a477f597d28d172789f06886806bc55\n# content-lint result cache: safe to delete.\n"
    )
    _other_application(outside / f"results-v{CACHE_FORMAT}-0.sqlite3")
    (outside / ".gitignore").write_text("# Created by content-lint.\n*\n")
    os.symlink(outside, project / CACHE)
    before = _tree(outside)
    status, out, err = _check(capsys)
    assert (status, out) == expected[:2] and "running without a cache" in err
    assert main(["clean"]) == 0
    assert _tree(outside) == before and (project / CACHE).is_symlink()


@pytest.mark.parametrize("real_marker", [False, True])
def test_dangling_links_in_the_cache_folder_get_nothing_written_through_them(
    project, capsys, tmp_path, real_marker
):
    expected = _check(capsys, "--no-cache")
    folder = project / CACHE
    folder.mkdir()
    os.symlink(tmp_path / "written-gitignore", folder / ".gitignore")
    if real_marker:  # a folder of ours: used, yet its planted link is left as it is
        (folder / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n# content-lint result cache: safe to delete.\n"
        )
    else:  # a marker that is a link is no marker: the folder is not used
        os.symlink(tmp_path / "written-tag", folder / "CACHEDIR.TAG")
    status, out, err = _check(capsys)
    assert (status, out) == expected[:2]
    assert ("running without a cache" in err) != real_marker
    assert len(_databases(folder)) == int(real_marker)
    assert main(["clean"]) == 0
    assert not (tmp_path / "written-gitignore").exists() and not (tmp_path / "written-tag").exists()
    assert (folder / ".gitignore").is_symlink()  # not ours to delete either


def test_a_users_own_folder_is_never_marked_used_or_cleaned(project, capsys):
    (project / ".gitignore").write_text("drafts/\n")  # tracked by the user
    (project / "mine").mkdir()
    (project / "mine" / f"results-v{CACHE_FORMAT}-notes.sqlite3").write_text("my file with an unlucky name")
    expected = _check(capsys, "--no-cache")
    before = _tree(project)
    for folder in (".", "mine", str(project / "content")):
        status, out, err = _check(capsys, "--cache-dir", folder)
        assert (status, out) == expected[:2] and _tree(project) == before
        assert err.count("\n") == 1 and "is not a content-lint cache folder" in err
        assert main(["clean", "--cache-dir", folder]) == 0
        assert "removed 0 cache file(s)" in capsys.readouterr().err
        assert _tree(project) == before
    assert _check(capsys, "--no-cache") == expected  # still checks the same files


@pytest.mark.parametrize("order", [("real", "alias"), ("alias", "real")])
def test_a_file_checked_through_an_alias_folder_gets_its_own_verdict(project, capsys, order):
    """per-file-ignores match a file's real path, whichever spelling named it (an alias that
    could dodge them would let a link change a verdict), and the cache gives that verdict."""
    with open("content-lint.toml", "a") as config:
        config.write('[per-file-ignores]\n"alias/*" = ["FM100"]\n')
    os.rename("content", "real")
    os.symlink("real", "alias")
    for folder in [*order, *order]:
        status = main(["check", folder, "-q"])
        got = status, capsys.readouterr().out
        assert got == (main(["check", folder, "-q", "--no-cache"]), capsys.readouterr().out)
        assert got[0] == 1  # `alias/*` names no real path: it ignores nothing


def test_the_action_keeps_its_cache_and_secret_outside_the_checkout():
    action = yaml.safe_load((REPO / "action.yml").read_text())
    steps = action["runs"]["steps"]
    install = steps[0]["run"]
    assert 'echo "CONTENT_LINT_SECRET_DIR=$RUNNER_TEMP/content-lint-secret"' in install
    assert 'echo "CONTENT_LINT_CACHE=$RUNNER_TEMP/content-lint-cache"' in install
    checks = [step for step in steps if '"$CONTENT_LINT" check' in step["run"]]
    assert len(checks) == 3
    for step in checks:
        assert '--cache-dir="$CONTENT_LINT_CACHE" $ARGS' in step["run"]  # the user's args may override it
