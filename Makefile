# The two set-up commands of the README: `make run` and `make test`.
# Both install what is missing (scripts/deps.sh, once: again only when the
# script changes or configuring fails), configure and build.
#
#   WERROR=ON       compiler warnings are errors (CI)
#   PREFIX=DIR      make install: where to (default /usr/local)
#   DESTDIR=DIR     make install, make uninstall: staged under DIR

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
WERROR ?= OFF
CMAKE_FLAGS = -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAIPOLICY_WERROR=$(WERROR)
DEPS_STAMP = $(BUILD)/deps.stamp

.PHONY: all deps build run test bench asan tsan fuzz fuzz-serve clean po \
	install uninstall

all: build

deps: $(DEPS_STAMP)

$(DEPS_STAMP): scripts/deps.sh
	@sh scripts/deps.sh
	@mkdir -p $(BUILD) && touch $@

# Configuring fails when a library went missing since the stamp: then the
# packages are looked at again, and configuring tried once more, aloud.
build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null 2>&1 || \
	    { rm -f $(DEPS_STAMP); sh scripts/deps.sh && \
	    cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null && touch $(DEPS_STAMP); }
	@cmake --build $(BUILD) -j$(JOBS)

# The program, the libraries, headers, pkg-config and CMake files, manual
# pages, completion, catalogues, example policies and schema.
install: build
	@DESTDIR=$(DESTDIR) cmake --install $(BUILD) $(if $(PREFIX),--prefix $(PREFIX))

# Removes what the last install wrote (BUILD/install_manifest.txt).
uninstall:
	@DESTDIR=$(DESTDIR) cmake --build $(BUILD) --target uninstall

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
	    -DAIPOLICY_WERROR=$(WERROR) -DAIPOLICY_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j$(JOBS)
	@rc=0; ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    ctest --test-dir build-asan --output-on-failure -j$(JOBS) || rc=$$?; \
	    grep -h '^SKIP' build-asan/Testing/Temporary/LastTest.log \
	    2>/dev/null | sort -u; exit $$rc

# The tests that run threads against each other, again under
# ThreadSanitizer (any report fails): 8 threads walking one policy through
# the library, and the server's: a smaller load than make test's, the
# reloads under load (with translations, and the catalogues of the
# program's words), the graceful stop. Builds only what they need.
TSAN_CLIENTS ?= 8
TSAN_REQUESTS ?= 200
tsan: deps
	@cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug \
	    -DAIPOLICY_WERROR=$(WERROR) -DAIPOLICY_TSAN=ON >/dev/null
	@cmake --build build-tsan -j$(JOBS) --target aipolicy aipolicy-serve \
	    aipolicy-catalogues test_threads
	TSAN_OPTIONS=halt_on_error=1:abort_on_error=1 build-tsan/test_threads
	TSAN_OPTIONS=halt_on_error=1:abort_on_error=1 \
	    sh tests/cli/test-serve-load.sh build-tsan/aipolicy . \
	    $(TSAN_CLIENTS) $(TSAN_REQUESTS)
	TSAN_OPTIONS=halt_on_error=1:abort_on_error=1 \
	    sh tests/cli/test-serve-reload.sh build-tsan/aipolicy .
	TSAN_OPTIONS=halt_on_error=1:abort_on_error=1 \
	    sh tests/cli/test-serve-stop.sh build-tsan/aipolicy .

# The catalogues of the program's words brought up to date with the
# sources: po/aipolicy.pot extracted anew, every po/LANG.po merged with it
# (po/update.sh; needs Debian's gettext). Translators then fill in po/.
po:
	@sh po/update.sh .

bench: build
	sh scripts/bench.sh $(BUILD)/aipolicy

clean:
	rm -rf $(BUILD) build-asan build-tsan build-fuzz

# The loader, the batch parser against jansson, then the translation
# loader, under libFuzzer for FUZZ_SECONDS each (needs clang).
FUZZ_SECONDS ?= 60
fuzz: build
	@mkdir -p build-fuzz/corpus
	@cp policies/*.yaml tests/cli/cases/fixtures/*.yaml build-fuzz/corpus/
	clang -g -O1 -fsanitize=fuzzer,address,undefined -D_DEFAULT_SOURCE \
	    -Iinclude -I$(BUILD)/include -Isrc -Isrc/core \
	    tests/fuzz/fuzz_load.c src/core/*.c \
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
	    -Iinclude -I$(BUILD)/include -Isrc -Isrc/core \
	    tests/fuzz/fuzz_batch.c src/core/*.c \
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
# a query string, an Accept-Language header and a body, each after a line
# break, in; every response read out.
SERVE_SOURCES = $(filter-out src/serve/main.c,$(wildcard src/serve/*.c))
fuzz-serve: build
	@mkdir -p build-fuzz/corpus-serve
	@printf 'data=no&people=no\nfr-CH, fr;q=0.9\n{"answers": {"data": "?"}}' \
	    >build-fuzz/corpus-serve/check
	@printf 'worst_case=true&lang=de\n\n{"data": "no"}\n\n{"data": "x"}\n' \
	    >build-fuzz/corpus-serve/batch
	@printf 'data=%%ff&data=%%zz&=&lang=x%%00\nde;q=2, *, ar;q=0\n%s' \
	    '{"answers": {}, "worst_case": 1}' >build-fuzz/corpus-serve/bad
	@printf 'lang=fr&data=non&people=no&lang=de-AT\nen;q=0.5, de\n' \
	    >build-fuzz/corpus-serve/lang
	@# the program's catalogues, where the target looks for them: beside it
	@ln -sfn $(abspath $(BUILD))/locale build-fuzz/locale
	clang -g -O1 -fsanitize=fuzzer,address,undefined -D_DEFAULT_SOURCE \
	    -D_POSIX_C_SOURCE=200809L \
	    -Iinclude -I$(BUILD)/include -Isrc -Isrc/core -Isrc/serve \
	    tests/fuzz/fuzz_serve.c \
	    src/core/*.c $(SERVE_SOURCES) \
	    $$(pkg-config --cflags --libs yaml-0.1 jansson nettle \
	    libmicrohttpd) -lpthread -o build-fuzz/fuzz_serve
	./build-fuzz/fuzz_serve -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=65536 -timeout=10 build-fuzz/corpus-serve
