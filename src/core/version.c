/*
 * version.c: the library's own version, as built.
 */
#include "aipolicy/version.h"

const char *
aipolicy_version(void)
{
	return AIPOLICY_VERSION_STRING;
}

int
aipolicy_version_number(void)
{
	return AIPOLICY_VERSION_NUMBER;
}
