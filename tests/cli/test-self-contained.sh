#!/bin/sh
# The project speaks for itself: no file it ships refers to the contract
# folder its developers work from, which its users do not have.
# usage: test-self-contained.sh AIPOLICY SOURCE_DIR
set -u
src=$2
cd "$src" || exit 1
if ! command -v git >/dev/null 2>&1 || ! git rev-parse --git-dir >/dev/null 2>&1; then
	files=$(grep -rlE 'shared/(spec|STYLE)|\.\./shared' README.md docs include src policies tests scripts Makefile CMakeLists.txt 2>/dev/null | grep -v 'test-self-contained.sh')
else
	files=$(git grep -lE 'shared/(spec|STYLE)|\.\./shared' -- . ':!tests/cli/test-self-contained.sh' 2>/dev/null)
fi
if [ -n "$files" ]; then
	echo "these files refer to the contract folder:"
	echo "$files" | sed 's/^/  /'
	echo "0 passed, 1 failed"
	exit 1
fi
echo "1 passed, 0 failed"
