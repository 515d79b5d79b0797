# The two set-up commands: `make demo` and `make test`. Each creates .venv if missing
# and installs what it needs; only Python 3.11 is assumed on the machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install install-test clean train

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

demo: install
	$(BIN)/banwatch demo

# Four workers on two cores: most of the suite waits on crawls, timers and subprocesses, so
# two more workers overlap the waits (stop 34: 407 and 425 s against 500 and 691 s with two).
test: install-test
	$(BIN)/python -m pytest -n 4 --dist loadgroup

# The learned decider (extract/models/decider) from the own-words training parts and the
# real-news dev part. The real excerpts are not in the repository: they are re-pulled into
# .cache/real_news (bench/real_news/README.md); without them this trains on own words only.
train: install
	mkdir -p .cache/real_news
	$(BIN)/python bench/real_news.py --export dev --topic facial-recognition > .cache/real_news/dev-passages.jsonl
	$(BIN)/python -m banwatch.extract.training --extra .cache/real_news/dev-passages.jsonl

lint: install-test
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) banwatch.db banwatch.db-wal banwatch.db-shm events.csv
