/*
 * aipolicy.h: the aipolicy engine, every public header at once.
 *
 *	#include <aipolicy/aipolicy.h>
 *
 * Load a policy (policy.h), answer queries with a walker of your own per
 * thread (walk.h), put the result in words or JSON (policy.h, result.h),
 * check a policy like `aipolicy lint` (lint.h), print its one page
 * (render.h). docs/embedding.md is the guide; each function says who owns
 * what it returns and whether it may be called from several threads.
 */
#ifndef AIPOLICY_AIPOLICY_H
#define AIPOLICY_AIPOLICY_H

#include "aipolicy/version.h"
#include "aipolicy/diag.h"
#include "aipolicy/policy.h"
#include "aipolicy/walk.h"
#include "aipolicy/result.h"
#include "aipolicy/lint.h"
#include "aipolicy/render.h"

#endif
