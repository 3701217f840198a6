#!/bin/sh
# End-to-end: render's output read by the real tools (Graphviz draws the
# DOT, headless Chromium prints the HTML on one A4 page and shows hostile
# text as text, the real mermaid library draws the flowchart), -o replacing
# a file whole, and failed writes (exit 74). A missing tool is a SKIP line.
# usage: test-render.sh AIPOLICY SOURCE_DIR
. "$(dirname "$0")/lib.sh"
example=$src/policies/example.yaml
hostile=$fixtures/render-hostile.yaml
mermaid_js=$src/tests/web/node_modules/mermaid/dist/mermaid.min.js

# Headless Chromium with nothing of its own going to the network.
chrome() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$tmp/chrome" "$@" 2>/dev/null
}

# ---- stdout ----------------------------------------------------------------

for f in text markdown mermaid dot html json; do
	"$bin" render --format $f "$example" >/dev/full 2>"$tmp/err"
	[ $? = 74 ] && grep -q 'cannot write to standard output' "$tmp/err" &&
	    ok || no "render --format $f > /dev/full: exit 74"
done

# ---- -o FILE ---------------------------------------------------------------

out=$tmp/o/page.txt
mkdir "$tmp/o"
"$bin" render --format json "$example" >"$tmp/stdout.json"
"$bin" render --format json -o "$out" "$example" >"$tmp/stdout" 2>&1
[ $? = 0 ] && [ ! -s "$tmp/stdout" ] && ok || no "-o: exit 0, nothing printed"
cmp -s "$out" "$tmp/stdout.json" && ok || no "-o writes what stdout gets"
[ "$(ls -A "$tmp/o")" = page.txt ] && ok || no "-o leaves no temporary file"
[ "$(umask 022; "$bin" render -o "$tmp/o/new" "$example" &&
    stat -c %a "$tmp/o/new")" = 644 ] && ok || no "-o: a new file is 0666 less umask"
chmod 600 "$out"
"$bin" render --format text -o "$out" "$example"
[ $? = 0 ] && head -n 1 "$out" | grep -q '^Acme AI usage policy$' && ok ||
    no "-o replaces an old file"
[ "$(stat -c %a "$out")" = 600 ] && ok || no "-o keeps the old file's mode"
cp "$out" "$tmp/before"

# Failures: exit 74, the old file intact, nothing left behind.
"$bin" render -o "$tmp/o/missing/page.txt" "$example" 2>"$tmp/err"
[ $? = 74 ] && grep -q "missing/page.txt: error: cannot write" "$tmp/err" &&
    ok || no "-o into a missing folder: exit 74"
mkdir "$tmp/o/dir"
"$bin" render -o "$tmp/o/dir" "$example" 2>/dev/null
[ $? = 74 ] && [ -d "$tmp/o/dir" ] && [ -z "$(ls -A "$tmp/o/dir")" ] && ok ||
    no "-o naming a folder: exit 74, the folder untouched"
ln -s page.txt "$tmp/o/link"
"$bin" render --format json -o "$tmp/o/link" "$example" 2>/dev/null
[ $? = 74 ] && [ -L "$tmp/o/link" ] && cmp -s "$out" "$tmp/before" && ok ||
    no "-o naming a symbolic link: exit 74, link and file untouched"
"$bin" render -o "$out" "$fixtures/broken.yaml" 2>/dev/null
[ $? = 65 ] && cmp -s "$out" "$tmp/before" && ok ||
    no "an invalid policy leaves the old file"
"$bin" render -o /dev/null "$example" 2>/dev/null
[ $? = 74 ] && [ -c /dev/null ] && ok || no "-o /dev/null: refused, not replaced"
[ "$(ls -A "$tmp/o" | sort | tr '\n' ' ')" = "dir link new page.txt " ] &&
    ok || no "no temporary file left after failures"

# ---- Graphviz --------------------------------------------------------------

if command -v dot >/dev/null 2>&1; then
	for pol in "$example" "$hostile"; do
		name=$(basename "$pol" .yaml)
		"$bin" render --format dot "$pol" >"$tmp/$name.dot" &&
		    dot -Tsvg "$tmp/$name.dot" >"$tmp/$name.svg" 2>"$tmp/err" &&
		    [ ! -s "$tmp/err" ] && ok || no "dot -Tsvg accepts $name"
	done
	for colour in '#d9f2d9' '#ffe9b3' '#f8d0d0'; do
		grep -q "fill=\"$colour\"" "$tmp/example.svg" && ok ||
		    no "dot: outcomes filled with $colour"
	done
	grep -q '&lt;img src=x onerror=alert(1)&gt;' "$tmp/render-hostile.svg" &&
	    ! grep -q '<img' "$tmp/render-hostile.svg" &&
	    ! grep -qi '<script' "$tmp/render-hostile.svg" && ok ||
	    no "dot: hostile labels drawn as text"
	grep -q 'Second \\N \\G \\n question' "$tmp/render-hostile.svg" && ok ||
	    no "dot: backslashes drawn as backslashes"
else
	skip "Graphviz renders the DOT output" dot
fi

# ---- Chromium: the HTML page -----------------------------------------------

if command -v chromium >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1
then
	"$bin" render --format html -o "$tmp/example.html" "$example"
	chrome --no-pdf-header-footer --print-to-pdf="$tmp/example.pdf" \
	    "file://$tmp/example.html"
	pdfinfo "$tmp/example.pdf" 2>/dev/null | grep -Eq '^Pages: +1$' && ok ||
	    no "the example's HTML prints on one page"
	pdfinfo "$tmp/example.pdf" 2>/dev/null |
	    grep -Eq '^Page size: .* pts \(A4\)$' && ok ||
	    no "the HTML page is A4"
	"$bin" render --format html -o "$tmp/hostile.html" "$hostile"
	chrome --dump-dom "file://$tmp/hostile.html" >"$tmp/hostile.dom"
	grep -q '<title>Evil &lt;script&gt;alert(1)&lt;/script&gt;' \
	    "$tmp/hostile.dom" && ok || no "html: the title shown as text"
	! grep -qi '<script' "$tmp/hostile.dom" &&
	    ! grep -q '<img' "$tmp/hostile.dom" && ! grep -q '<b>' "$tmp/hostile.dom" &&
	    ok || no "html: no element from policy text"
else
	command -v chromium >/dev/null 2>&1 ||
	    skip "Chromium prints the HTML on one page" chromium
	command -v pdfinfo >/dev/null 2>&1 ||
	    skip "the HTML page count" pdfinfo
fi

# ---- mermaid: the real library in Chromium ---------------------------------

# A page that draws FILE's flowchart with the mermaid library; the result
# is left in the body's data-result attribute.
mermaid_page() {
	printf '<!DOCTYPE html><html><head><meta charset="utf-8">'
	printf '<script src="file://%s"></script></head><body>' "$mermaid_js"
	printf '<pre class="mermaid">'
	sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g' "$1"
	cat <<'EOF'
</pre><script>
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
mermaid.run({ querySelector: ".mermaid" }).then(
  function () { document.body.setAttribute("data-result", "drawn"); },
  function (e) { document.body.setAttribute("data-result", "failed: " + e); });
</script></body></html>
EOF
}

if ! command -v chromium >/dev/null 2>&1; then
	skip "mermaid draws the flowchart" chromium
elif [ ! -f "$mermaid_js" ]; then
	skip "mermaid draws the flowchart" tests/web/node_modules/mermaid
else
	for pol in "$example" "$hostile"; do
		name=$(basename "$pol" .yaml)
		"$bin" render --format mermaid -o "$tmp/$name.mmd" "$pol"
		mermaid_page "$tmp/$name.mmd" >"$tmp/$name-mermaid.html"
		chrome --allow-file-access-from-files --virtual-time-budget=20000 \
		    --dump-dom "file://$tmp/$name-mermaid.html" >"$tmp/$name.mdom"
		grep -q 'data-result="drawn"' "$tmp/$name.mdom" &&
		    grep -q '<svg' "$tmp/$name.mdom" &&
		    ! grep -qi 'syntax error' "$tmp/$name.mdom" && ok ||
		    no "mermaid draws $name: $(grep -o 'data-result="[^"]*"' "$tmp/$name.mdom")"
	done
	grep -q 'fill:#d9f2d9' "$tmp/example.mdom" && ok ||
	    no "mermaid: outcomes coloured by verdict"
	grep -q '<p>A &lt;img src=x onerror=alert(1)&gt; "q" | \] ;</p>' \
	    "$tmp/render-hostile.mdom" &&
	    grep -q '<p>Do not use AI: Stop --&gt;|"x"| a \]) end; classDef</p>' \
	    "$tmp/render-hostile.mdom" &&
	    grep -q '<p>#35; entity ` tick</p>' "$tmp/render-hostile.mdom" &&
	    ok || no "mermaid: hostile labels drawn as text"
	[ "$(grep -o '<img' "$tmp/render-hostile.mdom" | wc -l)" = 0 ] && ok ||
	    no "mermaid: no element from policy text"
fi

finish
