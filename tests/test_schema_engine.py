"""The schema engine is imported without `email.utils` (a tenth of a one-file run), and nothing
it answers changes: its one date is read exactly as `email.utils` reads it."""

from __future__ import annotations

import email.utils

import pytest
from helpers import ARTICLE, fresh_python

from linter.schema.engine import parsedate_to_datetime

_BUILD = """
import sys
{prelude}
print(repr(sys.modules["jsonschema_rs.jsonschema_rs"].__build__))
print(*(name for name in ("email.utils", "socket") if name in sys.modules))
"""


def _fresh(prelude: str) -> list[str]:
    run = fresh_python(_BUILD.format(prelude=prelude))
    assert run.returncode == 0, run.stderr
    return run.stdout.splitlines()


def test_the_engine_loads_without_email_utils_and_holds_what_a_plain_import_holds():
    ours = _fresh("import linter.schema.engine")
    plain = _fresh("import jsonschema_rs")
    assert ours[0] == plain[0]  # the build metadata, its date included
    assert ours[1:] in ([], [""])
    assert "email.utils" in plain[1]  # the saving is real: a plain import does load it


def test_a_checked_page_with_a_schema_finding_loads_no_email_utils(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE.replace("published: true", "published: maybe"))
    script = (
        "import sys\nfrom linter.cli import main\nstatus = main(sys.argv[1:])\n"
        "print('---', status, *(n for n in ('email.utils', 'socket') if n in sys.modules))\n"
    )
    run = fresh_python(script, "check", "--no-cache", "--output-format", "concise", "a.md", cwd=tmp_path)
    assert "FM1" in run.stdout  # the schema engine did give its verdict
    assert run.stdout.rsplit("---", 1)[1].split() == ["1"]


@pytest.mark.parametrize(
    "text",
    [
        "Thu, 12 Nov 2026 07:50:16 +0000",
        "Mon, 1 Jan 2024 00:00:00 +0000",
        "Sun, 29 Feb 2032 23:59:59 +0000",
        "Fri, 31 Apr 2026 10:00:00 +0000",  # no such day
        "Thu, 12 Nov 2026 07:50:60 +0000",  # no such second
        "Thu, 12 Nov 2026 07:50:16 -0000",  # zone unknown: a naive date
        "Thu, 12 Nov 2026 07:50:16 +0130",
        "12 Nov 2026 07:50:16 GMT",
        "Thu, 12 Nov 2026 7:50:16 +0000",  # a one-digit hour
        "Thu, 012 Nov 2026 07:50:16 +0000",
        "Thu,  12 Nov 2026 07:50:16 +0000",
        "Thu, \u0661\u0662 Nov 2026 07:50:16 +0000",  # digits, but not ASCII ones
        "Thu, 12 Xyz 2026 07:50:16 +0000",
        "not a date",
    ],
)
def test_the_date_is_read_as_email_utils_reads_it(text):
    try:
        expected: object = email.utils.parsedate_to_datetime(text)
    except (ValueError, TypeError) as error:
        with pytest.raises(type(error)):
            parsedate_to_datetime(text)
        return
    got = parsedate_to_datetime(text)
    assert (got, got.tzinfo, type(got)) == (expected, expected.tzinfo, type(expected))
