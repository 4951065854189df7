"""The command line in a pipe, through the real `newsclaims` executable and pipeline: standard input (`-`),
claims on standard output (`--stdout`), a reader that closes the pipe early, and `--limit N`."""
from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from newsclaims.cli import main

NEWSCLAIMS = Path(sys.executable).with_name("newsclaims")

ARTICLES = [
    {"id": "steel", "text": "The mill shipped 12,000 tonnes of steel in March, up 4% from a year earlier.",
     "published": "2025-05-02"},
    {"id": "rail", "text": "Ridership on the line reached 3.1 million passengers in 2024.", "published": "2025-01-15"},
    {"id": "wheat", "text": "Farmers harvested 850,000 hectares of wheat, the ministry said on Tuesday.",
     "published": "2025-08-20"},
    {"id": "port", "text": "The port handled 2.4 million containers last year, against 2.2 million in 2023.",
     "published": "2025-02-11"},
    {"id": "power", "text": "The plant will add 600 megawatts of capacity by 2027 at a cost of $1.2 billion.",
     "published": "2025-06-30"},
]


def jsonl(rows) -> str:
    return "".join(json.dumps(r) + "\n" for r in rows)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def stdin_of(monkeypatch):
    """Standard input holding these rows as JSONL, as a pipe gives it (bytes under a text layer)."""
    def feed(rows) -> None:
        raw = io.BufferedReader(io.BytesIO(jsonl(rows).encode("utf-8")))
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(raw, encoding="utf-8"))
    return feed


def test_stdin_in_claims_out_is_the_run_folders_claims_table(tmp_path, stdin_of, capsys):
    stdin_of(ARTICLES)
    assert main(["extract", "-", "--stdout", "-o", str(tmp_path / "out"), "-q"]) == 0
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert printed and printed == read_jsonl(tmp_path / "out" / "claims.jsonl")
    assert {c["doc_id"] for c in printed} <= {a["id"] for a in ARTICLES}


def test_gzipped_stdin_without_ids_numbers_its_lines(tmp_path, monkeypatch):
    rows = [{"text": a["text"], "published": a["published"]} for a in ARTICLES[:2]]
    raw = io.BufferedReader(io.BytesIO(gzip.compress(jsonl(rows).encode("utf-8"))))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(raw, encoding="utf-8"))
    assert main(["extract", "-", "-o", str(tmp_path / "out"), "-q"]) == 0
    assert [d["id"] for d in read_jsonl(tmp_path / "out" / "documents.jsonl")] == ["stdin:1", "stdin:2"]


def test_stdout_without_o_leaves_no_folder_behind(tmp_path, stdin_of, capsys, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    stdin_of(ARTICLES[:2])
    assert main(["extract", "-", "--stdout", "-q"]) == 0
    assert {json.loads(line)["doc_id"] for line in capsys.readouterr().out.splitlines()} == {"steel", "rail"}
    assert list(temp.iterdir()) == []


def test_the_issues_pipe_prints_three_claims_and_no_traceback(tmp_path):
    (tmp_path / "news.jsonl").write_text(jsonl(ARTICLES), encoding="utf-8")
    script = f"set -o pipefail; cat news.jsonl | {NEWSCLAIMS} extract - --stdout -q | head -3"
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 3 and all(json.loads(line)["claim_id"] for line in done.stdout.splitlines())
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr


@pytest.mark.parametrize("command", [["extract", "-", "--stdout", "-q"], ["sql", "run", "SELECT * FROM claims"]])
def test_a_reader_that_closes_the_pipe_at_once_is_no_error(tmp_path, command, stdin_of):
    """The reader end is closed before anything is written, so every write meets a closed pipe (EPIPE)."""
    if command[0] == "sql":
        stdin_of(ARTICLES)
        assert main(["extract", "-", "-o", str(tmp_path / "run"), "-q"]) == 0
    proc = subprocess.Popen([str(NEWSCLAIMS), *command], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=tmp_path, text=True)
    proc.stdout.close()
    _, err = proc.communicate(jsonl(ARTICLES), timeout=600)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "Broken pipe" not in err and "BrokenPipe" not in err


def test_extract_needs_o_or_stdout(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "-"])
    assert exit_info.value.code == 2 and "-o OUTDIR, or --stdout" in capsys.readouterr().err


def test_stdout_with_another_format_also_writes_claims_jsonl(tmp_path, stdin_of, capsys):
    stdin_of(ARTICLES[:2])
    assert main(["extract", "-", "--stdout", "-o", str(tmp_path / "out"), "--format", "csv", "-q"]) == 0
    assert (tmp_path / "out" / "claims.csv").exists()
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert printed == read_jsonl(tmp_path / "out" / "claims.jsonl")


# ------------------------------------------------------------------------------------------- --limit

def test_limit_counts_documents_after_dedupe_and_keeps_read_errors_before_them(tmp_path):
    rows = [ARTICLES[0], ARTICLES[0], {"id": "broken"}, ARTICLES[1], ARTICLES[2]]  # a duplicate, no text
    (tmp_path / "in.jsonl").write_text(jsonl(rows), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path / "in.jsonl"), "-o", str(out), "--limit", "2", "-q"]) == 1  # 2 errors
    assert [d["id"] for d in read_jsonl(out / "documents.jsonl")] == ["steel", "rail"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["options"]["limit"] == 2 and manifest["counts"]["read_errors"] == 2


def test_a_higher_limit_resumes_on_the_shards_of_a_lower_one(tmp_path):
    """(Resuming needs the same code: run it where nobody is editing newsclaims, whose files are in the config hash.)"""
    (tmp_path / "in.jsonl").write_text(jsonl(ARTICLES), encoding="utf-8")
    args = ["extract", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out"), "--shard-size", "2", "-q"]
    manifest = tmp_path / "out" / "manifest.json"
    assert main(args + ["--limit", "3"]) == 0
    assert len(read_jsonl(tmp_path / "out" / "documents.jsonl")) == 3
    assert main(args + ["--limit", "3"]) == 0  # the same command resumes: nothing is redone
    assert json.loads(manifest.read_text())["shards"]["processed_this_run"] == 0
    assert main(args) == 0  # no limit: shard 0 ([steel, rail]) is kept, [port] joins [wheat] in shard 1
    shards = json.loads(manifest.read_text())["shards"]
    assert (shards["total"], shards["reused_from_earlier_run"], shards["processed_this_run"]) == (3, 1, 2)
    assert main(["extract", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "fresh"), "--shard-size", "2", "-q"]) == 0
    for table in ("documents.jsonl", "claims.jsonl"):
        assert read_jsonl(tmp_path / "out" / table) == read_jsonl(tmp_path / "fresh" / table)
