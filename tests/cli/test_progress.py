"""The progress bar: what it draws (with a fake clock on a fake terminal, so nothing depends on timing), that it
is silent off a terminal and with -q, and that it counts documents batch by batch rather than shard by shard."""
from __future__ import annotations

import gzip
import io
import json
import sys

import pytest

from newsclaims.api import PipelineProcess
from newsclaims.cli import main
from newsclaims.io.documents import Document
from newsclaims.io.readers import list_input_files
from newsclaims.io.runner import _count_documents, _CountingFactory, _documents_counted, _Plan, _Progress


class Terminal(io.StringIO):
    """What a terminal would receive; says it is one."""

    def __init__(self, encoding: str = "utf-8") -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:
        return self._encoding

    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def meter_after(steps, total=None, stream=None):
    """A meter fed (seconds later, documents of a finished shard, claims) steps on a fake clock."""
    clock = Clock()
    meter = _Progress(True, stream or Terminal(), clock=clock)
    meter.total = total
    for seconds, documents, claims in steps:
        clock.now += seconds
        meter.update({"items": documents, "documents": documents, "claims": claims}, _Plan())
    return meter


@pytest.mark.parametrize("steps, total, expected", [
    # a known total: percentage, bar, count, elapsed<left and the rate since documents were first counted
    ([(10, 100, 250), (10, 100, 240)], 400, "newsclaims  50%|██████████          | 200/400 docs [00:20<00:20, "
                                            "10.0 docs/s] 490 claims"),
    # nothing counted yet (the pipeline is loading): no rate, no time left
    ([(5, 0, 0)], 400, "newsclaims   0%|                    | 0/400 docs [00:05<?, ? docs/s] 0 claims"),
    # no total (stdin, WARC): the count and the rate only
    ([(10, 30, 50), (3, 30, 20)], None, "newsclaims 60 docs [00:13, 10.0 docs/s] 70 claims"),
    # past an hour
    ([(3600, 10, 0), (60, 10, 0)], 20, "newsclaims 100%|████████████████████| 20/20 docs [1:01:00<00:00, 0.2 docs/s]"),
])
def test_what_the_line_says(steps, total, expected):
    assert meter_after(steps, total).render().startswith(expected)


def test_partial_cells_and_plain_ascii_bars():
    assert "|█████▏              |" in meter_after([(1, 0, 0), (1, 13, 0)], total=50).render()
    ascii_meter = meter_after([(1, 0, 0), (1, 13, 0)], total=50, stream=Terminal(encoding="ascii"))
    assert "|#####...............|" in ascii_meter.render()


def test_failures_and_earlier_shards_are_told():
    meter = meter_after([(1, 10, 4)], total=20)
    meter.totals.update(documents_failed=2, documents_skipped=1, read_errors=3)
    meter.reused = 4
    assert meter.render(columns=200).endswith("4 claims, 2 failed, 1 not English, 3 unreadable, 4 shard(s) done earlier")


def test_the_line_fits_the_terminal_and_is_rewritten_in_place():
    terminal = Terminal()
    meter = meter_after([(1, 0, 0), (1, 10, 123456)], total=20, stream=terminal)
    assert len(meter.render(columns=40)) == 39
    meter.refresh()
    meter.close(_Plan())
    written = terminal.getvalue()
    assert written.startswith("\r") and written.endswith("\n") and written.count("\r") == 4  # 2 updates, refresh, close


def test_nothing_is_drawn_off_a_terminal():
    log = io.StringIO()  # a file or a pipe
    meter = meter_after([(1, 10, 3)], total=20, stream=log)
    meter.refresh()
    meter.close(_Plan())
    assert not meter.enabled and log.getvalue() == ""


def test_documents_are_counted_per_batch_before_their_shard_ends(tmp_path):
    """The light channel: the real pipeline's batch function, wrapped, adds a byte per document to a file."""
    channel = tmp_path / "progress"
    channel.mkdir()
    process = _CountingFactory(PipelineProcess(), str(channel))()
    docs = [Document(id=f"d{i}", text=f"Exports rose {i + 2}% in May.", published="2025-06-01") for i in range(5)]
    assert [doc_id for doc_id, _ in process(docs[:2])] == ["d0", "d1"]
    assert _documents_counted(channel) == 2
    process(docs[2:])
    meter = _Progress(True, Terminal(), channel=channel)
    meter.total = 10
    assert _documents_counted(channel) == 5 and "5/10 docs" in meter.render()  # no shard has finished


@pytest.mark.parametrize("quiet, terminal, shown", [(False, True, True), (True, True, False), (False, False, False)])
def test_extract_shows_the_bar_only_on_a_terminal_without_q(tmp_path, monkeypatch, quiet, terminal, shown):
    rows = [{"id": f"a{i}", "text": f"Imports fell {i + 3}% to 1,200 tonnes in April.", "published": "2025-05-01"}
            for i in range(4)]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    stderr = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    argv = ["extract", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out")] + (["-q"] if quiet else [])
    assert main(argv) == 0
    bars = [part for part in stderr.getvalue().split("\r") if part.startswith("newsclaims ")]
    assert bool(bars) == shown
    if shown:  # the last line: everything done, the total counted from the input's lines
        assert bars[-1].startswith("newsclaims 100%|████████████████████| 4/4 docs [")
    assert not (tmp_path / "out" / ".progress").exists()  # the channel is removed with the run


@pytest.mark.parametrize("name, content, expected", [
    ("a.jsonl", '{"text": "x"}\n{"text": "y"}\n{"text": "z"}', 3),  # no line break after the last line
    ("a.jsonl.gz", gzip.compress(b'{"text": "x"}\n{"text": "y"}\n', mtime=0), 2),
    ("a.csv", "id,text\n1,x\n2,y\n", 2),  # the header is no document
    ("a.json", '[{"text": "x"}, {"text": "y"}]', 2),
    ("a.json", '{"text": "x"}', 1),
    ("a.txt", "One article.", 1),
    ("a.warc", "WARC/1.0\r\n", None),  # only parsing its records tells
])
def test_the_total_is_counted_cheaply_where_it_can_be(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    assert _count_documents(list_input_files([path])) == expected


def test_stdin_has_no_total(tmp_path):
    assert _count_documents(list_input_files(["-", tmp_path])) is None
