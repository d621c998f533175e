import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROPERTY_SEED } from './support/property-seed.ts';

describe('random cases', () => {
  it('npm test draws every property from one seed (FUZZ_EXPLORE draws new ones)', () => {
    if (process.env.FUZZ_EXPLORE && !process.env.FUZZ_SEED) expect(fc.readConfigureGlobal().seed).toBeUndefined();
    else {
      expect(PROPERTY_SEED).toEqual(expect.any(Number));
      expect(fc.readConfigureGlobal().seed).toBe(PROPERTY_SEED);
      // The same seed, the same cases: two runs of one property see the same values.
      const drawn = () => {
        const seen: number[] = [];
        fc.assert(fc.property(fc.integer(), (n) => void seen.push(n)), { numRuns: 20 });
        return seen;
      };
      expect(drawn()).toEqual(drawn());
    }
  });
});
