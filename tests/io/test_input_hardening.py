"""Inputs that used to be read wrong or skipped in silence (issue 14, "Data loss and silent skips"). Real runs
with the fake extractor; the permission case runs the reader as an unprivileged user when the tests run as root."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from io_fakeproc import make_process
from io_helpers import make_records, write_jsonl

from newsclaims.io.readers import iter_documents, list_input_files
from newsclaims.io.runner import run_corpus, sql



def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def articles(folder: Path, n: int = 4) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for record in make_records(n):
        (folder / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
    return folder


def test_an_output_folder_inside_the_input_is_never_read(tmp_path: Path) -> None:
    news = articles(tmp_path / "news")
    first = run_corpus([news], news / "out", process=make_process, progress=False)
    second = run_corpus([news], news / "out", process=make_process, progress=False)
    assert first["counts"]["documents_read"] == second["counts"]["documents_read"] == 4
    assert second["counts"]["duplicate_ids"] == 0
    # an earlier run's folder (another name) inside the input is not read either
    run_corpus([news], news / "run-2", process=make_process, progress=False)
    third = run_corpus([news], tmp_path / "elsewhere", process=make_process, progress=False)
    assert third["counts"]["documents_read"] == 4
    assert sql(tmp_path / "elsewhere", "SELECT count(*) FROM documents") == [(4,)]


def test_a_resume_with_other_formats_leaves_no_stale_tables(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "a.jsonl", make_records(6))
    out = tmp_path / "out"
    run_corpus([corpus], out, process=make_process, formats=("parquet", "csv", "duckdb"), progress=False)
    write_jsonl(corpus, make_records(2))
    manifest = run_corpus([corpus], out, process=make_process, formats=("jsonl",), progress=False)
    assert not [p.name for p in out.iterdir() if p.suffix in (".parquet", ".csv", ".duckdb")]
    assert sql(out, "SELECT count(*) FROM documents") == [(2,)]
    assert sorted(manifest["outputs"]) == ["claims.jsonl", "documents.jsonl", "errors.jsonl"]


def test_a_dangling_symlink_gets_an_errors_row(tmp_path: Path) -> None:
    news = articles(tmp_path / "news", 2)
    (news / "gone.txt").symlink_to(tmp_path / "missing.txt")
    run_corpus([news], tmp_path / "out", process=make_process, progress=False)
    (error,) = read_jsonl(tmp_path / "out" / "errors.jsonl")
    assert error["location"].endswith("gone.txt") and "dangling symbolic link" in error["reason"]


def test_files_of_unknown_type_in_a_folder_are_counted_not_failed(tmp_path: Path) -> None:
    news = articles(tmp_path / "news", 2)
    (news / "notes.md").write_text("# notes", encoding="utf-8")
    (news / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    manifest = run_corpus([news], tmp_path / "out", process=make_process, progress=False)
    assert manifest["counts"]["files_skipped_unknown_type"] == 2 and manifest["counts"]["read_errors"] == 0


LIST_AS_USER = """
import site, sys
for folder in sys.argv[2:]:  # processes the editable install's .pth, which maps the package newsclaims to pipeline/
    site.addsitedir(folder)
from newsclaims.io.readers import iter_documents
for item in iter_documents(sys.argv[1]):
    print(type(item).__name__, getattr(item, "reason", getattr(item, "id", "")))
"""


def test_an_unreadable_subfolder_gets_an_errors_row() -> None:
    base = Path(tempfile.mkdtemp(prefix="newsclaims-perm-"))
    try:
        os.chmod(base, 0o755)
        news = articles(base / "news", 2)
        locked = articles(news / "locked", 1)
        for p in (news, *news.iterdir()):
            os.chmod(p, 0o755 if p.is_dir() else 0o644)
        os.chmod(locked, 0o000)
        python, user = sys.executable, {}
        if os.geteuid() == 0:  # root reads every folder: read as nobody, with an interpreter nobody may run
            python, user = shutil.which("python3", path="/usr/bin:/usr/local/bin"), {"user": 65534, "group": 65534}
        site_dirs = [p for p in sys.path if p.endswith("site-packages")]
        result = subprocess.run([python, "-c", LIST_AS_USER, str(news), *site_dirs], capture_output=True, text=True,
                                cwd="/", env={"HOME": "/tmp"}, **user)
        assert result.returncode == 0, result.stderr[-2000:]
        lines = result.stdout.splitlines()
        assert sum(line.startswith("Document") for line in lines) == 2
        assert [line for line in lines if line.startswith("ReadError")] == [
            "ReadError folder cannot be read: Permission denied"]
    finally:
        os.chmod(base / "news" / "locked", 0o755)
        shutil.rmtree(base)
