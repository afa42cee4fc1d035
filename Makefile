# Two commands on a fresh machine: `make demo` and `make test` (see README).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO   := demo

.PHONY: all setup system-deps test lint typecheck pytest fuzz demo bench schemas catalogs gallery clean

all: test

# Graphviz (for diagrams) and a font with Chinese glyphs (for PNG/PDF labels).
system-deps:
	@sh .ci/system-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

setup: system-deps $(STAMP)

# Both lint the project's folders only, as listed in pyproject.toml (ruff `include`, mypy
# `files`): a scratch file or a demo script in the clone is not the project's code.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# The fuzz suite (tests/fuzz, issue #14) runs inside `make test` at a bounded budget:
# FUZZ_EXAMPLES Hypothesis examples per fuzz test plus the corpus of hostile inputs (about
# 2 minutes for tests/fuzz on 2 cores, at most 3); where CI is set (CI services set it) the
# examples are the same on every run (Hypothesis's `ci` profile, tests/conftest.py).
FUZZ_EXAMPLES ?= 150
# `make fuzz`: random examples for about FUZZ_MINUTES minutes; failing inputs are kept in
# FUZZ_FINDINGS (a folder) with findings.tsv (command, exit code, first error line).
FUZZ_MINUTES ?= 10
FUZZ_FINDINGS ?= fuzz-findings

pytest: $(STAMP)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -q

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz FUZZ_MINUTES=$(FUZZ_MINUTES) FUZZ_FINDINGS=$(FUZZ_FINDINGS) \
		$(BIN)/pytest -q tests/fuzz

# The Chinese message catalogs (mgmt_tools/locale/zh): new messages in the code get an
# empty translation in their domain's .po, to be written by hand; then each .po is compiled.
catalogs: $(STAMP)
	$(BIN)/python -m mgmt_tools.locale.catalogs update

test: setup lint typecheck pytest

demo: setup
	@mkdir -p $(DEMO)
	$(BIN)/mgmt pert examples/pert/supply-chain-onboarding.yaml
	$(BIN)/mgmt pert examples/pert/supply-chain-onboarding.yaml -o $(DEMO)/onboarding.svg
	$(BIN)/mgmt pert examples/pert/supply-chain-onboarding.yaml -o $(DEMO)/onboarding.png
	$(BIN)/mgmt pert examples/pert/branch-campaign.yaml -o $(DEMO)/campaign.svg
	$(BIN)/mgmt gantt examples/pert/supply-chain-onboarding.yaml -o $(DEMO)/onboarding-gantt.png
	$(BIN)/mgmt pert examples/pert/supply-chain-onboarding.yaml --simulate 2000 --seed 1 -o $(DEMO)/onboarding-risk.png
	$(BIN)/mgmt decision examples/decision/credit-line-steel.yaml
	$(BIN)/mgmt decision examples/decision/credit-line-steel.yaml -o $(DEMO)/credit-line.svg
	$(BIN)/mgmt index examples/index/cash-management-platform.yaml
	$(BIN)/mgmt ahp examples/ahp/team-leader.yaml
	$(BIN)/mgmt rank examples/rank/client-pipeline.yaml
	$(BIN)/mgmt rank examples/rank/weekly-todo.yaml -o $(DEMO)/weekly-todo.svg
	$(BIN)/mgmt pareto examples/pareto/complaints.csv --column reason -o $(DEMO)/complaints-pareto.png
	$(BIN)/mgmt fishbone examples/fishbone/slow-credit-approval.yaml -o $(DEMO)/fishbone.png
	$(BIN)/mgmt goals examples/goals/deposit-growth-2027.yaml -o $(DEMO)/goals.svg
	$(BIN)/mgmt report examples/report/quarterly-review.yaml -o $(DEMO)/quarterly-review.html
	$(BIN)/mgmt init rank $(DEMO)/starter-rank.yaml --force
	$(BIN)/mgmt rank $(DEMO)/starter-rank.yaml
	$(BIN)/mgmt pert examples/pert/credit-approval-zh.yaml --lang zh
	$(BIN)/mgmt gantt examples/pert/spring-festival-zh.yaml --lang zh -o $(DEMO)/spring-festival-gantt-zh.png
	$(BIN)/mgmt pert examples/pert/credit-approval-zh.yaml --lang zh -o $(DEMO)/credit-approval-zh.xlsx
	$(BIN)/mgmt doctor
	@echo "demo: diagrams written to $(DEMO)/"

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_pert.py
	$(BIN)/python benchmarks/bench_simulate.py
	$(BIN)/python benchmarks/bench_decision.py
	$(BIN)/python benchmarks/bench_index.py
	$(BIN)/python benchmarks/bench_rank.py
	$(BIN)/python benchmarks/bench_pareto.py
	$(BIN)/python benchmarks/bench_xlsx.py

# Regenerate the JSON Schemas kept in the package from the input models, and the format
# reference pages (docs/formats/) from the schemas and the method registry.
schemas: $(STAMP)
	$(BIN)/python -m mgmt_tools.schemas
	$(BIN)/python -m mgmt_tools.formats_doc

# Redraw every picture of the docs (docs/images/) and the gallery page docs/gallery.md from
# the list in cli/mgmt_cli/gallery.py; a test fails while the page or a picture is missing.
gallery: $(STAMP)
	$(BIN)/python -m mgmt_cli.gallery

clean:
	rm -rf $(VENV) $(DEMO) build .mypy_cache .ruff_cache .pytest_cache .hypothesis fuzz-findings
