#!/bin/sh
# update.sh: the catalogues of the program's own words, brought up to date
# with the sources.
#
# usage: sh po/update.sh SOURCE_DIR
#            po/aipolicy.pot extracted anew (xgettext), then every
#            po/LANG.po of po/LINGUAS merged with it (msgmerge): new texts
#            come in untranslated, changed ones marked fuzzy, removed ones
#            kept as obsolete (#~) comments
#        sh po/update.sh --pot SOURCE_DIR OUT
#            only the template, written to OUT (the tests compare it with
#            po/aipolicy.pot)
#
# Every word is in src/core/words.def (N_ marks a text, NN_ a
# singular and plural); the C sources are read too, so that a text marked
# anywhere else still reaches the translators.
set -eu
pot_only=0
if [ "${1:-}" = --pot ]; then
	pot_only=1
	shift
fi
src=$(cd "${1:?usage: update.sh [--pot] SOURCE_DIR [OUT]}" && pwd)
out=${2:-$src/po/aipolicy.pot}
case $out in /*) ;; *) out=$(pwd)/$out ;; esac

cd "$src"
# shellcheck disable=SC2046
xgettext --language=C --from-code=UTF-8 --keyword --keyword=_ --keyword=N_ \
    --keyword=NN_:1,2 --keyword=ngettext:1,2 \
    --add-comments=TRANSLATORS: --package-name=aipolicy \
    --no-wrap --output="$out" src/core/words.def \
    $(ls src/*/*.c src/*/*.h | LC_ALL=C sort)
[ $pot_only = 1 ] && exit 0

for lang in $(grep -v '^#' po/LINGUAS); do
	msgmerge --quiet --update --backup=none --no-wrap "po/$lang.po" \
	    po/aipolicy.pot
done
