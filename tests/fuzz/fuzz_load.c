/*
 * fuzz_load.c: libFuzzer target: any bytes in, load, walk, free. Must never
 * crash, hang or leak. Build and run it with `make fuzz` (clang's
 * libFuzzer, with AddressSanitizer and UBSan).
 */
#include <stddef.h>
#include <stdint.h>

#include "aipolicy/lint.h"
#include "aipolicy/policy.h"
#include "aipolicy/walk.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct aipolicy *p = NULL;
	struct aipolicy_diags d;
	struct aipolicy_walker *w;
	struct aipolicy_walk_result r;

	aipolicy_diags_init(&d, "fuzz.yaml");
	if (aipolicy_load_buffer("fuzz.yaml", (const char *)data, size, &p,
	    &d) == AIPOLICY_OK) {
		aipolicy_lint(p, 20261128, &d);
		w = aipolicy_walker_new(p);
		if (w != NULL)
			aipolicy_walker_run(w, NULL, 0,
			    AIPOLICY_WALK_WORST_CASE, &r);
		aipolicy_walker_free(w);
		aipolicy_free(p);
	}
	aipolicy_diags_release(&d);
	return 0;
}
