# Leerplicht-assistent. `make help` lists the targets.
# Two virtual environments, both Python 3.10: .venv (the application) and .venv-rasa (Rasa Open Source only).

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON310  ?= $(shell scripts/find-python310)
VENV       := .venv
RASA_VENV  := .venv-rasa
BIN        := $(VENV)/bin
RASA       := $(RASA_VENV)/bin/rasa
MODEL      := models/leerplicht.tar.gz
RASA_DATA  := nlu_data dialogue
RASA_ARGS  := --config config.yml --domain domain
TRAINING_INPUTS := config.yml $(shell find domain nlu_data dialogue -name '*.yml' 2>/dev/null)
CONVERSATION_TESTS := tests/conversations

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help setup run test lint pytest validate train conversation-test model-checks e2e migrate rasa-config browser-deps \
        i18n-extract i18n-update i18n-compile bench eval clean

help: ## show this help
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-20s %s\n", $$1, $$2}'

# ---- environments (re-created only when their requirements change) ---------------------------------------------
$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON310) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

$(RASA_VENV)/.installed: requirements/rasa.txt
	@test -x $(RASA_VENV)/bin/python || $(PYTHON310) -m venv $(RASA_VENV)
	$(RASA_VENV)/bin/pip install --quiet --upgrade pip 'setuptools<71' wheel
	$(RASA_VENV)/bin/pip install --quiet -r requirements/rasa.txt
	@touch $@

setup: $(VENV)/.installed $(RASA_VENV)/.installed ## create both virtual environments (only when missing or changed)

# ---- model ---------------------------------------------------------------------------------------------------
# --skip-validation: `make validate` checks the data (CI runs it before training); validating again here cost ~30 s.
$(MODEL): $(TRAINING_INPUTS) | $(RASA_VENV)/.installed
	$(RASA) train $(RASA_ARGS) --data $(RASA_DATA) --out models --fixed-model-name leerplicht --quiet --skip-validation
	@touch $@

train: $(MODEL) ## train the Rasa model when it is missing or the training data changed

# ---- run -----------------------------------------------------------------------------------------------------
migrate: $(VENV)/.installed ## apply database migrations
	$(BIN)/assistant db upgrade

rasa-config: $(VENV)/.installed ## write Rasa's endpoints/credentials from the settings
	@$(BIN)/assistant rasa-config > /dev/null

run: setup train migrate rasa-config ## start Rasa and the assistant; chat on http://localhost:8000 (Ctrl-C stops all)
	$(BIN)/honcho start --no-prefix -f Procfile

# ---- quality -------------------------------------------------------------------------------------------------
lint: $(VENV)/.installed ## ruff check and format, import-linter (layers), mypy, yamllint (as .pre-commit-config.yaml)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/yamllint knowledge/

browser-deps: ## install Debian's Chromium for the browser tests when missing (root only)
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium missing and not root: browser tests will be skipped"; }

pytest: $(VENV)/.installed browser-deps ## the Python test suite (SQLite and PostgreSQL, browser tests)
	$(BIN)/pytest -q

validate: $(RASA_VENV)/.installed ## rasa data validate
	$(RASA) data validate $(RASA_ARGS) --data $(RASA_DATA) --fail-on-warnings --quiet

conversation-test: $(MODEL) ## rasa test: the conversation stories must all be predicted right
	$(RASA) test core --model $(MODEL) --stories $(CONVERSATION_TESTS) --fail-on-prediction-errors \
	  --out var/results/conversations --quiet

e2e: setup train ## end-to-end tests against the running stack (real model, browser)
	$(BIN)/pytest -q -m e2e tests/e2e tests/faults

# The Python suite and the model (validate, train, conversation stories) are independent: on 2 cores they run side by
# side (pytest is one process; training leaves a core to it most of the time); e2e needs both done.
test: setup lint ## everything CI runs
	$(MAKE) --no-print-directory -j2 --output-sync=target pytest model-checks
	$(MAKE) --no-print-directory e2e

model-checks: validate ## rasa data validate, then train and run the conversation stories
	$(MAKE) --no-print-directory conversation-test

# ---- translations --------------------------------------------------------------------------------------------
i18n-extract: $(VENV)/.installed ## extract Dutch source texts into the .pot template
	$(BIN)/pybabel extract -F babel.cfg -k _ --no-location --omit-header -o assistant/locale/messages.pot .

# The catalogs are written 116 characters wide (pybabel's default, 76, would rewrap every entry).
i18n-update: i18n-extract ## merge new source texts into every catalog (changed ones become fuzzy)
	$(BIN)/pybabel update -i assistant/locale/messages.pot -d assistant/locale --width 116 --ignore-obsolete

i18n-init: i18n-extract ## start a catalog for a new language: make i18n-init LANG=so
	$(BIN)/pybabel init -i assistant/locale/messages.pot -d assistant/locale -l $(LANG) --width 116

i18n-compile: $(VENV)/.installed ## compile the catalogs (fails on errors)
	$(BIN)/pybabel compile -d assistant/locale --statistics

clean: ## remove generated files (models, results, local databases)
	rm -rf models var/results var/*.db var/rasa

bench: setup train ## benchmarks: latency via /api/chat and Rasa REST, start-up time, memory, back-office statistics, reading facts -> docs/benchmarks.md
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_stats.py
	$(BIN)/python scripts/bench_facts.py

eval: setup train ## send every dev-set question to /api/chat and score it -> docs/eval/
	$(BIN)/python scripts/eval.py

# ---- under load: load test and scale-out (docs/deployment.md) ------------------------------------------------
.PHONY: loadtest scale
LOADTEST_ARGS      ?=
SCALE_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/leerplicht
SCALE_REDIS_URL    ?= redis://127.0.0.1:6379

loadtest: setup train ## 50 concurrent multi-turn conversations for 60 s; no lost turns; p50/p95/p99 -> docs/benchmarks.md
	$(BIN)/python scripts/loadtest.py $(LOADTEST_ARGS)

scale: export DATABASE_URL := $(SCALE_DATABASE_URL)
scale: export TRACKER_STORE_URL := $(SCALE_DATABASE_URL)
scale: export LOCK_STORE_URL := $(SCALE_REDIS_URL)/0
scale: export RASA_URLS := http://127.0.0.1:5005,http://127.0.0.1:5006
scale: setup train ## PostgreSQL + Redis lock store, 2 Rasa processes, 2 gateway workers on one port (Ctrl-C stops all)
	$(BIN)/python deploy/prepare.py
	$(BIN)/honcho start --no-prefix -d . -f deploy/Procfile.scale
