#!/bin/sh
# End-to-end: policies/aipolicy.schema.json, the JSON Schema that editors
# check policies with, agrees with the loader. Every policy `aipolicy lint`
# accepts (the shipped ones, every fixture, and variants written in the
# forms YAML 1.2 editors read differently: 1, "1", yes, true, dates, block
# scalars) is valid under the schema; broken policies whose fault a schema
# can see (schema-bad-*.yaml and the variants below) are refused by both,
# the schema for the expected reason. Translation files (NAME.LANG.yaml
# beside NAME.yaml) are checked the same way against
# policies/aipolicy-translation.schema.json. tests/cli/schema_check.py validates
# with a real validator (python3-jsonschema) through a YAML 1.2 reader
# (python3-ruamel.yaml); see its comment on how it reads a file.
# usage: test-schema.sh AIPOLICY SOURCE_DIR
. "$(dirname "$0")/lib.sh"
schema=$src/policies/aipolicy.schema.json
trschema=$src/policies/aipolicy-translation.schema.json
helper=$src/tests/cli/schema_check.py
today=2026-06-01
modeline='# yaml-language-server: $schema=aipolicy.schema.json'
trmodeline='# yaml-language-server: $schema=aipolicy-translation.schema.json'

# is_translation FILE: FILE is named NAME.LANG.yaml beside NAME.yaml.
is_translation() {
	case $(basename "$1") in
	*.*.yaml) [ -f "${1%.*.yaml}.yaml" ] ;;
	*) false ;;
	esac
}

if ! [ -x "$py" ] || ! "$py" -c 'import jsonschema, ruamel.yaml' \
    2>/dev/null; then
	echo "SKIP: schema validation (python3-jsonschema or" \
	    "python3-ruamel.yaml not installed)"
	finish
	exit
fi

# Every shipped policy names the schema on its first line, every shipped
# translation the translation schema.
for f in "$src"/policies/*.yaml; do
	want=$modeline
	is_translation "$f" && want=$trmodeline
	[ "$(sed -n 1p "$f")" = "$want" ] && ok ||
	    no "$(basename "$f"): first line is not '$want'"
done

# The list of files to check: FILE<TAB>valid, or FILE<TAB>invalid<TAB>the
# start of the schema's error ("invalid at /JSON/POINTER: message").
list=$tmp/list
: >"$list"
for f in "$src"/policies/*.yaml "$fixtures"/*.yaml; do
	is_translation "$f" && continue
	case $(basename "$f") in
	schema-bad-*)
		why=$(sed -n 's/^# schema-error: //p' "$f")
		[ -n "$why" ] || no "$(basename "$f"): no '# schema-error:' line"
		printf '%s\tinvalid\t%s\n' "$f" "$why" >>"$list"
		;;
	*)
		# Other fixtures: where lint accepts, the schema must too.
		"$bin" lint --today "$today" "$f" >/dev/null 2>&1 &&
		    printf '%s\tvalid\n' "$f" >>"$list"
		;;
	esac
done
[ "$(grep -c "^$fixtures/.*	valid\$" "$list")" -ge 3 ] && ok ||
    no "fewer than 3 valid fixtures found"
[ "$(grep -c '	invalid	' "$list")" -ge 5 ] && ok ||
    no "fewer than 5 schema-bad-*.yaml fixtures found"

# Variants of a small valid policy, one form each.
cat >"$tmp/base.yaml" <<'EOF'
aipolicy: 1
id: schema-test
title: Schema test policy
version: v1
owner: Policy Team
effective: 2026-01-01
review_by: 2026-12-31
start: data
questions:
  data:
    label: Client data?
    ask: Does the task involve client data?
    answers:
      yes: tool
      no: free
  tool:
    ask: Is the tool approved?
    answers:
      yes: reviewed
      no: { verdict: do-not-use, summary: Stop. }
outcomes:
  free:
    verdict: use-freely
    summary: Go ahead.
  reviewed:
    verdict: use-with-review
    summary: Have it reviewed.
    reviewer: A colleague
    disclose: true
    review_minutes: 15
    conditions:
      - Check the figures.
tests:
  - answers: { data: no }
    expect: free
  - answers: { data: yes, tool: yes }
    expect: reviewed
  - answers: { data: yes, tool: no }
    expect: tool.no
EOF
# valid NAME SED-SCRIPT / invalid NAME ERROR SED-SCRIPT: the base policy
# edited by SED-SCRIPT (GNU sed), and what lint and the schema must say.
valid() {
	sed "$2" "$tmp/base.yaml" >"$tmp/$1.yaml"
	printf '%s\tvalid\n' "$tmp/$1.yaml" >>"$list"
}
invalid() {
	sed "$3" "$tmp/base.yaml" >"$tmp/$1.yaml"
	printf '%s\tinvalid\t%s\n' "$tmp/$1.yaml" "$2" >>"$list"
}
long() { # a string of N copies of a character
	printf "%$1s" '' | sed "s/ /$2/g"
}
l40=$(long 39 é)?
a80=$(long 80 ä)
id64=$(long 64 a)

# Forms an editor reads otherwise than aipolicy (numbers, booleans, block
# scalars with their line break), and limits: all valid for both.
valid unchanged ''
valid version-string 's/^aipolicy: 1$/aipolicy: "1"/'
valid version-block 's/^aipolicy: 1$/aipolicy: |\n  1/'
valid disclose-yes 's/disclose: true/disclose: yes/'
valid disclose-no 's/disclose: true/disclose: no/'
valid disclose-false 's/disclose: true/disclose: false/'
valid disclose-quoted 's/disclose: true/disclose: "true"/'
valid minutes-string 's/review_minutes: 15/review_minutes: "15"/'
valid minutes-max 's/review_minutes: 15/review_minutes: 999999999/'
valid dates-quoted 's/^effective: \(.*\)/effective: "\1"/;
    s/^review_by: \(.*\)/review_by: '"'"'\1'"'"'/'
valid numbers-as-text 's/^title: .*/title: 2026/; s/^version: v1/version: 1.0/;
    s/^owner: .*/owner: true/; s/summary: Go ahead./summary: .5/;
    s/reviewer: A colleague/reviewer: 42/; s/- Check the figures./- 1e3/'
valid number-ids 's/^id: .*/id: 2026/; s/^start: data/start: 0x1f/;
    s/^  data:/  0x1f:/; s/{ data:/{ 0x1f:/'
valid bool-and-float-ids 's/^  free:/  true:/; s/ no: free/ no: true/;
    s/expect: free/expect: true/; s/^  reviewed:/  1e3:/;
    s/: reviewed$/: 1e3/'
valid typed-answers 's/^      yes: tool/      1: tool/;
    s/^      no: free/      true: free\n      ~: free/;
    s/{ data: no }/{ data: true }/; s/{ data: yes,/{ data: 1,/g'
valid block-scalars 's/^id: .*/id: |\n  schema-test/;
    s/^effective: .*/effective: >-\n  2026-01-01/;
    s/^review_by: .*/review_by: |+\n  2026-12-31\n/;
    s/^    label: .*/    label: |\n      '"$l40"'/;
    s/verdict: use-with-review/verdict: |\n      use-with-review/;
    s/summary: Go ahead./summary: >\n      Go ahead./;
    s/expect: free/expect: |\n      free/;
    s/review_minutes: 15/review_minutes: |\n      15/;
    s/disclose: true/disclose: |\n      yes/;
    s/^      yes: tool/      ? |\n        yes\n      : tool/'
valid limits 's/^id: .*/id: '"$id64"'/; s/^    label: .*/    label: '"$l40"'/;
    s/^      no: free/      '"$a80"': free/; s/{ data: no }/{ data: '"$a80"' }/'
valid extensions '1i x-owner-notes: { approved: 2026-09-15, by: [Board] }
    /^    label:/i\    x-ticket: 1234
    /^    reviewer:/a\    x-cost: null
    s/summary: Stop. }/summary: Stop., x-why: "see #12" }/
    /expect: free/a\    x-note: |\n      first case
    /^outcomes:/i\  x-extra:\n    ask: A question whose id starts with x-?\
    answers:\n      x-yes: free\n      x-no: free'
valid inline-target 's/^      no: free/      no: tool.no/'
valid tab-in-text 's/summary: Go ahead./summary: "Go\tahead."/'
valid quoted-keys 's/^  data:/  "data":/; s/^      yes: tool/      '"'"'yes'"'"': tool/'
valid empty-lists 's/^    conditions:/    conditions: []/; /- Check the figures./d'
valid test-answers-spaces 's/{ data: no }/{ data: " No " }/'

# Faults a schema can see: lint and the schema both refuse them.
invalid version-2 "invalid at /aipolicy:" 's/^aipolicy: 1$/aipolicy: 2/'
invalid version-01 "invalid at /aipolicy:" 's/^aipolicy: 1$/aipolicy: "01"/'
invalid id-upper "invalid at /id:" 's/^id: .*/id: Schema-Test/'
invalid id-65 "invalid at /id:" 's/^id: .*/id: '"${id64}"'b/'
invalid id-negative "invalid at /id:" 's/^id: .*/id: -1/'
invalid title-empty "invalid at /title:" 's/^title: .*/title: ""/'
invalid title-null "invalid at /title: None is not of type" \
    's/^title: .*/title:/'
invalid title-blank "invalid at /title:" 's/^title: .*/title: " \t"/'
invalid summary-two-lines "invalid at /outcomes/free/summary:" \
    's/summary: Go ahead./summary: "Go\\nahead."/'
invalid summary-block-two-lines "invalid at /outcomes/free/summary:" \
    's/summary: Go ahead./summary: |\n      Go\n      ahead./'
invalid owner-mapping "invalid at /owner:" 's/^owner: .*/owner: { name: Jo }/'
invalid date-month-13 "invalid at /effective:" \
    's/^effective: .*/effective: 2026-13-01/'
invalid date-year-0 "invalid at /effective:" \
    's/^effective: .*/effective: 0000-01-01/'
invalid date-short "invalid at /review_by:" \
    's/^review_by: .*/review_by: 2026-12-1/'
invalid start-null "invalid at /start:" 's/^start: data/start: ~/'
invalid questions-list "invalid at /questions:" \
    '/^questions:/,/^outcomes:/{/^outcomes:/!d}; s/^outcomes:/questions: []\noutcomes:/'
invalid question-key "invalid at /questions/data: 'asks' does not match" \
    's/^    ask: Does/    asks: Does/'
invalid question-no-ask "invalid at /questions/tool: 'ask' is a required property" \
    '/ask: Is the tool/d'
invalid question-id-upper "invalid at /questions: 'Data' does not match" \
    's/^  data:/  Data:/'
invalid label-41 "invalid at /questions/data/label:" \
    's/^    label: .*/    label: '"${l40}"'x/'
invalid label-two-lines "invalid at /questions/data/label:" \
    's/^    label: .*/    label: "Client\\ndata?"/'
invalid one-answer "invalid at /questions/data/answers: {'yes': 'tool'} does not have enough properties" \
    '/^      no: free/d'
invalid answer-81 "invalid at /questions/data/answers:" \
    's/^      no: free/      '"${a80}"'x: free/'
invalid answer-question-mark "invalid at /questions/data/answers: '?' does not match" \
    's/^      no: free/      "?": free/'
invalid answer-spaces "invalid at /questions/data/answers: ' no' does not match" \
    's/^      no: free/      " no": free/'
invalid target-null "invalid at /questions/data/answers/no:" \
    's/^      no: free/      no:/'
invalid target-sequence "invalid at /questions/data/answers/no:" \
    's/^      no: free/      no: [free]/'
invalid inline-key "invalid at /questions/tool/answers/no:" \
    's/summary: Stop. }/summary: Stop., reviewr: Jo }/'
invalid inline-verdict "invalid at /questions/tool/answers/no" \
    's/verdict: do-not-use,/verdict: do-not,/'
invalid outcome-id-verdict "invalid at /outcomes: 'use-freely' does not match" \
    's/^  free:/  use-freely:/'
invalid outcome-key "invalid at /outcomes/free: 'sumary' does not match" \
    's/summary: Go ahead./sumary: Go ahead./'
invalid minutes-free "invalid at /outcomes/free/review_minutes: False schema" \
    '/summary: Go ahead./a\    review_minutes: 5'
invalid minutes-zero-string "invalid at /outcomes/reviewed/review_minutes:" \
    's/review_minutes: 15/review_minutes: "0"/'
invalid minutes-leading-zero "invalid at /outcomes/reviewed/review_minutes:" \
    's/review_minutes: 15/review_minutes: "015"/'
invalid minutes-negative "invalid at /outcomes/reviewed/review_minutes:" \
    's/review_minutes: 15/review_minutes: -5/'
invalid minutes-fraction "invalid at /outcomes/reviewed/review_minutes:" \
    's/review_minutes: 15/review_minutes: 1.5/'
invalid minutes-10-digits "invalid at /outcomes/reviewed/review_minutes:" \
    's/review_minutes: 15/review_minutes: 1000000000/'
invalid disclose-upper "invalid at /outcomes/reviewed/disclose:" \
    's/disclose: true/disclose: "True"/'
invalid disclose-on "invalid at /outcomes/reviewed/disclose:" \
    's/disclose: true/disclose: on/'
invalid conditions-text "invalid at /outcomes/reviewed/conditions:" \
    '/^    conditions:/{N;s/.*/    conditions: Check./}'
invalid condition-null "invalid at /outcomes/reviewed/conditions/0:" \
    's/- Check the figures./- ~/'
invalid outcomes-list "invalid at /outcomes:" \
    '/^  free:/,/^tests:/{/^tests:/!d}; s/^outcomes:/outcomes: []/'
invalid tests-null "invalid at /tests: None is not of type" '$a tests:
    /^tests:/,$d'
invalid test-key "invalid at /tests/0: 'expct' does not match" \
    '0,/expect: free/s/expect: free/expct: free/'
invalid test-no-expect "invalid at /tests/0: 'expect' is a required property" \
    '/expect: free/d'
invalid test-answers-list "invalid at /tests/0/answers:" 's/{ data: no }/[no]/'
invalid test-answer-null "invalid at /tests/0/answers/data:" \
    's/{ data: no }/{ data: ~ }/'
invalid test-answer-empty "invalid at /tests/0/answers/data:" \
    's/{ data: no }/{ data: "" }/'
invalid test-expect-upper "invalid at /tests/0/expect:" \
    's/expect: free/expect: Free/'
invalid top-key "invalid at /: 'titel' does not match" 's/^title:/titel:/'
: >"$tmp/empty.yaml"
printf '%s\tinvalid\t%s\n' "$tmp/empty.yaml" \
    "invalid at /: None is not of type 'object'" >>"$list"

# What lint says of each file.
while IFS='	' read -r file want why; do
	"$bin" lint --today "$today" "$file" >/dev/null 2>"$tmp/lint.err"
	rc=$?
	case $want in
	valid) [ $rc = 0 ] && ok || { no "lint refuses $file"; cat "$tmp/lint.err"; } ;;
	*) [ $rc = 1 ] && ok || no "lint does not refuse $file (exit $rc)" ;;
	esac
done <"$list"

# What the schema says of each file, in one run of the validator.
cut -f1 "$list" | "$py" "$helper" "$schema" - >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -le 1 ] && ok || { no "schema_check.py failed (exit $rc)"; cat "$tmp/err"; }
while IFS='	' read -r file want why; do
	case $want in
	valid)
		grep -Fxq "$file: valid" "$tmp/out" && ok || {
		    no "the schema refuses $file"
		    grep -F "$file: " "$tmp/out"; }
		;;
	*)
		grep -Fq "$file: $why" "$tmp/out" && ok || {
		    no "the schema does not say '$why' for $file"
		    grep -F "$file: " "$tmp/out"; }
		;;
	esac
done <"$list"

# ---- translations ----------------------------------------------------------

# The shipped ones and the fixtures' that lint accepts, and variants of
# policies/example.de.yaml (each in a folder of its own, beside a copy of
# the example), must be judged alike by lint and the translation schema.
trlist=$tmp/trlist
: >"$trlist"
for f in "$src"/policies/*.yaml "$fixtures"/tr/*.yaml; do
	is_translation "$f" || continue
	"$bin" lint --today "$today" "$f" >/dev/null 2>&1 &&
	    printf '%s	valid
' "$f" >>"$trlist"
done
[ "$(grep -c '	valid$' "$trlist")" -ge 3 ] && ok ||
    no "fewer than 3 valid translations found"
# trvalid NAME SED-SCRIPT / trinvalid NAME ERROR SED-SCRIPT
trvariant() {
	mkdir -p "$tmp/tr-$1"
	cp "$src/policies/example.yaml" "$tmp/tr-$1/example.yaml"
	sed "$2" "$src/policies/example.de.yaml" >"$tmp/tr-$1/example.de.yaml"
}
trvalid() {
	trvariant "$1" "$2"
	printf '%s	valid
' "$tmp/tr-$1/example.de.yaml" >>"$trlist"
}
trinvalid() {
	trvariant "$1" "$3"
	printf '%s	invalid	%s
' "$tmp/tr-$1/example.de.yaml" "$2" >>"$trlist"
}
trvalid unchanged ''
trvalid format-string 's/^aipolicy-translation: 1$/aipolicy-translation: "1"/'
trvalid block-scalars 's/^    label: Wer sieht es?/    label: |\n      Wer sieht es?/;
    s/^title: .*/title: >\n  KI-Richtlinie/'
trvalid numbers-as-text 's/^      only me: nur ich/      only me: 1/;
    s/^owner: .*/owner: true/'
trvalid fewer-texts '/^    why: Entwürfe/d; /^      only me: nur ich/d'
trvalid extensions '/^title:/i x-translator: Jo
    /^    label: Wer sieht es?/a\    x-note: short'
trinvalid format-2 "invalid at /aipolicy-translation:" \
    's/^aipolicy-translation: 1$/aipolicy-translation: 2/'
trinvalid no-language "invalid at /: 'language' is a required property" \
    '/^language:/d'
trinvalid language-posix "invalid at /language:" 's/^language: de/language: de_DE/'
trinvalid top-key "invalid at /: 'titel' does not match" 's/^title:/titel:/'
trinvalid verdict "invalid at /outcomes/free: 'verdict' does not match" \
    's/^    why: Entwürfe.*/    verdict: use-freely/'
trinvalid label-41 "invalid at /questions/audience/label:" \
    's/^    label: Wer sieht es?/    label: '"${l40}"'x/'
trinvalid shown-not-sure "invalid at /questions/audience/answers/only me:" \
    's/^      only me: nur ich/      only me: Not sure/'
trinvalid shown-spaces "invalid at /questions/audience/answers/only me:" \
    's/^      only me: nur ich/      only me: " nur ich"/'
trinvalid shown-mapping "invalid at /questions/audience/answers/only me:" \
    's/^      only me: nur ich/      only me: { verdict: use-freely }/'
trinvalid conditions-text "invalid at /outcomes/team_review/conditions:" \
    '/^  team_review:/,/^  external_review:/{/^      - Prüfen/d;
    s/^    conditions:/    conditions: Prüfen./}'
while IFS='	' read -r file want why; do
	"$bin" lint --today "$today" "$file" >/dev/null 2>"$tmp/lint.err"
	rc=$?
	case $want in
	valid) [ $rc = 0 ] && ok || { no "lint refuses $file"; cat "$tmp/lint.err"; } ;;
	*) [ $rc = 1 ] && ok || no "lint does not refuse $file (exit $rc)" ;;
	esac
done <"$trlist"
cut -f1 "$trlist" | "$py" "$helper" "$trschema" - >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -le 1 ] && ok || { no "schema_check.py failed (exit $rc)"; cat "$tmp/err"; }
while IFS='	' read -r file want why; do
	case $want in
	valid)
		grep -Fxq "$file: valid" "$tmp/out" && ok || {
		    no "the translation schema refuses $file"
		    grep -F "$file: " "$tmp/out"; }
		;;
	*)
		grep -Fq "$file: $why" "$tmp/out" && ok || {
		    no "the translation schema does not say '$why' for $file"
		    grep -F "$file: " "$tmp/out"; }
		;;
	esac
done <"$trlist"

# The validator's own failures are said, not crashed on.
"$py" "$helper" "$schema" "$tmp/unchanged.yaml" >/dev/full 2>"$tmp/err"
[ $? = 74 ] && grep -q "cannot write the results" "$tmp/err" && ok ||
    no "schema_check.py > /dev/full: exit 74 and a message"
"$py" "$helper" "$schema" "$tmp/missing.yaml" >"$tmp/out" 2>&1
[ $? = 1 ] && grep -q "^$tmp/missing.yaml: unreadable: " "$tmp/out" && ok ||
    no "schema_check.py on a missing file"
printf 'a: [\n' >"$tmp/syntax.yaml"
"$py" "$helper" "$schema" "$tmp/syntax.yaml" >"$tmp/out" 2>&1
[ $? = 1 ] && grep -q "^$tmp/syntax.yaml: unreadable: " "$tmp/out" && ok ||
    no "schema_check.py on a YAML syntax error"
"$py" "$helper" "$tmp/syntax.yaml" "$tmp/unchanged.yaml" >/dev/null 2>&1
[ $? = 2 ] && ok || no "schema_check.py with a broken schema: exit 2"

# Editors compile patterns as ECMA-262 regular expressions with the u flag.
if command -v node >/dev/null 2>&1; then
	{ "$py" "$helper" --patterns "$schema"
	  "$py" "$helper" --patterns "$trschema"; } | node -e '
	    let bad = 0;
	    for (const l of require("fs").readFileSync(0, "utf8").split("\n")) {
	        if (l === "") continue;
	        try { new RegExp(JSON.parse(l), "u"); }
	        catch (e) { bad++; console.log(l + ": " + e.message); }
	    }
	    process.exit(bad ? 1 : 0);' && ok || no "a pattern is not valid ECMA-262"
else
	echo "SKIP: ECMA-262 pattern check (node not installed)"
fi

finish
