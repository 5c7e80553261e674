"""Parsing a backlog on the machine's other cores.

Parsing is pure CPU work (bytes in, dataclasses out) and takes about as long as recording what it found,
so on a machine with spare cores a worker process parses the next group of messages while this process
records the current one, and a freshly fetched batch while this process stores it. Single messages, and machines with one core, are parsed in place: a worker
only pays off when there is a queue to overlap with.

A worker that dies (out of memory on a hostile message, killed by an operator) costs nothing but time:
its group is parsed here instead and a fresh worker is started for the next group.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from parsers import ParsedMessage, Tracking, parse_message

log = logging.getLogger("referloop")

Parsed = ParsedMessage | Exception


def parse_all(raws: Sequence[bytes], tracking: Tracking) -> list[Parsed]:
    """Parse each message; one that makes the parser raise (it promises not to) is returned as the
    exception, so it is recorded against that message alone."""
    out: list[Parsed] = []
    for raw in raws:
        try:
            out.append(parse_message(raw, tracking))
        except Exception as exc:  # noqa: BLE001 - reported per message by the caller
            out.append(exc)
    return out


class ParseWorkers:
    """A pool of ``count`` worker processes, started on first use and kept for the life of the app."""

    def __init__(self, count: int) -> None:
        self.count = count
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()     # several inbox threads share the pool

    @classmethod
    def for_machine(cls, setting: Callable[[int | None], int]) -> ParseWorkers:
        return cls(setting(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()))

    def pipeline(self, groups: Sequence[Sequence[bytes]], tracking: Tracking):
        """Yield each group's parse results in order, parsing the next group in a worker while the
        caller records the current one. Falls back to parsing in place when there is nothing to overlap."""
        if self.count <= 0 or len(groups) < 2:
            for group in groups:
                yield parse_all(group, tracking)
            return
        ahead = min(self.count + 1, len(groups))
        futures: list[Future | None] = [self._submit(g, tracking) for g in groups[:ahead]]
        for index, group in enumerate(groups):
            if index + ahead < len(groups):
                futures.append(self._submit(groups[index + ahead], tracking))
            yield self._result(futures[index], group, tracking)
            futures[index] = None

    def ahead(self, items: Sequence[tuple[str, bytes]], tracking: Tracking, group_size: int) -> Ahead:
        """Start parsing fetched messages (key, raw) in workers now, before they are stored, so the
        workers are busy while this process stores the batch. Nothing is started when there is no
        worker, or too little to overlap with."""
        if self.count <= 0 or len(items) < 2 * group_size:
            return Ahead(self, tracking, [], {})
        groups = [list(items[i:i + group_size]) for i in range(0, len(items), group_size)]
        futures = [self._submit([raw for _, raw in g], tracking) for g in groups]
        where = {key: (gi, pos) for gi, g in enumerate(groups) for pos, (key, _) in enumerate(g)}
        return Ahead(self, tracking, list(zip(groups, futures)), where)

    def _submit(self, group: Sequence[bytes], tracking: Tracking) -> Future | None:
        with self._lock:
            try:
                if self._pool is None:
                    self._pool = ProcessPoolExecutor(self.count,
                                                     mp_context=multiprocessing.get_context("forkserver"))
                return self._pool.submit(parse_all, list(group), tracking)
            except (BrokenProcessPool, RuntimeError, OSError) as exc:
                self._discard(exc)
                return None

    def _result(self, future: Future | None, group: Sequence[bytes], tracking: Tracking) -> list[Parsed]:
        if future is not None:
            try:
                return future.result()
            except (BrokenProcessPool, OSError) as exc:
                with self._lock:
                    self._discard(exc)
        return parse_all(group, tracking)

    def _discard(self, exc: BaseException) -> None:
        log.warning("parse worker lost (%s); this group is parsed in this process", exc)
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = None

    def pids(self) -> list[int]:
        """The worker processes' ids (for measuring their memory)."""
        with self._lock:
            return list(self._pool._processes) if self._pool is not None else []   # noqa: SLF001

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None


class Ahead:
    """Parse results started before storing, looked up by the message's key (its UID)."""

    def __init__(self, workers: ParseWorkers, tracking: Tracking,
                 groups: list[tuple[list[tuple[str, bytes]], Future | None]], where: dict[str, tuple[int, int]]) -> None:
        self._workers = workers
        self._tracking = tracking
        self._groups = groups
        self._where = where
        self._results: dict[int, list[Parsed]] = {}

    def covers(self, key: str, raw: bytes) -> bool:
        """Whether this message was started ahead: same key and the very same bytes (a UID can come
        back under a new UIDVALIDITY with other mail)."""
        if key not in self._where:
            return False
        gi, pos = self._where[key]
        return self._groups[gi][0][pos][1] == raw

    def take(self, key: str) -> Parsed:
        """The parse result of one message started ahead (``covers`` must hold); a lost worker's group
        is parsed here instead."""
        gi, pos = self._where[key]
        if gi not in self._results:
            group, future = self._groups[gi]
            self._results[gi] = self._workers._result(future, [raw for _, raw in group], self._tracking)
        return self._results[gi][pos]
