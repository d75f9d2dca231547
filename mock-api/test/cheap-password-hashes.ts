// Vitest setup for the API suite: staff password hashes at N = 2^10 instead of 2^15. The suite
// seeds nine demo accounts per store and signs in hundreds of times; at the production cost that
// was minutes of CI on two cores. The scheme and the code paths are the same; passwords.test.ts
// checks the production cost itself.
import { setHashCostForTests } from '../storage/passwords.js'

export const CHEAP_TEST_COST = { N: 2 ** 10, r: 8, p: 1 }

setHashCostForTests(CHEAP_TEST_COST)
