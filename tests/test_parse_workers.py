"""A backlog is parsed on the other cores while this process records it: same results as parsing in
place, in order, and a worker that dies only costs time."""
from __future__ import annotations

from pathlib import Path

import pytest

from mailer.config import ProcessingConfig
from mailer.parse_workers import ParseWorkers, parse_all
from parsers import Tracking

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "mailer" / "samples").glob("*.eml"))
TRACKING = Tracking(("track@referloop.example",))


def groups_of_samples(n_groups: int) -> list[list[bytes]]:
    raws = [p.read_bytes() for p in SAMPLES]
    return [raws[i % len(raws):] + raws[:i % len(raws)] for i in range(n_groups)]


@pytest.fixture
def workers():
    pool = ParseWorkers(1)
    yield pool
    pool.close()


def test_a_backlog_parsed_by_a_worker_equals_parsing_in_place(workers):
    groups = groups_of_samples(4)
    assert list(workers.pipeline(groups, TRACKING)) == [parse_all(g, TRACKING) for g in groups]
    assert workers._pool is not None


def test_one_group_is_parsed_in_place_without_starting_a_worker(workers):
    [only] = groups_of_samples(1)
    assert list(workers.pipeline([only], TRACKING)) == [parse_all(only, TRACKING)]
    assert workers._pool is None


def test_a_killed_worker_costs_only_time(workers):
    groups = groups_of_samples(3)
    results = workers.pipeline(groups, TRACKING)
    first = next(results)
    for process in list(workers._pool._processes.values()):
        process.kill()
    rest = list(results)
    assert [first, *rest] == [parse_all(g, TRACKING) for g in groups]


def test_a_message_that_makes_the_parser_raise_is_reported_alone(monkeypatch):
    import mailer.parse_workers as module
    real = module.parse_message

    def fragile(raw, tracking):
        if b"boom" in raw:
            raise ValueError("parser bug")
        return real(raw, tracking)
    monkeypatch.setattr(module, "parse_message", fragile)
    out = parse_all([SAMPLES[0].read_bytes(), b"Subject: boom\n\nboom", SAMPLES[1].read_bytes()], TRACKING)
    assert [type(x).__name__ for x in out] == ["ParsedMessage", "ValueError", "ParsedMessage"]


@pytest.mark.parametrize("setting, cores, expected", [("auto", 2, 1), ("auto", 1, 0), ("auto", 16, 4), (0, 8, 0),
                                                      (3, 1, 3)])
def test_auto_leaves_one_core_to_the_recording_process(setting, cores, expected):
    assert ProcessingConfig(parse_workers=setting).worker_count(cores) == expected


def test_a_batch_started_ahead_gives_each_message_its_own_result(workers):
    raws = [p.read_bytes() for p in SAMPLES] * 3
    items = [(str(uid), raw) for uid, raw in enumerate(raws, start=1)]
    ahead = workers.ahead(items, TRACKING, group_size=4)
    expected = parse_all(raws, TRACKING)
    assert [ahead.take(key) for key, _ in items] == expected
    assert ahead.covers("1", raws[0]) and not ahead.covers("1", b"other bytes under a reused UID")
    assert not ahead.covers("999", raws[0])


def test_nothing_is_started_ahead_without_a_worker():
    pool = ParseWorkers(0)
    ahead = pool.ahead([(str(i), p.read_bytes()) for i, p in enumerate(SAMPLES)], TRACKING, group_size=1)
    assert not ahead.covers("0", SAMPLES[0].read_bytes())
    assert pool._pool is None
