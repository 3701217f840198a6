/*
 * server.c: the current policy of a server, swapped under a mutex.
 */
#include "server.h"

void
server_init(struct server *srv, struct served *s)
{
	pthread_mutex_init(&srv->lock, NULL);
	srv->current = s;
	srv->fixed_today = false;
	srv->today = 0;
	srv->logq = NULL;
	srv->words = NULL;
	metrics_init(&srv->metrics);
	atomic_init(&srv->stopping, false);
}

void
server_release(struct server *srv)
{
	served_release(srv->current);
	srv->current = NULL;
	pthread_mutex_destroy(&srv->lock);
}

struct served *
server_acquire(struct server *srv)
{
	struct served *s;

	pthread_mutex_lock(&srv->lock);
	s = srv->current;
	served_hold(s);
	pthread_mutex_unlock(&srv->lock);
	return s;
}

void
server_swap(struct server *srv, struct served *s)
{
	struct served *old;

	pthread_mutex_lock(&srv->lock);
	old = srv->current;
	srv->current = s;
	pthread_mutex_unlock(&srv->lock);
	served_release(old);
}

aipolicy_date_t
server_today(const struct server *srv)
{
	return srv->fixed_today ? srv->today : aipolicy_date_today();
}
