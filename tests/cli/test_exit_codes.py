"""The exit codes scripts rely on, through the real `newsclaims` command line (real pipeline):
0 all documents processed, 1 some failed or were skipped, 2 usage error, 3 the run itself failed."""
from __future__ import annotations

import fcntl
import json

import pytest

from newsclaims.cli import main

GOOD = {"id": "good", "text": "Output rose 5% to 45,000 tons in 2024.", "published": "2025-11-04"}


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def one_line_error(capsys) -> str:
    err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("newsclaims:")]
    assert len(err) == 1, err
    return err[0]


def test_all_documents_processed_is_0(tmp_path):
    inp = write_jsonl(tmp_path / "in.jsonl", [GOOD])
    assert main(["extract", str(inp), "-o", str(tmp_path / "out"), "-q"]) == 0


def test_a_failed_document_is_1_and_the_others_keep_their_claims(tmp_path):
    inp = write_jsonl(tmp_path / "in.jsonl", [GOOD, {"id": "empty", "text": "  "}])
    assert main(["extract", str(inp), "-o", str(tmp_path / "out"), "-q"]) == 1
    claims = (tmp_path / "out" / "claims.jsonl").read_text().splitlines()
    assert {json.loads(c)["doc_id"] for c in claims} == {"good"}
    assert "empty" in (tmp_path / "out" / "errors.jsonl").read_text()


@pytest.mark.parametrize("argv", [["extract", "--no-such-option"], ["extract"], ["no-such-command"],
                                  ["extract", "x.jsonl", "-o", "out", "--max-doc-chars", "-5"]])
def test_usage_errors_are_2(argv):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2


def test_a_missing_input_is_a_usage_error(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "out"), "-q"]) == 2
    assert "missing.jsonl" in one_line_error(capsys)


def test_an_output_that_cannot_be_written_is_3_with_one_line_and_no_traceback(tmp_path, capsys):
    inp = write_jsonl(tmp_path / "in.jsonl", [GOOD])
    assert main(["extract", str(inp), "-o", str(inp / "out"), "-q"]) == 3  # under a file
    err = capsys.readouterr().err
    assert "Traceback" not in err
    line = [x for x in err.splitlines() if x.startswith("newsclaims:")]
    assert len(line) == 1 and line[0].startswith(f"newsclaims: Not a directory: {inp}"), line
    assert line[0].endswith("(--debug shows the traceback)")


def test_debug_shows_the_traceback(tmp_path, capsys):
    inp = write_jsonl(tmp_path / "in.jsonl", [GOOD])
    assert main(["--debug", "extract", str(inp), "-o", str(inp / "out"), "-q"]) == 3
    assert "Traceback (most recent call last)" in capsys.readouterr().err


def test_another_run_holding_the_lock_is_3(tmp_path, capsys):
    inp = write_jsonl(tmp_path / "in.jsonl", [GOOD])
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert main(["extract", str(inp), "-o", str(out), "-q"]) == 3
    assert "another run is using" in one_line_error(capsys)


@pytest.mark.parametrize("setting", ["ranker", "who_ranker"])
def test_a_ranker_setting_that_is_not_a_ranker_fails_the_load_with_3(tmp_path, capsys, setting):
    # written as a bare string, the ranker used to reach the component as a str and fail every document (exit 1)
    from newsclaims.resources import config_path

    config = tmp_path / "config.cfg"
    lines = config_path().read_text(encoding="utf-8").splitlines()
    config.write_text("\n".join(f'{setting} = "newsclaims.slot_ranker.v2"' if line.startswith(f"{setting} =") else line
                                for line in lines) + "\n", encoding="utf-8")
    inp = write_jsonl(tmp_path / "in.jsonl", [GOOD])
    assert main(["extract", str(inp), "-o", str(tmp_path / "out"), "--config", str(config), "-q"]) == 3
    line = one_line_error(capsys)
    assert f"{config} could not be loaded" in line and f"{setting} must be a slot ranker" in line, line


def test_version(capsys):
    import newsclaims

    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith(f"newsclaims {newsclaims.__version__} (spaCy ")
