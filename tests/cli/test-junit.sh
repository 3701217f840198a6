#!/bin/sh
# End-to-end: `aipolicy test` on the shipped policies, and its JUnit XML
# read back by a real XML parser (Python's xml.etree), counts checked.
# usage: test-junit.sh AIPOLICY SOURCE_DIR
. "$(dirname "$0")/lib.sh"

# The example and the template tell owners to run `aipolicy test FILE`:
# their own cases must pass.
for pol in "$src/policies/example.yaml" "$src/policies/template.yaml"; do
	"$bin" test "$pol" >"$tmp/out" 2>"$tmp/err"
	[ $? = 0 ] && ok || { no "test $pol: exit code"; cat "$tmp/out" "$tmp/err"; }
	grep -Eq '^[1-9][0-9]* passed, 0 failed$' "$tmp/out" && ok ||
	    no "test $pol: its cases pass"
done

# A case that expects the wrong outcome fails.
sed 's/expect: reviewed/expect: free/' "$fixtures/basic.yaml" >"$tmp/wrong.yaml"
"$bin" test "$tmp/wrong.yaml" >"$tmp/out" 2>&1
[ $? = 1 ] && ok || no "a wrong expectation: exit 1"
grep -q "^$tmp/wrong.yaml:46:5: error: test case failed: expected 'free', reached 'reviewed'" \
    "$tmp/out" && ok || no "a wrong expectation is named"
grep -q '^2 passed, 1 failed$' "$tmp/out" && ok || no "a wrong expectation: totals"

# Writes to stdout are checked.
full "test" test "$fixtures/basic.yaml"
full "test --format junit" test --format junit "$fixtures/basic.yaml"

if ! [ -x $py ] || ! $py -c 'import xml.etree.ElementTree' 2>/dev/null; then
	echo "SKIP: JUnit XML parsed back (python3 not installed)"
	echo "$pass passed, $fail failed"
	[ $fail = 0 ]
	exit
fi

# check_xml FILE TESTS FAILURES ERRORS SUITES: FILE is well-formed XML with
# those totals on <testsuites>, and as many elements of each kind.
check_xml() {
	$py - "$@" <<'PY'
import sys
import xml.etree.ElementTree as ET
path, tests, failures, errors, suites = sys.argv[1], *map(int, sys.argv[2:])
root = ET.parse(path).getroot()
assert root.tag == "testsuites", root.tag
assert int(root.get("tests")) == tests, root.get("tests")
assert int(root.get("failures")) == failures, root.get("failures")
assert int(root.get("errors")) == errors, root.get("errors")
assert len(root.findall("testsuite")) == suites
assert len(root.findall("testsuite/testcase")) == tests
assert len(root.findall("testsuite/testcase/failure")) == failures
assert len(root.findall("testsuite/testcase/error")) == errors
for s in root.findall("testsuite"):
    cases = s.findall("testcase")
    assert int(s.get("tests")) == len(cases)
    assert int(s.get("failures")) == len(s.findall("testcase/failure"))
    for c in cases:
        assert c.get("name") and c.get("classname"), c.attrib
        for f in c.findall("failure"):
            assert f.get("message"), f.attrib
PY
}

"$bin" test --format junit "$src/policies/example.yaml" "$fixtures/basic.yaml" \
    >"$tmp/ok.xml" 2>"$tmp/err"
[ $? = 0 ] && ok || no "junit, all passing: exit 0"
n=$("$bin" test "$src/policies/example.yaml" | sed -n 's/ passed.*//p')
check_xml "$tmp/ok.xml" $((n + 3)) 0 0 2 && ok || no "junit, all passing: parses"

"$bin" test --format junit "$fixtures/test-fail.yaml" "$fixtures/broken.yaml" \
    "$fixtures/basic.yaml" "$tmp/nosuch.yaml" >"$tmp/bad.xml" 2>"$tmp/err"
[ $? = 66 ] && ok || no "junit with failures and bad files: exit 66"
check_xml "$tmp/bad.xml" 11 5 2 4 && ok || no "junit with failures: parses, counts"

# A file name and an answer with characters XML cannot hold or must escape.
name=$(printf '%s/a&b<"c">\001\033[1m\377.yaml' "$tmp")
sed 's/only me/only <me> \& "you"/' "$fixtures/test-fail.yaml" >"$name"
"$bin" test --format junit "$name" >"$tmp/odd.xml" 2>"$tmp/err"
[ $? = 1 ] && ok || no "junit, odd names: exit 1"
check_xml "$tmp/odd.xml" 6 5 0 1 && ok || no "junit, odd names: parses"
$py - "$tmp/odd.xml" <<'PY' && ok || no "junit, odd names: text kept"
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suite = root.find("testsuite")
assert suite.get("name").endswith('/a&b<"c">??[1m?.yaml'), suite.get("name")
names = [c.get("name") for c in suite.findall("testcase")]
assert names[0] == "data='no', audience='only <me> & \"you\"' -> use-freely", names
PY

finish
