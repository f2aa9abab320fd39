"""`content-lint init`: look at a site and write a starting `content-lint.toml` and schemas.

A preset applies where the framework has one; elsewhere the schema is inferred from the site's
own front matter (`linter.adopting.infer`) and roles are proposed from names and values
(`linter.adopting.roles`); `--from` imports a CMS's content types (`linter.adopting.cms`). The plan says
why it decided each thing; nothing is written over an existing file without `force`.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.adopting.infer import infer_schema
from linter.adopting.read import Group, folder_groups, read_documents, type_name
from linter.adopting.roles import propose_roles, self_contained
from linter.adopting.toml_text import toml_document
from linter.config.presets.model import SITE_RULES, Site
from linter.config.settings import CONFIG_FILE
from linter.config.sites import detect_site, nested_folders
from linter.fixing.atomic import write_atomic

SCHEMA_FOLDER = "schemas"
LOOKED_FOR = "the files of every framework `content-lint presets` lists"
HEADER = "# Written by `content-lint init`: a starting point to review and commit.\n"
EMPTY_ROLES = "# A role written as [] binds nothing (rather than the news-article default's fields).\n"


class InitError(Exception):
    """Init cannot go on: one line for the user (exit status 2)."""


@dataclass
class Plan:
    """What init will write and why. `said` is printed line by line; `files` maps a path
    relative to the site's folder to its bytes; `check_paths` are what the closing check reads."""

    said: list[str] = field(default_factory=list)
    table: dict[str, Any] = field(default_factory=dict)
    schemas: dict[str, dict[str, Any]] = field(default_factory=dict)
    check_paths: list[str] = field(default_factory=list)
    #: Where the config goes when not in the folder init was given (a monorepo's site).
    folder: Path | None = None

    def add_type(self, entry: dict[str, Any], schema: dict[str, Any] | None = None) -> None:
        names = {t["name"] for t in self.table.get("types", [])}
        name, number = entry["name"], 2
        while entry["name"] in names:
            entry["name"], number = f"{name}-{number}", number + 1
        if schema is not None:
            entry["schema"] = f"{SCHEMA_FOLDER}/{entry['name']}.schema.json"
            self.schemas[entry["schema"]] = schema
        self.table.setdefault("types", []).append(entry)

    def files(self) -> dict[str, bytes]:
        header = HEADER + (EMPTY_ROLES if self.schemas else "")
        written = {CONFIG_FILE: (header + toml_document(self.table)).encode("utf-8")}
        for name, schema in self.schemas.items():
            written[name] = (json.dumps(schema, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        return written


def plan_site(folder: Path) -> Plan:
    """A known framework (in `folder` or one level of monorepo below): its preset, whose
    content folders are read from the framework's own files on every run. Otherwise a type per
    content folder with a schema inferred from its front matter."""
    site = detect_site(folder) or _nested_site(folder)
    if site is not None:
        return _framework_plan(site, folder)
    plan = Plan(said=[f"framework: none recognised (looked for {LOOKED_FOR}); inferring from front matter"])
    groups = [g for g in folder_groups(folder, ()) if g.files]
    if not groups:
        raise InitError(f"{folder}: no content file found (looked for *.md, *.mdx and the like)")
    for group in groups:
        _infer_type(plan, group)
    if not plan.table.get("types"):
        raise InitError(f"{folder}: no file with front matter found; nothing to infer a schema from")
    plan.check_paths.append(str(folder))
    return plan


def _framework_plan(site: Site, folder: Path) -> Plan:
    """`preset = ...` in the site's own folder: the check then finds its pages as it does
    without a config, so the closing check and every later `check` agree."""
    where = os.path.relpath(site.root, folder)
    pages = ", ".join(os.path.normpath(os.path.join(where, f)) for f in site.folders) or where
    plan = Plan(
        said=[
            f"framework: {site.framework} ({site.evidence})",
            f"preset: `{site.preset}` (shipped for {site.framework})",
            f"pages: {pages}",
        ],
        table={"preset": site.preset},
        check_paths=[str(folder)],
        folder=None if site.root == folder.resolve() else site.root,
    )
    return plan


def _nested_site(folder: Path) -> Site | None:
    """The one site a monorepo keeps below `folder` (`website/`, `docs/`); None for none or
    several (init is then run in the site's folder)."""
    found = [site for sub in nested_folders(folder.resolve()) if (site := detect_site(sub)) is not None]
    return found[0] if len(found) == 1 else None


def _infer_type(plan: Plan, group: Group) -> bool:
    """A type with a schema inferred from the group's files; False when none has front matter."""
    documents, skipped = read_documents(group.files)
    if not documents:
        plan.said.append(f"no type for {', '.join(group.paths)}: {'; '.join(skipped)}")
        return False
    inferred = infer_schema(documents, f"{group.name} front matter (inferred by content-lint init)")
    roles, reasons = propose_roles(documents)
    entry = {"name": group.name, "paths": list(group.paths), "roles": self_contained(roles)}
    # A site's pages, as under the shipped presets: HTML titles, descriptions that may wrap or
    # expand the title, paths that two pages may both publish.
    entry["rules"] = {name: dict(options) for name, options in SITE_RULES.items()}
    plan.add_type(entry, inferred.schema)
    plan.said.append(
        f"type `{entry['name']}`: {', '.join(group.paths)}, schema inferred from {len(documents)} file(s)"
        f" -> {entry['schema']}"
    )
    plan.said.extend(f"  {note}" for note in [*skipped, *inferred.notes])
    plan.said.extend(f"  role {reason}" for reason in reasons)
    return True


def plan_cms(folder: Path, source: Path) -> Plan:
    """A type per content type of a Front Matter CMS or Decap CMS config."""
    from linter.adopting.cms import CmsConfigError
    from linter.adopting.cms_import import import_cms_config

    try:
        imported = import_cms_config(source)
    except CmsConfigError as exc:
        raise InitError(str(exc)) from None
    if not imported:
        raise InitError(f"{source}: declares no content type")
    plan = Plan(said=[f"content types: {len(imported)} from {source}"])
    for item in imported:
        name = type_name(item.name.replace("/", "-"))
        entry: dict[str, Any] = {"name": name, "paths": item.paths, "roles": self_contained(item.roles)}
        if item.roles.get("images"):  # image files the CMS manages: check they exist and fit (FM303)
            entry["rules"] = {"image-file-mismatch": {}}
        plan.add_type(entry, item.schema)
        plan.said.append(f"type `{entry['name']}`: {', '.join(item.paths)} -> {entry['schema']}")
        plan.said.extend(f"  {note}" for note in item.notes)
        plan.check_paths.extend(
            str(folder / p.strip("/")) for p in item.paths if (folder / p.strip("/")).exists()
        )
    return plan


def write_plan(plan: Plan, folder: Path, force: bool) -> list[str]:
    """Write the plan's files under `folder`; InitError, before writing anything, for a file
    that exists (unless `force`) or a schemas folder that is not a real folder."""
    files = plan.files()
    for name in files:
        target = folder / name
        if os.path.lexists(target) and not force:
            raise InitError(f"{target} exists; pass --force to overwrite it")
    if plan.schemas:
        _schema_folder(folder / SCHEMA_FOLDER)
    for name, data in files.items():
        write_atomic(folder / name, data)
    return list(files)


def _schema_folder(path: Path) -> None:
    """Create the schemas folder; a planted symlink there would send writes elsewhere."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        path.mkdir()
        return
    if not stat.S_ISDIR(mode):
        raise InitError(f"{path} exists and is not a folder")
