"""File names and messages as every report shows them: printable, valid UTF-8, one line.

A file name may hold any byte but `/` and NUL: ESC (which recolours a terminal), a newline
(which starts a fake report line), bytes that are not UTF-8 (which Python holds as lone
surrogates, invalid in JSON and XML). Each such character is shown as a Python-style escape,
the same in every format; a name's own backslash is doubled, so two names never look alike.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from linter.findings import Finding

_NAMED = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
#: DEL, C1 controls, line and paragraph separators, bidi controls, surrogates.
_UNSAFE = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_CLASSES = {
    #: In a name: those, every C0 control and the backslash.
    "name": f"[\\\\\x00-\x1f{_UNSAFE}]",
    #: Messages are prose (`^\d+$` stays as written) and may span lines; the format decides that.
    "text": f"[\x00-\x08\x0b\x0c\x0e-\x1f{_UNSAFE}]",
    #: What JSON cannot carry as valid UTF-8 (it escapes every other character losslessly).
    "surrogate": "[\ud800-\udfff]",
}


@functools.cache
def _pattern(name: str) -> re.Pattern[str]:
    """Compiled on first use: a run that shows no finding never needs them, and the ranges up
    to U+DFFF make each a large character set (the three: 1.2 % of a pre-commit run's
    instructions)."""
    return re.compile(_CLASSES[name])


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if code < 0x80:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os.fsdecode keeps it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def shown_name(path: str) -> str:
    """`path` with every unsafe character escaped (`a\\x1b.md`, `caf\\xe9.md`)."""
    unsafe = _pattern("name")
    return unsafe.sub(_escape, path) if unsafe.search(path) else path


def shown_text(message: str) -> str:
    """`message` with unsafe characters escaped, except tab, CR and LF (each format's own)."""
    unsafe = _pattern("text")
    return unsafe.sub(_escape, message) if unsafe.search(message) else message


def one_line(text: str) -> str:
    """`text` as one printable line: unsafe characters escaped, line breaks and tabs too."""
    return shown_text(text).replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def shown_finding(finding: Finding) -> dict[str, Any]:
    """A finding's JSON form: the path as every report shows it; the message as it is, but
    valid UTF-8 (a lone surrogate from another file's name becomes `\\xNN`, as in names)."""
    record = finding.to_dict()
    record["path"] = shown_name(finding.path)
    surrogate = _pattern("surrogate")
    if surrogate.search(finding.message):
        record["message"] = surrogate.sub(_escape, finding.message)
    return record
