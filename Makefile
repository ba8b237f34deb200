# MétierScope task runner. `make` lists the targets.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
CLI    := $(BIN)/metierscope
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install run up down engine-up engine-down engine-status lint format typecheck pytest test test-quick train audit

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) ## Create the virtualenv and install the project with dev tools

MODELS := .metierscope/models/titles.joblib .metierscope/models/competence-ranker.json
$(MODELS) &: $(STAMP) $(wildcard ranking/*.py evaluation/titles/*.py evaluation/descriptions/*.py)
	$(CLI) train

train: install ## Build the learned artefacts from the training ads (`metierscope train`)
	$(CLI) train

run: install $(MODELS) ## Run everything in the foreground (engine, API); Ctrl-C stops it
	$(CLI) run

up: install $(MODELS) ## Start everything in the background; returns when ready
	$(CLI) up

down: install ## Stop everything `up` or `run` started
	$(CLI) down

engine-up: install ## Provision (first time) and start the embedded Elasticsearch
	$(CLI) engine up

engine-down: install ## Stop the embedded Elasticsearch
	$(CLI) engine down

engine-status: install ## Where the embedded Elasticsearch is and how healthy
	$(CLI) engine status

lint: install ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Apply ruff fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: install ## mypy strict
	$(BIN)/mypy .

pytest: install $(MODELS) ## The test suite only (starts the embedded engine if it is not running)
	$(BIN)/pytest

test: lint typecheck pytest ## The full suite: lint, types, tests against the real engine

# Not part of `test`: it needs pypi.org's JSON API or api.osv.dev, which this machine cannot
# reach (SECURITY.md); --strict fails on any package it could not check, never passes silently.
audit: install ## Known vulnerabilities in the installed dependencies (pip-audit)
	$(BIN)/pip-audit --strict --skip-editable --progress-spinner off

test-quick: install $(MODELS) ## Edit-test loop: everything but the whole-export relevance floors
	$(BIN)/pytest -m "not eval"
