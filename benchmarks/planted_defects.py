"""Plant defects of our own into copies of the practice sites and check each is found where it
was planted, with no config and from the repository root, as a new user runs content-lint.

The sites live in ../shared/sites (real sites, kept out of the project: only read and copied to
a temporary folder here). Each planted page is a file we write, in the framework's style; the
report prints, per site, the defects found at their exact line and column, the misses, and any
other finding on the planted pages. Usage: python benchmarks/planted_defects.py [content-lint]
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

SITES = Path(__file__).resolve().parents[2] / "shared" / "sites"
NOW = "2026-12-01T00:00:00Z"


class Plant(NamedTuple):
    path: str  # relative to the site copy's root
    text: str
    expected: tuple[tuple[int, int, str], ...]  # (line, column, code) findings at this page


PLANTS: dict[str, list[Plant]] = {
    "docusaurus-prettier": [
        Plant("docs/zz-planted-a.md", "---\nid: planted\ntitle: A\n---\n", ((2, 5, "FM404"),)),
        Plant("docs/zz-planted-b.md", "---\nid: planted\ntitle: B\n---\n", ((2, 5, "FM404"),)),
        Plant(
            "docs/zz-planted-toc.md", "---\ntitle: C\ntoc_max_heading_level: 9\n---\n", ((3, 24, "FM100"),)
        ),
        Plant(
            "website/blog/2023-06-30-planted.md",
            "---\ntitle: D\ndate: 2023-06-31\nimage: http://example.com/a.png\n---\n",
            ((3, 7, "FM205"), (4, 8, "FM402")),
        ),
    ],
    "hugo-docsy": [
        Plant(
            "docsy.dev/content/en/zz-planted.md",
            "---\ntitle: A\ndate: 2024-05-01\nlastmod: 2024-01-01\naliases: [/planted-alias/]\n---\n",
            ((4, 10, "FM204"), (5, 11, "FM404")),
        ),
        Plant(
            "docsy.dev/content/en/zz-planted-b.md",
            "---\ntitle: B\naliases: [/planted-alias/]\n---\n",
            ((3, 11, "FM404"),),
        ),
        Plant(
            "docsy.dev/content/en/zz-planted-c.md",
            "---\ntitle: C\ndate: 2023-13-01\n---\n",
            ((3, 7, "FM205"),),
        ),
    ],
    "starlight-biome": [
        Plant("src/content/docs/zz-planted-a.md", "---\ndescription: no title\n---\n", ((2, 1, "FM100"),)),
        Plant(
            "src/content/docs/zz-planted-b.md",
            "---\ntitle: B\nlastUpdated: 2031-01-01\n---\n",
            ((3, 14, "FM201"),),
        ),
        Plant(
            "src/content/docs/zz-planted-c.md", "---\ntitle: C\nslug: planted/slug\n---\n", ((3, 7, "FM404"),)
        ),
        Plant(
            "src/content/docs/zz-planted-d.md", "---\ntitle: D\nslug: planted/slug\n---\n", ((3, 7, "FM404"),)
        ),
    ],
    "jekyll-training-kit": [
        Plant("zz-planted-a.md", "---\ntitle: A\npermalink: /planted/\n---\n", ((3, 12, "FM404"),)),
        Plant("zz-planted-b.md", "---\ntitle: B\npermalink: /planted/\n---\n", ((3, 12, "FM404"),)),
        Plant("zz-planted-c.md", "---\ntitle: C\ndate: yesterday\n---\n", ((3, 7, "FM205"),)),
    ],
    "zola-docs": [
        Plant(
            "docs/content/zz-planted-a.md",
            '+++\ntitle = "A"\ndate = 2024-05-01\nupdated = 2024-01-01\npath = "planted"\n+++\n',
            ((4, 11, "FM204"), (5, 8, "FM404")),
        ),
        Plant(
            "docs/content/zz-planted-b.md", '+++\ntitle = "B"\npath = "planted"\n+++\n', ((3, 8, "FM404"),)
        ),
        Plant(
            "docs/content/zz-planted-c.md", '+++\ntitle = "C"\ndescrption = "x"\n+++\n', ((3, 1, "FM100"),)
        ),
    ],
    "eleventy-11ty-website": [
        Plant("src/zz-planted-a.md", "---\ntitle: A\npermalink: /planted/\n---\n", ((3, 12, "FM404"),)),
        Plant("src/zz-planted-b.md", "---\ntitle: B\npermalink: /planted/\n---\n", ((3, 12, "FM404"),)),
        Plant("src/zz-planted-c.md", "---\ntitle: C\ndate: 2023-02-30\n---\n", ((3, 7, "FM205"),)),
    ],
    "mkdocs-material-docs": [
        Plant("docs/blog/posts/zz-planted.md", "---\ndate: 2024-02-30\n---\n# Post\n", ((2, 7, "FM205"),)),
        Plant("docs/zz-planted.md", "---\ntitle: A\ndescripton: x\n---\n", ((3, 1, "FM101"),)),
    ],
    "vitepress-vite-docs": [
        Plant("docs/zz-planted.md", "---\ntitle: A\ndate: 2023-06-31\n---\n", ((3, 7, "FM205"),)),
        Plant("docs/zz-planted-b.md", "---\ntitle: B\ndescripton: x\n---\n", ((3, 1, "FM101"),)),
    ],
}


def findings(command: str, root: Path) -> list[dict[str, object]]:
    """The JSON report of a first run (no config) from `root`."""
    done = subprocess.run(
        [command, "check", "--no-cache", "--output-format", "json", "--reference-time", NOW, "."],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    found: list[dict[str, object]] = json.loads(done.stdout)["findings"]
    return found


def measure(command: str, site: str, plants: list[Plant]) -> tuple[int, int, list[str]]:
    """(planted, found at the exact place, notes on misses and extra findings)."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / site
        shutil.copytree(SITES / site, root)
        subprocess.run(["git", "init", "-q", "."], cwd=root, check=True)
        for plant in plants:
            (root / plant.path).parent.mkdir(parents=True, exist_ok=True)
            (root / plant.path).write_text(plant.text, encoding="utf-8")
        report = findings(command, root)
    got = {(str(f["path"]), f["line"], f["column"], f["code"]) for f in report}
    planted = found = 0
    notes = []
    for plant in plants:
        for line, column, code in plant.expected:
            planted += 1
            if (plant.path, line, column, code) in got:
                found += 1
            else:
                seen = sorted(g for g in got if g[0] == plant.path)
                notes.append(f"missed {code} at {plant.path}:{line}:{column} (there: {seen})")
    expected = {(p.path, *e) for p in plants for e in p.expected}
    notes += [f"also {g}" for g in sorted(got - expected) if any(g[0] == p.path for p in plants)]
    return planted, found, notes


def main() -> int:
    command = str(Path(sys.argv[1]).resolve()) if len(sys.argv) > 1 else "content-lint"
    if not SITES.is_dir():
        print(f"no practice sites at {SITES}", file=sys.stderr)
        return 2
    total = hit = 0
    for site, plants in PLANTS.items():
        planted, found, notes = measure(command, site, plants)
        total, hit = total + planted, hit + found
        print(f"{site:<24} {found}/{planted} planted defects found at their line and column")
        for note in notes:
            print(f"    {note}")
    print(f"{'all':<24} {hit}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
