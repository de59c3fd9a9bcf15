/**
 * mulberry32: a tiny, fast, seeded pseudo-random generator for made-up data (the demo borrower,
 * benchmark and test histories). The same seed always gives the same sequence, so generated
 * documents and the timings measured on them compare like with like. Not for anything secret.
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
