"""Checks made while reading a file and validating it against the schema.

They are produced by the reader and schema stages, not by `check`; they are listed here so
that `content-lint rules`, `select`/`ignore` and the docs treat them like every other rule.
"""

from __future__ import annotations

from linter.rules.base import Rule


class InternalError(Rule):
    """content-lint itself failed while checking this file (a bug: please report it with the
    file). The run goes on with the other files.
    """

    code = "FM000"
    fatal = True
    name = "internal-error"
    summary = "content-lint failed on this file (a bug; please report it)."
    builtin = True


class MissingFrontMatter(Rule):
    """The file does not start with front matter: a `---` line (YAML), a `+++` line (TOML) or
    a line starting with `{` (JSON), as Hugo reads them.

    Why: a content file without front matter has no title, date or URL; the site cannot
    list it. An empty file is reported too.

    Bad::

        # My article
        Some text.

    Good::

        ---
        title: My article
        ---
        Some text.
    """

    code = "FM001"
    fatal = True
    name = "missing-front-matter"
    summary = "The file does not start with a `---`, `+++` or `{` front-matter block."
    builtin = True


class UnterminatedFrontMatter(Rule):
    """The opening `---` has no closing `---` (or `...`) line; likewise `+++` without its
    closing `+++`, and a JSON `{` without its matching `}`.

    Why: without the closing line the whole file would be read as front matter. The finding
    points at the opening line.

    Bad::

        ---
        title: My article
        Some text.

    Good::

        ---
        title: My article
        ---
        Some text.
    """

    code = "FM002"
    fatal = True
    name = "unterminated-front-matter"
    summary = "The front matter is opened with `---` but never closed."
    builtin = True


class YamlSyntax(Rule):
    """The front matter is not valid YAML (or TOML, or JSON); the position is the parser's own.

    Bad::

        title: "An unclosed quote
        webUrl: https://example.com/a

    Good::

        title: "A closed quote"
        webUrl: https://example.com/a
    """

    code = "FM003"
    fatal = True
    name = "yaml-syntax"
    summary = "The front matter is not valid YAML, TOML or JSON."
    builtin = True


class DuplicateKey(Rule):
    """A mapping repeats a key (in TOML, also a table declared twice). YAML and JSON loaders
    silently keep one of the values; Hugo fails.

    The finding points at the second key and names the line of the first. With
    `case-insensitive-keys = true` (Hugo lower-cases keys), `linkTitle` after `linktitle` is a
    duplicate too.

    Bad::

        title: First
        title: Second

    Good::

        title: Second
    """

    code = "FM004"
    fatal = True
    name = "duplicate-key"
    summary = "A mapping repeats a key."
    builtin = True


class NotAMapping(Rule):
    """The front matter is a list or a single value; it must map keys to values.

    An empty block, or one holding only comments, is an empty mapping (valid for Hugo and
    Jekyll): the schema then reports the keys it requires.

    Bad::

        ---
        - title
        - date
        ---

    Good::

        ---
        title: A title
        ---
    """

    code = "FM005"
    fatal = True
    name = "not-a-mapping"
    summary = "The front matter is not a mapping of keys to values."
    builtin = True


class YamlAlias(Rule):
    """Anchors (`&a`), aliases (`*a`), merge keys (`<<`) and explicit tags (`!!python/...`).

    Why: aliases let a few hundred bytes expand into gigabytes (the "billion laughs"
    attack) and tags ask the loader to build arbitrary objects. Content is plain data, so
    these are reported. The file is still checked: each alias is expanded in place (a
    finding inside it points at the alias), at most 10,000 values in all, past which
    reading stops with FM008. `allow-aliases = true` in config accepts anchors and aliases
    (tags and merge keys are still reported).

    Bad::

        a: &x [1, 2]
        b: *x

    Good::

        a: [1, 2]
        b: [1, 2]
    """

    code = "FM006"
    fatal = True
    name = "yaml-alias"
    summary = "Anchors, aliases, merge keys and explicit tags are refused."
    builtin = True


class Unreadable(Rule):
    """The file cannot be read as text: not UTF-8, a NUL byte, no permission, a loop.

    The message names the byte offset and line of a bad byte.
    """

    code = "FM007"
    fatal = True
    name = "unreadable"
    summary = "The file cannot be read as UTF-8 text."
    builtin = True


class TooLarge(Rule):
    """The front matter is larger than `max-front-matter-bytes` (default 1 MiB), nested
    deeper than `max-depth` (default 64) levels, or its aliases expand to more than 10,000
    values.

    Why: real front matter is a few kilobytes; anything far larger is a mistake or an attack,
    and is refused without being parsed.
    """

    code = "FM008"
    fatal = True
    name = "too-large"
    summary = "The front matter is too large, too deeply nested or its aliases expand too far."
    builtin = True


class UnusedSuppression(Rule):
    """A `# content-lint: disable=...` comment that silences nothing.

    Why: stale suppressions hide future problems. Remove the comment, or the code in it
    that no longer fires.

    Bad::

        quality: 35  # content-lint: disable=FM301

    Good::

        quality: 35
    """

    code = "FM009"
    fix_availability = "always"
    fix_safety = ("safe",)
    name = "unused-suppression"
    default_severity = "warning"
    summary = "A suppression comment silences nothing."
    builtin = True


class TooManyFindings(Rule):
    """A file has more than 100 findings; the first 100 (in line order) are shown, and this
    one finding at line 1, column 1 says how many more were left out.

    Why: a file of thousands of unknown keys would otherwise flood the report, the CI
    annotations and the review page. This finding takes the severity of the worst finding it
    stands for, so the exit status does not change, and neither `select`, `ignore` nor a
    suppression comment hides it. Fix the findings shown and run again.
    """

    code = "FM010"
    fatal = True
    name = "too-many-findings"
    summary = "A file has more than 100 findings; the rest are counted, not shown."
    builtin = True


class UnmatchedBinding(Rule):
    """A role pattern written in the config (`[roles]`, or a type's `roles`) that matches
    nothing in any file of the run. Reported once per pattern, at the config line that
    writes it; a preset's or a schema's bindings are never reported.

    Why: a misspelt key or a format that moved a field would otherwise switch the rules of
    that role off without a word. The judgement covers the files checked together (a
    pre-commit batch sees only its own files); it holds for cached results too.

    Bad (no page has `reviewed` under `params`)::

        [roles]
        dates = ["/date", "/params/reviewd"]

    Good::

        [roles]
        dates = ["/date", "/params/reviewed"]
    """

    code = "FM011"
    name = "unmatched-binding"
    default_severity = "warning"
    summary = "A role binding in the config matches nothing in any checked file."
    builtin = True


class Schema(Rule):
    """The front matter does not match the JSON Schema (`schema` in config, or the shipped
    `article.schema.json`).

    Each schema error is reported at the offending value; a missing required key at the
    mapping that lacks it; an unknown key at the key itself.

    Bad::

        title: "Harbour council approves new sea wall"
        publishedDateTime: 2024-04-02T09:30:00Z
        webUrl: "https://coastline.example/news/sea-wall"
        provider:
          name: Coastline Daily
          domain: coastline.example
        quality: 150

    Good::

        title: "Harbour council approves new sea wall"
        publishedDateTime: 2024-04-02T09:30:00Z
        webUrl: "https://coastline.example/news/sea-wall"
        provider:
          name: Coastline Daily
          domain: coastline.example
        quality: 35
    """

    code = "FM100"
    fix_availability = "sometimes"
    fix_safety = ("unsafe",)
    name = "schema"
    summary = "The front matter does not match the JSON Schema."
    builtin = True


READER_RULES: tuple[type[Rule], ...] = (
    InternalError,
    MissingFrontMatter,
    UnterminatedFrontMatter,
    YamlSyntax,
    DuplicateKey,
    NotAMapping,
    YamlAlias,
    Unreadable,
    TooLarge,
    UnusedSuppression,
    TooManyFindings,
    UnmatchedBinding,
    Schema,
)
