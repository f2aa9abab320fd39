"""Read a CMS config file (bounded, parsed as data, never executed) and hand it to the
importer of the CMS that wrote it; the content types they fill are cms.py's."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from linter.adopting.cms import CmsConfigError, ImportedType
from linter.reading.bounded import read_regular_file

MAX_CMS_CONFIG_BYTES = 4 * 1024 * 1024


def import_cms_config(path: Path) -> list[ImportedType]:
    """The content types declared in a Front Matter CMS or Decap CMS config file."""
    data = _load(path)
    if isinstance(data, Mapping) and "frontMatter.taxonomy.contentTypes" in data:
        from linter.adopting.cms_frontmatter import front_matter_types

        return front_matter_types(data)
    if isinstance(data, Mapping) and "collections" in data:
        from linter.adopting.cms_decap import decap_types

        return decap_types(data)
    raise CmsConfigError(f"{path}: neither a Front Matter CMS nor a Decap CMS config")


def _load(path: Path) -> Any:
    try:
        raw = read_regular_file(path, MAX_CMS_CONFIG_BYTES)
    except OSError as exc:
        raise CmsConfigError(f"{path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise CmsConfigError(f"{path}: {exc}") from None
    try:
        if path.suffix == ".json":
            return json.loads(raw)
        return yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (ValueError, yaml.YAMLError) as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CmsConfigError(f"{path}: cannot be parsed: {first_line}") from None
    except RecursionError:
        raise CmsConfigError(f"{path}: cannot be parsed: nested too deeply") from None
