"""What applies to a file: the record of its content type (built by `linter.running.setup`).

The top level is a content type like the others: the one every file no `[[types]]` entry
claims takes, its entry `TOP` (no name, no paths, nothing of its own over the top-level
settings).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from linter.config.content_types import TypeEntry
from linter.reading.compose import Limits
from linter.rules.base import CorpusRule, Rule, RunContext
from linter.rules.fields import Binder
from linter.schema.check import SchemaChecker

#: The top level as a `[[types]]` entry: it sets nothing over the top-level settings.
TOP = TypeEntry("", ())


@dataclass(frozen=True)
class ContentType:
    """What checks the files of one content type: its schema, its rules (with their options
    and the type's role bindings in their context), how its files are read and fenced."""

    entry: TypeEntry
    #: The preset in force for the type (its own, else the top level's, else the default).
    preset: str
    schema: SchemaChecker
    rules: list[Rule]
    #: What the rules were built with: "now", the zone, the type's role bindings, its schema.
    context: RunContext
    #: How the type's files are read (aliases allowed, keys compared without case).
    limits: Limits
    #: The front-matter flavours the type's framework reads; any other opening line is body.
    flavours: tuple[str, ...] = ("yaml", "toml", "json")
    #: A page without front matter is valid in the type's framework (no FM001).
    front_matter_optional: bool = False
    #: A `---` fence line may end in spaces or tabs (see Preset.fence_spaces).
    fence_spaces: bool = False
    #: The rules split once, not per file: those that judge one document, those across files.
    document_rules: tuple[Rule, ...] = field(init=False, repr=False, compare=False)
    corpus_rules: dict[str, CorpusRule] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        document = tuple(r for r in self.rules if not isinstance(r, CorpusRule))
        object.__setattr__(self, "document_rules", document)
        corpus = {r.code: r for r in self.rules if isinstance(r, CorpusRule)}
        object.__setattr__(self, "corpus_rules", corpus)

    @property
    def name(self) -> str:
        """The type's name; "" for the top level."""
        return self.entry.name

    @property
    def binder(self) -> Binder:
        """The type's role bindings (what FM011 checks the user's patterns with)."""
        return self.context.binder
