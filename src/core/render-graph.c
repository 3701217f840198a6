/*
 * render-graph.c: the policy as a flowchart for diagram tools: Mermaid
 * (`flowchart TD`) and Graphviz DOT. Every question and outcome is a node
 * (q0, q1, ... and o0, o1, ... by index, so that no id needs quoting),
 * every answer an edge labelled with its key; outcomes are coloured by
 * verdict. Labels are made safe, then escaped for the tool: Mermaid's
 * #NN; entity codes, DOT's backslash escapes inside a quoted string.
 */
#include <string.h>

#include "render-private.h"

/* DOT labels are broken onto a new line at the first space past this many
 * bytes. */
#define DOT_WRAP 32

static void mermaid_node(struct buf *b, const struct aipolicy *p, char kind,
    size_t i);
static void dot_text(struct buf *b, const char *text);

/* A node: a question as a box, an outcome as a stadium. */
static void
mermaid_node(struct buf *b, const struct aipolicy *p, char kind, size_t i)
{
	if (kind == 'q') {
		buf_addf(b, "  q%zu[\"", i);
		render_add_text(b, p->questions[i].label, ESC_MERMAID);
		buf_adds(b, "\"]\n");
		return;
	}
	buf_addf(b, "  o%zu([\"%s#58; ", i,
	    aipolicy_verdict_words(p->outcomes[i].verdict));
	render_add_text(b, p->outcomes[i].summary, ESC_MERMAID);
	buf_adds(b, "\"])\n");
}

void
render_mermaid(const struct aipolicy *p, struct buf *b)
{
	enum aipolicy_verdict v;
	size_t i, j, n;

	buf_adds(b, "flowchart TD\n");
	for (i = 0; i < p->nquestions; i++)
		mermaid_node(b, p, 'q', i);
	for (i = 0; i < p->noutcomes; i++)
		mermaid_node(b, p, 'o', i);
	for (i = 0; i < p->nquestions; i++) {
		const struct aipolicy_question *q = &p->questions[i];
		for (j = 0; j < q->nanswers; j++) {
			const struct aipolicy_target *t = &q->answers[j].target;
			buf_addf(b, "  q%zu -->|\"", i);
			render_add_text(b, q->answers[j].shown, ESC_MERMAID);
			buf_addf(b, "\"| %c%u\n",
			    t->kind == AIPOLICY_TARGET_QUESTION ? 'q' : 'o',
			    t->index);
		}
	}
	for (v = AIPOLICY_VERDICT_USE_FREELY; v < AIPOLICY_VERDICT_COUNT; v++)
		buf_addf(b, "  classDef %s fill:%s,stroke:%s,color:#1a1a1a\n",
		    render_verdict_class(v), render_verdict_fill(v),
		    render_verdict_border(v));
	buf_adds(b, "  classDef start stroke-width:3px\n");
	buf_addf(b, "  class q%u start\n", p->start);
	for (v = AIPOLICY_VERDICT_USE_FREELY; v < AIPOLICY_VERDICT_COUNT; v++) {
		for (i = 0, n = 0; i < p->noutcomes; i++) {
			if (p->outcomes[i].verdict != v)
				continue;
			buf_addf(b, n++ ? ",o%zu" : "  class o%zu", i);
		}
		if (n > 0)
			buf_addf(b, " %s\n", render_verdict_class(v));
	}
}

/* TEXT for a quoted DOT string: escaped, and broken onto lines of about
 * DOT_WRAP bytes at spaces. */
static void
dot_text(struct buf *b, const char *text)
{
	struct buf esc;
	size_t i, col = 0;

	buf_init(&esc);
	render_add_text(&esc, text, ESC_DOT);
	for (i = 0; i < esc.len; i++, col++) {
		if (esc.data[i] == ' ' && col >= DOT_WRAP) {
			buf_adds(b, "\\n");
			col = 0;
			continue;
		}
		buf_addc(b, esc.data[i]);
	}
	if (esc.failed)
		b->failed = true;
	buf_release(&esc);
}

void
render_dot(const struct aipolicy *p, struct buf *b)
{
	size_t i, j;

	buf_adds(b, "digraph policy {\n  graph [rankdir=TB, "
	    "fontname=\"Helvetica\", labelloc=t, label=\"");
	dot_text(b, p->title);
	buf_adds(b, "\"];\n  node [fontname=\"Helvetica\", shape=box, "
	    "style=rounded];\n  edge [fontname=\"Helvetica\", "
	    "fontsize=10];\n");
	for (i = 0; i < p->nquestions; i++) {
		buf_addf(b, "  q%zu [label=\"", i);
		dot_text(b, p->questions[i].label);
		buf_adds(b, i == p->start ? "\", penwidth=2];\n" : "\"];\n");
	}
	for (i = 0; i < p->noutcomes; i++) {
		const struct aipolicy_outcome *o = &p->outcomes[i];
		buf_addf(b, "  o%zu [label=\"%s\\n", i,
		    aipolicy_verdict_words(o->verdict));
		dot_text(b, o->summary);
		buf_addf(b, "\", style=\"rounded,filled\", fillcolor=\"%s\", "
		    "color=\"%s\"];\n", render_verdict_fill(o->verdict),
		    render_verdict_border(o->verdict));
	}
	for (i = 0; i < p->nquestions; i++) {
		const struct aipolicy_question *q = &p->questions[i];
		for (j = 0; j < q->nanswers; j++) {
			const struct aipolicy_target *t = &q->answers[j].target;
			buf_addf(b, "  q%zu -> %c%u [label=\"", i,
			    t->kind == AIPOLICY_TARGET_QUESTION ? 'q' : 'o',
			    t->index);
			dot_text(b, q->answers[j].shown);
			buf_adds(b, "\"];\n");
		}
	}
	buf_adds(b, "}\n");
}
