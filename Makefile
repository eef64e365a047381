# The two commands of the README: `make run` (the main job on the bundled articles)
# and `make test`. Both create the environment in .venv first when it is missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CAMEL_VERSION := 1.6.0
# CAMeL Tools' morphology data, when it lies beside the project (it is never copied in).
SHARED_CAMEL := $(abspath ../shared/camel_data)
export CAMELTOOLS_DATA ?= $(if $(wildcard $(SHARED_CAMEL)/catalogue.json),$(SHARED_CAMEL),)

.PHONY: run test install train bench browser redis clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	# camel-tools last and without torch/transformers/camel-kenlm (the modules we use never
	# import them); installed after its light dependencies, pip has nothing to complain of.
	$(BIN)/python -m pip install -q --no-deps camel-tools==$(CAMEL_VERSION)
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/python pipeline.py run

test: $(STAMP) browser redis
	$(BIN)/python -m pytest -q

train: $(STAMP)
	$(BIN)/python pipeline.py train

bench: $(STAMP)
	$(BIN)/python pipeline.py bench
	$(BIN)/python benchmarks/bench_crawl.py
	$(BIN)/python benchmarks/bench_dask.py

# Headless Chromium for the HTML timeline test (Debian's package); the test skips
# with a reason where it cannot be installed.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null 2>&1) \
	  || echo "chromium not installed: the browser test will be skipped"; }

# Redis server for the distributed-crawl tests (Debian's package, installed as root);
# the tests skip with a reason where none can be had. `make run` never needs it.
redis:
	@command -v redis-server >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null 2>&1) \
	  || echo "redis-server not installed: the distributed-crawl tests will be skipped"; }

clean:
	rm -rf $(VENV) data/timeline.db data/timeline.db-*
