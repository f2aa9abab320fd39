"""The preset of a folder no config and no framework claims: the news-article format when
most of its files carry that format's key, else `generic` (a site is not a news feed by
default). Decided from a sample of files, never from one file alone where a folder is known.
"""

from __future__ import annotations

from collections.abc import Sequence

#: How many files the default preset is chosen from, and how much of each is read.
SNIFF_FILES, SNIFF_BYTES = 40, 64 * 1024
#: The key that marks a news article (its schema requires it; no framework uses the name).
NEWS_KEY = b"publishedDateTime"


def default_preset(files: Sequence[str]) -> str:
    """`news-article` when most files carry its required keys (the project's first format),
    else `generic`: no framework was found, and a site is not a news feed by default."""
    from linter.config.presets import GENERIC, NEWS_ARTICLE
    from linter.reading.bounded import read_regular_file

    sample = files[:SNIFF_FILES]
    news = 0
    for path in sample:
        try:
            head = read_regular_file(path, SNIFF_BYTES, truncate=True)
        except (OSError, ValueError):
            continue
        news += NEWS_KEY in head
    return NEWS_ARTICLE.name if sample and news * 2 >= len(sample) else GENERIC.name
