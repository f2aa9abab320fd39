"""Where a Docusaurus site keeps its pages, as `docusaurus.config.*` says (read as text).

The classic preset's `docs`, `blog` and `pages` options and every `plugin-content-docs`,
`-blog` and `-pages` instance in `plugins` give a content `path` (defaults `docs`, `blog`,
`src/pages`) and an `id` (default `default`); `docs: false` / `blog: false` turn a plugin off.
Versioned docs are the versions `versions.json` (`<id>_versions.json`) lists, in
`versioned_docs/version-<name>/` (`<id>_versioned_docs/`); translations live in
`i18n/<locale>/docusaurus-plugin-content-<plugin>[-<id>]/` for the `i18n.locales` the config
lists. A value the text does not give as a literal (a variable, a function call) cannot be
known without running the config: the default is assumed and `notes` says so.
"""

from __future__ import annotations

import json
from pathlib import Path

import linter.config.presets.js_text as js_text
from linter.config.presets.docusaurus_layout import DEFAULT_ID, PLUGINS, Instance, Layout
from linter.config.presets.js_text import Span
from linter.config.presets.probe import head, is_file

#: Bytes of the config read: configs with long inline data are still read to their presets.
CONFIG_BYTES = 512 * 1024


def read_layout(config: Path) -> Layout:
    """The content plugin instances and locales of the site whose config file is `config`."""
    text = head(config, CONFIG_BYTES).decode("utf-8", "replace")
    notes: list[str] = []
    plugins = _plugin_instances(text, notes)
    presets = js_text.key_value(text, "presets")
    # No preset: only the plugins the config adds (or, with none, the classic defaults).
    instances = plugins if presets is None and plugins else _preset_instances(presets, notes) + plugins
    return Layout(tuple(dict.fromkeys(instances)), _locales(text), tuple(notes))


def versions(root: Path, instance: Instance) -> tuple[str, ...]:
    """The versions a docs instance builds besides `current`: its versions file's names."""
    name = "versions.json" if instance.id == DEFAULT_ID else f"{instance.id}_versions.json"
    if instance.plugin != "docs" or not is_file(root / name):
        return ()
    try:
        listed = json.loads(head(root / name))
    except ValueError:
        listed = None
    if not isinstance(listed, list) or not all(isinstance(v, str) for v in listed):
        return ("*",)  # unreadable: every versioned folder
    return tuple(listed)


def _preset_instances(presets: Span | None, notes: list[str]) -> list[Instance]:
    """The classic preset's plugins: each of docs, blog and pages unless set to `false`."""
    options = _preset_options(presets) if presets is not None else None
    if presets is not None and options is None:
        notes.append("the preset's options are not literal: docs, blog and src/pages assumed")
    found: list[Instance] = []
    for plugin, default in PLUGINS.items():
        value = options.get(plugin) if options is not None else None
        if value is not None and js_text.literal(value) is False:
            continue
        found.append(_instance(plugin, js_text.bracketed(value) if value else None, default, notes))
    return found


def _preset_options(presets: Span) -> dict[str, Span] | None:
    """The options object of the first preset in `presets` (`['classic', {...}]`), if literal."""
    array = js_text.bracketed(presets)
    for item in js_text.items(array) if array else ():
        pair = js_text.bracketed(item)
        parts = js_text.items(pair) if pair and pair.kind == "[" else []
        options = js_text.bracketed(parts[1]) if len(parts) > 1 else None
        if options is not None and options.kind == "{":
            return js_text.entries(options)
    return None


def _plugin_instances(text: str, notes: list[str]) -> list[Instance]:
    """Extra `@docusaurus/plugin-content-*` instances listed in `plugins` with their options."""
    value = js_text.key_value(text, "plugins")
    array = js_text.bracketed(value) if value else None
    found: list[Instance] = []
    for item in js_text.items(array) if array else ():
        pair = js_text.bracketed(item)
        parts = js_text.items(pair) if pair and pair.kind == "[" else [item]
        name = parts[0].text[parts[0].start : parts[0].end]
        plugin = next((p for p in PLUGINS if f"content-{p}'" in name or f'content-{p}"' in name), None)
        if plugin is not None:
            options = js_text.bracketed(parts[1]) if len(parts) > 1 else None
            found.append(_instance(plugin, options, PLUGINS[plugin], notes))
    return found


def _instance(plugin: str, options: Span | None, default: str, notes: list[str]) -> Instance:
    settings = js_text.entries(options) if options is not None and options.kind == "{" else {}
    path, plugin_id = _text_setting(settings, "path", default), _text_setting(settings, "id", DEFAULT_ID)
    if path is None or plugin_id is None:
        notes.append(f"the {plugin} plugin's path is not a literal: `{default}` assumed")
    return Instance(plugin, plugin_id or DEFAULT_ID, _clean(path or default))


def _text_setting(settings: dict[str, Span], key: str, default: str) -> str | None:
    """A literal string setting, its default when absent, None when not a literal."""
    value = settings.get(key)
    if value is None:
        return default
    found = js_text.literal(value)
    return found if isinstance(found, str) and found.strip() else None


def _clean(path: str) -> str:
    """A plugin path as a folder relative to the site root (`./docs/` -> `docs`)."""
    parts = [part for part in path.replace("\\", "/").split("/") if part not in ("", ".")]
    return "/".join(parts) or "."


def _locales(text: str) -> tuple[str, ...] | None:
    """`i18n.locales` when the config lists them as literals."""
    i18n = js_text.key_value(text, "i18n")
    table = js_text.bracketed(i18n) if i18n else None
    value = js_text.entries(table).get("locales") if table and table.kind == "{" else None
    array = js_text.bracketed(value) if value else None
    if array is None or array.kind != "[":
        return None
    names = [js_text.literal(item) for item in js_text.items(array)]
    return tuple(n for n in names if isinstance(n, str)) if all(isinstance(n, str) for n in names) else None
