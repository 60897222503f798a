/*
 * xorshift.h - the tests' deterministic random numbers (Marsaglia's
 * xorshift64, fixed seed), so a failing case is the same on every run.
 */
#ifndef RS_TEST_XORSHIFT_H
#define RS_TEST_XORSHIFT_H

#include <stdint.h>

static uint64_t rng = 88172645463325252ull;

static uint64_t next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

#endif
