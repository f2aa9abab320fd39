"""Find and validate `[tool.content-lint]` (or `content-lint.toml`) into a frozen Config."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from linter.config.content_types import TypeEntry, parse_types
from linter.config.globs import check_gitignore_glob, check_name_glob, gitignore_form
from linter.reading.bounded import RefusedFile, read_regular_file
from linter.reading.dates import load_zone
from linter.reading.dates import parse_datetime as parse_datetime  # re-exported: the CLI and tests use it
from linter.records import NamedTuple

CONFIG_FILE = "content-lint.toml"
PYPROJECT = "pyproject.toml"
#: A config file (or pyproject.toml) larger than this is refused, not read.
MAX_CONFIG_BYTES = 1 << 20
#: `max-depth` above this is refused: it is what every stage takes (the schema engine,
#: jsonschema-rs, stops at ~256 levels; the TOML and JSON readers and Python's recursion limit
#: at ~500; the YAML parser at 1,000), and the bound becomes a regex repeat count.
MAX_DEPTH_LIMIT = 200


class ConfigError(Exception):
    """A bad config: the CLI prints it as one line and exits 2."""


class Config(NamedTuple):
    """The settings as the user wrote them. A NamedTuple, not a dataclass: a one-file run
    then never imports `dataclasses` (and `inspect`, which it imports); its mappings are
    never changed, so one empty default serves every instance."""

    root: Path
    source: Path | None = None
    schema: Path | None = None
    include: tuple[str, ...] | None = None  # None: the preset's file names
    exclude: tuple[str, ...] = ()
    extend_include: tuple[str, ...] = ()
    extend_exclude: tuple[str, ...] = ()
    #: Gitignore-style patterns (from `root`) of the files that are pages; None: the types'
    #: `paths` when there are types, else the preset's content folders.
    content: tuple[str, ...] | None = None
    extend_content: tuple[str, ...] = ()
    respect_gitignore: bool = True
    max_front_matter_bytes: int = 1 << 20
    max_depth: int = 64
    allow_aliases: bool = False
    case_insensitive_keys: bool = False
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = {}
    rules: Mapping[str, Mapping[str, Any]] = {}
    per_file_ignores: Mapping[str, tuple[str, ...]] = {}
    reference_time: datetime | None = None
    output_format: str | None = None
    fail_on: str = "error"
    content_roots: tuple[str, ...] = ()
    jobs: int | None = None
    cache: bool = True
    cache_dir: Path | None = None
    preset: str | None = None
    roles: Mapping[str, Any] = {}
    timezone: str | None = None  # None: naive values are read as UTC, and no zone is ever added by a fix
    types: tuple[TypeEntry, ...] = ()

    def with_overrides(self, **changes: Any) -> Config:
        return self._replace(**{k: v for k, v in changes.items() if v is not None})

    @property
    def preset_name(self) -> str:
        """The preset in force: the one named, else the default."""
        from linter.config.presets import DEFAULT_PRESET

        return self.preset or DEFAULT_PRESET

    @property
    def file_patterns(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(include, exclude) with their `extend-` additions, as discovery takes them."""
        include = self.include if self.include is not None else _preset_field(self.preset_name, "include")
        return include + self.extend_include, self.exclude + self.extend_exclude

    @property
    def content_patterns(self) -> tuple[str, ...]:
        """Which included files are pages (gitignore-style, from `root`); () for all of them."""
        if self.content is not None:
            content = self.content
        elif self.types:
            content = tuple(pattern for kind in self.types for pattern in kind.paths)
        else:
            content = _preset_content(self.preset_name, self.root)
        return (*content, *self.extend_content) if content else content


def _preset_field(name: str, attribute: str) -> tuple[str, ...]:
    from linter.config.presets import find_preset

    value: tuple[str, ...] = getattr(find_preset(name), attribute)
    return value


def _preset_content(name: str, root: Path) -> tuple[str, ...]:
    """The preset's pages, as the framework config at `root` names them where it reads one."""
    from linter.config.presets import find_preset

    preset = find_preset(name)
    return preset.site_content(root) if preset.site_content is not None else preset.content


def _string_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError("should be a list of strings")


def _name_globs(value: Any) -> tuple[str, ...]:
    patterns = _string_list(value)
    for pattern in patterns:
        check_name_glob(pattern)
    return patterns


def _gitignore_globs(value: Any) -> tuple[str, ...]:
    patterns = _string_list(value)
    for pattern in patterns:
        check_gitignore_glob(pattern)
    return patterns


def _positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError("should be a positive integer")
    return value


def _bounded_int(value: Any, limit: int) -> int:
    if _positive_int(value) > limit:
        raise ValueError(f"should be at most {limit}")
    return int(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("should be true or false")
    return value


def _table_of(convert: Callable[[Any], Any]) -> Callable[[Any], dict[str, Any]]:
    def check(value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ValueError("should be a table")
        out = {}
        for key, item in value.items():
            try:
                out[key] = convert(item)
            except ValueError as exc:
                raise ValueError(f"entry {key!r} {exc}") from None
        return out

    return check


def _per_file_ignores(value: Any) -> dict[str, Any]:
    """Keys are gitignore-style patterns from the root; an old fnmatch form keeps its meaning
    (see gitignore_form and `old_pattern_notes`)."""
    table = _table_of(_string_list)(value)
    for pattern in table:
        check_gitignore_glob(gitignore_form(pattern))
    return table


def old_pattern_notes(config: Config) -> list[str]:
    """One line per `per-file-ignores` key read in its old fnmatch meaning, naming the
    gitignore-style pattern that says the same."""
    notes = []
    for key in config.per_file_ignores:
        meant = gitignore_form(key)
        if meant != key:
            notes.append(
                f'per-file-ignores: "{key}" is read as "{meant}", its meaning before keys became'
                f' gitignore-style (`*` stops at `/`): write that to keep it, or "/{key}" to let `*` stop at `/`'
            )
    return notes


def _severity_name(value: Any) -> str:
    if value not in ("error", "warning", "off"):
        raise ValueError('should be "error", "warning" or "off"')
    return str(value)


def _reference_time(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if isinstance(value, str):
        try:
            return parse_datetime(value)
        except ValueError:
            pass
    raise ValueError("should be an RFC 3339 date-time such as 2024-01-31T12:00:00Z")


def _fail_on(value: Any) -> str:
    if value not in ("error", "warning", "never"):
        raise ValueError('should be "error", "warning" or "never"')
    return str(value)


def _rules_table(value: Any) -> dict[str, dict[str, Any]]:
    return _table_of(lambda v: dict(_table_of(lambda x: x)(v)))(value)


# key in the file -> (Config field, converter). Paths are made absolute afterwards.
_KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "schema": ("schema", lambda v: _path(v)),
    "include": ("include", _name_globs),
    "exclude": ("exclude", _gitignore_globs),
    "extend-include": ("extend_include", _name_globs),
    "extend-exclude": ("extend_exclude", _gitignore_globs),
    "content": ("content", _gitignore_globs),
    "extend-content": ("extend_content", _gitignore_globs),
    "allow-aliases": ("allow_aliases", _bool),
    "case-insensitive-keys": ("case_insensitive_keys", _bool),
    "respect-gitignore": ("respect_gitignore", _bool),
    "max-front-matter-bytes": ("max_front_matter_bytes", _positive_int),
    "max-depth": ("max_depth", lambda v: _bounded_int(v, MAX_DEPTH_LIMIT)),
    "select": ("select", _string_list),
    "ignore": ("ignore", _string_list),
    "severity": ("severity", _table_of(_severity_name)),
    "rules": ("rules", _rules_table),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "reference-time": ("reference_time", _reference_time),
    "output-format": ("output_format", lambda v: _path(v)),
    "fail-on": ("fail_on", _fail_on),
    "content-roots": ("content_roots", _string_list),
    "jobs": ("jobs", _positive_int),
    "cache": ("cache", _bool),
    "cache-dir": ("cache_dir", lambda v: _path(v)),
    "preset": ("preset", lambda v: _preset(v)),
    "roles": ("roles", lambda v: _roles(v)),
    "timezone": ("timezone", lambda v: _timezone(v)),
}


def _preset(value: Any) -> str:
    from linter.config.presets import find_preset

    if not isinstance(value, str):
        raise ValueError("should be a preset name")
    find_preset(value)
    return value


def _roles(value: Any) -> dict[str, Any]:
    from linter.config.roles import Roles, RoleSet, parse_roles

    parse_roles(value, Roles(RoleSet(), RoleSet()))  # validated now; bound per content type later
    return dict(value)


def _timezone(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("should be a time zone name such as Europe/Berlin or UTC")
    load_zone(value)
    return value


def _path(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError("should be a non-empty string")
    return value


def name_globs(value: Any) -> tuple[str, ...]:
    """Checked file-name globs (as `include` takes them), for the command line too."""
    return _name_globs(value)


def gitignore_globs(value: Any) -> tuple[str, ...]:
    """Checked gitignore-style patterns (as `exclude` takes them), for the command line too."""
    return _gitignore_globs(value)


def find_config_file(start: Path) -> Path | None:
    """The nearest content-lint.toml, or pyproject.toml with a [tool.content-lint] table."""
    for folder in (start, *start.parents):
        found = config_file_in(folder)
        if found is not None:
            return found
    return None


def config_file_in(folder: Path) -> Path | None:
    """`folder`'s content-lint.toml, or its pyproject.toml when that has [tool.content-lint]."""
    candidate = folder / CONFIG_FILE
    if candidate.is_file():
        return candidate
    pyproject = folder / PYPROJECT
    if pyproject.is_file() and "content-lint" in _read_toml(pyproject).get("tool", {}):
        return pyproject
    return None


def load_config(explicit: Path | None, cwd: Path) -> Config:
    path = explicit or find_config_file(cwd)
    if path is None:
        return Config(root=cwd)
    data = _read_toml(path)
    tool = data.get("tool")
    if path.name == PYPROJECT or (isinstance(tool, dict) and "content-lint" in tool):
        # Either layout, whatever the file's name: top-level keys or a [tool.content-lint] table.
        others = sorted(key for key in data if key != "tool")
        if path.name != PYPROJECT and others:
            raise ConfigError(
                f"{path}: top-level key `{others[0]}` beside [tool.content-lint]: use one layout"
            )
        table = tool.get("content-lint", {}) if isinstance(tool, dict) else {}
        return config_from_table(table, path, "[tool.content-lint]")
    return config_from_table(data, path)


def config_from_table(table: Mapping[str, Any], path: Path, section: str = "") -> Config:
    values: dict[str, Any] = {}
    prefix = f"{path}: {section + ' ' if section else ''}"
    if not isinstance(table, Mapping):
        raise ConfigError(f"{prefix}should be a table")
    root = path.parent.resolve()
    for key, raw in table.items():
        if key == "types":
            try:
                values["types"] = _checked_types(parse_types(raw, root))
            except ValueError as exc:
                raise ConfigError(f"{prefix}[[types]] {exc}") from None
            continue
        if key not in _KEYS:
            raise ConfigError(f"{prefix}unknown key `{key}`{_key_hint(key)}")
        name, convert = _KEYS[key]
        try:
            values[name] = convert(raw)
        except ValueError as exc:
            raise ConfigError(f"{prefix}key `{key}` {exc}") from None
    for name in ("schema", "cache_dir"):
        if name in values:
            values[name] = (root / values[name]).resolve()
    if "schema" in values and root not in values["schema"].parents:
        key = "schema"
        raise ConfigError(
            f"{prefix}key `{key}` points outside the project folder {root}; use --schema for that"
        )
    if "content_roots" in values:
        values["content_roots"] = tuple(str(root / r) for r in values["content_roots"])
    return Config(root=root, source=path, **values)


def _key_hint(key: str) -> str:
    """ "; did you mean `exclude`?" for a near miss, else the list of known keys."""
    import difflib

    known = sorted([*_KEYS, "types"])
    close = difflib.get_close_matches(key.lower().replace("_", "-"), known, n=1, cutoff=0.75)
    return f"; did you mean `{close[0]}`?" if close else f" (known keys: {', '.join(known)})"


def _checked_types(types: tuple[TypeEntry, ...]) -> tuple[TypeEntry, ...]:
    for kind in types:
        try:
            if kind.preset is not None:
                _preset(kind.preset)
            _roles(kind.roles)
            _rules_table(kind.rules)
        except ValueError as exc:
            raise ValueError(f"type {kind.name!r}: {exc}") from None
    return types


def _read_toml(path: Path) -> dict[str, Any]:
    # tomllib loads with the first TOML file read: a site without one never imports it.
    from linter.reading import toml_library as tomllib

    try:
        data: dict[str, Any] = tomllib.loads(read_regular_file(path, MAX_CONFIG_BYTES).decode("utf-8"))
        return data
    except RefusedFile as exc:
        raise ConfigError(f"{path}: cannot read config: it {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
