"""With the cache on, a page whose rules read a site image comes from the cache while the image
is unchanged, and is judged again as soon as the image changes, disappears or appears."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from helpers import ARTICLE, REFERENCE_TIME, check_report, clock_ahead, fields, line_of, png, write

from linter.cli import main
from linter.running.engine import Engine

HOUR = 3600
SMALL = [
    ("FM301", 5, "image file is 40 px in height, below the minimum of 50 px"),
    ("FM301", 5, "image file is 40 px in width, below the minimum of 100 px"),
]


def page(image: str) -> str:
    return f"---\ntitle: Cover\ndate: 2024-01-01\ncover:\n  image: {image}\n---\nBody.\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A Hugo site with one page whose cover image is static/images/cover.png (40x40), the
    clock an hour ahead: a file changed within 2 s of a run is never trusted by its stat."""
    write(
        tmp_path,
        {
            "content-lint.toml": 'preset = "hugo"\n' + REFERENCE_TIME,
            "static/images/cover.png": png(40, 40),
            "content/a.md": page("/images/cover.png"),
        },
    )
    clock_ahead(monkeypatch, HOUR)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def linted(monkeypatch):
    """The files each run lints (the others come from the cache)."""
    paths: list[str] = []
    real = Engine.lint_file
    monkeypatch.setattr(Engine, "lint_file", lambda self, path: paths.append(path) or real(self, path))
    return paths


def check(capsys, linted: list[str]) -> tuple[list[tuple[str, int, str]], list[str]]:
    """(code, line, message) of each finding, and the files linted, of one cached run."""
    linted.clear()
    findings = check_report(capsys, "--jobs", "1", "content", cache=True)[1]
    return fields(findings, "code", "line", "message"), list(linted)


def test_an_unchanged_page_and_image_come_from_the_cache(site, capsys, linted):
    assert check(capsys, linted) == (SMALL, ["content/a.md"])
    assert check(capsys, linted) == (SMALL, [])


def test_a_replaced_image_is_judged_again_both_ways(site, capsys, linted):
    image = site / "static/images/cover.png"
    assert check(capsys, linted) == (SMALL, ["content/a.md"])
    image.write_bytes(png(1200, 800))
    assert check(capsys, linted) == ([], ["content/a.md"])
    assert check(capsys, linted) == ([], [])
    image.write_bytes(png(40, 40))
    assert check(capsys, linted) == (SMALL, ["content/a.md"])


def test_a_deleted_image_is_reported_missing(site, capsys, linted):
    assert check(capsys, linted)[0] == SMALL
    (site / "static/images/cover.png").unlink()
    looked = "static/images/cover.png, assets/images/cover.png"
    missing = [("FM303", 5, f"image file `/images/cover.png` not found: looked in {looked}")]
    assert check(capsys, linted) == (missing, ["content/a.md"])
    assert check(capsys, linted) == (missing, [])


def test_creating_a_missing_image_clears_its_finding(site, capsys, linted):
    (site / "content/a.md").write_text(page("/images/later.png"))
    looked = "static/images/later.png, assets/images/later.png"
    missing = [("FM303", 5, f"image file `/images/later.png` not found: looked in {looked}")]
    assert check(capsys, linted) == (missing, ["content/a.md"])
    assert check(capsys, linted) == (missing, [])
    write(site, {"static/images/later.png": png(1200, 800)})
    assert check(capsys, linted) == ([], ["content/a.md"])


def test_an_image_created_where_it_is_looked_for_first_takes_over(site, capsys, linted):
    """A relative path is looked for next to the page before the image folders: a file created
    there later changes the answer, so the places looked at in vain are recorded too."""
    (site / "content/a.md").write_text(page("images/cover.png"))
    assert check(capsys, linted) == (SMALL, ["content/a.md"])
    write(site, {"content/images/cover.png": png(1200, 800)})
    assert check(capsys, linted) == ([], ["content/a.md"])


def test_an_image_rewritten_within_its_clock_tick_is_not_trusted_by_stat(site, capsys, linted, monkeypatch):
    """Rewritten right after a run, with the same size and mtime: only a file older than 2 s
    is vouched for by its stat, so the page is judged again."""
    clock_ahead(monkeypatch, 0)  # the real clock: the files were just written
    image = site / "static/images/cover.png"
    small, large = png(40, 40), png(1200, 800)
    small += b"\0" * (len(large) - len(small))  # the header decides the size, not the length
    image.write_bytes(small)
    stamp = image.stat().st_mtime_ns
    assert check(capsys, linted)[0] == SMALL
    image.write_bytes(large)
    os.utime(image, ns=(stamp, stamp))
    assert check(capsys, linted) == ([], ["content/a.md"])


def test_a_symlinked_image_is_judged_by_its_target(site, capsys, linted):
    """A link's own stat says nothing of its target: a page whose image is a link is judged
    on every run (the lookup follows links, as it always has)."""
    target = site / "assets/real.png"
    write(site, {"assets/real.png": png(40, 40)})
    image = site / "static/images/cover.png"
    image.unlink()
    image.symlink_to(target)
    assert check(capsys, linted)[0] == SMALL
    target.write_bytes(png(1200, 800))
    assert check(capsys, linted) == ([], ["content/a.md"])


def test_only_places_inside_the_project_are_recorded(site, capsys, linted):
    """Paths come from content: a page naming an image outside the project records nothing
    there (the lookup refuses it), and what is recorded lies inside the project."""
    (site / "content/b.md").write_text(page("../../../outside.png"))
    (site / "content/c.md").write_text(page("/../../outside.png"))
    check(capsys, linted)
    [database] = (site / ".content-lint-cache").glob("results-*.sqlite3")
    with sqlite3.connect(database) as connection:
        rows = dict(connection.execute("SELECT path, files FROM entries").fetchall())
    recorded = {
        Path(path).name: [stamp[0] for stamp in json.loads(files or "[]")] for path, files in rows.items()
    }
    root = str(site.resolve())
    assert recorded["a.md"] == [str(site / "static/images/cover.png")]
    assert all(place.startswith(root + os.sep) for places in recorded.values() for place in places)


def test_a_changed_cached_copy_of_a_remote_image_is_judged_again(tmp_path, monkeypatch, capsys, linted):
    """FM303 compares a news article's declared size with its cached copy: that file is
    recorded like a site image."""
    copy = tmp_path / "imgcache/cdn.coastline.example/img/sea-wall.jpg"
    write(
        tmp_path,
        {
            "content-lint.toml": REFERENCE_TIME + '[rules.image-file-mismatch]\nfolder = "imgcache"\n',
            "content/a.md": ARTICLE,
            "imgcache/cdn.coastline.example/img/sea-wall.jpg": png(1200, 800),
        },
    )
    clock_ahead(monkeypatch, HOUR)
    monkeypatch.chdir(tmp_path)
    assert check(capsys, linted) == ([], ["content/a.md"])
    assert check(capsys, linted) == ([], [])
    copy.write_bytes(png(600, 400))
    message = "image declared as 1200x800 but its cached copy imgcache/cdn.coastline.example/img/sea-wall.jpg is 600x400"
    assert check(capsys, linted) == ([("FM303", line_of(ARTICLE, "width: 1200"), message)], ["content/a.md"])


@pytest.mark.timeout(20)
def test_a_fake_jpeg_named_by_many_pages_is_read_once_and_only_its_head(site, capsys, monkeypatch):
    """`FF D8` and 16 MB of zeros: its header is read once per run, at most 256 KiB of it."""
    import imagesize

    fake = site / "static/images/fake.jpg"
    fake.write_bytes(b"\xff\xd8" + bytes(16 << 20))
    for index in range(4):
        (site / f"content/p{index}.md").write_text(
            page("/images/fake.jpg").replace("Cover", f"Cover {index}")
        )
    read: list[int] = []
    real = imagesize.get

    def measured(source, **options):
        read.append(len(source.read()) if hasattr(source, "read") else os.path.getsize(source))
        if hasattr(source, "seek"):
            source.seek(0)
        return real(source, **options)

    monkeypatch.setattr(imagesize, "get", measured)
    main(["check", "--no-cache", "--jobs", "1", "--output-format", "concise", "content"])
    assert "p0.md" not in capsys.readouterr().out  # a size it cannot read is not judged
    assert len(read) == 2 and all(size <= 256 << 10 for size in read)  # cover.png and fake.jpg


def test_a_symlinked_image_leading_out_of_the_project_is_not_read(site, capsys, linted, tmp_path_factory):
    """A committed `cover.png -> /elsewhere/secret.png`: its target's size is never read or
    printed; a link staying inside the project is judged by its target as before."""
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.png"
    outside.write_bytes(png(40, 40))
    image = site / "static/images/cover.png"
    image.unlink()
    image.symlink_to(outside)
    findings, _ = check(capsys, linted)
    assert findings == []
