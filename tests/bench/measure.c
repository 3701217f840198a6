/*
 * measure.c: run a command RUNS times and print the fastest wall-clock
 * time in microseconds and the largest peak resident set in KiB, as
 * "USEC KIB". Standard input is read from IN, standard output goes to OUT
 * and standard error to /dev/null; the command's exit code is not judged.
 * usage: measure RUNS IN OUT COMMAND [ARG ...]
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long
now_usec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Run ARGV once with IN and OUT; *usec and *kib get its figures. */
static int
run_once(char **argv, const char *in, const char *out, long long *usec,
    long *kib)
{
	struct rusage ru;
	long long t0 = now_usec();
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int i = open(in, O_RDONLY);
		int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int e = open("/dev/null", O_WRONLY);
		if (i < 0 || o < 0 || e < 0 || dup2(i, 0) < 0 ||
		    dup2(o, 1) < 0 || dup2(e, 2) < 0)
			_exit(127);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		return -1;
	*usec = now_usec() - t0;
	*kib = ru.ru_maxrss;
	return WIFEXITED(status) && WEXITSTATUS(status) == 127 ? -1 : 0;
}

int
main(int argc, char **argv)
{
	long long best = -1, usec;
	long peak = 0, kib;
	int runs, i;

	if (argc < 5) {
		fprintf(stderr,
		    "usage: measure RUNS IN OUT COMMAND [ARG ...]\n");
		return 64;
	}
	runs = atoi(argv[1]);
	for (i = 0; i < runs; i++) {
		if (run_once(argv + 4, argv[2], argv[3], &usec, &kib) != 0) {
			fprintf(stderr, "measure: cannot run %s\n", argv[4]);
			return 1;
		}
		if (best < 0 || usec < best)
			best = usec;
		if (kib > peak)
			peak = kib;
	}
	printf("%lld %ld\n", best, peak);
	return 0;
}
