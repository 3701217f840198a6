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
	struct policy *p = NULL;
	struct diags d;
	struct walker *w;
	struct walk_result r;

	diags_init(&d, "fuzz.yaml");
	if (policy_load_buffer("fuzz.yaml", (const char *)data, size, &p,
	    &d) == LOAD_OK) {
		policy_lint(p, 20261128, &d);
		w = walker_new(p);
		if (w != NULL)
			walker_run(w, NULL, 0, WALK_WORST_CASE, &r);
		walker_free(w);
		policy_free(p);
	}
	diags_release(&d);
	return 0;
}
