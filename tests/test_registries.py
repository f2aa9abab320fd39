"""Every rule, preset and output format the code defines is in its registry, and what each
registry entry needs besides its code (docs, examples, tests) is there: the lists README and the
other tests derive from the registries then cover it. CONTRIBUTING.md names these steps."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from types import ModuleType

import pytest
from helpers import REPO

import linter.config.presets
import linter.reporting
import linter.rules
from linter.cli import main
from linter.config.presets import PRESETS, Preset
from linter.reporting import REPORTERS, Reporter
from linter.rules.base import Rule
from linter.rules.registry import ALL_RULES

#: Tests that list every rule because they check lists, not the rule.
LISTS_EVERY_RULE = {"test_readme.py", "test_rule_docs_roles.py", "test_registries.py"}


def _modules(package: ModuleType) -> list[ModuleType]:
    prefix = f"{package.__name__}."
    return [importlib.import_module(prefix + info.name) for info in pkgutil.iter_modules(package.__path__)]


def _classes(package: ModuleType, base: type) -> list[type]:
    """The subclasses of `base` the package's modules define (not those they import)."""
    found = []
    for module in _modules(package):
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, base) and value is not base and value.__module__ == module.__name__:
                found.append(value)
    return found


def test_every_rule_class_is_in_the_registry():
    rules = [cls for cls in _classes(linter.rules, Rule) if "code" in vars(cls)]
    missing = [f"{cls.__module__}.{cls.__name__}" for cls in rules if cls not in ALL_RULES]
    assert missing == [], (
        "list each in its module's *_RULES tuple (a new module's in linter/rules/registry.py)"
    )


def test_every_preset_module_is_in_the_registry():
    presets = [module.PRESET for module in _modules(linter.config.presets) if hasattr(module, "PRESET")]
    assert presets and all(isinstance(preset, Preset) for preset in presets)
    missing = [preset.name for preset in presets if PRESETS.get(preset.name) is not preset]
    assert missing == [], "add each to PRESETS in linter/config/presets/__init__.py"


def test_every_reporter_class_is_in_the_registry():
    registered = {REPORTERS[name] for name in REPORTERS}
    missing = [cls.__name__ for cls in _classes(linter.reporting, Reporter) if cls not in registered]
    assert missing == [], "add each format's (module, class) in linter/reporting/__init__.py"


def test_an_unknown_format_is_refused_with_every_registered_one(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--output-format", "nope", "."]) == 2
    assert capsys.readouterr().err.endswith(f"(choose from {', '.join(sorted(REPORTERS))})\n")


@pytest.mark.parametrize("name", list(REPORTERS))
def test_every_format_module_says_what_it_is_for(name):
    module = importlib.import_module(linter.reporting.format_module(name))
    assert (module.__doc__ or "").strip(), "its docstring's first paragraph is its README entry"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_every_rule_has_a_test_that_names_its_code(rule):
    tests = [path for path in (REPO / "tests").rglob("test_*.py") if path.name not in LISTS_EVERY_RULE]
    assert any(rule.code in path.read_text(encoding="utf-8") for path in tests), (
        f"assert {rule.code}'s code, line and column in a test (tests/rules/)"
    )


FRAMEWORKS = [preset for preset in PRESETS.values() if preset.framework and preset.detect is not None]


@pytest.mark.parametrize("preset", FRAMEWORKS, ids=lambda preset: preset.name)
def test_every_framework_preset_has_its_own_tests(preset):
    assert (REPO / "tests" / f"test_preset_{preset.name}.py").is_file()


def test_presets_without_detection_are_the_defaults():
    """A preset for a framework finds the framework's sites (`detect` in its module)."""
    assert sorted(name for name, preset in PRESETS.items() if preset.detect is None) == [
        "generic",
        "news-article",
    ]


@pytest.mark.parametrize("preset", PRESETS.values(), ids=lambda preset: preset.name)
def test_every_preset_ships_its_schema(preset):
    assert re.fullmatch(r"[\w-]+\.schema\.json", preset.schema)
    assert (REPO / "schemas" / preset.schema).is_file()


CONTRIBUTING = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_contributing_names_files_and_tests_that_exist():
    """A path in CONTRIBUTING.md exists (a `<name>` part: its folder does), and a
    `file::test` is a test defined in that file."""
    named = re.findall(r"`([\w./<>-]+/[\w./<>:-]*)`", CONTRIBUTING)
    assert len(named) > 20
    for name in named:
        path, _, test = name.partition("::")
        if "<" in path:
            assert (REPO / path.split("<")[0].rpartition("/")[0]).is_dir(), name
            continue
        assert (REPO / path).exists(), name
        if test:
            assert re.search(rf"^def {re.escape(test)}\(", (REPO / path).read_text(), re.MULTILINE), name
