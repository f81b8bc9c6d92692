# hotelsales — build, demo, tests and benchmarks. `make demo` and `make test` are the README's two commands.
SWIFT ?= swift

.PHONY: setup build release demo test bench clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product hotelsales

# The main job on the default database (./hotelsales.sqlite) with the shipped sample data.
demo: release
	HS=.build/release/hotelsales bash scripts/demo.sh

# The whole test suite (unit, storage, end-to-end on the built binary).
test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build
