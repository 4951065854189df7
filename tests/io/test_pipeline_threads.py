"""A cached pipeline serves one thread at a time: spaCy pipelines are not thread-safe (two threads in one failed
documents with E018), so `cached_process` hands every thread the same function behind a lock."""
from __future__ import annotations

import threading

from newsclaims.io.runner import cached_process

MEETING = threading.Barrier(2, timeout=1.0)  # two calls inside the function at once would meet here


def meets_another_call():
    """A batch function that says whether another call was inside it at the same time."""

    def process(documents: list) -> list:
        try:
            MEETING.wait()
        except threading.BrokenBarrierError:
            MEETING.reset()
            return [("alone", [])]
        return [("together", [])]

    return process


def test_two_threads_in_one_cached_pipeline_take_turns() -> None:
    outcomes: list[str] = []
    fn = cached_process(meets_another_call)

    def call() -> None:
        outcomes.extend(doc_id for doc_id, _ in fn([]))

    threads = [threading.Thread(target=call) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cached_process(meets_another_call) is fn and outcomes == ["alone", "alone"]
