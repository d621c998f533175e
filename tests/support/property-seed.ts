/**
 * Where random cases come from. `npm test` draws every property's cases (fast-check's and the page fuzz's) from
 * one fixed seed: a run is reproducible and never turns red by luck. `npm run fuzz` sets FUZZ_EXPLORE=1 and draws
 * new seeds, so new cases are found there; FUZZ_SEED=<seed> replays any run's cases.
 */
import fc from 'fast-check';

const FIXED_SEED = 20261201;

export const PROPERTY_SEED: number | undefined = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : process.env.FUZZ_EXPLORE
    ? undefined
    : FIXED_SEED;

fc.configureGlobal({ seed: PROPERTY_SEED });
