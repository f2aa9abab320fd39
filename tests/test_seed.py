"""A seed article lints clean with default settings: the real seed from the shared folder when it
is there (it is not part of the repository), else a stand-in the test builds from the shipped
example that has every key of the seed's news-article format, so a plain clone checks it too."""

from __future__ import annotations

from pathlib import Path

import yaml
from helpers import EXAMPLES, SEED_DIR

from linter.cli import main

SEEDS = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.is_dir() else []
#: the shipped news article with the seed's keys: nested provider, images and related articles
EXAMPLE = EXAMPLES / "content" / "tidal-energy-pilot.md"


def stand_in(folder: Path) -> Path:
    """A copy of the example named and suffixed as the seed's records are."""
    folder.mkdir()
    copy = folder / "000_0123456789abcdef.txt"
    copy.write_bytes(EXAMPLE.read_bytes())
    return copy


def lints_clean(paths: list[Path], capsys) -> None:
    assert main(["check", *map(str, paths)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == f"All checks passed ({len(paths)} file{'s' if len(paths) != 1 else ''})"


def test_seed_lints_clean_with_defaults(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no config file: pure defaults
    lints_clean(SEEDS or [stand_in(tmp_path / "seed")], capsys)


def test_the_stand_in_lints_clean_with_defaults(capsys, monkeypatch, tmp_path):
    """Run even where the real seed is, so the stand-in cannot rot unnoticed."""
    monkeypatch.chdir(tmp_path)
    lints_clean([stand_in(tmp_path / "seed")], capsys)


def top_level_keys(path: Path) -> set[str]:
    return set(yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1]))


def test_the_stand_in_has_the_seeds_keys():
    keys = top_level_keys(EXAMPLE)
    assert {"category", "originalUrl", "provider", "topics", "images", "related", "secured"} <= keys
    for seed in SEEDS:  # where the real seed is, the stand-in has each of its keys
        assert top_level_keys(seed) <= keys
