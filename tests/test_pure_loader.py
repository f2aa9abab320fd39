"""libyaml's C loader and PyYAML's pure one must give the same findings at the same positions."""

from __future__ import annotations

import pytest
import yaml
from helpers import EXAMPLES, lint_paths

import linter.reading.yaml_compose as compose

FILES = sorted(p for p in (EXAMPLES / "content").iterdir()) + sorted(
    p for p in (EXAMPLES / "broken").iterdir()
)


@pytest.mark.skipif(
    not getattr(yaml, "__with_libyaml__", False), reason="PyYAML without libyaml: only the pure loader exists"
)
def test_pure_and_c_loaders_agree(tmp_path, monkeypatch):
    with_c = lint_paths(tmp_path, FILES)
    monkeypatch.setattr(compose, "UntypedLoader", compose.PureUntypedLoader)
    monkeypatch.setattr(compose, "Loader", yaml.SafeLoader)
    pure = lint_paths(tmp_path, FILES)
    assert len(with_c) > 30
    assert [(f.path, f.code, f.line, f.column, f.end_line, f.end_column) for f in pure] == [
        (f.path, f.code, f.line, f.column, f.end_line, f.end_column) for f in with_c
    ]


@pytest.mark.skipif(
    not getattr(yaml, "__with_libyaml__", False), reason="PyYAML without libyaml: only the pure loader exists"
)
def test_libyaml_parser_is_used_when_present():
    """The C parser lives in yaml.cyaml; looking it up on `yaml` itself silently fell back to
    the pure parser (5x slower) before."""
    from yaml.cyaml import CParser

    assert issubclass(compose.UntypedLoader, CParser)
    root = yaml.compose("a: 1\n", Loader=compose.UntypedLoader)
    assert root.value[0][1].tag == "tag:yaml.org,2002:str"  # our resolver, not YAML 1.1 typing
