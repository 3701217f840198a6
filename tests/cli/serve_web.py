"""serve_web.py AIPOLICY SOURCE_DIR: the web walk's pages as HTML, without
a browser: / redirects to /walk; a question page carries the earlier
answers as hidden fields before its radios, in the URL's order, with
"Not sure" last; parameters that are not question ids are ignored; a
question named twice and a bad answer are 400 pages; the verdict page
lists the URL's answers with Change links; every page has the security
headers and escapes policy text; the stylesheet is cached by its ETag;
a GET of a verdict page is logged, HEAD is not. In other languages:
Accept-Language chooses (and Vary says so), ?lang= is kept first in
every link and form, each page links the others, answers given as shown
are logged and linked as keys, a language there is not is said on a page
in another."""
import html.parser
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_util import Checks, Server  # noqa: E402

aipolicy, src = sys.argv[1], sys.argv[2]
example = os.path.join(src, "policies", "example.yaml")
hostile = os.path.join(src, "tests", "cli", "cases", "fixtures",
                       "render-hostile.yaml")
tmp = tempfile.mkdtemp()
t = Checks()
CSP = ("default-src 'none'; style-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
HTML = "text/html; charset=utf-8"


class Page(html.parser.HTMLParser):
    """The elements of a page that the tests look at."""

    def __init__(self, data):
        super().__init__()
        self.inputs, self.links, self.tags, self.text = [], [], [], []
        self.lang_links = []   # (hreflang, href) of the language links
        self.html_attrs = {}
        self.feed(data.decode())

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "input":
            self.inputs.append((a.get("type"), a.get("name"), a.get("value")))
        if tag == "a" and "hreflang" in a:
            self.lang_links.append((a["hreflang"], a.get("href")))
        elif tag == "a":
            self.links.append(a.get("href"))
        if tag == "html":
            self.html_attrs = a

    def handle_data(self, data):
        self.text.append(data)

    def all_text(self):
        return "".join(self.text)


def get(srv, path, what, status=200):
    got, h, body = srv.request("GET", path)
    t.eq(got, status, what + ": status")
    t.eq(h.get("content-security-policy"), CSP, what + ": CSP")
    t.eq(h.get("x-content-type-options"), "nosniff", what + ": nosniff")
    t.eq(h.get("referrer-policy"), "no-referrer", what + ": referrer")
    return h, body


def lines(path):
    try:
        with open(path) as f:
            return f.readlines()
    except FileNotFoundError:
        return []


log = os.path.join(tmp, "log.jsonl")
srv = Server(aipolicy, ["--today", "2026-11-28", "--log", log, example])
h, _ = get(srv, "/", "/", 303)
t.eq(h.get("location"), "/walk", "/ redirects to /walk")
h, body = get(srv, "/walk?data=no&x=1&people=no", "a question page")
t.eq(h.get("content-type"), HTML, "HTML")
p = Page(body)
t.eq(p.inputs[:2], [("hidden", "data", "no"), ("hidden", "people", "no")],
     "the earlier answers as hidden fields, in order, unknown ones dropped")
radios = [i for i in p.inputs if i[0] == "radio"]
t.eq([r[2] for r in radios], ["no", "yes", "?"],
     "one radio per answer, Not sure last")
t.ok(p.inputs.index(radios[0]) > 1, "hidden fields before the radios")
t.ok("fieldset" in p.tags and "legend" in p.tags and "label" in p.tags,
     "a fieldset with a legend, labels")
t.ok("script" not in p.tags, "no script")
t.ok("/walk?data=no&people=no" not in p.links and "/walk?data=no" in p.links,
     "Back: the URL without the last answer")
get(srv, "/walk?data=no&people=no&data=no", "a question twice", 400)
h, body = get(srv, "/walk?data=maybe", "a bad answer", 400)
t.ok("&#39;maybe&#39; is not an answer of question &#39;data&#39;" in
     body.decode(), "the 400 page says which")
get(srv, "/walk?data=n%00o", "a NUL", 400)
before = len(lines(log))
path = "/walk?data=no&people=no&regulated=no&code=no&audience=only%20me"
h, body = get(srv, path, "a verdict page")
p = Page(body)
t.ok("Verdict: Use AI freely" in p.all_text(), "the verdict in words")
t.eq([l for l in p.links if l.startswith("/walk?") or l == "/walk"],
     ["/walk", "/walk?data=no", "/walk?data=no&people=no",
      "/walk?data=no&people=no&regulated=no",
      "/walk?data=no&people=no&regulated=no&code=no", "/walk"],
     "a Change link per answer, then Start again")
t.eq(len(lines(log)), before + 1, "a verdict page is logged")
t.eq(srv.request("HEAD", path)[0], 200, "HEAD of a verdict page")
t.eq(len(lines(log)), before + 1, "HEAD logs nothing")
get(srv, "/walk?data=no", "an incomplete walk")
t.eq(len(lines(log)), before + 1, "a question page logs nothing")
h, css = get(srv, "/static/aipolicy.css", "the stylesheet")
t.eq(h.get("content-type"), "text/css; charset=utf-8", "CSS type")
t.ok("max-age" in h.get("cache-control", ""), "the stylesheet is cacheable")
etag = h.get("etag")
status, h2, body = srv.request("GET", "/static/aipolicy.css",
                               headers={"If-None-Match": etag})
t.eq((status, body), (304, b""), "304 for the same ETag")
status, _, _ = srv.request("GET", "/static/nope.css")
t.eq(status, 404, "no other static file")

# Languages.
status, h, body = srv.request("GET", "/walk?data=no",
                              headers={"Accept-Language": "fr-CH, fr;q=0.9"})
p = Page(body)
t.eq((status, p.html_attrs, h.get("vary")),
     (200, {"lang": "fr", "dir": "ltr"}, "Accept-Language"),
     "Accept-Language: fr-CH, fr;q=0.9 gives French, and Vary says so")
t.eq(p.lang_links, [("en", "/walk?lang=en&data=no"),
                    ("de", "/walk?lang=de&data=no")],
     "links to the other languages, keeping the answers")
t.eq(p.inputs[0], ("hidden", "data", "no"), "no ?lang= to keep")
status, h, body = srv.request("GET", "/walk?lang=de&data=nein",
                              headers={"Accept-Language": "fr"})
p = Page(body)
t.eq((p.html_attrs.get("lang"), h.get("vary")), ("de", None),
     "?lang=de wins over Accept-Language, without Vary")
t.eq(p.inputs[:2], [("hidden", "lang", "de"), ("hidden", "data", "no")],
     "?lang= first in the form, then the answer as its key")
t.ok("/walk?lang=de" in p.links, "Back keeps ?lang=")
before = len(lines(log))
status, h, body = srv.request(
    "GET", "/walk?lang=de&data=nein&people=nein&regulated=nein&code=nein&"
    "audience=nur%20ich")
p = Page(body)
t.ok(status == 200 and all(l.startswith("/walk?lang=de") for l in p.links),
     "a verdict in German: every link keeps ?lang=de")
rec = json.loads(lines(log)[-1]) if len(lines(log)) == before + 1 else {}
t.eq([s["answer"] for s in rec.get("path", [])],
     ["no", "no", "no", "no", "only me"], "the log records the keys")
t.ok("language" not in rec and "lang" not in rec,
     "and no language: a record is the same in every language")
status, h, body = srv.request("GET", "/walk?lang=zz&data=no",
                              headers={"Accept-Language": "de"})
p = Page(body)
t.ok(status == 200 and p.html_attrs.get("lang") == "de" and
     "&#39;zz&#39;" in body.decode() and h.get("vary") == "Accept-Language",
     "?lang=zz: a page in the header's language that says so")
t.eq([l for l, _ in p.lang_links], ["en", "fr"], "with the languages")
status, h, _ = srv.request("GET", "/?lang=fr")
t.eq((status, h.get("location")), (303, "/walk?lang=fr"),
     "/?lang=fr leads to /walk?lang=fr")
t.eq(srv.stop(), 0, "exit 0")

srv = Server(aipolicy, ["--today", "2026-06-01", hostile])
for path in ("/walk", "/walk?a=yes%20%3Cb%3E%7C%3C%2Fb%3E",
             "/walk?a=%23%33%35%3B%20entity%20%60%20tick"):
    _, body = get(srv, path, "hostile " + path)
    text = body.decode()
    t.ok("<script>" not in text and "<b>" not in text and "<img" not in
         text and "<i>" not in text, "hostile: no markup from the policy")
    t.ok("&lt;" in text and "&amp;" in text and "&quot;" in text,
         "hostile: escaped")
t.eq(srv.stop(), 0, "exit 0")
subprocess.run(["rm", "-rf", tmp])
t.done()
