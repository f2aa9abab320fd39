"""Adversarial front matter for the line reader: values whose text looks like YAML syntax,
numbers, YAML 1.1 words, dates and keys that YAML would resolve are read exactly as the
composer reads them (values, types, key order, positions), and the CLI reports the same."""

from __future__ import annotations

import json
import math

import pytest
from helpers import NOW_TEXT

from linter.cli import main
from linter.reading import compose
from linter.reading.compose import Limits, compose_document
from linter.reading.frontmatter import FrontMatter

#: Blocks the line reader reads (each asserted below), every line a trap of its own.
READ = [
    "---\nhash: 'b # c'\ncolon: \"b: c\"\nglued: b:c\nspaced: b :c\ndash: -b\nquery: x?\nmerge: <<\n",
    "---\nnan: -.nan\ninf: .inf\noct: 0o7\nhex: 0x1f\nunder: 1_000\nbin: 0b101\nlead: 012\nexp: 1e3\n",
    "---\ndot: 1.\nhalf: .5\nplus: +1\nsexa: 1:20\ntilde: ~\nnull: null\nyes: yes\non: on\nNaN: NaN\n",
    "---\nstamp: 2021-01-01 10:00:00\nday: 2021-13-45\nends: x ...\nrule: ---\ntwo: -- x\nquote: x'\n",
    "---\nA: b\na: c\n1: x\ntrue: x\n0x1: x\n1e3: y\n1.0: z\n",
    "---\nete: été\nsmile: \U0001f600\nwide: \u00e9t\u00e9  \n",
    "---\nlist:\n- -b\n- 'it''s'\n- 0o10\n- ~\n-   -1\nnext:\n  deep:\n  - a: 1\n    b: no\n",
    "---\ntitle: " + "x" * 890 + "\n",
    "---\ntitle: " + "x" * 900 + "\nlist:\n  -    " + "y" * 900 + "\nlast:   \n",  # the longest lines read
    "---\nn: 12  \nt: true \nword: tide  \nete: été \nlist:\n- a  \n- 3   \n- \"q\"  \n- 'it''s' \n",
    "---\nquoted: \"x y\"   \nsingle: 'it''s'  \nfar:    'a'\nempty:   \"\"  \nwide: \"é\U0001f600\"  \n",
]


def _read(text: str):
    return compose_document("page.md", FrontMatter(text, text.count("\n") + 1), Limits())


def _same(first: object, second: object) -> bool:
    """Equal values of equal types, mappings in the same key order (NaN equals NaN)."""
    if type(first) is not type(second):
        return False
    if isinstance(first, dict) and isinstance(second, dict):
        return list(first) == list(second) and all(_same(first[k], second[k]) for k in first)
    if isinstance(first, list) and isinstance(second, list):
        return len(first) == len(second) and all(map(_same, first, second))
    if isinstance(first, float) and math.isnan(first):
        return isinstance(second, float) and math.isnan(second)
    return first == second


@pytest.mark.parametrize("block", READ)
def test_traps_the_line_reader_reads_are_read_as_composed(block, monkeypatch):
    document, problems = _read(block)
    assert document is not None and document.spots is not None  # read line by line
    with monkeypatch.context() as patch:
        patch.setattr(compose, "block_values", lambda text, max_depth, line_breaks=None: None)
        composed, composed_problems = _read(block)
    assert composed is not None and (problems, composed_problems) == ([], [])
    assert _same(document.data, composed.data)
    for key in document.data:
        for target in ("key", "value"):
            assert document.locate(f"/{key}", target) == composed.locate(f"/{key}", target)


REFUSED = [
    "a: b # c\n",
    "a: b\na: c\n",
    "a: x\u2028y\n",
    "a: x\u0085y\n",
    "a: \ufeffx\n",
    "a: x\u200by\n",
    "a: x\u3000y\n",
    "été: x\n",
    "a: b\t\n",
    "a: &x b\nc: *x\n",
    "<<: {a: 1}\n",
    "? a\n: b\n",
    "a: 'b\n  c'\n",
    "a: !!str 1\n",
    "a:\n  - b\n c: d\n",
    "title: " + "x" * 1100 + "\n",
    "title: " + "x" * 901 + "\n",
    "list:\n  - " + "y" * 901 + "\n",
]


@pytest.mark.parametrize("block", REFUSED)
def test_traps_the_line_reader_refuses_are_composed(block):
    document, _ = _read("---\n" + block)
    assert document is None or document.spots is None


def test_a_block_whose_last_line_has_no_line_break_is_read_as_composed(monkeypatch):
    block = "---\ntitle: Tide\ntags:\n  - harbour\nweight: 3"
    document, problems = _read(block)
    with monkeypatch.context() as patch:
        patch.setattr(compose, "block_values", lambda text, max_depth, line_breaks=None: None)
        composed, composed_problems = _read(block)
    assert document is not None and composed is not None and (problems, composed_problems) == ([], [])
    assert _same(document.data, composed.data)
    assert document.data == {"title": "Tide", "tags": ["harbour"], "weight": 3}
    assert document.locate("/weight") == composed.locate("/weight")


@pytest.mark.parametrize(
    "table", ["", "case-insensitive-keys = true\n", "max-depth = 2\n", 'preset = "generic"\n']
)
def test_the_report_of_every_trap_is_the_composers(tmp_path, capsys, monkeypatch, table):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content-lint.toml").write_text(table)
    pages = tmp_path / "pages"
    pages.mkdir()
    for number, block in enumerate([*READ, *("---\n" + b for b in REFUSED)]):
        (pages / f"p{number}.md").write_text(block + "---\nBody.\n", encoding="utf-8")
    reports = []
    for line_reader in (True, False):
        with monkeypatch.context() as patch:
            if not line_reader:
                patch.setattr(compose, "block_values", lambda text, max_depth, line_breaks=None: None)
            capsys.readouterr()
            main(["check", "pages", "--no-cache", "--reference-time", NOW_TEXT, "--output-format", "json"])
            reports.append(json.loads(capsys.readouterr().out))
    assert reports[0] == reports[1]
    assert reports[0]["findings"]
