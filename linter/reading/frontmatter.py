"""Find the front-matter block at the top of a file without reading (or decoding) the body.

Three flavours, as Hugo reads them: YAML between `---` lines, TOML between `+++` lines, and
a JSON object whose first line starts with `{`, ending at its matching `}`.
"""

from __future__ import annotations

import errno
import functools
import re
from collections.abc import Collection
from typing import Literal

from linter.findings import Problem, Region
from linter.reading.bounded import NotRegularFile, read_regular_file
from linter.records import NamedTuple

BOM = b"\xef\xbb\xbf"
# A closing fence is a line that is exactly `---` or `...` (CRLF allowed).
_FENCES = (b"\n---", b"\n...")
_TOML_FENCES = (b"\n+++",)
_FENCE_LINE_ENDS = (b"", b"\r", b"\r\n")  # or anything starting with \n
_BINARY_SNIFF_BYTES = 8192
_JSON_SIGNIFICANT = re.compile(rb'[{}"\\]')
Flavour = Literal["yaml", "toml", "json"]
#: Every flavour: what a site reads when nothing says otherwise (Hugo reads all three).
ALL_FLAVOURS: tuple[Flavour, ...] = ("yaml", "toml", "json")
_OPENERS = {"yaml": "`---`", "toml": "`+++` for TOML", "json": "`{` for JSON"}
#: Not a flavour but a reading option among them: blank lines before the opening fence and
#: spaces after the closing one are allowed, as Zola's `^[[:space:]]*\+\+\+(...)\+\+\+[[:space:]]*`
#: reads them (without it, such a file has no front matter, or an unclosed one).
LOOSE_FENCES = "loose-fences"
_BLANK_LINES = re.compile(rb"(?:[ \t\r\f\v]*\n)+")
_SPACES = b" \t\r\f\v"
_SPACED_FENCE = re.compile(rb"\n(?:---|\.\.\.)[ \t\r\f\v]*(?=\n|$)")


class FrontMatter(NamedTuple):
    """The block as text from the opening fence up to (not including) the closing one; for
    JSON, the whole object, braces included.

    Keeping the opening line makes the parsers' own line numbers equal to the file's.
    """

    text: str
    closing_line: int
    flavour: Flavour = "yaml"


def read_front_matter(path: str, max_bytes: int) -> FrontMatter | Problem:
    """Read just enough of `path` to return its front matter, or the problem that stops us."""
    head = read_head(path, max_bytes)
    return head if isinstance(head, Problem) else split_front_matter(head, max_bytes)


def read_head(path: str, max_bytes: int) -> bytes | Problem:
    """The first bytes of a file: all a front matter of at most `max_bytes` can need."""
    try:
        return read_regular_file(path, max_bytes + len(BOM) + 8, truncate=True)
    except NotRegularFile as exc:
        return Problem("FM007", f"not a regular file ({exc.kind}); nothing to lint")
    except OSError as exc:
        return Problem("FM007", f"cannot read file: {_describe_os_error(exc)}")


def split_front_matter(
    data: bytes, max_bytes: int, flavours: Collection[str] = ALL_FLAVOURS, fence_spaces: bool = False
) -> FrontMatter | Problem:
    """Split raw bytes into the fenced block; `data` may be a truncated head of the file.
    A first line that opens a flavour the site does not read is body (`{% raw %}` in Jekyll).
    `fence_spaces`: a `---` fence line may end in spaces or tabs, as Jekyll and Eleventy allow."""
    if data.startswith(BOM):
        data = data[len(BOM) :]
    loose = LOOSE_FENCES in flavours
    if loose:
        blank = _BLANK_LINES.match(data)
        if blank is not None:
            found = split_front_matter(data[blank.end() :], max_bytes, flavours, fence_spaces)
            return _moved_down(found, data.count(b"\n", 0, blank.end()))
    first_end = data.find(b"\n")
    first_line = (data if first_end < 0 else data[:first_end]).rstrip(b"\r")
    flavour: Flavour = "yaml"
    if fence_spaces and first_line.startswith(b"---"):
        first_line = b"---" + first_line[3:].rstrip(_SPACES)
    if first_line == b"---" and "yaml" in flavours:
        if first_end < 0:
            closing = -1
        elif fence_spaces:
            closing = _spaced_closing_fence(data, first_end)
        else:
            closing = _closing_fence(data, first_end, _FENCES, loose)
    elif first_line == b"+++" and "toml" in flavours:
        flavour = "toml"
        closing = _closing_fence(data, first_end, _TOML_FENCES, loose) if first_end >= 0 else -1
    elif first_line.lstrip(b" \t").startswith(b"{") and "json" in flavours:
        flavour = "json"
        closing = json_object_end(data, max_bytes)
    else:
        if b"\0" in data[:_BINARY_SNIFF_BYTES]:
            return Problem("FM007", "binary file (it contains NUL bytes); expected text")
        return Problem("FM001", no_front_matter_message(flavours), Region(1, 1, 1, 1))
    if closing < 0:
        if len(data) > max_bytes:
            return _too_large(max_bytes)
        return _unclosed(flavour, first_line)
    block = data[:closing]
    if len(block) > max_bytes:
        return _too_large(max_bytes)
    text = _text_of(block)
    if isinstance(text, Problem):
        return text
    if flavour == "json":  # the closing brace's line is part of the block
        return FrontMatter(text, text.count("\n") + 1, flavour)
    return FrontMatter(text, block.count(b"\n") + 1, flavour)


def _moved_down(found: FrontMatter | Problem, lines: int) -> FrontMatter | Problem:
    """A block found after `lines` blank lines, with the file's own line numbers: the blank
    lines are kept as empty lines after the opening fence, so parsers count as the file does."""
    if isinstance(found, Problem):
        if found.code == "FM001":  # no fence after the blank lines: the file has no front matter
            return found
        region = found.region
        moved = Region(region.line + lines, region.column, region.end_line + lines, region.end_column)
        return found._replace(region=moved)
    fence, newline, rest = found.text.partition("\n")
    return found._replace(
        text=f"{fence}{chr(10) * lines}{newline}{rest}", closing_line=found.closing_line + lines
    )


def no_front_matter_message(flavours: Collection[str]) -> str:
    """FM001's message, naming the fences the site reads (in the order it prefers them)."""
    openers = [_OPENERS[name] for name in flavours if name in _OPENERS]
    also = f" (or {', '.join(openers[1:])})" if len(openers) > 1 and openers[0] == "`---`" else ""
    first = openers[0] if openers[0] == "`---`" or len(openers) == 1 else " or ".join(openers)
    return f"no front matter: the first line must be {first}{also}"


def _text_of(block: bytes) -> str | Problem:
    """The block as text, or FM007 at the first NUL byte or invalid UTF-8 sequence."""
    nul = block.find(b"\0")
    if nul >= 0:
        line, column = _byte_position(block, nul)
        return Problem(
            "FM007",
            f"NUL byte at byte offset {nul}; front matter must be text",
            Region(line, column, line, column + 1),
        )
    try:
        return block.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(block, exc.start)
        return Problem(
            "FM007",
            f"not valid UTF-8: byte 0x{block[exc.start]:02x} at byte offset {exc.start} (line {line})",
            Region(line, column, line, column + 1),
        )


def _unclosed(flavour: Flavour, first_line: bytes) -> Problem:
    if flavour == "json":
        column = len(first_line) - len(first_line.lstrip(b" \t")) + 1
        message = "front matter is never closed: the `{` on line 1 has no matching `}`"
        return Problem("FM002", message, Region(1, column, 1, column + 1))
    fence = "+++" if flavour == "toml" else "---"
    return Problem(
        "FM002", f"front matter is never closed: add a line `{fence}` after it", Region(1, 1, 1, 4)
    )


def json_object_end(data: bytes, max_bytes: int) -> int:
    """Offset of the end of the line of the `}` matching the first `{` (strings skipped, as
    Hugo does), or -1. Looks at most `max_bytes` far; linear, no recursion."""
    depth = 0
    in_string = False
    end = min(len(data), max_bytes + 1)
    found = _JSON_SIGNIFICANT.search(data, data.find(b"{"), end)
    while found is not None:
        byte = found[0]
        index = found.end()
        if byte == b"\\":
            index += 1  # the escaped byte, whatever it is
        elif byte == b'"':
            in_string = not in_string
        elif in_string:
            pass
        elif byte == b"{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                line_end = data.find(b"\n", index)
                return len(data) if line_end < 0 else line_end
        found = _JSON_SIGNIFICANT.search(data, index, end)
    return -1


def _closing_fence(
    data: bytes, first_end: int, fences: tuple[bytes, ...] = _FENCES, loose: bool = False
) -> int:
    """Offset of the first line after the opening one that is exactly `---` or `...` (`loose`:
    followed by spaces), or -1.

    One search for every fence at once: the engine finds each line break with `memchr` and
    looks at the three bytes after it (a `find` a fence scanned the block once for each, twice
    the time; a multiline `^` is tried at every byte, ~10x slower)."""
    search = _fence_starts(fences).search
    found = search(data, first_end)
    while found is not None:
        start = found.start() + 1
        rest = data[start + 3 : start + 5]
        if rest[:1] == b"\n" or rest in _FENCE_LINE_ENDS:  # `\r?$` of a multiline regex
            return start
        if loose and _only_spaces_to_line_end(data, start + 3):
            return start
        found = search(data, start)
    return -1


@functools.cache
def _fence_starts(fences: tuple[bytes, ...]) -> re.Pattern[bytes]:
    """A line break followed by one of `fences` (each a line break and three bytes)."""
    return re.compile(b"\n(?:" + b"|".join(re.escape(fence[1:]) for fence in fences) + b")")


def _spaced_closing_fence(data: bytes, first_end: int) -> int:
    """Offset of the first line after the opening one that is `---` or `...` followed only by
    spaces or tabs (Jekyll's `^(---|\\.\\.\\.)\\s*$`), or -1."""
    found = _SPACED_FENCE.search(data, first_end)
    return -1 if found is None else found.start() + 1


def _only_spaces_to_line_end(data: bytes, index: int) -> bool:
    end = data.find(b"\n", index)
    return not data[index : len(data) if end < 0 else end].strip(_SPACES)


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def _too_large(max_bytes: int) -> Problem:
    return Problem(
        "FM008",
        f"front matter is larger than {max_bytes} bytes (max-front-matter-bytes)",
        Region(1, 1, 1, 4),
    )


def _describe_os_error(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "too many levels of symbolic links (a symlink loop)"
    if exc.errno == errno.ENOENT:
        return "the file vanished before it could be read"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)
