"""Without --jobs, workers start only where they pay off (issue 13): the first files are timed
in this process, and the rest go to workers when that saves a fifth of the time or more."""

from __future__ import annotations

from helpers import ARTICLE

from linter.cli import main
from linter.running.parallel import MIN_SAVING, WORKER_START_SECONDS, workers_that_pay_off


def test_small_or_cheap_runs_stay_in_one_process():
    assert workers_that_pay_off(8, 100, 300e-6) == 1
    assert workers_that_pay_off(2, 2_000, 50e-6) == 1  # a real site's small front matter
    assert workers_that_pay_off(1, 100_000, 300e-6) == 1


def test_big_or_costly_runs_use_workers():
    assert workers_that_pay_off(2, 20_000, 300e-6) == 2
    assert workers_that_pay_off(2, 2_000, 2e-3) == 2
    assert workers_that_pay_off(8, 100_000, 300e-6) == 8


def test_the_crossover_is_where_workers_save_the_minimum_share():
    per_file = 300e-6
    # two workers: files * per_file / 2 + 2 * start <= (1 - MIN_SAVING) * files * per_file
    crossover = 2 * WORKER_START_SECONDS / (per_file * (0.5 - MIN_SAVING))
    assert workers_that_pay_off(2, int(crossover) - 50, per_file) == 1
    assert workers_that_pay_off(2, int(crossover) + 50, per_file) == 2


def test_no_more_workers_than_the_run_can_use():
    assert workers_that_pay_off(8, 600, 1.0) == 2  # 250 files a worker at least


def test_default_run_reports_like_one_process(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content-lint.toml").write_text('reference-time = "2026-11-26T12:00:00Z"\n')
    (tmp_path / "content").mkdir()
    for index in range(600):
        text = ARTICLE.replace("sea-wall-approved", f"story-{index}")
        if index % 100 == 0:
            text = text.replace("quality: 50", "quality: 150")
        (tmp_path / "content" / f"a{index:03}.md").write_text(text)
    outputs = []
    for jobs in ([], ["--jobs", "1"]):
        assert main(["check", "content", "--no-cache", *jobs]) == 1
        outputs.append(capsys.readouterr())
    assert outputs[0] == outputs[1]
    assert outputs[0].out.count("FM100") == 6
