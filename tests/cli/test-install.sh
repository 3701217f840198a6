#!/bin/sh
# test-install.sh: the engine as an installed library, as a packager and an
# embedding C programmer meet it.
#
# `cmake --install` into a temporary prefix puts every file in its place;
# the shared library exports aipolicy_* and nothing else, and so does the
# static one; the example of docs/embedding.md (which must be
# docs/examples/embed.c word for word) is built against the installed
# library with pkg-config (shared, under AddressSanitizer with leak checks,
# and static), with CMake's find_package(aipolicy), and from C++; the
# version is the same everywhere; DESTDIR stages an install and `uninstall`
# removes every file of it again.
# usage: test-install.sh AIPOLICY SOURCE_DIR
. "$(dirname "$0")/lib.sh"
build=$(dirname "$bin")
policy=$src/policies/example.yaml

if ! command -v cmake >/dev/null 2>&1 || [ ! -f "$build/cmake_install.cmake" ]; then
	skip "the installed library" "cmake or its build folder"
	finish
	exit
fi
# A library built with the sanitizers (make asan, make tsan) is no library
# to install: programs built against it would need their runtime first.
if grep -Eq '^AIPOLICY_(SANITIZE|TSAN):BOOL=ON' "$build/CMakeCache.txt" \
    2>/dev/null; then
	echo "SKIP: the installed library (a sanitizer build; make test" \
	    "installs the ordinary one)"
	finish
	exit
fi
prefix=$tmp/prefix
if ! cmake --install "$build" --prefix "$prefix" >"$tmp/install.out" 2>&1; then
	no "cmake --install --prefix"
	sed 's/^/  /' "$tmp/install.out"
	finish
	exit
fi
libdir=$(sed -n 's/^libdir=\${prefix}\///p' "$prefix"/lib*/pkgconfig/aipolicy.pc \
    "$prefix"/lib/*/pkgconfig/aipolicy.pc 2>/dev/null | head -n 1)
lib=$prefix/$libdir

# every file in its place
for f in bin/aipolicy libexec/aipolicy/aipolicy-serve \
    "$libdir/libaipolicy.so.0" "$libdir/libaipolicy.so" "$libdir/libaipolicy.a" \
    "$libdir/pkgconfig/aipolicy.pc" "$libdir/cmake/aipolicy/aipolicyConfig.cmake" \
    "$libdir/cmake/aipolicy/aipolicyConfigVersion.cmake" \
    include/aipolicy/aipolicy.h include/aipolicy/version.h \
    include/aipolicy/policy.h include/aipolicy/walk.h \
    include/aipolicy/result.h include/aipolicy/diag.h \
    include/aipolicy/lint.h include/aipolicy/render.h \
    share/man/man1/aipolicy.1 share/man/man5/aipolicy-policy.5 \
    share/bash-completion/completions/aipolicy \
    share/aipolicy/example.yaml share/aipolicy/template.yaml \
    share/aipolicy/example.de.yaml share/aipolicy/example.fr.yaml \
    share/aipolicy/aipolicy.schema.json \
    share/aipolicy/aipolicy-translation.schema.json \
    share/locale/de/LC_MESSAGES/aipolicy.mo \
    share/locale/fr/LC_MESSAGES/aipolicy.mo \
    share/aipolicy/examples/example-2027-q1.yaml \
    share/doc/aipolicy/embedding.md share/doc/aipolicy/examples/embed.c; do
	if [ -e "$prefix/$f" ]; then ok; else no "installed: $f"; fi
done
# the installed program finds its installed catalogues, and the
# installed example its translations
out=$(LANGUAGE=fr "$prefix/bin/aipolicy" check --today 2026-11-28 \
    "$prefix/share/aipolicy/example.yaml" data=no 2>&1)
case $out in "Pas encore de décision"*"Le résultat servira-t-il"*) ok ;;
*) no "the installed program in French: $out" ;; esac

# only the public headers: none includes an engine-internal one
if grep -l '"core/\|"cli/\|"util.h"' "$prefix"/include/aipolicy/*.h >/dev/null; then
	no "an installed header includes an internal one"
else
	ok
fi
if [ "$(readlink "$lib/libaipolicy.so.0")" = libaipolicy.so.0.1.0 ] &&
    objdump -p "$lib/libaipolicy.so.0" | grep -q 'SONAME *libaipolicy\.so\.0$'; then
	ok
else
	no "libaipolicy.so.0 is a link to libaipolicy.so.0.1.0 with that soname"
fi

# aipolicy_* and nothing else, in both libraries
for l in "nm -D --defined-only $lib/libaipolicy.so.0" \
    "nm -g --defined-only $lib/libaipolicy.a"; do
	$l 2>/dev/null | awk 'NF == 3 { print $3 }' >"$tmp/syms"
	other=$(grep -v '^aipolicy_' "$tmp/syms")
	if [ -s "$tmp/syms" ] && [ -z "$other" ] &&
	    grep -qx aipolicy_load_file "$tmp/syms" &&
	    grep -qx aipolicy_walker_run "$tmp/syms"; then
		ok
	else
		no "$l: exports $(echo $other | head -c 300)"
	fi
done

# the guide's program is the example file
awk '/^```c$/ { on = 1; next } /^```$/ { on = 0 } on' \
    "$src/docs/embedding.md" >"$tmp/guide.c"
if cmp -s "$tmp/guide.c" "$src/docs/examples/embed.c"; then
	ok
else
	no "docs/embedding.md's program is not docs/examples/embed.c"
fi

# run_embed NAME PROGRAM: the example's answers on the example policy
run_embed() {
	out=$("$2" "$policy" data=no people=no regulated=no code=no \
	    'audience=only me' 2>&1)
	[ $? = 0 ] && [ "$out" = "Use AI freely: Use AI freely; you stay responsible for the result." ] ||
	    { no "$1: a verdict: $out"; return; }
	out=$("$2" "$policy" data=no 2>&1)
	case $out in "Next question (people): Will the result"*) ;;
	*) no "$1: the next question: $out"; return ;; esac
	out=$("$2" "$policy" data=maybe 2>&1)
	[ $? = 1 ] && [ "$out" = "embed: 'maybe' is not an answer" ] ||
	    { no "$1: a bad answer: $out"; return; }
	printf 'id: [\n' >"$tmp/bad.yaml"
	out=$("$2" "$tmp/bad.yaml" 2>&1)
	case $out in "$tmp/bad.yaml:1:5: error: "*) ok ;;
	*) no "$1: an invalid policy: $out" ;; esac
}

export PKG_CONFIG_PATH="$lib/pkgconfig"
if ! command -v pkg-config >/dev/null 2>&1; then
	skip "building against the installed library" pkg-config
else
	cflags=$(pkg-config --cflags aipolicy)
	libs=$(pkg-config --libs aipolicy)
	case "$cflags $libs" in *"$prefix"*) ok ;;
	*) no "pkg-config points into the prefix: $cflags $libs" ;; esac
	# shared, under AddressSanitizer and UBSan, leaks included
	if cc -g -fsanitize=address,undefined -fno-sanitize-recover=all \
	    "$src/docs/examples/embed.c" $cflags $libs -Wl,-rpath,"$lib" \
	    -o "$tmp/embed-asan" 2>"$tmp/cc.err"; then
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		    run_embed "shared, ASan" "$tmp/embed-asan"
		if ldd "$tmp/embed-asan" | grep -q "$lib/libaipolicy.so.0"; then
			ok
		else
			no "the example runs with the installed libaipolicy.so.0"
		fi
	else
		no "cc embed.c \$(pkg-config --cflags --libs aipolicy) -fsanitize=address"
		sed 's/^/  /' "$tmp/cc.err"
	fi
	# static: the archive and what pkg-config --static adds
	slibs=$(pkg-config --static --libs aipolicy | sed "s#-laipolicy#$lib/libaipolicy.a#")
	if cc "$src/docs/examples/embed.c" $cflags $slibs -o "$tmp/embed-static" \
	    2>"$tmp/cc.err"; then
		run_embed "static" "$tmp/embed-static"
		if ldd "$tmp/embed-static" | grep -q libaipolicy; then
			no "the static example needs libaipolicy.so"
		else
			ok
		fi
	else
		no "cc embed.c libaipolicy.a \$(pkg-config --static --libs aipolicy)"
		sed 's/^/  /' "$tmp/cc.err"
	fi
	# the version: header, library and program agree
	cat >"$tmp/version.c" <<'END'
#include <stdio.h>
#include <string.h>
#include <aipolicy/aipolicy.h>
int main(void)
{
	printf("%s %d\n", aipolicy_version(), aipolicy_version_number());
	return strcmp(aipolicy_version(), AIPOLICY_VERSION_STRING) != 0 ||
	    aipolicy_version_number() != AIPOLICY_VERSION_NUMBER;
}
END
	want=$("$prefix/bin/aipolicy" --version | sed 's/^aipolicy //')
	if cc -std=c11 -Wall -Wextra -Werror -pedantic "$tmp/version.c" $cflags \
	    $libs -Wl,-rpath,"$lib" -o "$tmp/version" 2>"$tmp/cc.err" &&
	    out=$("$tmp/version") && [ "${out% *}" = "$want" ]; then
		ok
	else
		no "the version: aipolicy --version says $want, the library ${out:-?}"
		sed 's/^/  /' "$tmp/cc.err"
	fi
	# C++: the headers are wrapped in extern "C"
	if command -v c++ >/dev/null 2>&1; then
		cp "$tmp/version.c" "$tmp/version.cc"
		if c++ -Wall -Werror "$tmp/version.cc" $cflags $libs \
		    -Wl,-rpath,"$lib" -o "$tmp/version-cxx" 2>"$tmp/cc.err" &&
		    "$tmp/version-cxx" >/dev/null; then
			ok
		else
			no "a C++ program links with the library"
			sed 's/^/  /' "$tmp/cc.err"
		fi
	else
		skip "a C++ program links with the library" c++
	fi
fi

# CMake: find_package(aipolicy) and aipolicy::aipolicy
mkdir -p "$tmp/consumer"
cp "$src/docs/examples/embed.c" "$tmp/consumer/"
cat >"$tmp/consumer/CMakeLists.txt" <<'END'
cmake_minimum_required(VERSION 3.18)
project(consumer C)
find_package(aipolicy 0.1 REQUIRED)
add_executable(embed embed.c)
target_link_libraries(embed PRIVATE aipolicy::aipolicy)
END
if cmake -S "$tmp/consumer" -B "$tmp/consumer/build" \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_RPATH="$lib" \
    >"$tmp/cmake.out" 2>&1 &&
    cmake --build "$tmp/consumer/build" >>"$tmp/cmake.out" 2>&1; then
	run_embed "CMake" "$tmp/consumer/build/embed"
else
	no "find_package(aipolicy) and aipolicy::aipolicy"
	sed 's/^/  /' "$tmp/cmake.out"
fi

# DESTDIR stages; uninstall removes exactly what was installed
root=$tmp/root
if DESTDIR=$root cmake --install "$build" >"$tmp/install.out" 2>&1 &&
    [ -x "$root$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' \
    "$build/CMakeCache.txt")/bin/aipolicy" ]; then
	ok
else
	no "DESTDIR=... cmake --install"
fi
if DESTDIR=$root cmake --build "$build" --target uninstall \
    >"$tmp/uninstall.out" 2>&1 && [ -z "$(find "$root" -type f -o -type l)" ]; then
	ok
else
	no "uninstall leaves: $(find "$root" -type f -o -type l | head -n 5)"
fi
finish
