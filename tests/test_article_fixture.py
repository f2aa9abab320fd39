"""The shared test article must itself be clean, or every rule test would be meaningless."""

from helpers import ARTICLE, lint_text


def test_shared_article_is_clean(tmp_path):
    assert lint_text(tmp_path, ARTICLE) == []
