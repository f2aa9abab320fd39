"""Write a deterministic corpus of seed-like articles with planted defects, for the benchmarks.

    python benchmarks/corpus.py OUT_DIR --files N --seed S [--per-folder 1000] [--defect-rate 0.1] [--git]

Files go to OUT_DIR/0000/, OUT_DIR/0001/, ... (`--per-folder` each); about `--defect-rate`
of them get one planted defect, cycling through `defects.DEFECTS`. OUT_DIR/manifest.json,
written last, counts the defects per kind and lists each defective file with the codes it
must produce. Lint with `--reference-time 2026-11-26T12:00:00Z`. With `--git` the corpus is
committed to a repository of its own, as a site is: every walk then asks git for the files
(what pre-commit and a local run meet), which the benchmarks measure apart.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from articles import REFERENCE_TIME, Article, Vocabulary, front_matter, random_article, vocabulary
from defects import DEFECTS, Case, Defect, Layout, Partner

GENERATOR_VERSION = 1
MANIFEST = "manifest.json"


def render(article: Article, layout: Layout, body: str) -> str:
    lines = front_matter(article)
    if layout.open_title_quote:
        lines[1] = lines[1][:-1]  # drop the closing quote of `title: "..."`
    lines[2:2] = layout.after_title
    lines += layout.at_end
    closing = ["---"] if layout.closed else []
    return "\n".join(["---", *lines, *closing, body, ""])


class Generator:
    """Builds file after file; remembers the last clean file for `duplicate-article`."""

    def __init__(self, seed: int, defect_rate: float) -> None:
        self.rng = random.Random(seed)
        self.vocab: Vocabulary = vocabulary(seed)
        self.rate = defect_rate
        self.turn = 0
        self.partner: Partner | None = None
        self.planted: list[dict[str, Any]] = []

    def _next_defect(self) -> Defect:
        while True:
            defect = DEFECTS[self.turn % len(DEFECTS)]
            self.turn += 1
            if not defect.partner_codes or self.partner is not None:
                return defect

    def text(self, index: int, path: str) -> str:
        article, moment = random_article(self.rng, self.vocab, index)
        body = " ".join(self.rng.choices(self.vocab.words, k=12)).capitalize() + "."
        layout = Layout()
        if self.rng.random() >= self.rate:
            self.partner = Partner(path, article.web_url, article.provider)
            return render(article, layout, body)
        defect = self._next_defect()
        case = Case(article, moment, self.rng, self.vocab, layout, self.partner)
        defect.plant(case)
        self.planted.append({"path": path, "kind": defect.kind, "codes": list(defect.codes)})
        if defect.partner_codes and self.partner is not None:
            partner = {"path": self.partner.path, "kind": defect.kind, "codes": list(defect.partner_codes)}
            self.planted.append({**partner, "partner_of": path})
            self.partner = None  # each clean file is copied at most once
        return render(article, layout, body)


def file_path(index: int, per_folder: int) -> str:
    return f"{index // per_folder:04d}/a{index:06d}.md"


def manifest(
    files: int, seed: int, per_folder: int, rate: float, planted: list[dict[str, Any]]
) -> dict[str, Any]:
    kinds = Counter(p["kind"] for p in planted if "partner_of" not in p)
    expected = Counter(code for p in planted for code in p["codes"])
    return {
        "generator": GENERATOR_VERSION,
        "files": files,
        "seed": seed,
        "per_folder": per_folder,
        "defect_rate": rate,
        "reference_time": REFERENCE_TIME,
        "defective_files": len(planted),
        "defects": {d.kind: kinds.get(d.kind, 0) for d in DEFECTS},
        "expected_findings": dict(sorted(expected.items())),
        "planted": planted,
    }


def prepare(out: Path) -> None:
    """An empty OUT_DIR; an earlier corpus (one with our manifest) is replaced, nothing else is."""
    if out.exists() and any(out.iterdir()):
        if not (out / MANIFEST).is_file():
            raise SystemExit(f"{out} is not empty and holds no {MANIFEST}; refusing to overwrite it")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def generate(out: Path, files: int, seed: int, per_folder: int = 1000, rate: float = 0.1) -> dict[str, Any]:
    prepare(out)
    generator = Generator(seed, rate)
    for index in range(files):
        path = file_path(index, per_folder)
        if index % per_folder == 0:
            (out / path).parent.mkdir()
        with open(out / path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(generator.text(index, path))
    data = manifest(files, seed, per_folder, rate, generator.planted)
    (out / MANIFEST).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return data


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="output folder (created; an earlier corpus is replaced)")
    parser.add_argument("--files", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--per-folder", type=int, default=1000, help="files per subfolder (default 1000)")
    parser.add_argument(
        "--defect-rate", type=float, default=0.1, help="share of defective files (default 0.1)"
    )
    parser.add_argument("--git", action="store_true", help="commit the corpus to a git repository of its own")
    return parser.parse_args(argv)


def commit(out: Path) -> None:
    """`out` as a git work tree with everything committed (a fixed author, no hooks or config)."""
    identity = [
        "-c",
        "user.name=corpus",
        "-c",
        "user.email=corpus@example.org",
        "-c",
        "core.hooksPath=/dev/null",
    ]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "corpus"]):
        subprocess.run(["git", *identity, *command], cwd=out, check=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    data = generate(args.out, args.files, args.seed, args.per_folder, args.defect_rate)
    if args.git:
        commit(args.out)
    print(f"wrote {data['files']} files to {args.out} ({data['defective_files']} with planted defects)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
