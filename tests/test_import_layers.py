"""The import graph of `linter/` points one way: each layer uses only the layers below it, and
no modules import each other in a circle, so a newcomer can read the code bottom up (see the
layout in README's "How it works"). Every import statement is walked, module-level and the
lazy ones inside functions alike; only imports under `if TYPE_CHECKING:` are left out (they
never run). `from package import name` counts as using the package (its `__init__` runs and
its namespace is read) and, when `name` is a submodule, that submodule too."""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from tests.helpers import REPO

#: Low to high. A module may import its own layer and the ones before it; modules of one layer
#: (reporting, server, adopting) may use each other, but never in a circle.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("linter", "linter.findings", "linter.fixes", "linter.hashes", "linter.records"),  # shared by all
    ("linter.reading",),
    ("linter.config",),
    ("linter.fixing",),
    ("linter.rules",),
    ("linter.schema",),
    ("linter.running",),
    ("linter.reporting", "linter.server", "linter.adopting"),
    ("linter.cli", "linter.__main__"),  # and every linter/cli_*.py
)


@dataclass(frozen=True)
class Import:
    """One import statement's use of one module of the package."""

    source: str
    target: str
    where: str  # file:line

    def __str__(self) -> str:
        return f"{self.where}: {self.source} imports {self.target}"


def module_files(root: Path, package: str = "linter") -> dict[str, Path]:
    """Every module of the package under `root` by dotted name (a package by its own name)."""
    found = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports(root: Path, package: str = "linter") -> list[Import]:
    """Every import of one module of the package by another, in file order."""
    modules = module_files(root, package)
    found = []
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        where = path.relative_to(root)
        for node in _run_imports(ast.parse(path.read_text(encoding="utf-8"))):
            for target in _targets(node, name, is_package, modules):
                if target != name:
                    found.append(Import(name, target, f"{where}:{node.lineno}"))
    return found


def layer(module: str) -> int:
    """The index in LAYERS of the layer `module` belongs to; -1 for none."""
    if module.startswith("linter.cli_"):
        return len(LAYERS) - 1
    best, rank = "", -1
    for index, names in enumerate(LAYERS):
        for name in names:
            inside = "." in name and module.startswith(name + ".")  # not every module is in `linter`'s
            if (module == name or inside) and len(name) > len(best):
                best, rank = name, index
    return rank


def upward(found: list[Import]) -> list[str]:
    """Imports from a lower layer to a higher one, each with the rule it breaks."""
    return [
        f"{edge}: layer {_layer_name(layer(edge.source))} must not import "
        f"the higher layer {_layer_name(layer(edge.target))}"
        for edge in found
        if layer(edge.target) > layer(edge.source)
    ]


def cycles(found: list[Import]) -> list[str]:
    """Each circle of modules that import each other (a strongly connected component), with
    the imports that close it."""
    graph: dict[str, set[str]] = {}
    for edge in found:
        graph.setdefault(edge.source, set()).add(edge.target)
        graph.setdefault(edge.target, set())
    reports = []
    for component in _components(graph):
        inside = [str(e) for e in found if e.source in component and e.target in component]
        reports.append(
            f"modules import each other in a circle: {', '.join(sorted(component))}\n    "
            + "\n    ".join(inside)
        )
    return reports


def _run_imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements that run: all of them but those under `if TYPE_CHECKING:`."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child.test):
                stack.extend(child.orelse)
            else:
                stack.append(child)


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _targets(
    node: ast.Import | ast.ImportFrom, name: str, is_package: bool, modules: Mapping[str, Path]
) -> Iterator[str]:
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names if alias.name in modules)
        return
    base = node.module or ""
    if node.level:  # relative: from the module's package, one step up per extra dot
        here = name.split(".") if is_package else name.split(".")[:-1]
        here = here[: len(here) - node.level + 1]
        base = ".".join([*here, base] if base else here)
    if base in modules:
        yield base
    for alias in node.names:
        if f"{base}.{alias.name}" in modules:
            yield f"{base}.{alias.name}"


def _components(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's strongly connected components of more than one module, without recursion."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(component)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def _layer_name(rank: int) -> str:
    return (
        "/".join(name.removeprefix("linter.") for name in LAYERS[rank] if name != "linter")
        if rank >= 0
        else "?"
    )


def test_every_module_has_a_layer() -> None:
    homeless = [name for name in module_files(REPO) if layer(name) < 0]
    assert not homeless, f"add these modules' package to LAYERS in {Path(__file__).name}: {homeless}"


def test_no_import_runs_up_the_layers() -> None:
    problems = upward(imports(REPO))
    assert not problems, "\n" + "\n".join(problems)


def test_no_modules_import_each_other_in_a_circle() -> None:
    problems = cycles(imports(REPO))
    assert not problems, "\n" + "\n".join(problems)


def test_the_walk_finds_lazy_upward_imports_and_circles(tmp_path: Path) -> None:
    """The checks above can fail: a planted upward import inside a function, and a circle
    through `from package import submodule`, are both named; a TYPE_CHECKING import is not."""
    files = {
        "linter/__init__.py": "",
        "linter/reading/__init__.py": "",
        "linter/reading/document.py": (
            "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from linter.rules.base import Rule\n"
            "def fix():\n    from linter.reporting.diff import unified_diff\n"
        ),
        "linter/rules/__init__.py": "from linter.rules.urls import URLS\n",
        "linter/rules/urls.py": "from linter.rules import urlnorm\nURLS = 1\n",
        "linter/rules/urlnorm.py": "",
        "linter/rules/base.py": "",
        "linter/reporting/__init__.py": "",
        "linter/reporting/diff.py": "from . import __name__ as _n\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    found = imports(tmp_path)
    assert upward(found) == [
        "linter/reading/document.py:5: linter.reading.document imports linter.reporting.diff: "
        "layer reading must not import the higher layer reporting/server/adopting"
    ]
    assert cycles(found) == [
        "modules import each other in a circle: linter.rules, linter.rules.urls\n"
        "    linter/rules/__init__.py:1: linter.rules imports linter.rules.urls\n"
        "    linter/rules/urls.py:1: linter.rules.urls imports linter.rules"
    ]
