/*
 * style.c: the one stylesheet of the web walk, built into the program and
 * served at /static/aipolicy.css with an ETag and a day of caching.
 *
 * The pages work without it; with it they read well from 360 px wide up,
 * show the keyboard focus, colour each verdict and give it a border of
 * its own (so that colour is never the only sign), and print the verdict
 * on one A4 page without the links.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "respond.h"

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME  0x100000001b3ULL
/* '"', 16 hex digits, '"' and a NUL. */
#define ETAG_SIZE  19

static const char css[] =
	":root { color-scheme: light; --free: #0b6b2b; --review: #8a4b00;\n"
	"  --stop: #a4161a; --ink: #1b1b1b; --muted: #505a5f;\n"
	"  --focus: #ffbf47; }\n"
	"*, *::before, *::after { box-sizing: border-box; }\n"
	"html { -webkit-text-size-adjust: 100%; }\n"
	"body { margin: 0 auto; max-width: 42rem; padding: 1rem;\n"
	"  font: 1.125rem/1.5 system-ui, -apple-system, \"Segoe UI\", Roboto,\n"
	"  \"Helvetica Neue\", Arial, sans-serif; color: var(--ink);\n"
	"  background: #fff; overflow-wrap: anywhere; }\n"
	"header .policy { margin: 0 0 1rem; color: var(--muted);\n"
	"  font-size: 1rem; border-bottom: 1px solid #b1b4b6;\n"
	"  padding-bottom: .5rem; }\n"
	".banner, .warning, .notice {\n"
	"  border-inline-start: .35rem solid var(--review);\n"
	"  background: #fff7e6; padding: .5rem .75rem; }\n"
	".banner { font-weight: 600; }\n"
	"h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 1rem; }\n"
	"h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }\n"
	"fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }\n"
	"legend { padding: 0; max-width: 100%; white-space: normal; }\n"
	".help { color: var(--muted); }\n"
	".choice { display: flex; align-items: flex-start; gap: .6rem;\n"
	"  margin: .5rem 0; }\n"
	".choice input { flex: none; width: 1.5rem; height: 1.5rem;\n"
	"  margin: .1rem 0 0; }\n"
	".choice label { flex: 1; min-width: 0; padding: .1rem 0;\n"
	"  cursor: pointer; }\n"
	".choice:last-of-type { margin-top: 1rem; }\n"
	"button { font: inherit; font-weight: 600; color: #fff;\n"
	"  background: #00703c; border: 0; border-radius: .25rem;\n"
	"  box-shadow: 0 2px 0 #002d18; padding: .5rem 1.25rem;\n"
	"  margin: 1rem 0; cursor: pointer; }\n"
	"a { color: #1d70b8; }\n"
	"a:focus, button:focus, input:focus { outline: .2rem solid\n"
	"  var(--focus); outline-offset: .1rem; }\n"
	"nav { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }\n"
	"nav.languages { gap: .5rem 1rem; margin: -.5rem 0 1rem;\n"
	"  font-size: 1rem; }\n"
	".verdict { padding: .75rem 1rem; color: #fff; }\n"
	".verdict-free { background: var(--free);\n"
	"  border-inline-start: .6rem solid #063d18; }\n"
	".verdict-review { background: var(--review);\n"
	"  border-inline-start: .6rem double #3d2100; }\n"
	".verdict-stop { background: var(--stop);\n"
	"  border-inline-start: .6rem dashed #4a090b; }\n"
	".strong { font-weight: 700; }\n"
	".hint { font-weight: 600; }\n"
	".answers { padding-inline-start: 1.5rem; }\n"
	".answers li { margin: .25rem 0; }\n"
	".answers .question { color: var(--muted); }\n"
	".answers .answer { font-weight: 600; }\n"
	".answers a { margin-inline-start: .5rem; }\n"
	".hidden { position: absolute; width: 1px; height: 1px;\n"
	"  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }\n"
	".error { border-inline-start: .35rem solid var(--stop);\n"
	"  padding-inline-start: .75rem; }\n"
	"footer { margin-top: 2rem; color: var(--muted); font-size: 1rem; }\n"
	"@media print {\n"
	"  @page { size: A4; margin: 15mm; }\n"
	"  body { max-width: none; padding: 0; font-size: 10.5pt; }\n"
	"  nav, .answers a { display: none; }\n"
	"  h1 { font-size: 15pt; margin: 0 0 .5rem; }\n"
	"  h2 { font-size: 12pt; margin: .75rem 0 .25rem; }\n"
	"  p, li { margin: .2rem 0; }\n"
	"  .verdict { color: #000; background: none;\n"
	"    border-top: 1px solid #000; border-bottom: 1px solid #000; }\n"
	"  .banner, .warning { background: none; }\n"
	"  section { break-inside: avoid; }\n"
	"}\n";

static char etag[ETAG_SIZE];
static pthread_once_t etag_once = PTHREAD_ONCE_INIT;

static void make_etag(void);

/* A strong validator: a hash of the stylesheet. */
static void
make_etag(void)
{
	uint64_t h = FNV_OFFSET;
	size_t i;

	for (i = 0; i < sizeof css - 1; i++) {
		h ^= (unsigned char)css[i];
		h *= FNV_PRIME;
	}
	snprintf(etag, sizeof etag, "\"%016llx\"", (unsigned long long)h);
}

void
web_static(const struct serve_request *rq, struct serve_response *rs)
{
	pthread_once(&etag_once, make_etag);
	rs->etag = etag;
	rs->cache_control = "public, max-age=86400";
	rs->content_type = TYPE_CSS;
	rs->body_static = true;
	if (rq->if_none_match != NULL &&
	    (strcmp(rq->if_none_match, etag) == 0 ||
	    strcmp(rq->if_none_match, "*") == 0)) {
		rs->status = HTTP_NOT_MODIFIED;
		rs->body = (char *)"";
		rs->len = 0;
		return;
	}
	rs->status = HTTP_OK;
	rs->body = (char *)css;
	rs->len = sizeof css - 1;
}
