"""Start-up against a reference tree, one run: a pre-commit call on one changed page, and
`import linter.cli`.

    python benchmarks/one_file.py --tree old=/work/ref-cad6a8f [--rounds 15]

Three small sites, each copied once per tree (every tree keeps its own cache): `bare` (one
folder of articles, no config), `config` (the same with a `content-lint.toml` naming its own
schema) and `framework` (a Hugo site found by its `hugo.toml`, no config). Every round edits
one page of each, then runs `python -m linter check --force-exclude PAGE` with each tree's
code in turn (the cache warm for every other page, as pre-commit meets it), and times
`python -c "import linter.cli"` with `-X importtime`. The trees take turns, so all meet the
same load; the CPU ratio is given as the median (quartiles) of the rounds' ratios. Bytecode
is compiled first and used, as in an installed package.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from articles import front_matter, random_article, vocabulary

ROOT = Path(__file__).resolve().parent.parent
PAGES = 20
SCHEMA = """{"type": "object", "required": ["title"], "properties": {"title": {"type": "string", "minLength": 3}}}"""
HUGO_PAGE = '+++\ntitle = "Harbour note {n}"\ndate = 2024-06-{day:02d}\ntags = ["tides"]\n+++\nBody {n}.\n'


def write_sites(top: Path) -> dict[str, Path]:
    """The three sites; the page each round edits is `page-00.md` under the site's root."""
    words, rng = vocabulary(1), random.Random(2)
    sites = {name: top / name for name in ("bare", "config", "framework")}
    for name in ("bare", "config"):
        (sites[name] / ".git").mkdir(parents=True)
        for n in range(PAGES):
            lines = front_matter(random_article(rng, words, n)[0])
            (sites[name] / f"page-{n:02d}.md").write_text("\n".join(["---", *lines, "---", "Body.", ""]))
    (sites["config"] / "schema.json").write_text(SCHEMA)
    (sites["config"] / "content-lint.toml").write_text('schema = "schema.json"\n')
    framework = sites["framework"]
    (framework / ".git").mkdir(parents=True)
    (framework / "hugo.toml").write_text('title = "Harbour"\n')
    (framework / "content").mkdir()
    for n in range(PAGES):
        (framework / "content" / f"page-{n:02d}.md").write_text(HUGO_PAGE.format(n=n, day=n % 28 + 1))
    return sites


def page_of(site: Path) -> Path:
    return site / "content" / "page-00.md" if (site / "hugo.toml").exists() else site / "page-00.md"


def cpu_of(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    """CPU seconds (user + system) of one run, and its standard error."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stderr


def import_ms(env: dict[str, str]) -> float:
    """The cumulative `-X importtime` figure of `linter.cli`, in ms."""
    _, err = cpu_of(
        [sys.executable, "-X", "importtime", "-c", "import linter.cli"], Path(env["PYTHONPATH"]), env
    )
    line = next(line for line in reversed(err.splitlines()) if line.endswith("| linter.cli"))
    return int(line.split("|")[1]) / 1000


def check_page(site: Path, env: dict[str, str], round_number: int) -> float:
    page = page_of(site)
    text = page.read_text()
    page.write_text(text.replace("Body", f"Body {round_number}", 1) if round_number else text)
    command = [sys.executable, "-m", "linter", "check", "--force-exclude", str(page.relative_to(site))]
    cpu, _ = cpu_of(command, site, env)
    return cpu


def ratios(values: list[float], base: list[float]) -> str:
    each = sorted(v / b for v, b in zip(values, base, strict=True))
    q1, median, q3 = statistics.quantiles(each, n=4) if len(each) > 1 else (each[0],) * 3
    return f"{median:.2f} ({q1:.2f}-{q3:.2f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", required=True, help="LABEL=DIR, a source tree to compare")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    trees = [(label, Path(path).resolve()) for label, path in (t.split("=", 1) for t in args.tree)]
    trees.append(("new", ROOT))
    env0 = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
    }
    with tempfile.TemporaryDirectory(prefix="cl-one-") as work:
        base_sites = write_sites(Path(work) / "sites")
        cpu: dict[tuple[str, str], list[float]] = {}
        imports: dict[str, list[float]] = {}
        envs = {}
        for label, tree in trees:
            subprocess.run(
                [sys.executable, "-m", "compileall", "-q", str(tree / "linter")],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            envs[label] = {**env0, "PYTHONPATH": str(tree)}
            for name, site in base_sites.items():
                shutil.copytree(site, Path(work) / label / name)
                check_page(Path(work) / label / name, envs[label], 0)  # fills the cache
        for round_number in range(1, args.rounds + 1):
            for label, _ in trees:
                imports.setdefault(label, []).append(import_ms(envs[label]))
                for name in base_sites:
                    site = Path(work) / label / name
                    cpu.setdefault((label, name), []).append(check_page(site, envs[label], round_number))
    first = trees[0][0]
    print(
        f"one changed page, pre-commit style, {args.rounds} rounds; CPU ms best (median); ratio to {first}: median of rounds (quartiles)"
    )
    for name in base_sites:
        for label, _ in trees:
            runs = cpu[(label, name)]
            ratio = ratios(runs, cpu[(first, name)])
            print(
                f"{name:>10} {label:>8}: {min(runs) * 1000:6.1f} ({statistics.median(runs) * 1000:6.1f}) ms  {ratio}"
            )
    for label, _ in trees:
        runs = imports[label]
        print(
            f"import linter.cli {label:>8}: {min(runs):6.1f} ({statistics.median(runs):6.1f}) ms  {ratios(runs, imports[first])}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
