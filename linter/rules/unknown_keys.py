"""FM101: an unknown key that is a slip of a known one, where the framework lets unknown
keys pass (they would be ignored without a word).

Hugo passes unknown front-matter keys to templates as `.Params`, Jekyll as page variables,
Docusaurus validates with Joi's `allowUnknown`, and Starlight's zod schema strips
them: a project may add keys of its own, so an unknown key alone is no mistake. One that is
surely a slip of a known key (another spelling of it, or one edit away) is a page whose
`description` or `sidebar_label` silently does nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.fixes import Rewrite
from linter.reading import pointers
from linter.reading.document import Document
from linter.records import NamedTuple
from linter.rules.base import Option, Rule, RunContext, Violation, settings_record
from linter.rules.key_tree import KeyNode, key_tree
from linter.rules.slips import near_key


class UnknownKeySettings(NamedTuple):
    ignore_case: bool


class UnknownKey(Rule):
    """A key the schema does not list, in a table that lets unknown keys pass (`properties`
    with `additionalProperties` absent or `true`), that is surely a slip of a key it does
    list: another spelling (case, `_` or `-`: `Description`, `sidebar-label`) or, for names
    of four characters or more, one character added, dropped, changed or swapped
    (`descripton`, `tilte`). Plurals (`image` beside `images`), another first letter
    (`height`, `weight`; `_build`, as a leading `_` marks a key of its own) and a changed
    letter in a short name (`data`, `date`) are other words, and a key whose known spelling
    is in the same table is taken as meant: neither is reported. Other
    unknown keys are not reported at all: the framework ignores them, and projects add
    their own. Where the schema closes a table (`additionalProperties: false`, as the
    framework rejects unknown keys there: Starlight's `prev`/`next` objects; Zola's page
    front matter outside `[extra]`), an unknown key is a schema error (FM100) instead.

    The fix (unsafe) renames the key.

    Options: `ignore-case` (default false): keys that differ only in case are one key, as
    Hugo lower-cases every front-matter key (the `hugo` preset sets it; so does the reading
    option `case-insensitive-keys`).

    Why: a misspelt key is read by nobody; the page builds without its description, its
    sidebar label or its redirect, and nothing says why.

    Bad::

        # preset: hugo
        title: Install the CLI
        descripton: Set up the command-line tool.

    Good::

        # preset: hugo
        title: Install the CLI
        description: Set up the command-line tool.
        reviewer: Ada  # a key of the project's own
    """

    code = "FM101"
    fix_availability = "always"
    fix_safety = ("unsafe",)
    name = "unknown-key"
    default_severity = "warning"
    summary = "An unknown key is a slip of a known one (e.g. `descripton`) where unknown keys pass."
    options = (Option("ignore-case", bool, False, "keys that differ only in case are one key (Hugo)"),)

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        tree = None if context.schema is None else key_tree(context.schema)
        self.tree = tree if tree is not None and tree.any_judged() else None  # (news-article: closed)
        self.ignore_case = (
            settings_record(UnknownKeySettings, self.settings).ignore_case or context.case_insensitive_keys
        )

    def check(self, document: Document) -> Iterator[Violation]:
        if self.tree is None:
            return
        stack: list[tuple[str, Any, KeyNode]] = [("", document.data, self.tree)]
        while stack:
            pointer, value, node = stack.pop()
            if isinstance(value, list) and node.items is not None:
                items = node.items
                stack.extend((pointers.join(pointer, index), item, items) for index, item in enumerate(value))
            elif isinstance(value, dict) and node.known:
                for key, sub in value.items():
                    known = node.lookup(key, self.ignore_case)
                    child = None if known is None else node.children.get(known)
                    if child is not None:
                        stack.append((pointers.join(pointer, key), sub, child))
                    elif known is None and node.judged:
                        yield from self._slip(pointers.join(pointer, key), key, value, node)

    def _slip(self, pointer: str, key: str, table: dict[str, Any], node: KeyNode) -> Iterator[Violation]:
        near = near_key(key, sorted(node.known))
        if near is None or near in table:
            return
        if self.ignore_case and any(other.casefold() == near.casefold() for other in table):
            return
        yield Violation(
            pointer,
            f"unknown key `{pointers.label(pointer)}`: did you mean `{near}`?",
            "key",
            Rewrite(pointer, near, "unsafe", "key"),
        )


UNKNOWN_KEYS_RULES: tuple[type[Rule], ...] = (UnknownKey,)
