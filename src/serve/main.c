/*
 * main.c: aipolicy-serve, the program that `aipolicy serve` runs (a
 * program of its own, so that the other commands never load
 * libmicrohttpd): the options, the program's words in every language
 * with a catalogue (read through gettext, so before any thread starts),
 * the policy and its translations, the decision log and the listening
 * socket; then signals, until SIGTERM or SIGINT.
 *
 * Every thread is started with SIGHUP, SIGINT and SIGTERM blocked; the
 * main thread takes them with sigtimedwait, once a second also closing
 * the connections that are too slow (http_expire).
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "cli/exit.h"
#include "core/jsonmem.h"
#include "http.h"
#include "listen.h"
#include "msg.h"
#include "server.h"
#include "usage.h"

#define DEFAULT_LISTEN   "127.0.0.1:8080"
#define MAX_THREADS      1024
#define LISTEN_BACKLOG   1024
/* Open files wanted: every connection, and room for the rest. */
#define WANT_FILES       (HTTP_MAX_CONNECTIONS * 2 + 256)

struct opts {
	const char *listen;
	unsigned threads;
	const char *log;
	const char *policy;
	bool fixed_today;
	aipolicy_date_t today;
	bool help;            /* --help was answered */
};

static int take_opt(int c, char **argv, struct opts *o);
static int parse_opts(int argc, char **argv, struct opts *o);
static bool parse_threads(const char *s, unsigned *out);
static void raise_file_limit(void);
static int load(const char *path, const struct langs_words *lw,
    struct served **out);
static int start(const struct opts *o, const struct langs_words *lw,
    struct server *srv, struct http **http);
static void reload(struct server *srv, const char *path);
static void run(struct server *srv, struct http *h, const char *path);
static void stop(struct server *srv, struct http *h);

/* A decimal number of threads from 1 to MAX_THREADS. */
static bool
parse_threads(const char *s, unsigned *out)
{
	size_t n = strspn(s, "0123456789");
	unsigned long v;

	if (n == 0 || s[n] != '\0' || n > 4)
		return false;
	v = strtoul(s, NULL, 10);
	if (v < 1 || v > MAX_THREADS)
		return false;
	*out = (unsigned)v;
	return true;
}

/* One option C (with optarg) into *O: EXIT_OK, or the exit code after
 * saying what is wrong (--help prints the help and gives EXIT_OK with
 * o->help set). */
static int
take_opt(int c, char **argv, struct opts *o)
{
	struct listen_addr la;

	switch (c) {
	case 'L':
		o->listen = optarg;
		if (listen_parse(optarg, &la))
			return EXIT_OK;
		msg_error(0, "serve: --listen '%s' is not HOST:PORT, "
		    "[IPV6]:PORT or :PORT (numeric address, port 0 to 65535)",
		    optarg);
		return msg_usage();
	case 'T':
		if (parse_threads(optarg, &o->threads))
			return EXIT_OK;
		msg_error(0, "serve: --threads '%s' is not a number from 1 to "
		    "%d", optarg, MAX_THREADS);
		return msg_usage();
	case 'l':
		o->log = optarg;
		return EXIT_OK;
	case 't':
		if (!aipolicy_date_parse(optarg, strlen(optarg), &o->today))
			return msg_error(EXIT_USAGE, "--today '%s' is not a "
			    "date YYYY-MM-DD", optarg);
		o->fixed_today = true;
		return EXIT_OK;
	case 'h':
		printf("usage: aipolicy serve %s\n\n%s", SERVE_USAGE,
		    SERVE_HELP);
		o->help = true;
		return EXIT_OK;
	default:
		msg_error(0, "serve: %s '%s'", c == ':' ?
		    "missing argument for" : "unknown option",
		    argv[optind - 1]);
		return msg_usage();
	}
}

/* The options into *O; EXIT_OK, or an exit code after saying why (--help
 * is EXIT_OK with o->policy NULL). */
static int
parse_opts(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{ "listen", required_argument, NULL, 'L' },
		{ "threads", required_argument, NULL, 'T' },
		{ "log", required_argument, NULL, 'l' },
		{ "today", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int c, code;

	memset(o, 0, sizeof *o);
	o->listen = DEFAULT_LISTEN;
	o->threads = cpus >= 1 && cpus <= MAX_THREADS ? (unsigned)cpus : 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		code = take_opt(c, argv, o);
		if (code != EXIT_OK || o->help)
			return code;
	}
	if (optind >= argc) {
		msg_error(0, "serve: no policy file given");
		return msg_usage();
	}
	if (optind + 1 < argc) {
		msg_error(0, "serve: one policy file only, found '%s' after "
		    "'%s'", argv[optind + 1], argv[optind]);
		return msg_usage();
	}
	o->policy = argv[optind];
	return EXIT_OK;
}

/* Room for every connection the server takes (the soft limit is often
 * 1024 open files). */
static void
raise_file_limit(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= WANT_FILES)
		return;
	rl.rlim_cur = rl.rlim_max < WANT_FILES ? rl.rlim_max : WANT_FILES;
	setrlimit(RLIMIT_NOFILE, &rl);
}

/* The policy at PATH and its translations, served with the words of LW,
 * into *OUT (one reference, the caller's). EXIT_OK or the exit code after
 * saying why. */
static int
load(const char *path, const struct langs_words *lw, struct served **out)
{
	struct translation_set tr;
	struct aipolicy *p;
	int code;

	*out = NULL;
	code = msg_load(path, &p);
	if (code == EXIT_OK)
		code = msg_translations(path, p, &tr);
	else
		return code;
	if (code == EXIT_OK && (*out = served_new(p, &tr, lw)) == NULL)
		code = msg_error(EXIT_NOMEM, "out of memory");
	if (code != EXIT_OK)
		aipolicy_free(p);
	return code;
}

/* Load, open the log, listen and start; say "serving". EXIT_OK or the
 * exit code after saying why. */
static int
start(const struct opts *o, const struct langs_words *lw, struct server *srv,
    struct http **http)
{
	struct listen_addr la;
	struct served *s;
	char url[LISTEN_URL_SIZE];
	int code, fd;

	code = load(o->policy, lw, &s);
	if (code != EXIT_OK)
		return code;
	server_init(srv, s);
	srv->words = lw;
	srv->fixed_today = o->fixed_today;
	srv->today = o->today;
	if (o->log != NULL) {
		srv->logq = logq_new(o->log, &srv->metrics);
		if (srv->logq == NULL)
			return msg_file_error(errno == ENOMEM ? EXIT_NOMEM :
			    EXIT_IOERR, o->log, "cannot open the decision log: "
			    "%s", strerror(errno));
	}
	listen_parse(o->listen, &la);
	fd = listen_open(&la, LISTEN_BACKLOG);
	if (fd < 0 || !listen_url(fd, url))
		return msg_error(EXIT_UNAVAILABLE, "cannot listen on %s: %s",
		    o->listen, strerror(errno));
	*http = http_start(srv, fd, o->threads);
	if (*http == NULL)
		return msg_error(EXIT_UNAVAILABLE, "cannot listen on %s: the "
		    "HTTP server did not start", o->listen);
	msg_note("serving %s at %s", s->name, url);
	return EXIT_OK;
}

/* SIGHUP: the policy file again (kept only when valid), the log reopened. */
static void
reload(struct server *srv, const char *path)
{
	struct served *s = NULL, *cur;

	if (srv->logq != NULL)
		logq_reopen(srv->logq);
	if (load(path, srv->words, &s) == EXIT_OK) {
		server_swap(srv, s);
		atomic_fetch_add(&srv->metrics.reloads_ok, 1);
		msg_note("reloaded %s", s->name);
		return;
	}
	atomic_fetch_add(&srv->metrics.reloads_failed, 1);
	cur = server_acquire(srv);
	msg_note("reload failed; still serving %s", cur->name);
	served_release(cur);
}

/* Take signals until SIGTERM or SIGINT. */
static void
run(struct server *srv, struct http *h, const char *path)
{
	struct timespec tick = { 1, 0 };
	sigset_t set;
	int sig;

	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	for (;;) {
		sig = sigtimedwait(&set, NULL, &tick);
		http_expire(h);
		if (sig == SIGHUP)
			reload(srv, path);
		else if (sig == SIGINT || sig == SIGTERM)
			return;
	}
}

/* Stop accepting, let running requests finish (for at most
 * HTTP_TIMEOUT_SECONDS), keep what the log was given, close the rest. */
static void
stop(struct server *srv, struct http *h)
{
	struct timespec pause = { 0, 10 * 1000 * 1000 };
	time_t until = time(NULL) + HTTP_TIMEOUT_SECONDS;

	atomic_store(&srv->stopping, true);
	http_quiesce(h);
	while (http_running(h) > 0 && time(NULL) < until)
		nanosleep(&pause, NULL);
	if (srv->logq != NULL)
		logq_close(srv->logq);
	http_stop(h);
}

int
main(int argc, char **argv)
{
	struct langs_words lw;
	struct server srv;
	struct http *h = NULL;
	struct opts o;
	sigset_t set;
	int code;

	jsonmem_watch();
	code = parse_opts(argc, argv, &o);
	if (code != EXIT_OK || o.policy == NULL) {
		if (fflush(stdout) != 0 || fclose(stdout) != 0)
			return msg_error(EXIT_IOERR, "cannot write to standard "
			    "output: %s", strerror(errno));
		return code;
	}
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	raise_file_limit();
	memset(&srv, 0, sizeof srv);
	if (langs_words_load(&lw) != 0)
		return msg_error(EXIT_NOMEM, "out of memory");
	code = start(&o, &lw, &srv, &h);
	if (code == EXIT_OK) {
		run(&srv, h, o.policy);
		stop(&srv, h);
	}
	if (srv.current != NULL) {
		if (logq_free(srv.logq) != 0 && code == EXIT_OK)
			code = EXIT_IOERR;
		server_release(&srv);
	}
	langs_words_release(&lw);
	return code;
}
