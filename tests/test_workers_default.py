"""Without --jobs, workers start only where they pay off (issue 13): the first files are timed
in this process, and the rest go to workers when that saves a fifth of the time or more."""

from __future__ import annotations

import os

import pytest
from helpers import ARTICLE, REFERENCE_TIME

from linter.cli import main
from linter.running.machine_load import cores_got, runnable_others
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


def test_on_a_loaded_machine_workers_start_only_where_their_share_of_the_cores_pays():
    """Issue 23: beside other work two workers get less than two cores (the scheduler shares
    them among all runnable processes), so they need a bigger run to pay off."""
    assert workers_that_pay_off(2, 2_000, 300e-6, others=0.0) == 2
    assert workers_that_pay_off(2, 2_000, 300e-6, others=1.0) == 1  # 1.33 cores, not 2
    assert workers_that_pay_off(2, 20_000, 300e-6, others=1.0) == 2
    assert workers_that_pay_off(8, 100_000, 300e-6, others=8.0) == 8


@pytest.mark.parametrize(
    ("processes", "others", "got"), [(1, 0.0, 1.0), (2, 0.0, 2.0), (1, 2.0, 2 / 3), (2, 2.0, 1.0)]
)
def test_processes_share_the_cores_with_the_others(processes, others, got):
    assert cores_got(processes, 2, others) == pytest.approx(got)


def test_the_others_are_what_runs_beside_this_run_now():
    """Where Linux says it (the run queue of /proc/loadavg); this process is not counted."""
    assert runnable_others() >= 0.0


def test_without_a_run_queue_or_load_average_no_other_work_is_assumed(monkeypatch):
    def unknown(*args: object) -> tuple[float, float, float]:
        raise OSError("not on this platform")

    monkeypatch.setattr(os, "getloadavg", unknown)
    monkeypatch.setattr("builtins.open", unknown)
    assert runnable_others() == 0.0


def test_no_more_workers_than_the_run_can_use():
    assert workers_that_pay_off(8, 600, 1.0) == 2  # 250 files a worker at least


def test_default_run_reports_like_one_process(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content-lint.toml").write_text(REFERENCE_TIME)
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
