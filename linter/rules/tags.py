"""Rules for the tag lists of the `tags` role (news-article: `topics`): a tag listed twice
(FM506) and a tag outside the configured vocabulary (FM507)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from linter.fixes import RemoveItem
from linter.reading.document import Document
from linter.records import NamedTuple
from linter.rules.base import Option, Rule, RunContext, Violation, settings_record
from linter.rules.fields import FieldView, derived
from linter.rules.text import normal


def topic_lists(view: FieldView) -> list[tuple[str, list[Any]]]:
    """(pointer, tags) of each list the `tags` role binds, as written: non-strings too, so
    that a tag's index in the list is its pointer's (`_topic_pointer`)."""
    return [(spot.pointer, value) for spot, value in view.role("tags") if isinstance(value, list)]


def _topic_pointer(base: str, index: int) -> str:
    return f"{base}/{index}"


class DuplicateTopic(Rule):
    """The same entry twice in one list of the `tags` role (news-article: `topics`; Hugo:
    `tags`, `categories`, `keywords`), ignoring case and surrounding space.

    The finding points at the second and names the line of the first.

    Why: duplicates show twice as tags and count twice in topic statistics.

    Bad::

        topics:
          - AI
          - Computer Vision
          - ai

    Good::

        topics:
          - AI
          - Computer Vision
    """

    code = "FM506"
    fix_availability = "always"
    fix_safety = ("safe",)
    name = "duplicate-topic"
    summary = "A tag or topic is listed twice."

    def check(self, document: Document) -> Iterator[Violation]:
        for base, topics in derived(self.fields(document), topic_lists):
            first: dict[str, int] = {}
            for index, topic in enumerate(topics):
                if not isinstance(topic, str):
                    continue
                key = normal(topic)
                if not key:
                    continue  # blank topics are FM501's
                earlier = first.setdefault(key, index)
                if earlier == index:
                    continue
                line = document.locate(_topic_pointer(base, earlier)).line
                pointer = _topic_pointer(base, index)
                yield Violation(
                    pointer,
                    f"duplicate topic `{topic.strip()}`: first listed as `{topics[earlier].strip()}` on line {line}",
                    fix=RemoveItem(pointer, title=f"Remove the repeated topic `{topic.strip()}`"),
                )


class UnknownTopicSettings(NamedTuple):
    #: As written: the option's check lets any list through; only non-blank strings count.
    vocabulary: list[Any]


class UnknownTopic(Rule):
    """An entry of a list of the `tags` role (news-article: `topics`) that is not in the
    configured vocabulary (compared ignoring case).

    Off by default; it comes on as soon as a vocabulary is configured::

        [tool.content-lint.rules.unknown-topic]
        vocabulary = ["AI", "Computer Vision", "Local"]

    Option: `vocabulary`, the allowed topics (default empty: nothing to check). The message
    suggests the closest allowed topic when there is one.

    Why: free-form topics drift ("A.I.", "Artificial intelligence", "AI"), splitting one
    topic page into many.

    Bad::

        # with vocabulary = ["AI", "Local"]
        topics:
          - Artificial Inteligence

    Good::

        # with vocabulary = ["AI", "Local"]
        topics:
          - AI
    """

    code = "FM507"
    name = "unknown-topic"
    default_severity = "off"
    summary = "A tag or topic is not in the configured vocabulary."
    options = (Option("vocabulary", list, [], "the allowed topics; case is ignored"),)

    def __init__(self, settings: Mapping[str, Any], context: RunContext) -> None:
        super().__init__(settings, context)
        vocabulary = settings_record(UnknownTopicSettings, self.settings).vocabulary
        #: The allowed topics by their normal form.
        self.allowed = {normal(v): v for v in vocabulary if isinstance(v, str) and v.strip()}

    def check(self, document: Document) -> Iterator[Violation]:
        allowed = self.allowed
        if not allowed:
            return
        for base, topics in derived(self.fields(document), topic_lists):
            for index, topic in enumerate(topics):
                key = normal(topic) if isinstance(topic, str) else None
                if key and key not in allowed:
                    import difflib  # only for a finding: most runs never load it

                    close = difflib.get_close_matches(key, allowed, n=1)
                    hint = f"; did you mean `{allowed[close[0]]}`?" if close else ""
                    yield Violation(
                        _topic_pointer(base, index), f"topic `{topic.strip()}` is not in the vocabulary{hint}"
                    )


TAGS_RULES: tuple[type[Rule], ...] = (DuplicateTopic, UnknownTopic)
