"""Parsing a backlog on the machine's other cores.

Parsing is pure CPU work (bytes in, dataclasses out) and takes about as long as recording what it found,
so on a machine with spare cores a worker process parses the next group of messages while this process
records the current one. Single messages, and machines with one core, are parsed in place: a worker
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
