"""How long the language server takes from an edit to its diagnostics, on a large project.

    python benchmarks/server_latency.py --files 10000 [--edits 50] [--keep DIR]

Builds the benchmark corpus, indexes it once as the server does at start (timed), then
replays edits of one file (a clean version, then one with a duplicate URL) through the same
`Workspace.lint_text` the server calls on didChange, and prints the latency percentiles.
The LSP framing itself (a few hundred microseconds of JSON) is not included.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate

from linter.config.settings import config_from_table
from linter.server.workspace import Workspace

REFERENCE_TIME = "2026-11-26T12:00:00Z"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="corpus folder to reuse")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="cl-server-"))
    if not (folder / "manifest.json").is_file():
        generate(folder, args.files, seed=1)
    config_file = folder / "content-lint.toml"
    config = config_from_table({"reference-time": REFERENCE_TIME}, config_file)
    project = Workspace(config)
    started = time.perf_counter()
    indexed = project.index()
    print(f"index: {indexed} files in {time.perf_counter() - started:.2f} s (once, in the background)")
    target = sorted(folder.glob("0000/*.md"))[0]
    clean = target.read_text(encoding="utf-8")
    other = sorted(folder.glob("0001/*.md"))[0].read_text(encoding="utf-8")
    duplicate = _with_url_of(clean, other)
    timings = []
    for edit in range(args.edits):
        text = duplicate if edit % 2 else clean
        started = time.perf_counter()
        findings = project.lint_text(str(target), text)
        timings.append((time.perf_counter() - started) * 1000)
        if edit == 1:
            print(f"edit with a duplicate URL: {sorted({f.code for f in findings})}")
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"edit -> diagnostics over {indexed} files: median {statistics.median(timings):.1f} ms,"
        f" p95 {p95:.1f} ms, max {timings[-1]:.1f} ms ({args.edits} edits)"
    )
    return 0


def _with_url_of(text: str, other: str) -> str:
    """`text` with the `webUrl` line of `other`, so FM404 fires against the index."""
    line = next(line for line in other.splitlines() if line.startswith("webUrl:"))
    return "\n".join(line if row.startswith("webUrl:") else row for row in text.splitlines()) + "\n"


if __name__ == "__main__":
    sys.exit(main())
