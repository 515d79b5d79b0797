# The two set-up commands: `make demo` and `make test`. Each creates .venv if missing
# and installs what it needs; only Python 3.11 is assumed on the machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint install install-test clean

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
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) banwatch.db banwatch.db-wal banwatch.db-shm events.csv
