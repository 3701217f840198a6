# The two set-up commands of the README: `make run` and `make test`.
# Both install what is missing (scripts/deps.sh), configure and build.

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build run test bench asan tsan fuzz fuzz-serve clean

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

# A check whose tool is missing passes with a "SKIP: ..." line; ctest hides
# the output of passing tests, so those lines are shown after the run.
test: build
	@sh scripts/deps.sh --web
	@rc=0; ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS) || rc=$$?; \
	    grep -h '^SKIP' $(BUILD)/Testing/Temporary/LastTest.log 2>/dev/null \
	    | sort -u; exit $$rc

# The whole suite again under AddressSanitizer and UBSan.
asan: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug \
	    -DAIPOLICY_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j$(JOBS)
	@rc=0; ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    ctest --test-dir build-asan --output-on-failure -j$(JOBS) || rc=$$?; \
	    grep -h '^SKIP' build-asan/Testing/Temporary/LastTest.log \
	    2>/dev/null | sort -u; exit $$rc

# The server's tests that run threads against each other, again under
# ThreadSanitizer (any report fails): a smaller load than make test's, the
# reloads under load, the graceful stop. Builds only the two programs.
TSAN_CLIENTS ?= 8
TSAN_REQUESTS ?= 200
tsan: deps
	@cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug \
	    -DAIPOLICY_TSAN=ON >/dev/null
	@cmake --build build-tsan -j$(JOBS) --target aipolicy aipolicy-serve
	TSAN_OPTIONS=halt_on_error=1:abort_on_error=1 \
	    sh tests/cli/test-serve-load.sh build-tsan/aipolicy . \
	    $(TSAN_CLIENTS) $(TSAN_REQUESTS)
	TSAN_OPTIONS=halt_on_error=1:abort_on_error=1 \
	    sh tests/cli/test-serve-reload.sh build-tsan/aipolicy .
	TSAN_OPTIONS=halt_on_error=1:abort_on_error=1 \
	    sh tests/cli/test-serve-stop.sh build-tsan/aipolicy .

bench: build
	sh scripts/bench.sh $(BUILD)/aipolicy

clean:
	rm -rf $(BUILD) build-asan build-tsan build-fuzz

# The loader, the batch parser against jansson, then the translation
# loader, under libFuzzer for FUZZ_SECONDS each (needs clang).
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
	@mkdir -p build-fuzz/corpus-batch
	@printf '{"data": "no"}\n{"data": "yes", "tool": "?"}\n' \
	    >build-fuzz/corpus-batch/lines
	@printf '{"data":"n\\u006f", "data": 1}\n[]\n{"x": "\303\251"}\n' \
	    >build-fuzz/corpus-batch/other
	clang -g -O1 -fsanitize=fuzzer,address,undefined -D_DEFAULT_SOURCE \
	    -Iinclude -Isrc/core tests/fuzz/fuzz_batch.c src/core/*.c \
	    $$(pkg-config --cflags --libs yaml-0.1 jansson nettle) \
	    -o build-fuzz/fuzz_batch
	./build-fuzz/fuzz_batch -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	    -timeout=10 build-fuzz/corpus-batch
	@mkdir -p build-fuzz/corpus-tr
	@cp policies/*.*.yaml tests/cli/cases/fixtures/tr/*.*.yaml \
	    tests/cli/cases/fixtures/tr/*/*.*.yaml build-fuzz/corpus-tr/
	@printf 'aipolicy-translation: 1\npolicy: fz\nversion: v1\nlanguage: de\n%s\n%s\n' \
	    'questions: { a: { ask: A-de, answers: { yes: ja } } }' \
	    'outcomes: { rev: { conditions: [E1, E2] }, a.no: { summary: Halt } }' \
	    >build-fuzz/corpus-tr/fz
	clang -g -O1 -fsanitize=fuzzer,address,undefined -D_DEFAULT_SOURCE \
	    -Iinclude -Isrc/core tests/fuzz/fuzz_translation.c src/core/*.c \
	    $$(pkg-config --cflags --libs yaml-0.1 jansson nettle) \
	    -o build-fuzz/fuzz_translation
	./build-fuzz/fuzz_translation -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=8192 -timeout=10 build-fuzz/corpus-tr

# The server's request-to-response function under libFuzzer (needs clang):
# a query string, a line break and a body in, every response read out.
SERVE_SOURCES = $(filter-out src/serve/main.c,$(wildcard src/serve/*.c))
fuzz-serve: deps
	@mkdir -p build-fuzz/corpus-serve
	@printf 'data=no&people=no\n{"answers": {"data": "?"}}' \
	    >build-fuzz/corpus-serve/check
	@printf 'worst_case=true\n{"data": "no"}\n\n{"data": "x"}\n' \
	    >build-fuzz/corpus-serve/batch
	@printf 'data=%%ff&data=%%zz&=\n{"answers": {}, "worst_case": 1}' \
	    >build-fuzz/corpus-serve/bad
	clang -g -O1 -fsanitize=fuzzer,address,undefined -D_DEFAULT_SOURCE \
	    -D_POSIX_C_SOURCE=200809L -DAIPOLICY_VERSION='"fuzz"' \
	    -Iinclude -Isrc/core -Isrc/serve tests/fuzz/fuzz_serve.c \
	    src/core/*.c $(SERVE_SOURCES) \
	    $$(pkg-config --cflags --libs yaml-0.1 jansson nettle \
	    libmicrohttpd) -lpthread -o build-fuzz/fuzz_serve
	./build-fuzz/fuzz_serve -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=65536 -timeout=10 build-fuzz/corpus-serve
