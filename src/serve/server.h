/*
 * server.h: what every request of a server shares: the policy being
 * served (swapped by a reload), "today", the decision log and the
 * counters. One struct server per process; the HTTP layer (http.c) and
 * the request handlers (handler.c) take it as a parameter.
 */
#ifndef AIPOLICY_SERVE_SERVER_H
#define AIPOLICY_SERVE_SERVER_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "aipolicy/policy.h"
#include "langs.h"
#include "logq.h"
#include "metrics.h"
#include "served.h"

struct server {
	pthread_mutex_t lock;   /* guards current */
	struct served *current;
	bool fixed_today;       /* --today was given */
	aipolicy_date_t today;  /* its date */
	struct logq *logq;      /* NULL without --log */
	/* The program's words in each language with a catalogue, for the
	 * policies a reload makes; NULL: English only. Not owned. */
	const struct langs_words *words;
	struct metrics metrics;
	atomic_bool stopping;   /* answer with Connection: close */
};

/* server_init: serve S (the server takes the caller's reference); no
 * log, today taken per request, no words but English for reloads.
 * Release with server_release. */
void server_init(struct server *srv, struct served *s);
/* server_release: drops the current policy (the log is the caller's). */
void server_release(struct server *srv);

/* server_acquire: a reference to the current policy, for one request
 * (served_release it when the request ends). */
struct served *server_acquire(struct server *srv);
/* server_swap: serve S from now on (taking the caller's reference); the
 * old policy is released (requests still holding it finish on it). */
void server_swap(struct server *srv, struct served *s);

/* server_today: --today, or the local date now. */
aipolicy_date_t server_today(const struct server *srv);

#endif
