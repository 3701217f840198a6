# The two set-up commands of the README: `make run` and `make test`.
# Both install what is missing (scripts/deps.sh), configure and build.

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build run test bench asan fuzz clean

all: build

deps:
	@sh scripts/deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

# A verdict (0, 10, 20) or quitting (130) is a normal end of the walk.
run: build
	@./$(BUILD)/aipolicy ask policies/example.yaml; rc=$$?; \
	    case $$rc in 0|10|20|130) ;; *) exit $$rc ;; esac

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

# The whole suite again under AddressSanitizer and UBSan.
asan: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug \
	    -DAIPOLICY_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j$(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    ctest --test-dir build-asan --output-on-failure -j$(JOBS)

bench: build
	sh scripts/bench.sh $(BUILD)/aipolicy

clean:
	rm -rf $(BUILD) build-asan

# The loader under libFuzzer for FUZZ_SECONDS (needs clang).
FUZZ_SECONDS ?= 60
fuzz: deps
	@mkdir -p build-fuzz/corpus
	@cp policies/*.yaml tests/cli/cases/fixtures/*.yaml build-fuzz/corpus/
	clang -g -O1 -fsanitize=fuzzer,address,undefined -D_DEFAULT_SOURCE \
	    -Iinclude -Isrc/core tests/fuzz/fuzz_load.c src/core/*.c \
	    $$(pkg-config --cflags --libs yaml-0.1 jansson nettle) \
	    -o build-fuzz/fuzz_load
	./build-fuzz/fuzz_load -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
	    -timeout=10 build-fuzz/corpus
