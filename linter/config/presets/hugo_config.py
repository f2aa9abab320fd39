"""What a Hugo site's own configuration says about its pages: where content lives (`contentDir`,
per-language `contentDir`, `module.mounts` into `content`) and which languages it has.

Read as Hugo merges it, in part: the root `hugo.*` (or legacy `config.*`) file, then the
files of `config/_default/` (`hugo.*`/`config.*` at the top, `languages.*` and `module.*`
as those tables). Keys are matched ignoring case, as Hugo does. Each file is read bounded and
parsed as data (TOML, YAML with the safe loader, JSON); templates and environment variables
are not expanded, and the other environments (`config/production/`) are not read.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from linter.config.presets.probe import head, is_file
from linter.records import NamedTuple

ROOT_NAMES = ("hugo", "config")
FORMATS = ("toml", "yaml", "yml", "json")
#: The tables a file of `config/_default/` may hold under its own name.
TABLES = ("languages", "module")


class HugoConfig(NamedTuple):
    """The settings that decide which files are pages and in which language."""

    #: Content folders (relative to the site root) and the language each holds ("" = any).
    roots: tuple[tuple[str, str], ...] = (("content", ""),)
    languages: tuple[str, ...] = ()
    default_language: str = "en"
    #: Sections whose pages' URLs follow a `permalinks` pattern, not their folder.
    permalinked: tuple[str, ...] = ()


def read_site_config(folder: Path) -> HugoConfig:
    """The site's content folders and languages (defaults where its config says nothing)."""
    settings: dict[str, Any] = {}
    for name in ROOT_NAMES:
        settings = _merged(settings, _first(folder, name))
    default = folder / "config" / "_default"
    for name in ROOT_NAMES:
        settings = _merged(settings, _first(default, name))
    for table in TABLES:
        found = _first(default, table)
        if found:
            settings = _merged(settings, {table: found})
    return _settings(settings)


def _settings(settings: Mapping[str, Any]) -> HugoConfig:
    languages = _table(settings, "languages")
    codes = tuple(code.lower() for code in languages if isinstance(code, str))
    default = _get(settings, "defaultContentLanguage")
    default = default.lower() if isinstance(default, str) and default else "en"
    content = _get(settings, "contentDir")
    content = _folder(content) or "content"
    roots = _mounted(_table(settings, "module"), codes, default) or _per_language(languages, content, default)
    permalinks = _table(settings, "permalinks")
    pages = _table(permalinks, "page")
    permalinked = [name for name, value in permalinks.items() if isinstance(value, str)] + list(pages)
    return HugoConfig(roots or ((content, ""),), codes, default, tuple(map(str, permalinked)))


def _per_language(languages: Mapping[str, Any], content: str, default: str) -> tuple[tuple[str, str], ...]:
    """`[languages.fr] contentDir = "content/fr"`: each such folder holds that language; the
    site's own folder holds the languages that name none."""
    found: list[tuple[str, str]] = []
    shared = False
    for code, table in languages.items():
        folder = _folder(_get(table, "contentDir")) if isinstance(table, Mapping) else None
        if folder and isinstance(code, str) and folder != content:
            found.append((folder, "" if code.lower() == default else code.lower()))
        else:
            shared = True
    if not found:
        return ()
    return ((content, ""), *found) if shared else tuple(found)


def _mounted(module: Mapping[str, Any], codes: tuple[str, ...], default: str) -> tuple[tuple[str, str], ...]:
    """Mounts whose target is `content`: they replace the default content folder. A mount for
    languages (`lang`, or `sites.matrix.languages`) holds the default one if it is among
    them ("" below), else the first."""
    mounts = _get(module, "mounts")
    found: list[tuple[str, str]] = []
    for mount in mounts if isinstance(mounts, list) else []:
        if not isinstance(mount, Mapping) or _get(mount, "target") != "content":
            continue
        source = _folder(_get(mount, "source"))
        if source:
            found.append((source, _mount_language(mount, codes, default)))
    return tuple(found)


def _mount_language(mount: Mapping[str, Any], codes: tuple[str, ...], default: str) -> str:
    lang = _get(mount, "lang")
    found = [lang] if isinstance(lang, str) else _get(_table(_table(mount, "sites"), "matrix"), "languages")
    names = [name.lower() for name in found if isinstance(name, str)] if isinstance(found, list) else []
    if not names or default in names:
        return ""
    return names[0] if names[0] in codes else ""


def _folder(value: Any) -> str | None:
    """A folder inside the site (`content/en`, `./docs`), or None (absolute, `..`, not a string)."""
    if not isinstance(value, str) or not value.strip() or value.startswith(("/", "\\")):
        return None
    normal = posixpath.normpath(value.strip().replace("\\", "/"))
    return None if normal == "." or normal.startswith("..") else normal


def _get(table: Any, key: str) -> Any:
    """`table[key]`, the key matched ignoring case (Hugo's config keys are)."""
    if not isinstance(table, Mapping):
        return None
    wanted = key.lower()
    return next((value for name, value in table.items() if str(name).lower() == wanted), None)


def _table(table: Any, key: str) -> Mapping[str, Any]:
    found = _get(table, key)
    return found if isinstance(found, Mapping) else {}


def _merged(base: dict[str, Any], more: Mapping[str, Any]) -> dict[str, Any]:
    """`base` with `more`'s keys over it, tables merged one level down (languages, module)."""
    merged = dict(base)
    for key, value in more.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def _first(folder: Path, name: str) -> Mapping[str, Any]:
    """The data of the first `name.<format>` file in `folder`; {} when none reads as a table."""
    for fmt in FORMATS:
        path = folder / f"{name}.{fmt}"
        if is_file(path):
            found = _parse(head(path), fmt)
            return found if isinstance(found, Mapping) else {}
    return {}


def load_toml(data: bytes) -> dict[str, Any] | None:
    """A TOML file's table, None when it does not parse."""
    found = _parse(data, "toml")
    return found if isinstance(found, dict) else None


def _parse(data: bytes, fmt: str) -> Any:
    """TOML, YAML (safe loader: no tags, no objects) or JSON; None when it does not parse."""
    try:
        text = data.decode("utf-8-sig")
        if fmt == "toml":  # tomllib loads with a TOML config, as yaml does with a YAML one
            from linter.reading import toml_library as tomllib

            return tomllib.loads(text)
        if fmt == "json":
            return json.loads(text)
        import yaml

        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (UnicodeDecodeError, ValueError, RecursionError, ArithmeticError):  # TOMLDecodeError too
        return None
    except Exception:  # yaml.YAMLError and its kin: a broken config is no config
        return None
