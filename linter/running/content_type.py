"""What applies to a file: the record of its content type (built by `linter.running.setup`).

The top level is a content type like the others: the one every file no `[[types]]` entry
claims takes, its entry `TOP` (no name, no paths, nothing of its own over the top-level
settings).
"""

from __future__ import annotations

from linter.config.content_types import TypeEntry
from linter.reading.compose import Limits
from linter.rules.base import CorpusRule, Rule, RunContext
from linter.rules.fields import Binder
from linter.schema.check import SchemaChecker

#: The top level as a `[[types]]` entry: it sets nothing over the top-level settings.
TOP = TypeEntry("", ())


class ContentType:
    """What checks the files of one content type: its schema, its rules (with their options
    and the type's role bindings in their context), how its files are read and fenced. A
    plain class: a dataclass would import `dataclasses` at start-up."""

    __slots__ = (
        "context",
        "corpus_rules",
        "document_rules",
        "entry",
        "fence_spaces",
        "flavours",
        "front_matter_optional",
        "limits",
        "preset",
        "rules",
        "schema",
    )

    def __init__(
        self,
        entry: TypeEntry,
        preset: str,
        schema: SchemaChecker,
        rules: list[Rule],
        context: RunContext,
        limits: Limits,
        flavours: tuple[str, ...] = ("yaml", "toml", "json"),
        front_matter_optional: bool = False,
        fence_spaces: bool = False,
    ) -> None:
        self.entry = entry
        #: The preset in force for the type (its own, else the top level's, else the default).
        self.preset = preset
        self.schema = schema
        self.rules = rules
        #: What the rules were built with: "now", the zone, the type's role bindings, its schema.
        self.context = context
        #: How the type's files are read (aliases allowed, keys compared without case).
        self.limits = limits
        #: The front-matter flavours the type's framework reads; any other opening line is body.
        self.flavours = flavours
        #: A page without front matter is valid in the type's framework (no FM001).
        self.front_matter_optional = front_matter_optional
        #: A `---` fence line may end in spaces or tabs (see Preset.fence_spaces).
        self.fence_spaces = fence_spaces
        #: The rules split once, not per file: those that judge one document, those across files.
        self.document_rules = tuple(r for r in rules if not isinstance(r, CorpusRule))
        self.corpus_rules = {r.code: r for r in rules if isinstance(r, CorpusRule)}

    @property
    def name(self) -> str:
        """The type's name; "" for the top level."""
        return self.entry.name

    @property
    def binder(self) -> Binder:
        """The type's role bindings (what FM011 checks the user's patterns with)."""
        return self.context.binder
