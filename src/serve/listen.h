/*
 * listen.h: the address a server listens on: --listen ADDR parsed, the
 * socket bound, and the URL it is reached at.
 */
#ifndef AIPOLICY_SERVE_LISTEN_H
#define AIPOLICY_SERVE_LISTEN_H

#include <stdbool.h>
#include <sys/socket.h>

/* Room for "http://[IPV6]:PORT/" and a NUL. */
#define LISTEN_URL_SIZE 80

struct listen_addr {
	struct sockaddr_storage sa;
	socklen_t len;
	bool every;     /* ":PORT": every address, IPv6 and IPv4 */
};

/*
 * listen_parse: ADDR as HOST:PORT (HOST a numeric IPv4 address),
 * [IPV6]:PORT or :PORT, PORT from 0 to 65535. False when it is none of
 * these.
 */
bool listen_parse(const char *addr, struct listen_addr *out);

/*
 * listen_open: a listening, non-blocking socket bound to A (for ":PORT",
 * IPv6 and IPv4 together, or IPv4 alone where there is no IPv6), with
 * BACKLOG pending connections. Returns the socket, or -1 with errno set.
 */
int listen_open(const struct listen_addr *a, int backlog);

/* listen_url: "http://HOST:PORT/" of the socket FD (the port it really
 * got) into URL. False (errno set) when the socket cannot say. */
bool listen_url(int fd, char url[LISTEN_URL_SIZE]);

#endif
