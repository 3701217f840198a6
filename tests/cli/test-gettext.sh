#!/bin/sh
# test-gettext.sh: the program's own words in German and French (GNU
# gettext, po/).
#
# usage: sh test-gettext.sh BUILD/aipolicy SOURCE_DIR
#
# The catalogues are built beside the program and installed; the template
# po/aipolicy.pot holds the texts the sources have now, and de.po and fr.po
# translate every one of them; check (text) and ask --plain speak the
# language the environment asks for (LANGUAGE, LC_ALL, LANG, in gettext's
# order; de_DE.UTF-8 is not installed and must work all the same), with
# plurals, and English when there is no catalogue; JSON stays English.
. "$(dirname "$0")/lib.sh"

cd "$fixtures/.." || exit 1
pol=fixtures/basic.yaml

# speak VAR=VALUE... PROGRAM ARGS...: run with only the language variables
# given (no LANGUAGE, LC_ALL, LC_MESSAGES or LANG inherited).
speak() {
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG "$@"
}

# same WHAT FILE: FILE holds exactly what stdin holds.
same() {
	cat >"$tmp/want"
	if cmp -s "$tmp/want" "$2"; then
		ok
	else
		no "$1"
		diff -u "$tmp/want" "$2" | sed 's/^/  /'
	fi
}

# code WHAT WANT GOT: the exit code.
code() {
	[ "$3" = "$2" ] && ok || no "$1: exit $3, want $2"
}

# --- the catalogues: built beside the program, installed under share/locale
for l in de fr; do
	mo=$(dirname "$bin")/locale/$l/LC_MESSAGES/aipolicy.mo
	[ -s "$mo" ] && ok || no "catalogue $l not built at $mo"
done
if cmake --install "$(dirname "$bin")" --prefix "$tmp/inst" \
    >/dev/null 2>&1; then
	for l in de fr; do
		[ -s "$tmp/inst/share/locale/$l/LC_MESSAGES/aipolicy.mo" ] &&
		    ok || no "catalogue $l not installed"
	done
else
	no "cmake --install failed"
fi

# --- po/: the template up to date with the sources, every text translated
if command -v xgettext >/dev/null 2>&1 && command -v msgcat >/dev/null 2>&1
then
	# msgids: the texts and their plurals, in one order
	msgids() {
		msgcat --no-wrap --sort-output "$1" | grep -E '^msgid(_plural)? '
	}
	if sh "$src/po/update.sh" --pot "$src" "$tmp/now.pot" 2>"$tmp/err"
	then
		msgids "$tmp/now.pot" >"$tmp/now"
		msgids "$src/po/aipolicy.pot" >"$tmp/committed"
		if cmp -s "$tmp/now" "$tmp/committed"; then
			ok
		else
			no "po/aipolicy.pot is not up to date: make po"
			diff -u "$tmp/committed" "$tmp/now" | sed 's/^/  /'
		fi
	else
		no "po/update.sh --pot failed"
		sed 's/^/  /' "$tmp/err"
	fi
	for l in de fr; do
		po=$src/po/$l.po
		stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)
		if echo "$stats" | grep -qxE '[0-9]+ translated messages?\.'; then
			ok
		else
			no "po/$l.po: $stats (want every message translated)"
		fi
		if msgcmp "$po" "$src/po/aipolicy.pot" 2>"$tmp/err"; then
			ok
		else
			no "po/$l.po lacks texts of po/aipolicy.pot: make po"
			sed 's/^/  /' "$tmp/err" | head -10
		fi
	done
else
	skip "po/aipolicy.pot up to date, po/*.po complete" "gettext"
fi

# --- check in German: from LANGUAGE, and from LANG alone (not installed)
for how in "LANGUAGE=de LC_ALL=C.UTF-8" "LANG=de_DE.UTF-8"; do
	# shellcheck disable=SC2086
	speak $how "$bin" check --today 2027-01-05 "$pol" data=? \
	    >"$tmp/out" 2>"$tmp/err"
	code "check, $how" 20 $?
	same "check, $how: German words" "$tmp/out" <<'EOF'
Schlimmstenfalls: Keine KI nutzen
Wenn die mit „weiß nicht“ markierten Antworten so ausfallen wie unten angenommen:
Do not put this data into an AI tool.
Ihre Antworten: Does the task involve confidential, client or personal data? yes (weiß nicht) → Will you use the company-approved AI tool with data protection? no (weiß nicht)
Antworten mit milderem Ergebnis:
  - Does the task involve confidential, client or personal data? — 'no' ergibt schlimmstenfalls: KI mit Prüfung nutzen
  - Will you use the company-approved AI tool with data protection? — 'yes' ergibt schlimmstenfalls: KI mit Prüfung nutzen
Zur Klärung beantworten Sie: approved_tool
  Will you use the company-approved AI tool with data protection?
  Antworten: 'yes', 'no'
Richtlinie: Acme AI usage policy, Version 2026-Q4
Fragen? Wenden Sie sich an AI Governance Office <ai-policy@acme.example>
Achtung: diese Richtlinie hätte am 2026-12-31 überprüft werden sollen; fragen Sie AI Governance Office <ai-policy@acme.example>, ob sie noch gilt.
EOF
	same "check, $how: the date warning in German" "$tmp/err" <<'EOF'
aipolicy: fixtures/basic.yaml: warning: diese Richtlinie hätte am 2026-12-31 überprüft werden sollen; fragen Sie AI Governance Office <ai-policy@acme.example>, ob sie noch gilt
EOF
done

# --- check in French: LC_ALL over LANG; the warnings too. French puts a
# no-break space (U+00A0) before ":", ";" and "?".
speak LC_ALL=fr_FR.UTF-8 LANG=de_DE.UTF-8 "$bin" check --today 2026-01-05 \
    "$pol" data=no audienc=x >"$tmp/out" 2>"$tmp/err"
code "check in French" 30 $?
same "check in French: the words" "$tmp/out" <<'EOF'
Pas encore de décision. Question suivante : audience
  Who will see the result?
  réponses : 'only me', 'my team', 'clients or the public'
Vos réponses : Does the task involve confidential, client or personal data? no
Politique : Acme AI usage policy, version 2026-Q4
Des questions ? Contactez AI Governance Office <ai-policy@acme.example>
Attention : cette politique n'entre en vigueur que le 2026-10-01 ; demandez à AI Governance Office <ai-policy@acme.example> quelles règles s'appliquent d'ici là.
EOF
same "check in French: the warnings" "$tmp/err" <<'EOF'
aipolicy: fixtures/basic.yaml: warning: cette politique n'entre en vigueur que le 2026-10-01 ; demandez à AI Governance Office <ai-policy@acme.example> quelles règles s'appliquent d'ici là
aipolicy: fixtures/basic.yaml: warning: la politique n'a pas de question 'audienc' ; la réponse donnée est ignorée (vouliez-vous dire 'audience' ?)
EOF

# --- no catalogue: English; the next language asked for that has one
speak LANGUAGE=it LC_ALL=C.UTF-8 "$bin" check --today 2026-11-28 "$pol" \
    data=no audience='only me' >"$tmp/out" 2>&1
code "LANGUAGE=it" 0 $?
same "LANGUAGE=it: English" "$tmp/out" <<'EOF'
Verdict: Use AI freely
Use AI freely.
Why: Internal drafts carry little risk.
Your answers: Does the task involve confidential, client or personal data? no → Who will see the result? only me
Policy: Acme AI usage policy, version 2026-Q4
Questions? Ask AI Governance Office <ai-policy@acme.example>
EOF
speak LANGUAGE=it:fr LANG=C.UTF-8 "$bin" check --today 2026-11-28 "$pol" \
    data=no audience='only me' >"$tmp/out" 2>&1
sed -n 1p "$tmp/out" >"$tmp/first"
same "LANGUAGE=it:fr: French" "$tmp/first" <<'EOF'
Décision : Utiliser l'IA librement
EOF

# --- JSON is for programs: English, keys; stderr speaks to the person
speak LANGUAGE=de LC_ALL=C.UTF-8 "$bin" check --json --today 2026-11-28 \
    "$pol" data=nein >"$tmp/out" 2>"$tmp/err"
code "check --json, a wrong answer" 65 $?
same "check --json: the error in English" "$tmp/out" <<'EOF'
{"status": "error", "error": "'nein' is not an answer of question 'data' (answers: 'yes', 'no')"}
EOF
same "check --json: stderr in German" "$tmp/err" <<'EOF'
aipolicy: fixtures/basic.yaml: error: 'nein' ist keine Antwort auf die Frage 'data' (Antworten: 'yes', 'no')
EOF

# --- ask --plain in German: plurals (2 and 1), a wrong answer, help, and
# "Not sure" typed in German
printf 'x\n?\n2\nweiß nicht\n' | speak LANG=de_DE.UTF-8 "$bin" ask --plain \
    --today 2026-11-28 "$pol" >"$tmp/out" 2>"$tmp/err"
code "ask --plain in German" 10 $?
same "ask --plain in German" "$tmp/out" <<'EOF'
Acme AI usage policy, Version 2026-Q4 (verantwortlich: AI Governance Office <ai-policy@acme.example>)

Frage 1 (höchstens noch 2 Fragen): Does the task involve confidential, client or personal data?
  1. yes
  2. no
  3. Weiß nicht
Antwort (1-3, eine Antwort oder ? für Hilfe): 'x' ist keine Antwort: Geben Sie eine Zahl von 1 bis 3, eine der Antworten oder ? für Hilfe ein.
Antwort (1-3, eine Antwort oder ? für Hilfe): Hilfe: NDAs, customer records, HR files, health data, unreleased numbers.
Antwort (1-3, eine Antwort oder ? für Hilfe): 
Frage 2 (höchstens noch 1 Frage): Who will see the result?
  1. only me
  2. my team
  3. clients or the public
  4. Weiß nicht
Antwort (1-4, eine Antwort oder ? für Hilfe): 
Schlimmstenfalls: KI mit Prüfung nutzen
Wenn die mit „weiß nicht“ markierten Antworten so ausfallen wie unten angenommen:
Use AI, and have the output reviewed before it is used.
Prüfung durch: Your line manager
Geben Sie an, dass KI mitgewirkt hat.
Bedingungen:
  - Check every figure and citation against its source.
  - Say in the document that AI assisted.
Ihre Antworten: Does the task involve confidential, client or personal data? no → Who will see the result? clients or the public (weiß nicht)
Antworten mit milderem Ergebnis:
  - Who will see the result? — 'only me' oder 'my team' ergibt schlimmstenfalls: KI frei nutzen
Fragen? Wenden Sie sich an AI Governance Office <ai-policy@acme.example>
EOF
[ -s "$tmp/err" ] && no "ask --plain in German: stderr $(cat "$tmp/err")" || ok

# --- ask --plain in French: 1 is singular, 2 plural; "not sure" in
# English is still taken; the input ending is said in French
printf '1\nnot sure\n' | speak LC_ALL=fr_FR.UTF-8 "$bin" ask --plain \
    --today 2026-11-28 "$pol" >"$tmp/out" 2>"$tmp/err"
code "ask --plain in French" 20 $?
grep -E '^(Question|Au pire|Réponses)' "$tmp/out" >"$tmp/lines"
same "ask --plain in French" "$tmp/lines" <<'EOF'
Question 1 (au plus 2 restantes) : Does the task involve confidential, client or personal data?
Question 2 (au plus 1 restante) : Will you use the company-approved AI tool with data protection?
Au pire : Ne pas utiliser l'IA
Réponses moins restrictives :
EOF
printf '1\n' | speak LC_ALL=fr_FR.UTF-8 "$bin" ask --plain \
    --today 2026-11-28 "$pol" >"$tmp/out" 2>"$tmp/err"
code "ask --plain in French, input ended" 130 $?
same "ask --plain in French, input ended" "$tmp/err" <<'EOF'
aipolicy: error: l'entrée s'est terminée avant une décision
EOF

# --- a write that fails is still exit 74 in another language
speak LANGUAGE=de LC_ALL=C.UTF-8 "$bin" check --today 2026-11-28 "$pol" \
    >/dev/full 2>/dev/null
code "check in German > /dev/full" 74 $?
printf '2\n1\n' | speak LANGUAGE=fr LC_ALL=C.UTF-8 "$bin" ask --plain \
    --today 2026-11-28 "$pol" >/dev/full 2>/dev/null
code "ask --plain in French > /dev/full" 74 $?

# --- out of memory while the words are loaded: exit 71, said in English
oom=$(dirname "$bin")/aipolicy-oom
if [ -x "$oom" ]; then
	for k in 1 2; do
		AIPOLICY_FAIL_ALLOC=$k speak LANGUAGE=de LC_ALL=C.UTF-8 "$oom" \
		    check --today 2026-11-28 "$pol" >/dev/null 2>"$tmp/err"
		rc=$?
		code "words_load, allocation $k failing" 71 $rc
		grep -qxF 'aipolicy: error: out of memory' "$tmp/err" && ok ||
		    no "words_load, allocation $k failing: $(cat "$tmp/err")"
	done
else
	no "$oom is not built"
fi

finish
