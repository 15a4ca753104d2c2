// Summary statistics of timing samples.

/** n, min, median, p95 (nearest rank), max and mean of `samples`; {n: 0} when empty. */
export function stats(samples) {
  const s = samples.filter((v) => typeof v === 'number').sort((a, b) => a - b);
  if (!s.length) return { n: 0 };
  const rank = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return {
    n: s.length,
    min: s[0],
    median: s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2,
    p95: rank(0.95),
    max: s[s.length - 1],
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}
