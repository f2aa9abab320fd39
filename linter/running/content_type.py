"""What checks the files of one content type (see `linter.running.setup`)."""

from __future__ import annotations

from dataclasses import dataclass

from linter.reading.compose import Limits
from linter.rules.base import CorpusRule, Rule
from linter.rules.fields import Binder
from linter.schema.check import SchemaChecker


@dataclass(frozen=True)
class ContentType:
    """What checks the files of one content type: its schema and its rules (with their
    options and the type's role bindings in their context)."""

    name: str
    schema: SchemaChecker
    rules: list[Rule]
    #: The type's role bindings (what FM011 checks the user's patterns with).
    binder: Binder
    #: How the type's files are read (aliases allowed, keys compared without case).
    limits: Limits
    #: The front-matter flavours the type's framework reads; any other opening line is body.
    flavours: tuple[str, ...] = ("yaml", "toml", "json")
    #: A page without front matter is valid in the type's framework (no FM001).
    front_matter_optional: bool = False
    #: A `---` fence line may end in spaces or tabs (see Preset.fence_spaces).
    fence_spaces: bool = False

    @property
    def document_rules(self) -> list[Rule]:
        return [r for r in self.rules if not isinstance(r, CorpusRule)]

    @property
    def corpus_rules(self) -> dict[str, CorpusRule]:
        return {r.code: r for r in self.rules if isinstance(r, CorpusRule)}
