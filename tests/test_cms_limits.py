"""`init --from` on a hostile CMS config: fields shared through YAML aliases or nested without
end are one line and exit status 2, in well under a second, never hours or a traceback."""

from __future__ import annotations

import pytest

from linter.cli import main


def _alias_bomb(levels: int) -> str:
    """Each level's field list holds two objects sharing the level below: 2**levels fields."""
    lines = ["shared:", "  - &f0 [{name: a, widget: string}]"]
    for level in range(1, levels + 1):
        below = f"*f{level - 1}"
        lines.append(
            f"  - &f{level} [{{name: x, widget: object, fields: {below}}},"
            f" {{name: y, widget: object, fields: {below}}}]"
        )
    lines += ["collections:", "  - name: posts", "    folder: content/posts", f"    fields: *f{levels}"]
    return "\n".join(lines) + "\n"


@pytest.mark.timeout(20)
def test_fields_shared_through_yaml_aliases_are_refused(tmp_path, capsys):
    (tmp_path / "admin").mkdir()
    config = tmp_path / "admin" / "config.yml"
    config.write_text(_alias_bomb(18))
    assert len(config.read_bytes()) < 3000
    assert main(["init", "--from", str(config), str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert (
        err
        == "content-lint: error: init: content type 'posts' has more than 5000 fields (do YAML aliases repeat them?)\n"
    )
    assert not (tmp_path / "content-lint.toml").exists()


@pytest.mark.timeout(20)
@pytest.mark.parametrize(
    ("levels", "said"), [(100, "nests fields more than 32 levels deep"), (5000, "nested too deeply")]
)
def test_a_deep_frontmatter_json_is_one_line(tmp_path, capsys, levels, said):
    opening = "".join(f'[{{"name": "f{level}", "type": "fields", "fields": ' for level in range(levels))
    fields = opening + '[{"name": "leaf", "type": "string"}]' + "}]" * levels
    text = f'{{"frontMatter.taxonomy.contentTypes": [{{"name": "default", "fields": {fields}}}]}}'
    config = tmp_path / "frontmatter.json"
    config.write_text(text)
    assert main(["init", "--from", str(config), str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("content-lint: error: init: ") and said in err and err.count("\n") == 1
