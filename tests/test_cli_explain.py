"""`content-lint rules`, `rule X` and `presets NAME` tell what is in force under the preset or
config, as a check run would apply it."""

from __future__ import annotations

from helpers import write

from linter.cli import main


def active(capsys, *args: str) -> dict[str, str]:
    """The `active` column of `content-lint rules`, by code."""
    assert main(["rules", *args]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()[1:]]
    return {row[0]: row[3] for row in rows}


def test_rules_shows_what_a_preset_switches_on(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert active(capsys)["FM303"] == "off"
    assert active(capsys, "--preset", "hugo")["FM303"] == "warning"
    write(tmp_path, {"content-lint.toml": 'preset = "starlight"\nignore = ["FM502"]\n'})
    in_force = active(capsys)
    assert (in_force["FM303"], in_force["FM502"], in_force["FM504"]) == ("warning", "off", "warning")


def test_rules_counts_the_presets_of_content_types(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path, {"content-lint.toml": '[[types]]\nname = "posts"\npaths = ["_posts/"]\npreset = "jekyll"\n'}
    )
    assert active(capsys)["FM303"] == "warning"


def test_rule_shows_its_severity_and_options_in_force(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["rule", "FM502", "--preset", "hugo"]) == 0
    assert capsys.readouterr().out.splitlines()[:5] == [
        "FM502 untidy-whitespace (default: warning)",
        "In force: warning",
        "Options (preset `hugo`): line-breaks = false",
        "Fix: sometimes (safe)",
        "",
    ]
    assert main(["rule", "image-file-mismatch", "--preset", "docusaurus"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "In force: warning (switched on by preset `docusaurus`)"


def test_rule_shows_the_options_of_each_type(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "content-lint.toml": (
                '[[types]]\nname = "docs"\npaths = ["docs/"]\npreset = "docusaurus"\n'
                "[types.rules.excerpt-repeats-title]\nallow-expansion = false\n"
                '[[types]]\nname = "blog"\npaths = ["blog/"]\npreset = "docusaurus"\n'
            )
        },
    )
    assert main(["rule", "FM504"]) == 0
    assert capsys.readouterr().out.splitlines()[1:5] == [
        "In force: warning",
        "Options (preset `news-article`): allow-expansion = false",
        "Options (type `docs`, preset `docusaurus`): allow-expansion = false",
        "Options (type `blog`, preset `docusaurus`): allow-expansion = true",
    ]


def test_presets_name_shows_schema_roles_and_rules(capsys):
    assert main(["presets", "starlight"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        "starlight: Astro Starlight docs pages (its documented frontmatter; extra keys allowed)",
        "schema: starlight.schema.json (shipped with content-lint)",
    ]
    assert lines[2].startswith("pages: *.md, *.mdx, ") and " in src/content/docs/**, !**/_*.md, " in lines[2]
    assert "  identity           /slug" in lines
    assert lines[lines.index("rules it switches on or sets:") :] == [
        "rules it switches on or sets:",
        "  FM303 image-file-mismatch      on (warning; off by default)",
        "  FM404 duplicate-article        site-pages = true",
        "  FM502 untidy-whitespace        line-breaks = false",
        "  FM504 excerpt-repeats-title    allow-expansion = true",
    ]


def test_presets_name_cuts_a_long_binding_and_names_an_unknown_preset(capsys):
    assert main(["presets", "hugo"]) == 0
    [scope] = [line for line in capsys.readouterr().out.splitlines() if "relative-identity" in line]
    assert scope.endswith(" characters)") and len(scope) < 160
    assert main(["presets", "wordpress"]) == 2
    assert (
        "presets: unknown preset 'wordpress' (known: docusaurus, eleventy, generic, hugo"
        in capsys.readouterr().err
    )
