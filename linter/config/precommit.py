"""What a run started by pre-commit compares against, since pre-commit may split its files.

pre-commit passes the changed files on the command line and splits a long list into several
calls, even with `require_serial` (1,805 files became 2 calls). A duplicate article split
across two calls would be missed, so unless `content-roots` says otherwise, a run under
pre-commit compares its files with every file under the project root.
"""

from __future__ import annotations

from collections.abc import Mapping

from linter.config.settings import Config

#: pre-commit sets this in the environment of every hook it runs.
PRE_COMMIT_VARIABLE = "PRE_COMMIT"


def content_roots(config: Config, environ: Mapping[str, str]) -> tuple[str, ...]:
    """The configured content roots; under pre-commit, the project root when none is set."""
    if config.content_roots or environ.get(PRE_COMMIT_VARIABLE) != "1":
        return config.content_roots
    return (str(config.root),)
