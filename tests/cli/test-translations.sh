#!/bin/sh
# End-to-end: the policy read in another language through its translation
# files. The environment alone chooses the language (LANGUAGE, LC_ALL,
# LC_MESSAGES, LANG, as gettext reads them; a locale the machine does not
# have still counts), --lang wins over it, and the keys stay the policy's
# in JSON and in the decision log. The shipped translations are complete
# and their pages fit (lint --strict), the HTML page in German and French
# prints on one A4 page (headless Chromium and pdfinfo; a SKIP line when
# missing), an Arabic page reads right to left, and failed writes exit 74.
# usage: test-translations.sh AIPOLICY SOURCE_DIR
. "$(dirname "$0")/lib.sh"
example=$src/policies/example.yaml
small=$fixtures/tr/small.yaml
answers='data=no people=no regulated=no code=no audience=my team team_facts=yes'

# lang ENV...: run the program with only the locale variables ENV set
# (each NAME=VALUE), the rest of the command line after "--".
lang() {
	envs=
	while [ "$1" != -- ]; do
		envs="$envs $1"
		shift
	done
	shift
	# shellcheck disable=SC2086
	env -u LC_ALL -u LC_MESSAGES -u LANG -u LANGUAGE $envs "$bin" "$@"
}

# summary_of: the summary of check --json on stdin.
summary_of() {
	"$py" -c 'import json, sys; print(json.load(sys.stdin)["summary"])'
}

# ---- the environment chooses -----------------------------------------------

de='Nutzen Sie KI, und lassen Sie das Ergebnis gegenlesen, bevor sich das Team darauf verlässt.'
fr="Utilisez l'IA, et faites relire le résultat par un collègue avant que l'équipe ne s'y fie."
en='Use AI, and have a colleague check it before the team relies on it.'
# shellcheck disable=SC2086
check() { lang "$@" check --json --today 2026-11-28 "$example" data=no \
    people=no regulated=no code=no 'audience=my team' team_facts=yes; }

[ "$(check LANG=de_DE.UTF-8 -- | summary_of)" = "$de" ] && ok ||
    no "LANG=de_DE.UTF-8 (not installed here) gives German"
[ "$(check LANG=de_AT.UTF-8 -- | summary_of)" = "$de" ] && ok ||
    no "LANG=de_AT.UTF-8 falls back to German"
[ "$(check LANGUAGE=fr:de LANG=de_DE.UTF-8 -- | summary_of)" = "$fr" ] && ok ||
    no "LANGUAGE=fr:de gives French"
[ "$(check LANGUAGE=it:de LANG=fr_FR.UTF-8 -- | summary_of)" = "$de" ] && ok ||
    no "LANGUAGE=it:de: no Italian, then German"
[ "$(check LC_MESSAGES=fr_FR.UTF-8 LANG=de_DE.UTF-8 -- | summary_of)" = "$fr" ] &&
    ok || no "LC_MESSAGES before LANG"
[ "$(check LC_ALL=fr_FR.UTF-8 LC_MESSAGES=de_DE.UTF-8 -- | summary_of)" = "$fr" ] &&
    ok || no "LC_ALL before LC_MESSAGES"
[ "$(check LC_ALL=C.UTF-8 LANG=de_DE.UTF-8 -- | summary_of)" = "$en" ] && ok ||
    no "LC_ALL=C.UTF-8: the policy's own texts"
[ "$(check LANG=it_IT.UTF-8 -- | summary_of)" = "$en" ] && ok ||
    no "a language with no translation: the policy's own texts"
[ "$(check -- | summary_of)" = "$en" ] && ok ||
    no "no locale at all: the policy's own texts"
[ "$(lang LANG=de_DE.UTF-8 -- check --json --lang fr --today 2026-11-28 \
    "$example" data=no people=no regulated=no code=no 'audience=my team' \
    team_facts=yes | summary_of)" = "$fr" ] && ok || no "--lang wins over LANG"
[ "$(lang LANG=de_DE.UTF-8 -- check --json --lang C --today 2026-11-28 \
    "$example" data=no people=no regulated=no code=no 'audience=my team' \
    team_facts=yes | summary_of)" = "$en" ] && ok ||
    no "--lang C: the policy's own texts whatever LANG says"
lang LANG=de_DE.UTF-8 -- check --today 2026-11-28 "$example" data=nein \
    people=nein >"$tmp/out" 2>&1
[ $? = 30 ] && grep -q "^  Antworten: 'nein', 'ja'$" "$tmp/out" &&
    grep -q '^  Ist das Ergebnis eine rechtliche' "$tmp/out" && ok ||
    no "LANG=de_DE.UTF-8 check: German answers taken, the next question in German"

# A translation the environment chose that is not valid is passed over
# with a warning; asked for with --lang, it is an error.
lint_policy=$fixtures/tr/lint/lint.yaml
lang LANG=de-shown -- check --json --today 2026-06-01 "$lint_policy" \
    data=yes tool=no >"$tmp/out" 2>"$tmp/err"
[ $? = 20 ] && [ "$(summary_of <"$tmp/out")" = 'Do not put client data into this tool.' ] &&
    grep -q "lint.de-shown.yaml: warning: this translation cannot be used" \
    "$tmp/err" && ok ||
    no "an invalid translation from the environment: the policy's own texts, a warning"
lang LANG=de-shown -- check --lang de-shown --today 2026-06-01 \
    "$lint_policy" data=yes tool=no >/dev/null 2>&1
[ $? = 65 ] && ok || no "an invalid translation asked for: exit 65"

# ---- check --json --lang fr: French texts, the policy's keys ---------------

"$bin" check --json --lang fr --today 2026-11-28 "$example" data=non \
    people=non regulated=non 'code=script jetable ou prototype' \
    'audience=des clients ou le public' client_terms=no >"$tmp/fr.json"
[ $? = 30 ] && "$py" - "$tmp/fr.json" <<'EOF' && ok || no "check --json --lang fr"
import json, sys
r = json.load(open(sys.argv[1]))
assert [s["answer"] for s in r["path"]] == [
    "no", "no", "no", "throwaway script or prototype",
    "clients or the public", "no"], r["path"]
n = r["next"]
assert n["question"] == "likeness" and n["answers"] == ["yes", "no"], n
assert n["labels"] == ["oui", "non"], n
assert n["ask"].startswith("Le contenu montrera-t-il"), n
assert r["policy"]["id"] == "acme-ai-use"
EOF

# ---- the decision log keeps the keys ---------------------------------------

printf 'nein\nnein\nNEIN\n1\nnur ich\n' >"$tmp/ask.in"
lang LANG=de_DE.UTF-8 -- ask --plain --today 2026-11-28 --log "$tmp/log" \
    "$example" <"$tmp/ask.in" >"$tmp/ask.out" 2>&1
rc=$?
grep -q 'Frage 1 (höchstens noch 8 Fragen): Geht es bei der Aufgabe um' \
    "$tmp/ask.out" && grep -q '^  1\. nein$' "$tmp/ask.out" && ok ||
    no "ask --plain with LANG=de_DE.UTF-8 asks in German"
[ $rc = 0 ] && "$py" - "$tmp/log" <<'EOF' && ok || no "ask: the log records keys (exit $rc)"
import json, sys
r = json.loads(open(sys.argv[1]).readline())
assert [s["answer"] for s in r["path"]] == [
    "no", "no", "no", "no", "only me"], r["path"]
assert r["outcome"] == "free"
EOF
lang LANG=fr_FR.UTF-8 -- check --log "$tmp/log2" --today 2026-11-28 \
    "$example" data=non people=non regulated=oui >/dev/null
[ $? = 10 ] && grep -q '"path": \[{"question": "data", "answer": "no"}, {"question": "people", "answer": "no"}, {"question": "regulated", "answer": "yes"}\]' \
    "$tmp/log2" && ok || no "check: the log records keys for answers given as shown"

# ---- the shipped translations ----------------------------------------------

"$bin" lint --strict --today 2026-11-28 "$example" >"$tmp/out" 2>&1 && ok ||
    { no "lint --strict: the shipped translations are complete and fit"; cat "$tmp/out"; }
for l in de fr; do
	"$bin" render --lang $l "$example" >"$tmp/page.$l"
	[ "$(wc -l <"$tmp/page.$l")" -le 66 ] &&
	    [ "$(wc -L <"$tmp/page.$l")" -le 100 ] && ok ||
	    no "render --lang $l: at most 66 lines of 100 columns"
done
(cd "$src/policies" && "$bin" render --lang de example.yaml) >"$tmp/page.here"
cmp -s "$tmp/page.here" "$tmp/page.de" && ok ||
    no "a policy named without a folder finds its translations"

# ---- a .yml policy has .yml translations ------------------------------------

cp "$small" "$tmp/p.yml"
cp "$fixtures/tr/small.de.yaml" "$tmp/p.de.yml"
cp "$fixtures/tr/small.de.yaml" "$tmp/p.fr.yaml"
"$bin" check --lang de --today 2026-06-01 "$tmp/p.yml" data=ja tool=nein \
    >"$tmp/out" 2>&1
[ $? = 20 ] && grep -q 'Geben Sie keine Kundendaten' "$tmp/out" && ok ||
    no "p.de.yml translates p.yml"
"$bin" check --lang fr "$tmp/p.yml" data=yes 2>"$tmp/err"
[ $? = 64 ] && grep -q "there are: de$" "$tmp/err" && ok ||
    no "p.fr.yaml does not translate p.yml"

# ---- failed writes -----------------------------------------------------------

full "check --lang de" check --lang de "$example" data=no
full "check --json --lang fr" check --json --lang fr "$example" data=no
full "render --lang de" render --lang de "$example"
full "render --format html --lang fr" render --format html --lang fr "$example"
full "lint --format json of a translation" lint --format json \
    "$fixtures/tr/small.de.yaml"

# ---- Chromium: the HTML page in German and French, and in Arabic ------------

chrome() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$tmp/chrome" "$@" 2>/dev/null
}

if command -v chromium >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1
then
	for l in de fr; do
		"$bin" render --format html --lang $l -o "$tmp/$l.html" "$example"
		grep -q "^<html lang=\"$l\">$" "$tmp/$l.html" && ok ||
		    no "html --lang $l: <html lang=\"$l\">"
		chrome --no-pdf-header-footer --print-to-pdf="$tmp/$l.pdf" \
		    "file://$tmp/$l.html"
		pdfinfo "$tmp/$l.pdf" 2>/dev/null | grep -Eq '^Pages: +1$' &&
		    ok || no "the example's HTML in '$l' prints on one page"
	done
	"$bin" render --format html --lang ar -o "$tmp/ar.html" \
	    "$fixtures/tr/wide/wide.yaml"
	chrome --dump-dom "file://$tmp/ar.html" >"$tmp/ar.dom"
	grep -q '<html lang="ar" dir="rtl">' "$tmp/ar.dom" &&
	    grep -q 'سياسة الاستخدام' "$tmp/ar.dom" && ok ||
	    no "html --lang ar: the page reads right to left"
else
	command -v chromium >/dev/null 2>&1 ||
	    skip "Chromium prints the translated HTML on one page" chromium
	command -v pdfinfo >/dev/null 2>&1 ||
	    skip "the translated HTML page count" pdfinfo
fi

finish
