# hotelsales — build, demo, tests and benchmarks. `make demo` and `make test` are the README's two commands.
SWIFT ?= swift

.PHONY: setup build release demo test bench bench-feeds sanitize fuzz clean

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

# Speed targets of the issues, on generated data, release build (figures go to BENCHMARKS.md).
bench: setup
	bash scripts/bench.sh

# The feed import against the bare libxml2 parse; N bookings (default 1,000,000).
N ?= 1000000
bench-feeds: setup
	bash scripts/bench-feeds.sh $(N)

# The whole suite under AddressSanitizer, then ThreadSanitizer (own build folders; slow). RELIABILITY.md.
sanitize: setup
	bash scripts/sanitize.sh

# libFuzzer over the feed reader and normalizer, the rate-plan YAML and the CSV readers, FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 120
fuzz: setup
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build
