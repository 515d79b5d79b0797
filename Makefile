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

test: install-test
	$(BIN)/python -m pytest -n 2 --dist loadgroup

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
