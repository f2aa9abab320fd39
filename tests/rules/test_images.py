"""FM301-FM303: image sizes, aspect ratios and cached files that disagree with the front matter."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from helpers import ARTICLE, EXAMPLES, codes, column_of, line_of, lint_paths, lint_text, only, png

from linter.rules.image_files import local_copy

OWN_OR_SCHEMA = ("FM0", "FM1", "FM2", "FM3")
LEAD = "    width: 1200\n    height: 800\n"
LEAD_URL = 'url: "https://cdn.coastline.example/img/sea-wall.jpg"'
LEAD_CACHE = ("cdn.coastline.example", "img", "sea-wall.jpg")
RELATED_SIZE = "        width: 800\n        height: 600\n        isCached: false\n"
RELATED_CACHE = ("bayobserver.example", "media", "surge-map.png")


def lead_size(width: object, height: object) -> str:
    return ARTICLE.replace(LEAD, f"    width: {width}\n    height: {height}\n")


def related_size(width: object, height: object, cached: bool = False) -> str:
    flag = "true" if cached else "false"
    return ARTICLE.replace(
        RELATED_SIZE, f"        width: {width}\n        height: {height}\n        isCached: {flag}\n"
    )


def value_position(text: str, key_and_value: str) -> tuple[int, int]:
    """Line and column of the value in the first `key: value` line matching `key_and_value`."""
    return line_of(text, key_and_value), column_of(text, key_and_value) + key_and_value.index(": ") + 2


def gif(width: int, height: int) -> bytes:
    """A GIF89a with one black pixel, its logical screen of the given size."""
    screen = b"GIF89a" + struct.pack("<HHBBB", width, height, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    image = b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + b"\x02\x02\x44\x01\x00"
    return screen + image + b"\x3b"


def cache_file(tmp_path: Path, parts: tuple[str, ...], content: bytes, folder: str = "cache") -> Path:
    path = tmp_path.joinpath(folder, *parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


CACHE_ON = {"rules": {"image-file-mismatch": {"folder": "cache"}}}


# FM301 image-size


def test_too_narrow_image_is_a_warning_at_the_width(tmp_path):
    text = lead_size(40, 800)
    [finding] = only(lint_text(tmp_path, text), "FM301")
    assert (finding.line, finding.column) == value_position(text, "width: 40")
    assert finding.severity == "warning"
    assert finding.pointer == "/images/0/width"
    assert finding.message == "image `width` 40 px is below the minimum of 100 px"


def test_too_tall_related_image_is_reported_at_its_height(tmp_path):
    text = related_size(8000, 12000)
    [finding] = only(lint_text(tmp_path, text), "FM301")
    assert (finding.line, finding.column) == value_position(text, "height: 12000")
    assert finding.pointer == "/related/0/images/0/height"
    assert finding.message == "image `height` 12000 px is above the maximum of 10000 px"


def test_smallest_allowed_image_passes(tmp_path):
    assert only(lint_text(tmp_path, lead_size(100, 50)), "FM301") == []
    assert only(lint_text(tmp_path, lead_size(10000, 10000)), "FM301") == []


def test_bound_options_override_the_defaults(tmp_path):
    config = {"rules": {"image-size": {"min-width": 1000}}}
    [finding] = only(lint_text(tmp_path, ARTICLE, config=config), "FM301")
    assert finding.pointer == "/related/0/images/0/width"
    assert finding.message == "image `width` 800 px is below the minimum of 1000 px"
    config = {"rules": {"image-size": {"max-height": 700}}}
    [finding] = only(lint_text(tmp_path, ARTICLE, config=config), "FM301")
    assert finding.pointer == "/images/0/height"


@pytest.mark.parametrize("bad", [0, -5])
def test_non_positive_size_past_a_custom_schema_is_reported(tmp_path, bad):
    (tmp_path / "loose.schema.json").write_text(json.dumps({"type": "object"}))
    text = lead_size(1200, bad)
    findings = lint_text(tmp_path, text, config={"schema": "loose.schema.json"})
    assert codes(findings) == ["FM301"]
    assert (findings[0].line, findings[0].column) == value_position(text, f"height: {bad}")
    assert findings[0].message == f"image `height` {bad} is not a positive number of pixels"


# FM302 image-aspect-ratio


def test_wide_strip_is_a_warning_at_the_image(tmp_path):
    text = lead_size(2000, 100)
    [finding] = only(lint_text(tmp_path, text), "FM302")
    assert (finding.line, finding.column) == (line_of(text, LEAD_URL), column_of(text, LEAD_URL))
    assert finding.severity == "warning"
    assert finding.pointer == "/images/0"
    assert finding.message == "image 2000x100 has aspect ratio 20:1, outside 1:4 to 4:1"


def test_tall_related_image_is_reported(tmp_path):
    [finding] = only(lint_text(tmp_path, related_size(100, 500)), "FM302")
    assert finding.pointer == "/related/0/images/0"
    assert "aspect ratio 1:5" in finding.message


@pytest.mark.parametrize(("width", "height"), [(400, 100), (100, 400), (1, 1)])
def test_ratios_on_the_bounds_pass(tmp_path, width, height):
    assert only(lint_text(tmp_path, lead_size(width, height)), "FM302") == []


def test_ratio_options_override_the_defaults(tmp_path):
    config = {"rules": {"image-aspect-ratio": {"min-ratio": 1, "max-ratio": 1.4}}}
    [finding] = only(lint_text(tmp_path, ARTICLE, config=config), "FM302")
    assert finding.pointer == "/images/0"  # 1200x800 is 1.5:1; the related 800x600 (1.33:1) passes
    assert finding.message == "image 1200x800 has aspect ratio 1.5:1, outside 1:1 to 1.4:1"


# FM303 image-file-mismatch


def test_cached_copy_of_another_size_is_reported_at_the_width(tmp_path):
    cache_file(tmp_path, LEAD_CACHE, png(600, 400))
    text = ARTICLE
    [finding] = only(lint_text(tmp_path, text, config=CACHE_ON), "FM303")
    assert (finding.line, finding.column) == value_position(text, "width: 1200")
    assert finding.severity == "warning"
    assert finding.pointer == "/images/0/width"
    assert finding.message == (
        "image declared as 1200x800 but its cached copy cache/cdn.coastline.example/img/sea-wall.jpg is 600x400"
    )


def test_only_the_height_differs_so_the_height_is_blamed(tmp_path):
    cache_file(tmp_path, RELATED_CACHE, gif(800, 450))
    text = related_size(800, 600, cached=True)
    [finding] = only(lint_text(tmp_path, text, config=CACHE_ON), "FM303")
    assert (finding.line, finding.column) == value_position(text, "height: 600")
    assert finding.pointer == "/related/0/images/0/height"


def test_matching_cached_copies_pass(tmp_path):
    cache_file(tmp_path, LEAD_CACHE, png(1200, 800))
    cache_file(tmp_path, RELATED_CACHE, gif(800, 600))
    text = related_size(800, 600, cached=True)
    assert only(lint_text(tmp_path, text, config=CACHE_ON), "FM303") == []


def test_rule_is_off_unless_switched_on(tmp_path):
    cache_file(tmp_path, LEAD_CACHE, png(600, 400))
    assert only(lint_text(tmp_path, ARTICLE), "FM303") == []
    selected = lint_text(tmp_path, ARTICLE, config={"select": ["FM303"]})
    assert selected == []  # switched on without a folder: nothing to compare against


def test_folder_may_be_absolute(tmp_path):
    folder = tmp_path / "elsewhere"
    cache_file(tmp_path, LEAD_CACHE, png(600, 400), folder="elsewhere")
    config = {"rules": {"image-file-mismatch": {"folder": str(folder)}}}
    assert len(only(lint_text(tmp_path, ARTICLE, config=config), "FM303")) == 1


@pytest.mark.parametrize("flag", ["false", "yes", '"true"', "1"])
def test_images_not_marked_cached_are_not_compared(tmp_path, flag):
    cache_file(tmp_path, LEAD_CACHE, png(10, 10))
    text = ARTICLE.replace("    isCached: true\n", f"    isCached: {flag}\n", 1)
    assert only(lint_text(tmp_path, text, config=CACHE_ON), "FM303") == []


@pytest.mark.parametrize(
    "content",
    [b"", b"not an image at all", b"\x89PNG\r\n\x1a\n\x00\x00", png(1, 1)[:20], b"GIF89a"],
    ids=["empty", "text", "png-signature-only", "truncated-png", "gif-signature-only"],
)
def test_unreadable_or_unknown_files_are_skipped_quietly(tmp_path, content):
    cache_file(tmp_path, LEAD_CACHE, content)
    assert only(lint_text(tmp_path, ARTICLE, config=CACHE_ON), "FM303") == []


def test_a_folder_where_the_file_should_be_is_skipped(tmp_path):
    tmp_path.joinpath("cache", *LEAD_CACHE).mkdir(parents=True)
    assert only(lint_text(tmp_path, ARTICLE, config=CACHE_ON), "FM303") == []


def test_urls_cannot_reach_outside_the_folder(tmp_path):
    (tmp_path / "secret.png").write_bytes(png(5, 5))
    text = ARTICLE.replace(LEAD_URL, 'url: "https://cdn.coastline.example/..%2F..%2Fsecret.png"')
    assert only(lint_text(tmp_path, text, config=CACHE_ON), "FM303") == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://cdn.example.com/a/b%20c.png?v=2", ("cdn.example.com", "a", "b c.png")),
        ("https://CDN.Example.com:8443//a.png", ("cdn.example.com", "a.png")),
        ("https://cdn.example.com/", None),
        ("https://cdn.example.com", None),
        ("https://cdn.example.com/a/../../b.png", None),
        ("https://cdn.example.com/%2e%2e/b.png", None),
        ("https://cdn.example.com/%2Fetc%2Fpasswd", None),
        ("https://../b.png", None),
        ("https://[::1/b.png", None),
        ("data:image/png;base64,AAAA", None),
        ("/relative/path.png", None),
    ],
)
def test_local_copy_path(tmp_path, url, expected):
    result = local_copy(tmp_path, url)
    assert result == (tmp_path.joinpath(*expected) if expected else None)


# All image rules


@pytest.mark.parametrize(
    "text",
    [
        lead_size('"wide"', 800),
        lead_size(1200, "true"),
        lead_size("[1, 2]", "{a: 1}"),
        lead_size(1200.5, "null"),
        ARTICLE.replace("images:\n  - url", "images: 5\nunused:\n  - url", 1),
        ARTICLE.replace("related:\n", "related: 5\nunused:\n"),
        ARTICLE.replace("images:\n  - url", "images:\n  - just text\n  - 7\n  - url", 1),
        ARTICLE.replace(LEAD_URL, "url: 42"),
    ],
)
def test_wrong_types_do_not_crash_and_are_left_to_the_schema(tmp_path, text):
    # The cached copy matches the valid lead image: any FM303 would come from a misread value.
    cache_file(tmp_path, LEAD_CACHE, png(1200, 800))
    findings = lint_text(tmp_path, text, config=CACHE_ON)
    assert "FM100" in codes(findings)
    assert [f for f in findings if f.code.startswith("FM3")] == []


@pytest.mark.parametrize(
    ("code", "name"), [("FM301", "fm301-image-size.md"), ("FM302", "fm302-image-aspect-ratio.md")]
)
def test_broken_example_triggers_its_rule_and_no_other_image_or_schema_check(tmp_path, code, name):
    findings = lint_paths(tmp_path, [EXAMPLES / "broken" / name])
    assert [c for c in codes(findings) if c.startswith(OWN_OR_SCHEMA)] == [code]


def test_broken_example_for_the_cache_rule_needs_its_cached_copy(tmp_path):
    example = EXAMPLES / "broken" / "fm303-image-file-mismatch.md"
    assert [c for c in codes(lint_paths(tmp_path, [example], config=CACHE_ON)) if c.startswith("FM3")] == []
    cache_file(tmp_path, ("cdn.dockside-news.example", "photos", "bridge-crane.png"), png(600, 400))
    findings = lint_paths(tmp_path, [example], config=CACHE_ON)
    assert [c for c in codes(findings) if c.startswith(OWN_OR_SCHEMA)] == ["FM303"]
