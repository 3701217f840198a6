/*
 * listen.c: parsing --listen, binding the socket, naming its URL.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "listen.h"

#define PORT_MAX 65535
#define PORT_DIGITS_MAX 5

static bool parse_port(const char *s, in_port_t *out);
static int open_family(const struct listen_addr *a, int backlog);

/* Decimal digits, no sign, at most PORT_MAX. */
static bool
parse_port(const char *s, in_port_t *out)
{
	unsigned long v = 0;
	size_t n = strspn(s, "0123456789");

	if (n == 0 || n > PORT_DIGITS_MAX || s[n] != '\0')
		return false;
	v = strtoul(s, NULL, 10);
	if (v > PORT_MAX)
		return false;
	*out = htons((in_port_t)v);
	return true;
}

bool
listen_parse(const char *addr, struct listen_addr *out)
{
	struct sockaddr_in *v4 = (struct sockaddr_in *)&out->sa;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&out->sa;
	char host[INET6_ADDRSTRLEN];
	const char *colon, *end;
	size_t n;

	memset(out, 0, sizeof *out);
	if (addr[0] == '[') {
		end = strchr(addr, ']');
		if (end == NULL || end[1] != ':')
			return false;
		n = (size_t)(end - addr - 1);
		if (n == 0 || n >= sizeof host)
			return false;
		memcpy(host, addr + 1, n);
		host[n] = '\0';
		v6->sin6_family = AF_INET6;
		out->len = sizeof *v6;
		return inet_pton(AF_INET6, host, &v6->sin6_addr) == 1 &&
		    parse_port(end + 2, &v6->sin6_port);
	}
	colon = strrchr(addr, ':');
	if (colon == NULL)
		return false;
	n = (size_t)(colon - addr);
	if (n == 0) {
		out->every = true;
		v6->sin6_family = AF_INET6;
		v6->sin6_addr = in6addr_any;
		out->len = sizeof *v6;
		return parse_port(colon + 1, &v6->sin6_port);
	}
	if (n >= sizeof host || memchr(addr, ':', n) != NULL)
		return false;
	memcpy(host, addr, n);
	host[n] = '\0';
	v4->sin_family = AF_INET;
	out->len = sizeof *v4;
	return inet_pton(AF_INET, host, &v4->sin_addr) == 1 &&
	    parse_port(colon + 1, &v4->sin_port);
}

/* One socket for A as it is; -1 with errno. */
static int
open_family(const struct listen_addr *a, int backlog)
{
	int fd, on = 1, off = 0, saved;

	fd = socket(a->sa.ss_family, SOCK_STREAM | SOCK_NONBLOCK |
	    SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 ||
	    (a->sa.ss_family == AF_INET6 && setsockopt(fd, IPPROTO_IPV6,
	    IPV6_V6ONLY, a->every ? &off : &on, sizeof on) != 0) ||
	    bind(fd, (const struct sockaddr *)&a->sa, a->len) != 0 ||
	    listen(fd, backlog) != 0) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

int
listen_open(const struct listen_addr *a, int backlog)
{
	struct listen_addr v4;
	struct sockaddr_in *sin = (struct sockaddr_in *)&v4.sa;
	int fd = open_family(a, backlog);

	if (fd >= 0 || !a->every || errno != EAFNOSUPPORT)
		return fd;
	/* No IPv6 here: every IPv4 address. */
	memset(&v4, 0, sizeof v4);
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = htonl(INADDR_ANY);
	sin->sin_port = ((const struct sockaddr_in6 *)&a->sa)->sin6_port;
	v4.len = sizeof *sin;
	return open_family(&v4, backlog);
}

bool
listen_url(int fd, char url[LISTEN_URL_SIZE])
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	char host[INET6_ADDRSTRLEN];

	if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0)
		return false;
	if (ss.ss_family == AF_INET6) {
		struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
		inet_ntop(AF_INET6, &v6->sin6_addr, host, sizeof host);
		snprintf(url, LISTEN_URL_SIZE, "http://[%s]:%u/", host,
		    (unsigned)ntohs(v6->sin6_port));
	} else {
		struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
		inet_ntop(AF_INET, &v4->sin_addr, host, sizeof host);
		snprintf(url, LISTEN_URL_SIZE, "http://%s:%u/", host,
		    (unsigned)ntohs(v4->sin_port));
	}
	return true;
}
